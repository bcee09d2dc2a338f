"""The wheel is complete: built, installed into a fresh venv and run from outside the repository.

Third-party dependencies are borrowed from the test environment through a ``.pth`` file rather than
downloaded again; ``ketaconsole`` itself must come from the wheel.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

import ketaconsole

pytestmark = pytest.mark.slow

REPOSITORY = Path(ketaconsole.__file__).resolve().parents[1]
REQUIRED_IN_WHEEL = [
    "ketaconsole/_data/ui/main_window.ui",
    "ketaconsole/_data/resources/parameters.toml",
    "ketaconsole/storage/migrations/env.py",
    "ketaconsole/storage/migrations/script.py.mako",
    "ketaconsole/storage/migrations/versions/0001_initial.py",
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (REPOSITORY / "pyproject.toml").exists():
        pytest.skip("ketaconsole is not imported from a source checkout")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPOSITORY),
        ],
        check=True,
        timeout=300,
    )
    (built,) = out.glob("ketaconsole-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; returns its ``bin`` directory."""
    root = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(root)
    python = root / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        check=True,
        timeout=300,
    )
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site_packages) / "test_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return root / "bin"


def test_the_wheel_carries_forms_resources_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in REQUIRED_IN_WHEEL if name not in names]
    assert missing == []


def test_the_installed_command_runs_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    help_text = run(installed / "ketaconsole", "--help", cwd=tmp_path)
    assert "record" in help_text and "sim" in help_text
    location = run(
        installed / "python", "-c", "import ketaconsole; print(ketaconsole.__file__)", cwd=tmp_path
    )
    assert Path(location.strip()).is_relative_to(installed.parent)


def test_a_headless_recording_with_the_installed_command(installed: Path, tmp_path: Path) -> None:
    ketaconsole_command = str(installed / "ketaconsole")
    database = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    simulator = subprocess.Popen(
        [ketaconsole_command, "sim", "--protocol", "masimo", "--pty", "--duration", "8"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=tmp_path,
    )
    try:
        assert simulator.stdout is not None
        port_line = simulator.stdout.readline()
        assert port_line.startswith("PORT "), port_line
        recording = run(
            ketaconsole_command,
            "--db",
            database,
            "record",
            "--port",
            port_line.split()[1],
            "--protocol",
            "masimo",
            "--duration",
            "4",
            cwd=tmp_path,
        )
    finally:
        simulator.terminate()
        simulator.wait(10)
        simulator.stdout.close()
    first_line = recording.splitlines()[0]
    assert first_line.startswith("SESSION ")
    session_id = first_line.split()[1]
    assert session_id in run(ketaconsole_command, "--db", database, "sessions", cwd=tmp_path)
    exported = run(
        ketaconsole_command, "--db", database, "export", session_id, "--format", "csv", cwd=tmp_path
    )
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert any(row["parameter"] == "SPO2" and row["value"] for row in rows)


def run(*command: str | Path, cwd: Path) -> str:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, cwd=cwd, timeout=120
    )
    assert result.returncode == 0, f"{command} failed ({result.returncode}):\n{result.stderr}"
    return result.stdout
