"""Every device output type goes through the session writer and comes back unchanged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import numpy as np

from ketaconsole.core.clock import Stamp
from ketaconsole.core.observations import (
    AbsentReason,
    AlarmPriority,
    DeviceAlarm,
    Observation,
    SensorState,
    WaveformChunk,
)
from ketaconsole.storage.codec import device_output_from_event
from ketaconsole.storage.database import Database
from ketaconsole.storage.writer import SessionWriter

At = Callable[[float], Stamp]
PLUS_TWO = timezone(timedelta(hours=2))


def _session(database: Database, at: At) -> str:
    return database.start_session(protocol="test", port="loop://", started=at(0), patient_id=None)


def test_observations_round_trip_with_absent_values_and_device_times(database: Database, at: At) -> None:
    session_id = _session(database, at)
    submitted = [
        Observation("SPO2", 97.0, at(1), "masimo", device_time=datetime(2026, 3, 2, 9, 30, 1)),
        Observation.absent(
            "PR", AbsentReason.SENSOR_OFF, at(1), "masimo", datetime(2026, 3, 2, 9, 30, 1, 500)
        ),
        Observation(
            "HR", 64.0, at(2), "datex-s5", device_time=datetime(2026, 3, 2, 10, 30, 2, tzinfo=PLUS_TWO)
        ),
        Observation(
            "ETCO2", 0.1 + 0.2, at(3), "datex-s5", device_time=datetime(2026, 3, 2, 8, 30, 3, tzinfo=UTC)
        ),
        Observation.absent("NIBP_SYS", AbsentReason.INVALID, at(4), "datex-s5"),
        Observation("NIBP_SYS", 120.0, at(5), "nurse.jones", manual=True),
    ]
    writer = SessionWriter(database, session_id)
    writer.submit(submitted[:3])
    writer.submit(submitted[3:])
    writer.close()

    loaded = database.observations(session_id)
    assert loaded == submitted
    assert loaded[0].device_time is not None and loaded[0].device_time.tzinfo is None
    assert loaded[2].device_time is not None and loaded[2].device_time.utcoffset() == timedelta(hours=2)
    assert all(o.received.utc.utcoffset() == timedelta(0) for o in loaded)
    assert loaded[3].value == 0.1 + 0.2


def test_observations_come_back_in_received_order_whatever_the_submit_order(
    database: Database, at: At
) -> None:
    session_id = _session(database, at)
    late, early = Observation("HR", 61.0, at(9), "s5"), Observation("HR", 60.0, at(8), "s5")
    writer = SessionWriter(database, session_id)
    writer.submit([late, early])
    writer.close()
    assert database.observations(session_id) == [early, late]


def test_waveform_chunks_round_trip_with_nan_gaps(database: Database, at: At) -> None:
    session_id = _session(database, at)
    ecg = np.array([0.1, -0.25, np.nan, np.nan, 1.5, 3.4028235e38, -0.0], dtype=np.float32)
    pleth = np.linspace(0, 1, 100, dtype=np.float32)
    submitted = [
        WaveformChunk("ECG", at(1), 300.0, ecg, "datex-s5", datetime(2026, 3, 2, 8, 30, 1, tzinfo=UTC)),
        WaveformChunk("PLETH", at(1.5), 100.0, pleth, "masimo", datetime(2026, 3, 2, 9, 30, 1)),
        WaveformChunk("ECG", at(2), 300.0, np.array([], dtype=np.float32), "datex-s5"),
    ]
    writer = SessionWriter(database, session_id)
    writer.submit(submitted)
    writer.close()

    loaded = database.waveform_chunks(session_id)
    assert [(c.wave, c.start, c.sample_rate_hz, c.source, c.device_time) for c in loaded] == [
        (c.wave, c.start, c.sample_rate_hz, c.source, c.device_time) for c in submitted
    ]
    for got, sent in zip(loaded, submitted, strict=True):
        assert got.samples.dtype == np.float32
        assert np.array_equal(got.samples, sent.samples, equal_nan=True)
    assert np.isnan(loaded[0].samples[2:4]).all()
    assert np.signbit(loaded[0].samples[6])
    assert loaded[1].device_time is not None and loaded[1].device_time.tzinfo is None
    assert [c.wave for c in database.waveform_chunks(session_id, wave="ECG")] == ["ECG", "ECG"]
    assert [c.source for c in database.waveform_chunks(session_id, wave="PLETH")] == ["masimo"]


def test_device_alarms_sensor_states_and_events_round_trip(database: Database, at: At) -> None:
    session_id = _session(database, at)
    alarm_on = DeviceAlarm("SPO2_LOW", "SpO2 low", AlarmPriority.HIGH, False, True, at(1), "masimo")
    alarm_off = DeviceAlarm("SPO2_LOW", "SpO2 low", AlarmPriority.HIGH, False, False, at(3), "masimo")
    sensor = SensorState("SPO2", frozenset({"sensor-off", "no-finger"}), at(2), "masimo")
    writer = SessionWriter(database, session_id)
    writer.submit([alarm_on, sensor, alarm_off])
    writer.submit_event(
        "dose", at(2.5), {"drug": "esketamine", "dose_mg": 56, "route": "nasal"}, user="nurse.jones"
    )
    writer.close()

    events = database.events(session_id)
    assert [e.kind for e in events] == ["device-alarm", "sensor-state", "dose", "device-alarm"]
    assert [device_output_from_event(e) for e in events] == [alarm_on, sensor, None, alarm_off]
    assert events[0].detail == {
        "code": "SPO2_LOW",
        "message": "SpO2 low",
        "priority": "high",
        "technical": False,
        "active": True,
        "source": "masimo",
    }
    assert events[1].detail["conditions"] == ["no-finger", "sensor-off"]
    assert (events[2].stamp, events[2].detail, events[2].user) == (
        at(2.5),
        {"drug": "esketamine", "dose_mg": 56, "route": "nasal"},
        "nurse.jones",
    )
