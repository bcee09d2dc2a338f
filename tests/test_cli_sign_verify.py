"""``ketaconsole sign``, ``export --format record`` and ``verify`` end to end on a real SQLite file:
provision users by script, record a session, sign it, export it, verify the file and the stored
session, and see a tampered file and a wrong password refused with the right exit status."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.cli import main
from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import Observation
from ketaconsole.storage.database import Database

ADMIN, NURSE, CLINICIAN = "ward admin pass 1", "nora's long secret", "clinician secret 2"


@pytest.fixture(autouse=True)
def empty_site_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETACONSOLE_CONFIG_DIR", str(tmp_path / "site"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'clinic.sqlite3'}"


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch):
    def run(*arguments: str, stdin: str = "") -> int:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        return main(["--db", db_url, *arguments])

    return run


@pytest.fixture
def session_id(cli, db_url: str, tmp_path: Path) -> str:
    assert cli("users", "add", "--id", "ada", "--name", "Ada Admin", "--role", "administrator",
               "--password-stdin", stdin=f"{ADMIN}\n") == 0
    assert cli("users", "add", "--id", "nora.b", "--name", "Nora Brown", "--role", "nurse",
               "--password-stdin", "--by", "ada", stdin=f"{NURSE}\n{ADMIN}\n") == 0
    assert cli("users", "add", "--id", "dr.lee", "--name", "Dr Sam Lee", "--role", "clinician",
               "--password-stdin", "--by", "ada", stdin=f"{CLINICIAN}\n{ADMIN}\n") == 0
    clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    with Database(db_url) as database:
        recorder = Recorder(database, port=str(tmp_path / "no-monitor"), protocol="masimo", clock=clock)
        session = recorder.start()
        recorder.add_manual_observations([Observation("SPO2", 97, clock.now(), "nurse", manual=True)])
        clock.advance(120)
        recorder.stop()
    return session


def test_sign_export_and_verify(cli, session_id: str, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("sign", session_id[:8], "--user", "nora.b", "--meaning", "author", "--password-stdin",
               stdin=f"{NURSE}\n") == 0
    assert "Nora Brown (nurse) — Administered and recorded by (author)" in capsys.readouterr().out
    assert cli("sign", session_id, "--user", "dr.lee", "--meaning", "review", "--password-stdin",
               stdin=f"{CLINICIAN}\n") == 0
    record = tmp_path / "record.json"
    assert cli("export", session_id, "--format", "record", "--out", str(record)) == 0
    capsys.readouterr()

    assert cli("verify", str(record)) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"VERIFIED: session {session_id}")
    assert "✔ Nora Brown (nurse, nora.b) — Administered and recorded by (author)" in out
    assert "✔ Dr Sam Lee (clinician, dr.lee) — Reviewed by" in out
    assert cli("verify", "--session", session_id[:8]) == 0

    text = record.read_text(encoding="utf-8")
    tampered = tmp_path / "tampered.json"
    tampered.write_text(text.replace('"printed_name": "Nora Brown"', '"printed_name": "Nora Brawn"', 1),
                        encoding="utf-8")
    assert tampered.read_text(encoding="utf-8") != text
    capsys.readouterr()
    assert cli("verify", str(tampered)) == 1
    assert capsys.readouterr().out.startswith("NOT VERIFIED")


def test_a_wrong_password_or_meaning_is_refused(cli, session_id: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("sign", session_id, "--user", "nora.b", "--meaning", "author", "--password-stdin",
               stdin="wrong password here\n") == 1
    assert "refused" in capsys.readouterr().err
    assert cli("sign", session_id, "--user", "nora.b", "--meaning", "review", "--password-stdin",
               stdin=f"{NURSE}\n") == 1
    assert cli("sign", session_id, "--user", "nora.b", "--meaning", "author", "--password-stdin") == 2
    assert cli("verify", "--session", session_id) == 0
    assert "not signed" in capsys.readouterr().out


def test_verify_exits_2_for_an_unknown_session_and_1_for_an_unreadable_file(
        cli, db_url: str, tmp_path: Path) -> None:
    with Database(db_url):
        pass
    assert cli("verify", "--session", "feedbeef") == 2
    assert cli("verify", str(tmp_path / "missing.json")) == 1


def test_the_password_goes_through_a_pipe(session_id: str, db_url: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ketaconsole", "--db", db_url, "sign", session_id, "--user", "nora.b",
         "--meaning", "author", "--password-stdin"],
        input=f"{NURSE}\n", capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert NURSE not in result.stdout + result.stderr
