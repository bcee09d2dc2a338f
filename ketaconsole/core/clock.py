"""Injected time.

Every timestamp in KetaConsole is a :class:`Stamp`: UTC wall time for people and records, plus a
monotonic reading in nanoseconds for durations. Wall time can jump (NTP, daylight saving set wrong
by hand); the monotonic reading never goes backwards, so every duration is computed from it.

Code never calls ``time.time()`` or ``datetime.now()`` directly; it asks the :class:`Clock` it was
given. :class:`SystemClock` is the real one, :class:`ManualClock` is moved by tests, and
:class:`ScaledClock` runs faster than real time for the simulator and benchmarks.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

NS_PER_S = 1_000_000_000


@dataclass(frozen=True, slots=True)
class Stamp:
    """A moment: ``utc`` is timezone-aware UTC, ``monotonic_ns`` a monotonic clock reading (ns)."""

    utc: datetime
    monotonic_ns: int

    def seconds_since(self, earlier: Stamp) -> float:
        """Elapsed seconds from ``earlier`` to this stamp, by the monotonic clock."""
        return (self.monotonic_ns - earlier.monotonic_ns) / NS_PER_S

    def shifted(self, seconds: float) -> Stamp:
        """The stamp ``seconds`` later (earlier when negative), on both clocks."""
        return Stamp(self.utc + timedelta(seconds=seconds), self.monotonic_ns + round(seconds * NS_PER_S))


class Clock(Protocol):
    """Source of :class:`Stamp` values. Implementations must be safe to call from any thread."""

    def now(self) -> Stamp: ...


class SystemClock:
    """The machine's clocks: ``datetime.now(UTC)`` and ``time.monotonic_ns()``."""

    def now(self) -> Stamp:
        return Stamp(datetime.now(UTC), time.monotonic_ns())


class ManualClock:
    """A clock that only moves when told to; for deterministic tests."""

    def __init__(self, start: datetime | None = None) -> None:
        self._lock = threading.Lock()
        self._utc = start or datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
        self._monotonic_ns = 0

    def now(self) -> Stamp:
        with self._lock:
            return Stamp(self._utc, self._monotonic_ns)

    def advance(self, seconds: float) -> None:
        """Move both clocks forward by ``seconds`` (must be ≥ 0)."""
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        with self._lock:
            self._utc += timedelta(seconds=seconds)
            self._monotonic_ns += round(seconds * NS_PER_S)


class ScaledClock:
    """Real time multiplied by ``speed`` (> 0), starting at the moment of construction.

    With ``speed=60`` one real second reads as one simulated minute on both clocks.
    """

    def __init__(self, speed: float, base: Clock | None = None) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._base = base or SystemClock()
        self._origin = self._base.now()

    def now(self) -> Stamp:
        real = self._base.now()
        elapsed_ns = round((real.monotonic_ns - self._origin.monotonic_ns) * self.speed)
        return Stamp(
            self._origin.utc + timedelta(microseconds=elapsed_ns / 1000),
            self._origin.monotonic_ns + elapsed_ns,
        )
