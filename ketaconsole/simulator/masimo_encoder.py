"""A simulated Masimo oximeter speaking "ASCII 1": one line per simulated second, sent unasked.

Models (field sets and widths as in the public examples of ``protocols.md`` §1.2):

``radical5``
    ``SPO2=097% BPM=064 PI=11.82% ALARM=00 EXC=800``: ALARM 2 hex digits, EXC 3.
``radical7``
    ``SN=---------- SPO2=098% BPM=064 PI=05.20% SPCO=01.0% SPMET=00.5% DESAT=-- PIDELTA=+--
    PVI=027 ALARM=0000 EXC=000800``: ALARM 4, EXC 6 (the Rad-8 live output has this layout too).
``rainbow``
    Radical-7 with rainbow parameters: ``... PI=05.20 SPCO=01% SPMET=00.5% SPHB=13.5 SPOC=-- RESVD=---
    DESAT=-- PIDELTA=+-- PVI=027 ALARM=000000 EXC=0000800 EXC1=00000000``: ALARM 6, EXC 7, SpCO whole %.
``rad8``
    The Rad-8 trend form ``SpO2=097 PR=069 PI=04.69 EXC=800:SET``: no ALARM, EXC 3 with the decoded
    names appended; with the sensor off it writes zeros (``SpO2=000 PR=000 PI=00.00 EXC=820:OffPat,SET``).

Values come from ``frame.numerics`` by registry key (``SPO2``, ``PR``, ``PI``, ``SPCO``, ``SPMET``,
``SPHB``, ``PVI``); a missing key or ``None`` is sent as dashes of the field's width. A value is rounded
to the field's resolution and limited to what the field can show (e.g. 0-999 for three digits). With
``"SPO2"`` in ``frame.sensor_off`` the EXC "sensor off" bit is set and every value is dashes (zeros for
``rad8``). The "Masimo SET" EXC bit is always set. ALARM is always 0 (alarm limits are not simulated).
The device clock shows ``frame.stamp.utc`` as a naive local time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from ketaconsole.core.clock import NS_PER_S
from ketaconsole.devices.base import SerialSettings
from ketaconsole.devices.masimo import EXC_MASIMO_SET
from ketaconsole.simulator.base import ProtocolEncoder, SimFrame

EXC_SENSOR_OFF = 0x020
"""EXC bit "Sensor Off" (protocols.md §1.4)."""

RAD8_EXC_NAMES = {EXC_SENSOR_OFF: "OffPat", EXC_MASIMO_SET: "SET"}
"""Names the Rad-8 trend form appends to EXC, for the bits this encoder sets."""


@dataclass(frozen=True, slots=True)
class NumericField:
    """A value field: ``digits`` before the point, ``decimals`` after, optional ``%`` suffix."""

    key: str
    parameter: str
    digits: int
    decimals: int = 0
    percent: bool = False

    def render(self, value: float | None, zero_fill: bool = False) -> str:
        """``KEY=value`` for ``value`` in the registry unit.

        ``None`` (or a non-finite value) gives dashes, or zeros when ``zero_fill``.
        """
        width = self.digits + (self.decimals + 1 if self.decimals else 0)
        if value is None and zero_fill:
            value = 0.0
        if value is None or not math.isfinite(value):
            text = f"{0:0{width}.{self.decimals}f}".replace("0", "-")
        else:
            largest = 10**self.digits - 10**-self.decimals
            shown = min(max(round(value, self.decimals), 0.0), largest)
            text = f"{shown:0{width}.{self.decimals}f}"
        return f"{self.key}={text}{'%' if self.percent else ''}"


@dataclass(frozen=True, slots=True)
class FixedField:
    """A field this simulator does not model, sent with a constant text (dashes or zeros)."""

    key: str
    text: str


@dataclass(frozen=True, slots=True)
class Model:
    """One oximeter's line layout: ``fields``, then ALARM and EXC, then ``trailing``.

    ``alarm_digits`` is ``None`` when the layout has no ALARM; ``exc_names`` appends the Rad-8 decoded
    exception names to EXC.
    """

    fields: tuple[NumericField | FixedField, ...]
    alarm_digits: int | None
    exc_digits: int
    trailing: tuple[FixedField, ...] = ()
    exc_names: bool = False
    zeros_when_sensor_off: bool = False


_SPO2 = NumericField("SPO2", "SPO2", 3, percent=True)
_BPM = NumericField("BPM", "PR", 3)
_PI_PERCENT = NumericField("PI", "PI", 2, 2, percent=True)
_SPMET = NumericField("SPMET", "SPMET", 2, 1, percent=True)
_PVI = NumericField("PVI", "PVI", 3)
_SERIAL = FixedField("SN", "----------")
_DESAT = FixedField("DESAT", "--")
_PIDELTA = FixedField("PIDELTA", "+--")

MODELS: dict[str, Model] = {
    "radical5": Model(
        fields=(_SPO2, _BPM, _PI_PERCENT),
        alarm_digits=2, exc_digits=3,
    ),
    "radical7": Model(
        fields=(_SERIAL, _SPO2, _BPM, _PI_PERCENT, NumericField("SPCO", "SPCO", 2, 1, percent=True),
                _SPMET, _DESAT, _PIDELTA, _PVI),
        alarm_digits=4, exc_digits=6,
    ),
    "rainbow": Model(
        fields=(_SERIAL, _SPO2, _BPM, NumericField("PI", "PI", 2, 2),
                NumericField("SPCO", "SPCO", 2, percent=True), _SPMET, NumericField("SPHB", "SPHB", 2, 1),
                FixedField("SPOC", "--"), FixedField("RESVD", "---"), _DESAT, _PIDELTA, _PVI),
        alarm_digits=6, exc_digits=7, trailing=(FixedField("EXC1", "00000000"),),
    ),
    "rad8": Model(
        fields=(NumericField("SpO2", "SPO2", 3), NumericField("PR", "PR", 3), NumericField("PI", "PI", 2, 2)),
        alarm_digits=None, exc_digits=3, exc_names=True, zeros_when_sensor_off=True,
    ),
}
"""Known models by name; see the module docstring."""


class MasimoEncoder(ProtocolEncoder):
    """Device side of Masimo ASCII 1 for one of :data:`MODELS`."""

    protocol: ClassVar[str] = "masimo"
    serial_settings: ClassVar[SerialSettings] = SerialSettings(baudrate=9600)

    def __init__(self, model: str = "radical7") -> None:
        if model not in MODELS:
            raise ValueError(f"unknown Masimo model {model!r} (known: {', '.join(sorted(MODELS))})")
        self.model = model
        self._layout = MODELS[model]
        self._next_line_ns: int | None = None

    def produce(self, frame: SimFrame) -> bytes:
        """One line when a simulated second has passed since the last (the first frame sends one)."""
        now_ns = frame.stamp.monotonic_ns
        if self._next_line_ns is None:
            self._next_line_ns = now_ns
        if now_ns < self._next_line_ns:
            return b""
        seconds_late = (now_ns - self._next_line_ns) // NS_PER_S
        self._next_line_ns += (seconds_late + 1) * NS_PER_S
        return self.line(frame).encode("ascii")

    def line(self, frame: SimFrame) -> str:
        """The line (CR LF included) this oximeter would send for ``frame``."""
        layout = self._layout
        sensor_off = "SPO2" in frame.sensor_off
        fields = [f"{frame.stamp.utc:%m/%d/%y %H:%M:%S}"]
        for field in layout.fields:
            if isinstance(field, FixedField):
                fields.append(f"{field.key}={field.text}")
            else:
                value = None if sensor_off else frame.numerics.get(field.parameter)
                fields.append(field.render(value, zero_fill=sensor_off and layout.zeros_when_sensor_off))
        if layout.alarm_digits is not None:
            fields.append(f"ALARM={0:0{layout.alarm_digits}X}")
        fields.append(self._exc(sensor_off))
        fields.extend(f"{field.key}={field.text}" for field in layout.trailing)
        return " ".join(fields) + "\r\n"

    def _exc(self, sensor_off: bool) -> str:
        bits = EXC_MASIMO_SET | (EXC_SENSOR_OFF if sensor_off else 0)
        text = f"EXC={bits:0{self._layout.exc_digits}X}"
        if self._layout.exc_names:
            text += ":" + ",".join(name for bit, name in sorted(RAD8_EXC_NAMES.items()) if bits & bit)
        return text
