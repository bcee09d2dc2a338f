"""Conversion between core domain objects and table rows (plain dicts for bulk inserts).

Encoding validates what the database would otherwise reject later: a naive ``received`` time
raises ``ValueError`` here, in the caller's thread, instead of failing a writer batch forever.

Device alarms and sensor states become session events:

* ``device-alarm``: detail ``{code, message, priority, technical, active, source}``
* ``sensor-state``: detail ``{sensor, conditions (sorted list), ok, source}``
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import numpy as np

from ketaconsole.core.clock import Stamp
from ketaconsole.core.observations import (
    AbsentReason,
    AlarmPriority,
    DeviceAlarm,
    DeviceOutput,
    Observation,
    SensorState,
    WaveformChunk,
)
from ketaconsole.storage.models import ObservationRow, SessionEventRow, WaveformChunkRow
from ketaconsole.storage.stored import SessionEvent
from ketaconsole.storage.utc_datetime import require_aware

DEVICE_ALARM_KIND = "device-alarm"
SENSOR_STATE_KIND = "sensor-state"
SAMPLE_DTYPE = np.dtype("<f4")
"""Waveform samples are stored as little-endian IEEE 754 float32."""

Row = dict[str, Any]


def encode_device_time(device_time: datetime | None) -> str | None:
    """ISO text of the device's clock reading; keeps the offset if and only if it had one."""
    return None if device_time is None else device_time.isoformat()


def decode_device_time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def observation_row(session_id: str, observation: Observation) -> Row:
    require_aware(observation.received.utc)
    return {
        "session_id": session_id,
        "parameter": observation.parameter,
        "value": observation.value,
        "absent_reason": None if observation.absent_reason is None else observation.absent_reason.value,
        "source": observation.source,
        "device_time": encode_device_time(observation.device_time),
        "received_utc": observation.received.utc,
        "monotonic_ns": observation.received.monotonic_ns,
        "manual": observation.manual,
    }


def observation_from_row(row: ObservationRow) -> Observation:
    return Observation(
        parameter=row.parameter,
        value=row.value,
        received=Stamp(row.received_utc, row.monotonic_ns),
        source=row.source,
        absent_reason=None if row.absent_reason is None else AbsentReason(row.absent_reason),
        device_time=decode_device_time(row.device_time),
        manual=row.manual,
    )


def waveform_chunk_row(session_id: str, chunk: WaveformChunk) -> Row:
    require_aware(chunk.start.utc)
    return {
        "session_id": session_id,
        "wave": chunk.wave,
        "start_utc": chunk.start.utc,
        "start_monotonic_ns": chunk.start.monotonic_ns,
        "sample_rate_hz": chunk.sample_rate_hz,
        "sample_count": len(chunk.samples),
        "samples": chunk.samples.astype(SAMPLE_DTYPE, copy=False).tobytes(),
        "source": chunk.source,
        "device_time": encode_device_time(chunk.device_time),
    }


def waveform_chunk_from_row(row: WaveformChunkRow) -> WaveformChunk:
    samples = np.frombuffer(row.samples, dtype=SAMPLE_DTYPE, count=row.sample_count)
    return WaveformChunk(
        wave=row.wave,
        start=Stamp(row.start_utc, row.start_monotonic_ns),
        sample_rate_hz=row.sample_rate_hz,
        samples=samples,
        source=row.source,
        device_time=decode_device_time(row.device_time),
    )


def event_row(session_id: str, kind: str, stamp: Stamp, detail: dict[str, Any], user: str | None) -> Row:
    """A ``session_events`` row; ``detail`` is copied through JSON, so it must be JSON-serialisable."""
    require_aware(stamp.utc)
    return {
        "session_id": session_id,
        "kind": kind,
        "utc": stamp.utc,
        "monotonic_ns": stamp.monotonic_ns,
        "detail": json.loads(json.dumps(detail)),
        "user": user,
    }


def device_alarm_row(session_id: str, alarm: DeviceAlarm) -> Row:
    detail = {
        "code": alarm.code,
        "message": alarm.message,
        "priority": alarm.priority.value,
        "technical": alarm.technical,
        "active": alarm.active,
        "source": alarm.source,
    }
    return event_row(session_id, DEVICE_ALARM_KIND, alarm.received, detail, None)


def sensor_state_row(session_id: str, state: SensorState) -> Row:
    detail = {
        "sensor": state.sensor,
        "conditions": sorted(state.conditions),
        "ok": state.ok,
        "source": state.source,
    }
    return event_row(session_id, SENSOR_STATE_KIND, state.received, detail, None)


def session_event_from_row(row: SessionEventRow) -> SessionEvent:
    return SessionEvent(row.kind, Stamp(row.utc, row.monotonic_ns), row.detail, row.user)


def device_output_from_event(event: SessionEvent) -> DeviceAlarm | SensorState | None:
    """The device alarm or sensor state an event records; ``None`` for every other kind."""
    detail = event.detail
    if event.kind == DEVICE_ALARM_KIND:
        return DeviceAlarm(
            code=detail["code"],
            message=detail["message"],
            priority=AlarmPriority(detail["priority"]),
            technical=detail["technical"],
            active=detail["active"],
            received=event.stamp,
            source=detail["source"],
        )
    if event.kind == SENSOR_STATE_KIND:
        return SensorState(detail["sensor"], frozenset(detail["conditions"]), event.stamp, detail["source"])
    return None


def table_and_row(session_id: str, output: DeviceOutput) -> tuple[str, Row]:
    """The table name and row for any device output; ``TypeError`` for anything else."""
    if isinstance(output, Observation):
        return ObservationRow.__tablename__, observation_row(session_id, output)
    if isinstance(output, WaveformChunk):
        return WaveformChunkRow.__tablename__, waveform_chunk_row(session_id, output)
    if isinstance(output, DeviceAlarm):
        return SessionEventRow.__tablename__, device_alarm_row(session_id, output)
    if isinstance(output, SensorState):
        return SessionEventRow.__tablename__, sensor_state_row(session_id, output)
    raise TypeError(f"not a device output: {type(output).__name__}")
