"""A simulated GE Datex-Ohmeda S/5 monitor on its Computer Interface (DRI).

Like the real monitor it sends nothing until asked. A displayed-values request (basic class) starts
one record every ``tx_interval`` seconds (0 stops, −1 sends one); a waveform start request streams
the listed waves it knows (ECG1, pleth, CO2) at the S/5 native rates, several records per second,
until a stop request. Requests at any DRI level are honoured; replies carry this encoder's level.
Record times (r_time) are the frame's UTC wall time in whole seconds; cadence follows the frame's
monotonic clock.
"""

from __future__ import annotations

import math
from typing import ClassVar

import numpy as np

from ketaconsole.core.clock import NS_PER_S
from ketaconsole.devices import datex_s5_framing
from ketaconsole.devices.base import SerialSettings
from ketaconsole.devices.datex_s5 import (
    AMBIENT_COUNTS_PER_MMHG,
    GAS_FIELDS,
    NUMERIC_FIELDS,
    WAVE_CHANNELS,
    DatexS5Driver,
)
from ketaconsole.devices.datex_s5_records import (
    CLASS_DENY_BASIC,
    DATA_INVALID,
    DATA_OVER_RANGE,
    DATA_UNDER_RANGE,
    DRI_LEVEL_2015,
    INT16_MAX,
    INTERVAL_SINGLE_SHOT,
    INTERVAL_STOP,
    PH_DISPLAYED,
    PH_SUBRECORD_SIZE,
    VALID_MIN,
    BasicValues,
    DisplayedValuesRequest,
    MainType,
    SubrecordDescriptor,
    WaveformRequest,
    WaveType,
    encode_displayed_basic,
    encode_header,
    encode_wave_record,
    parse_request,
)
from ketaconsole.simulator.base import ProtocolEncoder, SimFrame, WaveSlice


def encode_value(value: float | None, counts_per_unit: float) -> int:
    """A displayed value as an int16 field: ``None`` → invalid, beyond the field → over/under range."""
    if value is None or not math.isfinite(value):
        return DATA_INVALID
    raw = round(value * counts_per_unit)
    if raw > INT16_MAX:
        return DATA_OVER_RANGE
    if raw < VALID_MIN:
        return DATA_UNDER_RANGE
    return raw


class WaveResampler:
    """Resamples one continuous wave, slice by slice, to ``target_hz`` by linear interpolation.

    Output sample ``k`` lies ``k / target_hz`` seconds after the first input sample and is emitted
    as soon as an input sample at or after that instant has arrived; a change of the input rate
    restarts the timeline. NaN inputs give NaN outputs next to them.
    """

    _EPSILON = 1e-9  # absorbs float error when an output instant falls exactly on an input sample

    def __init__(self, target_hz: float) -> None:
        self.target_hz = target_hz
        self._source_hz: float | None = None
        self._buffer = np.empty(0)
        self._buffer_start = 0  # input index of _buffer[0]
        self._received = 0  # input samples since the timeline started
        self._emitted = 0  # output samples since the timeline started

    def push(self, wave: WaveSlice) -> np.ndarray:
        """Output samples (float64) whose instants the input received so far covers."""
        if wave.sample_rate_hz != self._source_hz:
            self._source_hz = wave.sample_rate_hz
            self._buffer = np.empty(0)
            self._buffer_start = self._received = self._emitted = 0
        samples = np.asarray(wave.samples, dtype=np.float64)
        self._buffer = np.concatenate([self._buffer, samples])
        self._received += len(samples)
        if not self._received:
            return np.empty(0)
        inputs_per_output = self._source_hz / self.target_hz
        last = math.floor((self._received - 1) / inputs_per_output + self._EPSILON)
        positions = np.arange(self._emitted, last + 1) * inputs_per_output - self._buffer_start
        output = np.interp(positions, np.arange(len(self._buffer)), self._buffer)
        self._emitted = max(self._emitted, last + 1)
        keep_from = min(math.floor(self._emitted * inputs_per_output), self._received - 1)
        self._buffer = self._buffer[keep_from - self._buffer_start:]
        self._buffer_start = keep_from
        return output


class DatexS5Encoder(ProtocolEncoder):
    """The monitor side of the DRI. ``ambient_mmhg``: ambient pressure the CO2 module reports;
    ``wave_record_period_s``: seconds between waveform records."""

    protocol: ClassVar[str] = "datex-s5"
    serial_settings: ClassVar[SerialSettings] = DatexS5Driver.serial_settings

    def __init__(self, *, ambient_mmhg: float = 760.0, dri_level: int = DRI_LEVEL_2015,
                 wave_record_period_s: float = 0.25) -> None:
        self.ambient_mmhg = ambient_mmhg
        self.dri_level = dri_level
        self.wave_record_period_s = wave_record_period_s
        self._requests = datex_s5_framing.Unframer()
        self._interval_ns: int | None = None
        self._single_shot = False
        self._next_displayed_ns: int | None = None
        self._resamplers: dict[WaveType, WaveResampler] = {}
        self._pending: dict[WaveType, list[np.ndarray]] = {}
        self._next_wave_ns: int | None = None
        self._record_number = 0

    @property
    def streaming_waves(self) -> frozenset[WaveType]:
        """Waves currently requested and sent."""
        return frozenset(self._resamplers)

    def receive(self, data: bytes) -> None:
        for payload in self._requests.feed(data):
            request = parse_request(payload)
            if isinstance(request, DisplayedValuesRequest):
                self._on_displayed_values_request(request)
            elif isinstance(request, WaveformRequest):
                self._on_waveform_request(request)

    def produce(self, frame: SimFrame) -> bytes:
        now_ns = frame.stamp.monotonic_ns
        time_s = math.floor(frame.stamp.utc.timestamp())
        out = bytearray()
        if self._displayed_values_due(now_ns):
            out += self._displayed_values_record(frame, time_s)
        if self._resamplers:
            out += self._wave_records(frame, now_ns, time_s)
        return bytes(out)

    def _on_displayed_values_request(self, request: DisplayedValuesRequest) -> None:
        if request.record_type != PH_DISPLAYED:
            return
        if request.interval_s == INTERVAL_STOP or request.class_bits & CLASS_DENY_BASIC:
            self._interval_ns = None
            self._single_shot = False
        elif request.interval_s == INTERVAL_SINGLE_SHOT:
            self._interval_ns = None
            self._single_shot = True
        elif request.interval_s > 0:
            self._interval_ns = request.interval_s * NS_PER_S
            self._next_displayed_ns = None

    def _on_waveform_request(self, request: WaveformRequest) -> None:
        known = {WaveType(t) for t in request.wave_types if t in WAVE_CHANNELS} if request.start else set()
        self._resamplers = {t: self._resamplers.get(t) or WaveResampler(WAVE_CHANNELS[t].sample_rate_hz)
                            for t in sorted(known)}
        self._pending = {t: self._pending.get(t, []) for t in self._resamplers}
        if not self._resamplers:
            self._next_wave_ns = None

    def _displayed_values_due(self, now_ns: int) -> bool:
        if self._single_shot:
            self._single_shot = False
            return True
        if self._interval_ns is None:
            return False
        due = self._next_displayed_ns
        if due is not None and now_ns < due:
            return False
        behind = due is None or now_ns - due >= self._interval_ns
        self._next_displayed_ns = (now_ns if behind else due) + self._interval_ns
        return True

    def _next_number(self) -> int:
        number = self._record_number
        self._record_number = (number + 1) & 0xFF
        return number

    def _displayed_values_record(self, frame: SimFrame, time_s: int) -> bytes:
        raw = {spec.field: encode_value(frame.numerics.get(spec.parameter), spec.counts_per_unit)
               for spec in NUMERIC_FIELDS}
        for spec in GAS_FIELDS:
            partial_pressure = frame.numerics.get(spec.parameter)
            percent = None if partial_pressure is None else partial_pressure / self.ambient_mmhg * 100
            raw[spec.field] = encode_value(percent, spec.counts_per_unit)
        raw["co2_amb_press"] = encode_value(self.ambient_mmhg, AMBIENT_COUNTS_PER_MMHG)
        subrecord = encode_displayed_basic(BasicValues(**raw), time_s, self.dri_level)
        header = encode_header(MainType.PHYSIOLOGICAL, (SubrecordDescriptor(0, PH_DISPLAYED),),
                               PH_SUBRECORD_SIZE, number=self._next_number(), dri_level=self.dri_level,
                               time_s=time_s)
        return datex_s5_framing.frame(header + subrecord)

    def _wave_records(self, frame: SimFrame, now_ns: int, time_s: int) -> bytes:
        for wave_type, resampler in self._resamplers.items():
            wave = frame.waves.get(WAVE_CHANNELS[wave_type].key)
            if wave is not None:
                self._pending[wave_type].append(resampler.push(wave))
        period_ns = round(self.wave_record_period_s * NS_PER_S)
        if self._next_wave_ns is None:
            self._next_wave_ns = now_ns + period_ns
        if now_ns < self._next_wave_ns:
            return b""
        self._next_wave_ns += period_ns
        if self._next_wave_ns <= now_ns:
            self._next_wave_ns = now_ns + period_ns
        pieces: dict[WaveType, list[np.ndarray]] = {}
        for wave_type, chunks in self._pending.items():
            raw = self._wave_raw(wave_type, np.concatenate(chunks)) if chunks else np.empty(0, np.int16)
            limit = math.ceil(WAVE_CHANNELS[wave_type].sample_rate_hz * self.wave_record_period_s)
            pieces[wave_type] = [raw[i:i + limit] for i in range(0, len(raw), limit)]
            chunks.clear()
        out = bytearray()
        for index in range(max((len(p) for p in pieces.values()), default=0)):
            waves = [(int(t), p[index]) for t, p in pieces.items() if index < len(p)]
            out += datex_s5_framing.frame(encode_wave_record(waves, number=self._next_number(),
                                                   dri_level=self.dri_level, time_s=time_s))
        return bytes(out)

    def _wave_raw(self, wave_type: WaveType, values: np.ndarray) -> np.ndarray:
        """Samples in the registry unit as int16 counts; NaN → invalid, beyond the field → clipped."""
        channel = WAVE_CHANNELS[wave_type]
        if wave_type == WaveType.CO2:
            values = values / self.ambient_mmhg * 100
        counts = np.clip(np.round(values * channel.counts_per_unit), VALID_MIN, INT16_MAX)
        counts[~np.isfinite(values)] = DATA_INVALID
        return counts.astype(np.int16)

