"""What devices report: numeric observations, waveform chunks, device alarms and sensor states.

Invariant: a value that the device marked invalid, unmeasured or out of range never becomes a
number. Such an observation has ``value is None`` and an :class:`AbsentReason`; a valid one has a
finite ``value`` and ``absent_reason is None``. Construction enforces it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

import numpy as np

from ketaconsole.core.clock import Stamp


class AbsentReason(Enum):
    """Why an observation carries no value (names are stored and exported)."""

    INVALID = "invalid"
    NOT_MEASURED = "not-measured"
    UNDER_RANGE = "under-range"
    OVER_RANGE = "over-range"
    ARTEFACT = "artefact"
    SENSOR_OFF = "sensor-off"
    NOT_CALIBRATED = "not-calibrated"


@dataclass(frozen=True, slots=True)
class Observation:
    """One numeric reading of ``parameter`` (a registry key) in the registry's unit.

    ``device_time`` is the device's own clock reading when the protocol gives one: timezone-aware
    when the protocol defines the zone (S/5 sends Unix time), naive when the device clock has no zone
    (a Masimo line carries the oximeter's local date and time). ``received`` is when the host read
    the bytes. ``manual`` marks values typed in by a person.
    """

    parameter: str
    value: float | None
    received: Stamp
    source: str
    absent_reason: AbsentReason | None = None
    device_time: datetime | None = None
    manual: bool = False

    def __post_init__(self) -> None:
        if self.value is None:
            if self.absent_reason is None:
                raise ValueError(f"{self.parameter}: an absent value needs an absent_reason")
        else:
            if self.absent_reason is not None:
                raise ValueError(f"{self.parameter}: a value cannot also have an absent_reason")
            if not math.isfinite(self.value):
                raise ValueError(f"{self.parameter}: value must be finite, got {self.value}")

    @classmethod
    def absent(cls, parameter: str, reason: AbsentReason, received: Stamp, source: str,
               device_time: datetime | None = None) -> Observation:
        return cls(parameter, None, received, source, reason, device_time)


@dataclass(frozen=True, slots=True, eq=False)
class WaveformChunk:
    """Consecutive samples of one waveform. Gaps (leads off, invalid samples) are NaN.

    ``start`` is the stamp of the first sample; sample ``i`` lies ``i / sample_rate_hz`` seconds
    later. ``samples`` is a read-only 1-D float32 array in the registry unit of ``wave``.
    """

    wave: str
    start: Stamp
    sample_rate_hz: float
    samples: np.ndarray
    source: str
    device_time: datetime | None = None

    def __post_init__(self) -> None:
        if self.sample_rate_hz <= 0:
            raise ValueError("sample_rate_hz must be positive")
        samples = np.asarray(self.samples, dtype=np.float32)
        if samples.ndim != 1:
            raise ValueError("samples must be one-dimensional")
        samples.flags.writeable = False
        object.__setattr__(self, "samples", samples)

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.sample_rate_hz


class AlarmPriority(Enum):
    """IEC 60601-1-8 priorities, plus ``INFO`` for device messages that are not alarms."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class DeviceAlarm:
    """A change of an alarm condition the monitor itself reports.

    Drivers emit one when a condition becomes active (``active=True``) and one when it clears
    (``active=False``), not on every report, so each alarm is a start and an end on the timeline.
    ``code`` is stable and machine-readable (e.g. ``"SPO2_LOW"``); ``message`` is for people.
    ``technical`` separates equipment conditions (sensor off, low battery) from physiological ones.
    """

    code: str
    message: str
    priority: AlarmPriority
    technical: bool
    active: bool
    received: Stamp
    source: str


@dataclass(frozen=True, slots=True)
class SensorState:
    """The state of a sensor as the device reports it; ``conditions`` empty means all is well.

    Drivers emit one on the first report and then whenever the set of conditions changes.
    """

    sensor: str
    conditions: frozenset[str]
    received: Stamp
    source: str
    ok: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ok", not self.conditions)


DeviceOutput = Observation | WaveformChunk | DeviceAlarm | SensorState
