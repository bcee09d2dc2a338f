"""Alarm bursts measured as audio, independently of the generator's own spec: pulses are found in the
signal's envelope, the fundamental and harmonics in its spectrum, and each figure is checked against the
standard's range (clinical.md §4.3) and the configured value. Then every out-of-range setting is refused
with its field named."""

from __future__ import annotations

import itertools
import json
import math
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ketaconsole.core.alarm_tones import (
    SHIPPED_FILE,
    AlarmToneError,
    ToneSettings,
    generate_burst,
    load_tone_settings,
    parse_tone_settings,
    pcm16le,
    read_tone_settings,
)
from ketaconsole.core.observations import AlarmPriority
from ketaconsole.paths import data_path

PRIORITIES = (AlarmPriority.HIGH, AlarmPriority.MEDIUM, AlarmPriority.LOW)
EXPECTED_PULSES = {AlarmPriority.HIGH: 10, AlarmPriority.MEDIUM: 3, AlarmPriority.LOW: 1}
# Effective pulse duration allowed by the standard, in seconds.
DURATION_RANGE_S = {AlarmPriority.HIGH: (0.075, 0.200), AlarmPriority.MEDIUM: (0.125, 0.250),
                    AlarmPriority.LOW: (0.125, 0.250)}
SPACING_RANGE_S = {AlarmPriority.HIGH: (0.050, 0.125), AlarmPriority.MEDIUM: (0.125, 0.250),
                   AlarmPriority.LOW: (0.125, 0.250)}
MID_BURST_GAP_RANGE_S = (0.35, 1.30)
TIME_TOLERANCE_S = 0.002
HARMONIC_FLOOR_DB = -15.0


@pytest.fixture(scope="module")
def settings() -> ToneSettings:
    return read_tone_settings()


@dataclass(frozen=True)
class MeasuredPulse:
    rise_10_s: float
    rise_90_s: float
    fall_90_s: float
    plateau_rms: float

    @property
    def effective_duration_s(self) -> float:
        return self.fall_90_s - self.rise_90_s

    @property
    def rise_time_s(self) -> float:
        return self.rise_90_s - self.rise_10_s


def spectrum(samples: np.ndarray, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """Frequencies (Hz) and magnitudes of a Hann-windowed, zero-padded FFT."""
    size = 1 << 20
    magnitudes = np.abs(np.fft.rfft(samples * np.hanning(len(samples)), n=size))
    return np.fft.rfftfreq(size, 1 / rate), magnitudes


def measured_fundamental(samples: np.ndarray, rate: int) -> float:
    frequencies, magnitudes = spectrum(samples, rate)
    return float(frequencies[np.argmax(magnitudes)])


def moving_rms(samples: np.ndarray, window: int) -> np.ndarray:
    """RMS over ``window`` samples centred on each sample: over one period of the fundamental the
    harmonics' ripple averages out and what is left is the pulse envelope (as an RMS level)."""
    power = np.convolve(samples.astype(np.float64) ** 2, np.ones(window) / window, mode="same")
    return np.sqrt(power)


def crossing(envelope: np.ndarray, level: float, start: int, stop: int, rate: int, *,
             last: bool = False) -> float:
    """Time (s) where ``envelope`` first (or ``last``) crosses ``level`` between samples ``start`` and
    ``stop`` (either direction), interpolated between the two samples around it."""
    segment = envelope[start:stop] - level
    index = int(np.flatnonzero(np.sign(segment[:-1]) != np.sign(segment[1:]))[-1 if last else 0])
    fraction = segment[index] / (segment[index] - segment[index + 1])
    return (start + index + fraction) / rate


def measure_pulses(samples: np.ndarray, rate: int) -> list[MeasuredPulse]:
    """Pulses found in the envelope: runs above half its maximum, then 10 % and 90 % of each run's own
    plateau located on its edges."""
    period = round(rate / measured_fundamental(samples, rate))
    envelope = moving_rms(samples, period)
    above = envelope > 0.5 * envelope.max()
    edges = np.flatnonzero(np.diff(above.astype(np.int8)))
    starts, stops = edges[0::2] + 1, edges[1::2] + 1
    assert len(starts) == len(stops), "a pulse runs into the end of the burst"
    pulses = []
    for number, (start, stop) in enumerate(zip(starts, stops, strict=True)):
        before = stops[number - 1] if number else 0
        after = starts[number + 1] if number + 1 < len(starts) else len(envelope)
        plateau = float(envelope[start:stop].max())
        peak = start + int(np.argmax(envelope[start:stop]))
        rise_10 = crossing(envelope, 0.1 * plateau, before, start, rate, last=True)
        rise_90 = crossing(envelope, 0.9 * plateau, start - 1, peak + 1, rate)
        last_top = start + int(np.flatnonzero(envelope[start:stop] >= 0.9 * plateau)[-1])
        fall_90 = crossing(envelope, 0.9 * plateau, last_top, after, rate)
        pulses.append(MeasuredPulse(rise_10, rise_90, fall_90, plateau))
    return pulses


def spacings(pulses: list[MeasuredPulse]) -> list[float]:
    """From each pulse's 90 % fall to the next one's 90 % rise, in seconds."""
    return [after.rise_90_s - before.fall_90_s for before, after in itertools.pairwise(pulses)]


@pytest.mark.parametrize("priority", PRIORITIES, ids=lambda priority: priority.value)
def test_the_burst_has_the_priority_s_pulses_with_the_configured_timing(
        settings: ToneSettings, priority: AlarmPriority) -> None:
    tone = settings.tone(priority)
    burst = generate_burst(settings, priority)
    pulses = measure_pulses(burst.samples, settings.sample_rate_hz)

    assert len(pulses) == EXPECTED_PULSES[priority]
    low, high = DURATION_RANGE_S[priority]
    for pulse in pulses:
        assert low <= pulse.effective_duration_s <= high
        configured_s = tone.pulse_duration_ms / 1000
        assert pulse.effective_duration_s == pytest.approx(configured_s, abs=TIME_TOLERANCE_S)
        fraction = pulse.rise_time_s / pulse.effective_duration_s
        assert 0.10 <= fraction <= 0.20
        assert fraction == pytest.approx(tone.rise_fraction, abs=0.01)
    onsets = [pulse.rise_90_s for pulse in pulses]
    expected = [onset + (burst.spec.pulse_length_s - burst.spec.pulse_durations_s[0]) / 2
                for onset in burst.spec.pulse_onsets_s]
    assert onsets == pytest.approx(expected, abs=TIME_TOLERANCE_S), "the spec disagrees with the signal"


def test_pulses_of_a_medium_burst_are_evenly_spaced(settings: ToneSettings) -> None:
    tone = settings.medium
    gaps = spacings(measure_pulses(generate_burst(settings, AlarmPriority.MEDIUM).samples,
                                   settings.sample_rate_hz))
    low, high = SPACING_RANGE_S[AlarmPriority.MEDIUM]
    assert len(gaps) == 2
    for gap in gaps:
        assert low <= gap <= high
        assert gap == pytest.approx(tone.pulse_spacing_ms / 1000, abs=TIME_TOLERANCE_S)


def test_a_high_burst_is_two_groups_of_five_each_three_plus_two(settings: ToneSettings) -> None:
    tone = settings.high
    gaps = spacings(measure_pulses(generate_burst(settings, AlarmPriority.HIGH).samples,
                                   settings.sample_rate_hz))
    spacing, duration = tone.pulse_spacing_ms / 1000, tone.pulse_duration_ms / 1000
    assert len(gaps) == 9
    assert max(range(9), key=gaps.__getitem__) == 4, "the longest gap must fall between pulses 5 and 6"
    assert MID_BURST_GAP_RANGE_S[0] <= gaps[4] <= MID_BURST_GAP_RANGE_S[1]
    assert gaps[4] == pytest.approx(tone.mid_burst_gap_ms / 1000, abs=TIME_TOLERANCE_S)
    for group in (gaps[0:4], gaps[5:9]):
        short = [group[0], group[1], group[3]]
        assert all(SPACING_RANGE_S[AlarmPriority.HIGH][0] <= gap <= SPACING_RANGE_S[AlarmPriority.HIGH][1]
                   for gap in short)
        assert short == pytest.approx([spacing] * 3, abs=TIME_TOLERANCE_S)
        assert group[2] == pytest.approx(2 * spacing + duration, abs=TIME_TOLERANCE_S)


@pytest.mark.parametrize("priority", PRIORITIES, ids=lambda priority: priority.value)
def test_the_fundamental_and_at_least_four_harmonics_are_where_configured(
        settings: ToneSettings, priority: AlarmPriority) -> None:
    tone = settings.tone(priority)
    rate = settings.sample_rate_hz
    burst = generate_burst(settings, priority)
    first_pulse = burst.samples[: round(burst.spec.pulse_length_s * rate)]
    frequencies, magnitudes = spectrum(first_pulse, rate)
    fundamental = float(frequencies[np.argmax(magnitudes)])
    assert 150 <= fundamental <= 1000
    assert fundamental == pytest.approx(tone.fundamental_hz, rel=0.01)

    def level_db(frequency: float) -> float:
        near = (frequencies > frequency * 0.98) & (frequencies < frequency * 1.02)
        return 20 * math.log10(magnitudes[near].max() / magnitudes.max())

    in_band = [number * fundamental for number in range(2, 40) if 300 <= number * fundamental <= 4000]
    audible = [frequency for frequency in in_band if level_db(frequency) >= HARMONIC_FLOOR_DB]
    assert len(audible) >= 4
    between = [(number + 0.5) * fundamental for number in range(1, 5)]
    assert all(level_db(frequency) < HARMONIC_FLOOR_DB - 20 for frequency in between), \
        "energy between the harmonics: the tone is not harmonic"


@pytest.mark.parametrize("priority", PRIORITIES, ids=lambda priority: priority.value)
def test_pulses_are_within_ten_db_of_each_other_and_nothing_clips(
        settings: ToneSettings, priority: AlarmPriority) -> None:
    burst = generate_burst(settings, priority)
    levels = [pulse.plateau_rms for pulse in measure_pulses(burst.samples, settings.sample_rate_hz)]
    assert 20 * math.log10(max(levels) / min(levels)) <= 10
    peak = float(np.abs(burst.samples).max())
    assert peak == pytest.approx(settings.level, rel=1e-3)
    assert peak < 0.999
    assert burst.samples.dtype == np.float32
    assert abs(burst.samples[0]) < 1e-3 and abs(burst.samples[-1]) < 1e-3, "a burst starts and ends silent"


def test_the_configured_inter_burst_intervals_are_in_the_standard_s_ranges(settings: ToneSettings) -> None:
    high = generate_burst(settings, AlarmPriority.HIGH).spec
    medium = generate_burst(settings, AlarmPriority.MEDIUM).spec
    low = generate_burst(settings, AlarmPriority.LOW).spec
    assert high.inter_burst_interval_s is not None and 2.5 <= high.inter_burst_interval_s <= 15
    assert medium.inter_burst_interval_s is not None and 2.5 <= medium.inter_burst_interval_s <= 30
    assert low.inter_burst_interval_s is None or low.inter_burst_interval_s > 15
    assert high.repeat_period_s == pytest.approx(high.duration_s + high.inter_burst_interval_s)


def test_pcm_is_16_bit_little_endian_of_the_same_samples(settings: ToneSettings) -> None:
    samples = generate_burst(settings, AlarmPriority.MEDIUM).samples
    pcm = pcm16le(samples)
    assert len(pcm) == 2 * len(samples)
    decoded = np.frombuffer(pcm, dtype="<i2")
    assert np.max(np.abs(decoded / 32767 - samples)) <= 1 / 32767
    assert list(np.frombuffer(pcm16le(np.array([-2.0, -1.0, 0.0, 1.0, 2.0])), dtype="<i2")) == \
        [-32767, -32767, 0, 32767, 32767]


def test_information_signals_have_no_sound(settings: ToneSettings) -> None:
    with pytest.raises(ValueError, match="info"):
        generate_burst(settings, AlarmPriority.INFO)


# Validation ---------------------------------------------------------------------------------------

def shipped_content() -> dict[str, Any]:
    return tomllib.loads(data_path(*SHIPPED_FILE).read_text(encoding="utf-8"))


def to_toml(content: dict[str, Any]) -> bytes:
    """This file's shape only: top-level scalars, then one table per priority (JSON numbers, strings
    and arrays of numbers are valid TOML)."""
    lines = [f"{key} = {json.dumps(value)}" for key, value in content.items() if not isinstance(value, dict)]
    for table, values in content.items():
        if isinstance(values, dict):
            lines.append(f"[{table}]")
            lines += [f"{key} = {json.dumps(value)}" for key, value in values.items()]
    return "\n".join(lines).encode()


def with_change(path: str, value: Any) -> dict[str, Any]:
    """The shipped content with ``path`` (dotted) set to ``value``, or removed when ``value`` is ``...``."""
    content = shipped_content()
    *tables, key = path.split(".")
    target = content
    for table in tables:
        target = target[table]
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return content


def test_the_shipped_file_round_trips_through_the_test_writer() -> None:
    assert parse_tone_settings(to_toml(shipped_content()), "copy.toml") == read_tone_settings()


OUT_OF_RANGE = [
    ("sample_rate_hz", 8000, "sample_rate_hz"),
    ("level", 0, "level"),
    ("level", 1.5, "level"),
    ("high.pulses", 9, "high.pulses"),
    ("medium.pulses", 4, "medium.pulses"),
    ("low.pulses", 3, "low.pulses"),
    ("high.fundamental_hz", 140.0, "high.fundamental_hz"),
    ("medium.fundamental_hz", 1100.0, "medium.fundamental_hz"),
    ("high.pulse_duration_ms", 70.0, "high.pulse_duration_ms"),
    ("high.pulse_duration_ms", 210.0, "high.pulse_duration_ms"),
    ("medium.pulse_duration_ms", 120.0, "medium.pulse_duration_ms"),
    ("low.pulse_duration_ms", 260.0, "low.pulse_duration_ms"),
    ("high.rise_fraction", 0.05, "high.rise_fraction"),
    ("low.rise_fraction", 0.25, "low.rise_fraction"),
    ("high.pulse_spacing_ms", 40.0, "high.pulse_spacing_ms"),
    ("high.pulse_spacing_ms", 130.0, "high.pulse_spacing_ms"),
    ("medium.pulse_spacing_ms", 100.0, "medium.pulse_spacing_ms"),
    ("high.mid_burst_gap_ms", 300.0, "high.mid_burst_gap_ms"),
    ("high.mid_burst_gap_ms", 1400.0, "high.mid_burst_gap_ms"),
    ("high.inter_burst_interval_s", 2.0, "high.inter_burst_interval_s"),
    ("high.inter_burst_interval_s", 16.0, "high.inter_burst_interval_s"),
    ("medium.inter_burst_interval_s", 31.0, "medium.inter_burst_interval_s"),
    ("low.inter_burst_interval_s", 15.0, "low.inter_burst_interval_s"),
    ("high.harmonics", [0.7, 0.5, 0.4], "high.harmonics"),
    ("medium.harmonics", [1.2, 0.5, 0.4, 0.3], "medium.harmonics.0"),
    ("medium.harmonics", [0.7, 0.0, 0.4, 0.3], "medium.harmonics.1"),
    ("high.volume", 1.0, "high.volume"),
    ("medium.fundamental_hz", ..., "medium.fundamental_hz"),
    ("medium.mid_burst_gap_ms", 600.0, "medium.mid_burst_gap_ms"),
]


@pytest.mark.parametrize(("path", "value", "named"), OUT_OF_RANGE,
                         ids=[f"{path}={value!r}" for path, value, _ in OUT_OF_RANGE])
def test_an_out_of_range_setting_is_refused_with_the_file_and_field_named(path: str, value: Any,
                                                                            named: str) -> None:
    with pytest.raises(AlarmToneError) as refused:
        parse_tone_settings(to_toml(with_change(path, value)), "site/alarm-bursts.toml")
    message = str(refused.value)
    assert message.startswith("site/alarm-bursts.toml: ")
    assert f"{named}: " in message


def test_too_few_loud_harmonics_in_the_band_are_refused() -> None:
    quiet = with_change("high.harmonics", [0.7, 0.1, 0.1, 0.1])
    with pytest.raises(AlarmToneError, match=r"high: .*harmonics: only 1 harmonics lie within 300-4000 Hz"):
        parse_tone_settings(to_toml(quiet), "quiet.toml")
    # 900 Hz leaves room for only three harmonics (1800, 2700, 3600 Hz) below 4000 Hz.
    high_pitch = with_change("high.fundamental_hz", 900.0)
    with pytest.raises(AlarmToneError, match=r"high: .*harmonics: only 3 harmonics"):
        parse_tone_settings(to_toml(high_pitch), "high-pitch.toml")


def test_a_spacing_too_short_for_the_ramps_is_refused_as_overlapping_pulses() -> None:
    content = with_change("high.pulse_duration_ms", 200.0)
    content["high"]["rise_fraction"] = 0.20
    content["high"]["pulse_spacing_ms"] = 60.0
    with pytest.raises(AlarmToneError, match=r"high: .*pulse_spacing_ms: 60 ms is too short .* overlap"):
        parse_tone_settings(to_toml(content), "overlap.toml")


def test_harmonics_near_half_the_sample_rate_are_refused() -> None:
    content = with_change("sample_rate_hz", 22050)
    content["medium"]["fundamental_hz"] = 600.0
    content["medium"]["harmonics"] = [0.5] * 16
    with pytest.raises(AlarmToneError, match=r"medium\.harmonics: the highest harmonic \(10200 Hz\)"):
        parse_tone_settings(to_toml(content), "aliasing.toml")


def test_a_low_priority_burst_without_an_interval_sounds_once() -> None:
    assert "inter_burst_interval_s" not in shipped_content()["low"]
    assert generate_burst(read_tone_settings(), AlarmPriority.LOW).spec.repeat_period_s is None
    repeating = parse_tone_settings(to_toml(with_change("low.inter_burst_interval_s", 40.0)), "again.toml")
    assert generate_burst(repeating, AlarmPriority.LOW).spec.repeat_period_s is not None


def test_a_valid_site_file_replaces_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "sounds").mkdir()
    site_file = tmp_path / "sounds" / "alarm-bursts.toml"
    site_file.write_bytes(to_toml(with_change("high.fundamental_hz", 700.0)))
    loaded = load_tone_settings(tmp_path)
    assert loaded.settings.high.fundamental_hz == 700.0
    assert loaded.source == str(site_file)
    assert loaded.problems == ()


def test_a_broken_site_file_is_reported_and_the_shipped_sounds_are_used(tmp_path: Path) -> None:
    (tmp_path / "sounds").mkdir()
    site_file = tmp_path / "sounds" / "alarm-bursts.toml"
    site_file.write_bytes(to_toml(with_change("high.inter_burst_interval_s", 60.0)))
    loaded = load_tone_settings(tmp_path)
    assert loaded.settings == read_tone_settings()
    assert loaded.source == str(data_path(*SHIPPED_FILE))
    assert len(loaded.problems) == 1
    assert loaded.problems[0].startswith(f"{site_file}: high.inter_burst_interval_s: ")
    assert loaded.problems[0].endswith("the shipped alarm sounds are used instead")


def test_without_a_site_file_the_shipped_sounds_are_used_silently(tmp_path: Path) -> None:
    loaded = load_tone_settings(tmp_path)
    assert loaded.source == str(data_path(*SHIPPED_FILE))
    assert loaded.problems == ()


def test_an_unreadable_file_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(AlarmToneError, match=r"missing\.toml: cannot be read"):
        read_tone_settings(tmp_path / "missing.toml")
    with pytest.raises(AlarmToneError, match=r"bad\.toml: not a readable TOML file"):
        parse_tone_settings(b"level = = 1", "bad.toml")
