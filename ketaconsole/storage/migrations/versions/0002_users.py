"""Users, their signing keys, and the append-only log of account events.

Revision ID: 0002_users
Revises: 0001_initial
Create Date: 2026-03-01

Types are spelled out here rather than imported from the models, so this revision stays the same
when the models change later. ``account_events`` refuses UPDATE and DELETE through triggers on
both databases.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002_users"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)
ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON_OBJECT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

APPEND_ONLY_MESSAGE = "account_events is append-only"
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER account_events_no_{action.lower()} BEFORE {action} ON account_events
        BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"""
    for action in ("UPDATE", "DELETE")
]
POSTGRES_FUNCTION = f"""
CREATE FUNCTION account_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}';
END;
$$"""
POSTGRES_TRIGGER = """
CREATE TRIGGER account_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON account_events
FOR EACH STATEMENT EXECUTE FUNCTION account_events_append_only()"""


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("printed_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_utc", UTC_TIMESTAMP, nullable=False),
        sa.Column("deactivated_utc", UTC_TIMESTAMP, nullable=True),
        sa.CheckConstraint(
            "role IN ('nurse', 'clinician', 'trainer', 'administrator')", name="ck_users_role"
        ),
        sa.CheckConstraint(
            "(active AND deactivated_utc IS NULL) OR (NOT active AND deactivated_utc IS NOT NULL)",
            name="ck_users_active_or_deactivated",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
    )
    op.create_table(
        "signing_keys",
        sa.Column("id", ROW_ID, autoincrement=True, nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("encrypted_private_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_utc", UTC_TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_signing_keys_user_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_signing_keys"),
        sa.UniqueConstraint("fingerprint", name="uq_signing_keys_fingerprint"),
    )
    op.create_index("ix_signing_keys_user_id", "signing_keys", ["user_id"])
    op.create_table(
        "account_events",
        sa.Column("id", ROW_ID, autoincrement=True, nullable=False),
        sa.Column("utc", UTC_TIMESTAMP, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=True),
        sa.Column("by_user", sa.String(64), nullable=True),
        sa.Column("detail", JSON_OBJECT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_account_events"),
    )
    op.create_index("ix_account_events_user_id_id", "account_events", ["user_id", "id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute(POSTGRES_TRIGGER)
    else:
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)


def downgrade() -> None:
    op.drop_table("account_events")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION account_events_append_only()")
    op.drop_table("signing_keys")
    op.drop_table("users")
