"""S/5 framing: the verified request vector, stuffing, checksum and resynchronisation."""

from ketaconsole.devices.datex_s5_framing import MAX_FRAME_BYTES, Unframer, checksum, frame
from ketaconsole.devices.datex_s5_records import (
    CLASS_REQUEST_EXT1,
    CLASS_REQUEST_EXT2,
    CLASS_REQUEST_EXT3,
    DRI_LEVEL_2015,
    DisplayedValuesRequest,
    displayed_values_request,
    parse_request,
)

# protocols.md §3.4: displayed values, 5 s interval, level 0x0B, basic + ext1..3.
REQUEST_VECTOR = bytes.fromhex(
    "7e 31 00 00 0b 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff 00 00 00 00 00 00 00 00 00 00 00"
    " 00 00 00 00 00 00 00 01 05 00 0e 00 00 00 00 00 4f 7e"
)
ALL_CLASSES = CLASS_REQUEST_EXT1 | CLASS_REQUEST_EXT2 | CLASS_REQUEST_EXT3


def test_displayed_values_request_matches_the_verified_vector_byte_for_byte():
    assert frame(displayed_values_request(5, ALL_CLASSES, DRI_LEVEL_2015)) == REQUEST_VECTOR


def test_the_verified_vector_parses_back_into_its_request():
    unframer = Unframer()
    (payload,) = unframer.feed(REQUEST_VECTOR)
    assert parse_request(payload) == DisplayedValuesRequest(1, 5, 0x0E, 0x0B)
    stats = unframer.stats
    assert (stats.frames_ok, stats.frames_dropped, stats.bytes_discarded) == (1, 0, 0)


def test_flag_and_escape_bytes_are_stuffed_and_restored():
    payload = bytes([0x01, 0x7E, 0x02, 0x7D, 0x5E, 0x5D])
    wire = frame(payload)
    assert wire[1:-1].count(0x7E) == 0
    assert b"\x7d\x5e" in wire and b"\x7d\x5d" in wire
    assert Unframer().feed(wire) == [payload]


def test_a_checksum_equal_to_the_flag_byte_is_stuffed_too():
    payload = bytes([0x70, 0x0E])
    assert checksum(payload) == 0x7E
    wire = frame(payload)
    assert wire.endswith(b"\x7d\x5e\x7e")
    assert Unframer().feed(wire) == [payload]


def test_garbage_before_a_frame_is_discarded_and_counted():
    unframer = Unframer()
    assert unframer.feed(b"\x00\x11\x22" + frame(b"abc")) == [b"abc"]
    assert unframer.stats.bytes_discarded == 3
    assert unframer.stats.frames_dropped == 0


def test_a_corrupted_frame_is_dropped_and_the_next_one_recovered():
    bad = bytearray(frame(b"hello"))
    bad[3] ^= 0x01
    unframer = Unframer()
    assert unframer.feed(bytes(bad) + frame(b"world")) == [b"world"]
    assert unframer.stats.frames_dropped == 1
    assert unframer.stats.frames_ok == 1


def test_a_truncated_frame_is_dropped_when_the_next_frame_starts():
    truncated = frame(b"first frame")[:-4]
    unframer = Unframer()
    assert unframer.feed(truncated + frame(b"second")) == [b"second"]
    assert unframer.stats.frames_dropped == 1


def test_a_stray_escape_at_frame_end_drops_that_frame_only():
    stray = frame(b"data")[:-1] + b"\x7d\x7e"
    unframer = Unframer()
    assert unframer.feed(stray + frame(b"next")) == [b"next"]
    assert unframer.stats.frames_dropped == 1


def test_an_escape_before_an_unstuffable_byte_drops_the_frame():
    unframer = Unframer()
    assert unframer.feed(b"\x7e\x01\x7d\x41\x42\x7e" + frame(b"ok")) == [b"ok"]
    assert unframer.stats.frames_dropped == 1


def test_a_frame_that_never_closes_is_dropped_at_the_cap_and_the_stream_resynchronises():
    unframer = Unframer()
    endless = b"\x7e" + b"\x01" * (MAX_FRAME_BYTES + 100)
    assert unframer.feed(endless) == []
    assert unframer.stats.frames_dropped == 1
    assert unframer.stats.bytes_discarded == MAX_FRAME_BYTES + 100
    assert unframer.feed(b"\x02\x03" + frame(b"after")) == [b"after"]
    assert unframer.stats.frames_ok == 1


def test_frames_sharing_one_flag_are_both_accepted():
    first, second = frame(b"one"), frame(b"two")
    assert Unframer().feed(first + second[1:]) == [b"one", b"two"]


def test_a_frame_split_across_feeds_is_reassembled():
    wire = frame(bytes(range(256)))
    unframer = Unframer()
    assert unframer.feed(wire[:100]) == []
    assert unframer.feed(wire[100:]) == [bytes(range(256))]


def test_a_one_byte_frame_is_too_short_and_dropped():
    unframer = Unframer()
    assert unframer.feed(b"\x7e\x00\x7e") == []
    assert unframer.stats.frames_dropped == 1
