"""The session writer: exactly-once delivery from many threads, heartbeats, and input checks."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import func, select

from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.observations import Observation
from ketaconsole.storage.database import Database
from ketaconsole.storage.errors import SessionNotFound, SessionStateError
from ketaconsole.storage.models import ObservationRow, SessionRow
from ketaconsole.storage.writer import MAX_BATCH_ROWS, SessionWriter

At = Callable[[float], Stamp]


def _stored_monotonic(database: Database, session_id: str) -> Counter[int]:
    return Counter(o.received.monotonic_ns for o in database.observations(session_id))


def test_rows_from_several_threads_are_written_exactly_once(database: Database, at: At) -> None:
    session_id = database.start_session(protocol="test", port="p", started=at(0), patient_id=None)
    writer = SessionWriter(database, session_id, flush_interval_s=0.05)
    threads_count, per_thread = 4, 1500

    def produce(thread_index: int) -> None:
        for i in range(per_thread):
            seconds = 1 + thread_index * per_thread + i
            writer.submit([Observation("HR", 60.0 + i % 40, at(seconds), f"thread-{thread_index}")])

    threads = [threading.Thread(target=produce, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    writer.close()

    expected = Counter(at(1 + n).monotonic_ns for n in range(threads_count * per_thread))
    assert threads_count * per_thread > MAX_BATCH_ROWS
    assert _stored_monotonic(database, session_id) == expected
    assert writer.health.ok
    assert writer.health.pending_rows == 0


def test_rows_are_committed_while_the_writer_runs(database: Database, at: At, wait_until) -> None:
    session_id = database.start_session(protocol="test", port="p", started=at(0), patient_id=None)
    writer = SessionWriter(database, session_id)
    try:
        writer.submit([Observation("SPO2", 98.0, at(1), "masimo")])
        wait_until(lambda: len(database.observations(session_id)) == 1, what="the row to be committed")
        # The writer counts the batch as committed just after the commit returns, so the row can be
        # visible an instant before the count drops: wait for it rather than race it.
        wait_until(lambda: writer.health.pending_rows == 0, what="the pending count to drop to 0")
    finally:
        writer.close()


def test_heartbeat_moves_on_every_flush_even_when_idle(database: Database, at: At, wait_until) -> None:
    session_id = database.start_session(protocol="test", port="p", started=at(0), patient_id=None)
    clock = ManualClock(start=at(0).utc)
    writer = SessionWriter(database, session_id, clock=clock)

    def heartbeat() -> datetime:
        with database.session_factory() as session:
            return session.scalar(select(SessionRow.last_heartbeat_utc).where(SessionRow.id == session_id))

    try:
        for seconds in (10, 20):
            clock.advance(10)
            wait_until(lambda: heartbeat() == clock.now().utc, what="the idle heartbeat")
            assert heartbeat() == at(seconds).utc
    finally:
        writer.close()
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(ObservationRow)) == 0


def test_submit_checks_input_before_queueing(database: Database, at: At) -> None:
    session_id = database.start_session(protocol="test", port="p", started=at(0), patient_id=None)
    writer = SessionWriter(database, session_id)
    good = Observation("HR", 60.0, at(1), "s5")
    with pytest.raises(TypeError, match="not a device output: str"):
        writer.submit([good, "HR=60"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="naive"):
        writer.submit([good, Observation("HR", 61.0, Stamp(datetime(2026, 3, 2, 9), 2), "s5")])
    with pytest.raises(TypeError):
        writer.submit_event("note", at(2), {"when": datetime(2026, 3, 2, 9)})
    assert writer.health.pending_rows == 0
    writer.close()
    assert database.observations(session_id) == []
    with pytest.raises(RuntimeError, match="closed"):
        writer.submit([good])


def test_writer_needs_an_existing_recording_session(database: Database, at: At) -> None:
    with pytest.raises(SessionNotFound):
        SessionWriter(database, "00000000-0000-4000-8000-000000000000")
    session_id = database.start_session(protocol="test", port="p", started=at(0), patient_id=None)
    database.end_session(session_id, at(1))
    with pytest.raises(SessionStateError, match="ended"):
        SessionWriter(database, session_id)
