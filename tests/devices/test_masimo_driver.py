"""Masimo ASCII 1 driver: the public example lines, alarms, sensor states, framing and dropping."""

from __future__ import annotations

from datetime import datetime

import pytest

from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import (
    AbsentReason,
    AlarmPriority,
    DeviceAlarm,
    DeviceOutput,
    Observation,
    SensorState,
)
from ketaconsole.devices.base import driver_class
from ketaconsole.devices.masimo import LAYOUT_ADOPT_AFTER, MAX_LINE_BYTES, MasimoAscii1Driver

RADICAL5 = b"09/15/10 15:10:29 SPO2=097% BPM=064 PI=11.82% ALARM=20 EXC=800\r\n"
RADICAL7 = (b"12/01/05 11:56:29 SN=0123456789 SPO2=098% BPM=240 PI=20.00% SPCO=01.0% SPMET=00.5% "
            b"DESAT=01 PIDELTA=-02 PVI=027 ALARM=0000 EXC=000820\r\n")
RAD8_TREND = (b"09/21/08 09:56:08 SpO2=000 PR=000 PI=00.00 EXC=820:OffPat,SET\r\n"
              b"09/21/08 09:56:12 SpO2=097 PR=069 PI=04.69 EXC=800:SET\r\n"
              b"09/21/08 09:56:14 SpO2=096 PR=074 PI=02.28 EXC=C00:LowSigIQ,SET\r\n")
# Real lines from public capture scripts (remkolems/masimo-datacapture, nmenon's masimo logger).
RAD8_LIVE_NO_SENSOR = (b"03/19/16 13:37:12 SN=0000093112 SPO2=---% BPM=--- DESAT=-- PIDELTA=+-- "
                       b"ALARM=0000 EXC=000001\r\n")
RAINBOW = (b"03/17/16 19:19:36 SN=---------- SPO2=098% BPM=123 PI=00.55 SPCO=--% SPMET=--.-% SPHB=--.- "
           b"SPOC=-- RESVD=--- DESAT=-- PIDELTA=+-- PVI=--- ALARM=000000 EXC=0000C00 EXC1=00000000\r\n")


def radical7_line(seconds: int, spo2: str = "098%", alarm: str = "0000", exc: str = "000800") -> bytes:
    return (f"12/01/05 11:56:{seconds:02d} SN=0123456789 SPO2={spo2} BPM=064 PI=05.20% SPCO=01.0% "
            f"SPMET=00.5% DESAT=01 PIDELTA=-02 PVI=027 ALARM={alarm} EXC={exc}\r\n").encode()


def make_driver(clock: ManualClock | None = None) -> MasimoAscii1Driver:
    return MasimoAscii1Driver(clock or ManualClock(), "oximeter-1")


def observations(outputs: list[DeviceOutput]) -> dict[str, Observation]:
    found = [output for output in outputs if isinstance(output, Observation)]
    by_key = {obs.parameter: obs for obs in found}
    assert len(by_key) == len(found), "one observation per parameter and line"
    return by_key


def readings(outputs: list[DeviceOutput]) -> dict[str, float | AbsentReason | None]:
    return {key: obs.value if obs.value is not None else obs.absent_reason
            for key, obs in observations(outputs).items()}


def of_type(outputs: list[DeviceOutput], kind: type) -> list:
    return [output for output in outputs if isinstance(output, kind)]


def test_radical5_example_line() -> None:
    driver = make_driver()
    outputs = driver.feed(RADICAL5)
    assert readings(outputs) == {"SPO2": 97.0, "PR": 64.0, "PI": pytest.approx(11.82)}
    assert {obs.device_time for obs in observations(outputs).values()} == {datetime(2010, 9, 15, 15, 10, 29)}
    [state] = of_type(outputs, SensorState)
    assert state.sensor == "SPO2" and state.conditions == frozenset() and state.ok
    [silenced] = of_type(outputs, DeviceAlarm)
    assert (silenced.code, silenced.active, silenced.priority) == ("DEVICE_ALARM_SILENCED", True,
                                                                   AlarmPriority.INFO)
    assert (driver.stats.frames_ok, driver.stats.frames_dropped) == (1, 0)


def test_radical7_example_line_reports_sensor_off_and_no_numbers() -> None:
    driver = make_driver()
    outputs = driver.feed(RADICAL7)
    assert readings(outputs) == dict.fromkeys(["SPO2", "PR", "PI", "SPCO", "SPMET", "PVI"],
                                              AbsentReason.SENSOR_OFF)
    [state] = of_type(outputs, SensorState)
    assert state.conditions == frozenset({"sensor-off"}) and not state.ok
    assert of_type(outputs, DeviceAlarm) == []
    assert driver.stats.fields_ignored == 3  # SN, DESAT, PIDELTA


def test_radical7_layout_with_sensor_on_decodes_every_value() -> None:
    outputs = make_driver().feed(RADICAL7.replace(b"EXC=000820", b"EXC=000800"))
    assert readings(outputs) == {"SPO2": 98.0, "PR": 240.0, "PI": 20.0, "SPCO": 1.0, "SPMET": 0.5,
                                 "PVI": 27.0}
    [state] = of_type(outputs, SensorState)
    assert state.ok


def test_rad8_trend_example_lines() -> None:
    driver = make_driver()
    first, second, third = (driver.feed(line + b"\r\n") for line in RAD8_TREND.split(b"\r\n")[:3])
    assert readings(first) == dict.fromkeys(["SPO2", "PR", "PI"], AbsentReason.SENSOR_OFF)
    assert [s.conditions for s in of_type(first, SensorState)] == [frozenset({"sensor-off"})]
    assert readings(second) == {"SPO2": 97.0, "PR": 69.0, "PI": pytest.approx(4.69)}
    assert [s.conditions for s in of_type(second, SensorState)] == [frozenset()]
    assert readings(third) == {"SPO2": 96.0, "PR": 74.0, "PI": pytest.approx(2.28)}
    assert [s.conditions for s in of_type(third, SensorState)] == [frozenset({"low-signal-iq"})]
    assert observations(third)["SPO2"].device_time == datetime(2008, 9, 21, 9, 56, 14)


def test_rad8_live_capture_without_sensor() -> None:
    outputs = make_driver().feed(RAD8_LIVE_NO_SENSOR)
    assert readings(outputs) == {"SPO2": AbsentReason.SENSOR_OFF, "PR": AbsentReason.SENSOR_OFF}
    assert [s.conditions for s in of_type(outputs, SensorState)] == [frozenset({"no-sensor"})]


def test_rainbow_capture_with_unmeasured_parameters_and_low_signal_iq() -> None:
    outputs = make_driver().feed(RAINBOW)
    assert readings(outputs) == {
        "SPO2": 98.0, "PR": 123.0, "PI": pytest.approx(0.55),
        **dict.fromkeys(["SPCO", "SPMET", "SPHB", "PVI"], AbsentReason.NOT_MEASURED),
    }
    assert [s.conditions for s in of_type(outputs, SensorState)] == [frozenset({"low-signal-iq"})]


@pytest.mark.parametrize(("exc", "condition"), [
    ("000004", "low-perfusion"), ("000008", "pulse-search"), ("000010", "interference"),
    ("000040", "ambient-light"), ("000400", "low-signal-iq"),
])
def test_signal_quality_conditions_keep_the_value(exc: str, condition: str) -> None:
    outputs = make_driver().feed(radical7_line(0, exc=exc))
    assert readings(outputs)["SPO2"] == 98.0
    assert [s.conditions for s in of_type(outputs, SensorState)] == [frozenset({condition})]


@pytest.mark.parametrize(("exc", "condition"), [
    ("000001", "no-sensor"), ("000002", "defective-sensor"), ("000020", "sensor-off"),
    ("000080", "unrecognized-sensor"), ("001000", "no-cable"),
])
def test_unusable_sensor_conditions_remove_every_value(exc: str, condition: str) -> None:
    outputs = make_driver().feed(radical7_line(0, exc=exc))
    assert set(readings(outputs).values()) == {AbsentReason.SENSOR_OFF}
    assert [s.conditions for s in of_type(outputs, SensorState)] == [frozenset({condition})]


def test_undocumented_exc_bit_is_reported_by_number() -> None:
    outputs = make_driver().feed(radical7_line(0, exc="800E00"))
    assert [s.conditions for s in of_type(outputs, SensorState)] == [
        frozenset({"exc-bit-0x200", "low-signal-iq", "exc-bit-0x800000"})]


def test_dashes_without_sensor_condition_are_not_measured() -> None:
    outputs = make_driver().feed(radical7_line(0, spo2="---%"))
    assert readings(outputs)["SPO2"] is AbsentReason.NOT_MEASURED
    assert readings(outputs)["PR"] == 64.0


def test_sensor_state_is_emitted_only_when_conditions_change() -> None:
    driver = make_driver()
    exc_sequence = ["000800", "000800", "000804", "000804", "000800"]
    states = [of_type(driver.feed(radical7_line(i, exc=exc)), SensorState)
              for i, exc in enumerate(exc_sequence)]
    assert [[s.conditions for s in found] for found in states] == [
        [frozenset()], [], [frozenset({"low-perfusion"})], [], [frozenset()]]


def test_alarm_bits_become_transitions() -> None:
    driver = make_driver()
    alarm_sequence = ["0000", "0018", "0018", "0010", "0000"]
    alarms = [of_type(driver.feed(radical7_line(i, alarm=alarm)), DeviceAlarm)
              for i, alarm in enumerate(alarm_sequence)]
    assert [[(a.code, a.active) for a in found] for found in alarms] == [
        [], [("PR_LOW", True), ("DEVICE_ALARMING", True)], [], [("PR_LOW", False)],
        [("DEVICE_ALARMING", False)]]
    pr_low = alarms[1][0]
    assert (pr_low.priority, pr_low.technical, pr_low.source) == (AlarmPriority.MEDIUM, False, "oximeter-1")
    assert alarms[1][1].priority is AlarmPriority.INFO


@pytest.mark.parametrize(("alarm", "code", "priority", "technical"), [
    ("0001", "SPO2_HIGH", AlarmPriority.MEDIUM, False),
    ("0002", "SPO2_LOW", AlarmPriority.MEDIUM, False),
    ("0004", "PR_HIGH", AlarmPriority.MEDIUM, False),
    ("0040", "LOW_BATTERY", AlarmPriority.LOW, True),
    ("0080", "ALARM_BIT_0x80", AlarmPriority.LOW, True),
])
def test_alarm_bit_meanings(alarm: str, code: str, priority: AlarmPriority, technical: bool) -> None:
    [found] = of_type(make_driver().feed(radical7_line(0, alarm=alarm)), DeviceAlarm)
    assert (found.code, found.priority, found.technical, found.active) == (code, priority, technical, True)


def test_received_is_the_driver_clock_reading() -> None:
    clock = ManualClock()
    driver = make_driver(clock)
    clock.advance(12.5)
    outputs = driver.feed(RADICAL5)
    assert {output.received for output in outputs} == {clock.now()}


def test_every_split_gives_the_same_outputs() -> None:
    first, rest = RAD8_TREND.split(b"\r\n", 1)
    stream = first + b"\r\n\x00garbage\r\n" + rest
    whole = make_driver().feed(stream)
    assert len(of_type(whole, Observation)) == 9
    for cut in range(1, len(stream)):
        driver = make_driver()
        assert [*driver.feed(stream[:cut]), *driver.feed(stream[cut:])] == whole


def test_byte_by_byte_feed_matches_whole_feed() -> None:
    stream = RADICAL7 + radical7_line(30, exc="000804") + radical7_line(31, alarm="0018")
    driver = make_driver()
    trickled = [output for byte in stream for output in driver.feed(bytes([byte]))]
    assert trickled == make_driver().feed(stream)


@pytest.mark.parametrize("terminator", [b"\r", b"\n", b"\r\n", b"\n\r"])
def test_any_cr_lf_terminator(terminator: bytes) -> None:
    lines = [line for line in RAD8_TREND.split(b"\r\n") if line]
    driver = make_driver()
    outputs = driver.feed(terminator.join(lines) + terminator)
    assert [o.value for o in of_type(outputs, Observation) if o.parameter == "SPO2"] == [None, 97.0, 96.0]
    assert (driver.stats.frames_ok, driver.stats.frames_dropped) == (3, 0)


def test_garbage_between_lines_is_dropped_and_counted() -> None:
    clean = make_driver().feed(RADICAL5 + RADICAL5.replace(b":29", b":30"))
    driver = make_driver()
    noisy = driver.feed(RADICAL5 + b"\xff\xfe noise\r\n" + b"\x13\x37" + RADICAL5.replace(b":29", b":30"))
    assert noisy == clean
    assert driver.stats.frames_ok == 2
    assert driver.stats.frames_dropped == 1
    assert driver.stats.bytes_discarded == len(b"\xff\xfe noise") + 2


@pytest.mark.parametrize("corrupted", [
    b"09/15/10 15:10:30 SPO2=9x7% BPM=064 PI=11.82% ALARM=20 EXC=800",
    b"09/15/10 15:10:30 SPO2=97% BPM=064 PI=11.82% ALARM=20 EXC=800",
    b"09/15/10 15:10:30 SPO2=0977% BPM=064 PI=11.82% ALARM=20 EXC=800",
    b"09/15/10 15:10:30 SPO2=097% BPM=064 PI=1.82% ALARM=20 EXC=800",
    b"09/15/10 15:10:30 SPO2=097% BPM=064 PI=11.82% ALARM=2 EXC=800",
    b"09/15/10 15:10:30 SPO2=097% BPM=064 PI=11.82% ALARM=20 EXC=8G0",
    b"09/15/10 15:10:30 SPO2=097% BPM=064 PI=11.82% ALARM=20 EXC=80",
    b"09/15/10 15:10:30 SPO2=097% SPO2=064 PI=11.82% ALARM=20 EXC=800",
    b"09/15/10 15:10:30 SPO2=097% BPM=064 PI=11.82% ALARM=20 EXC=800 PR=070",
    b"09/15/10 15:10:30 SPO2=097%BPM=064 PI=11.82% ALARM=20 EXC=800",
    b"09/15/10 15:10:30 SPO2=097% BPM 064 PI=11.82% ALARM=20 EXC=800",
    b"09/15/10 15:10:30 SPO2=097% BPM=0\x0064 PI=11.82% ALARM=20 EXC=800",
    b"13/15/10 15:10:30 SPO2=097% BPM=064 PI=11.82% ALARM=20 EXC=800",
    b"09/15/10 25:10:30 SPO2=097% BPM=064 PI=11.82% ALARM=20 EXC=800",
    b"09/15/10 15:10:30",
    b"SPO2=097% BPM=064 PI=11.82% ALARM=20 EXC=800",
])
def test_corrupted_line_is_dropped_without_affecting_neighbours(corrupted: bytes) -> None:
    neighbour = RADICAL5.replace(b":29", b":31")
    driver = make_driver()
    outputs = driver.feed(RADICAL5 + corrupted + b"\r\n" + neighbour)
    assert outputs == make_driver().feed(RADICAL5 + neighbour)
    assert (driver.stats.frames_ok, driver.stats.frames_dropped) == (2, 1)


def test_over_long_line_is_dropped_in_any_split() -> None:
    overlong = b"09/15/10 15:10:29 SN=" + b"7" * MAX_LINE_BYTES
    stream = overlong + b"\r\n" + RADICAL5
    whole_driver, trickle_driver = make_driver(), make_driver()
    whole = whole_driver.feed(stream)
    trickled = [output for byte in stream for output in trickle_driver.feed(bytes([byte]))]
    assert whole == trickled == make_driver().feed(RADICAL5)
    for driver in (whole_driver, trickle_driver):
        assert (driver.stats.frames_ok, driver.stats.frames_dropped) == (1, 1)
        assert driver.stats.bytes_discarded == len(overlong)


def test_endless_garbage_without_terminator_is_discarded_and_counted() -> None:
    driver = make_driver()
    for _ in range(100):
        assert driver.feed(b"x" * 1000) == []
    assert driver.stats.bytes_discarded == 100_000
    assert driver.stats.frames_dropped == 1
    assert readings(driver.feed(b"\r\n" + RADICAL5))["SPO2"] == 97.0


def test_layout_lock_drops_lines_that_lost_fields_or_digits() -> None:
    driver = make_driver()
    sensor_off = driver.feed(radical7_line(0, spo2="000", exc="000820"))
    assert readings(sensor_off)["SPO2"] is AbsentReason.SENSOR_OFF
    truncated_exc = radical7_line(1, spo2="000", exc="000")
    without_exc = radical7_line(2, spo2="000").replace(b" EXC=000800", b"")
    assert driver.feed(truncated_exc + without_exc) == []
    assert driver.stats.frames_dropped == 2


def test_a_new_layout_is_adopted_after_consecutive_lines() -> None:
    driver = make_driver()
    driver.feed(radical7_line(0))
    radical5_lines = [RADICAL5.replace(b":29", f":{40 + i}".encode()) for i in range(LAYOUT_ADOPT_AFTER + 1)]
    accepted = [bool(driver.feed(line)) for line in radical5_lines]
    assert accepted == [False] * (LAYOUT_ADOPT_AFTER - 1) + [True, True]
    assert readings(driver.feed(radical7_line(1))) == {}


def test_lines_of_the_locked_layout_reset_a_pending_layout_change() -> None:
    driver = make_driver()
    driver.feed(radical7_line(0))
    for i in range(3 * LAYOUT_ADOPT_AFTER):
        assert driver.feed(RADICAL5) == []
        assert readings(driver.feed(radical7_line(i + 1)))["SPO2"] == 98.0


def test_registered_as_masimo_with_9600_8n1() -> None:
    assert driver_class("masimo") is MasimoAscii1Driver
    assert MasimoAscii1Driver.serial_settings.describe() == "9600 8N1, no flow control"
    assert MasimoAscii1Driver(ManualClock(), "x").requests_on_connect() == b""
