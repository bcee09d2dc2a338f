"""The bedside window on real widgets (offscreen): colours, manual marks, the NIBP time, the
connection banner, themes and layout remembered, closing during a session."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from ketaconsole.acquisition.recorder import RecordedEvent
from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.observations import Observation, WaveformChunk
from ketaconsole.devices.link import LinkState, LinkStatus
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import CloseChoice, MainWindow
from ketaconsole.gui.theme import load_theme


class FakeSession:
    """Stands in for the recorder behind the window: keeps what the window asked it to record."""

    def __init__(self) -> None:
        self.manual: list[Observation] = []
        self.notes: list[tuple[str, str, str]] = []
        self.events: list[RecordedEvent] = []

    def add_manual_observations(self, observations: Sequence[Observation]) -> None:
        self.manual.extend(observations)

    def add_note(self, text: str, *, category: str, user: str) -> None:
        self.notes.append((text, category, user))

    def record_event(self, kind: str, stamp: Stamp, detail: Mapping[str, Any], user: str | None) -> None:
        self.events.append(RecordedEvent(kind, stamp, detail, user))



def colour_of(label) -> str:
    return label.palette().color(QPalette.ColorRole.WindowText).name()


def put(feed: LiveFeed, clock: ManualClock, parameter: str, value: float, *, manual: bool = False) -> None:
    feed.put_outputs([Observation(parameter, value, clock.now(), "ann" if manual else "dev",
                                  manual=manual)])


def test_fresh_values_take_their_parameter_colour_and_stale_ones_turn_grey(window, feed, clock):
    put(feed, clock, "HR", 72)
    put(feed, clock, "SPO2", 97)
    window.refresh()
    theme = load_theme("dark")
    assert colour_of(window.ui.hr_value) == theme.colour("HR")
    assert colour_of(window.ui.spo2_value) == theme.colour("SPO2")
    clock.advance(11)
    window.refresh()
    assert colour_of(window.ui.hr_value) not in (theme.colour("HR"), theme.colour("SPO2"))
    assert "11 s ago" in window.ui.hr_note.text()


def test_manual_values_are_marked_and_the_cuff_pressure_says_when_it_was_measured(window, feed, clock):
    put(feed, clock, "NIBP_SYS", 128)
    put(feed, clock, "NIBP_DIA", 79)
    put(feed, clock, "NIBP_MEAN", 95)
    window.refresh()
    measured = f"{clock.now().utc.astimezone():%H:%M}"
    assert window.ui.nibp_value.text() == "128/79 (95)"
    for _ in range(3):  # the monitor repeats the same measurement every few seconds
        clock.advance(5)
        put(feed, clock, "NIBP_SYS", 128)
        put(feed, clock, "NIBP_DIA", 79)
    window.refresh()
    assert window.ui.nibp_note.text() == f"measured {measured}, 15 s ago"
    clock.advance(60)  # the monitor stops repeating it: greyed, and its age is said once
    window.refresh()
    assert window.ui.nibp_note.text() == f"measured {measured}, 75 s ago"
    assert window.ui.nibp_value.property("freshness") == "stale"
    for parameter in ("NIBP_SYS", "NIBP_DIA", "NIBP_MEAN"):
        series = window.ui.trend_view.history.series(parameter)
        assert len(series.times_s) == 1, "a repeated cuff reading is one point on the trend"
    put(feed, clock, "TEMP", 37.8, manual=True)
    window.refresh()
    assert window.ui.temp_value.text() == "37.8"
    assert window.ui.temp_note.text().startswith("manual ")


def test_the_banner_appears_when_data_stops_and_goes_when_it_flows_again(window, feed, clock):
    feed.put_link_status(LinkStatus(LinkState.CONNECTING, clock.now(), "open"))
    window.refresh()
    assert not window.ui.banner_label.isVisible(), "waiting for the first data is not an alarm"
    feed.put_link_status(LinkStatus(LinkState.CONNECTED, clock.now(), "receiving"))
    window.refresh()
    assert not window.ui.banner_label.isVisible()
    feed.put_link_status(LinkStatus(LinkState.DISCONNECTED, clock.now(), "/dev/ttyUSB0: I/O error"))
    window.refresh_frame()  # the 30 Hz timer: the banner does not wait for the 1 Hz redraw
    assert window.ui.banner_label.isVisible()
    assert window.ui.banner_label.text().startswith("MONITOR DISCONNECTED since")
    clock.advance(42)
    feed.put_link_status(LinkStatus(LinkState.CONNECTING, clock.now(), "open again"))
    window.refresh()
    assert window.ui.banner_label.isVisible(), "an open port without data is still no data"
    assert "(42 s ago)" in window.ui.banner_label.text(), "the banner counts from when data was lost"
    feed.put_link_status(LinkStatus(LinkState.CONNECTED, clock.now(), "receiving"))
    window.refresh_frame()
    assert not window.ui.banner_label.isVisible()


def test_waveform_chunks_reach_their_strip(window, feed, clock):
    samples = np.sin(np.linspace(0, 6, 500)).astype(np.float32)
    feed.put_outputs([WaveformChunk("ECG", clock.now(), 500.0, samples, "dev")])
    window.refresh()
    assert np.isfinite(window.ui.ecg_strip.ring.samples).sum() >= 400


def test_events_are_drawn_on_the_event_strip(window, feed, clock):
    note = RecordedEvent("note", clock.now(), {"text": "patient asleep", "category": "comment"}, "ann")
    feed.put_event(note)
    window.refresh()
    _, labels = window.ui.trend_view.event_items("note")
    assert [label.toPlainText() for label in labels] == ["note: patient asleep"]


def test_theme_and_layout_are_remembered(qtbot: QtBot, feed, clock):
    first = MainWindow(feed, clock)
    qtbot.addWidget(first)
    first.show()
    assert first.theme_name == "dark", "dark is the default"
    first.ui.dark_theme_action.trigger()
    assert first.theme_name == "light"
    assert QApplication.instance().styleSheet() == load_theme("light").style_sheet
    first.resize(760, 720)  # the offscreen screen is 800 × 800
    first.close()
    second = MainWindow(LiveFeed(), clock)
    qtbot.addWidget(second)
    assert second.theme_name == "light"
    assert (second.width(), second.height()) == (760, 720)
    assert QSettings().value("theme") == "light"


def test_full_screen_is_a_toggle(window):
    window.ui.full_screen_action.trigger()
    assert window.isFullScreen()
    window.ui.full_screen_action.trigger()
    assert not window.isFullScreen()


@pytest.mark.parametrize(("button", "choice"), [("Close, resume later", CloseChoice.RESUME_LATER),
                                                 ("End session", CloseChoice.END_SESSION),
                                                 ("Cancel", None)])
def test_closing_during_a_session_asks_first(qtbot: QtBot, feed, clock, button, choice):
    shown = MainWindow(feed, clock, controls=FakeSession(), operator="ann")
    qtbot.addWidget(shown)
    shown.show()

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(100, answer)
    shown.close()
    assert shown.close_choice is choice
    assert shown.isVisible() is (choice is None)
    shown.close_choice = CloseChoice.END_SESSION  # let the test's teardown close it without asking


def test_keyboard_shortcuts_for_frequent_actions(window):
    shortcuts = {action.objectName(): action.shortcut().toString() for action in window.findChildren(
        type(window.ui.note_action))}
    assert shortcuts["manual_vitals_action"] == "Ctrl+M"
    assert shortcuts["note_action"] == "Ctrl+N"
    assert shortcuts["full_screen_action"] == "F11"
    assert shortcuts["dark_theme_action"] == "Ctrl+T"
    assert window.ui.manual_vitals_action.isEnabled() is False, "no session: nothing to record into"


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_dialogs_stay_readable_under_a_theme(window, theme):
    """An application style sheet stops fonts inheriting from a dialog: the theme must keep them large."""
    from ketaconsole.gui.manual_vitals_dialog import ManualVitalsDialog
    from ketaconsole.gui.note_dialog import NoteDialog
    from ketaconsole.gui.start_session_dialog import StartSessionDialog

    window.apply_theme(theme)
    dialogs = [ManualVitalsDialog(user="ann", clock=ManualClock(), parent=p) for p in (window, None)]
    dialogs += [NoteDialog(categories=[("other", "Other")], parent=p) for p in (window, None)]
    dialogs.append(StartSessionDialog(load_patients=list, interrupted=[], protocols=["masimo"]))
    for dialog in dialogs:
        dialog.show()
        edits = dialog.findChildren(QLineEdit) + dialog.findChildren(QPlainTextEdit)
        assert edits and all(edit.font().pointSizeF() >= 14 for edit in edits), type(dialog).__name__
        dialog.close()
    assert all(d.ui.header_label.font().pointSizeF() >= 16 for d in dialogs[:4])


def test_a_typed_in_pressure_between_monitor_repeats_does_not_make_the_repeat_new(window, feed, clock):
    put(feed, clock, "NIBP_SYS", 128)
    put(feed, clock, "NIBP_DIA", 79)
    window.refresh()
    monitor_time = f"{clock.now().utc.astimezone():%H:%M}"
    clock.advance(60)
    put(feed, clock, "NIBP_SYS", 140, manual=True)
    put(feed, clock, "NIBP_DIA", 90, manual=True)
    window.refresh()
    clock.advance(5)
    put(feed, clock, "NIBP_SYS", 128)  # the monitor repeats its old measurement
    put(feed, clock, "NIBP_DIA", 79)
    window.refresh()
    assert list(window.ui.trend_view.history.series("NIBP_SYS").values) == [128, 140]
    assert window.ui.nibp_value.text() == "128/79"
    assert window.ui.nibp_note.text() == f"measured {monitor_time}, 65 s ago"  # the first time, kept
