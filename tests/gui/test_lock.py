"""The automatic lock of the bedside window, with real users on a real SQLite file and a real alarm
engine on a manual clock; the inactivity time is a short real timer. The lock engages after the time
without input, hides the content and the actions but not the alarm bar (pause works, acknowledging
needs a sign-in), the password unlocks, a wrong one does not, another person may take the session
over, and every step is a session event."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketaconsole.accounts.roles import SessionKind
from ketaconsole.accounts.users import NOT_ACCEPTED, UserDirectory
from ketaconsole.acquisition.alarm_monitor import AlarmMonitor
from ketaconsole.core.alarm_presets import load_preset_catalogue
from ketaconsole.core.alarms import ALARM_ACKNOWLEDGED, ALARM_AUDIO_PAUSED, AlarmEngine
from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import Observation
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.lock_overlay import InactivityWatch
from ketaconsole.gui.main_window import (
    CONSOLE_LOCKED,
    CONSOLE_UNLOCKED,
    OPERATOR_CHANGED,
    CloseChoice,
    ConsoleAccess,
    MainWindow,
)
from ketaconsole.storage.database import Database

PASSWORDS = {"admin": "keys to the kingdom 1", "nurse.anna": "anna's long secret",
             "dr.okafor": "okafor secret 99", "trainer.tom": "trainer password 7"}
LOCK_AFTER_S = 0.3


@pytest.fixture
def directory(tmp_path: Path) -> Iterator[UserDirectory]:
    database = Database(f"sqlite:///{(tmp_path / 'lock.sqlite3').as_posix()}")
    users = UserDirectory(database)
    admin = users.add("admin", "Ada Admin", "administrator", PASSWORDS["admin"], by=None)
    by = users.authenticate(admin.id, PASSWORDS["admin"])
    users.add("nurse.anna", "Anna Berg", "nurse", PASSWORDS["nurse.anna"], by=by)
    users.add("dr.okafor", "Chidi Okafor", "clinician", PASSWORDS["dr.okafor"], by=by)
    users.add("trainer.tom", "Tom Reed", "trainer", PASSWORDS["trainer.tom"], by=by)
    yield users
    database.close()


@pytest.fixture
def monitor(clock: ManualClock, controls) -> AlarmMonitor:
    engine = AlarmEngine.select(load_preset_catalogue().default(), sink=controls.record_event,
                                now=clock.now(), user="nurse.anna")
    return AlarmMonitor(engine, clock, sink=controls.record_event)


@pytest.fixture
def window(qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, monitor: AlarmMonitor,
           directory: UserDirectory) -> MainWindow:
    """A clinical session run by the nurse, with a high SpO2 alarm sounding."""
    rules = directory.rules
    access = ConsoleAccess(directory, directory.get("nurse.anna"), LOCK_AFTER_S,
                           lambda user: rules.run_refusal(user.role, SessionKind.CLINICAL))
    shown = MainWindow(feed, clock, controls=controls, operator="nurse.anna", alarms=monitor, access=access,
                       status_message="Ada Lovelace · operator Anna Berg (nurse.anna)")
    shown.setWindowTitle("KetaConsole – Ada Lovelace")
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    monitor.set_audio_output(True, "")
    for _ in range(12):
        monitor.observe([Observation("SPO2", 86, clock.now(), "dev")])
        clock.advance(1)
    shown.ui.alarm_bar.refresh()
    yield shown
    shown.close_choice = CloseChoice.END_SESSION


def wait_for_lock(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.locked, timeout=5000)


def unlock_as(qtbot: QtBot, window: MainWindow, user_id: str, password: str) -> None:
    overlay = window.lock_overlay
    overlay.user_edit.setText(user_id)
    qtbot.keyClicks(overlay.password_edit, password)
    qtbot.keyClick(overlay.password_edit, Qt.Key.Key_Return)


def test_the_console_locks_after_the_inactivity_time_and_the_alarms_stay(qtbot, window, controls):
    wait_for_lock(qtbot, window)
    ui, overlay, bar = window.ui, window.lock_overlay, window.ui.alarm_bar
    assert controls.last(CONSOLE_LOCKED).user == "nurse.anna"
    assert overlay.isVisible() and bar.isVisible()
    assert overlay.geometry().top() > bar.geometry().bottom(), "the alarm bar is not covered"
    assert overlay.geometry().bottom() >= ui.central_widget.height() - 1
    assert bar.headline == "*** SpO2 low  86 % (below 88 %)" and window.alarm_sound.sounding is not None
    assert window.windowTitle() == "KetaConsole – locked" and "Ada" not in ui.statusbar.currentMessage()
    assert overlay.user_edit.text() == "nurse.anna" and window.focusWidget() is overlay.password_edit
    for action in (ui.manual_vitals_action, ui.note_action, ui.end_session_action, ui.acknowledge_action,
                   ui.alarm_limits_action):
        assert not action.isEnabled(), action.objectName()
    assert ui.pause_audio_action.isEnabled()

    assert not bar.ui.acknowledge_button.isEnabled()
    bar.acknowledge_top()
    assert ALARM_ACKNOWLEDGED not in controls.kinds(), "acknowledging needs a person signed in"
    assert "sign in to acknowledge" in bar.ui.message_label.text()
    qtbot.mouseClick(bar.ui.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ALARM_AUDIO_PAUSED in controls.kinds())
    assert controls.last(ALARM_AUDIO_PAUSED).user == "nurse.anna (console locked)"

    unlock_as(qtbot, window, "nurse.anna", PASSWORDS["nurse.anna"])
    qtbot.waitUntil(lambda: not window.locked)
    assert not overlay.isVisible() and window.windowTitle() == "KetaConsole – Ada Lovelace"
    assert controls.last(CONSOLE_UNLOCKED).user == "nurse.anna"
    assert OPERATOR_CHANGED not in controls.kinds()
    assert ui.manual_vitals_action.isEnabled() and ui.acknowledge_action.isEnabled()
    qtbot.waitUntil(bar.ui.acknowledge_button.isEnabled)
    bar.acknowledge_top()
    assert controls.last(ALARM_ACKNOWLEDGED).user == "nurse.anna"
    assert window.inactivity is not None and window.inactivity.active, "counting again after the unlock"


def test_a_wrong_password_keeps_it_locked_and_closing_waits_for_the_unlock(qtbot, window, controls):
    wait_for_lock(qtbot, window)
    unlock_as(qtbot, window, "nurse.anna", "not her password")
    assert window.locked and window.lock_overlay.message.text() == NOT_ACCEPTED
    assert CONSOLE_UNLOCKED not in controls.kinds()
    window.close()
    assert window.isVisible() and window.close_choice is None
    assert "Unlock the console first" in window.lock_overlay.message.text()


def test_another_person_takes_the_session_over(qtbot, window, controls):
    wait_for_lock(qtbot, window)
    unlock_as(qtbot, window, "trainer.tom", PASSWORDS["trainer.tom"])
    assert window.locked and "Trainers run training sessions only" in window.lock_overlay.message.text()
    unlock_as(qtbot, window, "dr.okafor", PASSWORDS["dr.okafor"])
    qtbot.waitUntil(lambda: not window.locked)
    changed = controls.last(OPERATOR_CHANGED)
    assert changed.user == "dr.okafor" and changed.detail == {
        "from": "nurse.anna", "to": "dr.okafor", "printed_name": "Chidi Okafor"}
    assert window.signed_in_user is not None and window.signed_in_user.id == "dr.okafor"
    assert "taken over by Chidi Okafor (dr.okafor)" in window.ui.statusbar.currentMessage()
    window.ui.alarm_bar.acknowledge_top()
    assert controls.last(ALARM_ACKNOWLEDGED).user == "dr.okafor"


def test_input_anywhere_restarts_the_inactivity_time(qtbot, window):
    watch = InactivityWatch(QApplication.instance(), 10, parent=window)
    qtbot.waitUntil(lambda: watch._timer.remainingTime() < 9_700)
    qtbot.keyClick(window.ui.trend_view, Qt.Key.Key_Shift)
    assert watch._timer.remainingTime() > 9_900
    watch.remove()
