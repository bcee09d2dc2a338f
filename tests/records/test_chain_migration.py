"""A database recorded before the audit chain (revision 0001) is chained by migration 0003."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from chain_sessions import At, flush, vitals

from ketaconsole.core.clock import ManualClock
from ketaconsole.records.verify import ProblemKind, verify_stored_session
from ketaconsole.storage.audit_chain import DATA_BATCH_KIND, GENESIS_HASH
from ketaconsole.storage.database import Database
from ketaconsole.storage.engine import create_database_engine, parse_database_url
from ketaconsole.storage.migrate import MIGRATIONS_DIR
from ketaconsole.storage.writer import SessionWriter


def _database_at_0001(url: str, at: At) -> list[str]:
    """Two sessions written with the 0001 schema; returns their ids."""
    engine = create_database_engine(parse_database_url(url))
    sqlite = engine.dialect.name == "sqlite"

    def utc(moment: datetime) -> datetime:
        return moment.replace(tzinfo=None) if sqlite else moment

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
    metadata = sa.MetaData()
    sessions, observations, events = (sa.Table(name, metadata, autoload_with=engine)
                                      for name in ("sessions", "observations", "session_events"))
    ids = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"]
    with engine.begin() as connection:
        for session_id in ids:
            connection.execute(sessions.insert().values(
                id=session_id, patient_id=None, protocol="masimo", port="/dev/ttyUSB0",
                started_utc=utc(at(0).utc), started_monotonic_ns=0, ended_utc=None, status="recording",
                last_heartbeat_utc=utc(at(90).utc)))
        for second in range(1, 6):
            for session_id in ids:  # interleaved ids, as two chairs sharing one database write them
                connection.execute(events.insert().values(
                    session_id=session_id, kind="note", utc=utc(at(second).utc), monotonic_ns=second * 10**9,
                    detail={"text": f"note {second}"}, user="nurse"))
                connection.execute(observations.insert().values(
                    session_id=session_id, parameter="SPO2", value=95.0 + second, absent_reason=None,
                    source="masimo@/dev/ttyUSB0", device_time="2026-03-02T09:30:00",
                    received_utc=utc(at(second).utc), monotonic_ns=second * 10**9, manual=False))
    engine.dispose()
    return ids


def test_an_upgraded_0001_database_has_complete_chains_that_verify(database_url: str, at: At,
                                                                    wait_until) -> None:
    first, second = _database_at_0001(database_url, at)
    with Database(database_url) as database:
        for session_id in (first, second):
            entries = database.chain_entries(session_id)
            expected = [(n, "note") for n in range(1, 6)] + [(6, DATA_BATCH_KIND)]
            assert [(e.seq, e.kind) for e in entries] == expected
            assert [e.detail.get("text") for e in entries[:5]] == [f"note {n}" for n in range(1, 6)]
            assert entries[0].prev_hash == GENESIS_HASH
            seal = entries[-1]
            assert seal.detail["observations"]["count"] == 5
            assert seal.detail["sealed_by_migration"] == "0003_audit_chain"
            assert seal.utc == at(90).utc
            assert verify_stored_session(database, session_id) == []

        database.reopen_session(first, now=at(3600))
        writer = SessionWriter(database, first, flush_interval_s=0.02, clock=ManualClock(start=at(3600).utc))
        writer.submit(vitals(at, 3601))
        flush(writer, wait_until)
        writer.close()
        assert verify_stored_session(database, first) == []

        with database.engine.begin() as connection:
            changed = sa.text("UPDATE observations SET value = 50 WHERE session_id = :s AND value = 97")
            connection.execute(changed, {"s": second})
        problems = verify_stored_session(database, second)
        assert [(p.kind, p.seq) for p in problems] == [(ProblemKind.DATA_CHANGED, 6)]
