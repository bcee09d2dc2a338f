"""The audit hash chain over a session's events, format version 1 (see docs/RECORD_FORMAT.md).

Every ``session_events`` row of a session has a ``seq`` (1, 2, 3 … in recorded order, unique within
the session), a ``prev_hash`` and an ``entry_hash``, all lowercase hexadecimal SHA-256::

    entry_hash = SHA-256( bytes.fromhex(prev_hash) || JCS(entry) )

``prev_hash`` is the ``entry_hash`` of the entry with ``seq - 1``; entry 1 chains from
:data:`GENESIS_HASH` (32 zero bytes). ``JCS`` is RFC 8785 canonical JSON (the ``rfc8785`` library,
never hand-written) and ``entry`` is the JSON object :func:`entry_object` builds::

    {"session_id": "<uuid>", "seq": 7, "kind": "note", "utc": "2026-03-02T08:30:00.250000Z",
     "monotonic_ns": "1234567890123", "user": "nurse" | null, "detail": {…}}

``monotonic_ns`` is a decimal string: a monotonic reading passes 2^53 ns after 104 days of uptime,
beyond the integers JSON numbers carry exactly (RFC 8785 refuses them). Numbers inside ``detail``
are hashed as IEEE 754 doubles, which is what JSON keeps of them: an integer beyond ±(2^53 − 1)
(PostgreSQL's JSONB prints ``1e21`` as ``1000000000000000000000``) is taken as the nearest double.

Observations and waveform chunks are chained per writer flush: the flush appends one entry of kind
:data:`DATA_BATCH_KIND` whose detail gives, per table stored in that flush, the row count, the first
and last row id and the SHA-256 over the concatenated JCS forms of the rows in id order
(:func:`observation_canonical`, :func:`chunk_canonical`).

This module is format version 1 and is also used by migration ``0003_audit_chain``: changing what it
computes would change every stored chain, so a new format needs new functions, not edits here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import rfc8785

GENESIS_HASH = "0" * 64
"""The ``prev_hash`` of a session's first entry: 32 zero bytes."""
DATA_BATCH_KIND = "data-batch"
"""Kind of the entry a writer flush appends for the observations and waveform chunks it stored."""
OBSERVATIONS = "observations"
WAVEFORM_CHUNKS = "waveform_chunks"
"""Keys of a data-batch detail, named after the tables they cover."""
_MAX_SAFE_INTEGER = 2**53 - 1


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The last entry of a chain: ``seq`` 0 and :data:`GENESIS_HASH` for a session without any."""

    seq: int
    entry_hash: str


GENESIS = ChainHead(0, GENESIS_HASH)


@dataclass(frozen=True, slots=True)
class ChainEntry:
    """One stored session event with its place in the chain, exactly as read from the database."""

    session_id: str
    seq: int
    kind: str
    utc: datetime
    monotonic_ns: int
    user: str | None
    detail: dict[str, Any]
    prev_hash: str
    entry_hash: str

    def recomputed_hash(self, *, seq: int | None = None, prev_hash: str | None = None) -> str:
        """This entry's hash from its content (with ``seq``/``prev_hash`` replaced when given)."""
        entry = entry_object(self.session_id, self.seq if seq is None else seq, self.kind, self.utc,
                             self.monotonic_ns, self.user, self.detail)
        return entry_hash(self.prev_hash if prev_hash is None else prev_hash, entry)


def iso_utc(moment: datetime) -> str:
    """``moment`` (aware) in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ``: fixed width, microseconds."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment.isoformat()} has no place in the audit chain")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(value: Any) -> bytes:
    """RFC 8785 canonical JSON of ``value`` after :func:`as_json_numbers`.

    Raises ``ValueError`` (``rfc8785.CanonicalizationError``) for what JSON cannot carry: NaN,
    infinities, non-JSON types.
    """
    return rfc8785.dumps(as_json_numbers(value))


def as_json_numbers(value: Any) -> Any:
    """``value`` with every integer beyond ±(2^53 − 1) replaced by the nearest double, recursively."""
    if isinstance(value, Mapping):
        return {key: as_json_numbers(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_json_numbers(item) for item in value]
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_SAFE_INTEGER:
        return float(value)
    return value


def entry_object(session_id: str, seq: int, kind: str, utc: datetime, monotonic_ns: int,
                 user: str | None, detail: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON object an entry's hash covers (see the module docstring)."""
    return {
        "session_id": session_id,
        "seq": seq,
        "kind": kind,
        "utc": iso_utc(utc),
        "monotonic_ns": str(monotonic_ns),
        "user": user,
        "detail": detail,
    }


def entry_hash(prev_hash: str, entry: Mapping[str, Any]) -> str:
    """``SHA-256(bytes.fromhex(prev_hash) || JCS(entry))`` as lowercase hex."""
    digest = hashlib.sha256(bytes.fromhex(prev_hash))
    digest.update(canonical_json(entry))
    return digest.hexdigest()


def chained_event_row(row: Mapping[str, Any], head: ChainHead) -> tuple[dict[str, Any], ChainHead]:
    """A copy of the ``session_events`` row ``row`` placed after ``head``, and the new head.

    ``row`` has the columns ``session_id, kind, utc, monotonic_ns, detail, user``; the copy adds
    ``seq``, ``prev_hash`` and ``entry_hash``.
    """
    seq = head.seq + 1
    entry = entry_object(row["session_id"], seq, row["kind"], row["utc"], row["monotonic_ns"],
                         row["user"], row["detail"])
    digest = entry_hash(head.entry_hash, entry)
    return {**row, "seq": seq, "prev_hash": head.entry_hash, "entry_hash": digest}, ChainHead(seq, digest)


def observation_canonical(row: Mapping[str, Any]) -> bytes:
    """JCS of ``[parameter, value, absent_reason, received_utc, monotonic_ns, device_time, source,
    manual]`` for an ``observations`` row (``received_utc`` by :func:`iso_utc`, ``monotonic_ns`` a
    decimal string, ``device_time`` the stored text, absent values null). Its only number is a
    double, so it goes to the library as is (no :func:`as_json_numbers` pass: the writer's hot path)."""
    return rfc8785.dumps([
        row["parameter"],
        row["value"],
        row["absent_reason"],
        iso_utc(row["received_utc"]),
        str(row["monotonic_ns"]),
        row["device_time"],
        row["source"],
        bool(row["manual"]),
    ])


def chunk_canonical(row: Mapping[str, Any]) -> bytes:
    """JCS of ``[wave, start_utc, start_monotonic_ns, sample_rate_hz, sample_count, source,
    device_time, samples_sha256]`` for a ``waveform_chunks`` row; ``samples_sha256`` is the hex
    SHA-256 of the stored little-endian float32 sample bytes. Its numbers are a double and a 32-bit
    count, so it goes to the library as is."""
    return rfc8785.dumps([
        row["wave"],
        iso_utc(row["start_utc"]),
        str(row["start_monotonic_ns"]),
        row["sample_rate_hz"],
        row["sample_count"],
        row["source"],
        row["device_time"],
        hashlib.sha256(row["samples"]).hexdigest(),
    ])


CANONICAL_ROW = {OBSERVATIONS: observation_canonical, WAVEFORM_CHUNKS: chunk_canonical}
"""The canonical form of a row of each chained data table."""


class RowDigest:
    """Count and SHA-256 of a sequence of rows' canonical forms, concatenated in the order added."""

    def __init__(self) -> None:
        self.count = 0
        self._sha256 = hashlib.sha256()

    def add(self, canonical: bytes) -> None:
        self.count += 1
        self._sha256.update(canonical)

    @property
    def sha256(self) -> str:
        return self._sha256.hexdigest()


def batch_part(digest: RowDigest, first_id: int, last_id: int) -> dict[str, Any]:
    """The detail a data-batch entry gives one table: ``{count, first_id, last_id, sha256}``."""
    return {"count": digest.count, "first_id": first_id, "last_id": last_id, "sha256": digest.sha256}
