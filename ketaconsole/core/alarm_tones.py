"""Auditory alarm signals in the style of IEC 60601-1-8: settings as data, bursts generated with numpy.

The tone of each priority is described by ``resources/sounds/alarm-bursts.toml`` (a site replaces it
with ``sounds/alarm-bursts.toml`` in :func:`ketaconsole.paths.site_config_dir`). The pydantic models
below refuse any value outside the ranges the project reference gives for the standard (clinical.md
§4.3), so no file can configure an out-of-range signal; those ranges are themselves defaults to
confirm against a purchased copy of the standard.

Definitions used throughout (the *envelope* is a pulse's amplitude, 100 % being its plateau):

* **rise time** ``t_r``: the envelope going from 10 % to 90 %; the fall mirrors the rise.
* **effective pulse duration** ``t_d``: from the 90 % point of the rise to the 90 % point of the fall,
  i.e. the time the envelope stays at or above 90 %.
* **pulse spacing** ``t_s``: from the 90 % point of one pulse's fall to the 90 % point of the next
  pulse's rise, so consecutive pulses start ``t_d + t_s`` apart.
* **pulse onset**: the sample where a pulse's envelope leaves zero; a pulse ends where it is back at
  zero. Pulses never overlap: the settings are refused when the spacing is too short for the ramps.
* **inter-burst interval** ``t_b``: silence from the end of a burst (its last pulse back at zero) to
  the onset of the next burst.

A high-priority burst is ten pulses in two groups of five (``x x x - x x``); inside a group the
third and fourth pulses are ``2 t_s + t_d`` apart, as if one pulse were missing, and the groups are
``mid_burst_gap_ms`` apart (measured like a spacing). Medium is three pulses, low one or two.

Ramps are raised cosines, ``0.5 (1 - cos(pi u))`` for ``u`` from 0 to 1 over the ramp length ``R``;
its 10 %-90 % rise takes ``0.590 R``, so ``R = t_r / 0.590``. Every pulse of a burst is the same
sampled waveform (fundamental plus harmonics, each starting at phase zero at the pulse onset), scaled
so the burst's peak is ``level`` of full scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ketaconsole.core.data_files import DataFileError, read_toml, validate
from ketaconsole.core.observations import AlarmPriority
from ketaconsole.paths import data_path, site_config_dir

SHIPPED_FILE = ("resources", "sounds", "alarm-bursts.toml")
SITE_FILE = ("sounds", "alarm-bursts.toml")

HARMONIC_BAND_HZ = (300.0, 4000.0)
MIN_HARMONICS_IN_BAND = 4
# A harmonic counts towards MIN_HARMONICS_IN_BAND only this close to the fundamental's level.
COUNTED_HARMONIC_MIN_DB = -15.0
# Harmonics stay below this fraction of the sample rate (the Nyquist frequency is 0.5).
MAX_HARMONIC_FRACTION_OF_RATE = 0.45

# Fractions of the ramp length where a raised-cosine ramp crosses 10 % and 90 %.
RAMP_AT_10_PERCENT = math.acos(0.8) / math.pi
RAMP_AT_90_PERCENT = 1.0 - RAMP_AT_10_PERCENT
RISE_TIME_PER_RAMP = RAMP_AT_90_PERCENT - RAMP_AT_10_PERCENT


class AlarmToneError(DataFileError):
    """An alarm sound file that cannot be used; the message names the file and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


HarmonicAmplitude = Annotated[float, Field(gt=0, le=1)]


class _PulseTone(_Strict):
    """What every priority's pulses share. Subclasses narrow the ranges to the priority's own."""

    fundamental_hz: float = Field(ge=150, le=1000)
    harmonics: tuple[HarmonicAmplitude, ...] = Field(
        min_length=MIN_HARMONICS_IN_BAND,
        description="amplitudes of harmonics 2, 3, … relative to the fundamental (1.0)")
    pulse_duration_ms: float
    rise_fraction: float = Field(ge=0.10, le=0.20, description="t_r / t_d")
    pulse_spacing_ms: float

    @property
    def rise_time_ms(self) -> float:
        return self.rise_fraction * self.pulse_duration_ms

    @property
    def ramp_ms(self) -> float:
        """Length of one raised-cosine ramp (zero to plateau) in ms."""
        return self.rise_time_ms / RISE_TIME_PER_RAMP

    def harmonic_frequencies_hz(self) -> list[float]:
        """Frequencies of harmonics 2, 3, … in the order of ``harmonics``."""
        return [self.fundamental_hz * number for number in range(2, len(self.harmonics) + 2)]

    @model_validator(mode="after")
    def _audible_and_separate(self) -> _PulseTone:
        low, high = HARMONIC_BAND_HZ
        floor = 10 ** (COUNTED_HARMONIC_MIN_DB / 20)
        counted = sum(1 for frequency, amplitude in zip(self.harmonic_frequencies_hz(), self.harmonics,
                                                        strict=True)
                      if low <= frequency <= high and amplitude >= floor)
        if counted < MIN_HARMONICS_IN_BAND:
            raise ValueError(
                f"harmonics: only {counted} harmonics lie within {low:.0f}-{high:.0f} Hz at no less than "
                f"{COUNTED_HARMONIC_MIN_DB:.0f} dB of the fundamental; "
                f"at least {MIN_HARMONICS_IN_BAND} are needed")
        shortest = 2 * RAMP_AT_90_PERCENT * self.ramp_ms
        if self.pulse_spacing_ms < shortest:
            raise ValueError(
                f"pulse_spacing_ms: {self.pulse_spacing_ms:g} ms is too short for a rise time of "
                f"{self.rise_time_ms:g} ms; pulses would overlap below {shortest:.1f} ms")
        return self


class HighPriorityTone(_PulseTone):
    """Ten pulses in two groups of five; repeated every 2.5-15 s."""

    pulses: Literal[10]
    pulse_duration_ms: float = Field(ge=75, le=200)
    pulse_spacing_ms: float = Field(ge=50, le=125)
    mid_burst_gap_ms: float = Field(ge=350, le=1300)
    inter_burst_interval_s: float = Field(ge=2.5, le=15)


class MediumPriorityTone(_PulseTone):
    """Three pulses; repeated every 2.5-30 s."""

    pulses: Literal[3]
    pulse_duration_ms: float = Field(ge=125, le=250)
    pulse_spacing_ms: float = Field(ge=125, le=250)
    inter_burst_interval_s: float = Field(ge=2.5, le=30)


class LowPriorityTone(_PulseTone):
    """One or two pulses; repeated after more than 15 s, or sounded once when the interval is absent."""

    pulses: Literal[1, 2]
    pulse_duration_ms: float = Field(ge=125, le=250)
    pulse_spacing_ms: float = Field(ge=125, le=250)
    inter_burst_interval_s: float | None = Field(default=None, gt=15, le=600)


class ToneSettings(_Strict):
    """The whole file: sample rate, peak level (fraction of full scale) and one tone per priority."""

    sample_rate_hz: Literal[22050, 44100, 48000]
    level: float = Field(gt=0, le=1)
    high: HighPriorityTone
    medium: MediumPriorityTone
    low: LowPriorityTone

    @model_validator(mode="after")
    def _below_nyquist(self) -> ToneSettings:
        limit = MAX_HARMONIC_FRACTION_OF_RATE * self.sample_rate_hz
        for name in ("high", "medium", "low"):
            top = max(getattr(self, name).harmonic_frequencies_hz())
            if top > limit:
                raise ValueError(f"{name}.harmonics: the highest harmonic ({top:g} Hz) is above "
                                 f"{limit:g} Hz, too close to half the sample rate")
        return self

    def tone(self, priority: AlarmPriority) -> HighPriorityTone | MediumPriorityTone | LowPriorityTone:
        """The tone of an alarm priority; ``ValueError`` for ``INFO``, which has no auditory signal."""
        tones = {AlarmPriority.HIGH: self.high, AlarmPriority.MEDIUM: self.medium,
                 AlarmPriority.LOW: self.low}
        if priority not in tones:
            raise ValueError(f"{priority.value} has no auditory alarm signal")
        return tones[priority]


@dataclass(frozen=True, slots=True)
class LoadedToneSettings:
    """Settings in force, the file they came from, and why a site file was not used (if it was not)."""

    settings: ToneSettings
    source: str
    problems: tuple[str, ...] = ()


def parse_tone_settings(data: bytes, source: str) -> ToneSettings:
    """Settings from a file's bytes; :class:`AlarmToneError` naming ``source`` and each wrong field."""
    content = read_toml(data, source=source, error=AlarmToneError)
    return validate(ToneSettings, content, source=source, error=AlarmToneError)


def read_tone_settings(path: Path | None = None) -> ToneSettings:
    """Settings from ``path`` (the shipped file when ``None``); :class:`AlarmToneError` when unusable."""
    path = path if path is not None else data_path(*SHIPPED_FILE)
    try:
        data = path.read_bytes()
    except OSError as problem:
        raise AlarmToneError(f"{path}: cannot be read ({problem})") from None
    return parse_tone_settings(data, str(path))


def load_tone_settings(site_dir: Path | None = None) -> LoadedToneSettings:
    """The site's file when it exists and is valid, else the shipped one with the site file's problem.

    ``site_dir`` defaults to :func:`ketaconsole.paths.site_config_dir`. A broken shipped file raises
    :class:`AlarmToneError`: there would be no alarm sound to fall back on."""
    site_file = (site_dir if site_dir is not None else site_config_dir()).joinpath(*SITE_FILE)
    problems: tuple[str, ...] = ()
    if site_file.exists():
        try:
            return LoadedToneSettings(read_tone_settings(site_file), str(site_file))
        except AlarmToneError as problem:
            problems = (f"{problem}; the shipped alarm sounds are used instead",)
    shipped = data_path(*SHIPPED_FILE)
    return LoadedToneSettings(read_tone_settings(shipped), str(shipped), problems)


@dataclass(frozen=True, slots=True)
class BurstSpec:
    """Where the pulses of a generated burst are, in seconds from its first sample.

    ``pulse_onsets_s`` are the samples where each envelope leaves zero; ``pulse_durations_s`` the
    effective durations (90 % rise to 90 % fall); ``pulse_length_s`` a pulse from zero to zero.
    ``inter_burst_interval_s`` is ``None`` when the burst sounds once."""

    priority: AlarmPriority
    sample_rate_hz: int
    fundamental_hz: float
    pulse_onsets_s: tuple[float, ...]
    pulse_durations_s: tuple[float, ...]
    pulse_length_s: float
    rise_time_s: float
    duration_s: float
    inter_burst_interval_s: float | None

    @property
    def repeat_period_s(self) -> float | None:
        """Seconds from one burst's start to the next one's, or ``None`` when it sounds once."""
        if self.inter_burst_interval_s is None:
            return None
        return self.duration_s + self.inter_burst_interval_s


@dataclass(frozen=True, slots=True, eq=False)
class AlarmBurst:
    """One burst: mono float32 samples in [-1, 1] at ``spec.sample_rate_hz``, and where its pulses are."""

    samples: np.ndarray
    spec: BurstSpec


def _pulse_starts_ms(tone: HighPriorityTone | MediumPriorityTone | LowPriorityTone) -> list[float]:
    """Onsets of the pulses in ms from the first, from the spacing rules in the module docstring."""
    period = tone.pulse_duration_ms + tone.pulse_spacing_ms
    if isinstance(tone, HighPriorityTone):
        group = [0.0, period, 2 * period, 4 * period, 5 * period]
        second = group[-1] + tone.pulse_duration_ms + tone.mid_burst_gap_ms
        return group + [second + start for start in group]
    return [number * period for number in range(tone.pulses)]


def _pulse_waveform(tone: _PulseTone, sample_rate_hz: int) -> np.ndarray:
    """One pulse from onset to its return to zero, float64, not yet scaled to the level."""
    ramp_s = tone.ramp_ms / 1000
    plateau_s = tone.pulse_duration_ms / 1000 - 2 * RAMP_AT_10_PERCENT * ramp_s
    length_s = 2 * ramp_s + plateau_s
    times = np.arange(math.ceil(length_s * sample_rate_hz) + 1) / sample_rate_hz
    rising = 0.5 * (1 - np.cos(np.pi * np.clip(times / ramp_s, 0, 1)))
    falling = 0.5 * (1 - np.cos(np.pi * np.clip((length_s - times) / ramp_s, 0, 1)))
    envelope = np.minimum(rising, falling)
    amplitudes = (1.0, *tone.harmonics)
    tone_wave = sum(amplitude * np.sin(2 * np.pi * number * tone.fundamental_hz * times)
                    for number, amplitude in enumerate(amplitudes, start=1))
    return envelope * tone_wave


def generate_burst(settings: ToneSettings, priority: AlarmPriority) -> AlarmBurst:
    """The burst of ``priority`` (HIGH, MEDIUM or LOW) as samples plus its :class:`BurstSpec`.

    Onsets are rounded to whole samples, so the spec's times are exact for the samples returned."""
    tone = settings.tone(priority)
    rate = settings.sample_rate_hz
    pulse = _pulse_waveform(tone, rate)
    pulse *= settings.level / np.max(np.abs(pulse))
    starts = [round(start_ms / 1000 * rate) for start_ms in _pulse_starts_ms(tone)]
    samples = np.zeros(starts[-1] + len(pulse), dtype=np.float64)
    for start in starts:
        samples[start:start + len(pulse)] += pulse
    spec = BurstSpec(
        priority=priority,
        sample_rate_hz=rate,
        fundamental_hz=tone.fundamental_hz,
        pulse_onsets_s=tuple(start / rate for start in starts),
        pulse_durations_s=(tone.pulse_duration_ms / 1000,) * len(starts),
        pulse_length_s=(len(pulse) - 1) / rate,
        rise_time_s=tone.rise_time_ms / 1000,
        duration_s=len(samples) / rate,
        inter_burst_interval_s=tone.inter_burst_interval_s,
    )
    return AlarmBurst(np.clip(samples, -1.0, 1.0).astype(np.float32), spec)


def pcm16le(samples: np.ndarray) -> bytes:
    """Samples in [-1, 1] as signed 16-bit little-endian PCM (values outside are clipped)."""
    scaled = np.round(np.clip(samples, -1.0, 1.0) * 32767)
    return scaled.astype("<i2").tobytes()
