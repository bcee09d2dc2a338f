"""The canonical session record: everything that defines a session, as one JSON object whose
RFC 8785 form (:func:`record_bytes`) is what a signature covers. Field by field in
docs/RECORD_FORMAT.md.

The record is a pure function of the database: the same stored session always gives the same
bytes (no "generated at" time, digests in fixed orders). Observations and waveform chunks appear
as counts and digests; the events appear in full with their chain hashes, so a verifier holding the
record alone can recompute the chain and compare its head.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import rfc8785

from ketaconsole import __version__
from ketaconsole.storage.audit_chain import (
    CANONICAL_ROW,
    GENESIS_HASH,
    OBSERVATIONS,
    WAVEFORM_CHUNKS,
    ChainEntry,
    RowDigest,
    as_json_numbers,
    iso_utc,
)
from ketaconsole.storage.database import TRAINING_SESSION_KIND, Database
from ketaconsole.storage.stored import PatientSummary, SessionSummary

RECORD_FORMAT = "ketaconsole-session-record"
RECORD_FORMAT_VERSION = 1
RECORDING_STARTED_KIND = "recording-started"


def canonical_record(database: Database, session_id: str) -> dict[str, Any]:
    """The canonical record of the session ``session_id`` (a full id) as stored now."""
    summary = database.find_session(session_id)
    entries = database.chain_entries(summary.id)
    observations, sources = _digest_observations(
        database.data_rows(summary.id, OBSERVATIONS, by_monotonic=True))
    chunks, waves, chunk_sources = _digest_chunks(
        database.data_rows(summary.id, WAVEFORM_CHUNKS, by_monotonic=True))
    head = entries[-1] if entries else None
    return {
        "format": RECORD_FORMAT,
        "format_version": RECORD_FORMAT_VERSION,
        "software": {"name": "ketaconsole", "version": __version__},
        "session": _session(summary, entries, sources | chunk_sources),
        "patient": _patient(database.session_patient(summary.id)),
        "training": any(entry.kind == TRAINING_SESSION_KIND for entry in entries),
        "chain": {
            "genesis": GENESIS_HASH,
            "head_seq": 0 if head is None else head.seq,
            "head_hash": GENESIS_HASH if head is None else head.entry_hash,
        },
        "events": [_event(entry) for entry in entries],
        "observations": _digest_part(observations),
        "waveform_chunks": {
            **_digest_part(chunks),
            "waves": {wave: _digest_part(digest) for wave, digest in sorted(waves.items())},
        },
    }


def record_bytes(record: Mapping[str, Any]) -> bytes:
    """The record's RFC 8785 canonical JSON: the bytes that are hashed and signed."""
    return rfc8785.dumps(record)


def record_sha256(record: Mapping[str, Any]) -> str:
    """Lowercase hex SHA-256 of :func:`record_bytes`."""
    return hashlib.sha256(record_bytes(record)).hexdigest()


def _session(summary: SessionSummary, entries: Iterable[ChainEntry], sources: set[str]) -> dict[str, Any]:
    protocols = {f"{summary.protocol}@{summary.port}": summary.protocol}
    for entry in entries:
        if entry.kind == RECORDING_STARTED_KIND:
            protocol = entry.detail.get("protocol")
            protocols[f"{protocol}@{entry.detail.get('port')}"] = protocol
    return {
        "id": summary.id,
        "status": summary.status,
        "started_utc": iso_utc(summary.started_utc),
        "ended_utc": None if summary.ended_utc is None else iso_utc(summary.ended_utc),
        "protocol": summary.protocol,
        "port": summary.port,
        "devices": [{"source": source, "protocol": protocols.get(source)} for source in sorted(sources)],
    }


def _patient(patient: PatientSummary | None) -> dict[str, Any] | None:
    if patient is None:
        return None
    return {
        "identifier": patient.identifier,
        "name": patient.name,
        "date_of_birth": None if patient.date_of_birth is None else patient.date_of_birth.isoformat(),
        "weight_kg": patient.weight_kg,
        "allergies": patient.allergies,
        "notes": patient.notes,
    }


def _event(entry: ChainEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "kind": entry.kind,
        "utc": iso_utc(entry.utc),
        "monotonic_ns": str(entry.monotonic_ns),
        "user": entry.user,
        "detail": as_json_numbers(entry.detail),
        "prev_hash": entry.prev_hash,
        "entry_hash": entry.entry_hash,
    }


def _digest_observations(rows: Iterable[Mapping[str, Any]]) -> tuple[RowDigest, set[str]]:
    """Digest of the observations in the order given, and the sources of those a device sent."""
    digest, sources = RowDigest(), set()
    canonical = CANONICAL_ROW[OBSERVATIONS]
    for row in rows:
        digest.add(canonical(row))
        if not row["manual"]:
            sources.add(row["source"])
    return digest, sources


def _digest_chunks(rows: Iterable[Mapping[str, Any]]) -> tuple[RowDigest, dict[str, RowDigest], set[str]]:
    """Digest of all chunks in the order given, one per wave (same order), and their sources."""
    overall, waves, sources = RowDigest(), {}, set()
    canonical = CANONICAL_ROW[WAVEFORM_CHUNKS]
    for row in rows:
        form = canonical(row)
        overall.add(form)
        waves.setdefault(row["wave"], RowDigest()).add(form)
        sources.add(row["source"])
    return overall, waves, sources


def _digest_part(digest: RowDigest) -> dict[str, Any]:
    return {"count": digest.count, "sha256": digest.sha256}
