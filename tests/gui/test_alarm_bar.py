"""The alarm bar in the bedside window, on a real alarm engine and monitor driven by a manual clock:
acknowledging by mouse, pausing the audio by button and by F9, flashing rates and colours in both
themes, latched conditions, tiles in alarm, the sound told what to play, and a window without alarms."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from ketaconsole.acquisition.alarm_monitor import AlarmMonitor
from ketaconsole.core.alarm_presets import load_preset_catalogue
from ketaconsole.core.alarms import ALARM_ACKNOWLEDGED, ALARM_AUDIO_PAUSED, AlarmEngine
from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import AlarmPriority, Observation
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import CloseChoice, MainWindow

NURSE = "Nurse Anna"
SOURCE = "dev"
HIGH, MEDIUM, LOW = AlarmPriority.HIGH, AlarmPriority.MEDIUM, AlarmPriority.LOW
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def monitor(clock: ManualClock, controls) -> AlarmMonitor:
    """The default preset's engine, logging into the test's session (its thread is not started:
    every ``picture()`` evaluates at the manual clock's time)."""
    engine = AlarmEngine.select(load_preset_catalogue().default(), sink=controls.record_event,
                                now=clock.now(), user=NURSE)
    return AlarmMonitor(engine, clock, sink=controls.record_event)


@pytest.fixture
def window(qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, monitor: AlarmMonitor) -> MainWindow:
    shown = MainWindow(feed, clock, controls=controls, operator=NURSE, alarms=monitor)
    qtbot.addWidget(shown)
    shown.close_choice = CloseChoice.END_SESSION
    shown.resize(1280, 800)
    shown.show()
    monitor.set_audio_output(True, "")  # the test machine may have no sound: keep that alarm out
    shown.ui.alarm_bar.refresh()
    return shown


def hold(monitor: AlarmMonitor, clock: ManualClock, seconds: int, **values: float) -> None:
    """The monitor reports ``values`` once a second for ``seconds`` seconds."""
    for _ in range(seconds):
        monitor.observe([Observation(key, value, clock.now(), SOURCE) for key, value in values.items()])
        clock.advance(1)
    monitor.observe([Observation(key, value, clock.now(), SOURCE) for key, value in values.items()])


def open_list(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.ui.alarm_bar
    qtbot.mouseClick(bar.ui.list_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.ui.list_area.isVisible())


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """A key through the window system, where shortcuts are matched."""
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.windowHandle(), key)


def test_clicking_acknowledge_silences_that_condition_only(qtbot, window, monitor, clock, controls):
    hold(monitor, clock, 11, SPO2=86, HR=125)
    bar = window.ui.alarm_bar
    bar.refresh()
    assert window.alarm_sound is not None and window.alarm_sound.sounding is HIGH
    assert bar.headline == "*** SpO2 low  86 % (below 88 %)"
    open_list(qtbot, window)
    assert bar.row("limit:hr-high").audio.text() == "sounding"
    qtbot.mouseClick(bar.row("limit:spo2-low").button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.row("limit:spo2-low").audio.text() == f"acknowledged by {NURSE}")
    assert not bar.row("limit:spo2-low").button.isEnabled()
    assert window.alarm_sound.sounding is MEDIUM, "the heart rate alarm still sounds"
    heart = bar.row("limit:hr-high")
    assert heart.audio.text() == "sounding" and heart.button.isEnabled()
    assert heart.text.text() == "Heart rate high  125 /min (above 120 /min)"
    event = controls.last(ALARM_ACKNOWLEDGED)
    assert event.user == NURSE and event.detail["key"] == "limit:spo2-low"
    assert bar.ui.alarm_indicator.property("alarm_priority") == "high", "acknowledged is not gone"


def test_pause_audio_counts_down_and_the_alarm_sounds_again_when_it_ends(qtbot, window, monitor, clock,
                                                                           controls):
    hold(monitor, clock, 6, HR=125)
    bar = window.ui.alarm_bar
    bar.refresh()
    assert bar.ui.pause_button.text() == "Pause audio 2:00" and window.alarm_sound.sounding is MEDIUM
    qtbot.mouseClick(bar.ui.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.ui.pause_label.isVisible())
    assert bar.ui.pause_label.text() == "Audio paused 2:00" and window.alarm_sound.sounding is None
    assert controls.last(ALARM_AUDIO_PAUSED).user == NURSE
    hold(monitor, clock, 17, HR=125)
    bar.refresh()
    assert bar.ui.pause_label.text() == "Audio paused 1:43"
    open_list(qtbot, window)
    assert bar.row("limit:hr-high").audio.text() == "audio paused"
    hold(monitor, clock, 104, HR=125)
    bar.refresh()
    assert not bar.ui.pause_label.isVisible() and window.alarm_sound.sounding is MEDIUM
    assert bar.row("limit:hr-high").audio.text() == "sounding"


def test_f9_pauses_and_a_new_condition_during_the_pause_sounds(qtbot, window, monitor, clock):
    hold(monitor, clock, 6, HR=125, SPO2=97)
    bar = window.ui.alarm_bar
    bar.refresh()
    press(qtbot, window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.alarm_sound.sounding is None)
    assert bar.ui.pause_label.isVisible() and not bar.ui.pause_button.isVisible()
    hold(monitor, clock, 11, HR=125, SPO2=86)
    bar.refresh()
    assert window.alarm_sound.sounding is HIGH, "the new SpO2 alarm sounds during the pause"
    assert bar.ui.pause_button.isVisible() and bar.ui.pause_button.isEnabled()
    open_list(qtbot, window)
    assert bar.row("limit:spo2-low").audio.text() == "sounding"
    assert bar.row("limit:hr-high").audio.text() == "audio paused"
    press(qtbot, window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.alarm_sound.sounding is None)


def test_f10_acknowledges_the_alarm_shown_and_refusals_are_shown(qtbot, window, monitor, clock, controls):
    press(qtbot, window, Qt.Key.Key_F9)
    bar = window.ui.alarm_bar
    qtbot.waitUntil(lambda: bar.ui.message_label.isVisible())
    assert bar.ui.message_label.text() == "No alarm is sounding"
    assert controls.kinds().count(ALARM_AUDIO_PAUSED) == 0
    hold(monitor, clock, 6, HR=125)
    bar.refresh()
    press(qtbot, window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.alarm_sound.sounding is None)
    assert controls.last(ALARM_ACKNOWLEDGED).detail["key"] == "limit:hr-high"
    assert not bar.ui.acknowledge_button.isEnabled()


def flash_states(window: MainWindow, clock: ManualClock, seconds: float, step_s: float) -> list[bool]:
    bar = window.ui.alarm_bar
    states = []
    for _ in range(round(seconds / step_s)):
        clock.advance(step_s)
        bar.update_flash()
        states.append(bar.ui.alarm_indicator.property("flash_on"))
    return states


def rate_and_duty(states: list[bool], step_s: float) -> tuple[float, float]:
    rises = sum(1 for before, after in itertools.pairwise(states) if after and not before)
    return rises / (len(states) * step_s), states.count(True) / len(states)


def test_the_indicator_flashes_fast_for_high_slowly_for_medium_and_not_for_low(window, monitor, clock):
    bar = window.ui.alarm_bar
    monitor.set_audio_output(False, "no audio output device found")
    bar.refresh()
    assert bar.ui.alarm_indicator.property("alarm_priority") == "low"
    assert set(flash_states(window, clock, 3, 0.05)) == {True}, "low priority is steady"
    hold(monitor, clock, 6, HR=125)
    bar.refresh()
    assert bar.ui.alarm_indicator.property("alarm_priority") == "medium"
    rate, duty = rate_and_duty(flash_states(window, clock, 5, 0.05), 0.05)
    assert 0.4 <= rate <= 0.8 and 0.4 <= duty <= 0.6, (rate, duty)
    hold(monitor, clock, 11, HR=125, SPO2=86)
    bar.refresh()
    assert bar.ui.alarm_indicator.property("alarm_priority") == "high"
    rate, duty = rate_and_duty(flash_states(window, clock, 5, 0.05), 0.05)
    assert 1.4 <= rate <= 2.8 and 0.4 <= duty <= 0.6, (rate, duty)


def contrast(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        channels = [c / 255 for c in (colour.red(), colour.green(), colour.blue())]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def indicator_colours(window: MainWindow, clock: ManualClock, lit: bool) -> tuple[QColor, QColor]:
    """The indicator's fill and its text colour, at a moment it is ``lit`` (or dark)."""
    bar = window.ui.alarm_bar
    for _ in range(40):
        bar.update_flash()
        if bar.ui.alarm_indicator.property("flash_on") is lit:
            break
        clock.advance(0.05)
    indicator = bar.ui.alarm_indicator
    fill = indicator.grab().toImage().pixelColor(indicator.width() // 2, 5)
    return fill, bar.ui.headline_label.palette().color(QPalette.ColorRole.WindowText)


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_each_priority_has_its_colour_with_readable_text_in_both_themes(window, monitor, clock, theme):
    window.apply_theme(theme)
    bar = window.ui.alarm_bar
    hues = {}
    monitor.set_audio_output(False, "no audio output device found")
    for priority, values, hue_range in ((LOW, {}, (175, 200)), (MEDIUM, {"HR": 125}, (45, 60)),
                                        (HIGH, {"HR": 125, "SPO2": 86}, (-20, 10))):
        if values:
            hold(monitor, clock, 11, **values)
        bar.refresh()
        assert bar.ui.alarm_indicator.property("alarm_priority") == priority.value
        for lit in (True, False) if priority is not LOW else (True,):
            fill, text = indicator_colours(window, clock, lit)
            assert contrast(text, fill) >= 4.5, (theme, priority, lit, fill.name(), text.name())
        fill, _ = indicator_colours(window, clock, True)
        hue = fill.hslHue() if fill.hslHue() <= 180 or priority is LOW else fill.hslHue() - 360
        assert hue_range[0] <= hue <= hue_range[1], (theme, priority, fill.name())
        hues[priority] = fill.name()
    assert len(set(hues.values())) == 3


def test_a_latched_alarm_stays_as_ended_until_acknowledged(qtbot, window, monitor, clock, controls):
    hold(monitor, clock, 11, SPO2=86, HR=70)
    hold(monitor, clock, 2, SPO2=97, HR=70)
    bar = window.ui.alarm_bar
    bar.refresh()
    open_list(qtbot, window)
    row = bar.row("limit:spo2-low")
    assert row is not None and row.time.text().startswith("ended ")
    assert row.time.text().endswith(", acknowledge to clear")
    assert bar.ui.duration_label.text().startswith("ended")
    assert window.ui.spo2_tile.property("alarm_priority") == "", "the value is back: the tile is calm"
    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.row("limit:spo2-low") is None)
    assert controls.last(ALARM_ACKNOWLEDGED).detail["active"] is False
    assert bar.headline == "No alarms" and not bar.ui.list_button.isVisible()


def test_tiles_take_the_priority_of_their_parameter_alarm(window, monitor, clock):
    hold(monitor, clock, 11, SPO2=86, HR=125)
    window.ui.alarm_bar.refresh()
    assert window.ui.spo2_tile.property("alarm_priority") == "high"
    assert window.ui.hr_tile.property("alarm_priority") == "medium"
    assert window.ui.rr_tile.property("alarm_priority") == ""
    hold(monitor, clock, 3, SPO2=97, HR=80)
    window.ui.alarm_bar.refresh()
    assert window.ui.hr_tile.property("alarm_priority") == ""


def test_without_sound_a_technical_alarm_says_alarms_are_visual_only(qtbot, window, monitor):
    sound = window.alarm_sound
    if sound.available:
        pytest.skip("this machine has an audio output")
    bar = window.ui.alarm_bar
    monitor.set_audio_output(sound.available, sound.unavailable_reason)
    bar.refresh()
    open_list(qtbot, window)
    row = bar.row("audio-output")
    assert row.tag.isVisible() and row.tag.text() == "TECHNICAL" and row.marker.text() == "* LOW"
    assert row.text.text().startswith("No alarm sound  alarms are visual only")


def test_a_window_without_alarm_monitoring_has_no_bar_and_no_alarm_actions(qtbot, feed, clock):
    shown = MainWindow(feed, clock)
    qtbot.addWidget(shown)
    shown.show()
    assert not shown.ui.alarm_bar.isVisible() and shown.alarm_sound is None
    assert not shown.ui.pause_audio_action.isEnabled() and not shown.ui.alarm_limits_action.isEnabled()
    shown.ui.alarm_bar.pause_audio()  # nothing to do, nothing raised
    shown.refresh()
    assert shown.ui.spo2_tile.property("alarm_priority") is None


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_bar_with_its_list_open_fits_the_bedside_screen(qtbot, window, monitor, clock, theme):
    from tests.gui.test_screenshots import distinct_colours

    window.apply_theme(theme)
    monitor.set_audio_output(False, "no audio output device found")
    hold(monitor, clock, 11, SPO2=86, HR=125)
    monitor.acknowledge("limit:hr-high", user=NURSE)
    bar = window.ui.alarm_bar
    bar.refresh()
    bar.pause_audio()
    open_list(qtbot, window)
    qtbot.waitUntil(lambda: bar.ui.list_panel.height() >= 3 * 44)
    bar.refresh()  # the 4 Hz redraw sizes the list to its laid-out rows: three fit without scrolling
    qtbot.waitUntil(lambda: not bar.ui.list_area.verticalScrollBar().isVisible())
    assert window.height() == 800, "the bar must not push the window past the bedside screen"
    assert bar.height() <= 60, "one line of alarms above the live view"
    panel = bar.ui.list_panel.geometry()
    assert panel.top() >= bar.geometry().bottom() and panel.width() == bar.width()
    for key in ("limit:spo2-low", "limit:hr-high", "audio-output"):
        button = bar.row(key).button
        assert button.height() >= 44 and button.visibleRegion().boundingRect().height() >= 44
    assert bar.ui.pause_label.text().startswith("Audio paused")
    ARTIFACTS.mkdir(exist_ok=True)
    picture = ARTIFACTS / f"alarm-bar-{theme}.png"
    assert window.grab().save(str(picture), "PNG")
    assert distinct_colours(QImage(str(picture))) > 50
