"""Tampering with a stored session through raw SQL is detected and reported with its kind and seq."""

from __future__ import annotations

import json
from typing import Any

import pytest
from chain_sessions import At, record_session
from sqlalchemy import text

from ketaconsole.records.verify import Problem, ProblemKind, verify_stored_session
from ketaconsole.storage.audit_chain import DATA_BATCH_KIND
from ketaconsole.storage.database import Database


@pytest.fixture
def recorded(database: Database, at: At, wait_until) -> tuple[Database, str]:
    session_id = record_session(database, at, wait_until)
    assert verify_stored_session(database, session_id) == []
    return database, session_id


def sql(database: Database, statement: str, **parameters: Any) -> None:
    with database.engine.begin() as connection:
        result = connection.execute(text(statement), parameters)
        assert result.rowcount == 1


def json_value(database: Database) -> str:
    return "CAST(:detail AS JSONB)" if database.engine.dialect.name == "postgresql" else ":detail"


def seq_of(database: Database, session_id: str, kind: str, nth: int = 0) -> int:
    return [e.seq for e in database.chain_entries(session_id) if e.kind == kind][nth]


def batch_covering(database: Database, session_id: str, table: str, row_id: int) -> int:
    return next(e.seq for e in database.chain_entries(session_id) if e.kind == DATA_BATCH_KIND
                and table in e.detail and e.detail[table]["first_id"] <= row_id <= e.detail[table]["last_id"])


def observation_ids(database: Database, session_id: str) -> list[int]:
    return [row["id"] for row in database.data_rows(session_id, "observations")]


def kinds_and_seqs(problems: list[Problem]) -> list[tuple[ProblemKind, int | None]]:
    return [(problem.kind, problem.seq) for problem in problems]


def test_one_observation_value_changed(recorded: tuple[Database, str]) -> None:
    database, session_id = recorded
    target = observation_ids(database, session_id)[4]
    sql(database, "UPDATE observations SET value = value + 1 WHERE id = :id", id=target)
    problems = verify_stored_session(database, session_id)
    assert kinds_and_seqs(problems) == [
        (ProblemKind.DATA_CHANGED, batch_covering(database, session_id, "observations", target))]
    assert "a value differs" in problems[0].message


def test_one_waveform_sample_changed(recorded: tuple[Database, str]) -> None:
    database, session_id = recorded
    row = next(database.data_rows(session_id, "waveform_chunks"))
    samples = bytearray(row["samples"])
    samples[0] ^= 1
    sql(database, "UPDATE waveform_chunks SET samples = :samples WHERE id = :id", samples=bytes(samples),
        id=row["id"])
    assert kinds_and_seqs(verify_stored_session(database, session_id)) == [
        (ProblemKind.DATA_CHANGED, batch_covering(database, session_id, "waveform_chunks", row["id"]))]


def test_one_event_detail_changed(recorded: tuple[Database, str]) -> None:
    database, session_id = recorded
    seq = seq_of(database, session_id, "alarm-limit-changed")
    edited = {"key": "spo2-low", "old": 92, "new": 85, "reason": "COPD baseline"}
    sql(database, f"UPDATE session_events SET detail = {json_value(database)} "
        "WHERE session_id = :session AND seq = :seq", detail=json.dumps(edited), session=session_id, seq=seq)
    assert kinds_and_seqs(verify_stored_session(database, session_id)) == [(ProblemKind.CHANGED, seq)]


def test_an_event_deleted(recorded: tuple[Database, str]) -> None:
    database, session_id = recorded
    seq = seq_of(database, session_id, "note", 1)
    sql(database, "DELETE FROM session_events WHERE session_id = :session AND seq = :seq",
        session=session_id, seq=seq)
    assert kinds_and_seqs(verify_stored_session(database, session_id)) == [(ProblemKind.MISSING, seq)]


def test_two_events_swapped_by_seq(recorded: tuple[Database, str]) -> None:
    database, session_id = recorded
    first = seq_of(database, session_id, "note", 1)
    for old, new in ((first, -1), (first + 1, first), (-1, first + 1)):
        sql(database, "UPDATE session_events SET seq = :new WHERE session_id = :session AND seq = :old",
            new=new, old=old, session=session_id)
    assert kinds_and_seqs(verify_stored_session(database, session_id)) == [
        (ProblemKind.REORDERED, first), (ProblemKind.REORDERED, first + 1)]


def test_two_events_swapped_by_content(recorded: tuple[Database, str]) -> None:
    database, session_id = recorded
    first = seq_of(database, session_id, "note", 0)
    entries = {e.seq: e for e in database.chain_entries(session_id)}
    for seq, source in ((first, entries[first + 1]), (first + 1, entries[first])):
        sql(database, f"UPDATE session_events SET kind = :kind, detail = {json_value(database)}, utc = :utc, "
            "monotonic_ns = :monotonic_ns, \"user\" = :user WHERE session_id = :session AND seq = :seq",
            kind=source.kind, detail=json.dumps(source.detail),
            utc=source.utc if database.engine.dialect.name == "postgresql" else _sqlite_utc(source.utc),
            monotonic_ns=source.monotonic_ns, user=source.user, session=session_id, seq=seq)
    assert kinds_and_seqs(verify_stored_session(database, session_id)) == [
        (ProblemKind.REORDERED, first), (ProblemKind.REORDERED, first + 1)]


def test_a_data_batch_digest_changed(recorded: tuple[Database, str]) -> None:
    database, session_id = recorded
    entry = next(e for e in database.chain_entries(session_id) if e.kind == DATA_BATCH_KIND)
    forged = {**entry.detail, "observations": {**entry.detail["observations"], "sha256": "0" * 64}}
    sql(database, f"UPDATE session_events SET detail = {json_value(database)} "
        "WHERE session_id = :session AND seq = :seq", detail=json.dumps(forged), session=session_id,
        seq=entry.seq)
    assert kinds_and_seqs(verify_stored_session(database, session_id)) == [(ProblemKind.CHANGED, entry.seq)]


def test_an_observation_inserted(recorded: tuple[Database, str], at: At) -> None:
    database, session_id = recorded
    sql(database, "INSERT INTO observations (session_id, parameter, value, source, received_utc, "
        "monotonic_ns, manual) VALUES (:session, 'HR', 61.0, 'datex-s5@/dev/ttyUSB0', :utc, 5, :manual)",
        session=session_id, utc=at(5).utc if database.engine.dialect.name == "postgresql"
        else _sqlite_utc(at(5).utc), manual=False)
    problems = verify_stored_session(database, session_id)
    assert kinds_and_seqs(problems) == [(ProblemKind.UNCHAINED_DATA, None)]
    assert "1 observations" in problems[0].message


def test_an_observation_deleted(recorded: tuple[Database, str]) -> None:
    database, session_id = recorded
    target = observation_ids(database, session_id)[7]
    seq = batch_covering(database, session_id, "observations", target)
    sql(database, "DELETE FROM observations WHERE id = :id", id=target)
    problems = verify_stored_session(database, session_id)
    assert kinds_and_seqs(problems) == [(ProblemKind.DATA_CHANGED, seq)]
    assert "are stored where" in problems[0].message


def test_removing_the_last_entries_needs_an_anchor_to_be_seen(recorded: tuple[Database, str]) -> None:
    database, session_id = recorded
    anchor = database.chain_head(session_id)
    sql(database, "DELETE FROM session_events WHERE session_id = :session AND seq = :seq",
        session=session_id, seq=anchor.seq)
    assert verify_stored_session(database, session_id) == []
    assert kinds_and_seqs(verify_stored_session(database, session_id, anchor=anchor)) == [
        (ProblemKind.MISSING, anchor.seq)]


def _sqlite_utc(moment: Any) -> str:
    """How the UTC column type stores an instant on SQLite (naive UTC ISO text)."""
    return moment.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
