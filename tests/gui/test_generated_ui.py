"""The committed ``pyside6-uic`` output matches its Designer form (regenerate after editing ``ui/``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ketaconsole.gui.generated
from ketaconsole.paths import data_path

GENERATED_DIR = Path(ketaconsole.gui.generated.__file__).parent
#: Every Designer form in ui/; each must have its committed pyside6-uic output.
FORMS = sorted(path.stem for path in data_path("ui").glob("*.ui"))
UIC_VERSION_MARKER = "Created by: Qt User Interface Compiler version"


def uic_command() -> str:
    beside_python = Path(sys.executable).with_name("pyside6-uic")
    found = str(beside_python) if beside_python.exists() else shutil.which("pyside6-uic")
    assert found, "pyside6-uic not found (it comes with PySide6-Essentials)"
    return found


def without_uic_version(text: str) -> list[str]:
    return [line for line in text.splitlines() if UIC_VERSION_MARKER not in line]


@pytest.mark.parametrize("form", FORMS)
def test_committed_form_code_is_up_to_date(form: str, tmp_path: Path) -> None:
    fresh = tmp_path / f"ui_{form}.py"
    form_file = data_path("ui", f"{form}.ui")
    subprocess.run([uic_command(), str(form_file), "-o", str(fresh)], check=True, timeout=60)
    committed = GENERATED_DIR / f"ui_{form}.py"
    assert without_uic_version(committed.read_text(encoding="utf-8")) == without_uic_version(
        fresh.read_text(encoding="utf-8")
    ), f"{committed} is stale: run  pyside6-uic ui/{form}.ui -o ketaconsole/gui/generated/ui_{form}.py"


def test_every_generated_module_has_its_form() -> None:
    """No generated code is left behind for a form that was removed or renamed."""
    generated = sorted(path.stem.removeprefix("ui_") for path in GENERATED_DIR.glob("ui_*.py"))
    assert generated == FORMS
