"""Driver for the GE Datex-Ohmeda S/5 Computer Interface (DRI) over its serial port.

The monitor sends nothing until asked. On connect the driver asks for the basic class of displayed
values every ``interval_s`` seconds and for the ECG1, pleth and CO2 waves; it repeats the requests
after a silence (a monitor restarted behind an open port has forgotten them). Each request goes out
at the DRI levels 2015, 2009, 2005, 2003 and 2001, as VSCapture does, because the level a monitor
answers is not known in advance; the public S/5 capture was recorded that way.

Every displayed-values record yields one :class:`Observation` per parameter in
:data:`NUMERIC_FIELDS` and :data:`GAS_FIELDS`, valid or absent, stamped with the record's r_time as
``device_time``. Waveform records yield :class:`WaveformChunk` objects with invalid samples as NaN.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Final

import numpy as np

from ketaconsole.core.clock import Clock, Stamp
from ketaconsole.core.observations import AbsentReason, DeviceOutput, Observation, WaveformChunk
from ketaconsole.devices.base import DecoderStats, MonitorDriver, SerialSettings
from ketaconsole.devices.datex_s5_framing import Unframer, frame
from ketaconsole.devices.datex_s5_records import (
    CLASS_BASIC,
    CLASS_REQUEST_BASIC,
    DATA_DISCONTINUITY,
    DATA_INVALID,
    DATA_NOT_CALIBRATED,
    DATA_NOT_UPDATED,
    DATA_OVER_RANGE,
    DATA_UNDER_RANGE,
    DRI_LEVEL_2001,
    DRI_LEVEL_2003,
    DRI_LEVEL_2005,
    DRI_LEVEL_2009,
    DRI_LEVEL_2015,
    PH_DISPLAYED,
    SPECIAL_LIMIT,
    BasicValues,
    MainType,
    RecordHeader,
    WaveType,
    displayed_values_request,
    is_special,
    parse_basic,
    parse_physiological_subrecord,
    parse_record,
    parse_wave_subrecord,
    waveform_request,
)


@dataclass(frozen=True, slots=True)
class NumericField:
    """A registry parameter read from one basic-class field; value = raw / ``counts_per_unit``."""

    parameter: str
    field: str
    counts_per_unit: int


NUMERIC_FIELDS: Final = (
    NumericField("HR", "ecg_hr", 1),
    NumericField("NIBP_SYS", "nibp_sys", 100),
    NumericField("NIBP_DIA", "nibp_dia", 100),
    NumericField("NIBP_MEAN", "nibp_mean", 100),
    NumericField("SPO2", "spo2", 100),
    NumericField("PR", "spo2_pr", 1),
    NumericField("TEMP", "t1", 100),
    NumericField("TEMP2", "t2", 100),
    NumericField("TEMP3", "t3", 100),
    NumericField("TEMP4", "t4", 100),
    NumericField("RR", "co2_rr", 1),
    NumericField("IBP1_SYS", "p1_sys", 100),
    NumericField("IBP1_DIA", "p1_dia", 100),
    NumericField("IBP1_MEAN", "p1_mean", 100),
    NumericField("IBP2_SYS", "p2_sys", 100),
    NumericField("IBP2_DIA", "p2_dia", 100),
    NumericField("IBP2_MEAN", "p2_mean", 100),
    NumericField("IBP3_SYS", "p3_sys", 100),
    NumericField("IBP3_DIA", "p3_dia", 100),
    NumericField("IBP3_MEAN", "p3_mean", 100),
    NumericField("IBP4_SYS", "p4_sys", 100),
    NumericField("IBP4_DIA", "p4_dia", 100),
    NumericField("IBP4_MEAN", "p4_mean", 100),
)

#: Gas concentrations (0.01 % of the gas) reported as partial pressures in mmHg:
#: mmHg = % / 100 × ambient pressure (co2_amb_press of the same record).
GAS_FIELDS: Final = (NumericField("ETCO2", "co2_et", 100), NumericField("FICO2", "co2_fi", 100))
#: Counts of co2_amb_press per mmHg (the field is in 0.1 mmHg).
AMBIENT_COUNTS_PER_MMHG: Final = 10


@dataclass(frozen=True, slots=True)
class WaveChannel:
    """A wave the driver decodes: registry ``key``, S/5 native rate (samples/s), and counts per
    unit (ECG: per mV, pleth: per %, CO2: per % of the gas, converted to mmHg on decoding).

    ECG counts follow VSCapture (×0.01 → mV). One port states µV per count; unverified.
    """

    key: str
    wave_type: WaveType
    sample_rate_hz: float
    counts_per_unit: int


WAVE_CHANNELS: Final = {
    WaveType.ECG1: WaveChannel("ECG", WaveType.ECG1, 300.0, 100),
    WaveType.PLETH: WaveChannel("PLETH", WaveType.PLETH, 100.0, 100),
    WaveType.CO2: WaveChannel("CO2", WaveType.CO2, 25.0, 100),
}

_ABSENT_REASONS: Final = {
    DATA_INVALID: AbsentReason.INVALID,
    DATA_NOT_UPDATED: AbsentReason.NOT_MEASURED,
    DATA_DISCONTINUITY: AbsentReason.NOT_MEASURED,
    DATA_UNDER_RANGE: AbsentReason.UNDER_RANGE,
    DATA_OVER_RANGE: AbsentReason.OVER_RANGE,
    DATA_NOT_CALIBRATED: AbsentReason.NOT_CALIBRATED,
}

_REQUEST_LEVELS: Final = (DRI_LEVEL_2015, DRI_LEVEL_2009, DRI_LEVEL_2005, DRI_LEVEL_2003, DRI_LEVEL_2001)


def absent_reason(raw: int) -> AbsentReason:
    """Why a special value carries no number; special codes not in the table count as invalid."""
    return _ABSENT_REASONS.get(raw, AbsentReason.INVALID)


@dataclass(slots=True)
class DatexS5Stats(DecoderStats):
    """Decoder counters plus the record-level ones; they only grow.

    ``records_malformed``: checksum valid but r_len or a subrecord does not fit (nothing decoded).
    ``records_skipped``: main types not decoded (alarms …). ``subrecords_skipped``: subrecords not
    decoded (ext classes, trends, unknown wave types).
    """

    records_malformed: int = 0
    records_skipped: int = 0
    subrecords_skipped: int = 0


class DatexS5Driver(MonitorDriver):
    """Decoder and requester for one S/5 monitor. ``interval_s``: seconds between displayed-values
    records asked of the monitor (1 … 32767)."""

    protocol: ClassVar[str] = "datex-s5"
    description: ClassVar[str] = "GE Datex-Ohmeda S/5 Computer Interface (DRI)"
    serial_settings: ClassVar[SerialSettings] = SerialSettings(19200, 8, "E", 1, rtscts=True)
    requested_waves: ClassVar[tuple[WaveType, ...]] = (WaveType.ECG1, WaveType.PLETH, WaveType.CO2)

    def __init__(self, clock: Clock, source: str, *, interval_s: int = 5) -> None:
        super().__init__(clock, source)
        if not 1 <= interval_s <= 32767:
            raise ValueError(f"interval_s must be 1 … 32767 s, got {interval_s}")
        self.interval_s = interval_s
        self.stats: DatexS5Stats = DatexS5Stats()
        self._unframer = Unframer(self.stats)
        self._ambient_mmhg: float | None = None
        self._silence_at_last_request: float | None = None

    @property
    def rerequest_after_s(self) -> float:
        """Silence (s) after which the requests are sent again: max(2 × interval, 10)."""
        return max(2 * self.interval_s, 10)

    def requests_on_connect(self) -> bytes:
        """Framed displayed-values (basic class) and waveform start requests, at each DRI level."""
        displayed = (frame(displayed_values_request(self.interval_s, CLASS_REQUEST_BASIC, level))
                     for level in _REQUEST_LEVELS)
        waves = (frame(waveform_request(self.requested_waves, True, level)) for level in _REQUEST_LEVELS)
        return b"".join([*displayed, *waves])

    def periodic_requests(self, seconds_since_last_data: float) -> bytes:
        """The connect requests again once silence exceeds :attr:`rerequest_after_s`, then at most
        once per further such period while the silence lasts."""
        period = self.rerequest_after_s
        if seconds_since_last_data <= period:
            self._silence_at_last_request = None
            return b""
        last = self._silence_at_last_request
        if last is not None and seconds_since_last_data - last < period:
            return b""
        self._silence_at_last_request = seconds_since_last_data
        return self.requests_on_connect()

    def feed(self, data: bytes) -> Sequence[DeviceOutput]:
        outputs: list[DeviceOutput] = []
        for payload in self._unframer.feed(data):
            outputs.extend(self._decode(payload))
        return outputs

    def _decode(self, payload: bytes) -> list[DeviceOutput]:
        parsed = parse_record(payload)
        if parsed is None:
            self.stats.records_malformed += 1
            return []
        header, data = parsed
        if header.main_type == MainType.PHYSIOLOGICAL:
            return self._decode_physiological(header, data)
        if header.main_type == MainType.WAVEFORM:
            return self._decode_waves(header, data)
        self.stats.records_skipped += 1
        return []

    def _decode_physiological(self, header: RecordHeader, data: bytes) -> list[DeviceOutput]:
        parsed = [parse_physiological_subrecord(data, d.offset) for d in header.subrecords]
        subrecords = [sub for sub in parsed if sub is not None]
        if len(subrecords) != len(parsed):
            self.stats.records_malformed += 1
            return []
        outputs: list[DeviceOutput] = []
        for descriptor, sub in zip(header.subrecords, subrecords, strict=True):
            if descriptor.type != PH_DISPLAYED or sub.data_class != CLASS_BASIC:
                self.stats.subrecords_skipped += 1
                continue
            outputs.extend(self._observations(parse_basic(sub.block), header.time))
        return outputs

    def _observations(self, values: BasicValues, device_time: datetime) -> list[Observation]:
        received = self.clock.now()
        ambient_raw = values.co2_amb_press
        valid_ambient = not is_special(ambient_raw) and ambient_raw > 0
        ambient = ambient_raw / AMBIENT_COUNTS_PER_MMHG if valid_ambient else None
        self._ambient_mmhg = ambient
        observations = []
        for spec in NUMERIC_FIELDS:
            raw = getattr(values, spec.field)
            observations.append(self._observation(spec.parameter, raw, raw / spec.counts_per_unit,
                                                  received, device_time))
        for spec in GAS_FIELDS:
            raw = getattr(values, spec.field)
            if is_special(raw) or ambient is None:
                reason = absent_reason(raw) if is_special(raw) else AbsentReason.INVALID
                observations.append(Observation.absent(spec.parameter, reason, received, self.source,
                                                       device_time))
            else:
                mmhg = raw / spec.counts_per_unit / 100 * ambient
                observations.append(Observation(spec.parameter, mmhg, received, self.source,
                                                device_time=device_time))
        return observations

    def _observation(self, parameter: str, raw: int, value: float, received: Stamp,
                     device_time: datetime) -> Observation:
        if is_special(raw):
            return Observation.absent(parameter, absent_reason(raw), received, self.source, device_time)
        return Observation(parameter, value, received, self.source, device_time=device_time)

    def _decode_waves(self, header: RecordHeader, data: bytes) -> list[DeviceOutput]:
        parsed = [parse_wave_subrecord(data, d) for d in header.subrecords]
        subrecords = [sub for sub in parsed if sub is not None]
        if len(subrecords) != len(parsed):
            self.stats.records_malformed += 1
            return []
        received = self.clock.now()
        chunks: list[DeviceOutput] = []
        for sub in subrecords:
            channel = WAVE_CHANNELS.get(sub.wave_type)
            if channel is None:
                self.stats.subrecords_skipped += 1
            elif len(sub.samples):
                samples = self._wave_values(channel, sub.samples)
                # A record arrives after its last sample: the first sample is one record length earlier.
                start = received.shifted(-len(samples) / channel.sample_rate_hz)
                chunks.append(WaveformChunk(channel.key, start, channel.sample_rate_hz, samples,
                                            self.source, header.time))
        return chunks

    def _wave_values(self, channel: WaveChannel, raw: np.ndarray) -> np.ndarray:
        """Samples in the registry unit; special codes, and CO2 before an ambient pressure is known,
        are NaN."""
        values = raw.astype(np.float64) / channel.counts_per_unit
        values[raw <= SPECIAL_LIMIT] = np.nan
        if channel.wave_type == WaveType.CO2:
            values *= np.nan if self._ambient_mmhg is None else self._ambient_mmhg / 100
        return values
