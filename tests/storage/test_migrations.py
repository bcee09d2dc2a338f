"""The Alembic migrations create the schema the models describe, idempotently, and can be undone."""

from __future__ import annotations

from collections.abc import Callable

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from ketaconsole.core.clock import Stamp
from ketaconsole.storage.database import Database
from ketaconsole.storage.migrate import current_revision, downgrade_to_base, upgrade_to_head
from ketaconsole.storage.models import Base

TABLES = {"patients", "sessions", "observations", "waveform_chunks", "session_events"}


def test_opening_an_empty_database_creates_the_schema_at_head(database_url: str) -> None:
    with Database(database_url) as db:
        assert current_revision(db.engine) == "0003_audit_chain"
        inspector = inspect(db.engine)
        assert set(inspector.get_table_names()) >= TABLES
        indexes = {index["name"]: index["column_names"] for index in inspector.get_indexes("observations")}
        assert indexes["ix_observations_session_received"] == ["session_id", "received_utc"]
        assert indexes["ix_observations_session_parameter_received"] == [
            "session_id",
            "parameter",
            "received_utc",
        ]


def test_migrated_schema_matches_the_models(database_url: str) -> None:
    with Database(database_url) as db, db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_is_idempotent_and_keeps_data(database_url: str, at: Callable[[float], Stamp]) -> None:
    with Database(database_url) as db:
        session_id = db.start_session(protocol="masimo", port="/dev/ttyUSB0", started=at(0), patient_id=None)
        db.upgrade()
        db.upgrade()
    with Database(database_url) as reopened:
        assert current_revision(reopened.engine) == "0003_audit_chain"
        assert [summary.id for summary in reopened.list_sessions(now=at(1))] == [session_id]


def test_downgrade_to_base_removes_every_table_and_upgrade_restores_them(database_url: str) -> None:
    with Database(database_url) as db:
        downgrade_to_base(db.engine)
        assert current_revision(db.engine) is None
        assert not TABLES & set(inspect(db.engine).get_table_names())
        upgrade_to_head(db.engine)
        assert set(inspect(db.engine).get_table_names()) >= TABLES


def test_sqlite_connections_use_wal_normal_sync_and_foreign_keys(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    with Database(url) as db, db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    plain = create_engine(url)
    with plain.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    plain.dispose()
