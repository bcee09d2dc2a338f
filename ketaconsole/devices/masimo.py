"""Masimo "ASCII 1" serial output (Radical-5/7, Rad-8, Rad-97/Root class pulse oximeters).

The oximeter streams one text line about once a second at 9600 8N1, ended by CR LF (any mix of CR
and LF is accepted)::

    09/15/10 15:10:29 SPO2=097% BPM=064 PI=11.82% ALARM=20 EXC=800

The line starts with the oximeter's local date ``MM/DD/YY`` and time ``HH:MM:SS``, followed by
space-separated ``KEY=value`` tokens. Models and firmware differ in the keys they send and in the
width of the ALARM (2, 4 or 6 hex digits) and EXC (3, 6 or 7) bitfields, so tokens are read, never
columns. Keys are case-insensitive (the Rad-8 trend form writes ``SpO2`` and ``PR``).

How a line becomes outputs (the safety argument: a corrupted line may be lost, never misread):

* Framing: a line is what lies between runs of CR/LF. Bytes before the last date/time in a line
  (noise, the head of a truncated line) are discarded, so a good line survives garbage glued to its
  front. A line longer than :data:`MAX_LINE_BYTES` is dropped whole. Drops and discarded bytes are
  counted in :attr:`stats`, never raised.
* Every decoded value must match its field's fixed width (``SPO2`` three digits, ``PI`` ``dd.dd``,
  optional ``%`` suffix). One malformed token drops the whole line: ``SPO2=9x7%`` and ``SPO2=97%``
  (a lost digit) give nothing, not 97. Duplicate keys, bytes outside printable ASCII and an invalid
  date or time drop the line too.
* Layout lock: a device does not change its key sequence or its ALARM/EXC widths between lines.
  The first accepted line fixes the layout; a line with another layout is dropped unless it is the
  :data:`LAYOUT_ADOPT_AFTER`-th consecutive line with that same new layout (the cable was moved to
  another oximeter), which is then adopted. This catches damage a token check cannot see, such as
  ``EXC=000820`` cut to ``EXC=000`` or a line that lost its EXC token.
* Dashes that fill a field (``---``, ``--.--``, ``+--``) mean no value: the observation is absent
  with :attr:`AbsentReason.NOT_MEASURED`.
* When EXC says no usable sensor is on the patient (:data:`SENSOR_UNUSABLE`: no sensor, sensor off,
  defective, unrecognised or incompatible sensor or cable) every value on the line is absent with
  :attr:`AbsentReason.SENSOR_OFF`, whatever digits it carries: the Rad-8 writes ``SpO2=000`` with the
  sensor off, and a number the device reports without a sensor is not a measurement of the patient.
* Other EXC conditions (low perfusion, low signal IQ, interference, pulse search …) keep the value
  and are reported in a :class:`SensorState` for sensor ``"SPO2"``, emitted with the first EXC and
  whenever the set of conditions changes. The "Masimo SET" bit (0x800) is normal operation and is
  not a condition. Bits without a documented meaning appear as ``"exc-bit-0x…"``.
* ALARM bits become :class:`DeviceAlarm` transitions: ``active=True`` when a bit appears,
  ``active=False`` when it clears. Limit alarms (SpO2, pulse rate, SpCO, SpMet, desat index, PI
  delta) are MEDIUM physiological; low battery is LOW technical; undocumented bits are LOW technical
  with the bit in the code. Bits 0x10 "alarm active" and 0x20 "alarm silenced" describe the
  oximeter's own alarm system rather than a condition; they are exposed as INFO-priority
  transitions ``DEVICE_ALARMING`` and ``DEVICE_ALARM_SILENCED`` so the timeline shows when the
  bedside device sounded and when its audio was paused.

``device_time`` is the line's date and time as a naive datetime (the oximeter clock has no zone;
two-digit years are 2000-2099). ``received`` is the driver clock's reading when the line was decoded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from ketaconsole.core.clock import Clock
from ketaconsole.core.observations import (
    AbsentReason,
    AlarmPriority,
    DeviceAlarm,
    DeviceOutput,
    Observation,
    SensorState,
)
from ketaconsole.devices.base import DecoderStats, MonitorDriver, SerialSettings

MAX_LINE_BYTES = 512
"""A line longer than this (bytes, without terminator) is dropped; real lines are under 200."""

LAYOUT_ADOPT_AFTER = 3
"""Consecutive lines with the same new layout after which that layout replaces the locked one."""

SENSOR = "SPO2"
"""The sensor name used in :class:`SensorState` outputs."""

EXC_MASIMO_SET = 0x800
"""EXC bit meaning the algorithm runs in full SET mode: normal operation, not a condition."""

EXC_CONDITIONS: dict[int, str] = {
    0x000001: "no-sensor",
    0x000002: "defective-sensor",
    0x000004: "low-perfusion",
    0x000008: "pulse-search",
    0x000010: "interference",
    0x000020: "sensor-off",
    0x000040: "ambient-light",
    0x000080: "unrecognized-sensor",
    0x000100: "incompatible-sensor",
    0x000400: "low-signal-iq",
    0x001000: "no-cable",
    0x002000: "cable-life-expired",
    0x004000: "incompatible-cable",
    0x008000: "unrecognized-cable",
    0x010000: "defective-cable",
    0x020000: "sensor-calibrating",
    0x040000: "sensor-life-expired",
    0x080000: "emitter-temperature-out-of-range",
    0x100000: "sensor-current-limit-exceeded",
    0x200000: "spco-low-confidence",
    0x400000: "spmet-low-confidence",
}
"""EXC bit → condition name (Rad-8 manual for the low 12 bits, OpenICE for the rest)."""

SENSOR_UNUSABLE = frozenset({
    "no-sensor", "defective-sensor", "sensor-off", "unrecognized-sensor", "incompatible-sensor",
    "no-cable", "incompatible-cable", "unrecognized-cable", "defective-cable",
})
"""Conditions under which no value on the line is a measurement of the patient."""


@dataclass(frozen=True, slots=True)
class AlarmBit:
    """How one ALARM bit is reported as a :class:`DeviceAlarm`."""

    code: str
    message: str
    priority: AlarmPriority
    technical: bool


def _limit_alarm(code: str, message: str) -> AlarmBit:
    return AlarmBit(code, message, AlarmPriority.MEDIUM, technical=False)


ALARM_BITS: dict[int, AlarmBit] = {
    0x0001: _limit_alarm("SPO2_HIGH", "SpO2 above the high limit"),
    0x0002: _limit_alarm("SPO2_LOW", "SpO2 below the low limit"),
    0x0004: _limit_alarm("PR_HIGH", "Pulse rate above the high limit"),
    0x0008: _limit_alarm("PR_LOW", "Pulse rate below the low limit"),
    0x0010: AlarmBit("DEVICE_ALARMING", "Oximeter alarm sounding", AlarmPriority.INFO, False),
    0x0020: AlarmBit("DEVICE_ALARM_SILENCED", "Oximeter alarm audio silenced", AlarmPriority.INFO, False),
    0x0040: AlarmBit("LOW_BATTERY", "Oximeter battery low", AlarmPriority.LOW, technical=True),
    0x0100: _limit_alarm("SPCO_HIGH", "SpCO above the high limit"),
    0x0200: _limit_alarm("SPCO_LOW", "SpCO below the low limit"),
    0x0400: _limit_alarm("SPMET_HIGH", "SpMet above the high limit"),
    0x0800: _limit_alarm("SPMET_LOW", "SpMet below the low limit"),
    0x1000: _limit_alarm("DESAT_INDEX", "Desaturation index alarm"),
    0x2000: _limit_alarm("PI_DELTA", "Perfusion index rate-of-change alarm"),
}
"""ALARM bit → alarm (OpenICE ``poxrad_discrete.h``; bits 0x01-0x20 confirmed on a Rad-8)."""


def alarm_bit(bit: int) -> AlarmBit:
    """The alarm for one ALARM bit; undocumented bits are LOW technical ``ALARM_BIT_0x…``."""
    known = ALARM_BITS.get(bit)
    if known is not None:
        return known
    return AlarmBit(f"ALARM_BIT_{bit:#x}", f"Undocumented oximeter alarm bit {bit:#x}",
                    AlarmPriority.LOW, technical=True)


def exc_conditions(bits: int) -> frozenset[str]:
    """Condition names for an EXC bitfield, without the normal "Masimo SET" bit."""
    return frozenset(EXC_CONDITIONS.get(bit, f"exc-bit-{bit:#x}")
                     for bit in _set_bits(bits & ~EXC_MASIMO_SET))


def _set_bits(bits: int) -> list[int]:
    """The single-bit masks set in ``bits``, lowest first."""
    return [1 << position for position in range(bits.bit_length()) if bits >> position & 1]


# Decoded KEY → (registry parameter, fixed-width pattern of a present value without the % suffix).
_NUMERIC_KEYS: dict[str, tuple[str, re.Pattern[str]]] = {
    "SPO2": ("SPO2", re.compile(r"\d{3}")),
    "BPM": ("PR", re.compile(r"\d{3}")),
    "PR": ("PR", re.compile(r"\d{3}")),
    "PI": ("PI", re.compile(r"\d{2}\.\d{2}")),
    "SPCO": ("SPCO", re.compile(r"\d{2}(?:\.\d)?")),
    "SPMET": ("SPMET", re.compile(r"\d{2}\.\d")),
    "PVI": ("PVI", re.compile(r"\d{3}")),
    "SPHB": ("SPHB", re.compile(r"\d{2}\.\d")),
}
_DASHES = re.compile(r"[+-]?-[-.]*")
_ALARM_VALUE = re.compile(r"([0-9A-F]{2}|[0-9A-F]{4}|[0-9A-F]{6})", re.IGNORECASE)
_EXC_VALUE = re.compile(r"([0-9A-F]{3}|[0-9A-F]{6,7})(?::[A-Z0-9]+(?:,[A-Z0-9]+)*)?", re.IGNORECASE)
_TOKEN = re.compile(r"([A-Za-z][A-Za-z0-9]*)=([^=]+)")
_TERMINATORS = re.compile(rb"[\r\n]+")
_DATE_TIME = re.compile(rb"\d\d/\d\d/\d\d \d\d:\d\d:\d\d(?= )")
_PRINTABLE = re.compile(rb"[\x20-\x7e]*")


class MalformedLine(ValueError):
    """A line that must be dropped whole."""


@dataclass(frozen=True, slots=True)
class MasimoLine:
    """One well-formed line. ``values`` maps registry keys to numbers, ``None`` for dashes.

    ``layout`` is the key sequence plus the ALARM and EXC widths, used by the layout lock.
    """

    device_time: datetime
    values: dict[str, float | None]
    alarm_bits: int | None
    exc_bits: int | None
    layout: tuple[str, ...]
    ignored_fields: int


def parse_line(text: str) -> MasimoLine:
    """Parse one line starting at its date (no terminator); raise :class:`MalformedLine`."""
    date, _, rest = text.partition(" ")
    time, _, fields = rest.partition(" ")
    device_time = _parse_device_time(date, time)
    values: dict[str, float | None] = {}
    alarm_bits = exc_bits = None
    layout: list[str] = []
    ignored = 0
    for token in fields.split():
        match = _TOKEN.fullmatch(token)
        if match is None:
            raise MalformedLine(f"not a KEY=value token: {token!r}")
        key, value = match[1].upper(), match[2]
        if key in layout:
            raise MalformedLine(f"duplicate key {key}")
        layout.append(key)
        if key == "ALARM":
            alarm_bits, width = _parse_hex(_ALARM_VALUE, value)
            layout.append(f"ALARM width {width}")
        elif key == "EXC":
            exc_bits, width = _parse_hex(_EXC_VALUE, value)
            layout.append(f"EXC width {width}")
        elif key in _NUMERIC_KEYS:
            parameter, pattern = _NUMERIC_KEYS[key]
            if parameter in values:
                raise MalformedLine(f"{parameter} given twice")
            values[parameter] = _parse_number(pattern, value)
        else:
            ignored += 1
    if not layout:
        raise MalformedLine("no fields")
    return MasimoLine(device_time, values, alarm_bits, exc_bits, tuple(layout), ignored)


def _parse_device_time(date: str, time: str) -> datetime:
    """``MM/DD/YY`` and ``HH:MM:SS`` as a naive datetime in 2000-2099."""
    try:
        if len(date) != 8 or len(time) != 8:
            raise ValueError("wrong width")
        stamp = datetime.strptime(f"{date} {time}", "%m/%d/%y %H:%M:%S")
    except ValueError:
        raise MalformedLine(f"bad date or time: {date!r} {time!r}") from None
    return stamp.replace(year=2000 + stamp.year % 100)


def _parse_number(pattern: re.Pattern[str], text: str) -> float | None:
    digits = text.removesuffix("%")
    if _DASHES.fullmatch(digits):
        return None
    if pattern.fullmatch(digits) is None:
        raise MalformedLine(f"bad value {text!r}")
    return float(digits)


def _parse_hex(pattern: re.Pattern[str], text: str) -> tuple[int, int]:
    """The bits and the digit count of a hex bitfield value."""
    match = pattern.fullmatch(text)
    if match is None:
        raise MalformedLine(f"bad bitfield {text!r}")
    return int(match[1], 16), len(match[1])


@dataclass(slots=True)
class MasimoStats(DecoderStats):
    """:class:`DecoderStats` plus ``fields_ignored``: tokens of accepted lines with keys not decoded."""

    fields_ignored: int = 0


class MasimoAscii1Driver(MonitorDriver):
    """Decoder for the Masimo ASCII 1 line stream; see the module docstring for the rules."""

    protocol: ClassVar[str] = "masimo"
    description: ClassVar[str] = "Masimo ASCII 1 serial output (Radical-5/7, Rad-8, Rad-97, Root)"
    serial_settings: ClassVar[SerialSettings] = SerialSettings(baudrate=9600)

    def __init__(self, clock: Clock, source: str) -> None:
        super().__init__(clock, source)
        self.stats: MasimoStats = MasimoStats()
        self._pending = bytearray()
        self._discarding_overlong = False
        self._layout: tuple[str, ...] | None = None
        self._new_layout: tuple[str, ...] | None = None
        self._new_layout_count = 0
        self._alarm_bits = 0
        self._conditions: frozenset[str] | None = None

    def feed(self, data: bytes) -> Sequence[DeviceOutput]:
        self._pending += data
        *lines, rest = _TERMINATORS.split(self._pending)
        self._pending = bytearray(rest)
        outputs: list[DeviceOutput] = []
        for line in lines:
            if self._discarding_overlong:
                self._discarding_overlong = False
                self.stats.bytes_discarded += len(line)
            elif len(line) > MAX_LINE_BYTES:
                self._drop(line)
            elif line:
                outputs.extend(self._decode(bytes(line)))
        if self._discarding_overlong:
            self.stats.bytes_discarded += len(self._pending)
            self._pending.clear()
        elif len(self._pending) > MAX_LINE_BYTES:
            self._drop(self._pending)
            self._pending.clear()
            self._discarding_overlong = True
        return outputs

    def _drop(self, line: bytes | bytearray) -> None:
        self.stats.frames_dropped += 1
        self.stats.bytes_discarded += len(line)

    def _decode(self, raw: bytes) -> list[DeviceOutput]:
        starts = [match.start() for match in _DATE_TIME.finditer(raw)]
        if not starts:
            self._drop(raw)
            return []
        self.stats.bytes_discarded += starts[-1]
        body = raw[starts[-1]:]
        try:
            if _PRINTABLE.fullmatch(body) is None:
                raise MalformedLine("non-printable bytes")
            line = parse_line(body.decode("ascii"))
        except MalformedLine:
            self._drop(body)
            return []
        if not self._layout_accepted(line.layout):
            self._drop(body)
            return []
        self.stats.frames_ok += 1
        self.stats.fields_ignored += line.ignored_fields
        return self._outputs(line)

    def _layout_accepted(self, layout: tuple[str, ...]) -> bool:
        if self._layout is None or layout == self._layout:
            self._layout, self._new_layout, self._new_layout_count = layout, None, 0
            return True
        if layout == self._new_layout:
            self._new_layout_count += 1
        else:
            self._new_layout, self._new_layout_count = layout, 1
        if self._new_layout_count < LAYOUT_ADOPT_AFTER:
            return False
        self._layout, self._new_layout, self._new_layout_count = layout, None, 0
        return True

    def _outputs(self, line: MasimoLine) -> list[DeviceOutput]:
        received = self.clock.now()
        conditions = None if line.exc_bits is None else exc_conditions(line.exc_bits)
        sensor_unusable = bool(conditions and conditions & SENSOR_UNUSABLE)
        outputs: list[DeviceOutput] = []
        for parameter, value in line.values.items():
            if sensor_unusable or value is None:
                reason = AbsentReason.SENSOR_OFF if sensor_unusable else AbsentReason.NOT_MEASURED
                outputs.append(Observation.absent(parameter, reason, received, self.source,
                                                  line.device_time))
            else:
                outputs.append(Observation(parameter, value, received, self.source,
                                           device_time=line.device_time))
        if conditions is not None and conditions != self._conditions:
            self._conditions = conditions
            outputs.append(SensorState(SENSOR, conditions, received, self.source))
        if line.alarm_bits is not None:
            for bit in _set_bits(line.alarm_bits ^ self._alarm_bits):
                alarm = alarm_bit(bit)
                outputs.append(DeviceAlarm(alarm.code, alarm.message, alarm.priority, alarm.technical,
                                           active=bool(line.alarm_bits & bit), received=received,
                                           source=self.source))
            self._alarm_bits = line.alarm_bits
        return outputs
