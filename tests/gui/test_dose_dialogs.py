"""The dose dialogs on real widgets (offscreen) over a real dose session: the calculator, the reason
dialog (pause, rate, bolus, stop, gates) and the discharge dialog, used by keyboard and mouse."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QPalette
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from ketaconsole.core.clock import ManualClock
from ketaconsole.core.dose_session import DoseSession, Gate, OverrideNeeded
from ketaconsole.core.dosing import DoseRequest, plan_dose
from ketaconsole.core.observations import Observation
from ketaconsole.core.treatment_profiles import LoadedProfile, parse_profile
from ketaconsole.gui.discharge_dialog import DischargeDialog
from ketaconsole.gui.dose_calculator_dialog import DoseCalculatorDialog
from ketaconsole.gui.field_messages import ERROR_RED
from ketaconsole.gui.main_window import CloseChoice, MainWindow
from ketaconsole.gui.reason_dialog import ReasonDialog, ValueField

NURSE = "Nurse Anna"


class Sink:
    """Keeps the session events a dose session records."""

    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any], str | None]] = []

    def __call__(self, kind: str, stamp: object, detail: dict[str, Any], user: str | None) -> None:
        self.events.append((kind, detail, user))

    def kinds(self) -> list[str]:
        return [kind for kind, _, _ in self.events]

    def last(self, kind: str) -> dict[str, Any]:
        return [detail for event_kind, detail, _ in self.events if event_kind == kind][-1]


@pytest.fixture
def sink() -> Sink:
    return Sink()


@pytest.fixture
def iv(profiles: dict[str, LoadedProfile], clock: ManualClock, sink: Sink) -> DoseSession:
    return DoseSession.select(profiles["iv-ketamine"], clock=clock, sink=sink, user=NURSE)


def show(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def retype(qtbot: QtBot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def measure_bp(session: DoseSession, clock: ManualClock) -> None:
    now = clock.now()
    session.add_observations([Observation("NIBP_SYS", 122, now, "dev"),
                              Observation("NIBP_DIA", 76, now, "dev")])


def infusing(session: DoseSession, clock: ManualClock, minutes: float) -> None:
    session.plan(plan_dose(session.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5)), user=NURSE)
    measure_bp(session, clock)
    session.start_dosing(user=NURSE)
    clock.advance(minutes * 60)


def test_a_dose_outside_the_usual_range_needs_a_reason_before_it_can_be_confirmed(
    qtbot: QtBot, iv: DoseSession, sink: Sink
) -> None:
    dialog = show(qtbot, DoseCalculatorDialog(iv, user=NURSE, weight_kg=70))
    assert dialog.confirm_button.isEnabled(), "the default dose is in range"
    assert not dialog.ui.reason_edit.isVisible()
    retype(qtbot, dialog.ui.mg_per_kg_edit, "0,8")
    assert "Dose: 70 kg × 0.8 mg/kg = 56 mg" in dialog.ui.arithmetic_text.toPlainText()
    assert dialog.ui.range_label.isVisible()
    assert dialog.ui.range_label.text() == (
        "⚠ 0.8 mg/kg is outside this protocol's usual range of 0.1–0.75 mg/kg. "
        "This dose can only be confirmed with a reason.")
    assert not dialog.confirm_button.isEnabled()
    qtbot.keyClick(dialog.ui.mg_per_kg_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and sink.kinds() == ["treatment-selected"], "Enter does not confirm it"
    qtbot.keyClicks(dialog.ui.reason_edit, "   ")
    assert not dialog.confirm_button.isEnabled(), "a blank reason is no reason"
    retype(qtbot, dialog.ui.reason_edit, "Partial response to 0.5 mg/kg twice")
    assert dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    planned = sink.last("dose-planned")
    assert (planned["plan"]["mg_per_kg"], planned["plan"]["prepared_mg"]) == (0.8, 56)
    assert [(o["gate"], o["reason"]) for o in planned["overrides"]] == [
        ("dose-range", "Partial response to 0.5 mg/kg twice")]


@pytest.mark.parametrize(("field", "typed", "message"), [
    ("mg_per_kg", "5", "5 mg/kg is above this protocol's hard limit of 1 mg/kg and cannot be given from the "
                       "console"),
    ("weight_kg", "seventy", "Weight must be a number, e.g. 72.5"),
    ("weight_kg", "7", "Weight must be between 20 and 300 kg"),
    ("duration_min", "0", "Infusion time must be between 2 and 100 min"),
])
def test_input_the_calculator_refuses_is_said_beside_its_field(qtbot: QtBot, iv: DoseSession, field: str,
                                                                typed: str, message: str) -> None:
    dialog = show(qtbot, DoseCalculatorDialog(iv, user=NURSE, weight_kg=70))
    retype(qtbot, dialog.field(field), typed)
    label = dialog.message_label(field)
    assert label.text() == message
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == ERROR_RED
    assert dialog.field(field).property("invalid") is True
    assert not dialog.confirm_button.isEnabled()
    assert dialog.ui.arithmetic_text.toPlainText().startswith("No dose yet.")


def test_an_empty_weight_is_asked_for_in_the_arithmetic_not_scolded(qtbot: QtBot, iv: DoseSession) -> None:
    dialog = show(qtbot, DoseCalculatorDialog(iv, user=NURSE))
    assert dialog.focusWidget() is dialog.ui.weight_edit
    assert dialog.ui.weight_error.text() == ""
    assert dialog.ui.arithmetic_text.toPlainText() == "No dose yet.\nEnter the weight"
    qtbot.keyClicks(dialog.ui.weight_edit, "82")
    assert "Dose: 82 kg × 0.5 mg/kg = 41 mg" in dialog.ui.arithmetic_text.toPlainText()


def test_height_and_sex_are_asked_only_for_an_ideal_or_adjusted_weight(
    qtbot: QtBot, iv: DoseSession, profiles: dict[str, LoadedProfile], clock: ManualClock, sink: Sink
) -> None:
    actual = show(qtbot, DoseCalculatorDialog(iv, user=NURSE, weight_kg=70))
    assert not actual.ui.height_edit.isEnabled() and not actual.ui.sex_combo.isEnabled()
    assert "actual body weight" in actual.ui.height_edit.toolTip()
    content = dict(profiles["iv-ketamine"].content)
    content["dose"] = {**content["dose"], "weight_basis": "adjusted"}
    adjusted = LoadedProfile(parse_profile(content), content, "test", "test")
    session = DoseSession.select(adjusted, clock=clock, sink=sink, user=NURSE)
    dialog = show(qtbot, DoseCalculatorDialog(session, user=NURSE, weight_kg=100))
    assert dialog.ui.height_edit.isEnabled() and dialog.ui.sex_combo.isEnabled()
    assert dialog.ui.arithmetic_text.toPlainText() == "No dose yet.\nEnter the height"
    qtbot.keyClicks(dialog.ui.height_edit, "170")
    dialog.ui.sex_combo.setFocus()
    qtbot.keyClick(dialog.ui.sex_combo, Qt.Key.Key_Down)
    assert dialog.ui.sex_combo.currentData() == "female"
    arithmetic = dialog.ui.arithmetic_text.toPlainText()
    assert "Ideal body weight (female, 170 cm): 61.4 kg" in arithmetic
    assert "(adjusted body weight)" in arithmetic
    assert dialog.confirm_button.isEnabled()


def test_a_device_dose_and_its_lot(qtbot: QtBot, profiles: dict[str, LoadedProfile], clock: ManualClock,
                                   sink: Sink) -> None:
    session = DoseSession.select(profiles["esketamine-intranasal"], clock=clock, sink=sink, user=NURSE)
    dialog = show(qtbot, DoseCalculatorDialog(session, user=NURSE))
    assert not dialog.confirm_button.isEnabled()
    assert dialog.ui.arithmetic_text.toPlainText() == "No dose yet.\nEnter the lot number of the devices"
    retype(qtbot, dialog.ui.dose_combo.lineEdit(), "70")
    qtbot.keyClicks(dialog.ui.lot_edit, "L55")
    assert dialog.ui.dose_error.text() == "The dose must be a whole number of 28 mg devices"
    retype(qtbot, dialog.ui.dose_combo.lineEdit(), "84")
    assert dialog.ui.arithmetic_text.toPlainText().startswith("Dose: 84 mg ÷ 28 mg per device = 3 devices")
    qtbot.keyClick(dialog.ui.lot_edit, Qt.Key.Key_Return)
    plan = sink.last("dose-planned")["plan"]
    assert (plan["devices"], plan["device_mg"], plan["lot"]) == (3, 28, "L55")


def test_a_gate_is_shown_and_resolved_with_a_reason(
    qtbot: QtBot, feed, clock: ManualClock, controls, profiles: dict[str, LoadedProfile]
) -> None:
    session = DoseSession.select(profiles["iv-ketamine"], clock=clock, sink=controls.record_event, user=NURSE)
    session.plan(plan_dose(session.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5)), user=NURSE)
    window = MainWindow(feed, clock, controls=controls, operator=NURSE, treatment=session)
    qtbot.addWidget(window)
    window.close_choice = CloseChoice.END_SESSION
    window.show()
    qtbot.mouseClick(window.ui.dose_panel.ui.start_button, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in window.findChildren(ReasonDialog) if d.isVisible()]
    assert controls.kinds() == ["treatment-selected", "dose-planned"], "held: nothing recorded yet"
    [gate] = dialog.gates.gates
    assert gate.id == "required-bp:bp-baseline"
    assert gate.message == "Baseline blood pressure before the infusion: no reading in the last 30 min"
    assert not dialog.ui.reason_edit.isVisible(), "only the gate needs a reason"
    assert not dialog.ok_button.isEnabled()
    field = dialog.gates.field(gate.id)
    assert dialog.focusWidget() is field
    qtbot.keyClicks(field, "Cuff faulty; manual BP 128/80 charted")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    started = controls.last("infusion-started")
    assert started.user == NURSE
    assert [(o["gate"], o["reason"]) for o in started.detail["overrides"]] == [
        ("required-bp:bp-baseline", "Cuff faulty; manual BP 128/80 charted")]
    assert window.ui.dose_panel.ui.phase_label.text() == "Infusing"


def test_a_refusal_with_new_gates_keeps_the_reasons_typed_and_sends_them_again(qtbot: QtBot) -> None:
    calls: list[tuple[float | None, str, dict[str, str]]] = []

    def submit(value: float | None, reason: str, gates: Mapping[str, str]) -> None:
        calls.append((value, reason, dict(gates)))
        if len(calls) == 1:
            raise OverrideNeeded([Gate("late", "It is late")])

    dose = ValueField("&Dose", "mg", 5.0)
    dialog = show(qtbot, ReasonDialog(title="Test", header="Test", submit=submit, value=dose,
                                      gates=[Gate("early", "It is early")]))
    assert dialog.ui.value_edit.text() == "5"
    qtbot.keyClicks(dialog.ui.reason_edit, "because")
    qtbot.keyClicks(dialog.gates.field("early"), "fine")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert [gate.id for gate in dialog.gates.gates] == ["early", "late"]
    assert dialog.ui.form_message.text() == "Give a reason for each rule above to go ahead"
    assert not dialog.ok_button.isEnabled()
    assert dialog.focusWidget() is dialog.gates.field("late")
    qtbot.keyClicks(dialog.gates.field("late"), "still fine")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert calls[-1] == (5.0, "because", {"early": "fine", "late": "still fine"})


def open_action(qtbot: QtBot, window: MainWindow, button_name: str) -> ReasonDialog:
    qtbot.mouseClick(getattr(window.ui.dose_panel.ui, button_name), Qt.MouseButton.LeftButton)
    [dialog] = [d for d in window.findChildren(ReasonDialog) if d.isVisible()]
    return dialog


@pytest.fixture
def running(qtbot: QtBot, feed, clock: ManualClock, controls,
            profiles: dict[str, LoadedProfile]) -> MainWindow:
    """The window with IV ketamine 35 mg at 150 mL/h running for 20 min (17.5 mg given)."""
    session = DoseSession.select(profiles["iv-ketamine"], clock=clock, sink=controls.record_event, user=NURSE)
    infusing(session, clock, 20)
    window = MainWindow(feed, clock, controls=controls, operator=NURSE, treatment=session)
    qtbot.addWidget(window)
    window.close_choice = CloseChoice.END_SESSION
    window.show()
    return window


def test_changing_the_rate_shows_what_it_means_and_records_it(qtbot: QtBot, running: MainWindow,
                                                              controls) -> None:
    dialog = open_action(qtbot, running, "change_rate_button")
    assert dialog.ui.value_edit.text() == "150"
    assert not dialog.ok_button.isEnabled()
    retype(qtbot, dialog.ui.value_edit, "120")
    assert dialog.ui.value_preview.text().startswith("= 42 mg/h = 0.6 mg/kg/h; ends about ")
    retype(qtbot, dialog.ui.value_edit, "fast")
    assert dialog.ui.value_error.text() == "New rate must be a number in mL/h"
    assert not dialog.ok_button.isEnabled()
    retype(qtbot, dialog.ui.value_edit, "120")
    qtbot.keyClicks(dialog.ui.reason_edit, "BP 168/95")
    qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)
    assert controls.last("infusion-rate-changed").detail == {"rate_ml_h": 120.0, "reason": "BP 168/95"}
    assert running.ui.dose_panel.ui.rate_value.text() == "120 mL/h\n0.6 mg/kg/h"
    assert running.ui.dose_panel.ui.remaining_value.text() == "25:00"


def test_a_bolus_larger_than_the_bag_is_refused_in_words(qtbot: QtBot, running: MainWindow, controls) -> None:
    dialog = open_action(qtbot, running, "bolus_button")
    qtbot.keyClicks(dialog.ui.value_edit, "20")
    assert dialog.ui.value_preview.text() == "more than the 17.5 mg left in the bag"
    qtbot.keyClicks(dialog.ui.reason_edit, "pain")
    qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.ui.form_message.text() == (
        "A bolus must be more than 0 and at most the 17.5 mg left in the bag")
    assert "bolus-given" not in controls.kinds()
    retype(qtbot, dialog.ui.value_edit, "5")
    assert dialog.ui.form_message.text() == "", "editing clears the refusal"
    qtbot.keyClick(dialog.ui.value_edit, Qt.Key.Key_Return)
    assert controls.last("bolus-given").detail == {"mg": 5.0, "reason": "pain"}
    assert running.ui.dose_panel.ui.given_value.text() == "22.5 of 35 mg"


def test_stopping_early_records_what_was_given(qtbot: QtBot, running: MainWindow, controls) -> None:
    dialog = open_action(qtbot, running, "stop_button")
    assert dialog.windowTitle() == "Stop early"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert "dosing-stopped" not in controls.kinds()
    dialog = open_action(qtbot, running, "stop_button")
    qtbot.keyClicks(dialog.ui.reason_edit, "Nausea")
    qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)
    assert controls.last("dosing-stopped").detail == {"reason": "Nausea", "delivered_mg": 17.5}
    assert running.ui.dose_panel.ui.phase_label.text() == "Observation · infusion stopped early"


def test_discharge_gates_follow_the_criteria_ticked_and_need_reasons(
    qtbot: QtBot, iv: DoseSession, clock: ManualClock, sink: Sink
) -> None:
    infusing(iv, clock, 40)
    iv.complete(user=NURSE)
    clock.advance(45 * 60)
    measure_bp(iv, clock)
    dialog = show(qtbot, DischargeDialog(iv, user=NURSE))
    assert list(dialog.criteria) == ["aldrete", "vitals-baseline", "mental-status", "escort"]
    assert [gate.id for gate in dialog.gates.gates] == ["observation-minimum", "discharge-criteria"]
    assert dialog.gates.gates[0].message == "The minimum observation of 60 min ends in 15:00 min"
    assert not dialog.ok_button.isEnabled()
    first = dialog.criteria["aldrete"]
    assert dialog.focusWidget() is first
    for box in dialog.criteria.values():
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert dialog.checked() == ["aldrete", "vitals-baseline", "mental-status", "escort"]
    assert [gate.id for gate in dialog.gates.gates] == ["observation-minimum"]
    qtbot.keyClicks(dialog.gates.field("observation-minimum"), "Escort must leave; doctor agreed")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    ready = sink.last("discharge-ready")
    assert ready["criteria_met"] == ["aldrete", "escort", "mental-status", "vitals-baseline"]
    assert [(o["gate"], o["reason"]) for o in ready["overrides"]] == [
        ("observation-minimum", "Escort must leave; doctor agreed")]


def test_a_criterion_unticked_keeps_its_gate_reason(qtbot: QtBot, iv: DoseSession,
                                                    clock: ManualClock) -> None:
    infusing(iv, clock, 40)
    iv.complete(user=NURSE)
    clock.advance(61 * 60)
    dialog = show(qtbot, DischargeDialog(iv, user=NURSE))
    for box in dialog.criteria.values():
        box.setChecked(True)
    assert dialog.gates.gates == ()
    assert dialog.ok_button.isEnabled()
    dialog.criteria["escort"].setChecked(False)
    qtbot.keyClicks(dialog.gates.field("discharge-criteria"), "Taxi booked by the ward")
    dialog.criteria["escort"].setChecked(True)
    dialog.criteria["escort"].setChecked(False)
    assert dialog.gates.field("discharge-criteria").text() == "Taxi booked by the ward"


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_dose_dialogs_stay_readable_under_a_theme(
    qtbot: QtBot, window: MainWindow, iv: DoseSession, clock: ManualClock, theme: str
) -> None:
    window.apply_theme(theme)
    infusing(iv, clock, 40)
    iv.complete(user=NURSE)
    dialogs: list[Callable[[], QDialog]] = [
        lambda: DoseCalculatorDialog(iv, user=NURSE, weight_kg=70, parent=window),
        lambda: ReasonDialog(title="t", header="h", submit=lambda *_: None, parent=window),
        lambda: DischargeDialog(iv, user=NURSE, parent=window),
    ]
    for make in dialogs:
        dialog = show(qtbot, make())
        assert dialog.ui.header_label.font().pointSizeF() >= 16, type(dialog).__name__
        edits = dialog.findChildren(QLineEdit)
        assert edits and all(edit.font().pointSizeF() >= 14 for edit in edits), type(dialog).__name__
        dialog.close()
    calculator = show(qtbot, DoseCalculatorDialog(iv, user=NURSE, weight_kg=70, parent=window))
    arithmetic = calculator.ui.arithmetic_text
    assert arithmetic.font().pointSizeF() >= 14
    assert QFontInfo(arithmetic.font()).fixedPitch(), "the arithmetic lines up in a monospaced font"
