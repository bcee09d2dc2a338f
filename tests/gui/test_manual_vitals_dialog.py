"""The manual vital-signs form on real widgets (offscreen): refusals beside the field, then values."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ketaconsole.core.clock import ManualClock
from ketaconsole.core.manual_entry import MANUAL_PARAMETERS, display_unit
from ketaconsole.core.parameters import parameter
from ketaconsole.gui.field_messages import ERROR_RED
from ketaconsole.gui.manual_vitals_dialog import ManualVitalsDialog, widget_prefix


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def dialog(qtbot: QtBot, clock: ManualClock) -> ManualVitalsDialog:
    shown = ManualVitalsDialog(user="Nurse Anna", clock=clock)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def type_values(qtbot: QtBot, dialog: ManualVitalsDialog, **values: str) -> None:
    for key, text in values.items():
        qtbot.keyClicks(dialog.edit(key), text)


def press_ok(qtbot: QtBot, dialog: ManualVitalsDialog) -> None:
    ok = dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_the_header_says_the_values_are_typed_from_a_stand_alone_device(dialog: ManualVitalsDialog) -> None:
    assert "entered by hand from a stand-alone device" in dialog.ui.header_label.text()


def test_each_field_shows_the_registry_unit(dialog: ManualVitalsDialog) -> None:
    for key in MANUAL_PARAMETERS:
        unit_label = getattr(dialog.ui, f"{widget_prefix(key)}_unit")
        assert unit_label.text() == display_unit(parameter(key).unit)


@pytest.mark.parametrize(("values", "field", "message"), [
    ({"SPO2": "140"}, "SPO2", "SpO2 must be between 50 and 100 %"),
    ({"NIBP_SYS": "80", "NIBP_DIA": "120"}, "NIBP_SYS", "Systolic (80) must be higher than diastolic (120)"),
    ({"NIBP_SYS": "120"}, "NIBP_DIA", "Enter the diastolic pressure too (or clear the systolic)"),
    ({"HR": "seventy"}, "HR", "Heart rate (ECG) must be a number (20–300 /min)"),
])
def test_an_impossible_value_is_refused_beside_its_field_and_the_dialog_stays_open(
    qtbot: QtBot, dialog: ManualVitalsDialog, values: dict[str, str], field: str, message: str
) -> None:
    type_values(qtbot, dialog, RR="14", **values)
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() == 0
    label = dialog.message_label(field)
    assert label.text() == message
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == ERROR_RED
    assert dialog.edit(field).property("invalid") is True
    assert dialog.message_label("RR").text() == ""
    assert QApplication.focusWidget() is dialog.edit(field)
    with pytest.raises(RuntimeError):
        dialog.observations()


def test_nothing_entered_is_refused_with_a_form_message(qtbot: QtBot, dialog: ManualVitalsDialog) -> None:
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.form_error.text() == "Enter at least one value"


def test_correcting_the_value_clears_its_message_while_typing(qtbot: QtBot,
                                                              dialog: ManualVitalsDialog) -> None:
    type_values(qtbot, dialog, SPO2="140")
    press_ok(qtbot, dialog)
    dialog.edit("SPO2").clear()
    qtbot.keyClicks(dialog.edit("SPO2"), "97")
    assert dialog.message_label("SPO2").text() == ""
    assert dialog.edit("SPO2").property("invalid") is False


def test_valid_values_and_enter_give_manual_observations_stamped_at_ok(
    qtbot: QtBot, dialog: ManualVitalsDialog, clock: ManualClock
) -> None:
    type_values(qtbot, dialog, HR="72", NIBP_SYS="120", NIBP_DIA="80", TEMP="36,8")
    clock.advance(30)
    qtbot.keyClick(dialog.edit("TEMP"), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    observations = dialog.observations()
    assert [(o.parameter, o.value) for o in observations] == [
        ("HR", 72.0), ("NIBP_SYS", 120.0), ("NIBP_DIA", 80.0), ("TEMP", 36.8)]
    for observation in observations:
        assert observation.manual and observation.source == "Nurse Anna"
        assert observation.received == clock.now()


def test_escape_cancels_without_observations(qtbot: QtBot, dialog: ManualVitalsDialog) -> None:
    type_values(qtbot, dialog, HR="72")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    with pytest.raises(RuntimeError):
        dialog.observations()
