"""Password hashing (argon2id) and the password policy.

Hashes are argon2id in the PHC string format (``$argon2id$v=19$m=…,t=…,p=…$salt$hash``) with the
parameters of argon2-cffi's :class:`~argon2.PasswordHasher` defaults (RFC 9106 low-memory profile:
64 MiB, 3 passes, 4 lanes, 16-byte random salt). A stored hash made with weaker parameters reports
:func:`needs_rehash`, and the directory then replaces it at the next successful sign-in.

Passwords are compared and hashed exactly as typed (UTF-8, no trimming or normalisation).
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import VerifyMismatchError

from ketaconsole.accounts.errors import PasswordRefused
from ketaconsole.accounts.roles import PasswordRules

_HASHER = PasswordHasher(type=Type.ID)


def hash_password(password: str) -> str:
    """A new argon2id hash of ``password`` with a fresh random salt."""
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``password_hash``. A malformed hash raises argon2's
    ``InvalidHashError`` or ``VerificationError``: that is a damaged database, not a wrong password."""
    try:
        return _HASHER.verify(password_hash, password)
    except VerifyMismatchError:
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with other parameters (or another argon2 variant) than today's."""
    return _HASHER.check_needs_rehash(password_hash)


@cache
def decoy_hash() -> str:
    """A hash of no one's password, verified when the user id is unknown so that the answer takes
    as long as for a real user."""
    return hash_password("no user has this password")


def check_password_policy(password: str, rules: PasswordRules, *, user_id: str) -> None:
    """Raise :class:`PasswordRefused` naming the rule ``password`` breaks; lengths are in characters."""
    if len(password) < rules.min_length:
        raise PasswordRefused(f"the password is too short: it needs at least {rules.min_length} characters")
    if len(password) > rules.max_length:
        raise PasswordRefused(f"the password is too long: at most {rules.max_length} characters")
    if not password.strip():
        raise PasswordRefused("the password must not be only spaces")
    if user_id and user_id.lower() in password.lower():
        raise PasswordRefused("the password must not contain the user id")
