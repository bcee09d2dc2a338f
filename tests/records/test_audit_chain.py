"""The real session writer builds the audit chain: new sessions, resumed ones, failed commits."""

from __future__ import annotations

import math
import sqlite3
from itertools import pairwise
from pathlib import Path

import pytest
from chain_sessions import At, flush, record_session, vitals

from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.core.clock import ManualClock, SystemClock
from ketaconsole.records.verify import verify_stored_session
from ketaconsole.storage.audit_chain import DATA_BATCH_KIND, GENESIS_HASH, ChainHead, entry_hash, entry_object
from ketaconsole.storage.database import TRAINING_SESSION_KIND, Database
from ketaconsole.storage.writer import SessionWriter


def test_the_writer_chains_every_event_and_data_batch(database: Database, at: At, wait_until) -> None:
    session_id = record_session(database, at, wait_until)
    entries = database.chain_entries(session_id)

    assert [entry.seq for entry in entries] == list(range(1, len(entries) + 1))
    assert entries[0].prev_hash == GENESIS_HASH
    for previous, entry in pairwise(entries):
        assert entry.prev_hash == previous.entry_hash
    for entry in entries:
        expected = entry_hash(entry.prev_hash, entry_object(session_id, entry.seq, entry.kind, entry.utc,
                                                             entry.monotonic_ns, entry.user, entry.detail))
        assert entry.entry_hash == expected
    kinds = [entry.kind for entry in entries]
    assert kinds.count("note") == 3 and kinds.count("alarm-limit-changed") == 1
    batches = [entry.detail for entry in entries if entry.kind == DATA_BATCH_KIND]
    assert sum(batch["observations"]["count"] for batch in batches) == 18
    assert sum(batch["waveform_chunks"]["count"] for batch in batches) == 9
    assert database.chain_head(session_id) == ChainHead(entries[-1].seq, entries[-1].entry_hash)
    assert verify_stored_session(database, session_id) == []


def test_a_resumed_session_continues_its_chain(database: Database, at: At, wait_until) -> None:
    session_id = record_session(database, at, wait_until, steps=("note", "data"))
    before = database.chain_entries(session_id)

    database.reopen_session(session_id, now=at(3600))
    writer = SessionWriter(database, session_id, flush_interval_s=0.02, clock=ManualClock(start=at(3600).utc))
    writer.submit_event("note", at(3601), {"text": "after the restart"}, "nurse")
    writer.submit(vitals(at, 3602))
    flush(writer, wait_until)
    writer.close()

    after = database.chain_entries(session_id)
    assert after[:len(before)] == before
    resumed = after[len(before)]
    assert (resumed.seq, resumed.kind, resumed.prev_hash) == (before[-1].seq + 1, "session-resumed",
                                                             before[-1].entry_hash)
    assert [entry.seq for entry in after] == list(range(1, len(after) + 1))
    assert verify_stored_session(database, session_id) == []


def test_event_details_the_chain_cannot_hash_are_refused_at_submission(database: Database, at: At) -> None:
    session_id = database.start_session(protocol="test", port="p", started=at(0), patient_id=None)
    writer = SessionWriter(database, session_id)
    with pytest.raises(ValueError):
        writer.submit_event("note", at(1), {"value": math.nan})
    assert writer.health.pending_rows == 0
    writer.close()
    assert database.chain_entries(session_id) == []


def test_the_chain_survives_failed_commits(tmp_path: Path, at: At, wait_until) -> None:
    database = Database(f"sqlite:///{tmp_path / 'locked.sqlite3'}")
    session_id = database.start_session(protocol="test", port="p", started=at(0), patient_id=None)
    writer = SessionWriter(database, session_id, flush_interval_s=0.02, max_retry_delay_s=0.1)
    writer.submit(vitals(at, 1))
    flush(writer, wait_until)
    blocker = sqlite3.connect(database.url.database, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    writer.submit_event("note", at(2), {"text": "while the disk was busy"}, "nurse")
    writer.submit(vitals(at, 3))
    wait_until(lambda: not writer.health.ok, what="the writer to fail")
    blocker.execute("ROLLBACK")
    blocker.close()
    writer.submit(vitals(at, 4))
    writer.close(timeout=60)
    assert verify_stored_session(database, session_id) == []
    assert len(database.observations(session_id)) == 6
    database.close()


def test_a_simulated_session_is_marked_training_from_its_first_entry(tmp_path: Path) -> None:
    with Database(f"sqlite:///{tmp_path / 'training.sqlite3'}") as database:
        recorder = Recorder(database, port=str(tmp_path / "simulator"), protocol="masimo",
                            clock=SystemClock(), training=True)
        session_id = recorder.start()
        recorder.stop(end_session=False)
        clinical = Recorder(database, port=str(tmp_path / "monitor"), protocol="masimo", clock=SystemClock())
        clinical_id = clinical.start()
        clinical.stop()
        assert [e.kind for e in database.chain_entries(session_id)][:2] == [TRAINING_SESSION_KIND,
                                                                             "recording-started"]
        assert TRAINING_SESSION_KIND not in [e.kind for e in database.chain_entries(clinical_id)]
