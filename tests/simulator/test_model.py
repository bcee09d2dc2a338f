"""The physiological model: waveforms agree with numerics, NIBP cycle, determinism, tick independence."""

from __future__ import annotations

import dataclasses
from itertools import pairwise
from types import MappingProxyType

import numpy as np
import pytest

from ketaconsole.core.clock import ManualClock
from ketaconsole.simulator.base import SimFrame
from ketaconsole.simulator.config import NumericDefaults, SimulatorConfig, load_simulator_config
from ketaconsole.simulator.model import PhysiologyModel


def clean_config(**baselines: float) -> SimulatorConfig:
    """The shipped defaults without artefacts, with the given numerics moved to other baselines."""
    config = load_simulator_config()
    numerics = dict(config.numerics)
    for key, baseline in baselines.items():
        numerics[key] = dataclasses.replace(numerics[key], baseline=baseline)
    return dataclasses.replace(
        config,
        numerics=MappingProxyType(numerics),
        sensor_off=dataclasses.replace(config.sensor_off, episodes_per_min=0),
        pleth_motion=dataclasses.replace(config.pleth_motion, episodes_per_min=0),
    )


def artefact_config() -> SimulatorConfig:
    """The shipped defaults with frequent sensor-off and motion episodes."""
    config = load_simulator_config()
    return dataclasses.replace(
        config,
        sensor_off=dataclasses.replace(config.sensor_off, episodes_per_min=6),
        pleth_motion=dataclasses.replace(config.pleth_motion, episodes_per_min=6),
    )


def run(model: PhysiologyModel, seconds: float, tick_s: float) -> list[SimFrame]:
    """Frames of ``model`` from time 0 to ``seconds`` in ticks of ``tick_s`` (both included)."""
    clock = ManualClock()
    frames = [model.advance(clock.now())]
    for _ in range(round(seconds / tick_s)):
        clock.advance(tick_s)
        frames.append(model.advance(clock.now()))
    return frames


def wave(frames: list[SimFrame], name: str) -> tuple[np.ndarray, np.ndarray]:
    """Sample times (s since the first frame) and samples of one wave across ``frames``."""
    samples = np.concatenate([frame.waves[name].samples for frame in frames])
    rate = frames[-1].waves[name].sample_rate_hz
    return np.arange(len(samples)) / rate, samples


def peak_times(times: np.ndarray, samples: np.ndarray, threshold: float, min_gap_s: float) -> np.ndarray:
    """Times of local maxima above ``threshold`` that are the highest within ± ``min_gap_s``."""
    rate = 1 / (times[1] - times[0])
    half = max(1, round(min_gap_s * rate))
    padded = np.pad(samples, half, constant_values=-np.inf)
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * half + 1)
    is_peak = (samples >= threshold) & (samples == windows.max(axis=1))
    return times[is_peak]


def expected_events(frames: list[SimFrame], rate_key: str) -> float:
    """Events implied by a per-minute rate numeric, integrated over the frames (left values)."""
    return sum(
        earlier.numerics[rate_key] / 60 * later.stamp.seconds_since(earlier.stamp)
        for earlier, later in pairwise(frames)
    )


@pytest.mark.parametrize("heart_rate", [76, 140])
def test_ecg_r_waves_match_heart_rate_and_each_is_followed_by_one_pleth_pulse(heart_rate: int) -> None:
    config = clean_config(HR=heart_rate)
    frames = run(PhysiologyModel(config, seed=7), seconds=60, tick_s=0.02)

    r_waves = peak_times(*wave(frames, "ECG"), threshold=0.6, min_gap_s=0.15)
    assert abs(len(r_waves) - expected_events(frames, "HR")) <= 1

    pleth_times, pleth = wave(frames, "PLETH")
    pulses = peak_times(pleth_times, pleth, threshold=0.6 * np.median(pleth[pleth > 0.5 * pleth.max()]),
                        min_gap_s=0.15)
    assert abs(len(pulses) - len(r_waves)) <= 1
    whole_pulses = pulses[(pulses > r_waves[0]) & (pulses < pleth_times[-1] - 0.1)]
    delays = np.array([pulse - r_waves[r_waves < pulse].max() for pulse in whole_pulses])
    configured_delay = config.pleth.components[0].offset_s
    # Two pleth samples (16 ms) of jitter from sampling and noise; a missed or extra pulse is ~0.4 s off.
    assert np.all(np.abs(delays - configured_delay) <= 2 / config.pleth.sample_rate_hz)


def test_hr_numeric_drifts_within_its_bounds_and_pr_follows_it() -> None:
    config = clean_config()
    frames = run(PhysiologyModel(config, seed=3), seconds=600, tick_s=1.0)
    heart_rates = np.array([frame.numerics["HR"] for frame in frames])
    hr = config.numerics["HR"]
    assert heart_rates.min() >= hr.lowest and heart_rates.max() <= hr.highest
    assert len(set(heart_rates)) > 1
    assert all(frame.numerics["PR"] == frame.numerics["HR"] for frame in frames)


@pytest.mark.parametrize("respiratory_rate", [14, 24])
def test_capnogram_breathes_at_rr_with_plateaus_at_etco2_and_baseline_at_fico2(respiratory_rate: int) -> None:
    config = clean_config(RR=respiratory_rate)
    frames = run(PhysiologyModel(config, seed=11), seconds=60, tick_s=0.02)
    times, co2 = wave(frames, "CO2")

    end_tidal = np.array([frame.numerics["ETCO2"] for frame in frames])
    rising = np.flatnonzero((co2[:-1] < end_tidal.mean() / 2) & (co2[1:] >= end_tidal.mean() / 2))
    assert abs(len(rising) - expected_events(frames, "RR")) <= 1

    frame_times = np.array([frame.stamp.seconds_since(frames[0].stamp) for frame in frames])
    for start, end in pairwise(rising):
        breath = co2[start:end]
        shown = end_tidal[np.searchsorted(frame_times, times[end])]
        assert abs(breath.max() - shown) <= 2
        assert breath.min() <= frames[0].numerics["FICO2"] + 1


def test_resp_wave_has_one_cycle_per_breath() -> None:
    frames = run(PhysiologyModel(clean_config(), seed=5), seconds=60, tick_s=0.05)
    _, resp = wave(frames, "RESP")
    downward_crossings = np.flatnonzero((resp[:-1] >= 0) & (resp[1:] < 0))
    assert abs(len(downward_crossings) - expected_events(frames, "RR")) <= 1


def test_nibp_is_measured_on_its_cycle_and_held_between_measurements() -> None:
    config = clean_config()
    frames = run(PhysiologyModel(config, seed=2), seconds=400, tick_s=0.5)
    origin = frames[0].stamp
    measured = {
        frame.nibp_measured_at.seconds_since(origin) for frame in frames if frame.nibp_measured_at is not None
    }
    assert measured == {10.0, 190.0, 370.0}

    for frame in frames:
        elapsed = frame.stamp.seconds_since(origin)
        values = [frame.numerics[key] for key in ("NIBP_SYS", "NIBP_DIA", "NIBP_MEAN")]
        if elapsed < config.nibp.first_after_s:
            assert values == [None, None, None] and frame.nibp_measured_at is None
            continue
        systolic, diastolic, mean = values
        assert systolic is not None and diastolic is not None and mean is not None
        assert abs(mean - (diastolic + (systolic - diastolic) / 3)) <= 1
        assert frame.nibp_measured_at.seconds_since(origin) == max(m for m in measured if m <= elapsed)

    for earlier, later in pairwise(frames):
        if earlier.nibp_measured_at == later.nibp_measured_at:
            assert earlier.numerics["NIBP_SYS"] == later.numerics["NIBP_SYS"]
            assert earlier.numerics["NIBP_DIA"] == later.numerics["NIBP_DIA"]


def assert_same_frames(first: list[SimFrame], second: list[SimFrame]) -> None:
    assert len(first) == len(second)
    for a, b in zip(first, second, strict=True):
        assert a.numerics == b.numerics and a.sensor_off == b.sensor_off
        for name in a.waves:
            np.testing.assert_array_equal(a.waves[name].samples, b.waves[name].samples)


def test_same_seed_gives_identical_frames_and_another_seed_differs() -> None:
    config = artefact_config()
    first = run(PhysiologyModel(config, seed=42), seconds=120, tick_s=0.05)
    again = run(PhysiologyModel(config, seed=42), seconds=120, tick_s=0.05)
    assert_same_frames(first, again)

    other = run(PhysiologyModel(config, seed=43), seconds=120, tick_s=0.05)
    assert [f.numerics for f in first] != [f.numerics for f in other]
    assert not np.array_equal(wave(first, "ECG")[1], wave(other, "ECG")[1])


def test_waveforms_and_numerics_do_not_depend_on_tick_size() -> None:
    config = artefact_config()
    fine = run(PhysiologyModel(config, seed=9), seconds=90, tick_s=0.01)
    coarse = run(PhysiologyModel(config, seed=9), seconds=90, tick_s=0.1)

    for name in ("ECG", "PLETH", "CO2", "RESP"):
        fine_samples, coarse_samples = wave(fine, name)[1], wave(coarse, name)[1]
        assert len(fine_samples) == len(coarse_samples) > 0
        np.testing.assert_allclose(fine_samples, coarse_samples, rtol=0, atol=1e-9, equal_nan=True)
    assert [frame.numerics for frame in fine[::10]] == [frame.numerics for frame in coarse]


def test_sensor_off_gives_no_oximeter_values_and_a_pleth_gap_never_a_stale_number() -> None:
    config = artefact_config()
    frames = run(PhysiologyModel(config, seed=21), seconds=180, tick_s=0.1)
    off = [frame for frame in frames if frame.sensor_off == {"SPO2"}]
    on = [frame for frame in frames if not frame.sensor_off]
    assert off and on

    for frame in off:
        assert [frame.numerics[key] for key in ("SPO2", "PR", "PI")] == [None, None, None]
        assert frame.numerics["HR"] is not None
    for frame in on:
        assert all(frame.numerics[key] is not None for key in ("SPO2", "PR", "PI"))

    for earlier, later in pairwise(frames):
        pleth = later.waves["PLETH"].samples
        if earlier.sensor_off and later.sensor_off:
            assert np.isnan(pleth).all()
        if not earlier.sensor_off and not later.sensor_off:
            assert not np.isnan(pleth).any()


def test_a_frame_carries_exactly_the_samples_since_the_previous_frame() -> None:
    config = clean_config()
    frames = run(PhysiologyModel(config, seed=1), seconds=10, tick_s=0.25)
    assert all(len(frame.waves["ECG"].samples) == 0 for frame in frames[:1])
    assert all(len(frame.waves["ECG"].samples) == 125 for frame in frames[1:])
    assert len(wave(frames, "PLETH")[1]) == 10 * config.pleth.sample_rate_hz


def test_model_refuses_to_go_back_in_time() -> None:
    clock = ManualClock()
    start = clock.now()
    clock.advance(5)
    model = PhysiologyModel(clean_config(), seed=1)
    model.advance(clock.now())
    model.advance(clock.now())
    with pytest.raises(ValueError, match="back in time"):
        model.advance(start)


def test_configuration_refuses_a_drift_range_outside_the_plausible_range() -> None:
    config = load_simulator_config()
    numerics = dict(config.numerics)
    numerics["SPO2"] = NumericDefaults(
        baseline=99, resolution=1, drift_limit=2, drift_sd_per_sqrt_s=0.1, drift_revert_s=60
    )
    with pytest.raises(ValueError, match="SPO2"):
        dataclasses.replace(config, numerics=MappingProxyType(numerics))
