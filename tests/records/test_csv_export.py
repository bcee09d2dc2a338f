"""CSV export of a session's observations from a real SQLite database."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from ketaconsole.core.clock import Stamp
from ketaconsole.core.observations import AbsentReason, Observation
from ketaconsole.records.csv_export import write_observations_csv
from ketaconsole.storage.database import Database
from ketaconsole.storage.writer import SessionWriter

T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
HEADER = "time_utc,device_time,parameter,loinc,mdc,value,unit,status,source"


def at(seconds: float) -> Stamp:
    return Stamp(T0 + timedelta(seconds=seconds), round(seconds * 1e9))


@pytest.fixture
def database(tmp_path: Path):
    db = Database(f"sqlite:///{tmp_path / 'export.sqlite3'}")
    yield db
    db.close()


def _record(database: Database, observations: list[Observation]) -> str:
    session_id = database.start_session(protocol="masimo", port="p", started=at(0), patient_id=None)
    writer = SessionWriter(database, session_id)
    writer.submit(observations)
    writer.close()
    return session_id


def _export(database: Database, session_id: str) -> str:
    out = io.StringIO(newline="")
    write_observations_csv(database, session_id, out)
    return out.getvalue()


def test_header_and_rows_in_time_order(database: Database) -> None:
    session_id = _record(
        database,
        [
            Observation(
                "HR",
                64.0,
                at(2.25),
                "datex-s5",
                device_time=datetime(2026, 3, 2, 10, 30, 2, tzinfo=timezone(timedelta(hours=2))),
            ),
            Observation("SPO2", 97.0, at(1), "masimo", device_time=datetime(2026, 3, 2, 9, 30, 1)),
            Observation.absent("PR", AbsentReason.SENSOR_OFF, at(1.5), "masimo"),
            Observation("NIBP_SYS", 121.5, at(3), "nurse.jones", manual=True),
        ],
    )
    text = _export(database, session_id)
    assert text.splitlines()[0] == HEADER
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert rows == [
        [
            "2026-03-02T08:30:01.000000Z",
            "2026-03-02T09:30:01.000000",
            "SPO2",
            "59408-5",
            "150456",
            "97.0",
            "%",
            "valid",
            "masimo",
        ],
        ["2026-03-02T08:30:01.500000Z", "", "PR", "8867-4", "149530", "", "/min", "sensor-off", "masimo"],
        [
            "2026-03-02T08:30:02.250000Z",
            "2026-03-02T08:30:02.000000Z",
            "HR",
            "8867-4",
            "147842",
            "64.0",
            "/min",
            "valid",
            "datex-s5",
        ],
        [
            "2026-03-02T08:30:03.000000Z",
            "",
            "NIBP_SYS",
            "8480-6",
            "150021",
            "121.5",
            "mm[Hg]",
            "valid",
            "manual:nurse.jones",
        ],
    ]


def test_every_absent_reason_is_written_as_status(database: Database) -> None:
    reasons = list(AbsentReason)
    session_id = _record(
        database, [Observation.absent("SPO2", reason, at(n), "masimo") for n, reason in enumerate(reasons)]
    )
    rows = list(csv.DictReader(io.StringIO(_export(database, session_id))))
    assert [(row["value"], row["status"]) for row in rows] == [("", reason.value) for reason in reasons]


def test_empty_session_exports_only_the_header(database: Database) -> None:
    session_id = _record(database, [])
    assert _export(database, session_id) == HEADER + "\r\n"


def test_unknown_parameter_fails_instead_of_exporting_a_value_without_unit(database: Database) -> None:
    session_id = _record(database, [Observation("NOT_A_PARAMETER", 1.0, at(1), "x")])
    with pytest.raises(KeyError, match="NOT_A_PARAMETER"):
        _export(database, session_id)
