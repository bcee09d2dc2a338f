"""Property tests of the S/5 driver: robustness to any bytes, recovery, and split invariance."""

import itertools
import math
from dataclasses import astuple

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import Observation, WaveformChunk
from ketaconsole.devices.datex_s5 import DatexS5Driver
from ketaconsole.devices.datex_s5_framing import frame
from ketaconsole.devices.datex_s5_records import (
    PH_DISPLAYED,
    PH_SUBRECORD_SIZE,
    BasicValues,
    MainType,
    SubrecordDescriptor,
    encode_displayed_basic,
    encode_header,
    encode_wave_record,
)
from ketaconsole.simulator.datex_s5_encoder import DatexS5Encoder

PROPERTIES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
INT16 = st.integers(-32768, 32767)
WIRE_BYTES = st.one_of(st.integers(0, 255), st.sampled_from([0x7E, 0x7D, 0x5E, 0x5D, 0x00, 0xFF]))
RECORD_TIMES = st.integers(0, 2**32 - 1)


@st.composite
def displayed_records(draw: st.DrawFn) -> bytes:
    values = BasicValues(*(draw(INT16) for _ in astuple(BasicValues())))
    time_s = draw(RECORD_TIMES)
    header = encode_header(MainType.PHYSIOLOGICAL, (SubrecordDescriptor(0, PH_DISPLAYED),), PH_SUBRECORD_SIZE,
                           number=draw(st.integers(0, 255)), time_s=time_s)
    return header + encode_displayed_basic(values, time_s)


@st.composite
def wave_records(draw: st.DrawFn) -> bytes:
    waves = draw(st.lists(st.tuples(st.sampled_from([1, 4, 8, 9]), st.lists(INT16, max_size=80)),
                          min_size=1, max_size=4))
    return encode_wave_record([(t, np.array(s, dtype=np.int16)) for t, s in waves], time_s=draw(RECORD_TIMES))


@st.composite
def header_shaped_payloads(draw: st.DrawFn) -> bytes:
    """Random records whose r_len fits, so parsing goes past the header checks."""
    body = draw(st.binary(min_size=0, max_size=600))
    descriptors = tuple(SubrecordDescriptor(draw(st.integers(-32768, 32767)), draw(st.integers(0, 254)))
                        for _ in range(draw(st.integers(0, 8))))
    main_type = draw(st.sampled_from([0, 1, 4, 7]))
    return encode_header(main_type, descriptors, len(body), time_s=draw(RECORD_TIMES)) + body


RECORDS = st.one_of(displayed_records(), wave_records())


def normalise(outputs) -> list:
    """Outputs in a comparable form (WaveformChunk has no equality; NaN is not equal to itself)."""
    result = []
    for output in outputs:
        if isinstance(output, WaveformChunk):
            samples = tuple(None if math.isnan(x) else float(x) for x in output.samples)
            result.append((output.wave, output.start, output.sample_rate_hz, output.source,
                           output.device_time, samples))
        else:
            result.append(output)
    return result


def new_driver() -> DatexS5Driver:
    return DatexS5Driver(ManualClock(), "s5")


@PROPERTIES
@given(st.one_of(st.binary(max_size=3000), st.lists(WIRE_BYTES, max_size=3000).map(bytes)))
def test_any_bytes_are_accepted_without_raising(data):
    driver = new_driver()
    outputs = driver.feed(data)
    assert driver.stats.bytes_discarded <= len(data)
    assert all(isinstance(o, Observation | WaveformChunk) for o in outputs)
    DatexS5Encoder().receive(data)


@PROPERTIES
@given(st.lists(st.one_of(header_shaped_payloads(), st.binary(min_size=1, max_size=300)), max_size=8))
def test_any_payload_in_a_valid_frame_is_accepted_without_raising(payloads):
    driver = new_driver()
    driver.feed(b"".join(frame(p) for p in payloads))
    assert driver.stats.frames_ok == len(payloads)
    encoder = DatexS5Encoder()
    encoder.receive(b"".join(frame(p) for p in payloads))


@st.composite
def mutated(draw: st.DrawFn, wire: bytes) -> bytes:
    """``wire`` (one frame) with one byte between its flags replaced, removed or inserted."""
    operation = draw(st.sampled_from(["replace", "delete", "insert"]))
    if operation == "insert":
        at = draw(st.integers(1, len(wire) - 1))
        return wire[:at] + bytes([draw(st.integers(0, 255))]) + wire[at:]
    at = draw(st.integers(1, len(wire) - 2))
    if operation == "delete":
        return wire[:at] + wire[at + 1:]
    return wire[:at] + bytes([wire[at] ^ draw(st.integers(1, 255))]) + wire[at + 1:]


@PROPERTIES
@given(st.data())
def test_intact_frames_among_garbage_and_mutated_frames_are_all_recovered(data):
    records = data.draw(st.lists(RECORDS, min_size=1, max_size=8))
    stream, intact, mutations = bytearray(), bytearray(), 0
    for record in records:
        stream += data.draw(st.binary(max_size=40))
        wire = frame(record)
        if data.draw(st.booleans()):
            stream += data.draw(mutated(wire))
            mutations += 1
        else:
            stream += wire
            intact += wire
    driver, reference = new_driver(), new_driver()
    assert normalise(driver.feed(bytes(stream))) == normalise(reference.feed(bytes(intact)))
    assert driver.stats.frames_dropped + driver.stats.records_malformed >= mutations


@PROPERTIES
@given(st.lists(RECORDS, min_size=1, max_size=6), st.binary(max_size=30),
       st.lists(st.integers(0, 10_000), max_size=12))
def test_any_split_of_the_stream_gives_the_same_outputs(records, garbage, cuts):
    stream = garbage + b"".join(frame(r) for r in records)
    bounds = [0, *sorted(c % (len(stream) + 1) for c in cuts), len(stream)]
    whole, split = new_driver(), new_driver()
    expected = normalise(whole.feed(stream))
    got = normalise([o for start, end in itertools.pairwise(bounds) for o in split.feed(stream[start:end])])
    assert got == expected
    assert split.stats == whole.stats
