"""The REMS monitoring summary dialog on real widgets (offscreen) over a real esketamine session: filled
in by mouse and keyboard, saved as one detail, refused beside the field, read-only facts, and
rendered under both themes (pictures in ``test-artifacts/``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QLabel, QLineEdit, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from ketaconsole.core.clock import ManualClock
from ketaconsole.core.dose_session import DoseSession
from ketaconsole.core.dosing import DoseRequest, plan_dose
from ketaconsole.core.observations import Observation
from ketaconsole.core.rems_summary import (
    EffectAnswer,
    RemsAnswers,
    RemsSummaryError,
    draft_summary,
    summary_detail,
)
from ketaconsole.core.treatment_profiles import LoadedProfile
from ketaconsole.gui.rems_summary_dialog import RemsSummaryDialog, fact_name
from ketaconsole.gui.theme import load_theme

NURSE = "Nurse Anna"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


class Recorded:
    """The ``record`` callback: keeps every detail it is given."""

    def __init__(self) -> None:
        self.details: list[dict[str, Any]] = []

    def __call__(self, detail: dict[str, Any]) -> None:
        self.details.append(detail)


def measure(session: DoseSession, clock: ManualClock, systolic: float, diastolic: float, mean: float, *,
            manual: bool = False) -> None:
    now = clock.now()
    session.add_observations([Observation("NIBP_SYS", systolic, now, "dev", manual=manual),
                              Observation("NIBP_DIA", diastolic, now, "dev", manual=manual),
                              Observation("NIBP_MEAN", mean, now, "dev", manual=manual)])


def esketamine(profiles: dict[str, LoadedProfile], clock: ManualClock, *, discharged: bool = True,
               pre_dose_bp: bool = True, discharge_min: float = 125,
               manual_last_bp: bool = False) -> DoseSession:
    """56 mg esketamine: pre-dose BP, devices at 0 and 5 min, BP at 41 min, a last BP 13 min before
    discharge at ``discharge_min`` after the first device (unless not ``discharged``: then 60 min in)."""
    loaded = profiles["esketamine-intranasal"]
    session = DoseSession.select(loaded, clock=clock, sink=lambda *_: None, user=NURSE)
    if pre_dose_bp:
        measure(session, clock, 128, 84, 96)
    session.plan(plan_dose(loaded.profile, DoseRequest(dose_mg=56, lot="LOT-7")), user=NURSE)
    clock.advance(10 * 60)
    session.start_dosing(user=NURSE, overrides=None if pre_dose_bp else {"required-bp:bp-pre-dose": "cuff"})
    clock.advance(5 * 60)
    session.give_next_device(user=NURSE)
    if not discharged:
        clock.advance(55 * 60)
        return session
    clock.advance(36 * 60)
    measure(session, clock, 151, 96, 112)
    clock.advance((discharge_min - 13 - 41) * 60)
    measure(session, clock, 134, 85, 100, manual=manual_last_bp)
    clock.advance(13 * 60)
    criteria = [criterion.id for criterion in loaded.profile.discharge_criteria]
    session.mark_ready_for_discharge(user=NURSE, criteria_met=criteria,
                                     overrides={"observation-minimum": "doctor agreed"})
    return session


@pytest.fixture
def recorded() -> Recorded:
    return Recorded()


def open_dialog(qtbot: QtBot, session: DoseSession, recorded: Recorded) -> RemsSummaryDialog:
    dialog = RemsSummaryDialog(session.status(), record=recorded)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def press(qtbot: QtBot, key: Qt.Key) -> None:
    """Press ``key`` where the keyboard focus is."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def type_here(qtbot: QtBot, text: str) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_the_form_filled_by_mouse_and_keyboard_is_saved_as_one_detail(
    qtbot: QtBot, profiles: dict[str, LoadedProfile], clock: ManualClock, recorded: Recorded
) -> None:
    session = esketamine(profiles, clock)
    dialog = open_dialog(qtbot, session, recorded)
    assert QApplication.focusWidget() is dialog.occurred_box("sedation")
    # Sedation, by keyboard: tick, onset, resolution.
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "5")
    assert dialog.clock_label("sedation_onset_min").text() == "09:15", "5 min after the first device"
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "50")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.not_resolved_box("sedation")
    press(qtbot, Qt.Key.Key_Tab)
    # Dissociation, by mouse, not resolved.
    assert QApplication.focusWidget() is dialog.occurred_box("dissociation")
    click(qtbot, dialog.occurred_box("dissociation"))
    qtbot.keyClicks(dialog.field("dissociation_onset_min"), "10")
    click(qtbot, dialog.not_resolved_box("dissociation"))
    assert not dialog.field("dissociation_resolution_min").isEnabled()
    # The questions.
    qtbot.keyClicks(dialog.field("ready_to_leave_min"), "90")
    assert dialog.clock_label("ready_to_leave_min").text() == "10:40"
    click(qtbot, dialog.ui.vitals_acceptable_before_yes)
    dialog.ui.vitals_acceptable_at_end_no.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.ui.note_edit
    type_here(qtbot, "Still dissociated at discharge; escort briefed")
    assert recorded.details == []
    click(qtbot, dialog.save_button)

    assert dialog.result() == QDialog.DialogCode.Accepted
    expected = RemsAnswers(EffectAnswer(True, 5, 50), EffectAnswer(True, 10, None), EffectAnswer(False), 90,
                           True, False, "Still dissociated at discharge; escort briefed")
    status = session.status()
    assert recorded.details == [summary_detail(draft_summary(status), expected)]
    pressures = recorded.details[0]["blood_pressures"]
    assert [(p["check"], p["systolic"], p["diastolic"], p["mean"]) for p in pressures] == [
        ("bp-pre-dose", 128, 84, 96), ("bp-40-min", 151, 96, 112), ("bp-before-discharge", 134, 85, 100)]
    for stored in pressures:
        reading = status.recorded_bp[stored["check"]]
        assert stored["measured_utc"] == reading.measured.utc.isoformat()
    assert recorded.details[0]["monitoring_min"] == 125


def fill_valid(qtbot: QtBot, dialog: RemsSummaryDialog) -> None:
    """No effect occurred, ready at 60 min, vital signs acceptable before and at the end."""
    qtbot.keyClicks(dialog.field("ready_to_leave_min"), "60")
    click(qtbot, dialog.ui.vitals_acceptable_before_yes)
    click(qtbot, dialog.ui.vitals_acceptable_at_end_yes)


def test_a_field_error_is_shown_beside_its_field_and_blocks_saving(
    qtbot: QtBot, profiles: dict[str, LoadedProfile], clock: ManualClock, recorded: Recorded
) -> None:
    dialog = open_dialog(qtbot, esketamine(profiles, clock), recorded)
    fill_valid(qtbot, dialog)
    click(qtbot, dialog.occurred_box("sedation"))
    qtbot.keyClicks(dialog.field("sedation_onset_min"), "30")
    resolution = dialog.field("sedation_resolution_min")
    qtbot.keyClicks(resolution, "20")
    assert dialog.message_label("sedation_resolution_min").text() == "", "nothing is said before Save"
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and recorded.details == []
    label = dialog.message_label("sedation_resolution_min")
    assert label.text() == "Sedation cannot resolve (20 min) before its onset (30 min)"
    assert label.isVisible()
    assert resolution.property("invalid") is True
    assert resolution.accessibleDescription() == label.text()
    assert QApplication.focusWidget() is resolution
    # Beside its field: same row of the form, to its right.
    field_box = QRect(resolution.mapTo(dialog, QPoint(0, 0)), resolution.size())
    label_box = QRect(label.mapTo(dialog, QPoint(0, 0)), label.size())
    assert label_box.left() > field_box.right()
    assert label_box.top() < field_box.bottom() and label_box.bottom() > field_box.top()
    # The message follows the typing once Save was pressed; Enter saves when nothing is left.
    resolution.selectAll()
    qtbot.keyClicks(resolution, "45")
    assert label.text() == "" and resolution.property("invalid") is False
    qtbot.keyClick(resolution, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert recorded.details[0]["sedation"]["resolution_min"] == 45


def test_an_unanswered_question_is_said_beside_it(
    qtbot: QtBot, profiles: dict[str, LoadedProfile], clock: ManualClock, recorded: Recorded
) -> None:
    dialog = open_dialog(qtbot, esketamine(profiles, clock), recorded)
    qtbot.keyClicks(dialog.field("ready_to_leave_min"), "130")
    click(qtbot, dialog.ui.vitals_acceptable_before_yes)
    click(qtbot, dialog.save_button)
    assert dialog.message_label("vitals_acceptable_at_end").text() == "Answer yes or no"
    assert QApplication.focusWidget() is dialog.ui.vitals_acceptable_at_end_yes
    click(qtbot, dialog.ui.vitals_acceptable_at_end_yes)
    assert dialog.message_label("vitals_acceptable_at_end").text() == ""
    click(qtbot, dialog.save_button)
    assert dialog.message_label("ready_to_leave_min").text() == (
        "Ready to leave (130 min) is after the end of monitoring (125 min after the first device)")
    assert recorded.details == []


def test_the_times_of_an_effect_open_only_when_it_occurred(
    qtbot: QtBot, profiles: dict[str, LoadedProfile], clock: ManualClock, recorded: Recorded
) -> None:
    dialog = open_dialog(qtbot, esketamine(profiles, clock), recorded)
    onset = dialog.field("respiratory_depression_onset_min")
    resolution = dialog.field("respiratory_depression_resolution_min")
    not_resolved = dialog.not_resolved_box("respiratory_depression")
    assert isinstance(onset, QLineEdit) and isinstance(resolution, QLineEdit)
    assert not (onset.isEnabled() or resolution.isEnabled() or not_resolved.isEnabled())
    click(qtbot, dialog.occurred_box("respiratory_depression"))
    assert onset.isEnabled() and resolution.isEnabled() and not_resolved.isEnabled()
    qtbot.keyClicks(onset, "12")
    qtbot.keyClicks(resolution, "30")
    click(qtbot, not_resolved)
    assert not resolution.isEnabled() and resolution.text() == "", "not resolved clears the resolution"
    click(qtbot, dialog.occurred_box("respiratory_depression"))
    assert onset.text() == "" and not onset.isEnabled()
    assert not not_resolved.isChecked() and not not_resolved.isEnabled()


def test_the_session_facts_are_read_only_labels(
    qtbot: QtBot, profiles: dict[str, LoadedProfile], clock: ManualClock, recorded: Recorded
) -> None:
    dialog = open_dialog(qtbot, esketamine(profiles, clock), recorded)
    forty = dialog.fact_label(fact_name("bp-40-min"))
    assert isinstance(forty, QLabel)
    assert forty.text() == "151/96 (112) mmHg at 09:51, 41 min after the first device"
    assert dialog.fact_label("bp_pre_dose").text() == (
        "128/84 (96) mmHg at 09:00, 10 min before the first device")
    assert dialog.fact_label("monitoring").text() == (
        "First device 09:10 → ready for discharge 11:15 = 125 min")
    assert "56 mg, lot LOT-7 · 2 of 2 devices given" in dialog.fact_label("treatment").text()
    for name in ("treatment", "monitoring", "bp_pre_dose", "bp_40_min", "bp_before_discharge"):
        label = dialog.fact_label(name)
        assert not label.textInteractionFlags() & Qt.TextInteractionFlag.TextEditable
        assert label.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert label.property("attention") is False
    before = forty.text()
    qtbot.keyClicks(forty, "999")
    assert forty.text() == before
    # The only typing fields are the answers: no blood pressure can be typed over.
    typed = {edit.objectName() for edit in dialog.findChildren(QLineEdit)}
    assert typed == {f"{key}_edit" for key in (
        "sedation_onset_min", "sedation_resolution_min", "dissociation_onset_min",
        "dissociation_resolution_min", "respiratory_depression_onset_min",
        "respiratory_depression_resolution_min", "ready_to_leave_min")}


def test_before_discharge_missing_readings_are_flagged_and_nothing_can_be_saved(
    qtbot: QtBot, profiles: dict[str, LoadedProfile], clock: ManualClock, recorded: Recorded
) -> None:
    session = esketamine(profiles, clock, discharged=False, pre_dose_bp=False)
    dialog = open_dialog(qtbot, session, recorded)
    pre = dialog.fact_label("bp_pre_dose")
    assert pre.text() == "⚠ Not recorded: no cuff reading was taken in its window"
    assert pre.property("attention") is True
    assert dialog.fact_label("bp_before_discharge").text() == (
        "⚠ Not recorded yet: it is taken when the patient is marked ready for discharge")
    assert dialog.fact_label("monitoring").property("attention") is True
    assert not dialog.save_button.isEnabled()
    assert "once the patient is marked ready for discharge" in dialog.ui.form_message.text()
    fill_valid(qtbot, dialog)
    qtbot.keyClick(dialog.field("ready_to_leave_min"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and recorded.details == []


def test_short_monitoring_and_a_typed_in_reading_are_said(
    qtbot: QtBot, profiles: dict[str, LoadedProfile], clock: ManualClock, recorded: Recorded
) -> None:
    session = esketamine(profiles, clock, discharge_min=118, manual_last_bp=True)
    dialog = open_dialog(qtbot, session, recorded)
    monitoring = dialog.fact_label("monitoring")
    assert monitoring.text() == ("⚠ First device 09:10 → ready for discharge 11:08 = 118 min\n"
                                 "Shorter than the REMS minimum of 120 min")
    assert monitoring.property("attention") is True
    assert dialog.fact_label("bp_before_discharge").text() == (
        "134/85 (100) mmHg at 10:55, 105 min after the first device, entered by hand")
    fill_valid(qtbot, dialog)
    click(qtbot, dialog.save_button)
    assert recorded.details[0]["monitoring_below_minimum"] is True


def test_dosing_stopped_after_one_device_says_what_was_given(
    qtbot: QtBot, profiles: dict[str, LoadedProfile], clock: ManualClock, recorded: Recorded
) -> None:
    loaded = profiles["esketamine-intranasal"]
    session = DoseSession.select(loaded, clock=clock, sink=lambda *_: None, user=NURSE)
    measure(session, clock, 128, 84, 96)
    session.plan(plan_dose(loaded.profile, DoseRequest(dose_mg=84, lot="L9")), user=NURSE)
    session.start_dosing(user=NURSE)
    clock.advance(3 * 60)
    session.stop_early(user=NURSE, reason="nausea")
    dialog = open_dialog(qtbot, session, recorded)
    treatment = dialog.fact_label("treatment")
    assert treatment.text() == "⚠ Thu 1 Jan 2026 · 84 mg, lot L9 · 1 of 3 devices given (28 mg given)"
    assert treatment.property("attention") is True


def test_a_treatment_outside_the_rems_is_refused(
    qtbot: QtBot, profiles: dict[str, LoadedProfile], clock: ManualClock, recorded: Recorded
) -> None:
    session = DoseSession.select(profiles["iv-ketamine"], clock=clock, sink=lambda *_: None, user=NURSE)
    with pytest.raises(RemsSummaryError, match="not a REMS treatment"):
        RemsSummaryDialog(session.status(), record=recorded)


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    """Restores the application's style sheet after a test that sets a theme."""
    before = qapp.styleSheet()
    yield
    qapp.setStyleSheet(before)


def contrast(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        channels = [c / 255 for c in (colour.red(), colour.green(), colour.blue())]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_dialog_is_readable_with_large_targets_under_a_theme(
    qtbot: QtBot, qapp: QApplication, themed: None, profiles: dict[str, LoadedProfile], clock: ManualClock,
    recorded: Recorded, theme: str
) -> None:
    qapp.setStyleSheet(load_theme(theme).style_sheet)
    dialog = open_dialog(qtbot, esketamine(profiles, clock, pre_dose_bp=False), recorded)
    click(qtbot, dialog.occurred_box("sedation"))
    qtbot.keyClicks(dialog.field("sedation_onset_min"), "15")
    qtbot.keyClicks(dialog.field("sedation_resolution_min"), "5")
    click(qtbot, dialog.save_button)  # leaves messages beside the fields for the picture
    QApplication.processEvents()  # lay the form out again around the messages

    background = dialog.palette().color(QPalette.ColorRole.Window)
    message = dialog.message_label("sedation_resolution_min")
    assert message.text()
    red = message.palette().color(QPalette.ColorRole.WindowText)
    assert red.hslHue() >= 340 or red.hslHue() <= 15, f"a message is red, not {red.name()}"
    assert contrast(red, background) >= 4.5
    missing = dialog.fact_label("bp_pre_dose")
    assert missing.property("attention") is True
    assert contrast(missing.palette().color(QPalette.ColorRole.WindowText), background) >= 4.5
    assert dialog.height() <= 800 - 40, "the dialog fits a 1280×800 bedside screen (its form scrolls)"
    assert dialog.save_button.visibleRegion().boundingRect().height() >= 44
    assert dialog.ui.header_label.font().pointSizeF() >= 16
    assert all(label.font().pointSizeF() >= 14 for label in dialog.findChildren(QLabel)
               if label is not dialog.ui.header_label)
    targets = [dialog.save_button, *dialog.findChildren(QCheckBox), *dialog.findChildren(QRadioButton),
               *dialog.findChildren(QLineEdit)]
    assert all(widget.height() >= 44 for widget in targets), [
        (widget.objectName(), widget.height()) for widget in targets if widget.height() < 44]
    boxes = [*dialog.findChildren(QCheckBox), *dialog.findChildren(QRadioButton)]
    assert all(box.hitButton(QPoint(box.width() // 2, y)) for box in boxes for y in (2, box.height() - 3)), (
        "a box or radio button answers a press anywhere in its 44 px height")

    ARTIFACTS.mkdir(exist_ok=True)
    picture = ARTIFACTS / f"rems-summary-{theme}.png"
    assert dialog.grab().save(str(picture), "PNG")
    image = QImage(str(picture)).convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.width() * image.height())
    assert len(np.unique(pixels)) > 50, "the picture is not blank"


def _window_with(qtbot: QtBot, feed: Any, clock: ManualClock, controls: Any, treatment: DoseSession) -> Any:
    from ketaconsole.gui.main_window import CloseChoice, MainWindow

    window = MainWindow(feed, clock, controls=controls, operator=NURSE, treatment=treatment)
    window.close_choice = CloseChoice.END_SESSION
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_session_menu_opens_the_summary_and_records_it_as_a_session_event(
    qtbot: QtBot, feed: Any, clock: ManualClock, controls: Any, profiles: dict[str, LoadedProfile]
) -> None:
    from PySide6.QtCore import QTimer

    session = esketamine(profiles, clock)
    window = _window_with(qtbot, feed, clock, controls, session)
    filled: list[RemsSummaryDialog] = []

    def fill_and_save() -> None:
        dialog = next(d for d in window.findChildren(RemsSummaryDialog) if d.isVisible())
        filled.append(dialog)
        fill_valid(qtbot, dialog)
        click(qtbot, dialog.save_button)

    QTimer.singleShot(0, fill_and_save)
    window.ui.rems_summary_action.trigger()
    assert filled, "the menu entry opened the summary"
    summary = controls.last("rems-summary-recorded")
    assert summary.user == NURSE
    expected = RemsAnswers(EffectAnswer(False), EffectAnswer(False), EffectAnswer(False), 60, True, True, "")
    assert summary.detail == summary_detail(draft_summary(session.status()), expected)
    assert [p["systolic"] for p in summary.detail["blood_pressures"]] == [128, 151, 134]


def test_the_menu_says_why_a_session_has_no_rems_summary(
    qtbot: QtBot, feed: Any, clock: ManualClock, controls: Any, profiles: dict[str, LoadedProfile]
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    iv = DoseSession.select(profiles["iv-ketamine"], clock=clock, sink=controls.record_event, user=NURSE)
    window = _window_with(qtbot, feed, clock, controls, iv)
    said: list[str] = []

    def read_and_close() -> None:
        box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
        said.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    window.ui.rems_summary_action.trigger()
    assert said and "REMS" in said[0]
    assert "rems-summary-recorded" not in controls.kinds()
