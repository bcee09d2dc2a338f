"""Record structures of the GE Datex-Ohmeda S/5 Computer Interface (DRI), little-endian and packed.

A record is a 40-byte header followed by up to 8 subrecords; the header's descriptor list gives
each subrecord's offset (from the end of the header) and type, terminated by type 0xFF.

* Physiological records (main type 0) carry 278-byte subrecords: ``uint32 time``, a 270-byte
  class block, ``uint8 marker``, ``uint8 reserved``, ``uint16 cl_drilvl_subt`` (bits 8-11 = class,
  0 basic). Only the basic class is decoded here, raw, as :class:`BasicValues`.
* Waveform records (main type 1) carry one subrecord per wave: ``int16 act_len`` (sample count),
  ``uint16 status``, ``uint16 reserved``, then ``act_len`` int16 samples.
* Requests from the host are records too (:func:`displayed_values_request`, :func:`waveform_request`).

All numeric fields are int16; values at or below :data:`SPECIAL_LIMIT` are status codes, not numbers.
Sources: VSCapture (xeonfusion/VSCaptureWave, Class1.cs/Class2.cs) and the real capture described
in ``shared/reference/protocols.md`` §3.
"""

from __future__ import annotations

import struct
from dataclasses import astuple, dataclass, fields
from datetime import UTC, datetime
from enum import IntEnum
from typing import Final

import numpy as np

HEADER_SIZE: Final = 40
MAX_SUBRECORDS: Final = 8
END_OF_SUBRECORDS: Final = 0xFF
_HEADER = struct.Struct("<hBBHIBBHh")  # r_len … r_maintype: the 16 bytes before the descriptors
_DESCRIPTOR = struct.Struct("<hB")  # sr_offset, sr_type

# DRI interface levels (r_dri_level).
DRI_LEVEL_2001: Final = 0x07
DRI_LEVEL_2003: Final = 0x08
DRI_LEVEL_2005: Final = 0x09
DRI_LEVEL_2009: Final = 0x0A
DRI_LEVEL_2015: Final = 0x0B


class MainType(IntEnum):
    """``r_maintype`` values."""

    PHYSIOLOGICAL = 0
    WAVEFORM = 1
    ALARM = 4


# Subrecord types (sr_type).
SR_REQUEST: Final = 0  # a transmission request, in both physiological and waveform records
PH_DISPLAYED: Final = 1  # displayed values; 2 = 10 s trend, 3 = 60 s trend (not decoded)

# Special values of int16 fields (VSCapture Class2.cs DataConstants).
SPECIAL_LIMIT: Final = -32001
DATA_INVALID: Final = -32767
DATA_NOT_UPDATED: Final = -32766
DATA_DISCONTINUITY: Final = -32765
DATA_UNDER_RANGE: Final = -32764
DATA_OVER_RANGE: Final = -32763
DATA_NOT_CALIBRATED: Final = -32762
INT16_MAX: Final = 32767
VALID_MIN: Final = -32000


def is_special(raw: int) -> bool:
    """True when ``raw`` is a status code (≤ −32001) rather than a measurement."""
    return raw <= SPECIAL_LIMIT


@dataclass(frozen=True, slots=True)
class SubrecordDescriptor:
    """``offset`` in bytes from the end of the 40-byte header; ``type`` is the subrecord type."""

    offset: int
    type: int


@dataclass(frozen=True, slots=True)
class RecordHeader:
    """The 40-byte record header. ``length`` (r_len) counts header and data in bytes.

    ``time`` is r_time (Unix seconds) as timezone-aware UTC; ``subrecords`` lists the descriptors
    before the 0xFF terminator.
    """

    length: int
    number: int
    dri_level: int
    plug_id: int
    time: datetime
    main_type: int
    subrecords: tuple[SubrecordDescriptor, ...]


def encode_header(main_type: int, subrecords: tuple[SubrecordDescriptor, ...], data_length: int, *,
                  number: int = 0, dri_level: int = DRI_LEVEL_2015, time_s: int = 0) -> bytes:
    """Header for a record with ``data_length`` bytes after it; unused descriptors are zero."""
    if len(subrecords) > MAX_SUBRECORDS:
        raise ValueError(f"at most {MAX_SUBRECORDS} subrecords fit in a record")
    descriptors = [*subrecords]
    if len(descriptors) < MAX_SUBRECORDS:
        descriptors.append(SubrecordDescriptor(0, END_OF_SUBRECORDS))
    descriptors += [SubrecordDescriptor(0, 0)] * (MAX_SUBRECORDS - len(descriptors))
    head = _HEADER.pack(HEADER_SIZE + data_length, number & 0xFF, dri_level, 0, time_s, 0, 0, 0, main_type)
    return head + b"".join(_DESCRIPTOR.pack(d.offset, d.type) for d in descriptors)


def parse_record(payload: bytes) -> tuple[RecordHeader, bytes] | None:
    """Split a frame payload into header and data; ``None`` unless r_len equals the payload length."""
    if len(payload) < HEADER_SIZE:
        return None
    length, number, level, plug_id, r_time, _, _, _, main_type = _HEADER.unpack_from(payload)
    if length != len(payload):
        return None
    subrecords = []
    for index in range(MAX_SUBRECORDS):
        offset, sr_type = _DESCRIPTOR.unpack_from(payload, _HEADER.size + index * _DESCRIPTOR.size)
        if sr_type == END_OF_SUBRECORDS:
            break
        subrecords.append(SubrecordDescriptor(offset, sr_type))
    header = RecordHeader(length, number, level, plug_id, datetime.fromtimestamp(r_time, UTC), main_type,
                          tuple(subrecords))
    return header, payload[HEADER_SIZE:]


# --- physiological (displayed values) subrecords -------------------------------------------------

PH_SUBRECORD_SIZE: Final = 278
CLASS_BLOCK_SIZE: Final = 270
CLASS_BASIC: Final = 0
_PH_TIME = struct.Struct("<I")
_PH_TRAILER = struct.Struct("<BBH")  # marker, reserved, cl_drilvl_subt
_INT16 = struct.Struct("<h")


@dataclass(frozen=True, slots=True)
class BasicValues:
    """Raw int16 fields of the basic class that KetaConsole uses (special codes kept as they are).

    Units of one count: ``ecg_hr``, ``spo2_pr`` and ``co2_rr`` 1/min; pressures ``p1..p4_*`` and
    ``nibp_*`` 0.01 mmHg; ``t1..t4`` 0.01 °C; ``spo2`` 0.01 %; ``co2_et``/``co2_fi`` 0.01 % of the
    gas; ``co2_amb_press`` 0.1 mmHg. A field left out when building one is :data:`DATA_INVALID`.
    """

    ecg_hr: int = DATA_INVALID
    p1_sys: int = DATA_INVALID
    p1_dia: int = DATA_INVALID
    p1_mean: int = DATA_INVALID
    p2_sys: int = DATA_INVALID
    p2_dia: int = DATA_INVALID
    p2_mean: int = DATA_INVALID
    p3_sys: int = DATA_INVALID
    p3_dia: int = DATA_INVALID
    p3_mean: int = DATA_INVALID
    p4_sys: int = DATA_INVALID
    p4_dia: int = DATA_INVALID
    p4_mean: int = DATA_INVALID
    nibp_sys: int = DATA_INVALID
    nibp_dia: int = DATA_INVALID
    nibp_mean: int = DATA_INVALID
    t1: int = DATA_INVALID
    t2: int = DATA_INVALID
    t3: int = DATA_INVALID
    t4: int = DATA_INVALID
    spo2: int = DATA_INVALID
    spo2_pr: int = DATA_INVALID
    co2_et: int = DATA_INVALID
    co2_fi: int = DATA_INVALID
    co2_rr: int = DATA_INVALID
    co2_amb_press: int = DATA_INVALID


# Byte offset of each field inside the 270-byte basic class block. Groups start with a 6-byte
# header {uint32 status_bits; uint16 label_info}: ecg @0 (16 B), p1..p4 @16/30/44/58 (14 B each),
# nibp @72 (14 B), t1..t4 @86/94/102/110 (8 B each), SpO2 @118 (14 B), co2 @132 (14 B).
_BASIC_OFFSETS: Final = {
    "ecg_hr": 6,
    "p1_sys": 22, "p1_dia": 24, "p1_mean": 26,
    "p2_sys": 36, "p2_dia": 38, "p2_mean": 40,
    "p3_sys": 50, "p3_dia": 52, "p3_mean": 54,
    "p4_sys": 64, "p4_dia": 66, "p4_mean": 68,
    "nibp_sys": 78, "nibp_dia": 80, "nibp_mean": 82,
    "t1": 92, "t2": 100, "t3": 108, "t4": 116,
    "spo2": 124, "spo2_pr": 126,
    "co2_et": 138, "co2_fi": 140, "co2_rr": 142, "co2_amb_press": 144,
}
_BASIC_FIELDS: Final = tuple(field.name for field in fields(BasicValues))


@dataclass(frozen=True, slots=True)
class PhysiologicalSubrecord:
    """One 278-byte physiological subrecord: ``time`` Unix seconds, ``data_class`` from
    cl_drilvl_subt bits 8-11 (0 basic, 1-3 ext1-ext3) and the raw 270-byte class ``block``."""

    time: int
    data_class: int
    block: bytes


def parse_physiological_subrecord(data: bytes, offset: int) -> PhysiologicalSubrecord | None:
    """The subrecord at ``offset`` of a record's data area; ``None`` if it does not fit."""
    if offset < 0 or offset + PH_SUBRECORD_SIZE > len(data):
        return None
    (time_s,) = _PH_TIME.unpack_from(data, offset)
    block_start = offset + _PH_TIME.size
    _, _, class_level_subtype = _PH_TRAILER.unpack_from(data, block_start + CLASS_BLOCK_SIZE)
    return PhysiologicalSubrecord(time_s, (class_level_subtype >> 8) & 0x0F,
                                  data[block_start:block_start + CLASS_BLOCK_SIZE])


def parse_basic(block: bytes) -> BasicValues:
    """Read the used fields of a 270-byte basic class block."""
    return BasicValues(**{name: _INT16.unpack_from(block, _BASIC_OFFSETS[name])[0] for name in _BASIC_FIELDS})


def encode_displayed_basic(values: BasicValues, time_s: int, dri_level: int = DRI_LEVEL_2015) -> bytes:
    """A 278-byte displayed-values subrecord of the basic class; group headers and unused fields
    are zero."""
    block = bytearray(CLASS_BLOCK_SIZE)
    for name, raw in zip(_BASIC_FIELDS, astuple(values), strict=True):
        _INT16.pack_into(block, _BASIC_OFFSETS[name], raw)
    class_level_subtype = (CLASS_BASIC << 8) | ((dri_level & 0x0F) << 4) | PH_DISPLAYED
    return _PH_TIME.pack(time_s) + bytes(block) + _PH_TRAILER.pack(0, 0, class_level_subtype)


# --- waveform subrecords ------------------------------------------------------------------------

_WAVE_HEADER = struct.Struct("<hHH")  # act_len, status, reserved


class WaveType(IntEnum):
    """Waveform subrecord types (DRI_WF_*) KetaConsole knows; others are skipped."""

    ECG1 = 1
    PLETH = 8
    CO2 = 9


@dataclass(frozen=True, slots=True, eq=False)
class WaveSubrecord:
    """Samples of one wave: ``wave_type`` (sr_type), ``status`` bits, raw int16 ``samples``."""

    wave_type: int
    status: int
    samples: np.ndarray


def parse_wave_subrecord(data: bytes, descriptor: SubrecordDescriptor) -> WaveSubrecord | None:
    """The wave subrecord ``descriptor`` points at; ``None`` if it does not fit in ``data``."""
    start = descriptor.offset
    if start < 0 or start + _WAVE_HEADER.size > len(data):
        return None
    count, status, _ = _WAVE_HEADER.unpack_from(data, start)
    end = start + _WAVE_HEADER.size + 2 * count
    if count < 0 or end > len(data):
        return None
    samples = np.frombuffer(data, dtype="<i2", count=count, offset=start + _WAVE_HEADER.size)
    return WaveSubrecord(descriptor.type, status, samples.astype(np.int16))


def encode_wave_record(waves: list[tuple[int, np.ndarray]], *, number: int = 0,
                       dri_level: int = DRI_LEVEL_2015, time_s: int = 0) -> bytes:
    """A waveform record with one subrecord per ``(wave_type, raw int16 samples)``, back to back."""
    body = bytearray()
    descriptors = []
    for wave_type, samples in waves:
        descriptors.append(SubrecordDescriptor(len(body), wave_type))
        body += _WAVE_HEADER.pack(len(samples), 0, 0)
        body += np.asarray(samples, dtype="<i2").tobytes()
    header = encode_header(MainType.WAVEFORM, tuple(descriptors), len(body), number=number,
                           dri_level=dri_level, time_s=time_s)
    return header + bytes(body)


# --- requests (host → monitor) ------------------------------------------------------------------

_PHDB_REQUEST = struct.Struct("<BhIh")  # phdb_rcrd_type, tx_interval (s), phdb_class_bf, reserved
_WAVE_REQUEST = struct.Struct("<hh8B20x")  # req_type, res, type[8], reserved[10]

CLASS_REQUEST_BASIC: Final = 0x0000
CLASS_DENY_BASIC: Final = 0x0001
CLASS_REQUEST_EXT1: Final = 0x0002
CLASS_REQUEST_EXT2: Final = 0x0004
CLASS_REQUEST_EXT3: Final = 0x0008
INTERVAL_STOP: Final = 0
INTERVAL_SINGLE_SHOT: Final = -1
WAVE_START: Final = 0
WAVE_STOP: Final = 1
_REQUEST_DESCRIPTORS: Final = (SubrecordDescriptor(0, SR_REQUEST),)


@dataclass(frozen=True, slots=True)
class DisplayedValuesRequest:
    """``interval_s``: seconds between records, 0 stop, −1 one record; ``class_bits``: phdb_class_bf."""

    record_type: int
    interval_s: int
    class_bits: int
    dri_level: int


@dataclass(frozen=True, slots=True)
class WaveformRequest:
    """Start (``start=True``) or stop continuous transmission of ``wave_types``."""

    start: bool
    wave_types: tuple[int, ...]
    dri_level: int


def displayed_values_request(interval_s: int, class_bits: int = CLASS_REQUEST_BASIC,
                             dri_level: int = DRI_LEVEL_2015) -> bytes:
    """Payload (49 bytes) asking for displayed values every ``interval_s`` seconds."""
    body = _PHDB_REQUEST.pack(PH_DISPLAYED, interval_s, class_bits, 0)
    return encode_header(MainType.PHYSIOLOGICAL, _REQUEST_DESCRIPTORS, len(body), dri_level=dri_level) + body


def waveform_request(wave_types: tuple[int, ...], start: bool = True,
                     dri_level: int = DRI_LEVEL_2015) -> bytes:
    """Payload (72 bytes) starting or stopping continuous transmission of up to 8 waves."""
    if len(wave_types) > MAX_SUBRECORDS:
        raise ValueError(f"at most {MAX_SUBRECORDS} waves per request")
    types = [*wave_types, *[END_OF_SUBRECORDS] * (MAX_SUBRECORDS - len(wave_types))]
    body = _WAVE_REQUEST.pack(WAVE_START if start else WAVE_STOP, 0, *types)
    return encode_header(MainType.WAVEFORM, _REQUEST_DESCRIPTORS, len(body), dri_level=dri_level) + body


def parse_request(payload: bytes) -> DisplayedValuesRequest | WaveformRequest | None:
    """Decode a host request payload; ``None`` for anything else or anything malformed."""
    parsed = parse_record(payload)
    if parsed is None:
        return None
    header, data = parsed
    if not header.subrecords or header.subrecords[0].type != SR_REQUEST:
        return None
    offset = header.subrecords[0].offset
    if header.main_type == MainType.PHYSIOLOGICAL and 0 <= offset <= len(data) - _PHDB_REQUEST.size:
        record_type, interval, class_bits, _ = _PHDB_REQUEST.unpack_from(data, offset)
        return DisplayedValuesRequest(record_type, interval, class_bits, header.dri_level)
    if header.main_type == MainType.WAVEFORM and 0 <= offset <= len(data) - _WAVE_REQUEST.size:
        request_type, _, *types = _WAVE_REQUEST.unpack_from(data, offset)
        if request_type not in (WAVE_START, WAVE_STOP):
            return None
        listed = types[:types.index(END_OF_SUBRECORDS)] if END_OF_SUBRECORDS in types else types
        return WaveformRequest(request_type == WAVE_START, tuple(listed), header.dri_level)
    return None
