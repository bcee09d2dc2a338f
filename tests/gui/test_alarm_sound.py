"""The alarm sound player: scheduling of bursts (which works with or without an audio output), the
report of a missing output, and, where the machine has an output, real playback."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from ketaconsole.core.alarm_tones import ToneSettings, read_tone_settings
from ketaconsole.core.observations import AlarmPriority
from ketaconsole.gui import alarm_sound
from ketaconsole.gui.alarm_sound import NO_DEVICE, AlarmSound

SHORT_INTERVAL_S = 0.3


def audio_outputs() -> list[object]:
    """The machine's audio outputs as Qt Multimedia sees them (none when it cannot load)."""
    multimedia, _ = alarm_sound.load_multimedia()
    return list(multimedia.QMediaDevices.audioOutputs()) if multimedia is not None else []


@pytest.fixture
def quick_settings() -> ToneSettings:
    """The shipped tones with short bursts and intervals, so a repetition comes within about 2 s.

    The standard's minimum intervals (2.5 s) do not apply here: these settings never go through the
    file validation, which is what keeps a site file in range."""
    shipped = read_tone_settings()
    high = shipped.high.model_copy(update={"pulse_duration_ms": 75.0, "pulse_spacing_ms": 50.0,
                                           "mid_burst_gap_ms": 350.0,
                                           "inter_burst_interval_s": SHORT_INTERVAL_S})
    medium = shipped.medium.model_copy(update={"inter_burst_interval_s": SHORT_INTERVAL_S})
    return shipped.model_copy(update={"high": high, "medium": medium})


class BurstLog:
    """Every ``burst_started`` emission with its monotonic time in seconds."""

    def __init__(self, sound: AlarmSound) -> None:
        self.entries: list[tuple[AlarmPriority, float]] = []
        sound.burst_started.connect(lambda priority: self.entries.append((priority, time.monotonic())))

    def priorities(self) -> list[AlarmPriority]:
        return [priority for priority, _ in self.entries]


@pytest.fixture
def sound(qtbot, quick_settings: ToneSettings) -> Iterator[AlarmSound]:
    player = AlarmSound(settings=quick_settings)
    yield player
    player.set_sounding(None)


def test_without_an_output_the_sound_says_it_is_unavailable_and_why(sound: AlarmSound) -> None:
    if audio_outputs():
        pytest.skip("this machine has an audio output")
    assert not sound.available
    assert sound.unavailable_reason == NO_DEVICE
    assert sound.playback_state == ""


def test_a_burst_starts_at_once_and_repeats_after_the_interval(qtbot, sound: AlarmSound) -> None:
    log = BurstLog(sound)
    period = sound.repeat_period_s(AlarmPriority.HIGH)
    assert period is not None and period < 2.5

    sound.set_sounding(AlarmPriority.HIGH)
    assert sound.sounding is AlarmPriority.HIGH
    assert sound.bursts_started == 1
    assert log.priorities() == [AlarmPriority.HIGH]
    assert sound.next_burst_in_s == pytest.approx(period, abs=0.1)

    qtbot.waitUntil(lambda: sound.bursts_started == 2, timeout=round(period * 1000) + 2000)
    assert log.priorities() == [AlarmPriority.HIGH, AlarmPriority.HIGH]
    assert log.entries[1][1] - log.entries[0][1] >= period - 0.005


def test_the_same_priority_again_does_not_restart_the_burst(sound: AlarmSound) -> None:
    sound.set_sounding(AlarmPriority.MEDIUM)
    sound.set_sounding(AlarmPriority.MEDIUM)
    assert sound.bursts_started == 1


def test_a_new_priority_starts_its_burst_at_once_and_replaces_the_old_schedule(
        qtbot, sound: AlarmSound) -> None:
    log = BurstLog(sound)
    sound.set_sounding(AlarmPriority.HIGH)
    sound.set_sounding(AlarmPriority.MEDIUM)
    assert log.priorities() == [AlarmPriority.HIGH, AlarmPriority.MEDIUM]
    medium_period = sound.repeat_period_s(AlarmPriority.MEDIUM)
    assert medium_period is not None
    assert sound.next_burst_in_s == pytest.approx(medium_period, abs=0.1)

    # Two medium periods outlast the high one: a high repeat left scheduled would show up in between.
    high_period = sound.repeat_period_s(AlarmPriority.HIGH)
    assert high_period is not None and medium_period < high_period < 2 * medium_period
    qtbot.waitUntil(lambda: len(log.entries) == 4, timeout=round(2 * medium_period * 1000) + 2000)
    assert log.priorities() == [AlarmPriority.HIGH] + [AlarmPriority.MEDIUM] * 3

    sound.set_sounding(AlarmPriority.HIGH)
    assert log.priorities()[-1] is AlarmPriority.HIGH
    assert sound.bursts_started == 5


def test_silence_stops_at_once_and_nothing_repeats(qtbot, sound: AlarmSound) -> None:
    sound.set_sounding(AlarmPriority.MEDIUM)
    sound.set_sounding(None)
    assert sound.sounding is None
    assert sound.next_burst_in_s is None
    period = sound.repeat_period_s(AlarmPriority.MEDIUM)
    assert period is not None
    with qtbot.assertNotEmitted(sound.burst_started, wait=round(period * 1000) + 300):
        pass
    assert sound.bursts_started == 1


def test_a_burst_that_sounds_once_is_not_repeated(sound: AlarmSound) -> None:
    assert sound.repeat_period_s(AlarmPriority.LOW) is None
    sound.set_sounding(AlarmPriority.LOW)
    assert sound.bursts_started == 1
    assert sound.next_burst_in_s is None
    assert sound.sounding is AlarmPriority.LOW


def test_information_signals_cannot_be_sounded(sound: AlarmSound) -> None:
    with pytest.raises(ValueError, match="info"):
        sound.set_sounding(AlarmPriority.INFO)
    assert sound.sounding is None


def test_without_settings_the_shipped_tones_are_used(qtbot) -> None:
    player = AlarmSound()
    assert player.settings == read_tone_settings()
    assert player.settings_problems == ()


def test_when_qt_multimedia_cannot_load_the_schedule_still_runs(qtbot, monkeypatch: pytest.MonkeyPatch,
                                                                 quick_settings: ToneSettings) -> None:
    reason = "Qt Multimedia cannot be loaded: libpulse.so.0: cannot open shared object file"
    monkeypatch.setattr(alarm_sound, "load_multimedia", lambda: (None, reason))
    player = AlarmSound(settings=quick_settings)
    assert not player.available
    assert player.unavailable_reason == reason
    player.set_sounding(AlarmPriority.MEDIUM)
    assert player.bursts_started == 1
    assert player.next_burst_in_s is not None
    player.set_sounding(None)


def test_an_import_error_becomes_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing_library(name: str) -> None:
        raise ImportError("libpulse.so.0: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(alarm_sound.importlib, "import_module", missing_library)
    module, reason = alarm_sound.load_multimedia.__wrapped__()
    assert module is None
    assert reason == ("Qt Multimedia cannot be loaded: "
                      "libpulse.so.0: cannot open shared object file: No such file or directory")


def test_a_change_of_outputs_is_reported_once(qtbot, monkeypatch: pytest.MonkeyPatch,
                                              sound: AlarmSound) -> None:
    if alarm_sound.load_multimedia()[0] is None:
        pytest.skip("Qt Multimedia cannot be loaded, so there are no output changes to follow")
    monkeypatch.setattr(AlarmSound, "_open_output", lambda self: (False, "the headphones were unplugged"))
    devices = sound._devices
    with qtbot.waitSignal(sound.availability_changed, timeout=1000) as changed:
        devices.audioOutputsChanged.emit()
    assert changed.args == [False, "the headphones were unplugged"]
    assert not sound.available
    assert sound.unavailable_reason == "the headphones were unplugged"
    with qtbot.assertNotEmitted(sound.availability_changed):
        devices.audioOutputsChanged.emit()


def test_a_burst_is_played_on_the_output(qtbot, sound: AlarmSound) -> None:
    if not audio_outputs():
        pytest.skip("no audio output on this machine (QMediaDevices.audioOutputs() is empty: no sound card "
                    "and no PulseAudio/PipeWire server)")
    assert sound.available, sound.unavailable_reason
    sound.set_sounding(AlarmPriority.LOW)
    qtbot.waitUntil(lambda: sound.playback_state in {"ActiveState", "IdleState"}, timeout=5000)
    assert sound.playback_error == ""
    # The sink goes idle once it has pulled the whole burst from its buffer.
    qtbot.waitUntil(lambda: sound.playback_state == "IdleState", timeout=5000)
    assert sound.playback_error == ""
    sound.set_sounding(None)
    assert sound.playback_state == "StoppedState"
