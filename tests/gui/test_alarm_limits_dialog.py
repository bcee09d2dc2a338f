"""The alarm limits dialog on a real alarm engine: a change with a reason is recorded with the old
and new values and the nurse's name; spin boxes keep to the bedside range; a change without a
reason, or one the engine refuses, keeps the dialog open with the message beside the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketaconsole.acquisition.alarm_monitor import AlarmMonitor
from ketaconsole.core.alarm_presets import load_preset_catalogue
from ketaconsole.core.alarms import ALARM_LIMIT_CHANGED, AlarmEngine
from ketaconsole.core.clock import ManualClock
from ketaconsole.gui.alarm_limits_dialog import NO_REASON, AlarmLimitsDialog
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import CloseChoice, MainWindow
from ketaconsole.gui.theme import load_theme

NURSE = "Nurse Anna"


@pytest.fixture
def monitor(clock: ManualClock, controls) -> AlarmMonitor:
    engine = AlarmEngine.select(load_preset_catalogue().default(), sink=controls.record_event,
                                now=clock.now(), user=NURSE)
    return AlarmMonitor(engine, clock, sink=controls.record_event)


@pytest.fixture
def dialog(qtbot: QtBot, monitor: AlarmMonitor) -> AlarmLimitsDialog:
    shown = AlarmLimitsDialog(monitor, user=NURSE)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def click_save(qtbot: QtBot, dialog: AlarmLimitsDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_changing_the_spo2_limit_with_a_reason_is_recorded(qtbot, dialog, monitor, controls):
    assert dialog.ui.unconfirmed_label.isVisible(), "the shipped preset is not confirmed by the clinic"
    assert "Adult ketamine session" in dialog.ui.preset_label.text()
    assert "2026.11-default" in dialog.ui.preset_label.text()
    assert dialog.spin_box("spo2-low", 0).value() == 92 and dialog.spin_box("spo2-low", 1).value() == 88
    dialog.spin_box("spo2-low", 0).setValue(90)
    qtbot.keyClicks(dialog.ui.reason_edit, "COPD, usual SpO2 90-92")
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    event = controls.last(ALARM_LIMIT_CHANGED)
    assert event.detail["old"] == [92, 88] and event.detail["new"] == [90, 88]
    assert event.user == NURSE and event.detail["reason"] == "COPD, usual SpO2 90-92"
    assert monitor.thresholds("spo2-low") == (90, 88)
    assert controls.kinds().count(ALARM_LIMIT_CHANGED) == 1, "unchanged limits are not recorded"


def test_a_threshold_outside_the_bedside_range_cannot_be_entered(qtbot, dialog):
    box = dialog.spin_box("spo2-low", 1)
    assert (box.minimum(), box.maximum()) == (85, 96)
    box.selectAll()
    qtbot.keyClicks(box, "80")
    qtbot.keyClick(box, Qt.Key.Key_Enter)
    assert 85 <= box.value() <= 96
    box.setValue(120)
    assert box.value() == 96
    assert dialog.spin_box("apnoea").isReadOnly(), "a limit the preset fixes cannot be changed"


def test_a_change_without_a_reason_is_refused_beside_the_field(qtbot, dialog, monitor, controls):
    dialog.spin_box("hr-high", 0).setValue(110)
    click_save(qtbot, dialog)
    assert dialog.isVisible() and dialog.ui.reason_error.text() == NO_REASON
    assert dialog.ui.reason_error.isVisible() and dialog.ui.reason_edit.property("invalid") is True
    assert ALARM_LIMIT_CHANGED not in controls.kinds() and monitor.thresholds("hr-high") == (120, 150)


def test_a_limit_the_engine_refuses_keeps_the_dialog_open_with_its_message(qtbot, dialog, monitor, controls):
    dialog.spin_box("spo2-low", 0).setValue(88)  # the medium tier no longer above the high one
    dialog.spin_box("hr-high", 0).setValue(110)
    qtbot.keyClicks(dialog.ui.reason_edit, "anxious patient")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert "must be below the one before" in dialog.message_label("spo2-low").text()
    assert dialog.ui.form_message.text()
    assert monitor.thresholds("spo2-low") == (92, 88) and monitor.thresholds("hr-high") == (110, 150)
    assert [e.detail["rule"] for e in controls.events if e.kind == ALARM_LIMIT_CHANGED] == ["hr-high"]


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_dialog_fits_the_bedside_screen_and_opens_from_the_window(qtbot, feed: LiveFeed, clock, controls,
                                                                      monitor, theme):
    window = MainWindow(feed, clock, controls=controls, operator=NURSE, alarms=monitor)
    qtbot.addWidget(window)
    window.close_choice = CloseChoice.END_SESSION
    window.resize(1280, 800)
    window.show()
    window.apply_theme(theme)
    assert window.ui.alarm_limits_action.shortcut().toString() == "Ctrl+L"
    window.ui.alarm_limits_action.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AlarmLimitsDialog))
    shown = QApplication.activeModalWidget()
    assert QApplication.instance().styleSheet() == load_theme(theme).style_sheet
    assert shown.height() <= 800 - 40 and shown.width() <= 1280
    assert shown.save_button.visibleRegion().boundingRect().height() >= 44
    assert shown.spin_box("spo2-low").height() >= 44
    shown.reject()
