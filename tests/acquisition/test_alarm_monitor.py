"""The alarm monitor beside a real recorder: link states and observations reach the engine from the
recorder's threads, its own thread judges time passing, and the alarm log lands in the session."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ketaconsole.acquisition.alarm_monitor import STOPPED_REASON, AlarmMonitor
from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.acquisition.treatment import events_before_latest_resume
from ketaconsole.core.alarm_presets import load_preset_catalogue
from ketaconsole.core.alarms import ALARM_ENDED, ALARM_LIMIT_CHANGED, ALARM_PRESET_SELECTED, ALARM_STARTED
from ketaconsole.core.clock import ManualClock, SystemClock
from ketaconsole.core.observations import Observation
from ketaconsole.storage.database import Database

DEFAULT = load_preset_catalogue().default()


def wait_for(condition, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


@pytest.fixture
def database(tmp_path: Path):
    database = Database(f"sqlite:///{tmp_path / 'alarms.sqlite3'}")
    yield database
    database.close()


def test_a_missing_monitor_alarms_and_stopping_closes_the_log(tmp_path: Path, database: Database) -> None:
    recorder = Recorder(database, port=str(tmp_path / "no-monitor"), protocol="masimo", clock=SystemClock())
    session_id = recorder.start()
    monitor = AlarmMonitor.for_recorder(recorder, DEFAULT, user="nurse.a")
    monitor.start()
    key = f"link:{recorder.source}"
    wait_for(lambda: any(a.key == key for a in monitor.picture().alarms))
    monitor.stop()
    clock = recorder.clock
    recorder.add_manual_observations([Observation("SPO2", 70, clock.now(), "nurse", manual=True)])
    monitor.set_audio_output(False, "no device")
    assert monitor.picture().alarms == ()
    recorder.stop()
    events = database.events(session_id, recorded_order=True)
    alarm_kinds = [e.kind for e in events if e.kind.startswith("alarm-")]
    assert alarm_kinds[-1] == ALARM_ENDED, "nothing is logged after the monitor stopped"
    kinds = [event.kind for event in events]
    assert kinds.index(ALARM_PRESET_SELECTED) < kinds.index(ALARM_STARTED)
    started = next(e for e in events if e.kind == ALARM_STARTED and e.detail["key"] == key)
    ended = next(e for e in events if e.kind == ALARM_ENDED and e.detail["key"] == key)
    assert started.detail["kind"] == "technical" and started.detail["priority"] == "medium"
    assert ended.detail["reason"] == STOPPED_REASON


def test_the_monitor_thread_judges_time_without_new_data(tmp_path: Path, database: Database) -> None:
    clock = ManualClock(datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
    recorder = Recorder(database, port=str(tmp_path / "no-monitor"), protocol="masimo", clock=clock)
    recorder.start()
    monitor = AlarmMonitor.for_recorder(recorder, DEFAULT, user="nurse.a", tick_s=0.02)
    monitor.start()
    try:
        recorder.add_manual_observations([Observation("SPO2", 86, clock.now(), "nurse", manual=True)])
        assert not any(a.key == "limit:spo2-low" for a in monitor.picture().alarms)
        started: list[str] = []
        recorder.add_event_listener(lambda e: started.append(e.detail["key"]) if e.kind == ALARM_STARTED
                                    else None)
        clock.advance(10)
        wait_for(lambda: "limit:spo2-low" in started)  # no call into the monitor: its own tick saw it
    finally:
        monitor.stop()
        recorder.stop()


def test_a_resumed_session_keeps_its_limits(tmp_path: Path, database: Database) -> None:
    port = str(tmp_path / "no-monitor")
    clock = ManualClock(datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
    first = Recorder(database, port=port, protocol="masimo", clock=clock)
    session_id = first.start()
    monitor = AlarmMonitor.for_recorder(first, DEFAULT, user="nurse.a")
    monitor.set_thresholds("spo2-low", [90, 86], user="nurse.a", reason="COPD")
    monitor.stop()
    first.stop(end_session=False)
    clock.advance(120)  # the console was closed for two minutes

    second = Recorder(database, port=port, protocol="masimo", clock=clock, resume_session_id=session_id)
    second.start()
    stored = events_before_latest_resume(database.events(session_id, recorded_order=True))
    resumed = AlarmMonitor.for_recorder(second, DEFAULT, user="nurse.b", stored_events=stored)
    assert resumed.thresholds("spo2-low") == (90, 86)
    resumed.stop()
    second.stop()
    kinds = [e.kind for e in database.events(session_id, recorded_order=True)]
    assert kinds.count(ALARM_PRESET_SELECTED) == 1 and kinds.count(ALARM_LIMIT_CHANGED) == 1


def test_a_failing_engine_is_a_high_technical_alarm_not_silence(tmp_path: Path, database: Database) -> None:
    recorder = Recorder(database, port=str(tmp_path / "no-monitor"), protocol="masimo", clock=SystemClock())
    session_id = recorder.start()
    monitor = AlarmMonitor.for_recorder(recorder, DEFAULT, user="nurse.a")

    class Broken:
        source = "broken"

    monitor.observe([Broken()])  # type: ignore[list-item]  # what a buggy driver might hand over
    picture = monitor.picture()
    (failure,) = picture.alarms
    assert failure.label == "ALARM SYSTEM FAILURE" and failure.priority.value == "high"
    assert failure.audio.value == "sounding" and "AttributeError" in (monitor.failure or "")
    monitor.observe([])
    assert monitor.picture().alarms[0].key == "alarm-system"
    recorder.stop()
    failed = [e for e in database.events(session_id) if e.kind == "alarm-system-failed"]
    assert len(failed) == 1 and "AttributeError" in failed[0].detail["error"]
