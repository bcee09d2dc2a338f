"""Audit hash chain: ``seq``, ``prev_hash`` and ``entry_hash`` on session events.

Revision ID: 0003_audit_chain
Revises: 0002_users
Create Date: 2026-03-10

Events recorded before this revision are chained here, per session in recorded (id) order, exactly as
the session writer chains new ones (:mod:`ketaconsole.storage.audit_chain`, format version 1). A
session that already has observations or waveform chunks then gets one ``data-batch`` entry after
its last event covering all of them (id order), so its stored data is protected like new data. That
entry is dated by the session's last heartbeat (when its last rows were committed), carries the
monotonic reading of the event before it (the migration has no reading of its own) and says in its
detail that this migration wrote it.

Schema types are spelled out here rather than imported from the models, so this revision stays the
same when the models change later.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from ketaconsole.storage.audit_chain import (
    CANONICAL_ROW,
    DATA_BATCH_KIND,
    GENESIS,
    OBSERVATIONS,
    WAVEFORM_CHUNKS,
    RowDigest,
    batch_part,
    chained_event_row,
)
from ketaconsole.storage.utc_datetime import UtcDateTime

revision = "0003_audit_chain"
down_revision = "0002_users"
branch_labels = None
depends_on = None

HASH = sa.String(64)
ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON_OBJECT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
MIGRATION_NOTE = {"sealed_by_migration": revision}
"""Added to the detail of the data-batch entry that covers a session's rows from before the chain."""

_metadata = sa.MetaData()
_sessions = sa.Table(
    "sessions", _metadata,
    sa.Column("id", sa.String(36)),
    sa.Column("started_monotonic_ns", sa.BigInteger()),
    sa.Column("last_heartbeat_utc", UtcDateTime()),
)
_events = sa.Table(
    "session_events", _metadata,
    sa.Column("id", ROW_ID, primary_key=True),
    sa.Column("session_id", sa.String(36)),
    sa.Column("kind", sa.String(64)),
    sa.Column("utc", UtcDateTime()),
    sa.Column("monotonic_ns", sa.BigInteger()),
    sa.Column("detail", JSON_OBJECT),
    sa.Column("user", sa.String(200)),
    sa.Column("seq", sa.Integer()),
    sa.Column("prev_hash", HASH),
    sa.Column("entry_hash", HASH),
)
_data_tables = {
    OBSERVATIONS: sa.Table(
        "observations", _metadata,
        sa.Column("id", ROW_ID, primary_key=True),
        sa.Column("session_id", sa.String(36)),
        sa.Column("parameter", sa.String(32)),
        sa.Column("value", sa.Double()),
        sa.Column("absent_reason", sa.String(32)),
        sa.Column("source", sa.String(255)),
        sa.Column("device_time", sa.String(40)),
        sa.Column("received_utc", UtcDateTime()),
        sa.Column("monotonic_ns", sa.BigInteger()),
        sa.Column("manual", sa.Boolean()),
    ),
    WAVEFORM_CHUNKS: sa.Table(
        "waveform_chunks", _metadata,
        sa.Column("id", ROW_ID, primary_key=True),
        sa.Column("session_id", sa.String(36)),
        sa.Column("wave", sa.String(32)),
        sa.Column("start_utc", UtcDateTime()),
        sa.Column("start_monotonic_ns", sa.BigInteger()),
        sa.Column("sample_rate_hz", sa.Double()),
        sa.Column("sample_count", sa.Integer()),
        sa.Column("samples", sa.LargeBinary()),
        sa.Column("source", sa.String(255)),
        sa.Column("device_time", sa.String(40)),
    ),
}
_EVENT_COLUMNS = ("session_id", "kind", "utc", "monotonic_ns", "detail", "user")


def upgrade() -> None:
    op.add_column("session_events", sa.Column("seq", sa.Integer(), nullable=True))
    op.add_column("session_events", sa.Column("prev_hash", HASH, nullable=True))
    op.add_column("session_events", sa.Column("entry_hash", HASH, nullable=True))
    connection = op.get_bind()
    for session in connection.execute(sa.select(_sessions).order_by(_sessions.c.id)).all():
        _chain_session(connection, session)
    with op.batch_alter_table("session_events") as batch:
        batch.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("prev_hash", existing_type=HASH, nullable=False)
        batch.alter_column("entry_hash", existing_type=HASH, nullable=False)
        batch.create_unique_constraint("uq_session_events_session_id_seq", ["session_id", "seq"])


def downgrade() -> None:
    op.execute(_events.delete().where(_events.c.kind == DATA_BATCH_KIND))
    with op.batch_alter_table("session_events") as batch:
        batch.drop_constraint("uq_session_events_session_id_seq", type_="unique")
        batch.drop_column("entry_hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")


def _chain_session(connection: sa.Connection, session: sa.Row[Any]) -> None:
    """Chain one session's existing events in id order, then seal its existing data rows."""
    head = GENESIS
    monotonic_ns = session.started_monotonic_ns
    updates = []
    events = connection.execute(
        sa.select(_events).where(_events.c.session_id == session.id).order_by(_events.c.id)
    )
    for event in events.mappings().all():
        chained, head = chained_event_row({name: event[name] for name in _EVENT_COLUMNS}, head)
        updates.append({"row_id": event["id"], **{name: chained[name] for name in ("seq", "prev_hash",
                                                                                  "entry_hash")}})
        monotonic_ns = event["monotonic_ns"]
    if updates:
        connection.execute(
            _events.update().where(_events.c.id == sa.bindparam("row_id")).values(
                seq=sa.bindparam("seq"), prev_hash=sa.bindparam("prev_hash"),
                entry_hash=sa.bindparam("entry_hash")),
            updates,
        )
    detail: dict[str, Any] = {}
    for name, table in _data_tables.items():
        part = _seal(connection, table, CANONICAL_ROW[name], session.id)
        if part is not None:
            detail[name] = part
    if detail:
        row = {"session_id": session.id, "kind": DATA_BATCH_KIND, "utc": session.last_heartbeat_utc,
               "monotonic_ns": monotonic_ns, "detail": {**detail, **MIGRATION_NOTE}, "user": None}
        chained, head = chained_event_row(row, head)
        connection.execute(_events.insert().values(**chained))


def _seal(connection: sa.Connection, table: sa.Table, canonical: Callable[[Mapping[str, Any]], bytes],
          session_id: str) -> dict[str, Any] | None:
    """The data-batch detail part covering all of the session's rows of ``table``; ``None`` if none."""
    digest = RowDigest()
    first_id = last_id = 0
    rows = connection.execute(
        sa.select(table).where(table.c.session_id == session_id).order_by(table.c.id)
        .execution_options(yield_per=2000)
    )
    for row in rows.mappings():
        digest.add(canonical(row))
        if digest.count == 1:
            first_id = row["id"]
        last_id = row["id"]
    return batch_part(digest, first_id, last_id) if digest.count else None
