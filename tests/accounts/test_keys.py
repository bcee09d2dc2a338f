"""Ed25519 keys: the private key is only ever stored as encrypted PKCS#8, the password unlocks it,
re-encryption keeps the key, and signatures verify only for the exact message and signature."""

from __future__ import annotations

import base64
import hashlib

import pytest
from cryptography.hazmat.primitives import serialization
from hypothesis import given
from hypothesis import strategies as st

from ketaconsole.accounts import keys
from ketaconsole.accounts.errors import WrongPassword

PASSWORD = "correct horse 42"
ENROLLED = keys.generate(PASSWORD)
PRIVATE = keys.unlock(ENROLLED.encrypted_pem, PASSWORD, ENROLLED.fingerprint)


def _raw_private(private_key) -> bytes:
    return private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def test_the_private_key_is_encrypted_pkcs8_and_its_raw_bytes_appear_nowhere() -> None:
    pem = ENROLLED.encrypted_pem
    lines = pem.decode("ascii").strip().splitlines()
    assert lines[0] == "-----BEGIN ENCRYPTED PRIVATE KEY-----"
    assert lines[-1] == "-----END ENCRYPTED PRIVATE KEY-----"
    der = base64.b64decode("".join(lines[1:-1]))
    raw = _raw_private(PRIVATE)
    assert len(raw) == 32
    assert raw not in pem and raw not in der
    assert base64.b64encode(raw) not in pem
    with pytest.raises(TypeError):
        serialization.load_pem_private_key(pem, password=None)


def test_public_key_is_raw_32_bytes_and_the_fingerprint_is_its_sha256_hex() -> None:
    assert len(ENROLLED.public_raw) == 32
    assert keys.public_bytes(PRIVATE) == ENROLLED.public_raw
    assert ENROLLED.fingerprint == hashlib.sha256(ENROLLED.public_raw).hexdigest()
    assert keys.fingerprint(ENROLLED.public_raw) == ENROLLED.fingerprint
    assert len(ENROLLED.fingerprint) == 64
    with pytest.raises(ValueError, match="32 bytes"):
        keys.fingerprint(ENROLLED.public_raw[:31])


def test_two_enrolments_make_different_keys() -> None:
    assert keys.generate(PASSWORD).fingerprint != ENROLLED.fingerprint


@pytest.mark.parametrize("wrong", ["correct horse 43", "", "CORRECT HORSE 42", PASSWORD + " "])
def test_a_wrong_password_does_not_unlock(wrong: str) -> None:
    with pytest.raises(WrongPassword, match="does not unlock"):
        keys.unlock(ENROLLED.encrypted_pem, wrong, ENROLLED.fingerprint)


def test_something_that_is_not_an_encrypted_key_is_not_a_wrong_password() -> None:
    plain = PRIVATE.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with pytest.raises(ValueError, match="not an encrypted PKCS#8") as refused:
        keys.unlock(plain, PASSWORD, ENROLLED.fingerprint)
    assert not isinstance(refused.value, WrongPassword)


def test_reencrypt_keeps_the_key_and_only_the_new_password_unlocks_it() -> None:
    new_pem = keys.reencrypt(ENROLLED.encrypted_pem, PASSWORD, "battery staple 7", ENROLLED.fingerprint)
    assert new_pem != ENROLLED.encrypted_pem
    with pytest.raises(WrongPassword):
        keys.unlock(new_pem, PASSWORD, ENROLLED.fingerprint)
    unlocked = keys.unlock(new_pem, "battery staple 7", ENROLLED.fingerprint)
    assert keys.public_bytes(unlocked) == ENROLLED.public_raw
    assert _raw_private(unlocked) == _raw_private(PRIVATE)
    with pytest.raises(WrongPassword):
        keys.reencrypt(ENROLLED.encrypted_pem, "not the password", "battery staple 7", ENROLLED.fingerprint)


def test_verify_refuses_a_public_key_of_the_wrong_length() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        keys.verify(ENROLLED.public_raw + b"\0", keys.sign(PRIVATE, b"m"), b"m")


@given(st.binary(max_size=2048))
def test_a_signature_verifies_for_its_message(message: bytes) -> None:
    signature = keys.sign(PRIVATE, message)
    assert len(signature) == keys.SIGNATURE_BYTES
    assert keys.verify(ENROLLED.public_raw, signature, message)


@given(st.binary(min_size=1, max_size=512), st.data())
def test_changing_any_byte_of_the_message_fails_verification(message: bytes, data: st.DataObject) -> None:
    signature = keys.sign(PRIVATE, message)
    index = data.draw(st.integers(0, len(message) - 1), label="index")
    flip = data.draw(st.integers(1, 255), label="xor")
    changed = bytearray(message)
    changed[index] ^= flip
    assert not keys.verify(ENROLLED.public_raw, signature, bytes(changed))


@given(st.binary(max_size=512), st.integers(0, keys.SIGNATURE_BYTES - 1), st.integers(1, 255))
def test_changing_any_byte_of_the_signature_fails_verification(message: bytes, index: int, flip: int) -> None:
    signature = bytearray(keys.sign(PRIVATE, message))
    signature[index] ^= flip
    assert not keys.verify(ENROLLED.public_raw, bytes(signature), message)


@given(st.binary(max_size=256))
def test_another_key_does_not_verify(message: bytes) -> None:
    other = keys.generate("another password 1")
    assert not keys.verify(other.public_raw, keys.sign(PRIVATE, message), message)


def test_the_pem_passphrase_is_derived_with_argon2id_not_the_password_itself() -> None:
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(ENROLLED.encrypted_pem, PASSWORD.encode("utf-8"))
    derived = keys.passphrase(PASSWORD, ENROLLED.fingerprint)
    assert len(derived) == 64 and derived != PASSWORD.encode("utf-8")
    opened = serialization.load_pem_private_key(ENROLLED.encrypted_pem, derived)
    assert keys.fingerprint(keys.public_bytes(opened)) == ENROLLED.fingerprint  # type: ignore[arg-type]
    other = keys.generate(PASSWORD)
    assert keys.passphrase(PASSWORD, other.fingerprint) != derived, "each key has its own salt"


def test_a_pem_of_another_key_is_refused_even_with_the_right_password() -> None:
    other = keys.generate(PASSWORD)
    with pytest.raises(WrongPassword):
        keys.unlock(other.encrypted_pem, PASSWORD, ENROLLED.fingerprint)
