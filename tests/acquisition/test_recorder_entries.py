"""Manual vitals and notes go through the recorder into the session, and to every listener."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketaconsole.acquisition.recorder import RecordedEvent, Recorder
from ketaconsole.core.clock import SystemClock
from ketaconsole.core.observations import Observation
from ketaconsole.storage.database import Database


@pytest.fixture
def recorder(tmp_path: Path):
    database = Database(f"sqlite:///{tmp_path / 's.sqlite3'}")
    recorder = Recorder(database, port=str(tmp_path / "no-monitor-here"), protocol="masimo",
                        clock=SystemClock(), patient_identifier="MRN-9")
    recorder.start()
    yield recorder, database
    database.close()


def test_manual_vitals_and_notes_are_stored_and_announced(recorder):
    recorder, database = recorder
    seen_outputs: list[Observation] = []
    seen_events: list[RecordedEvent] = []
    recorder.add_output_listener(seen_outputs.extend)
    recorder.add_event_listener(seen_events.append)
    clock = SystemClock()
    manual = [Observation("NIBP_SYS", 142.0, clock.now(), "nurse", manual=True),
              Observation("NIBP_DIA", 88.0, clock.now(), "nurse", manual=True)]
    recorder.add_manual_observations(manual)
    recorder.add_note("Ondansetron 4 mg IV given", category="medication", user="nurse")
    session_id = recorder.session_id
    recorder.stop()

    stored = [o for o in database.observations(session_id) if o.manual]
    assert [(o.parameter, o.value, o.source) for o in stored] == [
        ("NIBP_SYS", 142.0, "nurse"), ("NIBP_DIA", 88.0, "nurse")]
    notes = [e for e in database.events(session_id) if e.kind == "note"]
    assert len(notes) == 1 and notes[0].user == "nurse"
    assert notes[0].detail == {"text": "Ondansetron 4 mg IV given", "category": "medication"}
    assert seen_outputs == manual
    assert [e.kind for e in seen_events] == ["note", "session-ended"]


def test_device_values_cannot_pass_as_manual_entries(recorder):
    recorder, _ = recorder
    device_value = Observation("HR", 70.0, SystemClock().now(), "masimo@x")
    with pytest.raises(ValueError, match="manual"):
        recorder.add_manual_observations([device_value])
    with pytest.raises(ValueError, match="text"):
        recorder.add_note("   ", category="other", user="nurse")
    recorder.stop()


def test_stopping_without_ending_leaves_the_session_resumable(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    with Database(url) as database:
        first = Recorder(database, port=str(tmp_path / "none"), protocol="masimo", clock=SystemClock())
        session_id = first.start()
        first.stop(end_session=False)
        summary = database.find_session(session_id)
        assert summary.status == "recording" and summary.ended_utc is None
        kinds = [e.kind for e in database.events(session_id)]
        assert kinds[-1] == "recording-paused" and "session-ended" not in kinds
