"""Queries and commands of :class:`Database`: patients, session life cycle, lookups, open errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.observations import Observation
from ketaconsole.storage.database import Database
from ketaconsole.storage.errors import (
    AmbiguousSessionPrefix,
    DatabaseUnavailable,
    SessionNotFound,
    SessionStateError,
)
from ketaconsole.storage.models import PatientRow, SessionRow
from ketaconsole.storage.writer import SessionWriter

At = Callable[[float], Stamp]


def test_get_or_create_patient_creates_once_and_keeps_fields(database: Database) -> None:
    first = database.get_or_create_patient(
        "MRN-0042", name="A. Patient", date_of_birth=date(1980, 5, 17), weight_kg=72.5, allergies="latex"
    )
    again = database.get_or_create_patient("MRN-0042", name="Someone Else")
    other = database.get_or_create_patient("MRN-0043")
    assert again == first
    assert other != first
    with database.session_factory() as session:
        patient = session.get(PatientRow, first)
        assert patient is not None
        assert (patient.name, patient.date_of_birth, patient.weight_kg, patient.allergies) == (
            "A. Patient",
            date(1980, 5, 17),
            72.5,
            "latex",
        )
        assert patient.created_utc.utcoffset() == timedelta(0)


def test_get_or_create_patient_refuses_unknown_fields_and_empty_identifier(database: Database) -> None:
    with pytest.raises(TypeError, match="shoe_size"):
        database.get_or_create_patient("MRN-1", shoe_size=44)
    with pytest.raises(ValueError, match="identifier"):
        database.get_or_create_patient("  ")


def test_session_life_cycle_and_summary(database: Database, at: At) -> None:
    patient_id = database.get_or_create_patient("MRN-7")
    session_id = database.start_session(
        protocol="masimo", port="/dev/ttyUSB0", started=at(0), patient_id=patient_id
    )
    writer = SessionWriter(database, session_id)
    writer.submit([Observation("SPO2", 97.0, at(1), "masimo"), Observation("PR", 71.0, at(1), "masimo")])
    writer.close()

    live = database.find_session(session_id, now=at(2))
    assert (live.id, live.patient_identifier, live.protocol, live.port) == (
        session_id,
        "MRN-7",
        "masimo",
        "/dev/ttyUSB0",
    )
    assert (live.started_utc, live.ended_utc, live.status, live.observation_count) == (
        at(0).utc,
        None,
        "recording",
        2,
    )
    assert live.started_utc.utcoffset() == timedelta(0)

    database.end_session(session_id, at(60))
    ended = database.find_session(session_id, now=at(3600))
    assert (ended.status, ended.ended_utc, ended.interrupted) == ("ended", at(60).utc, False)
    with pytest.raises(SessionStateError, match="already ended"):
        database.end_session(session_id, at(61))


def test_list_sessions_newest_first_with_counts(database: Database, at: At) -> None:
    older = database.start_session(protocol="masimo", port="COM3", started=at(0), patient_id=None)
    newer = database.start_session(protocol="datex-s5", port="COM4", started=at(100), patient_id=None)
    summaries = database.list_sessions(now=at(101))
    assert [summary.id for summary in summaries] == [newer, older]
    assert [summary.observation_count for summary in summaries] == [0, 0]
    assert [summary.patient_identifier for summary in summaries] == [None, None]


def test_find_session_by_unique_prefix_and_clear_errors(database: Database, at: At) -> None:
    ids = [
        database.start_session(protocol="masimo", port="p", started=at(i), patient_id=None) for i in range(40)
    ]
    target = ids[0]
    unique_prefix = next(
        target[:length] for length in range(1, 37) if sum(i.startswith(target[:length]) for i in ids) == 1
    )
    assert database.find_session(unique_prefix.upper()).id == target
    assert database.find_session(target).id == target

    with database.session_factory() as session:
        all_ids = session.scalars(select(SessionRow.id)).all()
    shared = next(
        prefix
        for prefix in (i[:1] for i in all_ids)
        if sum(other.startswith(prefix) for other in all_ids) > 1
    )
    with pytest.raises(AmbiguousSessionPrefix, match="matches several sessions"):
        database.find_session(shared)
    with pytest.raises(SessionNotFound, match="no session 'zzz'"):
        database.find_session("zzz")
    with pytest.raises(SessionNotFound, match="no session"):
        database.find_session("%")
    with pytest.raises(SessionNotFound):
        database.find_session("")


def test_interrupted_sessions_and_reopen(database: Database, at: At) -> None:
    crashed = database.start_session(protocol="masimo", port="p", started=at(0), patient_id=None)
    finished = database.start_session(protocol="masimo", port="p", started=at(1), patient_id=None)
    database.end_session(finished, at(2))

    assert database.interrupted_sessions(at(4)) == []
    with pytest.raises(SessionStateError, match="still being recorded"):
        database.reopen_session(crashed, now=at(4))

    assert [summary.id for summary in database.interrupted_sessions(at(30))] == [crashed]
    assert database.find_session(crashed, now=at(30)).interrupted
    with pytest.raises(SessionStateError, match="ended"):
        database.reopen_session(finished, now=at(30))

    resumed = database.reopen_session(crashed, now=at(30))
    assert (resumed.status, resumed.interrupted, resumed.last_heartbeat_utc) == (
        "recording",
        False,
        at(30).utc,
    )
    assert database.interrupted_sessions(at(31)) == []
    with pytest.raises(SessionStateError, match="still being recorded"):
        database.reopen_session(crashed, now=at(31))
    [event] = database.events(crashed)
    assert (event.kind, event.stamp, event.detail) == (
        "session-resumed",
        at(30),
        {"last_heartbeat_utc": at(0).utc.isoformat()},
    )


def test_reads_of_unknown_session_raise(database: Database) -> None:
    for read in (database.observations, database.waveform_chunks, database.events):
        with pytest.raises(SessionNotFound):
            read("00000000-0000-4000-8000-000000000000")


def test_naive_times_are_refused(database: Database) -> None:
    naive = Stamp(datetime(2026, 3, 2, 8, 30), 0)
    with pytest.raises(ValueError, match=r"naive datetime 2026-03-02T08:30:00 refused"):
        database.start_session(protocol="masimo", port="p", started=naive, patient_id=None)
    assert database.list_sessions() == []


def test_start_session_refuses_unknown_patient(database: Database, at: At) -> None:
    with pytest.raises(ValueError, match="no patient with id 999"):
        database.start_session(protocol="masimo", port="p", started=at(0), patient_id=999)


def test_times_come_back_aware_utc_even_if_the_server_zone_is_not_utc(database: Database, at: At) -> None:
    session_id = database.start_session(protocol="masimo", port="p", started=at(0), patient_id=None)
    if database.engine.dialect.name == "postgresql":
        with database.engine.begin() as connection:
            connection.execute(
                text(f"ALTER DATABASE \"{database.url.database}\" SET timezone TO 'America/New_York'")
            )
    with Database(database.url.render_as_string(hide_password=False)) as reopened:
        summary = reopened.find_session(session_id)
    assert summary.started_utc == at(0).utc
    assert summary.started_utc.utcoffset() == timedelta(0)


def test_database_uses_its_clock_for_patient_creation(database_url: str) -> None:
    clock = ManualClock()
    with Database(database_url, clock=clock) as db:
        patient_id = db.get_or_create_patient("MRN-9")
        with db.session_factory() as session:
            patient = session.get(PatientRow, patient_id)
            assert patient is not None
            assert patient.created_utc == clock.now().utc


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "invalid database URL"),
        ("mysql://user@host/db", "unsupported database URL"),
        (
            "sqlite:////nonexistent-folder-kc/sub/k.sqlite3",
            "folder /nonexistent-folder-kc/sub does not exist",
        ),
        ("postgresql+psycopg://nobody:secret@127.0.0.1:1/nothing", "cannot open database"),
    ],
)
def test_unopenable_database_gives_a_clear_error(url: str, message: str) -> None:
    with pytest.raises(DatabaseUnavailable, match=message) as raised:
        Database(url)
    assert "secret" not in str(raised.value)


def test_has_event_finds_one_kind_of_a_session_only(database: Database, at: At) -> None:
    first = database.start_session(protocol="masimo", port="COM3", started=at(0), patient_id=None)
    second = database.start_session(protocol="masimo", port="COM4", started=at(0), patient_id=None)
    writer = SessionWriter(database, first, clock=ManualClock())
    writer.submit_event("training-session", at(1), {"protocol": "masimo"})
    writer.close()
    assert database.has_event(first, "training-session")
    assert not database.has_event(first, "note")
    assert not database.has_event(second, "training-session")
