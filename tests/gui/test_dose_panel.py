"""The treatment panel in the bedside window, on real widgets (offscreen) with a real dose session
whose events go through a recording sink and the live feed, driven through the real dialogs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from ketaconsole.acquisition.recorder import RecordedEvent
from ketaconsole.core.clock import ManualClock
from ketaconsole.core.dose_session import DoseSession
from ketaconsole.core.dosing import DoseRequest, plan_dose
from ketaconsole.core.treatment_profiles import LoadedProfile
from ketaconsole.gui.dose_calculator_dialog import DoseCalculatorDialog
from ketaconsole.gui.dose_panel import DosePanel
from ketaconsole.gui.live_feed import HistoryBatch, LiveFeed
from ketaconsole.gui.main_window import CloseChoice, MainWindow
from ketaconsole.gui.reason_dialog import ReasonDialog

NURSE = "Nurse Anna"
DialogT = TypeVar("DialogT", bound=QDialog)


def local(moment: datetime) -> str:
    return f"{moment.astimezone():%H:%M}"


def open_window(qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls: object,
                **options: object) -> MainWindow:
    window = MainWindow(feed, clock, controls=controls, operator=NURSE, **options)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def shown_dialog(window: MainWindow, kind: type[DialogT]) -> DialogT:
    """The one dialog of ``kind`` the window has open."""
    dialogs = [dialog for dialog in window.findChildren(kind) if dialog.isVisible()]
    assert len(dialogs) == 1, f"expected one open {kind.__name__}, found {len(dialogs)}"
    return dialogs[0]


def press(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible(), f"{button.objectName()} is not offered"
    assert button.isEnabled(), f"{button.objectName()} is disabled: {button.toolTip()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def figure(panel: DosePanel, key: str) -> str:
    return getattr(panel.ui, f"{key}_value").text()


def offered(panel: DosePanel) -> list[str]:
    """The action buttons shown (the latest-score buttons above are not actions)."""
    buttons = panel.ui.buttons_area.findChildren(QPushButton)
    return [button.text().replace("&", "") for button in buttons if button.isVisible()]


def check_rows(panel: DosePanel) -> dict[str, tuple[QLabel, QLabel]]:
    """The checks shown, by label: (label, state) widgets."""
    grid = panel.ui.checks_grid
    rows = {}
    for row in range(grid.rowCount()):
        item = grid.itemAtPosition(row, 0)
        if item is not None and item.widget().isVisible():
            rows[item.widget().text()] = (item.widget(), grid.itemAtPosition(row, 1).widget())
    return rows


def check_state(panel: DosePanel, label: str) -> str:
    return check_rows(panel)[label][1].text()


def test_calculate_confirm_start_pause_resume_complete_and_the_events_match(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, profiles: dict[str, LoadedProfile],
    cuff: Callable[..., None],
) -> None:
    session = DoseSession.select(profiles["iv-ketamine"], clock=clock, sink=controls.record_event, user=NURSE)
    window = open_window(qtbot, feed, clock, controls, treatment=session, patient_weight_kg=70)
    window.close_choice = CloseChoice.END_SESSION
    panel = window.ui.dose_panel
    assert panel.ui.title_label.text() == "IV ketamine infusion"
    assert panel.ui.unconfirmed_label.isVisible()
    assert panel.ui.phase_label.text() == "Dose not planned yet"
    assert offered(panel) == ["Plan dose…", "Start infusion"]
    assert not panel.ui.start_button.isEnabled() and panel.ui.start_button.toolTip() == "Plan the dose first"
    cuff()  # the baseline blood pressure, from the monitor through the feed
    window.refresh()

    press(qtbot, panel.ui.plan_button)
    calculator = shown_dialog(window, DoseCalculatorDialog)
    assert calculator.ui.weight_edit.text() == "70", "the patient's weight is filled in"
    calculator.ui.weight_edit.clear()
    qtbot.keyClicks(calculator.ui.weight_edit, "70")
    arithmetic = calculator.ui.arithmetic_text.toPlainText()
    assert "Dose: 70 kg × 0.5 mg/kg = 35 mg" in arithmetic
    assert "Pump: 100 mL over 40 min = 150 mL/h" in arithmetic
    qtbot.keyClick(calculator.ui.weight_edit, Qt.Key.Key_Return)
    assert not calculator.isVisible()
    assert panel.ui.phase_label.text() == "Planned: 35 mg, not started"

    press(qtbot, panel.ui.start_button)
    started = clock.now().utc
    clock.advance(20 * 60)
    window.refresh()
    assert panel.ui.phase_label.text() == "Infusing"
    assert (figure(panel, "elapsed"), figure(panel, "remaining"), figure(panel, "given")) == (
        "20:00", "20:00", "17.5 of 35 mg")
    assert figure(panel, "rate") == "150 mL/h\n0.75 mg/kg/h"
    assert figure(panel, "end") == f"{local(started + timedelta(minutes=40))} projected"

    press(qtbot, panel.ui.pause_button)
    pause = shown_dialog(window, ReasonDialog)
    assert not pause.ok_button.isEnabled(), "a pause needs a reason"
    qtbot.keyClicks(pause.ui.reason_edit, "IV line check")
    qtbot.keyClick(pause.ui.reason_edit, Qt.Key.Key_Return)
    assert not pause.isVisible()
    clock.advance(150)
    window.refresh()
    assert panel.ui.phase_label.text() == "Paused — 2:30"
    assert figure(panel, "given") == "17.5 of 35 mg", "nothing runs in while paused"
    assert figure(panel, "end") == f"{local(clock.now().utc + timedelta(minutes=20))}\nif resumed now"

    press(qtbot, panel.ui.resume_button)
    clock.advance(20 * 60 - 30)
    window.refresh()
    assert figure(panel, "remaining") == "0:30"
    press(qtbot, panel.ui.complete_button)
    assert panel.ui.phase_label.text() == "Observation · infusion completed"
    assert figure(panel, "given") == "35 of 35 mg"
    assert offered(panel) == ["Ready for discharge…"]

    assert controls.kinds() == ["treatment-selected", "dose-planned", "infusion-started",
                                "required-bp-recorded", "infusion-paused", "infusion-resumed",
                                "infusion-completed"]
    by_kind = {event.kind: event for event in controls.events}
    assert {event.user for event in controls.events if event.kind != "required-bp-recorded"} == {NURSE}
    plan = by_kind["dose-planned"].detail["plan"]
    assert (plan["dosing_weight_kg"], plan["prepared_mg"], plan["rate_ml_h"]) == (70, 35, 150)
    assert by_kind["infusion-started"].detail["rate_ml_h"] == 150
    assert by_kind["required-bp-recorded"].detail["systolic"] == 124
    assert by_kind["infusion-paused"].detail["reason"] == "IV line check"
    assert by_kind["infusion-completed"].detail["delivered_mg"] == 35
    window.refresh()
    _, labels = window.ui.trend_view.event_items("infusion-started")
    assert [label.toPlainText() for label in labels] == ["infusion 150 mL/h"]


def test_nasal_devices_one_by_one_with_the_rest_between_them(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, profiles: dict[str, LoadedProfile],
    cuff: Callable[..., None],
) -> None:
    session = DoseSession.select(profiles["esketamine-intranasal"], clock=clock, sink=controls.record_event,
                                 user=NURSE)
    window = open_window(qtbot, feed, clock, controls, treatment=session)
    window.close_choice = CloseChoice.END_SESSION
    panel = window.ui.dose_panel
    cuff()
    window.refresh()
    press(qtbot, panel.ui.plan_button)
    calculator = shown_dialog(window, DoseCalculatorDialog)
    assert calculator.ui.dose_combo.currentText() == "56"
    assert calculator.ui.weight_edit.isHidden(), "a device dose does not depend on the weight"
    qtbot.keyClicks(calculator.ui.lot_edit, "L123")
    arithmetic = calculator.ui.arithmetic_text.toPlainText()
    assert arithmetic.startswith("Dose: 56 mg ÷ 28 mg per device = 2 devices")
    qtbot.keyClick(calculator.ui.lot_edit, Qt.Key.Key_Return)

    assert offered(panel) == ["Plan dose…", "Device 1 given"]
    press(qtbot, panel.ui.start_button)
    first_device = clock.now().utc
    assert panel.ui.phase_label.text() == "Between devices — device 2 in 5:00"
    assert figure(panel, "given") == "28 of 56 mg\n1 of 2 devices"
    assert panel.ui.rate_value.isHidden() and panel.ui.remaining_value.isHidden()

    press(qtbot, panel.ui.next_device_button)
    early = shown_dialog(window, ReasonDialog)
    assert early.gates.gates[0].id == "device-rest"
    qtbot.keyClick(early, Qt.Key.Key_Escape)
    assert controls.kinds().count("device-administered") == 1, "cancelled: nothing recorded"
    clock.advance(5 * 60)
    window.refresh()
    assert panel.ui.phase_label.text() == "Between devices — device 2 now"
    press(qtbot, panel.ui.next_device_button)
    assert panel.ui.phase_label.text() == "Observation · all devices given"

    devices = [event.detail for event in controls.events if event.kind == "device-administered"]
    assert [(d["device"], d["of"], d["mg"], d["lot"]) for d in devices] == [
        (1, 2, 28, "L123"), (2, 2, 28, "L123")]
    clock.advance(35 * 60)
    cuff(131, 84, 99)  # the REMS reading about 40 min after the first device
    window.refresh()
    recorded = controls.last("required-bp-recorded").detail
    assert (recorded["check"], recorded["systolic"], recorded["minutes_after_dosing_start"]) == (
        "bp-40-min", 131, 40)
    assert check_state(panel, "REMS blood pressure about 40 min after dosing") == \
        f"✓ {local(first_device + timedelta(minutes=40))}\n131/84 (99)"
    assert panel.ui.leave_value.text() == f"from {local(first_device + timedelta(hours=2))}\nin 1:20:00"


def test_an_overdue_check_is_marked_for_the_style_sheet(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, profiles: dict[str, LoadedProfile],
    cuff: Callable[..., None],
) -> None:
    session = DoseSession.select(profiles["iv-ketamine"], clock=clock, sink=controls.record_event, user=NURSE)
    session.plan(plan_dose(session.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5)), user=NURSE)
    window = open_window(qtbot, feed, clock, controls, treatment=session)
    window.close_choice = CloseChoice.END_SESSION
    panel = window.ui.dose_panel
    cuff()
    window.refresh()
    press(qtbot, panel.ui.start_button)
    clock.advance(12 * 60 + 5)
    window.refresh()
    label, state = check_rows(panel)["Blood pressure"]
    assert state.text() == "OVERDUE 0:05"
    assert label.property("check_state") == state.property("check_state") == "overdue"
    cuff(118, 75, 88)
    window.refresh()
    assert (state.text(), state.property("check_state")) == ("due in 10:00", "upcoming")


def test_without_a_session_the_panel_is_not_shown(window: MainWindow) -> None:
    assert window.ui.dose_panel.isHidden()


def test_a_treatment_is_chosen_in_the_window_and_recorded(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls
) -> None:
    window = open_window(qtbot, feed, clock, controls)
    window.close_choice = CloseChoice.END_SESSION
    panel = window.ui.dose_panel
    assert panel.ui.phase_label.text() == "No treatment protocol chosen"
    assert offered(panel) == ["Choose treatment…"]
    press(qtbot, panel.ui.choose_button)
    chooser = shown_dialog(window, QInputDialog)
    combo = chooser.findChild(QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Esketamine nasal spray (REMS)", "IM ketamine injection", "IV ketamine infusion"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert [(e.kind, e.detail["profile_id"], e.user) for e in controls.events] == [
        ("treatment-selected", "iv-ketamine", NURSE)]
    assert panel.treatment is not None
    assert panel.ui.title_label.text() == "IV ketamine infusion"
    assert offered(panel) == ["Plan dose…", "Start infusion"]


def test_a_refused_action_is_said_and_nothing_is_recorded(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, profiles: dict[str, LoadedProfile]
) -> None:
    session = DoseSession.select(profiles["im-ketamine"], clock=clock, sink=controls.record_event, user=NURSE)
    session.plan(plan_dose(session.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5)), user=NURSE)
    window = MainWindow(feed, clock, controls=controls, operator="  ", treatment=session)
    qtbot.addWidget(window)
    window.close_choice = CloseChoice.END_SESSION
    window.show()
    panel = window.ui.dose_panel
    assert offered(panel) == ["Plan dose…", "Injection given"]
    press(qtbot, panel.ui.start_button)
    assert panel.ui.notice_label.isVisible()
    assert panel.ui.notice_label.text() == "an action needs the name of who did it"
    assert controls.kinds() == ["treatment-selected", "dose-planned"]


def test_a_resumed_session_shows_its_treatment_once_the_history_is_loaded(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, profiles: dict[str, LoadedProfile],
    cuff: Callable[..., None],
) -> None:
    earlier: list[RecordedEvent] = []

    def store(kind: str, stamp, detail, user) -> None:
        earlier.append(RecordedEvent(kind, stamp, dict(detail), user))

    store("recording-started", clock.now(), {"clock_epoch": clock.monotonic_epoch}, None)
    before = DoseSession.select(profiles["iv-ketamine"], clock=clock, sink=store, user="Nurse Ben")
    before.plan(plan_dose(before.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5)), user="Nurse Ben")
    before.start_dosing(user="Nurse Ben", overrides={"required-bp:bp-baseline": "cuff broken"})
    clock.advance(10 * 60)

    window = open_window(qtbot, feed, clock, controls, awaiting_history=True)
    window.close_choice = CloseChoice.END_SESSION
    panel = window.ui.dose_panel
    assert panel.ui.phase_label.text() == "Loading session history…"
    assert offered(panel) == []
    cuff()  # arrives while the history loads
    window.refresh()
    rebuilt = DoseSession.rebuild(earlier, [], clock=clock, sink=controls.record_event)
    feed.put_history(HistoryBatch([], earlier, treatment=rebuilt))
    window.refresh()
    assert panel.ui.phase_label.text() == "Infusing"
    assert figure(panel, "given") == "8.8 of 35 mg"
    assert check_state(panel, "Blood pressure") == "due in 10:00", \
        "the reading taken while loading counts for the checks"
    press(qtbot, panel.ui.pause_button)
    pause = shown_dialog(window, ReasonDialog)
    qtbot.keyClicks(pause.ui.reason_edit, "patient asked")
    qtbot.mouseClick(pause.ok_button, Qt.MouseButton.LeftButton)
    assert [(e.kind, e.user) for e in controls.events] == [("infusion-paused", NURSE)], \
        "a reading after the start is not recorded as the baseline"
    assert check_state(panel, "Baseline blood pressure before the infusion") == "missed"


def test_a_stored_treatment_that_cannot_be_read_is_said_in_red(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls
) -> None:
    window = open_window(qtbot, feed, clock, controls, awaiting_history=True)
    window.close_choice = CloseChoice.END_SESSION
    error = "stored infusion-paused event at 09:12:00 UTC cannot be replayed"
    feed.put_history(HistoryBatch([], [], treatment=None, treatment_error=error))
    window.refresh()
    panel = window.ui.dose_panel
    message = panel.ui.message_label
    assert message.isVisible() and message.property("tone") == "error"
    assert message.text().startswith("Stored infusion-paused event at 09:12:00 UTC cannot be replayed.")
    assert message.palette().color(QPalette.ColorRole.WindowText).name() == "#ff8a80"
    assert offered(panel) == [], "no new treatment over an unreadable one"


def test_the_panel_buttons_are_large_and_have_accelerators(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, profiles: dict[str, LoadedProfile]
) -> None:
    session = DoseSession.select(profiles["iv-ketamine"], clock=clock, sink=controls.record_event, user=NURSE)
    session.plan(plan_dose(session.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5)), user=NURSE)
    session.start_dosing(user=NURSE, overrides={"required-bp:bp-baseline": "cuff broken"})
    window = open_window(qtbot, feed, clock, controls, treatment=session)
    window.close_choice = CloseChoice.END_SESSION
    qtbot.wait(20)
    buttons = [button for button in window.ui.dose_panel.ui.buttons_area.findChildren(QPushButton)
               if button.isVisible()]
    assert len(buttons) == 5
    for button in buttons:
        assert button.height() >= 44, button.objectName()
        assert "&" in button.text(), button.objectName()
    window.activateWindow()
    qtbot.waitActive(window)
    # through the window system, as a keyboard does: that is where shortcuts are matched
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    # the button's animated click comes a moment later
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ReasonDialog)))
    assert shown_dialog(window, ReasonDialog).windowTitle() == "Pause the infusion", "Alt+A pauses"
