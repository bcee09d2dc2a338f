"""Ed25519 signing keys of people, through the ``cryptography`` library (no cryptography here).

* The **private key** is kept only as PKCS#8 PEM (``-----BEGIN ENCRYPTED PRIVATE KEY-----``)
  encrypted with ``serialization.BestAvailableEncryption`` (cryptography 42–50: PBES2, PBKDF2-HMAC-
  SHA256 with 2048 iterations, AES-256-CBC). The library fixes that low iteration count, so the PEM
  passphrase is not the password itself but ``argon2id(password, salt)`` in hex (:func:`passphrase`):
  a guess against a copied database costs as much as a guess against the argon2id password hash.
  The salt is the first 16 bytes of the key's fingerprint, unique per key and stored beside it.
  The argon2id parameters (RFC 9106 low-memory: t=3, m=64 MiB, p=4, 32 bytes) are part of the
  stored format and never change silently.
* The **public key** is the raw 32 bytes of RFC 8032.
* The **fingerprint** of a key is ``sha256(raw public key)`` as 64 lowercase hex digits. It names
  the key in signatures and listings and is unique in the database.
* Signatures are raw Ed25519 signatures: 64 bytes over the message bytes as given.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ketaconsole.accounts.errors import WrongPassword

PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64
_ARGON2_TIME_COST = 3
_ARGON2_MEMORY_KIB = 65536
_ARGON2_PARALLELISM = 4


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


def unlock(encrypted_pem: bytes, password: str, key_fingerprint: str) -> Ed25519PrivateKey:
    """The private key in ``encrypted_pem`` whose fingerprint is ``key_fingerprint``;
    :class:`WrongPassword` when ``password`` does not decrypt it. A PEM that is not an encrypted
    Ed25519 key, or holds another key than the fingerprint names, raises ``ValueError``."""
    if b"-----BEGIN ENCRYPTED PRIVATE KEY-----" not in encrypted_pem:
        raise ValueError("not an encrypted PKCS#8 private key")
    try:
        key = serialization.load_pem_private_key(encrypted_pem, passphrase(password, key_fingerprint))
    except (ValueError, TypeError):
        raise WrongPassword("the password does not unlock this signing key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"not an Ed25519 private key ({type(key).__name__})")
    if fingerprint(public_bytes(key)) != key_fingerprint:
        raise ValueError("the stored private key is not the key of this fingerprint")
    return key


def reencrypt(encrypted_pem: bytes, old_password: str, new_password: str, key_fingerprint: str) -> bytes:
    """The same private key encrypted under ``new_password``; :class:`WrongPassword` when
    ``old_password`` does not unlock it."""
    return _encrypt(unlock(encrypted_pem, old_password, key_fingerprint), new_password)


def passphrase(password: str, key_fingerprint: str) -> bytes:
    """The PKCS#8 passphrase of a key: argon2id of ``password`` salted with the first 16 bytes of
    the key's fingerprint, as 64 lowercase hex digits (ASCII bytes)."""
    derived = hash_secret_raw(password.encode("utf-8"), bytes.fromhex(key_fingerprint)[:16],
                              time_cost=_ARGON2_TIME_COST, memory_cost=_ARGON2_MEMORY_KIB,
                              parallelism=_ARGON2_PARALLELISM, hash_len=32, type=Type.ID)
    return derived.hex().encode("ascii")


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
    key_fingerprint = fingerprint(public_bytes(private_key))
    return private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase(password, key_fingerprint)),
    )
