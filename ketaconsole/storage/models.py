"""The tables of a KetaConsole database as SQLAlchemy 2 typed models.

Conventions:

* Every ``*_utc`` column is a :class:`~ketaconsole.storage.utc_datetime.UtcDateTime`: aware UTC.
* ``*monotonic_ns`` columns hold the recorder's monotonic clock in nanoseconds (see
  :class:`ketaconsole.core.clock.Stamp`); they order readings within one recorder run.
* ``device_time`` columns hold the device's own clock reading as ISO 8601 text exactly as
  ``datetime.isoformat()`` wrote it: with an offset when the device clock is zoned, without one when
  it is naive (a device's local time). One text column keeps that difference, which a timestamp
  column would lose.
* ``observations``: ``value`` is NULL exactly when ``absent_reason`` is set (a check constraint).
* ``waveform_chunks.samples``: ``sample_count`` little-endian float32 values, NaN marking gaps.
* ``session_events``: device alarms (kind ``device-alarm``), sensor states (``sensor-state``) and
  anything else worth a line on the timeline; ``detail`` is a JSON object. They form the session's
  audit hash chain (``seq``, ``prev_hash``, ``entry_hash``; see :mod:`.audit_chain`).

The schema itself is created by the Alembic migrations in ``migrations/versions``; these models
must match them (a test compares the two).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Double,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ketaconsole.storage.utc_datetime import UtcDateTime

RowId = BigInteger().with_variant(Integer(), "sqlite")
"""64-bit surrogate key; plain INTEGER on SQLite so it is the auto-incrementing rowid."""

JsonObject = JSON().with_variant(postgresql.JSONB(), "postgresql")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Constraint names are derived, never left to the database, so migrations can name them."""


class Base(DeclarativeBase):
    """Declarative base of every KetaConsole table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class PatientRow(Base):
    """A patient; ``identifier`` is the clinic's MRN or patient ID and is unique."""

    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identifier: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    weight_kg: Mapped[float | None] = mapped_column(Double)
    allergies: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)


class SessionRow(Base):
    """One recorded treatment session; ``id`` is a UUID4 string.

    ``last_heartbeat_utc`` is moved forward by the session writer on every flush, so a session
    still ``recording`` with an old heartbeat was interrupted (the recorder died).
    ``last_batch_id`` names the writer batch committed last; the writer reads it after a failed
    commit to learn whether that commit landed, which keeps every row written exactly once.
    """

    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint("status IN ('recording', 'ended')", name="status"),
        Index("ix_sessions_started_utc", "started_utc"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"), index=True)
    protocol: Mapped[str] = mapped_column(String(64))
    port: Mapped[str] = mapped_column(String(255))
    started_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    started_monotonic_ns: Mapped[int] = mapped_column(BigInteger)
    ended_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16))
    last_heartbeat_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    last_batch_id: Mapped[str | None] = mapped_column(String(64))


class ObservationRow(Base):
    """One numeric reading (see :class:`ketaconsole.core.observations.Observation`)."""

    __tablename__ = "observations"
    __table_args__ = (
        CheckConstraint(
            "(value IS NULL AND absent_reason IS NOT NULL) OR (value IS NOT NULL AND absent_reason IS NULL)",
            name="value_or_absent_reason",
        ),
        Index("ix_observations_session_received", "session_id", "received_utc"),
        Index("ix_observations_session_parameter_received", "session_id", "parameter", "received_utc"),
    )

    id: Mapped[int] = mapped_column(RowId, primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"))
    parameter: Mapped[str] = mapped_column(String(32))
    value: Mapped[float | None] = mapped_column(Double)
    absent_reason: Mapped[str | None] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(255))
    device_time: Mapped[str | None] = mapped_column(String(40))
    received_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    monotonic_ns: Mapped[int] = mapped_column(BigInteger)
    manual: Mapped[bool] = mapped_column(Boolean)


class WaveformChunkRow(Base):
    """Consecutive samples of one waveform (see :class:`ketaconsole.core.observations.WaveformChunk`)."""

    __tablename__ = "waveform_chunks"
    __table_args__ = (Index("ix_waveform_chunks_session_wave_start", "session_id", "wave", "start_utc"),)

    id: Mapped[int] = mapped_column(RowId, primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"))
    wave: Mapped[str] = mapped_column(String(32))
    start_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    start_monotonic_ns: Mapped[int] = mapped_column(BigInteger)
    sample_rate_hz: Mapped[float] = mapped_column(Double)
    sample_count: Mapped[int] = mapped_column(Integer)
    samples: Mapped[bytes] = mapped_column(LargeBinary)
    source: Mapped[str] = mapped_column(String(255))
    device_time: Mapped[str | None] = mapped_column(String(40))


class SessionEventRow(Base):
    """Something that happened during a session at ``utc``; ``user`` is who did it, if a person did.

    ``seq`` numbers a session's events 1, 2, 3 … in recorded order (unique within the session);
    ``prev_hash`` and ``entry_hash`` (hex SHA-256) chain them, as :mod:`.audit_chain` defines.
    """

    __tablename__ = "session_events"
    __table_args__ = (
        Index("ix_session_events_session_utc", "session_id", "utc"),
        UniqueConstraint("session_id", "seq", name="uq_session_events_session_id_seq"),
    )

    id: Mapped[int] = mapped_column(RowId, primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"))
    kind: Mapped[str] = mapped_column(String(64))
    utc: Mapped[datetime] = mapped_column(UtcDateTime)
    monotonic_ns: Mapped[int] = mapped_column(BigInteger)
    detail: Mapped[dict[str, Any]] = mapped_column(JsonObject)
    user: Mapped[str | None] = mapped_column(String(200))
    seq: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))


class UserRow(Base):
    """A person who signs in. ``id`` is chosen by an administrator (lowercase letters, digits, dots,
    hyphens) and never reused: a user is deactivated, never deleted (21 CFR 11.100).
    ``password_hash`` is an argon2id PHC string; ``role`` is one of
    :class:`ketaconsole.accounts.roles.Role`."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('nurse', 'clinician', 'trainer', 'administrator')", name="role"),
        CheckConstraint(
            "(active AND deactivated_utc IS NULL) OR (NOT active AND deactivated_utc IS NOT NULL)",
            name="active_or_deactivated",
        ),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    printed_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean)
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    deactivated_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SigningKeyRow(Base):
    """An Ed25519 key pair of a user. ``public_key`` is the raw 32 bytes, ``fingerprint`` its
    SHA-256 in hex, ``encrypted_private_key`` PKCS#8 PEM encrypted under the user's password. Kept
    after the user is deactivated, so their signatures stay verifiable."""

    __tablename__ = "signing_keys"

    id: Mapped[int] = mapped_column(RowId, primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    encrypted_private_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)


class AccountEventRow(Base):
    """One entry of the append-only log of account changes and failed sign-ins: ``kind`` (e.g.
    ``user-added``, ``auth-failed``), about ``user_id`` (not a foreign key: a failed sign-in may
    name an id that does not exist), done by ``by_user`` (``None`` when no one was signed in).
    Triggers refuse UPDATE and DELETE on this table."""

    __tablename__ = "account_events"
    __table_args__ = (Index("ix_account_events_user_id_id", "user_id", "id"),)

    id: Mapped[int] = mapped_column(RowId, primary_key=True)
    utc: Mapped[datetime] = mapped_column(UtcDateTime)
    kind: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str | None] = mapped_column(String(64))
    by_user: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JsonObject)
