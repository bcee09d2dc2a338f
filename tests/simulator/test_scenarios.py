"""Scripted scenarios: the file format and its validation, and what the model does with a script."""

from __future__ import annotations

import dataclasses
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pytest
from test_model import artefact_config, assert_same_frames, clean_config, run, wave

from ketaconsole.core.parameters import parameter
from ketaconsole.simulator.base import SimFrame
from ketaconsole.simulator.config import SimulatorConfig, load_simulator_config
from ketaconsole.simulator.model import PhysiologyModel
from ketaconsole.simulator.scenario import (
    Scenario,
    ScenarioError,
    load_scenario,
    parse_scenario,
    resolve_scenario,
    shipped_scenario_paths,
)

HEADER = 'id = "test"\nname = "Test"\ndescription = "A scenario for the tests."\n'


def scenario(steps: str, config: SimulatorConfig | None = None) -> Scenario:
    """A scenario made of ``steps`` (TOML ``[[step]]`` tables), checked against ``config``."""
    return parse_scenario((HEADER + steps).encode(), source="test.toml", config=config or clean_config())


def times(frames: list[SimFrame]) -> np.ndarray:
    """Simulated seconds of each frame since the first."""
    return np.array([frame.stamp.seconds_since(frames[0].stamp) for frame in frames])


def values(frames: list[SimFrame], key: str) -> np.ndarray:
    """``key`` in every frame, NaN where the monitor shows no value."""
    return np.array([np.nan if frame.numerics[key] is None else frame.numerics[key] for frame in frames])


def tolerance(config: SimulatorConfig, key: str) -> float:
    """How far a displayed value may lie from its baseline: the drift limit plus one display step."""
    return config.numerics[key].drift_limit + config.numerics[key].resolution


RAMP_AND_JUMP = """
[[step]]
at_s = 30
parameter = "SPO2"
to = 85
over_s = 20

[[step]]
at_s = 10
parameter = "HR"
to = 110
"""


def test_a_ramp_and_a_jump_reach_their_targets_at_the_scripted_times_and_the_drift_goes_on() -> None:
    config = clean_config()
    frames = run(PhysiologyModel(config, seed=4, scenario=scenario(RAMP_AND_JUMP)), seconds=90, tick_s=0.5)
    elapsed, spo2, hr = times(frames), values(frames, "SPO2"), values(frames, "HR")
    spo2_margin, hr_margin = tolerance(config, "SPO2"), tolerance(config, "HR")

    assert np.all(np.abs(spo2[elapsed < 30] - 98) <= spo2_margin)
    ramp = (elapsed >= 30) & (elapsed < 50)
    expected = 98 + (85 - 98) * np.floor(elapsed[ramp] - 30) / 20  # the baseline moves on the 1 s grid
    assert np.all(np.abs(spo2[ramp] - expected) <= spo2_margin)
    assert np.all(np.abs(spo2[elapsed >= 50] - 85) <= spo2_margin)
    assert spo2[elapsed >= 50].max() <= 88 and spo2[elapsed < 30].min() >= 95

    assert np.all(np.abs(hr[elapsed < 10] - 76) <= hr_margin)
    assert np.all(np.abs(hr[elapsed >= 10] - 110) <= hr_margin)
    assert len(set(hr[elapsed >= 30])) > 3, "the heart rate should keep drifting around its new baseline"


def test_a_scenario_leaves_what_it_does_not_script_exactly_as_without_it() -> None:
    config = clean_config()
    plain = run(PhysiologyModel(config, seed=8), seconds=80, tick_s=0.25)
    scripted = run(PhysiologyModel(config, seed=8, scenario=scenario(RAMP_AND_JUMP)), seconds=80, tick_s=0.25)
    for key in ("RR", "ETCO2", "TEMP", "PI", "NIBP_SYS", "NIBP_DIA"):
        np.testing.assert_array_equal(values(plain, key), values(scripted, key))
    np.testing.assert_array_equal(wave(plain, "CO2")[1], wave(scripted, "CO2")[1])
    # The SpO2 drift is the same walk, only around another baseline.
    before = times(plain) < 30
    np.testing.assert_array_equal(values(plain, "SPO2")[before], values(scripted, "SPO2")[before])


EVERYTHING = """
[[step]]
at_s = 12
parameter = "HR"
to = 130
over_s = 9.5

[[step]]
at_s = 20
parameter = "RR"
to = 0
over_s = 6

[[step]]
at_s = 64
parameter = "RR"
to = 22

[[step]]
at_s = 15
sensor_off_s = 7.3

[[step]]
at_s = 33.37
measure_nibp = true

[[step]]
at_s = 40
parameter = "ETCO2"
to = 10
over_s = 3
"""


def test_same_seed_and_scenario_give_identical_frames() -> None:
    config = artefact_config()
    script = scenario(EVERYTHING, config)
    first = run(PhysiologyModel(config, seed=42, scenario=script), seconds=100, tick_s=0.05)
    again = run(PhysiologyModel(config, seed=42, scenario=script), seconds=100, tick_s=0.05)
    assert_same_frames(first, again)


def test_waveforms_and_numerics_do_not_depend_on_tick_size_with_a_scenario() -> None:
    config = artefact_config()
    script = scenario(EVERYTHING, config)
    fine = run(PhysiologyModel(config, seed=9, scenario=script), seconds=100, tick_s=0.02)
    for coarse_tick, ratio in ((0.2, 10), (2.5, 125)):
        coarse = run(PhysiologyModel(config, seed=9, scenario=script), seconds=100, tick_s=coarse_tick)
        for name in ("ECG", "PLETH", "CO2", "RESP"):
            fine_samples, coarse_samples = wave(fine, name)[1], wave(coarse, name)[1]
            assert len(fine_samples) == len(coarse_samples) > 0
            np.testing.assert_allclose(fine_samples, coarse_samples, rtol=0, atol=1e-9, equal_nan=True)
        assert [frame.numerics for frame in fine[::ratio]] == [frame.numerics for frame in coarse]
        assert ([frame.nibp_measured_at for frame in fine[::ratio]]
                == [frame.nibp_measured_at for frame in coarse])


APNOEA = """
[[step]]
at_s = 30
parameter = "RR"
to = 0

[[step]]
at_s = 70
parameter = "RR"
to = 14
"""


def breath_onsets(frames: list[SimFrame]) -> np.ndarray:
    """Times where the capnogram rises through half the end-tidal value (the start of an expiration)."""
    sample_times, co2 = wave(frames, "CO2")
    half = 37 / 2
    return sample_times[1:][(co2[:-1] < half) & (co2[1:] >= half)]


def test_apnoea_has_no_breaths_a_flat_capnogram_at_fico2_and_rr_zero_then_breathing_resumes() -> None:
    config = clean_config()
    frames = run(PhysiologyModel(config, seed=6, scenario=scenario(APNOEA)), seconds=110, tick_s=0.1)
    elapsed, rr = times(frames), values(frames, "RR")
    assert np.all(rr[(elapsed >= 30) & (elapsed < 70)] == 0)
    assert np.all(rr[elapsed < 30] > 0) and np.all(rr[elapsed >= 70] > 0)

    onsets = breath_onsets(frames)
    assert len(onsets[onsets < 30]) >= 5
    assert len(onsets[(onsets >= 30) & (onsets < 70)]) == 0
    assert len(onsets[onsets >= 70]) >= 6

    sample_times, co2 = wave(frames, "CO2")
    # The breath under way at 30 s falls back within a second; then only noise around FICO2 (0 mmHg).
    flat = (sample_times >= 31) & (sample_times < 70)
    assert np.all(np.abs(co2[flat] - frames[0].numerics["FICO2"]) <= 1)
    resp_times, resp = wave(frames, "RESP")
    still = resp[(resp_times >= 30) & (resp_times < 70)]
    assert still.max() - still.min() <= 10 * config.resp.noise_sd
    breathing = resp[(resp_times >= 80)]
    assert breathing.max() - breathing.min() >= config.resp.amplitude


def test_rr_scripted_below_its_drift_limit_never_goes_negative_and_reaches_exactly_zero() -> None:
    config = clean_config()
    script = scenario('[[step]]\nat_s = 5\nparameter = "RR"\nto = 1\nover_s = 5\n'
                      '[[step]]\nat_s = 60\nparameter = "RR"\nto = 0\nover_s = 10\n')
    frames = run(PhysiologyModel(config, seed=12, scenario=script), seconds=200, tick_s=0.5)
    elapsed, rr = times(frames), values(frames, "RR")
    assert rr.min() >= 0
    # Around a baseline of 1 /min the drift shrinks to ± 1/3 of the drift limit: 0 … 2 /min.
    assert set(rr[(elapsed >= 10) & (elapsed < 60)]) <= {0.0, 1.0, 2.0}
    assert np.all(rr[elapsed >= 70] == 0)
    onsets = breath_onsets(frames)
    assert len(onsets[onsets >= 70]) == 0, "a 0 /min baseline that never ends must stop breathing for good"


NIBP = """
[[step]]
at_s = 20
parameter = "NIBP_SYS"
to = 190

[[step]]
at_s = 20
parameter = "NIBP_DIA"
to = 115

[[step]]
at_s = 45
measure_nibp = true
"""


def test_a_scripted_cuff_measurement_appears_at_its_time_with_the_scripted_values() -> None:
    config = clean_config()
    frames = run(PhysiologyModel(config, seed=2, scenario=scenario(NIBP)), seconds=120, tick_s=0.5)
    origin = frames[0].stamp
    measured = {f.nibp_measured_at.seconds_since(origin) for f in frames if f.nibp_measured_at is not None}
    assert measured == {config.nibp.first_after_s, 45.0}

    elapsed = times(frames)
    systolic, diastolic = values(frames, "NIBP_SYS"), values(frames, "NIBP_DIA")
    regular = (elapsed >= 10) & (elapsed < 45)
    assert np.all(np.abs(systolic[regular] - 128) <= tolerance(config, "NIBP_SYS"))
    assert np.all(np.abs(systolic[elapsed >= 45] - 190) <= tolerance(config, "NIBP_SYS"))
    assert np.all(np.abs(diastolic[elapsed >= 45] - 115) <= tolerance(config, "NIBP_DIA"))
    assert np.all(systolic[elapsed >= 45] == systolic[-1]), "a reading is held until the next one"


def test_a_scripted_sensor_off_gives_no_oximeter_values_and_a_pleth_gap_for_exactly_its_time() -> None:
    config = clean_config()
    script = scenario("[[step]]\nat_s = 20\nsensor_off_s = 15\n")
    frames = run(PhysiologyModel(config, seed=3, scenario=script), seconds=50, tick_s=0.1)
    elapsed = times(frames)
    off = (elapsed >= 20 - 1e-9) & (elapsed < 35 - 1e-9)
    for frame, detached in zip(frames, off, strict=True):
        oximeter = [frame.numerics[key] for key in ("SPO2", "PR", "PI")]
        if detached:
            assert frame.sensor_off == {"SPO2"} and oximeter == [None, None, None]
        else:
            assert not frame.sensor_off and None not in oximeter
        assert frame.numerics["HR"] is not None
    sample_times, pleth = wave(frames, "PLETH")
    gap = (sample_times >= 20) & (sample_times < 35)
    assert np.isnan(pleth[gap]).all() and not np.isnan(pleth[~gap]).any()


def test_steps_may_come_in_any_order() -> None:
    config = clean_config()
    ordered = scenario(APNOEA + RAMP_AND_JUMP)
    shuffled = scenario(RAMP_AND_JUMP + APNOEA)
    assert_same_frames(run(PhysiologyModel(config, seed=1, scenario=ordered), seconds=80, tick_s=0.5),
                       run(PhysiologyModel(config, seed=1, scenario=shuffled), seconds=80, tick_s=0.5))
    assert [step.at_s for step in shuffled.timeline()] == [10, 30, 30, 70]


def test_a_ramp_starts_from_the_target_of_the_previous_change() -> None:
    script = scenario('[[step]]\nat_s = 10\nparameter = "TEMP"\nto = 38\n'
                      '[[step]]\nat_s = 20\nparameter = "TEMP"\nto = 37\nover_s = 10\n')
    curve = script.baseline("TEMP", 36.7)
    moments = (0, 9.9, 10, 20, 25, 30, 99)
    assert [curve.at(t) for t in moments] == pytest.approx([36.7, 36.7, 38, 38, 37.5, 37, 37])


def test_the_model_refuses_a_scenario_that_does_not_suit_the_patient() -> None:
    script = scenario('[[step]]\nat_s = 10\nparameter = "SPO2"\nto = 97\n')
    config = clean_config()
    numerics = dict(config.numerics)
    numerics["SPO2"] = dataclasses.replace(numerics["SPO2"], baseline=95, drift_limit=4)
    wide_drift = dataclasses.replace(config, numerics=MappingProxyType(numerics))
    with pytest.raises(ValueError, match=r"scenario 'test': step\.0\.to: SPO2 97 ± the patient's drift lim"):
        PhysiologyModel(wide_drift, seed=1, scenario=script)


@pytest.mark.parametrize(("steps", "expected"), [
    ('author = "me"\n[[step]]\nat_s = 1\nmeasure_nibp = true\n', "author: Extra inputs are not permitted"),
    ("[[step]]\nat_s = 1\nmeasure_nibp = true\nduration_s = 4\n", "step.0.duration_s: Extra inputs"),
    ('[[step]]\nat_s = 1\nparameter = "SP02"\nto = 90\n', "step.0.parameter: Value error, unknown parameter"),
    ('[[step]]\nat_s = 1\nparameter = "SPO2"\nto = 105\n',
     "step.0.to: Value error, SPO2 target 105 lies outside"),
    ('[[step]]\nat_s = 1\nmeasure_nibp = true\n[[step]]\nat_s = 1\nparameter = "SPO2"\nto = 99\n',
     "step.1.to: SPO2 99 ± the patient's drift limit 2 leaves the plausible range"),
    ('[[step]]\nat_s = 1\nparameter = "RR"\nto = 79\n', "step.0.to: RR 79 ± the patient's drift limit 3"),
    ('[[step]]\nat_s = 1\nparameter = "HR"\nto = 25\n', "step.0.to: HR 25 ± the patient's drift limit 8"),
    ("[[step]]\nat_s = 1\nsensor_off_s = 5\nmeasure_nibp = true\n",
     "step.0: Value error, a step has exactly one action"),
    ('[[step]]\nat_s = 1\nparameter = "HR"\nto = 90\nmeasure_nibp = true\n', "step.0: Value error, a step"),
    ("[[step]]\nat_s = 1\n", "this one has none"),
    ('[[step]]\nat_s = 1\nparameter = "HR"\n', "step.0: Value error, parameter and to go together"),
    ("[[step]]\nat_s = 1\nsensor_off_s = 5\nover_s = 3\n", "step.0: Value error, over_s belongs"),
    ('[[step]]\nat_s = 10\nparameter = "HR"\nto = 90\nover_s = 30\n'
     '[[step]]\nat_s = 0\nmeasure_nibp = true\n'
     '[[step]]\nat_s = 39\nparameter = "HR"\nto = 70\nover_s = 5\n',
     "step: Value error, step 2 changes HR at 39 s while step 0 changes it from 10 s to 40 s"),
    ('[[step]]\nat_s = 10\nparameter = "HR"\nto = 90\n[[step]]\nat_s = 10\nparameter = "HR"\nto = 70\n',
     "must not overlap"),
    ("[[step]]\nat_s = -5\nmeasure_nibp = true\n", "step.0.at_s: Input should be greater than or equal to 0"),
    ("[[step]]\nat_s = 5\nsensor_off_s = 0\n", "step.0.sensor_off_s: Input should be greater than 0"),
    ("[[step]]\nat_s = 5\nmeasure_nibp = false\n", "step.0.measure_nibp: Input should be True"),
    ("[[step]]\nat_s = nan\nmeasure_nibp = true\n", "step.0.at_s"),
    ('[[step]]\nat_s = 5\nparameter = "NIBP_DIA"\nto = 110\n',
     "step: at 5 s NIBP_SYS (128 − 12) would not stay above NIBP_DIA (110 + 8)"),
    ("step = []\n", "step: Value error, a scenario needs at least one [[step]]"),
    ("", "step: Field required"),
    ("[[step]\n", "not a readable TOML file"),
])
def test_a_malformed_scenario_is_refused_naming_the_file_and_the_field(steps: str, expected: str) -> None:
    with pytest.raises(ScenarioError) as refused:
        scenario(steps)
    message = str(refused.value)
    assert message.startswith("test.toml: ")
    assert expected in message


def test_an_unknown_shipped_name_lists_the_shipped_ones_and_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match=r"no shipped scenario 'choking'.*desaturation"):
        resolve_scenario("choking", clean_config())
    missing = tmp_path / "mine.toml"
    with pytest.raises(ScenarioError, match=f"{missing}: cannot be read"):
        resolve_scenario(str(missing), clean_config())


# The shipped scenarios, run through the model with the shipped patient (artefacts off, so a random
# sensor-off episode cannot hide the effect the script is about).

SHIPPED = {path.stem: path for path in shipped_scenario_paths()}


def test_the_four_shipped_scenarios_exist_are_valid_and_named_after_their_id() -> None:
    assert set(SHIPPED) >= {"desaturation", "hypertensive-response", "apnoea", "sensor-off"}
    for name, path in SHIPPED.items():
        loaded = load_scenario(path, load_simulator_config())
        assert loaded.id == name
        assert "FOR TRAINING ONLY" in path.read_text(encoding="utf-8")
        assert resolve_scenario(name, load_simulator_config()) == loaded


def shipped_run(name: str, seconds: float, tick_s: float = 0.5, seed: int = 5) -> list[SimFrame]:
    config = clean_config()
    return run(PhysiologyModel(config, seed, load_scenario(SHIPPED[name], config)), seconds, tick_s)


def longest_stretch(elapsed: np.ndarray, condition: np.ndarray) -> float:
    """The longest time (s) over which ``condition`` holds in consecutive frames."""
    longest, start = 0.0, None
    for time_s, holds in zip(elapsed, condition, strict=True):
        if holds and start is None:
            start = time_s
        elif not holds and start is not None:
            longest, start = max(longest, time_s - start), None
    if start is not None:
        longest = max(longest, elapsed[-1] - start)
    return longest


@pytest.mark.parametrize("seed", [1, 5, 9])
def test_desaturation_keeps_spo2_at_or_below_88_for_over_a_minute_then_recovers(seed: int) -> None:
    frames = shipped_run("desaturation", seconds=240, seed=seed)
    elapsed, spo2 = times(frames), values(frames, "SPO2")
    assert longest_stretch(elapsed, spo2 <= 88) > 60
    assert spo2[elapsed < 30].min() >= 96 and spo2[elapsed >= 180].min() >= 95


@pytest.mark.parametrize("seed", [1, 5, 9])
def test_hypertensive_response_rises_over_successive_cuff_readings_to_about_190_115_and_settles(
        seed: int) -> None:
    frames = shipped_run("hypertensive-response", seconds=600, tick_s=1.0, seed=seed)
    origin = frames[0].stamp
    readings = {}
    for frame in frames:
        if frame.nibp_measured_at is not None:
            readings[frame.nibp_measured_at.seconds_since(origin)] = (
                frame.numerics["NIBP_SYS"], frame.numerics["NIBP_DIA"])
    rising = [systolic for time_s, (systolic, _) in sorted(readings.items()) if 60 <= time_s <= 300]
    assert len(rising) >= 4
    assert rising[-1] - rising[0] >= 25
    peak_systolic, peak_diastolic = max(readings.values())
    assert abs(peak_systolic - 190) <= 13 and abs(peak_diastolic - 115) <= 9
    assert max(readings) <= 600
    last_systolic, last_diastolic = readings[max(readings)]
    assert last_systolic <= 150 and last_diastolic <= 92


def test_apnoea_stops_breathing_for_40_s_with_falling_etco2_and_later_falling_spo2() -> None:
    frames = shipped_run("apnoea", seconds=220, tick_s=0.1)
    elapsed, rr, etco2, spo2 = (times(frames), values(frames, "RR"), values(frames, "ETCO2"),
                                values(frames, "SPO2"))
    apnoeic = (elapsed >= 60) & (elapsed < 100)
    # The recovery ramp starts from 0 at 100 s, so the first breathing step is the one at 101 s.
    assert np.all(rr[apnoeic] == 0) and np.all(rr[(elapsed < 60) | (elapsed >= 101)] > 0)
    onsets = breath_onsets(frames)
    assert not np.any((onsets >= 60) & (onsets < 100)) and np.any(onsets >= 100)
    sample_times, co2 = wave(frames, "CO2")
    assert np.all(co2[(sample_times >= 61) & (sample_times < 100)] <= 1)
    assert etco2[(elapsed >= 80) & (elapsed < 100)].max() <= 9 < etco2[elapsed < 60].min()
    assert spo2[elapsed < 75].min() >= 96 and spo2[(elapsed >= 105) & (elapsed < 120)].min() <= 91
    assert spo2[elapsed >= 200].min() >= 95


def test_sensor_off_takes_the_oximeter_away_for_45_s() -> None:
    frames = shipped_run("sensor-off", seconds=150, tick_s=0.25)
    elapsed = times(frames)
    detached = np.array([bool(frame.sensor_off) for frame in frames])
    np.testing.assert_array_equal(detached, (elapsed >= 60) & (elapsed < 105))
    assert np.isnan(values(frames, "SPO2")[detached]).all()
    assert not np.isnan(values(frames, "SPO2")[~detached]).any()
    sample_times, pleth = wave(frames, "PLETH")
    assert np.isnan(pleth[(sample_times >= 60) & (sample_times < 105)]).all()


def test_units_in_a_timeline_come_from_the_registry() -> None:
    step = scenario('[[step]]\nat_s = 5\nparameter = "ETCO2"\nto = 20\nover_s = 10\n').steps[0]
    assert step.describe() == f"ETCO2 to 20 {parameter('ETCO2').unit} over 10 s"


def test_breath_onsets_helper_sees_the_normal_breathing_rate() -> None:
    frames = run(PhysiologyModel(clean_config(), seed=6), seconds=60, tick_s=0.1)
    rates = [later - earlier for earlier, later in pairwise(breath_onsets(frames))]
    assert 60 / 17 <= float(np.median(rates)) <= 60 / 11
