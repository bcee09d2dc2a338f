"""The SQL behind the user directory: users, their signing keys and the account event log.

:class:`UserStore` only stores and reads; who may do what, hashing and keys are the business of
:mod:`ketaconsole.accounts`. Each change to a user is one transaction that also appends its
``account_events`` row, so no change is ever stored without its log entry. Events are stamped with
the database's clock (aware UTC).

Event kinds: ``user-added``, ``user-deactivated``, ``password-changed``, ``password-rehashed``,
``authenticated`` and ``auth-failed``. A user's *consecutive failures* are the ``auth-failed``
entries about them since their latest other entry (a successful authentication, a password change …).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ketaconsole.storage.database import Database
from ketaconsole.storage.errors import StorageError
from ketaconsole.storage.models import AccountEventRow, SigningKeyRow, UserRow

USER_ADDED = "user-added"
USER_DEACTIVATED = "user-deactivated"
PASSWORD_CHANGED = "password-changed"
PASSWORD_REHASHED = "password-rehashed"
AUTHENTICATED = "authenticated"
AUTH_FAILED = "auth-failed"
USER_ID_MAX_LENGTH = 64


class UserConflict(StorageError):
    """The change does not fit the stored users: the id is taken, a first user was expected but
    users exist, or the user is already deactivated."""


class UserNotFound(StorageError):
    """No user has this id."""


@dataclass(frozen=True, slots=True)
class StoredUser:
    """A user with their current signing key (the newest). Times are aware UTC; ``public_key`` is the
    raw 32-byte Ed25519 key; ``consecutive_failures`` counts failed sign-ins since the last success."""

    id: str
    printed_name: str
    role: str
    active: bool
    created_utc: datetime
    deactivated_utc: datetime | None
    fingerprint: str
    public_key: bytes
    consecutive_failures: int


@dataclass(frozen=True, slots=True)
class StoredSecrets:
    """What checks a user's password and holds their private key: the argon2id ``password_hash``
    and the current key's PKCS#8 PEM (``encrypted_private_key``) named by ``fingerprint``."""

    password_hash: str
    encrypted_private_key: bytes
    fingerprint: str


@dataclass(frozen=True, slots=True)
class StoredSigningKey:
    """A public key as verifiers need it: whose it is, the raw 32 bytes and when it was made."""

    user_id: str
    public_key: bytes
    fingerprint: str
    created_utc: datetime


@dataclass(frozen=True, slots=True)
class AccountEvent:
    """One entry of the account log, in the order written (``id``)."""

    id: int
    utc: datetime
    kind: str
    user_id: str | None
    by_user: str | None
    detail: dict[str, Any]


class UserStore:
    """Users in ``database``; thread-safe like the database (one short transaction per method)."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def add_user(self, *, user_id: str, printed_name: str, role: str, password_hash: str,
                 public_key: bytes, fingerprint: str, encrypted_private_key: bytes,
                 by_user: str | None, first: bool) -> None:
        """Store a new active user with their key and log ``user-added``. With ``first`` the store
        must hold no user yet. :class:`UserConflict` when the id was ever used (or ``first`` fails)."""
        now = self.database.clock.now().utc
        try:
            with self.database.session_factory.begin() as session:
                if first and session.scalar(select(func.count()).select_from(UserRow)):
                    raise UserConflict("users exist already: the first user has been created")
                if session.get(UserRow, user_id) is not None:
                    raise UserConflict(f"the user id {user_id!r} is taken (ids are never reused)")
                session.add(UserRow(id=user_id, printed_name=printed_name, role=role,
                                    password_hash=password_hash, active=True, created_utc=now))
                session.flush()  # the user row first: without a relationship the key may come before it
                session.add(SigningKeyRow(user_id=user_id, public_key=public_key, fingerprint=fingerprint,
                                          encrypted_private_key=encrypted_private_key, created_utc=now))
                _append(session, now, USER_ADDED, user_id, by_user,
                        {"printed_name": printed_name, "role": role, "fingerprint": fingerprint})
        except IntegrityError:
            raise UserConflict(f"the user id {user_id!r} is taken (ids are never reused)") from None

    def is_empty(self) -> bool:
        """Whether no user was ever added."""
        with self.database.session_factory() as session:
            return not session.scalar(select(func.count()).select_from(UserRow))

    def users(self) -> list[StoredUser]:
        """Every user, active or not, by id."""
        with self.database.session_factory() as session:
            return self._users(session, None)

    def user(self, user_id: str) -> StoredUser | None:
        """The user with this id, ``None`` when there is none."""
        with self.database.session_factory() as session:
            found = self._users(session, user_id)
            return found[0] if found else None

    def secrets(self, user_id: str) -> StoredSecrets | None:
        """The password hash and current encrypted private key of the user, ``None`` when unknown."""
        with self.database.session_factory() as session:
            row = session.get(UserRow, user_id)
            if row is None:
                return None
            key = _current_key(session, user_id)
            return StoredSecrets(row.password_hash, key.encrypted_private_key, key.fingerprint)

    def signing_key(self, fingerprint: str) -> StoredSigningKey | None:
        """The public key with this fingerprint (of an active or deactivated user), or ``None``."""
        with self.database.session_factory() as session:
            row = session.scalar(select(SigningKeyRow).where(SigningKeyRow.fingerprint == fingerprint))
            if row is None:
                return None
            return StoredSigningKey(row.user_id, row.public_key, row.fingerprint, row.created_utc)

    def deactivate_user(self, user_id: str, *, by_user: str, reason: str) -> None:
        """Mark the user inactive for good and log ``user-deactivated`` with the reason."""
        now = self.database.clock.now().utc
        with self.database.session_factory.begin() as session:
            row = _user_row(session, user_id)
            if not row.active:
                raise UserConflict(f"{user_id} is already deactivated")
            row.active = False
            row.deactivated_utc = now
            _append(session, now, USER_DEACTIVATED, user_id, by_user, {"reason": reason})

    def change_password(self, user_id: str, *, password_hash: str, encrypted_private_key: bytes,
                        fingerprint: str) -> None:
        """Replace the password hash and the encryption of the key ``fingerprint`` (the key itself is
        unchanged); log ``password-changed`` by the user."""
        now = self.database.clock.now().utc
        with self.database.session_factory.begin() as session:
            row = _user_row(session, user_id)
            key = session.scalar(select(SigningKeyRow).where(
                SigningKeyRow.user_id == user_id, SigningKeyRow.fingerprint == fingerprint))
            if key is None:
                raise UserNotFound(f"{user_id} has no signing key {fingerprint}")
            row.password_hash = password_hash
            key.encrypted_private_key = encrypted_private_key
            _append(session, now, PASSWORD_CHANGED, user_id, user_id, {"fingerprint": fingerprint})

    def rehash_password(self, user_id: str, password_hash: str) -> None:
        """Replace the hash of an unchanged password (stronger parameters); log ``password-rehashed``."""
        now = self.database.clock.now().utc
        with self.database.session_factory.begin() as session:
            _user_row(session, user_id).password_hash = password_hash
            _append(session, now, PASSWORD_REHASHED, user_id, user_id, {})

    def record_authenticated(self, user_id: str) -> None:
        """Log a successful authentication (``authenticated``), which ends a run of failures."""
        now = self.database.clock.now().utc
        with self.database.session_factory.begin() as session:
            _append(session, now, AUTHENTICATED, user_id, user_id, {})

    def record_failed_sign_in(self, user_id: str, reason: str) -> int:
        """Log ``auth-failed`` for ``user_id`` (cut to 64 characters; it may name no one) with the
        ``reason`` and the count of consecutive failures including this one, which is returned."""
        now = self.database.clock.now().utc
        user_id = user_id[:USER_ID_MAX_LENGTH]
        with self.database.session_factory.begin() as session:
            count = _failure_counts(session, user_id).get(user_id, 0) + 1
            _append(session, now, AUTH_FAILED, user_id, None, {"reason": reason, "consecutive": count})
            return count

    def account_events(self, user_id: str | None = None) -> list[AccountEvent]:
        """The account log in the order written, only about ``user_id`` when given."""
        query = select(AccountEventRow).order_by(AccountEventRow.id)
        if user_id is not None:
            query = query.where(AccountEventRow.user_id == user_id)
        with self.database.session_factory() as session:
            return [
                AccountEvent(row.id, row.utc, row.kind, row.user_id, row.by_user, dict(row.detail))
                for row in session.scalars(query)
            ]

    @staticmethod
    def _users(session: Session, user_id: str | None) -> list[StoredUser]:
        newest = select(SigningKeyRow.user_id, func.max(SigningKeyRow.id).label("key_id")).group_by(
            SigningKeyRow.user_id).subquery()
        query = (
            select(UserRow, SigningKeyRow)
            .join(newest, newest.c.user_id == UserRow.id)
            .join(SigningKeyRow, SigningKeyRow.id == newest.c.key_id)
            .order_by(UserRow.id)
        )
        if user_id is not None:
            query = query.where(UserRow.id == user_id)
        failures = _failure_counts(session, user_id)
        return [
            StoredUser(
                id=user.id, printed_name=user.printed_name, role=user.role, active=user.active,
                created_utc=user.created_utc, deactivated_utc=user.deactivated_utc,
                fingerprint=key.fingerprint, public_key=key.public_key,
                consecutive_failures=failures.get(user.id, 0),
            )
            for user, key in session.execute(query)
        ]


def _user_row(session: Session, user_id: str) -> UserRow:
    row = session.get(UserRow, user_id)
    if row is None:
        raise UserNotFound(f"no user {user_id!r}")
    return row


def _current_key(session: Session, user_id: str) -> SigningKeyRow:
    newest_first = SigningKeyRow.id.desc()
    key = session.scalar(select(SigningKeyRow).where(SigningKeyRow.user_id == user_id).order_by(newest_first))
    if key is None:
        raise UserNotFound(f"{user_id} has no signing key")
    return key


def _failure_counts(session: Session, user_id: str | None) -> dict[str, int]:
    """Consecutive failed sign-ins per user id (of ``user_id`` only, when given)."""
    events = AccountEventRow
    last_other = (
        select(events.user_id, func.max(events.id).label("last_id"))
        .where(events.kind != AUTH_FAILED)
        .group_by(events.user_id)
        .subquery()
    )
    query = (
        select(events.user_id, func.count())
        .outerjoin(last_other, last_other.c.user_id == events.user_id)
        .where(events.kind == AUTH_FAILED, events.id > func.coalesce(last_other.c.last_id, 0))
        .group_by(events.user_id)
    )
    if user_id is not None:
        query = query.where(events.user_id == user_id)
    return {user: count for user, count in session.execute(query) if user is not None}


def _append(session: Session, utc: datetime, kind: str, user_id: str | None, by_user: str | None,
            detail: dict[str, Any]) -> None:
    session.add(AccountEventRow(utc=utc, kind=kind, user_id=user_id, by_user=by_user, detail=detail))
