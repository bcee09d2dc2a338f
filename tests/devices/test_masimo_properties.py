"""Property tests of the Masimo ASCII 1 driver: any bytes, any split, garbage and corruption.

Lines are built here from field layouts of the public examples, independently of the simulator's
encoder, with random values, dashes, ALARM and EXC bits.

Mutations are byte deletions, insertions (any byte, CR and LF included, which also truncates the
line), duplications and truncations. Replacing one digit by another is not among them: the protocol
has no checksum, so ``SPO2=097%`` turned into ``SPO2=087%`` is a valid line that no decoder can
detect.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import AbsentReason, DeviceOutput, Observation
from ketaconsole.devices.masimo import EXC_CONDITIONS, SENSOR_UNUSABLE, MasimoAscii1Driver

PROPERTY_SETTINGS = settings(max_examples=250, deadline=None)
UNUSABLE_EXC_MASK = sum(bit for bit, name in EXC_CONDITIONS.items() if name in SENSOR_UNUSABLE)
DATE_TIME = re.compile(rb"\d\d/\d\d/\d\d \d\d:\d\d:\d\d ")
TERMINATORS = [b"\r", b"\n", b"\r\n", b"\n\r"]


@dataclass(frozen=True)
class Numeric:
    key: str
    parameter: str
    digits: int
    decimals: int = 0
    suffix: str = ""


@dataclass(frozen=True)
class Fixed:
    key: str
    text: str


@dataclass(frozen=True)
class Layout:
    fields: tuple[Numeric | Fixed, ...]
    alarm_digits: int | None
    exc_digits: int


SPO2, BPM = Numeric("SPO2", "SPO2", 3, suffix="%"), Numeric("BPM", "PR", 3)
LAYOUTS = [
    Layout((SPO2, BPM, Numeric("PI", "PI", 2, 2, "%")), 2, 3),
    Layout((Fixed("SN", "0123456789"), SPO2, BPM, Numeric("PI", "PI", 2, 2, "%"),
            Numeric("SPCO", "SPCO", 2, 1, "%"), Numeric("SPMET", "SPMET", 2, 1, "%"), Fixed("DESAT", "01"),
            Fixed("PIDELTA", "-02"), Numeric("PVI", "PVI", 3)), 4, 6),
    Layout((Fixed("SN", "----------"), SPO2, BPM, Numeric("PI", "PI", 2, 2),
            Numeric("SPCO", "SPCO", 2, 0, "%"), Numeric("SPMET", "SPMET", 2, 1, "%"),
            Numeric("SPHB", "SPHB", 2, 1), Fixed("SPOC", "--"),
            Fixed("RESVD", "---"), Numeric("PVI", "PVI", 3), Fixed("EXC1", "00000000")), 6, 7),
    Layout((Numeric("SpO2", "SPO2", 3), Numeric("PR", "PR", 3), Numeric("PI", "PI", 2, 2)), None, 3),
]

Reading = tuple[str, float | AbsentReason | None, datetime | None]


@dataclass(frozen=True)
class Line:
    raw: bytes
    readings: list[Reading]


def numeric_text(field: Numeric, count: int | None) -> str:
    width = field.digits + field.decimals
    text = "-" * width if count is None else f"{count:0{width}d}"
    if field.decimals:
        text = f"{text[:field.digits]}.{text[field.digits:]}"
    return text + field.suffix


@st.composite
def lines(draw: st.DrawFn, layout: Layout) -> Line:
    stamp = draw(st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31, 23, 59, 59)))
    stamp = stamp.replace(microsecond=0)
    exc_bits = draw(st.integers(0, 16**layout.exc_digits - 1))
    if draw(st.booleans()):
        exc_bits &= ~UNUSABLE_EXC_MASK
    tokens = [f"{stamp:%m/%d/%y %H:%M:%S}"]
    readings: list[Reading] = []
    for field in layout.fields:
        if isinstance(field, Fixed):
            tokens.append(f"{field.key}={field.text}")
            continue
        count = draw(st.none() | st.integers(0, 10 ** (field.digits + field.decimals) - 1))
        tokens.append(f"{field.key}={numeric_text(field, count)}")
        if exc_bits & UNUSABLE_EXC_MASK:
            readings.append((field.parameter, AbsentReason.SENSOR_OFF, stamp))
        elif count is None:
            readings.append((field.parameter, AbsentReason.NOT_MEASURED, stamp))
        else:
            readings.append((field.parameter, count / 10**field.decimals, stamp))
    if layout.alarm_digits is not None:
        tokens.append(f"ALARM={draw(st.integers(0, 16**layout.alarm_digits - 1)):0{layout.alarm_digits}X}")
    tokens.append(f"EXC={exc_bits:0{layout.exc_digits}X}")
    return Line(" ".join(tokens).encode(), readings)


def observed(outputs: list[DeviceOutput]) -> list[Reading]:
    return [(o.parameter, o.value if o.value is not None else o.absent_reason, o.device_time)
            for o in outputs if isinstance(o, Observation)]


def feed_in_chunks(driver: MasimoAscii1Driver, data: bytes, cuts: list[int]) -> list[DeviceOutput]:
    bounds = [0, *sorted(cut % (len(data) + 1) for cut in cuts), len(data)]
    return [output for start, end in itertools.pairwise(bounds)
            for output in driver.feed(data[start:end])]


@PROPERTY_SETTINGS
@given(st.lists(st.binary(max_size=400), max_size=12))
def test_random_bytes_never_raise(chunks: list[bytes]) -> None:
    driver = MasimoAscii1Driver(ManualClock(), "fuzz")
    for chunk in chunks:
        for output in driver.feed(chunk):
            assert output.source == "fuzz"
    assert driver.stats.frames_dropped >= 0 and driver.stats.bytes_discarded <= sum(map(len, chunks))


@PROPERTY_SETTINGS
@given(st.lists(st.text(alphabet="0123456789/: =%-.+ABCEIMOPRSTXL\r\n", max_size=200), max_size=12))
def test_protocol_like_text_never_raises_and_only_well_formed_values_appear(chunks: list[str]) -> None:
    driver = MasimoAscii1Driver(ManualClock(), "fuzz")
    for chunk in chunks:
        for obs in driver.feed(chunk.encode()):
            if isinstance(obs, Observation) and obs.value is not None:
                assert obs.value >= 0 and obs.device_time is not None


@st.composite
def noisy_streams(draw: st.DrawFn) -> tuple[bytes, list[Line]]:
    layout = draw(st.sampled_from(LAYOUTS))
    good = draw(st.lists(lines(layout), min_size=1, max_size=8))
    stream = b""
    for line in good:
        garbage = draw(st.binary(max_size=60))
        assume(DATE_TIME.search(garbage) is None)
        stream += garbage + line.raw + draw(st.sampled_from(TERMINATORS))
    return stream, good


@PROPERTY_SETTINGS
@given(noisy_streams(), st.lists(st.integers(0, 10_000), max_size=6))
def test_valid_lines_between_garbage_are_all_recovered(
        case: tuple[bytes, list[Line]], cuts: list[int]) -> None:
    stream, good = case
    driver = MasimoAscii1Driver(ManualClock(), "oximeter")
    outputs = feed_in_chunks(driver, stream, cuts)
    assert observed(outputs) == [reading for line in good for reading in line.readings]
    assert driver.stats.frames_ok == len(good)


@st.composite
def mutations(draw: st.DrawFn, raw: bytes) -> bytes:
    kind = draw(st.sampled_from(["delete", "insert", "duplicate", "truncate"]))
    position = draw(st.integers(0, len(raw) - 1))
    if kind == "delete":
        return raw[:position] + raw[position + 1:]
    if kind == "insert":
        return raw[:position] + bytes([draw(st.integers(0, 255))]) + raw[position:]
    if kind == "duplicate":
        return raw[:position + 1] + raw[position:]
    return raw[:position]


@st.composite
def mutated_lines(draw: st.DrawFn) -> tuple[Line, bytes]:
    line = draw(lines(draw(st.sampled_from(LAYOUTS))))
    return line, draw(mutations(line.raw))


@PROPERTY_SETTINGS
@given(mutated_lines())
def test_a_mutated_line_never_yields_a_different_value(case: tuple[Line, bytes]) -> None:
    line, mutated = case
    driver = MasimoAscii1Driver(ManualClock(), "oximeter")
    assert observed(driver.feed(line.raw + b"\r\n")) == line.readings
    original = {parameter: (value, stamp) for parameter, value, stamp in line.readings}
    for parameter, value, stamp in observed(driver.feed(mutated + b"\r\n")):
        assert parameter in original
        if isinstance(value, float):
            assert (value, stamp) == original[parameter]
