"""Ed25519 signing keys of people, through the ``cryptography`` library (no cryptography here).

* The **private key** is kept only as PKCS#8 PEM (``-----BEGIN ENCRYPTED PRIVATE KEY-----``)
  encrypted under the owner's password with ``serialization.BestAvailableEncryption``. With
  cryptography 42–50 that is PBES2: PBKDF2-HMAC-SHA256 (2048 iterations) and AES-256-CBC. The iteration
  count is the library's choice and low: whoever copies the database can guess passwords against the
  PEM faster than against the argon2id hash, so the database itself must be protected.
* The **public key** is the raw 32 bytes of RFC 8032.
* The **fingerprint** of a key is ``sha256(raw public key)`` as 64 lowercase hex digits. It names
  the key in signatures and listings and is unique in the database.
* Signatures are raw Ed25519 signatures: 64 bytes over the message bytes as given.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ketaconsole.accounts.errors import WrongPassword

PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64


@dataclass(frozen=True, slots=True)
class EnrolledKey:
    """A new key pair as stored: ``encrypted_pem`` (PKCS#8 PEM bytes), ``public_raw`` (32 bytes)
    and its ``fingerprint``."""

    encrypted_pem: bytes
    public_raw: bytes
    fingerprint: str


def fingerprint(public_raw: bytes) -> str:
    """SHA-256 of the raw 32-byte public key, as 64 lowercase hex digits."""
    if len(public_raw) != PUBLIC_KEY_BYTES:
        raise ValueError(f"an Ed25519 public key has {PUBLIC_KEY_BYTES} bytes, not {len(public_raw)}")
    return hashlib.sha256(public_raw).hexdigest()


def generate(password: str) -> EnrolledKey:
    """A fresh key pair whose private key is encrypted under ``password``."""
    private_key = Ed25519PrivateKey.generate()
    public_raw = public_bytes(private_key)
    return EnrolledKey(_encrypt(private_key, password), public_raw, fingerprint(public_raw))


def public_bytes(private_key: Ed25519PrivateKey) -> bytes:
    """The raw 32-byte public key of ``private_key``."""
    return private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def unlock(encrypted_pem: bytes, password: str) -> Ed25519PrivateKey:
    """The private key in ``encrypted_pem``; :class:`WrongPassword` when ``password`` does not
    decrypt it. A PEM that is not an encrypted Ed25519 key raises ``ValueError``."""
    if b"-----BEGIN ENCRYPTED PRIVATE KEY-----" not in encrypted_pem:
        raise ValueError("not an encrypted PKCS#8 private key")
    try:
        key = serialization.load_pem_private_key(encrypted_pem, password.encode("utf-8"))
    except (ValueError, TypeError):  # TypeError: an empty password counts as none given
        raise WrongPassword("the password does not unlock this signing key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"not an Ed25519 private key ({type(key).__name__})")
    return key


def reencrypt(encrypted_pem: bytes, old_password: str, new_password: str) -> bytes:
    """The same private key encrypted under ``new_password``; :class:`WrongPassword` when
    ``old_password`` does not unlock it."""
    return _encrypt(unlock(encrypted_pem, old_password), new_password)


def sign(private_key: Ed25519PrivateKey, message: bytes) -> bytes:
    """The 64-byte Ed25519 signature of ``message``."""
    return private_key.sign(message)


def verify(public_raw: bytes, signature: bytes, message: bytes) -> bool:
    """Whether ``signature`` is a valid signature of ``message`` by the key ``public_raw`` (32 bytes;
    another length raises ``ValueError``)."""
    if len(public_raw) != PUBLIC_KEY_BYTES:
        raise ValueError(f"an Ed25519 public key has {PUBLIC_KEY_BYTES} bytes, not {len(public_raw)}")
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except InvalidSignature:
        return False
    return True


def _encrypt(private_key: Ed25519PrivateKey, password: str) -> bytes:
    return private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(password.encode("utf-8")),
    )
