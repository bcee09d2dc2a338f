"""The note form on real widgets (offscreen): categories from forms.toml, blank notes refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ketaconsole.core.forms import form_rules
from ketaconsole.gui.field_messages import ERROR_RED
from ketaconsole.gui.note_dialog import NoteDialog


@pytest.fixture
def dialog(qtbot: QtBot) -> NoteDialog:
    shown = NoteDialog(categories=form_rules().note_categories)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def press_ok(qtbot: QtBot, dialog: NoteDialog) -> None:
    ok = dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_the_categories_are_the_clinic_s_in_their_order(dialog: NoteDialog) -> None:
    combo = dialog.ui.category_combo
    shown = [(combo.itemData(row), combo.itemText(row)) for row in range(combo.count())]
    assert shown == list(form_rules().note_categories)


@pytest.mark.parametrize("lines", [0, 2])
def test_a_blank_note_is_refused_beside_the_text_and_the_dialog_stays_open(
    qtbot: QtBot, dialog: NoteDialog, lines: int
) -> None:
    for _ in range(lines):
        qtbot.keyClicks(dialog.ui.text_edit, "   ")
        qtbot.keyClick(dialog.ui.text_edit, Qt.Key.Key_Return)
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() == 0
    message = dialog.ui.text_error
    assert message.text() == "Note is required"
    assert message.accessibleName() == "Note text message"
    assert message.palette().color(QPalette.ColorRole.WindowText).name() == ERROR_RED
    assert dialog.ui.text_edit.accessibleDescription() == "Note is required"
    with pytest.raises(RuntimeError):
        dialog.note()


def test_the_message_goes_as_soon_as_there_is_text_and_ok_gives_the_note(qtbot: QtBot,
                                                                         dialog: NoteDialog) -> None:
    press_ok(qtbot, dialog)
    qtbot.keyClicks(dialog.ui.text_edit, "  Ondansetron 4 mg IV")
    assert dialog.ui.text_error.text() == ""
    dialog.ui.category_combo.setFocus()
    qtbot.keyClick(dialog.ui.category_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.ui.category_combo, Qt.Key.Key_Down)
    assert dialog.ui.category_combo.currentText() == "Intervention"
    qtbot.keyClick(dialog.ui.category_combo, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.note() == ("intervention", "Ondansetron 4 mg IV")


def test_enter_in_the_text_is_a_new_line_and_ctrl_enter_accepts(qtbot: QtBot, dialog: NoteDialog) -> None:
    qtbot.keyClicks(dialog.ui.text_edit, "Patient says")
    qtbot.keyClick(dialog.ui.text_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.ui.text_edit, "feels floaty")
    assert dialog.isVisible()
    qtbot.keyClick(dialog.ui.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.note() == ("medication", "Patient says\nfeels floaty")


def test_escape_cancels(qtbot: QtBot, dialog: NoteDialog) -> None:
    qtbot.keyClicks(dialog.ui.text_edit, "never saved")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    with pytest.raises(RuntimeError):
        dialog.note()
