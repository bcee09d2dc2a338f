"""The user directory on a real database (SQLite and PostgreSQL): enrolment, authentication, password
change, deactivation, permissions, and the append-only account log."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from argon2 import PasswordHasher
from sqlalchemy import inspect, select, text, update
from sqlalchemy.exc import DBAPIError

from ketaconsole.accounts import keys
from ketaconsole.accounts.errors import (
    AuthenticationFailed,
    InvalidUserField,
    NotPermitted,
    PasswordRefused,
    UnknownUser,
    UserIdTaken,
)
from ketaconsole.accounts.roles import Role
from ketaconsole.accounts.users import NOT_ACCEPTED, User, UserDirectory
from ketaconsole.storage.database import Database
from ketaconsole.storage.models import AccountEventRow, Base, SigningKeyRow, UserRow

ADMIN_PASSWORD = "first admin secret"
NURSE_PASSWORD = "nurse secret 123"
ACCOUNT_TABLES = {"users", "signing_keys", "account_events"}


@pytest.fixture
def admin(directory: UserDirectory) -> User:
    directory.add("ada", "Ada Admin", Role.ADMINISTRATOR, ADMIN_PASSWORD, by=None)
    return directory.authenticate("ada", ADMIN_PASSWORD)


@pytest.fixture
def nurse(directory: UserDirectory, admin: User) -> User:
    return directory.add("nora.b", "Nora Brown", Role.NURSE, NURSE_PASSWORD, by=admin)


def test_the_schema_has_the_account_tables_as_the_models_describe_them(database: Database) -> None:
    assert set(inspect(database.engine).get_table_names()) >= ACCOUNT_TABLES
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": _in_account_tables})
        assert compare_metadata(context, Base.metadata) == []


def _in_account_tables(item: object, name: str | None, kind: str, _reflected: bool, _other: object) -> bool:
    table = name if kind == "table" else getattr(getattr(item, "table", None), "name", None)
    return table in ACCOUNT_TABLES


def test_the_first_user_must_be_an_administrator_and_needs_no_one(directory: UserDirectory) -> None:
    assert directory.is_empty()
    with pytest.raises(NotPermitted, match="the first user must be an administrator"):
        directory.add("nora.b", "Nora Brown", Role.NURSE, NURSE_PASSWORD, by=None)
    assert directory.is_empty()
    ada = directory.add("ada", "Ada Admin", "administrator", ADMIN_PASSWORD, by=None)
    assert (ada.id, ada.printed_name, ada.role, ada.active) == ("ada", "Ada Admin", Role.ADMINISTRATOR, True)
    assert not directory.is_empty()
    assert [(event.kind, event.user_id, event.by_user) for event in directory.events()] == [
        ("user-added", "ada", None)]


def test_later_users_need_an_authenticated_administrator(directory: UserDirectory, admin: User,
                                                         nurse: User) -> None:
    with pytest.raises(NotPermitted, match="an administrator must authenticate"):
        directory.add("carl", "Carl Clinician", Role.CLINICIAN, "clinician secret", by=None)
    with pytest.raises(NotPermitted, match=r"only an active administrator may add users; nora\.b may not"):
        directory.add("carl", "Carl Clinician", Role.CLINICIAN, "clinician secret", by=nurse)
    carl = directory.add("carl", "Carl Clinician", Role.CLINICIAN, "clinician secret", by=admin)
    assert carl.role is Role.CLINICIAN
    added = [event for event in directory.events() if event.kind == "user-added"]
    assert [(event.user_id, event.by_user) for event in added] == [
        ("ada", None), ("nora.b", "ada"), ("carl", "ada")]
    assert added[-1].detail == {"printed_name": "Carl Clinician", "role": "clinician",
                                "fingerprint": carl.fingerprint}


def test_the_stored_password_is_an_argon2id_hash_and_the_key_is_encrypted(
        database: Database, nurse: User) -> None:
    with database.session_factory() as session:
        row = session.get(UserRow, "nora.b")
        key = session.scalar(select(SigningKeyRow).where(SigningKeyRow.user_id == "nora.b"))
    assert row is not None and key is not None
    assert row.password_hash.startswith("$argon2id$")
    assert NURSE_PASSWORD not in row.password_hash
    assert key.encrypted_private_key.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert NURSE_PASSWORD.encode() not in key.encrypted_private_key
    assert key.public_key == nurse.public_key and len(key.public_key) == 32
    assert key.fingerprint == nurse.fingerprint == keys.fingerprint(nurse.public_key)


def test_a_wrong_password_neither_authenticates_nor_unlocks_and_is_logged(
        directory: UserDirectory, nurse: User) -> None:
    for attempt in ("nurse secret 124", "", "NURSE SECRET 123"):
        with pytest.raises(AuthenticationFailed, match=f"^{NOT_ACCEPTED}$"):
            directory.authenticate("nora.b", attempt)
    with pytest.raises(AuthenticationFailed, match=f"^{NOT_ACCEPTED}$"):
        directory.unlock_signing_key("nora.b", "nurse secret 124")
    failures = [event for event in directory.events("nora.b") if event.kind == "auth-failed"]
    assert [event.detail for event in failures] == [
        {"reason": "wrong-password", "consecutive": count} for count in (1, 2, 3, 4)]
    assert directory.get("nora.b").consecutive_failures == 4
    signed_in = directory.authenticate("nora.b", NURSE_PASSWORD)
    assert signed_in.consecutive_failures == 4, "the person is told about the failures before this sign-in"
    assert directory.get("nora.b").consecutive_failures == 0
    with pytest.raises(AuthenticationFailed):
        directory.authenticate("nora.b", "wrong again!")
    assert directory.events("nora.b")[-1].detail == {"reason": "wrong-password", "consecutive": 1}


def test_unknown_ids_get_the_same_answer_and_are_logged(directory: UserDirectory, admin: User) -> None:
    for user_id in ("nobody", "Not A Valid Id", "x" * 300):
        with pytest.raises(AuthenticationFailed, match=f"^{NOT_ACCEPTED}$"):
            directory.authenticate(user_id, ADMIN_PASSWORD)
    failed = [event for event in directory.events() if event.kind == "auth-failed"]
    assert [(event.user_id, event.detail["reason"]) for event in failed] == [
        ("nobody", "unknown-user"), ("Not A Valid Id", "unknown-user"), ("x" * 64, "unknown-user")]


def test_the_right_password_unlocks_a_key_that_signs_for_the_public_key(
        directory: UserDirectory, nurse: User) -> None:
    unlocked = directory.unlock_signing_key("nora.b", NURSE_PASSWORD)
    assert unlocked.user.id == "nora.b" and unlocked.fingerprint == nurse.fingerprint
    assert "private_key" not in repr(unlocked)
    signature = unlocked.sign(b"canonical record bytes")
    assert keys.verify(nurse.public_key, signature, b"canonical record bytes")


def test_a_password_change_reencrypts_the_same_key(directory: UserDirectory, nurse: User) -> None:
    before = directory.unlock_signing_key("nora.b", NURSE_PASSWORD).sign(b"record signed before")
    changed = directory.change_password("nora.b", NURSE_PASSWORD, "a brand new secret")
    assert (changed.public_key, changed.fingerprint) == (nurse.public_key, nurse.fingerprint)
    with pytest.raises(AuthenticationFailed):
        directory.authenticate("nora.b", NURSE_PASSWORD)
    with pytest.raises(AuthenticationFailed):
        directory.unlock_signing_key("nora.b", NURSE_PASSWORD)
    unlocked = directory.unlock_signing_key("nora.b", "a brand new secret")
    assert unlocked.fingerprint == nurse.fingerprint
    stored = directory.public_key(nurse.fingerprint)
    assert stored is not None and stored.user_id == "nora.b"
    assert keys.verify(stored.public_key, before, b"record signed before")
    assert keys.verify(stored.public_key, unlocked.sign(b"after"), b"after")
    change = next(event for event in directory.events("nora.b") if event.kind == "password-changed")
    assert (change.by_user, change.detail) == ("nora.b", {"fingerprint": nurse.fingerprint})


def test_a_password_change_needs_the_old_password_and_a_policy_conforming_new_one(
        directory: UserDirectory, nurse: User) -> None:
    with pytest.raises(AuthenticationFailed):
        directory.change_password("nora.b", "not my password", "a brand new secret")
    with pytest.raises(PasswordRefused, match="at least 10 characters"):
        directory.change_password("nora.b", NURSE_PASSWORD, "short")
    with pytest.raises(PasswordRefused, match="must differ from the old one"):
        directory.change_password("nora.b", NURSE_PASSWORD, NURSE_PASSWORD)
    with pytest.raises(PasswordRefused, match="must not contain the user id"):
        directory.change_password("nora.b", NURSE_PASSWORD, "nora.b-forever")
    assert directory.authenticate("nora.b", NURSE_PASSWORD).id == "nora.b"


def test_policy_and_field_refusals_at_enrolment(directory: UserDirectory, admin: User) -> None:
    with pytest.raises(PasswordRefused, match="at least 10 characters"):
        directory.add("carl", "Carl Clinician", Role.CLINICIAN, "123456789", by=admin)
    for bad_id in ("Carl", "carl smith", "-carl", ".carl", "carl_s", "", "c" * 65, "carl@clinic"):
        with pytest.raises(InvalidUserField, match="lowercase letters, digits, dots and hyphens"):
            directory.add(bad_id, "Carl Clinician", Role.CLINICIAN, "clinician secret", by=admin)
    with pytest.raises(InvalidUserField, match="printed name is required"):
        directory.add("carl", "   ", Role.CLINICIAN, "clinician secret", by=admin)
    with pytest.raises(InvalidUserField, match="on one line"):
        directory.add("carl", "Carl\nSigned: Someone Else", Role.CLINICIAN, "clinician secret", by=admin)
    with pytest.raises(InvalidUserField, match="unknown role 'surgeon'"):
        directory.add("carl", "Carl Clinician", "surgeon", "clinician secret", by=admin)
    assert [user.id for user in directory.list()] == ["ada"]
    trimmed = directory.add("c.2-x", "  Carl Clinician ", "clinician", "clinician secret", by=admin)
    assert trimmed.printed_name == "Carl Clinician"


def test_deactivated_users_cannot_sign_in_but_their_key_stays(directory: UserDirectory, admin: User,
                                                             nurse: User) -> None:
    signed = directory.unlock_signing_key("nora.b", NURSE_PASSWORD).sign(b"a record")
    gone = directory.deactivate("nora.b", by=admin, reason="left the clinic")
    assert not gone.active and gone.deactivated_utc is not None
    with pytest.raises(AuthenticationFailed, match=f"^{NOT_ACCEPTED}$"):
        directory.authenticate("nora.b", NURSE_PASSWORD)
    with pytest.raises(AuthenticationFailed, match=f"^{NOT_ACCEPTED}$"):
        directory.unlock_signing_key("nora.b", NURSE_PASSWORD)
    with pytest.raises(AuthenticationFailed):
        directory.change_password("nora.b", NURSE_PASSWORD, "trying to return")
    listed = {user.id: user for user in directory.list()}
    assert listed["nora.b"].fingerprint == nurse.fingerprint and not listed["nora.b"].active
    stored = directory.public_key(nurse.fingerprint)
    assert stored is not None and keys.verify(stored.public_key, signed, b"a record")
    reasons = [event.detail["reason"] for event in directory.events("nora.b") if event.kind == "auth-failed"]
    assert reasons == ["deactivated", "deactivated", "deactivated"]
    deactivation = next(event for event in directory.events("nora.b") if event.kind == "user-deactivated")
    assert (deactivation.by_user, deactivation.detail) == ("ada", {"reason": "left the clinic"})


def test_ids_are_unique_forever(directory: UserDirectory, admin: User, nurse: User) -> None:
    with pytest.raises(UserIdTaken, match=r"'nora\.b' is taken"):
        directory.add("nora.b", "Nora Other", Role.NURSE, "other nurse secret", by=admin)
    directory.deactivate("nora.b", by=admin, reason="left the clinic")
    with pytest.raises(UserIdTaken, match="never reused"):
        directory.add("nora.b", "Nora Brown", Role.NURSE, NURSE_PASSWORD, by=admin)
    with pytest.raises(UserIdTaken):
        directory.add("ada", "Ada Again", Role.ADMINISTRATOR, ADMIN_PASSWORD + "!", by=admin)


def test_deactivation_rules(directory: UserDirectory, admin: User, nurse: User) -> None:
    with pytest.raises(NotPermitted, match="only an active administrator may deactivate users"):
        directory.deactivate("ada", by=nurse, reason="coup")
    with pytest.raises(InvalidUserField, match="a reason for the deactivation is required"):
        directory.deactivate("nora.b", by=admin, reason="  ")
    with pytest.raises(UnknownUser, match="no user 'nobody'"):
        directory.deactivate("nobody", by=admin, reason="typo")
    with pytest.raises(NotPermitted, match="ada is the last active administrator"):
        directory.deactivate("ada", by=admin, reason="leaving")
    directory.deactivate("nora.b", by=admin, reason="left the clinic")
    with pytest.raises(InvalidUserField, match=r"nora\.b is already deactivated"):
        directory.deactivate("nora.b", by=admin, reason="again")
    second = directory.add("bob.admin", "Bob Admin", Role.ADMINISTRATOR, "second admin secret", by=admin)
    directory.deactivate("ada", by=second, reason="retired")
    with pytest.raises(NotPermitted, match="only an active administrator may add users; ada may not"):
        directory.add("carl", "Carl Clinician", Role.CLINICIAN, "clinician secret", by=admin)


def test_a_hash_with_weaker_parameters_is_replaced_at_the_next_sign_in(
        database: Database, directory: UserDirectory, nurse: User) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(NURSE_PASSWORD)
    with database.session_factory.begin() as session:
        session.execute(update(UserRow).where(UserRow.id == "nora.b").values(password_hash=weak))
    directory.authenticate("nora.b", NURSE_PASSWORD)
    with database.session_factory() as session:
        upgraded = session.get(UserRow, "nora.b")
    assert upgraded is not None and upgraded.password_hash != weak
    assert upgraded.password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert [event.kind for event in directory.events("nora.b")][-2:] == ["password-rehashed", "authenticated"]
    assert directory.authenticate("nora.b", NURSE_PASSWORD).id == "nora.b"


@pytest.mark.parametrize("statement", [
    "UPDATE account_events SET kind = 'nothing-happened'",
    "DELETE FROM account_events",
])
def test_the_account_log_is_append_only(database: Database, nurse: User, statement: str) -> None:
    with (pytest.raises(DBAPIError, match="account_events is append-only"),
          database.engine.begin() as connection):
        connection.execute(text(statement))
    with database.session_factory() as session:
        kinds = list(session.scalars(select(AccountEventRow.kind).order_by(AccountEventRow.id)))
    assert kinds == ["user-added", "authenticated", "user-added"]
