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
import uuid
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
    """Source of :class:`Stamp` values. Implementations must be safe to call from any thread.

    ``monotonic_epoch`` names the origin of the monotonic readings: two stamps' monotonic readings
    may be subtracted only when their clocks had the same epoch (one boot of the machine for the
    system clock). A session recorded across a reboot bridges the change by wall time (see
    :mod:`ketaconsole.core.timebase`).
    """

    @property
    def monotonic_epoch(self) -> str: ...

    def now(self) -> Stamp: ...


_BOOT_ID_PATH = "/proc/sys/kernel/random/boot_id"


def _system_monotonic_epoch() -> str:
    """Linux's boot id (``time.monotonic_ns`` counts from boot); elsewhere one id per process, which
    never claims two runs share a monotonic origin when that is not known."""
    try:
        with open(_BOOT_ID_PATH, encoding="ascii") as file:
            return f"boot:{file.read().strip()}"
    except OSError:
        return f"process:{uuid.uuid4()}"


class SystemClock:
    """The machine's clocks: ``datetime.now(UTC)`` and ``time.monotonic_ns()``."""

    def __init__(self) -> None:
        self.monotonic_epoch = _system_monotonic_epoch()

    def now(self) -> Stamp:
        return Stamp(datetime.now(UTC), time.monotonic_ns())


class ManualClock:
    """A clock that only moves when told to; for deterministic tests."""

    def __init__(self, start: datetime | None = None, *, monotonic_ns: int = 0,
                 monotonic_epoch: str | None = None) -> None:
        self._lock = threading.Lock()
        self._utc = start or datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
        self._monotonic_ns = monotonic_ns
        self.monotonic_epoch = monotonic_epoch or f"manual:{uuid.uuid4()}"

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

    def set_wall_time(self, utc: datetime) -> None:
        """Set the wall clock (either way, as NTP or a person might); the monotonic clock is untouched."""
        with self._lock:
            self._utc = utc


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
        self.monotonic_epoch = f"scaled:{uuid.uuid4()}"

    def now(self) -> Stamp:
        real = self._base.now()
        elapsed_ns = round((real.monotonic_ns - self._origin.monotonic_ns) * self.speed)
        return Stamp(
            self._origin.utc + timedelta(microseconds=elapsed_ns / 1000),
            self._origin.monotonic_ns + elapsed_ns,
        )
