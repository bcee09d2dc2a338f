"""The canonical session record: its content, its RFC 8785 bytes, and its digests."""

from __future__ import annotations

import hashlib
import json

import rfc8785
from chain_sessions import SOURCE, At, record_session

from ketaconsole import __version__
from ketaconsole.core.clock import ManualClock
from ketaconsole.records.canonical import RECORD_FORMAT, canonical_record, record_bytes, record_sha256
from ketaconsole.storage.audit_chain import GENESIS_HASH, chunk_canonical, observation_canonical
from ketaconsole.storage.database import TRAINING_SESSION_KIND, Database
from ketaconsole.storage.writer import SessionWriter


def test_the_record_holds_the_session_its_chain_and_its_data_digests(
        database: Database, at: At, wait_until) -> None:
    session_id = record_session(database, at, wait_until)
    database.end_session(session_id, at(500))
    record = canonical_record(database, session_id)
    entries = database.chain_entries(session_id)

    assert (record["format"], record["format_version"]) == (RECORD_FORMAT, 1)
    assert record["software"] == {"name": "ketaconsole", "version": __version__}
    assert record["session"] == {
        "id": session_id, "status": "ended", "started_utc": "2026-03-02T08:30:00.000000Z",
        "ended_utc": "2026-03-02T08:38:20.000000Z", "protocol": "datex-s5", "port": "/dev/ttyUSB0",
        "devices": [{"source": SOURCE, "protocol": "datex-s5"}]}
    assert record["patient"] == {"identifier": "MRN-1", "name": "Ada", "date_of_birth": None,
                                 "weight_kg": None, "allergies": None, "notes": None}
    assert record["training"] is False
    assert record["chain"] == {"genesis": GENESIS_HASH, "head_seq": entries[-1].seq,
                               "head_hash": entries[-1].entry_hash}
    assert [(e["seq"], e["entry_hash"]) for e in record["events"]] == [(e.seq, e.entry_hash) for e in entries]

    observations = list(database.data_rows(session_id, "observations", by_monotonic=True))
    expected = hashlib.sha256(b"".join(observation_canonical(row) for row in observations)).hexdigest()
    assert record["observations"] == {"count": 18, "sha256": expected}
    chunks = list(database.data_rows(session_id, "waveform_chunks", by_monotonic=True))
    pleth = hashlib.sha256(b"".join(chunk_canonical(row) for row in chunks)).hexdigest()
    assert record["waveform_chunks"] == {"count": 9, "sha256": pleth, "waves": {"PLETH": {"count": 9,
                                                                                         "sha256": pleth}}}
    assert record_bytes(canonical_record(database, session_id)) == record_bytes(record)
    assert record_sha256(record) == hashlib.sha256(record_bytes(record)).hexdigest()


def test_one_changed_value_changes_the_record_hash(database: Database, at: At, wait_until) -> None:
    session_id = record_session(database, at, wait_until, steps=("data",))
    before = record_sha256(canonical_record(database, session_id))
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE observations SET value = 71.5 WHERE id = (SELECT min(id) FROM "
                                   "observations)")
    assert record_sha256(canonical_record(database, session_id)) != before


def test_the_record_bytes_are_rfc_8785(database: Database, at: At) -> None:
    session_id = database.start_session(protocol="masimo", port="p", started=at(0), patient_id=None)
    writer = SessionWriter(database, session_id, clock=ManualClock(start=at(0).utc))
    writer.submit_event(TRAINING_SESSION_KIND, at(0), {"protocol": "masimo"})
    writer.submit_event("note", at(1), {"z": 1e21, "a": 0.1 + 0.2, "m": [5.0, -0.0, 1e-7, 2**53],
                                        "text": "é\u2028<tab>\t"}, "nurse")
    writer.close()
    record = canonical_record(database, session_id)
    data = record_bytes(record)

    assert data == rfc8785.dumps(record)
    assert json.loads(data) == json.loads(json.dumps(record))
    assert data.startswith(b'{"chain":{"genesis":"' + GENESIS_HASH.encode() + b'","head_hash":')
    assert list(json.loads(data)) == sorted(record)
    detail = (b'{"a":0.30000000000000004,"m":[5,0,1e-7,9007199254740992],'
              b'"text":"\xc3\xa9\xe2\x80\xa8<tab>\\t","z":1e+21}')
    assert detail in data
    assert record["training"] is True
    assert b'"monotonic_ns":"1000000000"' in data
