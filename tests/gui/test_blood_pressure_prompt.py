"""The treatment panel acts on the alarm preset's blood-pressure steps: a high cuff reading while
infusing shows a prompt whose one button pauses the infusion with the reading as the reason; a second
high reading makes resuming wait for a written clinician override in the gate dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from ketaconsole.core.alarm_presets import load_preset_catalogue
from ketaconsole.core.clock import ManualClock
from ketaconsole.core.dose_session import DoseSession
from ketaconsole.core.dose_timer import EventKind
from ketaconsole.core.dosing import DoseRequest, plan_dose
from ketaconsole.core.treatment_profiles import LoadedProfile
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import CloseChoice
from ketaconsole.gui.reason_dialog import ReasonDialog
from tests.gui.test_dose_panel import NURSE, open_window, press, shown_dialog

STEPS = load_preset_catalogue().default().preset.blood_pressure_step


def test_a_high_pressure_prompts_a_pause_and_then_needs_an_override_to_resume(
        qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, profiles: dict[str, LoadedProfile],
        cuff: Callable[..., None]) -> None:
    loaded = profiles["iv-ketamine"]
    session = DoseSession.select(loaded, clock=clock, sink=controls.record_event, user=NURSE,
                                 blood_pressure_steps=STEPS)
    cuff()
    session.add_observations([])
    window = open_window(qtbot, feed, clock, controls, treatment=session)
    window.close_choice = CloseChoice.END_SESSION
    panel = window.ui.dose_panel
    window.refresh()
    session.plan(plan_dose(loaded.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5)), user=NURSE)
    session.start_dosing(user=NURSE)
    clock.advance(600)
    window.refresh()
    assert not panel.ui.bp_prompt_frame.isVisible()

    cuff(188, 104, 132)
    qtbot.waitUntil(lambda: panel.ui.bp_prompt_frame.isVisible())
    assert "188/104" in panel.ui.bp_prompt_label.text()
    press(qtbot, panel.ui.bp_pause_button)
    paused = controls.last(EventKind.INFUSION_PAUSED)
    assert "Blood pressure 188/104" in paused.detail["reason"] and paused.user == NURSE
    window.refresh()
    assert not panel.ui.bp_prompt_frame.isVisible()

    clock.advance(300)
    cuff(186, 112, 137)
    window.refresh()
    press(qtbot, panel.ui.resume_button)
    gate = shown_dialog(window, ReasonDialog)
    messages = [label.text() for label in gate.findChildren(QLabel) if label.property("gate")]
    assert any("186/112" in text and "clinician must approve" in text for text in messages), messages
    field = next(edit for edit in gate.findChildren(QLineEdit) if edit.isVisible())
    qtbot.keyClicks(field, "Dr Okafor approved at the bedside")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not gate.isVisible())
    (override,) = controls.last(EventKind.INFUSION_RESUMED).detail["overrides"]
    assert override["gate"] == "blood-pressure" and override["reason"] == "Dr Okafor approved at the bedside"
    assert "186/112" in override["message"]
    assert window.ui.dose_panel.ui.phase_label.text() == "Infusing"
