"""The display buffers: the sweep ring places samples by time and never shows stale samples as
current; the trend history stays sorted, keeps absent values as NaN and grows within 2× its data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketaconsole.acquisition.buffers import (
    CONTINUITY_TOLERANCE_S,
    TREND_INITIAL_CAPACITY,
    TrendHistory,
    WaveformRing,
)
from ketaconsole.core.clock import NS_PER_S, Stamp
from ketaconsole.core.observations import AbsentReason, Observation, WaveformChunk

ORIGIN = Stamp(datetime(2026, 1, 1, 9, 0, tzinfo=UTC), 5 * NS_PER_S)


def chunk_at(index: int, values: np.ndarray, rate_hz: float) -> WaveformChunk:
    """A chunk whose first sample lies ``index`` sample periods after ORIGIN."""
    return WaveformChunk("ECG", ORIGIN.shifted(index / rate_hz), rate_hz, values, "test")


def test_a_ring_holds_its_window_on_a_fixed_axis() -> None:
    ring = WaveformRing(4.0, 250.0)

    assert len(ring.samples) == 1000
    assert ring.samples.dtype == np.float32
    assert np.all(np.isnan(ring.samples))
    assert ring.x_seconds[0] == 0.0
    assert ring.x_seconds[-1] == pytest.approx(4.0 - 1 / 250)
    assert ring.newest is None
    assert ring.write_index is None


def test_samples_land_where_their_time_falls_in_the_window() -> None:
    ring = WaveformRing(2.0, 100.0)
    ring.write(chunk_at(0, np.arange(50, dtype=np.float32), 100.0))
    ring.write(chunk_at(50, np.arange(50, 100, dtype=np.float32), 100.0))

    np.testing.assert_array_equal(ring.samples[:100], np.arange(100))
    assert ring.write_index == 100
    assert ring.total_written == 100
    assert ring.newest == ORIGIN.shifted(1.0)


def test_the_sweep_wraps_and_overwrites_the_previous_pass() -> None:
    ring = WaveformRing(1.0, 100.0)
    ring.write(chunk_at(0, np.zeros(100, dtype=np.float32), 100.0))
    ring.write(chunk_at(100, np.full(30, 7.0, dtype=np.float32), 100.0))

    np.testing.assert_array_equal(ring.samples[:30], 7.0)
    assert ring.write_index == 30
    assert np.all(np.isnan(ring.samples[30:30 + ring.eraser_samples]))
    np.testing.assert_array_equal(ring.samples[30 + ring.eraser_samples:], 0.0)


def test_the_eraser_gap_lies_just_ahead_of_the_write_position_even_across_the_end() -> None:
    ring = WaveformRing(1.0, 100.0)
    ring.write(chunk_at(0, np.ones(200, dtype=np.float32), 100.0))
    ring.write(chunk_at(200, np.ones(95, dtype=np.float32), 100.0))

    assert ring.eraser_samples == 15
    erased = (95 + np.arange(15)) % 100
    assert np.all(np.isnan(ring.samples[erased]))
    assert np.count_nonzero(np.isnan(ring.samples)) == 15


def test_a_data_gap_is_nan_not_the_previous_sweep() -> None:
    ring = WaveformRing(2.0, 100.0)
    ring.write(chunk_at(0, np.ones(200, dtype=np.float32), 100.0))
    ring.write(chunk_at(200, np.full(20, 2.0, dtype=np.float32), 100.0))
    ring.write(chunk_at(270, np.full(20, 3.0, dtype=np.float32), 100.0))

    np.testing.assert_array_equal(ring.samples[:20], 2.0)
    assert np.all(np.isnan(ring.samples[20:70]))
    np.testing.assert_array_equal(ring.samples[70:90], 3.0)


def test_a_gap_longer_than_the_window_leaves_nothing_of_the_old_data() -> None:
    ring = WaveformRing(1.0, 100.0)
    ring.write(chunk_at(0, np.ones(100, dtype=np.float32), 100.0))
    ring.write(chunk_at(1000, np.full(10, 5.0, dtype=np.float32), 100.0))

    assert set(np.unique(ring.samples[np.isfinite(ring.samples)])) == {5.0}
    np.testing.assert_array_equal(ring.samples[:10], 5.0)


def test_an_overlapping_chunk_overwrites_by_time() -> None:
    ring = WaveformRing(2.0, 100.0)
    ring.write(chunk_at(0, np.ones(100, dtype=np.float32), 100.0))
    ring.write(chunk_at(40, np.full(20, 9.0, dtype=np.float32), 100.0))

    np.testing.assert_array_equal(ring.samples[40:60], 9.0)
    np.testing.assert_array_equal(ring.samples[:40], 1.0)
    assert ring.write_index == 60


def test_timestamps_jittered_within_the_tolerance_continue_the_trace() -> None:
    rate = 250.0
    ring = WaveformRing(4.0, rate)
    jitter_ns = [0, 12_000_000, -9_000_000, 30_000_000, -40_000_000]
    for number, jitter in enumerate(jitter_ns):
        start = ORIGIN.shifted(number * 0.2)
        jittered = Stamp(start.utc, start.monotonic_ns + jitter)
        ring.write(WaveformChunk("ECG", jittered, rate, np.full(50, float(number)), "test"))

    np.testing.assert_array_equal(ring.samples[:250], np.repeat(np.arange(5.0), 50))
    assert max(abs(jitter) for jitter in jitter_ns) / NS_PER_S < CONTINUITY_TOLERANCE_S


def test_a_chunk_longer_than_the_window_keeps_its_newest_samples() -> None:
    ring = WaveformRing(1.0, 10.0)
    ring.write(chunk_at(0, np.arange(25, dtype=np.float32), 10.0))

    assert ring.write_index == 5
    assert ring.total_written == 25
    assert ring.eraser_samples == 2
    np.testing.assert_array_equal(ring.samples[:5], [20, 21, 22, 23, 24])
    assert np.all(np.isnan(ring.samples[5:7]))
    np.testing.assert_array_equal(ring.samples[7:], [17, 18, 19])


def test_a_chunk_at_another_rate_is_refused() -> None:
    ring = WaveformRing(2.0, 100.0)
    with pytest.raises(ValueError, match="Hz"):
        ring.write(chunk_at(0, np.ones(10), 125.0))


def test_newest_finite_ignores_invalid_samples() -> None:
    ring = WaveformRing(2.0, 100.0)
    ring.write(chunk_at(0, np.array([1.0, 2.0, np.nan, np.nan]), 100.0))
    ring.write(chunk_at(4, np.full(10, np.nan), 100.0))

    assert ring.newest == ORIGIN.shifted(0.14)
    assert ring.newest_finite == ORIGIN.shifted(0.02)


def test_clear_forgets_everything() -> None:
    ring = WaveformRing(2.0, 100.0)
    ring.write(chunk_at(0, np.ones(30), 100.0))
    ring.clear()

    assert np.all(np.isnan(ring.samples))
    assert ring.newest is None and ring.newest_finite is None and ring.write_index is None
    assert ring.total_written == 0
    ring.write(chunk_at(500, np.full(5, 4.0), 100.0))
    np.testing.assert_array_equal(ring.samples[:5], 4.0)


def test_a_window_under_two_samples_is_refused() -> None:
    with pytest.raises(ValueError):
        WaveformRing(0.01, 100.0)


@st.composite
def sweeps(draw: st.DrawFn) -> tuple[float, int, list[tuple[int, np.ndarray]]]:
    """A rate, a window in samples and chunks at increasing sample indices, each either contiguous
    with the previous one or separated by a gap wider than the continuity tolerance."""
    rate = draw(st.sampled_from([50.0, 100.0, 125.0, 300.0, 500.0]))
    size = draw(st.integers(min_value=round(0.4 * rate), max_value=round(3 * rate)))
    tolerance = round(CONTINUITY_TOLERANCE_S * rate)
    chunks = []
    index = draw(st.integers(min_value=0, max_value=10 * size))
    for _ in range(draw(st.integers(min_value=1, max_value=25))):
        if chunks and draw(st.booleans()):
            index += draw(st.integers(min_value=tolerance + 1, max_value=3 * size))
        count = draw(st.integers(min_value=1, max_value=2 * size))
        values = np.arange(index, index + count, dtype=np.float32) % 4096
        chunks.append((index, values))
        index += count
    return rate, size, chunks


@settings(max_examples=150, deadline=None)
@given(sweeps())
def test_every_sample_lands_where_its_time_implies_and_everything_else_is_nan(
    sweep: tuple[float, int, list[tuple[int, np.ndarray]]],
) -> None:
    rate, size, chunks = sweep
    ring = WaveformRing(size / rate, rate)
    origin = chunks[0][0]
    written: dict[int, float] = {}
    for index, values in chunks:
        ring.write(chunk_at(index, values, rate))
        written.update(zip(range(index - origin, index - origin + len(values)), values.tolist(),
                           strict=True))

    end = chunks[-1][0] + len(chunks[-1][1]) - origin
    assert ring.write_index == end % size
    for absolute in range(end - size + ring.eraser_samples, end):
        expected = written.get(absolute, np.nan)
        np.testing.assert_equal(ring.samples[absolute % size], expected)
    for absolute in range(end, end + ring.eraser_samples):
        assert np.isnan(ring.samples[absolute % size])
    assert ring.total_written == sum(len(values) for _, values in chunks)
    assert ring.newest is not None
    assert ring.newest.seconds_since(ORIGIN) == pytest.approx((end + origin) / rate, abs=1e-6)


def observation(parameter: str, value: float | None, seconds: float, manual: bool = False) -> Observation:
    received = ORIGIN.shifted(seconds)
    if value is None:
        return Observation.absent(parameter, AbsentReason.SENSOR_OFF, received, "test")
    return Observation(parameter, value, received, "test", manual=manual)


def test_a_series_is_times_values_and_manual_flags() -> None:
    history = TrendHistory()
    history.add(observation("HR", 70.0, 0))
    history.add(observation("HR", None, 1))
    history.add(observation("HR", 74.0, 2, manual=True))

    series = history.series("HR")
    posix = ORIGIN.utc.timestamp()
    np.testing.assert_array_equal(series.times_s, [posix, posix + 1, posix + 2])
    np.testing.assert_array_equal(series.values, [70.0, np.nan, 74.0])
    np.testing.assert_array_equal(series.manual, [False, False, True])
    assert series.times_s.dtype == np.float64 and series.values.dtype == np.float64


def test_times_are_posix_seconds_of_the_utc_reception() -> None:
    history = TrendHistory()
    history.add(observation("SPO2", 97.0, 0))

    assert datetime.fromtimestamp(history.series("SPO2").times_s[0], UTC) == ORIGIN.utc


def test_an_unknown_parameter_has_an_empty_series_and_an_empty_history_no_span() -> None:
    history = TrendHistory()

    assert len(history.series("HR").times_s) == 0
    assert history.span() is None
    assert history.parameters() == []


def test_parameters_and_span_cover_every_series() -> None:
    history = TrendHistory()
    history.add(observation("SPO2", 97.0, 10))
    history.add(observation("HR", 70.0, 5))
    history.add(observation("HR", 71.0, 20))

    posix = ORIGIN.utc.timestamp()
    assert history.parameters() == ["HR", "SPO2"]
    assert history.span() == (posix + 5, posix + 20)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=3000), st.booleans()), min_size=1,
                max_size=300))
def test_out_of_order_entries_keep_each_series_sorted(entries: list[tuple[int, bool]]) -> None:
    history = TrendHistory()
    for number, (seconds, manual) in enumerate(entries):
        history.add(observation("HR", float(number), seconds, manual=manual))

    series = history.series("HR")
    assert np.all(np.diff(series.times_s) >= 0)
    kept = sorted(zip(series.values.tolist(), series.manual.tolist(), strict=True))
    assert kept == sorted((float(number), manual) for number, (_, manual) in enumerate(entries))
    for value, time_s in zip(series.values, series.times_s, strict=True):
        assert time_s == ORIGIN.utc.timestamp() + entries[int(value)][0]


def test_equal_times_keep_their_arrival_order() -> None:
    history = TrendHistory()
    for value, seconds in ((1.0, 10), (2.0, 20), (3.0, 10)):
        history.add(observation("HR", value, seconds))

    np.testing.assert_array_equal(history.series("HR").values, [1.0, 3.0, 2.0])


def test_eight_hours_at_one_hertz_stay_within_twice_the_data() -> None:
    history = TrendHistory()
    start = ORIGIN.utc
    for second in range(8 * 3600):
        received = Stamp(start + timedelta(seconds=second), ORIGIN.monotonic_ns + second * NS_PER_S)
        history.add(Observation("HR", 70.0, received, "test"))

    series = history.series("HR")
    data_bytes = series.times_s.nbytes + series.values.nbytes + series.manual.nbytes
    assert len(series.times_s) == 8 * 3600
    assert data_bytes <= history.nbytes <= 2 * data_bytes


def test_a_small_history_holds_one_initial_block() -> None:
    history = TrendHistory()
    history.add(observation("HR", 70.0, 0))

    assert history.nbytes == TREND_INITIAL_CAPACITY * (8 + 8 + 1)
