"""Clocks and the observation invariants (a device's invalid marker never becomes a number)."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest

from ketaconsole.core.clock import ManualClock, ScaledClock, SystemClock
from ketaconsole.core.observations import AbsentReason, Observation, WaveformChunk


def test_manual_clock_moves_both_clocks_together():
    clock = ManualClock()
    start = clock.now()
    clock.advance(2.5)
    later = clock.now()
    assert later.seconds_since(start) == 2.5
    assert (later.utc - start.utc).total_seconds() == 2.5
    with pytest.raises(ValueError):
        clock.advance(-1)


def test_shifted_stamp_moves_both_clocks():
    stamp = ManualClock().now()
    earlier = stamp.shifted(-0.25)
    assert stamp.seconds_since(earlier) == 0.25
    assert (stamp.utc - earlier.utc).total_seconds() == 0.25


def test_scaled_clock_runs_faster_than_real_time():
    real = SystemClock()
    scaled = ScaledClock(50.0, base=real)
    real_start, scaled_start = real.now(), scaled.now()
    time.sleep(0.05)
    real_elapsed = real.now().seconds_since(real_start)
    scaled_elapsed = scaled.now().seconds_since(scaled_start)
    assert scaled_elapsed == pytest.approx(real_elapsed * 50, rel=0.2)
    with pytest.raises(ValueError):
        ScaledClock(0)


def test_an_observation_is_either_a_finite_number_or_absent_with_a_reason():
    stamp = ManualClock().now()
    assert Observation("HR", 72.0, stamp, "dev").absent_reason is None
    absent = Observation.absent("HR", AbsentReason.INVALID, stamp, "dev")
    assert absent.value is None
    with pytest.raises(ValueError, match="absent_reason"):
        Observation("HR", None, stamp, "dev")
    with pytest.raises(ValueError, match="cannot also"):
        Observation("HR", 72.0, stamp, "dev", AbsentReason.INVALID)
    for impossible in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValueError, match="finite"):
            Observation("HR", impossible, stamp, "dev")


def test_waveform_chunks_are_read_only_float32_with_nan_gaps():
    stamp = ManualClock().now()
    chunk = WaveformChunk("ECG", stamp, 500.0, [0.1, float("nan"), 0.3], "dev")
    assert chunk.samples.dtype == np.float32
    assert chunk.duration_s == pytest.approx(3 / 500)
    assert math.isnan(chunk.samples[1])
    with pytest.raises(ValueError):
        chunk.samples[0] = 1.0
    with pytest.raises(ValueError):
        WaveformChunk("ECG", stamp, 0.0, [0.1], "dev")
    with pytest.raises(ValueError):
        WaveformChunk("ECG", stamp, 500.0, [[0.1]], "dev")
