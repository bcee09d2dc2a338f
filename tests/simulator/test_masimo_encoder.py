"""Masimo ASCII 1 encoder: line layouts per model, cadence, and round trip through the driver."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketaconsole.core.clock import NS_PER_S, ManualClock, Stamp
from ketaconsole.core.observations import AbsentReason, Observation
from ketaconsole.devices.masimo import MasimoAscii1Driver
from ketaconsole.simulator.base import SimFrame
from ketaconsole.simulator.masimo_encoder import MODELS, MasimoEncoder, NumericField

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)


def frame_at(utc: datetime, numerics: dict[str, float | None], monotonic_ns: int = 0,
             sensor_off: frozenset[str] = frozenset()) -> SimFrame:
    return SimFrame(Stamp(utc, monotonic_ns), numerics, sensor_off=sensor_off)


def token(line: str, key: str) -> str:
    [value] = re.findall(rf" {key}=(\S+)", line)
    return value


def test_radical5_line_matches_the_published_layout() -> None:
    frame = frame_at(datetime(2010, 9, 15, 15, 10, 29, tzinfo=UTC), {"SPO2": 97, "PR": 64, "PI": 11.82})
    assert MasimoEncoder("radical5").produce(frame) == (
        b"09/15/10 15:10:29 SPO2=097% BPM=064 PI=11.82% ALARM=00 EXC=800\r\n")


def test_rad8_trend_lines_match_the_manual() -> None:
    encoder = MasimoEncoder("rad8")
    utc = datetime(2008, 9, 21, 9, 56, 8, tzinfo=UTC)
    off = encoder.line(frame_at(utc, {"SPO2": 97}, sensor_off=frozenset({"SPO2"})))
    on = encoder.line(frame_at(utc, {"SPO2": 97, "PR": 69, "PI": 4.69}))
    assert off == "09/21/08 09:56:08 SpO2=000 PR=000 PI=00.00 EXC=820:OffPat,SET\r\n"
    assert on == "09/21/08 09:56:08 SpO2=097 PR=069 PI=04.69 EXC=800:SET\r\n"


@pytest.mark.parametrize(("model", "alarm", "exc", "keys"), [
    ("radical5", "00", "800", ["SPO2", "BPM", "PI", "ALARM", "EXC"]),
    ("radical7", "0000", "000800",
     ["SN", "SPO2", "BPM", "PI", "SPCO", "SPMET", "DESAT", "PIDELTA", "PVI", "ALARM", "EXC"]),
    ("rainbow", "000000", "0000800",
     ["SN", "SPO2", "BPM", "PI", "SPCO", "SPMET", "SPHB", "SPOC", "RESVD", "DESAT", "PIDELTA", "PVI",
      "ALARM", "EXC", "EXC1"]),
])
def test_models_differ_in_fields_and_bitfield_widths(
        model: str, alarm: str, exc: str, keys: list[str]) -> None:
    line = MasimoEncoder(model).line(frame_at(datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC), {"SPO2": 95}))
    assert line.startswith("03/04/26 05:06:07 ") and line.endswith("\r\n")
    assert re.findall(r" (\w+)=", line) == keys
    assert (token(line, "ALARM"), token(line, "EXC")) == (alarm, exc)
    assert token(line, "SPO2") == "095%"


def test_missing_values_are_dashes_of_the_field_width() -> None:
    line = MasimoEncoder("radical7").line(frame_at(datetime(2026, 1, 1, tzinfo=UTC), {"SPO2": None}))
    assert [token(line, key) for key in ["SPO2", "BPM", "PI", "SPCO", "PVI"]] == [
        "---%", "---", "--.--%", "--.-%", "---"]


def test_sensor_off_sets_the_exc_bit_and_hides_values() -> None:
    frame = frame_at(datetime(2026, 1, 1, tzinfo=UTC), {"SPO2": 97, "PR": 70},
                     sensor_off=frozenset({"SPO2"}))
    line = MasimoEncoder("radical7").line(frame)
    assert (token(line, "SPO2"), token(line, "BPM"), token(line, "EXC")) == ("---%", "---", "000820")


def test_values_beyond_a_field_are_limited_to_what_it_can_show() -> None:
    frame = frame_at(datetime(2026, 1, 1, tzinfo=UTC), {"SPO2": -3, "PR": 1500, "PI": 99.999})
    line = MasimoEncoder("radical5").line(frame)
    assert (token(line, "SPO2"), token(line, "BPM"), token(line, "PI")) == ("000%", "999", "99.99%")


def test_unknown_model_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="radical9") as error:
        MasimoEncoder("radical9")
    assert all(model in str(error.value) for model in ["radical5", "radical7", "rad8", "rainbow"])


def test_streams_at_9600_8n1_and_ignores_host_bytes() -> None:
    encoder = MasimoEncoder()
    assert encoder.protocol == "masimo" and encoder.model == "radical7"
    assert encoder.serial_settings.describe() == "9600 8N1, no flow control"
    encoder.receive(b"\x00\xff anything")
    assert encoder.produce(frame_at(datetime(2026, 1, 1, tzinfo=UTC), {"SPO2": 97})).endswith(b"\r\n")


def test_one_line_per_simulated_second_with_the_device_clock() -> None:
    clock = ManualClock(datetime(2026, 5, 1, 8, 0, 0, tzinfo=UTC))
    encoder = MasimoEncoder("radical5")
    sent = []
    for _ in range(41):
        stamp = clock.now()
        sent.append(encoder.produce(SimFrame(stamp, {"SPO2": 97})))
        clock.advance(0.25)
    lines = [chunk.decode() for chunk in sent if chunk]
    assert [i for i, chunk in enumerate(sent) if chunk] == list(range(0, 41, 4))
    assert [line[9:17] for line in lines] == [f"08:00:{second:02d}" for second in range(11)]


@PROPERTY_SETTINGS
@given(st.lists(st.integers(1, 3 * NS_PER_S), min_size=1, max_size=60))
def test_a_line_is_sent_at_the_first_frame_of_each_simulated_second(steps_ns: list[int]) -> None:
    encoder = MasimoEncoder("radical5")
    utc = datetime(2026, 1, 1, tzinfo=UTC)
    times = [0, *itertools.accumulate(steps_ns)]
    sent = [bool(encoder.produce(frame_at(utc, {}, monotonic_ns=t))) for t in times]
    new_second = [later // NS_PER_S > earlier // NS_PER_S for earlier, later in itertools.pairwise(times)]
    expected = [True, *new_second]
    assert sent == expected


def numeric_fields(model: str) -> list[NumericField]:
    return [field for field in MODELS[model].fields if isinstance(field, NumericField)]


@st.composite
def model_frames(draw: st.DrawFn) -> tuple[str, SimFrame]:
    model = draw(st.sampled_from(sorted(MODELS)))
    numerics: dict[str, float | None] = {}
    for field in numeric_fields(model):
        largest = 10**field.digits - 10**-field.decimals
        numerics[field.parameter] = draw(st.none() | st.floats(0, largest, allow_nan=False))
    utc = draw(st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31, 23, 59, 59), timezones=st.just(UTC)))
    sensor_off = draw(st.sampled_from([frozenset(), frozenset({"SPO2"})]))
    return model, frame_at(utc, numerics, sensor_off=sensor_off)


@PROPERTY_SETTINGS
@given(model_frames())
def test_round_trip_through_the_driver(case: tuple[str, SimFrame]) -> None:
    model, frame = case
    driver = MasimoAscii1Driver(ManualClock(), "sim")
    decoded = {o.parameter: o for o in driver.feed(MasimoEncoder(model).produce(frame))
               if isinstance(o, Observation)}
    assert driver.stats.frames_ok == 1 and driver.stats.frames_dropped == 0
    assert set(decoded) == {field.parameter for field in numeric_fields(model)}
    for field in numeric_fields(model):
        obs, sent = decoded[field.parameter], frame.numerics[field.parameter]
        assert obs.device_time == frame.stamp.utc.replace(tzinfo=None, microsecond=0)
        if "SPO2" in frame.sensor_off:
            assert obs.absent_reason is AbsentReason.SENSOR_OFF
        elif sent is None:
            assert obs.absent_reason is AbsentReason.NOT_MEASURED
        else:
            assert obs.value == pytest.approx(sent, abs=0.5 * 10**-field.decimals + 1e-9)
