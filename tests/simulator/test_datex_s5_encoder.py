"""DatexS5Encoder: silent until asked, honours intervals and wave requests, round-trips through the driver."""

import itertools
import math
from datetime import UTC, datetime

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import AbsentReason, Observation, WaveformChunk
from ketaconsole.core.parameters import parameter
from ketaconsole.devices.datex_s5 import GAS_FIELDS, NUMERIC_FIELDS, DatexS5Driver
from ketaconsole.devices.datex_s5_framing import frame
from ketaconsole.devices.datex_s5_records import (
    CLASS_DENY_BASIC,
    WaveType,
    displayed_values_request,
    waveform_request,
)
from ketaconsole.simulator.base import SimFrame, WaveSlice
from ketaconsole.simulator.datex_s5_encoder import DatexS5Encoder, WaveResampler

PROPERTIES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
AMBIENT_MMHG = 760.0
VITALS = {"HR": 72, "SPO2": 97, "PR": 71, "NIBP_SYS": 121, "NIBP_DIA": 79, "NIBP_MEAN": 93, "TEMP": 36.6,
          "ETCO2": 38, "FICO2": 0.3, "RR": 14}


class Bench:
    """A driver connected to an encoder, on one manual clock."""

    def __init__(self, start: datetime | None = None) -> None:
        self.clock = ManualClock(start)
        self.driver = DatexS5Driver(self.clock, "sim")
        self.encoder = DatexS5Encoder(ambient_mmhg=AMBIENT_MMHG)

    def connect(self) -> None:
        self.encoder.receive(self.driver.requests_on_connect())

    def tick(self, numerics=VITALS, waves=None, seconds: float = 0.1) -> list:
        wire = self.encoder.produce(SimFrame(self.clock.now(), numerics, waves or {}))
        outputs = list(self.driver.feed(wire))
        self.clock.advance(seconds)
        return outputs


def records(outputs) -> list[dict[str, Observation]]:
    """Observations grouped per displayed-values record (each record starts with HR)."""
    grouped: list[dict[str, Observation]] = []
    for output in outputs:
        if isinstance(output, Observation):
            if output.parameter == "HR":
                grouped.append({})
            grouped[-1][output.parameter] = output
    return grouped


def test_silent_until_a_displayed_values_request_arrives():
    bench = Bench()
    bench.encoder.receive(b"\x00\x7e\x01\x02\x7e garbage \x7d\x7e")
    bench.encoder.receive(frame(displayed_values_request(5)[:-3]))  # malformed request
    bench.encoder.receive(frame(b"\x30\x00" + displayed_values_request(5)[2:]))  # wrong r_len
    wires = [bench.encoder.produce(SimFrame(bench.clock.now(), VITALS)) for _ in range(3)]
    assert wires == [b"", b"", b""]
    bench.encoder.receive(frame(displayed_values_request(5)))
    assert records(bench.tick())[0]["HR"].value == 72


def test_one_record_every_interval_until_interval_zero_stops_it():
    bench = Bench()
    bench.encoder.receive(frame(displayed_values_request(5)))
    got = [r for _ in range(60) for r in records(bench.tick(seconds=0.5))]
    assert len(got) == 6
    times = [r["HR"].device_time for r in got]
    assert [(b - a).total_seconds() for a, b in itertools.pairwise(times)] == [5.0] * 5
    bench.encoder.receive(frame(displayed_values_request(0)))
    assert [o for _ in range(40) for o in bench.tick(seconds=0.5)] == []


def test_single_shot_sends_exactly_one_record():
    bench = Bench()
    bench.encoder.receive(frame(displayed_values_request(-1)))
    assert len([r for _ in range(30) for r in records(bench.tick(seconds=1))]) == 1


def test_denying_the_basic_class_stops_the_records():
    bench = Bench()
    bench.encoder.receive(frame(displayed_values_request(5)))
    assert len(records(bench.tick())) == 1
    bench.encoder.receive(frame(displayed_values_request(5, CLASS_DENY_BASIC)))
    assert [o for _ in range(100) for o in bench.tick(seconds=0.5)] == []


def resolution(key: str) -> float:
    for spec in NUMERIC_FIELDS:
        if spec.parameter == key:
            return 0.5 / spec.counts_per_unit
    gas = next(spec for spec in GAS_FIELDS if spec.parameter == key)
    return 0.5 / gas.counts_per_unit / 100 * AMBIENT_MMHG


def optional_value(key: str) -> st.SearchStrategy:
    spec = parameter(key)
    return st.none() | st.floats(spec.plausible_min, spec.plausible_max, allow_nan=False)


ALL_KEYS = [spec.parameter for spec in NUMERIC_FIELDS + GAS_FIELDS]


@PROPERTIES
@given(numerics=st.fixed_dictionaries({}, optional={key: optional_value(key) for key in ALL_KEYS}),
       start=st.datetimes(datetime(2000, 1, 1), datetime(2099, 1, 1), timezones=st.just(UTC)))
def test_numerics_round_trip_within_the_protocol_resolution(numerics, start):
    bench = Bench(start)
    bench.connect()
    (record,) = records(bench.tick(numerics))
    assert sorted(record) == sorted(ALL_KEYS)
    for key, observation in record.items():
        sent = numerics.get(key)
        if sent is None:
            assert observation.value is None and observation.absent_reason is AbsentReason.INVALID, key
        else:
            assert observation.value == pytest.approx(sent, abs=resolution(key) + 1e-9), key
        assert observation.device_time == start.replace(microsecond=0)


def test_values_beyond_the_field_are_sent_as_over_and_under_range():
    bench = Bench()
    bench.connect()
    (record,) = records(bench.tick({"HR": 40_000, "IBP1_DIA": -400.0, "TEMP": math.inf}))
    assert record["HR"].absent_reason is AbsentReason.OVER_RANGE
    assert record["IBP1_DIA"].absent_reason is AbsentReason.UNDER_RANGE
    assert record["TEMP"].absent_reason is AbsentReason.INVALID


def run_waves(bench: Bench, seconds: float, ecg: np.ndarray, pleth: np.ndarray, co2: np.ndarray) -> list:
    """Feed waves in 0.1 s ticks (ECG 300/s, pleth 125/s, CO2 25/s); return the decoded outputs."""
    outputs = []
    for tick in range(round(seconds * 10)):
        waves = {"ECG": WaveSlice(300.0, ecg[tick * 30:(tick + 1) * 30]),
                 "PLETH": WaveSlice(125.0, pleth[tick * 25 // 2:(tick + 1) * 25 // 2]),
                 "CO2": WaveSlice(25.0, co2[tick * 5 // 2:(tick + 1) * 5 // 2])}
        outputs += bench.tick(waves=waves)
    return outputs


def chunks_of(outputs, wave: str) -> list[WaveformChunk]:
    return [o for o in outputs if isinstance(o, WaveformChunk) and o.wave == wave]


def test_waves_stream_at_native_rates_in_several_records_per_second_and_round_trip():
    bench = Bench()
    bench.connect()
    rng = np.random.default_rng(7)
    ecg = rng.uniform(-3, 3, 3000)
    ecg[100:110] = np.nan
    co2 = rng.uniform(0, 45, 250)
    outputs = run_waves(bench, 10, ecg, np.linspace(0, 50, 1250), co2)
    ecg_chunks, pleth_chunks, co2_chunks = (chunks_of(outputs, w) for w in ("ECG", "PLETH", "CO2"))
    assert {c.sample_rate_hz for c in ecg_chunks} == {300.0}
    assert {c.sample_rate_hz for c in pleth_chunks} == {100.0}
    assert {c.sample_rate_hz for c in co2_chunks} == {25.0}
    assert len(ecg_chunks) >= 3 * 9  # several records per second
    received = np.concatenate([c.samples for c in ecg_chunks])
    assert 2900 <= len(received) <= 3000
    np.testing.assert_allclose(received, ecg[:len(received)], atol=0.005 + 1e-6)  # NaN where NaN
    assert np.isnan(received[100:110]).all() and not np.isnan(received[110:]).any()
    pleth = np.concatenate([c.samples for c in pleth_chunks])
    assert 950 <= len(pleth) <= 1000
    np.testing.assert_allclose(pleth, np.arange(len(pleth)) / 100 * (50 / (1249 / 125)), atol=0.005 + 1e-4)
    co2_received = np.concatenate([c.samples for c in co2_chunks])
    assert 240 <= len(co2_received) <= 250
    np.testing.assert_allclose(co2_received, co2[:len(co2_received)], atol=0.005 / 100 * AMBIENT_MMHG + 1e-4)


def test_a_wave_stop_request_stops_the_waves_but_not_the_numerics():
    bench = Bench()
    bench.connect()
    signal = np.zeros(3000)
    assert chunks_of(run_waves(bench, 1, signal, signal, signal), "ECG")
    bench.encoder.receive(frame(waveform_request((WaveType.ECG1, WaveType.PLETH, WaveType.CO2), start=False)))
    outputs = run_waves(bench, 10, signal, signal, signal)
    assert not [o for o in outputs if isinstance(o, WaveformChunk)]
    assert len(records(outputs)) == 2


def test_only_the_requested_waves_are_sent():
    bench = Bench()
    bench.encoder.receive(frame(waveform_request((WaveType.PLETH,))))
    signal = np.zeros(3000)
    outputs = run_waves(bench, 2, signal, signal, signal)
    assert {o.wave for o in outputs} == {"PLETH"}
    assert bench.encoder.streaming_waves == {WaveType.PLETH}


@PROPERTIES
@given(source_hz=st.sampled_from([25.0, 50.0, 100.0, 125.0, 250.0, 500.0]),
       target_hz=st.sampled_from([25.0, 100.0, 300.0]),
       sizes=st.lists(st.integers(0, 60), min_size=1, max_size=30))
def test_resampling_a_ramp_keeps_time_continuous_across_slices(source_hz, target_hz, sizes):
    resampler = WaveResampler(target_hz)
    ramp = np.arange(sum(sizes)) / source_hz  # value = time of the sample in seconds
    bounds = np.cumsum([0, *sizes])
    output = np.concatenate([resampler.push(WaveSlice(source_hz, ramp[a:b]))
                             for a, b in itertools.pairwise(bounds)])
    np.testing.assert_allclose(output, np.arange(len(output)) / target_hz, atol=1e-9)
    last_time = (len(ramp) - 1) / source_hz if len(ramp) else -1.0
    assert len(output) == (math.floor(last_time * target_hz + 1e-9) + 1 if len(ramp) else 0)
