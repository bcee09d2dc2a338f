"""Cuff blood-pressure measurements picked out of a stream of observations.

A monitor re-sends its last cuff measurement (an S/5 every 5 s), so receiving NIBP values again does
not mean the cuff measured again. A measurement is new when it is typed in by a person, or when its
systolic pressure differs from the one the same device sent before (two consecutive measurements with
the very same systolic pressure therefore count as one: the monitor protocols carry no measurement
id; a reading typed in meanwhile does not interrupt the device's sequence). A new
measurement is dated when it first arrived, and takes the diastolic and mean pressures that arrived
with it (same receive stamp).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ketaconsole.core.clock import Stamp
from ketaconsole.core.observations import Observation

SYSTOLIC, DIASTOLIC, MEAN = "NIBP_SYS", "NIBP_DIA", "NIBP_MEAN"
CUFF_PARAMETERS = (SYSTOLIC, DIASTOLIC, MEAN)
"""Registry keys of a cuff measurement's pressures (mmHg)."""


@dataclass(frozen=True, slots=True)
class CuffReading:
    """One cuff measurement in mmHg; ``diastolic`` or ``mean`` is ``None`` when it did not come."""

    measured: Stamp
    systolic: float
    diastolic: float | None
    mean: float | None
    source: str
    manual: bool

    def text(self) -> str:
        """"128/84" (with " (96)" for the mean when known)."""
        pressure = f"{self.systolic:.0f}/{self.diastolic:.0f}" if self.diastolic is not None \
            else f"{self.systolic:.0f}/–"
        return pressure + (f" ({self.mean:.0f})" if self.mean is not None else "")


class CuffReadings:
    """Collects new cuff measurements from observations given in received order."""

    def __init__(self) -> None:
        self._readings: list[CuffReading] = []
        self._last_systolic: dict[str, float | None] = {}  # by source; typed-in readings not included

    @property
    def readings(self) -> tuple[CuffReading, ...]:
        return tuple(self._readings)

    def add(self, observations: Iterable[Observation]) -> list[CuffReading]:
        """Take a batch of observations; return the measurements that are new or were completed."""
        changed: dict[Stamp, CuffReading] = {}
        for observation in observations:
            reading = None
            if observation.parameter == SYSTOLIC:
                reading = self._systolic(observation)
                if reading is not None:
                    self._readings.append(reading)
            elif observation.parameter in (DIASTOLIC, MEAN) and observation.value is not None:
                reading = self._complete(observation)
            if reading is not None:
                changed[reading.measured] = reading
        return list(changed.values())

    def _systolic(self, observation: Observation) -> CuffReading | None:
        if not observation.manual:
            previous = self._last_systolic.get(observation.source)
            self._last_systolic[observation.source] = observation.value
            if observation.value == previous:
                return None
        if observation.value is None:
            return None
        return CuffReading(observation.received, observation.value, None, None, observation.source,
                           observation.manual)

    def _complete(self, observation: Observation) -> CuffReading | None:
        if not self._readings or self._readings[-1].measured != observation.received:
            return None
        field_name = "diastolic" if observation.parameter == DIASTOLIC else "mean"
        completed = replace(self._readings[-1], **{field_name: observation.value})
        self._readings[-1] = completed
        return completed
