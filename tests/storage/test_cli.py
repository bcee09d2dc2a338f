"""``ketaconsole sessions`` and ``ketaconsole export`` through ``ketaconsole.cli.main``."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from ketaconsole.cli import main
from ketaconsole.core.clock import ManualClock, Stamp, SystemClock
from ketaconsole.core.observations import AbsentReason, Observation
from ketaconsole.storage.database import Database
from ketaconsole.storage.writer import SessionWriter

At = Callable[[float], Stamp]
HEADER = "time_utc,device_time,parameter,loinc,mdc,value,unit,status,source"


def _recorded_session(
    database: Database, started: Stamp, observations: list[Observation], identifier: str
) -> str:
    patient_id = database.get_or_create_patient(identifier)
    session_id = database.start_session(
        protocol="masimo", port="/dev/ttyUSB0", started=started, patient_id=patient_id
    )
    writer = SessionWriter(database, session_id, clock=ManualClock(start=started.utc))
    writer.submit(observations)
    writer.close()
    return session_id


def test_sessions_lists_table_with_interrupted_marker_and_resume_hint(
    database: Database, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    now = SystemClock().now()

    def ago(seconds: float) -> Stamp:
        return Stamp(now.utc - timedelta(seconds=seconds), now.monotonic_ns - round(seconds * 1e9))

    ended = _recorded_session(database, ago(7200), [Observation("HR", 60.0, ago(7199), "m")] * 3, "MRN-1")
    database.end_session(ended, ago(3600))
    crashed = _recorded_session(database, ago(600), [Observation("SPO2", 97.0, ago(599), "m")], "MRN-2")
    live = database.start_session(protocol="datex-s5", port="COM3", started=ago(1), patient_id=None)

    assert main(["--db", database_url, "sessions"]) == 0
    output = capsys.readouterr().out
    lines = output.splitlines()
    header = next(line for line in lines if line.startswith("ID"))
    assert header.split() == [
        "ID",
        "PATIENT",
        "PROTOCOL",
        "PORT",
        "STARTED",
        "(local)",
        "ENDED",
        "(local)",
        "OBSERVATIONS",
    ]
    row = {
        session_id: next(line for line in lines if line.startswith(session_id))
        for session_id in (ended, crashed, live)
    }
    assert row[ended].split()[1:4] == ["MRN-1", "masimo", "/dev/ttyUSB0"]
    assert row[ended].split()[-1] == "3"
    assert "INTERRUPTED" not in row[ended]
    assert row[crashed].split()[-2:] == ["INTERRUPTED", "1"]
    assert row[live].split()[-2:] == ["recording", "0"]
    assert f"ketaconsole record --resume {crashed} ..." in output
    assert f"--resume {live}" not in output and f"--resume {ended}" not in output
    assert lines.index(header) < lines.index(row[live]) < lines.index(row[crashed]) < lines.index(row[ended])


def test_sessions_on_an_empty_database(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", database_url, "sessions"]) == 0
    assert capsys.readouterr().out.startswith("No sessions in ")


def test_sessions_reports_an_unopenable_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'missing-folder' / 'k.sqlite3'}"
    assert main(["--db", url, "sessions"]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_export_by_prefix_to_a_file(database: Database, database_url: str, at: At, tmp_path: Path) -> None:
    observations = [
        Observation("SPO2", 97.0, at(1), "masimo"),
        Observation.absent("SPO2", AbsentReason.INVALID, at(2), "masimo"),
    ]
    session_id = _recorded_session(database, at(0), observations, "MRN-1")
    out = tmp_path / "export" / "session.csv"
    out.parent.mkdir()
    assert main(["--db", database_url, "export", session_id[:8], "--format", "csv", "--out", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert ",".join(rows[0]) == HEADER
    assert [(r[2], r[5], r[7]) for r in rows[1:]] == [("SPO2", "97.0", "valid"), ("SPO2", "", "invalid")]
    assert sorted(p.name for p in out.parent.iterdir()) == ["session.csv"]


def test_export_to_stdout(
    database: Database, database_url: str, at: At, capsys: pytest.CaptureFixture[str]
) -> None:
    session_id = _recorded_session(database, at(0), [Observation("HR", 61.0, at(1), "s5")], "MRN-1")
    assert main(["--db", database_url, "export", session_id]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [HEADER, "2026-03-02T08:30:01.000000Z,,HR,8867-4,147842,61.0,/min,valid,s5"]


def test_export_unknown_session_exits_2(
    database: Database, database_url: str, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "never.csv"
    assert main(["--db", database_url, "export", "deadbeef", "--out", str(out)]) == 2
    assert "no session 'deadbeef'" in capsys.readouterr().err
    assert not out.exists()


def test_export_ambiguous_prefix_exits_2(database: Database, database_url: str, at: At, capsys) -> None:
    ids = [database.start_session(protocol="m", port="p", started=at(n), patient_id=None) for n in range(40)]
    shared = next(i[:1] for i in ids if sum(other.startswith(i[:1]) for other in ids) > 1)
    assert main(["--db", database_url, "export", shared]) == 2
    assert "matches several sessions" in capsys.readouterr().err


def test_failed_export_leaves_no_file_and_keeps_an_older_one(
    database: Database, database_url: str, at: At, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = [Observation("HR", 61.0, at(n), "s5") for n in range(1, 50)]
    session_id = _recorded_session(
        database, at(0), [*good, Observation("NOT_A_PARAMETER", 1.0, at(60), "x")], "MRN-1"
    )
    out = tmp_path / "session.csv"
    out.write_text("previous export\n", encoding="utf-8")
    assert main(["--db", database_url, "export", session_id, "--out", str(out)]) == 1
    assert "NOT_A_PARAMETER" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(
        p.name
        for p in tmp_path.iterdir()
        if p.name != "ketaconsole.sqlite3" and not p.name.startswith("ketaconsole.sqlite3-")
    ) == ["session.csv"]
