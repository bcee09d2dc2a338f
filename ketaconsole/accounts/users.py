"""The directory of people who use the console, over the database.

Invariants:

* A user id is 1–64 characters of lowercase letters, digits, dots and hyphens, starting with a
  letter or digit, and belongs to one person forever: users are deactivated, never deleted, and a
  deactivated id is never given again (21 CFR 11.100; HIPAA unique user identification).
* The first user of an empty directory is an administrator and needs no one's authority; every
  later addition or deactivation is done by an active user whose role manages users
  (:meth:`RoleRules.manages_users`), and the last such user cannot be deactivated.
* Each user has an Ed25519 signing key made at enrolment. Its private key is stored only encrypted
  under the user's password; a password change re-encrypts it, so the public key and fingerprint
  never change and earlier signatures keep verifying. A deactivated user's public key stays.
* Authentication refuses an unknown id, a wrong password and a deactivated user with the same
  message, and logs each refusal as ``auth-failed`` with the real reason and the count of
  consecutive failures (21 CFR 11.300(d)). Every change is logged in ``account_events``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import NoReturn

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ketaconsole.accounts import keys
from ketaconsole.accounts.errors import (
    AuthenticationFailed,
    InvalidUserField,
    NotPermitted,
    PasswordRefused,
    UnknownUser,
    UserIdTaken,
)
from ketaconsole.accounts.passwords import (
    check_password_policy,
    decoy_hash,
    hash_password,
    needs_rehash,
    verify_password,
)
from ketaconsole.accounts.roles import Role, RoleRules, load_role_rules
from ketaconsole.storage.database import Database
from ketaconsole.storage.user_store import (
    USER_ID_MAX_LENGTH,
    AccountEvent,
    StoredSecrets,
    StoredSigningKey,
    StoredUser,
    UserConflict,
    UserStore,
)

USER_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9.-]{0,63}")
PRINTED_NAME_MAX_LENGTH = 200
NOT_ACCEPTED = "user id or password not accepted"


@dataclass(frozen=True, slots=True)
class User:
    """A person as the directory knows them. Times are aware UTC; ``public_key`` is the raw 32-byte
    Ed25519 key named by ``fingerprint``. ``consecutive_failures`` is the number of failed
    sign-ins since the last successful one; :meth:`UserDirectory.authenticate` returns the count
    as it was before it succeeded, so the person can be told."""

    id: str
    printed_name: str
    role: Role
    active: bool
    created_utc: datetime
    deactivated_utc: datetime | None
    fingerprint: str
    public_key: bytes
    consecutive_failures: int


@dataclass(frozen=True, slots=True)
class UnlockedKey:
    """A user's private key, decrypted for signing; keep it only as long as the signing takes."""

    user: User
    fingerprint: str
    private_key: Ed25519PrivateKey = field(repr=False)

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``message``."""
        return keys.sign(self.private_key, message)


class UserDirectory:
    """The users stored in ``database``, under the permission table ``rules`` (default: the
    site's ``roles.toml`` or the shipped one)."""

    def __init__(self, database: Database, rules: RoleRules | None = None) -> None:
        self._store = UserStore(database)
        self.rules = rules if rules is not None else load_role_rules()

    def is_empty(self) -> bool:
        """True until the first user is added."""
        return self._store.is_empty()

    def add(self, user_id: str, printed_name: str, role: Role | str, password: str, *,
            by: User | None) -> User:
        """Enrol a person: hash the password, make their signing key, store both.

        ``by`` is the administrator doing it, as returned by :meth:`authenticate`; ``None`` only for
        the first user, who must be an administrator. Raises :class:`InvalidUserField`,
        :class:`NotPermitted`, :class:`PasswordRefused` or :class:`UserIdTaken`.
        """
        check_user_id(user_id)
        printed_name = _check_printed_name(printed_name)
        role = _role(role)
        first = self.is_empty()
        if first and by is not None:
            raise NotPermitted("there are no users yet: the first administrator is added by no one")
        if first and not self.rules.manages_users(role):
            raise NotPermitted("the first user must be an administrator")
        if not first:
            if by is None:
                raise NotPermitted("an administrator must authenticate to add a user")
            self._require_manager(by, "add users")
        check_password_policy(password, self.rules.passwords, user_id=user_id)
        if self._store.user(user_id) is not None:
            raise UserIdTaken(f"the user id {user_id!r} is taken (ids are never reused)")
        enrolled = keys.generate(password)
        try:
            self._store.add_user(
                user_id=user_id, printed_name=printed_name, role=role.value,
                password_hash=hash_password(password), public_key=enrolled.public_raw,
                fingerprint=enrolled.fingerprint, encrypted_private_key=enrolled.encrypted_pem,
                by_user=None if by is None else by.id, first=first,
            )
        except UserConflict as conflict:
            raise (NotPermitted if first else UserIdTaken)(str(conflict)) from None
        return self.get(user_id)

    def list(self) -> list[User]:
        """Every user, active or deactivated, by id."""
        return [_user(stored) for stored in self._store.users()]

    def get(self, user_id: str) -> User:
        """The user with this id; :class:`UnknownUser` when there is none."""
        stored = self._store.user(user_id)
        if stored is None:
            raise UnknownUser(f"no user {user_id!r}")
        return _user(stored)

    def deactivate(self, user_id: str, *, by: User, reason: str) -> User:
        """Deactivate for good (the id stays taken, the public key stays listed); ``reason`` is
        required. ``by`` is an administrator as returned by :meth:`authenticate`."""
        self._require_manager(by, "deactivate users")
        reason = reason.strip()
        if not reason:
            raise InvalidUserField("a reason for the deactivation is required")
        target = self.get(user_id)
        if not target.active:
            raise InvalidUserField(f"{user_id} is already deactivated")
        if self.rules.manages_users(target.role):
            managers = [user for user in self.list() if user.active and self.rules.manages_users(user.role)]
            if len(managers) == 1:
                raise NotPermitted(f"{user_id} is the last active administrator; add another one first")
        try:
            self._store.deactivate_user(user_id, by_user=by.id, reason=reason)
        except UserConflict as conflict:
            raise InvalidUserField(str(conflict)) from None
        return self.get(user_id)

    def authenticate(self, user_id: str, password: str) -> User:
        """The active user whose password this is. Anything else raises
        :class:`AuthenticationFailed` with one message and logs ``auth-failed``; success logs
        ``authenticated`` and upgrades a hash made with weaker parameters."""
        stored = self._store.secrets(user_id) if USER_ID_PATTERN.fullmatch(user_id) else None
        if stored is None:
            verify_password(decoy_hash(), password)
            self._refuse(user_id, "unknown-user")
        if not verify_password(stored.password_hash, password):
            self._refuse(user_id, "wrong-password")
        user = self.get(user_id)
        if not user.active:
            self._refuse(user_id, "deactivated")
        if needs_rehash(stored.password_hash):
            self._store.rehash_password(user_id, hash_password(password))
        self._store.record_authenticated(user_id)
        return user

    def unlock_signing_key(self, user_id: str, password: str) -> UnlockedKey:
        """Authenticate (as :meth:`authenticate`) and decrypt the user's current private key."""
        user = self.authenticate(user_id, password)
        stored = self._secrets(user_id)
        return UnlockedKey(user, stored.fingerprint, keys.unlock(stored.encrypted_private_key, password,
                                                                      stored.fingerprint))

    def change_password(self, user_id: str, old_password: str, new_password: str) -> User:
        """Set a new password after authenticating with the old one, re-encrypting the private key
        (public key and fingerprint unchanged). Raises :class:`AuthenticationFailed` or
        :class:`PasswordRefused`."""
        self.authenticate(user_id, old_password)
        check_password_policy(new_password, self.rules.passwords, user_id=user_id)
        if new_password == old_password:
            raise PasswordRefused("the new password must differ from the old one")
        stored = self._secrets(user_id)
        self._store.change_password(
            user_id,
            password_hash=hash_password(new_password),
            encrypted_private_key=keys.reencrypt(stored.encrypted_private_key, old_password, new_password,
                                                 stored.fingerprint),
            fingerprint=stored.fingerprint,
        )
        return self.get(user_id)

    def public_key(self, fingerprint: str) -> StoredSigningKey | None:
        """The public key with this fingerprint, of an active or deactivated user (for verifying)."""
        return self._store.signing_key(fingerprint)

    def events(self, user_id: str | None = None) -> list[AccountEvent]:
        """The account log in the order written, only about ``user_id`` when given."""
        return self._store.account_events(user_id)

    def _require_manager(self, by: User, action: str) -> None:
        current = self._store.user(by.id)
        if current is None or not current.active or not self.rules.manages_users(Role(current.role)):
            raise NotPermitted(f"only an active administrator may {action}; {by.id} may not")

    def _secrets(self, user_id: str) -> StoredSecrets:
        stored = self._store.secrets(user_id)
        if stored is None:
            raise UnknownUser(f"no user {user_id!r}")
        return stored

    def _refuse(self, user_id: str, reason: str) -> NoReturn:
        self._store.record_failed_sign_in(user_id, reason)
        raise AuthenticationFailed(NOT_ACCEPTED)


def check_user_id(user_id: str) -> None:
    """Raise :class:`InvalidUserField` unless ``user_id`` has the form of a user id."""
    if not USER_ID_PATTERN.fullmatch(user_id):
        raise InvalidUserField(
            f"user id {user_id[:USER_ID_MAX_LENGTH]!r} refused: use 1–{USER_ID_MAX_LENGTH} lowercase "
            "letters, digits, dots and hyphens, starting with a letter or digit"
        )


def _check_printed_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise InvalidUserField("a printed name is required")
    if len(name) > PRINTED_NAME_MAX_LENGTH or not name.isprintable():
        raise InvalidUserField(
            f"the printed name must be at most {PRINTED_NAME_MAX_LENGTH} printable characters on one line"
        )
    return name


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise InvalidUserField(
            f"unknown role {role!r}; choose one of {', '.join(item.value for item in Role)}"
        ) from None


def _user(stored: StoredUser) -> User:
    return User(
        id=stored.id, printed_name=stored.printed_name, role=Role(stored.role), active=stored.active,
        created_utc=stored.created_utc, deactivated_utc=stored.deactivated_utc,
        fingerprint=stored.fingerprint, public_key=stored.public_key,
        consecutive_failures=stored.consecutive_failures,
    )
