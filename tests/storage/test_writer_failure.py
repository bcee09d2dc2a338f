"""The database fails for real under a running session writer; nothing is lost.

SQLite: another connection holds ``BEGIN EXCLUSIVE``, so every commit ends in "database is locked".
PostgreSQL: the database stops accepting connections and the writer's backend is terminated.
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ketaconsole.core.clock import Stamp
from ketaconsole.core.observations import Observation
from ketaconsole.storage.database import Database
from ketaconsole.storage.writer import SessionWriter, WriterHealth, WriterStatus

At = Callable[[float], Stamp]


@contextmanager
def outage(database: Database) -> Iterator[None]:
    """Make every write to ``database`` fail until the block ends."""
    if database.engine.dialect.name == "sqlite":
        blocker = sqlite3.connect(database.url.database, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        return
    name = database.url.database
    admin = create_engine(make_url(os.environ["KETACONSOLE_TEST_PG_URL"]), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            connection.execute(
                # Only our own role's sessions (the writer's): others, such as autovacuum workers,
                # need privileges the test role does not have.
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = :name AND usename = current_user AND pid <> pg_backend_pid()"),
                {"name": name},
            )
        yield
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        admin.dispose()


def _observations(at: At, first_second: int, count: int) -> list[Observation]:
    return [Observation("SPO2", 90.0 + n % 10, at(first_second + n), "masimo") for n in range(count)]


def test_failing_database_keeps_rows_reports_health_and_recovers(
    database: Database, at: At, wait_until
) -> None:
    session_id = database.start_session(protocol="masimo", port="p", started=at(0), patient_id=None)
    reports: list[WriterHealth] = []
    writer = SessionWriter(
        database, session_id, flush_interval_s=0.05, max_retry_delay_s=0.5, on_health=reports.append
    )
    before, during, late = (
        _observations(at, 1, 100),
        _observations(at, 1001, 100),
        _observations(at, 2001, 50),
    )
    writer.submit(before)
    wait_until(lambda: writer.health.pending_rows == 0, what="the first rows to be committed")

    with outage(database):
        writer.submit(during)
        wait_until(lambda: not writer.health.ok, what="the writer to report failing")
        writer.submit(late)
        health = writer.health
        assert health.status is WriterStatus.FAILING
        assert health.pending_rows == len(during) + len(late)
        assert health.last_error
        if database.engine.dialect.name == "sqlite":
            assert "database is locked" in health.last_error
        failing_reports = [r for r in reports if r.status is WriterStatus.FAILING]
        assert failing_reports and failing_reports[0].last_error

    wait_until(lambda: writer.health.ok and writer.health.pending_rows == 0, timeout_s=60, what="recovery")
    writer.close()

    expected = Counter(o.received.monotonic_ns for o in before + during + late)
    assert Counter(o.received.monotonic_ns for o in database.observations(session_id)) == expected
    assert database.observations(session_id) == before + during + late
    assert reports[-1] == WriterHealth(WriterStatus.OK, reports[-1].pending_rows, None)
    statuses = [r.status for r in reports]
    assert statuses.index(WriterStatus.FAILING) < len(statuses) - 1


def test_close_waits_for_a_recovering_database(database: Database, at: At, wait_until) -> None:
    session_id = database.start_session(protocol="masimo", port="p", started=at(0), patient_id=None)
    writer = SessionWriter(database, session_id, flush_interval_s=0.05, max_retry_delay_s=0.2)
    rows = _observations(at, 1, 20)
    with outage(database):
        writer.submit(rows)
        wait_until(lambda: not writer.health.ok, what="the writer to report failing")
    writer.close(timeout=60)
    assert database.observations(session_id) == rows
