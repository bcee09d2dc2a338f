"""The four roles and what each may do, read from ``resources/roles.toml``.

A clinic replaces the shipped file with ``roles.toml`` in :func:`ketaconsole.paths.site_config_dir`.
The roles themselves are fixed here; which signature meanings each may sign, on which kinds of
session, and whether it manages users, are data checked by pydantic. A file that cannot be used
raises :class:`RolesFileError` rather than falling back to the shipped defaults: permissions must
never change silently.

Invariants checked on load: every role is described exactly once; the administrator manages users
(the first user of a new database is an administrator, who must be able to add the others);
``8 <= passwords.min_length <= passwords.max_length <= 1024``; the console locks after
``0 < session.lock_after_min <= 60`` minutes without input (5 when a site file has no ``[session]``).

A role runs sessions of the kinds in its ``session_kinds`` (:meth:`RoleRules.may_run`): a role with
none, the administrator by default, manages users and never runs a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ketaconsole.core.data_files import DataFileError, read_toml, validate
from ketaconsole.paths import data_path, site_config_dir

SITE_FILE = "roles.toml"


class Role(StrEnum):
    """A person's role; the value is what the database stores."""

    NURSE = "nurse"
    CLINICIAN = "clinician"
    TRAINER = "trainer"
    ADMINISTRATOR = "administrator"


class SignatureMeaning(StrEnum):
    """What a signature says (21 CFR 11.50): the value is stored with the signature."""

    AUTHOR = "author"
    """Administered the treatment / authored the record."""
    REVIEW = "review"
    """Reviewed someone else's record."""
    ADDENDUM = "addendum"
    """Added a correction or addition that references the signed record."""
    TRAINING = "training"
    """Took part in or supervised a training session: the only meaning a training session takes, and
    never one a clinical session takes, so a simulated record cannot pass for a clinical one."""


class SessionKind(StrEnum):
    """Whether a session treated a patient or was a training run on a simulated monitor."""

    CLINICAL = "clinical"
    TRAINING = "training"


class RolesFileError(DataFileError):
    """A roles file that cannot be used; the message names the file and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PasswordRules(_Strict):
    """Lengths in characters (Unicode code points)."""

    min_length: int = Field(ge=8, le=1024)
    max_length: int = Field(ge=8, le=1024)

    @model_validator(mode="after")
    def _ordered(self) -> PasswordRules:
        if self.min_length > self.max_length:
            raise ValueError("min_length must not exceed max_length")
        return self


class SessionRules(_Strict):
    """How the bedside window protects a running session."""

    lock_after_min: float = Field(gt=0, le=60)
    """Minutes without mouse or keyboard input before the window locks (HIPAA automatic logoff)."""


DEFAULT_SESSION_RULES = SessionRules(lock_after_min=5)


class RolePermissions(_Strict):
    """What one role may do."""

    label: str = Field(min_length=1)
    may_sign: frozenset[SignatureMeaning]
    session_kinds: frozenset[SessionKind]
    manages_users: bool


class _RolesFile(_Strict):
    confirmed_by: str
    passwords: PasswordRules
    session: SessionRules = DEFAULT_SESSION_RULES
    roles: dict[Role, RolePermissions]

    @model_validator(mode="after")
    def _complete(self) -> _RolesFile:
        missing = [role.value for role in Role if role not in self.roles]
        if missing:
            raise ValueError(f"every role must be described; missing: {', '.join(missing)}")
        if not self.roles[Role.ADMINISTRATOR].manages_users:
            raise ValueError("the administrator role must manage users")
        return self


@dataclass(frozen=True, slots=True)
class RoleRules:
    """The permission table in force and where it came from (``source``: a file path)."""

    confirmed_by: str
    passwords: PasswordRules
    roles: dict[Role, RolePermissions]
    source: str
    session: SessionRules = DEFAULT_SESSION_RULES

    @property
    def lock_after_s(self) -> float:
        """Seconds without input before the bedside window locks."""
        return self.session.lock_after_min * 60

    def may_run(self, role: Role, session_kind: SessionKind) -> bool:
        """Whether ``role`` may run (operate) a session of ``session_kind`` at the bedside."""
        return session_kind in self.roles[role].session_kinds

    def run_refusal(self, role: Role, session_kind: SessionKind | None = None) -> str | None:
        """Why ``role`` may not run a session of ``session_kind`` (any kind when ``None``), for a
        person; ``None`` when it may."""
        kinds = sorted(self.roles[role].session_kinds)
        label = self.roles[role].label
        if not kinds:
            return (f"{label}s do not run treatment sessions (they manage users): "
                    "a nurse, clinician or trainer signs in to run one")
        if session_kind is not None and session_kind not in kinds:
            return f"{label}s run {' and '.join(kinds)} sessions only; this is a {session_kind.value} session"
        return None

    @property
    def confirmed(self) -> bool:
        """False while the file carries the shipped, unconfirmed defaults."""
        return bool(self.confirmed_by.strip())

    def manages_users(self, role: Role) -> bool:
        """Whether ``role`` may add and deactivate users."""
        return self.roles[role].manages_users

    def may_sign(self, role: Role, meaning: SignatureMeaning, session_kind: SessionKind) -> bool:
        """Whether ``role`` may sign with ``meaning`` on a session of ``session_kind``."""
        permissions = self.roles[role]
        return meaning in permissions.may_sign and session_kind in permissions.session_kinds

    def refusal(self, role: Role, meaning: SignatureMeaning, session_kind: SessionKind) -> str | None:
        """Why ``role`` may not sign so, for a person; ``None`` when it may."""
        permissions = self.roles[role]
        if meaning not in permissions.may_sign:
            allowed = ", ".join(sorted(permissions.may_sign)) or "nothing"
            return f"a {role.value} may not sign with the meaning {meaning.value!r} (may sign: {allowed})"
        if session_kind not in permissions.session_kinds:
            kinds = ", ".join(sorted(permissions.session_kinds)) or "no"
            return f"a {role.value} may not sign {session_kind.value} sessions (only {kinds} sessions)"
        return None


def read_role_rules(data: bytes, *, source: str) -> RoleRules:
    """The rules in a roles file's bytes; :class:`RolesFileError` naming ``source`` and the field."""
    content = read_toml(data, source=source, error=RolesFileError)
    parsed = validate(_RolesFile, content, source=source, error=RolesFileError)
    return RoleRules(parsed.confirmed_by, parsed.passwords, dict(parsed.roles), source, parsed.session)


def load_role_rules(site_dir: Path | None = None) -> RoleRules:
    """The site's ``roles.toml`` when there is one, else the shipped defaults.

    ``site_dir`` defaults to :func:`ketaconsole.paths.site_config_dir`. Raises
    :class:`RolesFileError` when the file in use cannot be read or is invalid.
    """
    site_file = (site_dir if site_dir is not None else site_config_dir()) / SITE_FILE
    path = site_file if site_file.is_file() else data_path("resources", SITE_FILE)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RolesFileError(f"{path}: cannot be read ({error})") from None
    return read_role_rules(data, source=str(path))
