"""The permission table: shipped defaults as data, validated, and replaceable by the clinic."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketaconsole.accounts.roles import (
    Role,
    RolesFileError,
    SessionKind,
    SignatureMeaning,
    load_role_rules,
)
from ketaconsole.paths import data_path

AUTHOR, REVIEW, ADDENDUM = SignatureMeaning.AUTHOR, SignatureMeaning.REVIEW, SignatureMeaning.ADDENDUM
CLINICAL, TRAINING = SessionKind.CLINICAL, SessionKind.TRAINING
SHIPPED = data_path("resources", "roles.toml").read_text(encoding="utf-8")


def test_the_shipped_defaults_are_marked_unconfirmed_and_require_ten_characters(tmp_path: Path) -> None:
    rules = load_role_rules(tmp_path)
    assert not rules.confirmed
    assert rules.source == str(data_path("resources", "roles.toml"))
    assert "DEFAULT FOR THE CLINIC TO CONFIRM" in SHIPPED
    assert rules.passwords.min_length == 10


@pytest.mark.parametrize(("role", "meaning", "kind", "allowed"), [
    (Role.NURSE, AUTHOR, CLINICAL, True),
    (Role.NURSE, ADDENDUM, CLINICAL, True),
    (Role.NURSE, REVIEW, CLINICAL, False),
    (Role.CLINICIAN, AUTHOR, CLINICAL, True),
    (Role.CLINICIAN, REVIEW, CLINICAL, True),
    (Role.CLINICIAN, ADDENDUM, CLINICAL, True),
    (Role.TRAINER, AUTHOR, CLINICAL, False),
    (Role.TRAINER, REVIEW, CLINICAL, False),
    (Role.TRAINER, AUTHOR, TRAINING, True),
    (Role.ADMINISTRATOR, AUTHOR, CLINICAL, False),
    (Role.ADMINISTRATOR, REVIEW, CLINICAL, False),
    (Role.ADMINISTRATOR, ADDENDUM, TRAINING, False),
])
def test_who_may_sign_what(tmp_path: Path, role: Role, meaning: SignatureMeaning, kind: SessionKind,
                           allowed: bool) -> None:
    rules = load_role_rules(tmp_path)
    assert rules.may_sign(role, meaning, kind) is allowed
    assert (rules.refusal(role, meaning, kind) is None) is allowed


def test_refusals_say_why(tmp_path: Path) -> None:
    rules = load_role_rules(tmp_path)
    assert rules.refusal(Role.NURSE, REVIEW, CLINICAL) == (
        "a nurse may not sign with the meaning 'review' (may sign: addendum, author, training)")
    assert rules.refusal(Role.TRAINER, AUTHOR, CLINICAL) == (
        "a trainer may not sign clinical sessions (only training sessions)")
    assert "may sign: nothing" in rules.refusal(Role.ADMINISTRATOR, AUTHOR, CLINICAL)


def test_only_the_administrator_manages_users(tmp_path: Path) -> None:
    rules = load_role_rules(tmp_path)
    assert [role for role in Role if rules.manages_users(role)] == [Role.ADMINISTRATOR]


def test_a_site_file_replaces_the_shipped_one(tmp_path: Path) -> None:
    confirmed = SHIPPED.replace('confirmed_by = ""', 'confirmed_by = "Dr Site, 2026-03-01"').replace(
        "min_length = 10", "min_length = 14")
    (tmp_path / "roles.toml").write_text(confirmed, encoding="utf-8")
    rules = load_role_rules(tmp_path)
    assert rules.confirmed and rules.passwords.min_length == 14
    assert rules.source == str(tmp_path / "roles.toml")


@pytest.mark.parametrize(("change", "message"), [
    (("[roles.trainer]", "[roles.janitor]"), "roles.janitor"),
    (('may_sign = ["author", "addendum", "training"]', 'may_sign = ["author", "approve"]'), "may_sign"),
    (("min_length = 10", "min_length = 6"), "passwords.min_length"),
    (("max_length = 256", "max_length = 9"), "min_length must not exceed max_length"),
    (("manages_users = true", "manages_users = false"), "the administrator role must manage users"),
    (('confirmed_by = ""', 'confirmed_by = ""\nsuperuser = "me"'), "superuser"),
    (("[passwords]", "[passwords"), "not a readable TOML file"),
])
def test_a_broken_site_file_is_refused_naming_the_file_and_field(
        tmp_path: Path, change: tuple[str, str], message: str) -> None:
    site_file = tmp_path / "roles.toml"
    assert change[0] in SHIPPED
    site_file.write_text(SHIPPED.replace(*change, 1), encoding="utf-8")
    with pytest.raises(RolesFileError, match=message) as refused:
        load_role_rules(tmp_path)
    assert str(refused.value).startswith(str(site_file))
