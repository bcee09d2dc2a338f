"""Initial schema: patients, sessions, observations, waveform chunks, session events.

Revision ID: 0001_initial
Revises:
Create Date: 2026-01-01

Types are spelled out here rather than imported from the models, so this revision stays the same
when the models change later.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)
ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON_OBJECT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identifier", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("weight_kg", sa.Double(), nullable=True),
        sa.Column("allergies", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_utc", UTC_TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_patients"),
        sa.UniqueConstraint("identifier", name="uq_patients_identifier"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("protocol", sa.String(64), nullable=False),
        sa.Column("port", sa.String(255), nullable=False),
        sa.Column("started_utc", UTC_TIMESTAMP, nullable=False),
        sa.Column("started_monotonic_ns", sa.BigInteger(), nullable=False),
        sa.Column("ended_utc", UTC_TIMESTAMP, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("last_heartbeat_utc", UTC_TIMESTAMP, nullable=False),
        sa.Column("last_batch_id", sa.String(64), nullable=True),
        sa.CheckConstraint("status IN ('recording', 'ended')", name="ck_sessions_status"),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], name="fk_sessions_patient_id_patients"),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
    )
    op.create_index("ix_sessions_patient_id", "sessions", ["patient_id"])
    op.create_index("ix_sessions_started_utc", "sessions", ["started_utc"])
    op.create_table(
        "observations",
        sa.Column("id", ROW_ID, autoincrement=True, nullable=False),
        sa.Column("session_id", sa.String(36), nullable=False),
        sa.Column("parameter", sa.String(32), nullable=False),
        sa.Column("value", sa.Double(), nullable=True),
        sa.Column("absent_reason", sa.String(32), nullable=True),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("device_time", sa.String(40), nullable=True),
        sa.Column("received_utc", UTC_TIMESTAMP, nullable=False),
        sa.Column("monotonic_ns", sa.BigInteger(), nullable=False),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "(value IS NULL AND absent_reason IS NOT NULL) OR (value IS NOT NULL AND absent_reason IS NULL)",
            name="ck_observations_value_or_absent_reason",
        ),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], name="fk_observations_session_id_sessions"),
        sa.PrimaryKeyConstraint("id", name="pk_observations"),
    )
    op.create_index("ix_observations_session_received", "observations", ["session_id", "received_utc"])
    op.create_index(
        "ix_observations_session_parameter_received",
        "observations",
        ["session_id", "parameter", "received_utc"],
    )
    op.create_table(
        "waveform_chunks",
        sa.Column("id", ROW_ID, autoincrement=True, nullable=False),
        sa.Column("session_id", sa.String(36), nullable=False),
        sa.Column("wave", sa.String(32), nullable=False),
        sa.Column("start_utc", UTC_TIMESTAMP, nullable=False),
        sa.Column("start_monotonic_ns", sa.BigInteger(), nullable=False),
        sa.Column("sample_rate_hz", sa.Double(), nullable=False),
        sa.Column("sample_count", sa.Integer(), nullable=False),
        sa.Column("samples", sa.LargeBinary(), nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("device_time", sa.String(40), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="fk_waveform_chunks_session_id_sessions"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_waveform_chunks"),
    )
    op.create_index(
        "ix_waveform_chunks_session_wave_start", "waveform_chunks", ["session_id", "wave", "start_utc"]
    )
    op.create_table(
        "session_events",
        sa.Column("id", ROW_ID, autoincrement=True, nullable=False),
        sa.Column("session_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("utc", UTC_TIMESTAMP, nullable=False),
        sa.Column("monotonic_ns", sa.BigInteger(), nullable=False),
        sa.Column("detail", JSON_OBJECT, nullable=False),
        sa.Column("user", sa.String(200), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="fk_session_events_session_id_sessions"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_session_events"),
    )
    op.create_index("ix_session_events_session_utc", "session_events", ["session_id", "utc"])


def downgrade() -> None:
    op.drop_table("session_events")
    op.drop_table("waveform_chunks")
    op.drop_table("observations")
    op.drop_table("sessions")
    op.drop_table("patients")
