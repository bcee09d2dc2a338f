"""Signing a session record and checking its signatures (21 CFR Part 11 §11.50, §11.70, §11.200).

A signature is a session event of kind :data:`SIGNATURE_KIND`, appended to the session's audit chain
after the entries it covers. Its detail holds the *statement* that was signed and the Ed25519
signature over the statement's RFC 8785 bytes::

    statement = {"format": "ketaconsole-signature", "format_version": 1,
                 "session_id": …, "record_sha256": …,        # the record as of head_seq
                 "head_seq": n, "head_hash": …,              # the chain entry the record ended with
                 "signer_id": …, "printed_name": …, "role": …,
                 "meaning": "author" | "review" | "addendum", "meaning_text": …,
                 "signed_utc": "…Z", "utc_offset": "+01:00", "key_fingerprint": …,
                 "training": false}

So a signature names what it covers (the session, the record's digest and the chain head), who
signed, when (UTC and the signer's local offset) and what it means; it cannot be moved to another
record, and the entries after it (a review, an addendum) cannot change what it covered. The record
"as of" an earlier head is the record with the events after that head left out
(:func:`record_as_of`): observations and waveforms no longer change once a session has ended, which
signing requires.

Rules enforced when signing: the signer's password is re-entered for each signature (the private
key is unlocked with it); the role must allow the meaning for this kind of session (``roles.toml``:
a training session cannot take a clinical meaning); the session must have ended and verify clean;
a training session takes only the meaning ``training`` (and a clinical one never); one author
signature per record; a review or an addendum needs the author's signature first; an
addendum signature covers an addendum entry written just before it. A signed record is locked:
only an ended session can be signed, an ended session is never resumed, and signing appends only
addenda and signatures (:data:`LOCKED_KINDS`), so nothing before a signature is ever rewritten.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import rfc8785

from ketaconsole.accounts.keys import fingerprint as key_fingerprint
from ketaconsole.accounts.keys import verify as verify_signature
from ketaconsole.accounts.roles import RoleRules, SessionKind, SignatureMeaning, load_role_rules
from ketaconsole.accounts.users import UserDirectory
from ketaconsole.core.clock import Clock
from ketaconsole.records.canonical import canonical_record, record_sha256
from ketaconsole.records.verify import verify_stored_session
from ketaconsole.storage.audit_chain import GENESIS_HASH, ChainEntry
from ketaconsole.storage.database import Database

SIGNATURE_KIND = "record-signed"
ADDENDUM_KIND = "addendum"
LOCKED_KINDS = frozenset({SIGNATURE_KIND, ADDENDUM_KIND})
"""The only entries a signed session still takes."""
STATEMENT_FORMAT = "ketaconsole-signature"
STATEMENT_FORMAT_VERSION = 1
MEANING_TEXT = {
    SignatureMeaning.AUTHOR: "Administered and recorded by (author)",
    SignatureMeaning.REVIEW: "Reviewed by",
    SignatureMeaning.ADDENDUM: "Addendum by",
    SignatureMeaning.TRAINING: "TRAINING SESSION, not a clinical record: signed by",
}


class SigningError(Exception):
    """Signing was refused; the message says why. Nothing was recorded."""


def statement_bytes(statement: Mapping[str, Any]) -> bytes:
    """The bytes a signature covers: the statement's RFC 8785 canonical JSON."""
    return rfc8785.dumps(dict(statement))


def record_as_of(record: Mapping[str, Any], head_seq: int) -> dict[str, Any]:
    """``record`` as it stood when its chain ended at entry ``head_seq`` (later entries left out)."""
    events = [event for event in record["events"] if event["seq"] <= head_seq]
    head_hash = events[-1]["entry_hash"] if events else GENESIS_HASH
    chain = {**record["chain"], "head_seq": head_seq if events else 0, "head_hash": head_hash}
    return {**record, "events": events, "chain": chain}


def signatures_in(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The signature entries of ``record``, in chain order."""
    return [event for event in record["events"] if event["kind"] == SIGNATURE_KIND]


@dataclass(frozen=True, slots=True)
class SignedEntry:
    """What :func:`sign_session` recorded: the statement and the signature (raw bytes)."""

    statement: dict[str, Any]
    signature: bytes


def sign_session(database: Database, directory: UserDirectory, session_id: str, *, user_id: str,
                 password: str, meaning: SignatureMeaning, clock: Clock,
                 rules: RoleRules | None = None, addendum: str | None = None) -> SignedEntry:
    """Sign the session's record for ``user_id`` with ``meaning``; with ``addendum`` text, first
    append the addendum entry, then sign it (meaning must be ``addendum``).

    Raises :class:`SigningError` (and :class:`~ketaconsole.accounts.errors.AccountError` for a wrong
    password or an inactive user); nothing is recorded then.
    """
    rules = rules or load_role_rules()
    key = directory.unlock_signing_key(user_id, password)
    summary = database.find_session(session_id)
    if summary.status != "ended":
        raise SigningError("The session is still open: end it before signing")
    problems = verify_stored_session(database, summary.id)
    if problems:
        raise SigningError(f"The record is NOT VERIFIED and cannot be signed: {problems[0].message}")
    record = canonical_record(database, summary.id)
    kind = SessionKind.TRAINING if record["training"] else SessionKind.CLINICAL
    if (kind is SessionKind.TRAINING) != (meaning is SignatureMeaning.TRAINING):
        raise SigningError("A training session is signed with the meaning 'training' and nothing else; "
                           "a clinical session never with 'training'" if kind is SessionKind.TRAINING else
                           "The meaning 'training' is for training sessions only")
    refusal = rules.refusal(key.user.role, meaning, kind)
    if refusal is not None:
        raise SigningError(refusal)
    _check_sequence(record, meaning, addendum)
    if addendum is not None:
        database.append_event(summary.id, ADDENDUM_KIND, clock.now(), {"text": addendum.strip()}, user_id)
        record = canonical_record(database, summary.id)
    now = clock.now()
    local = now.utc.astimezone()
    statement = {
        "format": STATEMENT_FORMAT,
        "format_version": STATEMENT_FORMAT_VERSION,
        "session_id": summary.id,
        "record_sha256": record_sha256(record),
        "head_seq": record["chain"]["head_seq"],
        "head_hash": record["chain"]["head_hash"],
        "signer_id": key.user.id,
        "printed_name": key.user.printed_name,
        "role": str(key.user.role),
        "meaning": str(meaning),
        "meaning_text": MEANING_TEXT[meaning],
        "signed_utc": now.utc.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "utc_offset": local.strftime("%z")[:3] + ":" + local.strftime("%z")[3:],
        "key_fingerprint": key.fingerprint,
        "training": bool(record["training"]),
    }
    signature = key.sign(statement_bytes(statement))
    detail = {"statement": statement, "signature": base64.b64encode(signature).decode("ascii")}
    database.append_event(summary.id, SIGNATURE_KIND, now, detail, user_id)
    return SignedEntry(statement, signature)


def _check_sequence(record: Mapping[str, Any], meaning: SignatureMeaning, addendum: str | None) -> None:
    if meaning is SignatureMeaning.TRAINING:
        if addendum is not None:
            raise SigningError("Addendum text goes with the meaning 'addendum'")
        return
    signed = [event["detail"]["statement"] for event in signatures_in(record)]
    authors = [s for s in signed if s["meaning"] == SignatureMeaning.AUTHOR]
    if meaning is SignatureMeaning.ADDENDUM:
        if addendum is None or not addendum.strip():
            raise SigningError("An addendum needs its text")
    elif addendum is not None:
        raise SigningError("Addendum text goes with the meaning 'addendum'")
    if meaning is SignatureMeaning.AUTHOR and authors:
        raise SigningError(f"The record is already signed by {authors[0]['printed_name']} as author; "
                           "corrections are addenda")
    if meaning is not SignatureMeaning.AUTHOR and not authors:
        raise SigningError("The record has no author signature yet: the person who ran the session "
                           "signs first")


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    """One signature as verified: who, what it means, when, and whether it holds."""

    seq: int
    signer_id: str
    printed_name: str
    role: str
    meaning: str
    meaning_text: str
    signed_utc: str
    utc_offset: str
    problems: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.problems

    def line(self) -> str:
        """``"✔ Anna Berg (nurse) — Administered and recorded by (author) — 2026-03-02T10:41:07Z
        (local offset +01:00)"``, with the problems after a ✘ instead."""
        mark = "✔" if self.valid else "✘"
        text = (f"{mark} {self.printed_name} ({self.role}, {self.signer_id}) — {self.meaning_text} — "
                f"{self.signed_utc} (local offset {self.utc_offset})")
        return text if self.valid else f"{text}: {'; '.join(self.problems)}"


@dataclass(frozen=True, slots=True)
class VerificationReport:
    """Everything found about one record: chain and data problems, and each signature's check."""

    session_id: str
    training: bool
    problems: tuple[str, ...]
    signatures: tuple[SignatureCheck, ...] = field(default=())

    @property
    def verified(self) -> bool:
        """True when nothing is wrong and every signature holds (an unsigned record can verify)."""
        return not self.problems and all(check.valid for check in self.signatures)


PublicKeys = Callable[[str], "bytes | None"]
"""Looks a public key (raw 32 bytes) up by fingerprint; ``None`` when unknown."""


def check_signatures(record: Mapping[str, Any], public_key: PublicKeys,
                     registered: Callable[[str, str], str | None] | None = None) -> list[SignatureCheck]:
    """Check every signature entry of ``record`` against the record as of its head and the signer's
    public key. ``registered(fingerprint, signer_id)``, when given, says why the key is not the
    signer's registered key (``None`` when it is)."""
    checks = []
    events = {event["seq"]: event for event in record["events"]}
    for event in signatures_in(record):
        detail = event["detail"]
        statement = detail.get("statement", {})
        problems = _statement_problems(record, events, event, statement)
        signature = _decoded(detail.get("signature"))
        key = public_key(str(statement.get("key_fingerprint", "")))
        if signature is None:
            problems.append("the signature is not readable")
        elif key is None:
            problems.append("the signer's public key is not available")
        elif key_fingerprint(key) != statement.get("key_fingerprint"):
            problems.append("the public key does not match the fingerprint signed with")
        elif not verify_signature(key, signature, statement_bytes(statement)):
            problems.append("the signature does not match the statement (it was altered, or another key "
                            "was used)")
        if registered is not None and key is not None:
            mismatch = registered(str(statement.get("key_fingerprint")), str(statement.get("signer_id")))
            if mismatch is not None:
                problems.append(mismatch)
        checks.append(SignatureCheck(event["seq"], str(statement.get("signer_id")),
                                     str(statement.get("printed_name")), str(statement.get("role")),
                                     str(statement.get("meaning")), str(statement.get("meaning_text")),
                                     str(statement.get("signed_utc")), str(statement.get("utc_offset")),
                                     tuple(problems)))
    return checks


def _statement_problems(record: Mapping[str, Any], events: Mapping[int, Mapping[str, Any]],
                        event: Mapping[str, Any], statement: Mapping[str, Any]) -> list[str]:
    problems = []
    if statement.get("format") != STATEMENT_FORMAT:
        return ["not a signature statement"]
    if statement.get("session_id") != record["session"]["id"]:
        problems.append(f"it was made for another session ({statement.get('session_id')})")
    head_seq = statement.get("head_seq")
    if not isinstance(head_seq, int) or head_seq >= event["seq"]:
        problems.append("it claims to cover entries recorded after it")
        return problems
    covered = events.get(head_seq)
    if head_seq and (covered is None or covered["entry_hash"] != statement.get("head_hash")):
        problems.append(f"the chain entry {head_seq} it covers is not the one signed")
    if record_sha256(record_as_of(record, head_seq)) != statement.get("record_sha256"):
        problems.append("the record it covers has changed since it was signed")
    if statement.get("training") != record["training"]:
        problems.append("it misstates whether the session was a training session")
    if event.get("user") != statement.get("signer_id"):
        problems.append("the entry's user is not the signer")
    return problems


def _decoded(text: Any) -> bytes | None:
    try:
        return base64.b64decode(str(text), validate=True)
    except (binascii.Error, ValueError):
        return None


def chain_entries_of(record: Mapping[str, Any]) -> list[ChainEntry]:
    """The record's events as chain entries, to recompute their hashes."""
    return [ChainEntry(record["session"]["id"], event["seq"], event["kind"], _parse_utc(event["utc"]),
                       int(event["monotonic_ns"]), event["user"], event["detail"], event["prev_hash"],
                       event["entry_hash"]) for event in record["events"]]


def _parse_utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def describe(report: VerificationReport) -> Sequence[str]:
    """Lines for people: the verdict, every problem, every signature."""
    verdict = "VERIFIED" if report.verified else "NOT VERIFIED"
    lines = [f"{verdict}: session {report.session_id}" + (" (TRAINING — not a clinical record)"
                                                          if report.training else "")]
    lines += [f"  problem: {problem}" for problem in report.problems]
    if not report.signatures:
        lines.append("  not signed")
    lines += [f"  {check.line()}" for check in report.signatures]
    return lines

