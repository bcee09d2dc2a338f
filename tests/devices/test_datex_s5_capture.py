"""The real GE S/5 capture (shared/data/datex-s5/S5Rawoutput.raw) through DatexS5Driver.feed."""

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import AbsentReason, Observation
from ketaconsole.devices.datex_s5 import GAS_FIELDS, NUMERIC_FIELDS, DatexS5Driver

CAPTURE = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "datex-s5" / "S5Rawoutput.raw"
RECORDS = 21
PARAMETERS_PER_RECORD = len(NUMERIC_FIELDS) + len(GAS_FIELDS)
FIRST_RECORD_TIME = datetime(2022, 12, 19, 16, 43, 53, tzinfo=UTC)


@pytest.fixture(scope="module")
def capture() -> bytes:
    if not CAPTURE.is_file():
        pytest.skip(f"real S/5 capture not found at {CAPTURE} (kept outside the repository)")
    return CAPTURE.read_bytes()


def feed_in_random_chunks(driver: DatexS5Driver, data: bytes, seed: int) -> list:
    rng = random.Random(seed)
    outputs, position = [], 0
    while position < len(data):
        size = rng.randint(1, 700)
        outputs.extend(driver.feed(data[position:position + size]))
        position += size
    return outputs


@pytest.fixture(scope="module", params=[1, 2, 3])
def decoded(request, capture):
    driver = DatexS5Driver(ManualClock(), "s5-capture")
    return driver, feed_in_random_chunks(driver, capture, request.param)


def values_of(outputs, parameter: str) -> list[Observation]:
    return [o for o in outputs if isinstance(o, Observation) and o.parameter == parameter]


def test_all_frames_are_accepted_with_nothing_dropped(decoded):
    driver, outputs = decoded
    stats = driver.stats
    assert (stats.frames_ok, stats.frames_dropped, stats.bytes_discarded) == (RECORDS, 0, 0)
    assert stats.records_malformed == 0 and stats.records_skipped == 0
    assert stats.subrecords_skipped == RECORDS * 3  # ext1..ext3 of every record
    assert len(outputs) == RECORDS * PARAMETERS_PER_RECORD
    assert all(isinstance(o, Observation) for o in outputs)


@pytest.mark.parametrize("parameter", ["HR", "SPO2", "PR", "NIBP_SYS", "NIBP_DIA", "NIBP_MEAN"])
def test_unconnected_sensors_are_absent_as_invalid(decoded, parameter):
    _, outputs = decoded
    readings = values_of(outputs, parameter)
    assert len(readings) == RECORDS
    assert all(o.value is None and o.absent_reason is AbsentReason.INVALID for o in readings)


def test_temperature_probe_in_room_air_reads_20_7_to_22_0_celsius(decoded):
    _, outputs = decoded
    temperatures = [o.value for o in values_of(outputs, "TEMP")]
    assert len(temperatures) == RECORDS
    assert min(temperatures) == pytest.approx(20.7)
    assert max(temperatures) == pytest.approx(22.0)


def test_co2_respiration_rate_is_under_range(decoded):
    _, outputs = decoded
    assert [o.absent_reason for o in values_of(outputs, "RR")] == [AbsentReason.UNDER_RANGE] * RECORDS


def test_etco2_is_at_most_one_hundredth_percent_of_the_ambient_758_3_mmhg(decoded):
    _, outputs = decoded
    readings = [o.value for o in values_of(outputs, "ETCO2")]
    assert len(readings) == RECORDS
    assert all(v == pytest.approx(0.0) or v == pytest.approx(0.01 / 100 * 758.3) for v in readings)


def test_device_times_are_the_record_times_five_seconds_apart(decoded):
    _, outputs = decoded
    times = [o.device_time for o in values_of(outputs, "HR")]
    assert times == [FIRST_RECORD_TIME + timedelta(seconds=5 * k) for k in range(RECORDS)]
    assert all(o.device_time.tzinfo is not None for o in outputs)


def test_the_frame_with_a_stuffed_flag_byte_is_decoded(capture):
    frames = [b"\x7e" + body + b"\x7e" for body in capture.strip(b"\x7e").split(b"\x7e\x7e")]
    assert len(frames) == RECORDS
    (stuffed,) = [f for f in frames if b"\x7d\x5e" in f]
    driver = DatexS5Driver(ManualClock(), "s5-capture")
    outputs = driver.feed(stuffed)
    assert driver.stats.frames_ok == 1 and driver.stats.frames_dropped == 0
    assert len(outputs) == PARAMETERS_PER_RECORD
    assert 20.7 <= values_of(outputs, "TEMP")[0].value <= 22.0
