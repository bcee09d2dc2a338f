"""DatexS5Driver: requests, re-requests, numeric and waveform decoding, skipping and counting."""

import math
from datetime import UTC, datetime

import numpy as np
import pytest

from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import AbsentReason, Observation, WaveformChunk
from ketaconsole.core.parameters import registry
from ketaconsole.devices.base import driver_class
from ketaconsole.devices.datex_s5 import GAS_FIELDS, NUMERIC_FIELDS, DatexS5Driver
from ketaconsole.devices.datex_s5_framing import Unframer, frame
from ketaconsole.devices.datex_s5_records import (
    CLASS_REQUEST_BASIC,
    DATA_DISCONTINUITY,
    DATA_INVALID,
    DATA_NOT_CALIBRATED,
    DATA_NOT_UPDATED,
    DATA_OVER_RANGE,
    DATA_UNDER_RANGE,
    PH_DISPLAYED,
    PH_SUBRECORD_SIZE,
    BasicValues,
    DisplayedValuesRequest,
    MainType,
    SubrecordDescriptor,
    WaveformRequest,
    WaveType,
    encode_displayed_basic,
    encode_header,
    encode_wave_record,
    parse_request,
)

T0 = 1_767_258_000  # 2026-01-01 09:00:00 UTC
ALL_KEYS = [spec.parameter for spec in NUMERIC_FIELDS + GAS_FIELDS]


def displayed_record(values: BasicValues, time_s: int = T0) -> bytes:
    header = encode_header(MainType.PHYSIOLOGICAL, (SubrecordDescriptor(0, PH_DISPLAYED),), PH_SUBRECORD_SIZE,
                           time_s=time_s)
    return frame(header + encode_displayed_basic(values, time_s))


def by_parameter(outputs) -> dict[str, Observation]:
    return {o.parameter: o for o in outputs if isinstance(o, Observation)}


@pytest.fixture
def clock():
    return ManualClock()


@pytest.fixture
def driver(clock):
    return DatexS5Driver(clock, "bed-1")


def requests_in(wire: bytes):
    return [parse_request(payload) for payload in Unframer().feed(wire)]


def test_identity_and_line_settings():
    assert driver_class("datex-s5") is DatexS5Driver
    assert DatexS5Driver.serial_settings.describe() == "19200 8E1, RTS/CTS"


def test_connect_requests_basic_displayed_values_and_three_waves_at_each_level(clock):
    requests = requests_in(DatexS5Driver(clock, "s5", interval_s=7).requests_on_connect())
    displayed = [r for r in requests if isinstance(r, DisplayedValuesRequest)]
    waves = [r for r in requests if isinstance(r, WaveformRequest)]
    assert len(displayed) + len(waves) == len(requests)
    expected = (PH_DISPLAYED, 7, CLASS_REQUEST_BASIC)
    assert {(r.record_type, r.interval_s, r.class_bits) for r in displayed} == {expected}
    assert {r.dri_level for r in displayed} == {0x0B, 0x0A, 0x09, 0x08, 0x07}
    assert {(r.start, r.wave_types) for r in waves} == {(True, (WaveType.ECG1, WaveType.PLETH, WaveType.CO2))}
    assert {r.dri_level for r in waves} == {0x0B, 0x0A, 0x09, 0x08, 0x07}


@pytest.mark.parametrize(("interval_s", "period"), [(5, 10), (8, 16)])
def test_requests_are_repeated_once_per_period_of_silence(clock, interval_s, period):
    driver = DatexS5Driver(clock, "s5", interval_s=interval_s)
    connect = driver.requests_on_connect()
    assert driver.periodic_requests(0.0) == b""
    assert driver.periodic_requests(period) == b""
    assert driver.periodic_requests(period + 0.1) == connect
    assert driver.periodic_requests(period + 1) == b""
    assert driver.periodic_requests(2 * period) == b""
    assert driver.periodic_requests(2 * period + 0.2) == connect
    assert driver.periodic_requests(0.5) == b""
    assert driver.periodic_requests(period + 0.5) == connect


def test_interval_out_of_range_is_refused(clock):
    with pytest.raises(ValueError, match="interval_s"):
        DatexS5Driver(clock, "s5", interval_s=0)


def test_valid_values_are_scaled_into_registry_units(driver, clock):
    values = BasicValues(ecg_hr=72, nibp_sys=12150, nibp_dia=7925, nibp_mean=9400, spo2=9750, spo2_pr=71,
                         t1=3665, t2=3550, p1_sys=11000, p1_dia=-250, co2_et=500, co2_fi=25, co2_rr=14,
                         co2_amb_press=7600)
    clock.advance(3)
    outputs = driver.feed(displayed_record(values))
    got = by_parameter(outputs)
    expected = {"HR": 72, "NIBP_SYS": 121.5, "NIBP_DIA": 79.25, "NIBP_MEAN": 94, "SPO2": 97.5, "PR": 71,
                "TEMP": 36.65, "TEMP2": 35.5, "IBP1_SYS": 110, "IBP1_DIA": -2.5, "RR": 14,
                "ETCO2": 5.00 / 100 * 760.0, "FICO2": 0.25 / 100 * 760.0}
    for key, value in expected.items():
        assert got[key].value == pytest.approx(value, abs=1e-9), key
    assert all(o.received == clock.now() and o.source == "bed-1" for o in outputs)
    assert all(o.device_time == datetime.fromtimestamp(T0, UTC) for o in outputs)


def test_every_parameter_is_reported_in_every_record_valid_or_absent(driver):
    outputs = driver.feed(displayed_record(BasicValues(ecg_hr=60)) + displayed_record(BasicValues()))
    assert [o.parameter for o in outputs] == ALL_KEYS * 2
    assert all(key in registry() for key in ALL_KEYS)
    assert outputs[0].value == 60


@pytest.mark.parametrize(("raw", "reason"), [
    (DATA_INVALID, AbsentReason.INVALID),
    (DATA_NOT_UPDATED, AbsentReason.NOT_MEASURED),
    (DATA_DISCONTINUITY, AbsentReason.NOT_MEASURED),
    (DATA_UNDER_RANGE, AbsentReason.UNDER_RANGE),
    (DATA_OVER_RANGE, AbsentReason.OVER_RANGE),
    (DATA_NOT_CALIBRATED, AbsentReason.NOT_CALIBRATED),
    (-32001, AbsentReason.INVALID),
    (-32768, AbsentReason.INVALID),
])
def test_special_values_never_become_numbers(driver, raw, reason):
    values = BasicValues(**{spec.field: raw for spec in NUMERIC_FIELDS + GAS_FIELDS}, co2_amb_press=7600)
    outputs = driver.feed(displayed_record(values))
    assert len(outputs) == len(ALL_KEYS)
    assert all(o.value is None and o.absent_reason is reason for o in outputs)


def test_the_smallest_valid_value_is_a_number(driver):
    got = by_parameter(driver.feed(displayed_record(BasicValues(p1_dia=-32000))))
    assert got["IBP1_DIA"].value == -320.0


def test_gases_without_a_valid_ambient_pressure_are_absent(driver):
    values = BasicValues(co2_et=500, co2_fi=0, co2_amb_press=DATA_INVALID)
    got = by_parameter(driver.feed(displayed_record(values)))
    assert got["ETCO2"].absent_reason is AbsentReason.INVALID and got["ETCO2"].value is None
    assert got["FICO2"].absent_reason is AbsentReason.INVALID and got["FICO2"].value is None


def wave_record(waves, time_s: int = T0) -> bytes:
    return frame(encode_wave_record([(t, np.array(s, dtype=np.int16)) for t, s in waves], time_s=time_s))


def test_waveforms_are_scaled_with_invalid_samples_as_nan(driver, clock):
    driver.feed(displayed_record(BasicValues(co2_amb_press=7500)))
    clock.advance(1)
    ecg, pleth, co2 = driver.feed(wave_record([
        (WaveType.ECG1, [100, -50, DATA_INVALID, 0, DATA_OVER_RANGE]),
        (WaveType.PLETH, [2550, 0]),
        (WaveType.CO2, [400, DATA_NOT_UPDATED]),
    ]))
    assert all(isinstance(c, WaveformChunk) for c in (ecg, pleth, co2))
    assert (ecg.wave, ecg.sample_rate_hz) == ("ECG", 300.0)
    np.testing.assert_array_equal(ecg.samples, np.array([1.0, -0.5, np.nan, 0.0, np.nan], np.float32))
    assert (pleth.wave, pleth.sample_rate_hz) == ("PLETH", 100.0)
    np.testing.assert_allclose(pleth.samples, [25.5, 0.0])
    assert (co2.wave, co2.sample_rate_hz) == ("CO2", 25.0)
    assert co2.samples[0] == pytest.approx(4.00 / 100 * 750.0, rel=1e-6)
    assert math.isnan(co2.samples[1])
    record_time = datetime.fromtimestamp(T0, UTC)
    for chunk in (ecg, pleth, co2):
        assert chunk.start == clock.now().shifted(-chunk.duration_s), "first sample one record length ago"
        assert chunk.device_time == record_time and chunk.source == "bed-1"


def test_co2_wave_is_nan_until_an_ambient_pressure_is_known(driver):
    (co2,) = driver.feed(wave_record([(WaveType.CO2, [400, 410])]))
    assert np.isnan(co2.samples).all()


def test_unknown_record_and_subrecord_types_are_skipped_and_counted(driver):
    alarm = frame(encode_header(MainType.ALARM, (), 4) + b"\x00" * 4)
    invp1 = wave_record([(4, [1, 2, 3]), (WaveType.PLETH, [100])])
    trend = frame(encode_header(MainType.PHYSIOLOGICAL, (SubrecordDescriptor(0, 2),), PH_SUBRECORD_SIZE)
                  + encode_displayed_basic(BasicValues(ecg_hr=80), T0))
    outputs = driver.feed(alarm + invp1 + trend)
    assert [o.wave for o in outputs] == ["PLETH"]
    assert driver.stats.records_skipped == 1
    assert driver.stats.subrecords_skipped == 2
    assert driver.stats.frames_ok == 3


def test_an_extended_class_subrecord_is_skipped(driver):
    ext1 = bytearray(encode_displayed_basic(BasicValues(ecg_hr=80), T0))
    ext1[-1] = 0x01  # cl_drilvl_subt class bits 8-11 = 1
    header = encode_header(MainType.PHYSIOLOGICAL, (SubrecordDescriptor(0, PH_DISPLAYED),), PH_SUBRECORD_SIZE)
    assert driver.feed(frame(header + bytes(ext1))) == []
    assert driver.stats.subrecords_skipped == 1


def test_records_whose_length_or_subrecords_do_not_fit_are_malformed_and_decode_nothing(driver):
    subrecord = encode_displayed_basic(BasicValues(ecg_hr=80), T0)
    at_start, beyond_end = SubrecordDescriptor(0, PH_DISPLAYED), SubrecordDescriptor(100, PH_DISPLAYED)
    good = encode_header(MainType.PHYSIOLOGICAL, (at_start,), len(subrecord)) + subrecord
    beyond = encode_header(MainType.PHYSIOLOGICAL, (beyond_end,), len(subrecord)) + subrecord
    long_wave = bytearray(encode_wave_record([(WaveType.ECG1, np.array([1, 2], np.int16))]))
    long_wave[40] = 50  # act_len beyond the record
    outputs = driver.feed(frame(good[:-2]) + frame(good + b"\x00") + frame(beyond) + frame(bytes(long_wave)))
    assert outputs == []
    assert driver.stats.records_malformed == 4
    assert driver.stats.frames_ok == 4
