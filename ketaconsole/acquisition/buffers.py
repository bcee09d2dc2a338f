"""Display buffers for the live view: a sweep ring for each waveform, a growing history for trends.

Qt-free (numpy only), so both are tested without a display. Neither loops over samples in Python.

* :class:`WaveformRing` is what a bedside monitor draws: a fixed window of ``window_s`` seconds that
  the newest samples overwrite from left to right, with an eraser gap of NaN just ahead of the write
  position. Samples are placed by their time, so a hole in the data is a hole on the screen (NaN),
  never the previous sweep's samples passing for current ones.
* :class:`TrendHistory` keeps every numeric of a session (8 hours and more) in arrays that grow by
  doubling, sorted by time, and hands out views of the filled part for trend plots.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ketaconsole.core.clock import NS_PER_S, Stamp
from ketaconsole.core.observations import Observation, WaveformChunk

ERASER_S = 0.15
CONTINUITY_TOLERANCE_S = 0.05
TREND_INITIAL_CAPACITY = 1024


class WaveformRing:
    """A monitor-style sweep buffer of one waveform at one sample rate.

    ``samples[k]`` (float32, NaN where there is no data) is drawn at ``x_seconds[k]`` (float64,
    ``k / sample_rate_hz``, from 0 up to ``window_s``). A sample of time ``t`` lives at index
    ``round((t - origin) * sample_rate_hz) mod len(samples)``, where the origin is the time of the
    first sample ever written (or written after :meth:`clear`).

    Invariants after each :meth:`write`:

    * the ``eraser_samples`` positions from :attr:`write_index` on (wrapping) are NaN;
    * positions skipped by a data gap are NaN.

    Arrival jitter: a chunk whose start lies within ``continuity_tolerance_s`` of the end of the
    previous chunk continues it exactly, so timestamps jittered by the transport neither punch
    one-sample holes into the trace nor overwrite its last samples. A sample therefore lands within
    ``continuity_tolerance_s`` of the position its time implies, and exactly there when the chunks
    are contiguous or separated by more than the tolerance.
    """

    def __init__(self, window_s: float, sample_rate_hz: float, *,
                 continuity_tolerance_s: float = CONTINUITY_TOLERANCE_S) -> None:
        if sample_rate_hz <= 0 or window_s <= 0:
            raise ValueError("window_s and sample_rate_hz must be positive")
        size = round(window_s * sample_rate_hz)
        if size < 2:
            raise ValueError(f"a window of {window_s} s at {sample_rate_hz} Hz holds fewer than 2 samples")
        self.window_s = window_s
        self.sample_rate_hz = sample_rate_hz
        self.samples = np.full(size, np.nan, dtype=np.float32)
        self.x_seconds = np.arange(size, dtype=np.float64) / sample_rate_hz
        self.eraser_samples = min(max(1, round(ERASER_S * sample_rate_hz)), size - 1)
        self._tolerance_samples = round(continuity_tolerance_s * sample_rate_hz)
        self._origin_ns: int | None = None
        self._next_index: int | None = None
        self.newest: Stamp | None = None
        self.newest_finite: Stamp | None = None
        self.total_written = 0

    @property
    def write_index(self) -> int | None:
        """Where the next contiguous sample goes (0 ≤ index < len(samples)); ``None`` before data."""
        return None if self._next_index is None else self._next_index % len(self.samples)

    def clear(self) -> None:
        """Forget everything: all NaN, no origin, as if just constructed."""
        self.samples.fill(np.nan)
        self._origin_ns = None
        self._next_index = None
        self.newest = None
        self.newest_finite = None
        self.total_written = 0

    def write(self, chunk: WaveformChunk) -> None:
        """Place ``chunk``'s samples at the positions their times imply, NaN over any skipped span.

        Raises ``ValueError`` when the chunk's sample rate is not the ring's (make a new ring).
        """
        if chunk.sample_rate_hz != self.sample_rate_hz:
            raise ValueError(f"{chunk.sample_rate_hz} Hz chunk for a {self.sample_rate_hz} Hz ring")
        count = len(chunk.samples)
        if count == 0:
            return
        if self._origin_ns is None:
            self._origin_ns = chunk.start.monotonic_ns
        start = round((chunk.start.monotonic_ns - self._origin_ns) * self.sample_rate_hz / NS_PER_S)
        if self._next_index is not None:
            if abs(start - self._next_index) <= self._tolerance_samples:
                start = self._next_index
            elif start > self._next_index:
                self._fill(self._next_index, min(start - self._next_index, len(self.samples)), np.nan)
        kept = chunk.samples[-len(self.samples):]
        self._put(start + count - len(kept), kept)
        self._next_index = start + count
        self._fill(self._next_index, self.eraser_samples, np.nan)
        self.total_written += count
        self.newest = chunk.start.shifted(chunk.duration_s)
        finite = np.flatnonzero(np.isfinite(chunk.samples))
        if len(finite):
            self.newest_finite = chunk.start.shifted((finite[-1] + 1) / self.sample_rate_hz)

    def _put(self, index: int, values: np.ndarray) -> None:
        """Copy ``values`` (at most ``len(samples)`` of them) from absolute ``index`` on, wrapping."""
        size = len(self.samples)
        first = index % size
        head = min(len(values), size - first)
        self.samples[first:first + head] = values[:head]
        self.samples[:len(values) - head] = values[head:]

    def _fill(self, index: int, count: int, value: float) -> None:
        """Set ``count`` (≤ ``len(samples)``) positions from absolute ``index`` on to ``value``."""
        size = len(self.samples)
        first = index % size
        head = min(count, size - first)
        self.samples[first:first + head] = value
        self.samples[:count - head] = value


@dataclass(frozen=True, slots=True)
class TrendSeries:
    """One parameter's history, sorted by time: equal-length views, valid until the next ``add``.

    ``times_s`` are float64 POSIX seconds (UTC) of reception; ``values`` float64 in the registry
    unit, NaN where the observation carried no value; ``manual`` marks values typed in by a person.
    """

    times_s: np.ndarray
    values: np.ndarray
    manual: np.ndarray


class _GrowingSeries:
    """Parallel arrays with spare capacity; capacity doubles when full, so appends are amortised
    O(1) and capacity never exceeds ``max(TREND_INITIAL_CAPACITY, 2 × length)``."""

    def __init__(self) -> None:
        self.length = 0
        self.times = np.empty(TREND_INITIAL_CAPACITY, dtype=np.float64)
        self.values = np.empty(TREND_INITIAL_CAPACITY, dtype=np.float64)
        self.manual = np.empty(TREND_INITIAL_CAPACITY, dtype=np.bool_)

    @property
    def nbytes(self) -> int:
        return self.times.nbytes + self.values.nbytes + self.manual.nbytes

    def insert(self, time_s: float, value: float, manual: bool) -> None:
        """Add one entry after every entry with a time ≤ ``time_s`` (O(1) when it is the newest)."""
        if self.length == len(self.times):
            self._grow()
        n = self.length
        if n == 0 or time_s >= self.times[n - 1]:
            index = n
        else:
            index = int(np.searchsorted(self.times[:n], time_s, side="right"))
            for array in (self.times, self.values, self.manual):
                array[index + 1:n + 1] = array[index:n]
        self.times[index] = time_s
        self.values[index] = value
        self.manual[index] = manual
        self.length = n + 1

    def view(self) -> TrendSeries:
        n = self.length
        return TrendSeries(self.times[:n], self.values[:n], self.manual[:n])

    def _grow(self) -> None:
        capacity = 2 * len(self.times)
        for name in ("times", "values", "manual"):
            old = getattr(self, name)
            new = np.empty(capacity, dtype=old.dtype)
            new[:self.length] = old[:self.length]
            setattr(self, name, new)


class TrendHistory:
    """Every numeric observation of a session, per parameter, sorted by reception time."""

    def __init__(self) -> None:
        self._series: dict[str, _GrowingSeries] = {}

    def add(self, observation: Observation) -> None:
        """Keep ``observation`` (an absent value is kept as NaN, so trend lines show the gap)."""
        series = self._series.get(observation.parameter)
        if series is None:
            series = self._series[observation.parameter] = _GrowingSeries()
        value = np.nan if observation.value is None else observation.value
        series.insert(observation.received.utc.timestamp(), value, observation.manual)

    def series(self, parameter: str) -> TrendSeries:
        """``parameter``'s history (empty arrays when it has none)."""
        series = self._series.get(parameter)
        if series is None:
            return TrendSeries(np.empty(0, np.float64), np.empty(0, np.float64), np.empty(0, np.bool_))
        return series.view()

    def parameters(self) -> list[str]:
        """The keys of every parameter with at least one observation, sorted."""
        return sorted(self._series)

    def span(self) -> tuple[float, float] | None:
        """(earliest, latest) time in POSIX seconds over all parameters; ``None`` when empty."""
        if not self._series:
            return None
        earliest = min(series.times[0] for series in self._series.values())
        latest = max(series.times[series.length - 1] for series in self._series.values())
        return float(earliest), float(latest)

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays, spare capacity included."""
        return sum(series.nbytes for series in self._series.values())
