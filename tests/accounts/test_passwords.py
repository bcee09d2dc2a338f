"""Password hashes are argon2id with the library's defaults, and the policy refuses weak passwords
with a message that names the rule."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from ketaconsole.accounts.errors import PasswordRefused
from ketaconsole.accounts.passwords import check_password_policy, hash_password, needs_rehash, verify_password
from ketaconsole.accounts.roles import PasswordRules

RULES = PasswordRules(min_length=10, max_length=64)


def test_a_hash_is_argon2id_with_at_least_the_default_cost_and_never_the_password() -> None:
    password = "tr0ub4dor&3 horse"
    hashed = hash_password(password)
    assert hashed.startswith("$argon2id$v=19$")
    assert password not in hashed
    defaults = PasswordHasher()
    assert f"m={defaults.memory_cost},t={defaults.time_cost},p={defaults.parallelism}" in hashed
    assert hash_password(password) != hashed, "every hash has its own salt"


def test_verify_accepts_only_the_exact_password() -> None:
    hashed = hash_password("tr0ub4dor&3 horse")
    assert verify_password(hashed, "tr0ub4dor&3 horse")
    for wrong in ("tr0ub4dor&3 horse ", "Tr0ub4dor&3 horse", "", "tr0ub4dor&3"):
        assert not verify_password(hashed, wrong)


@pytest.mark.parametrize(("damaged", "error"), [
    ("not a hash at all", InvalidHashError),
    ("$argon2id$garbage", VerificationError),
])
def test_a_damaged_hash_is_an_error_not_a_wrong_password(damaged: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        verify_password(damaged, "anything at all")


def test_needs_rehash_for_weaker_parameters_or_another_variant() -> None:
    assert not needs_rehash(hash_password("tr0ub4dor&3 horse"))
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("tr0ub4dor&3 horse")
    assert needs_rehash(weak)
    assert needs_rehash(PasswordHasher(type=Type.I).hash("tr0ub4dor&3 horse"))


@pytest.mark.parametrize(("password", "message"), [
    ("short1234", "too short: it needs at least 10 characters"),
    ("x" * 65, "too long: at most 64 characters"),
    (" " * 12, "must not be only spaces"),
    ("my-nora.b-password", "must not contain the user id"),
    ("MY-NORA.B-PASSWORD", "must not contain the user id"),
])
def test_the_policy_names_the_rule_a_password_breaks(password: str, message: str) -> None:
    with pytest.raises(PasswordRefused, match=message) as refused:
        check_password_policy(password, RULES, user_id="nora.b")
    assert password not in str(refused.value)


def test_the_policy_accepts_a_password_at_both_length_limits() -> None:
    check_password_policy("a" * 10, RULES, user_id="nora.b")
    check_password_policy("a" * 64, RULES, user_id="nora.b")
