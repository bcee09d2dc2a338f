"""The self-contained signed record (export) and the verification of a record, exported or stored.

An export is one JSON file::

    {"format": "ketaconsole-signed-record", "format_version": 1,
     "record": {…the canonical record, events with their chain hashes, signatures among them…},
     "record_sha256": "…",
     "signers": {"<fingerprint>": {"user_id", "printed_name", "role", "public_key"}}}

``public_key`` is the raw Ed25519 key in base64. A verifier needs nothing else: it recomputes the
chain from the events, each signature's record digest from the record as of its head, and checks
each signature with the key named by its fingerprint. Verifying against the database
(:func:`verify_stored`) also recomputes the data digests from the stored rows and requires every key
to be the one registered for its signer, so a key swapped in a file is caught there too.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import Any

from ketaconsole.accounts.users import UserDirectory
from ketaconsole.records.canonical import RECORD_FORMAT, canonical_record, record_sha256
from ketaconsole.records.signatures import (
    VerificationReport,
    chain_entries_of,
    check_signatures,
    signatures_in,
)
from ketaconsole.records.verify import verify_chain, verify_stored_session
from ketaconsole.storage.audit_chain import ChainHead
from ketaconsole.storage.database import Database

EXPORT_FORMAT = "ketaconsole-signed-record"
EXPORT_FORMAT_VERSION = 1


def export_document(database: Database, directory: UserDirectory, session_id: str) -> dict[str, Any]:
    """The session's self-contained signed record (see the module docstring)."""
    record = canonical_record(database, database.find_session(session_id).id)
    signers = {}
    for event in signatures_in(record):
        statement = event["detail"]["statement"]
        stored = directory.public_key(statement["key_fingerprint"])
        if stored is not None:
            signers[statement["key_fingerprint"]] = {
                "user_id": statement["signer_id"], "printed_name": statement["printed_name"],
                "role": statement["role"], "public_key": base64.b64encode(stored.public_key).decode("ascii")}
    return {"format": EXPORT_FORMAT, "format_version": EXPORT_FORMAT_VERSION, "record": record,
            "record_sha256": record_sha256(record), "signers": signers}


def export_bytes(document: Mapping[str, Any]) -> bytes:
    """The file's bytes: indented UTF-8 JSON (the signed bytes are recomputed canonically on checking)."""
    return (json.dumps(document, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def verify_export_bytes(data: bytes) -> VerificationReport:
    """Verify an exported file's bytes; a file that is not a readable export is one problem."""
    try:
        document = json.loads(data.decode("utf-8"))
        if document.get("format") != EXPORT_FORMAT or document["record"].get("format") != RECORD_FORMAT:
            raise ValueError("not a KetaConsole signed record")
        return verify_document(document)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as problem:
        return VerificationReport("?", False, (f"the file is not a readable signed record ({problem})",))


def verify_document(document: Mapping[str, Any]) -> VerificationReport:
    """Chain, record digest and every signature of an export, with the keys it carries."""
    record = document["record"]
    problems = [problem.message for problem in verify_chain(chain_entries_of(record),
                                                            anchor=_head(record))]
    if record_sha256(record) != document.get("record_sha256"):
        problems.append("the record's digest does not match the one exported with it")
    keys = {fp: _key(entry) for fp, entry in document.get("signers", {}).items()}
    checks = check_signatures(record, keys.get)
    training = bool(record["training"])
    return VerificationReport(record["session"]["id"], training, tuple(problems), tuple(checks))


def verify_stored(database: Database, directory: UserDirectory, session_id: str) -> VerificationReport:
    """The stored session: chain, data digests, and every signature with the signer's registered key."""
    session_id = database.find_session(session_id).id
    record = canonical_record(database, session_id)
    problems = [problem.message for problem in verify_stored_session(database, session_id)]

    def public_key(fingerprint: str) -> bytes | None:
        stored = directory.public_key(fingerprint)
        return None if stored is None else stored.public_key

    def registered(fingerprint: str, signer_id: str) -> str | None:
        stored = directory.public_key(fingerprint)
        if stored is None or stored.user_id != signer_id:
            return f"the key {fingerprint[:16]}… is not registered to {signer_id}"
        return None

    checks = check_signatures(record, public_key, registered)
    return VerificationReport(session_id, bool(record["training"]), tuple(problems), tuple(checks))


def _head(record: Mapping[str, Any]) -> ChainHead:
    chain = record["chain"]
    return ChainHead(int(chain["head_seq"]), str(chain["head_hash"]))


def _key(entry: Mapping[str, Any]) -> bytes | None:
    try:
        key = base64.b64decode(str(entry["public_key"]), validate=True)
    except (binascii.Error, ValueError, KeyError):
        return None
    return key if len(key) == 32 else None


