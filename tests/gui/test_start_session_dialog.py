"""The start-session form on real widgets (offscreen), with patients from a real SQLite database."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog, QListWidget, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from ketaconsole.acquisition.session_request import SessionRequest
from ketaconsole.core.patient import PatientDetails
from ketaconsole.devices.serial_ports import PortInfo
from ketaconsole.gui.field_messages import ERROR_RED
from ketaconsole.gui.start_session_dialog import StartSessionDialog
from ketaconsole.storage.database import Database
from ketaconsole.storage.stored import PatientSummary, SessionSummary

TODAY = date(2026, 3, 2)
PROTOCOLS = ("masimo", "datex-s5")
PORTS = [
    PortInfo("/dev/ttyS0", "ttyS0", "PNP0501"),
    PortInfo("/dev/ttyUSB0", "FT232R USB UART", "USB VID:PID=0403:6001 SER=A50285BI LOCATION=1-1.2"),
]
INTERRUPTED = SessionSummary(
    id="3f2a9c1e-0000-4000-8000-000000000001", patient_identifier="MRN-0042", protocol="datex-s5",
    port="/dev/ttyUSB0", started_utc=datetime(2026, 3, 2, 7, 0, tzinfo=UTC), ended_utc=None,
    status="recording", last_heartbeat_utc=datetime(2026, 3, 2, 7, 40, tzinfo=UTC), observation_count=900,
    interrupted=True,
)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{(tmp_path / 'console.sqlite3').as_posix()}")
    db.get_or_create_patient("MRN-0042", name="Ada Berg", date_of_birth=date(1980, 5, 17), weight_kg=72.5,
                             allergies="latex", notes="needs a blanket")
    db.get_or_create_patient("MRN-0099", name="Carl Dunn", date_of_birth=date(1961, 11, 3), weight_kg=95.0)
    yield db
    db.close()


@pytest.fixture
def open_dialog(qtbot: QtBot, database: Database) -> Callable[..., StartSessionDialog]:
    def open_with(**overrides: object) -> StartSessionDialog:
        arguments: dict[str, object] = {
            "load_patients": database.list_patients, "interrupted": [], "protocols": PROTOCOLS,
            "list_ports": lambda: list(PORTS), "today": lambda: TODAY,
        } | overrides
        dialog = StartSessionDialog(**arguments)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.ui.port_combo.count() == len(PORTS))
        qtbot.waitUntil(lambda: "Loading" not in dialog.ui.patient_list_status.text())
        return dialog

    return open_with


@pytest.fixture
def dialog(open_dialog: Callable[..., StartSessionDialog]) -> StartSessionDialog:
    return open_dialog()


def type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)


def fill_new_patient(qtbot: QtBot, dialog: StartSessionDialog, **changes: str) -> None:
    values = {"identifier": "MRN-0100", "name": "Eve Falk", "date_of_birth": "1975-06-01", "weight": "68,5",
              "allergies": "none known"} | changes
    for prefix, text in values.items():
        type_into(qtbot, getattr(dialog.ui, f"{prefix}_edit"), text)


def choose_monitor(qtbot: QtBot, dialog: StartSessionDialog, *, port_presses: int = 2,
                   protocol_presses: int = 1) -> None:
    choices = ((dialog.ui.port_combo, port_presses), (dialog.ui.protocol_combo, protocol_presses))
    for combo, presses in choices:
        combo.setFocus()
        for _ in range(presses):
            qtbot.keyClick(combo, Qt.Key.Key_Down)


def press_start(qtbot: QtBot, dialog: StartSessionDialog) -> None:
    qtbot.mouseClick(dialog.ui.start_button, Qt.MouseButton.LeftButton)


def click_radio(qtbot: QtBot, radio: QRadioButton) -> None:
    """Click on the radio's indicator (the button may be wider than its text)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def click_row(qtbot: QtBot, listing: QListWidget, row: int) -> None:
    rect = listing.visualItemRect(listing.item(row))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_new_patient_on_a_serial_monitor_gives_the_request(qtbot: QtBot,
                                                             dialog: StartSessionDialog) -> None:
    fill_new_patient(qtbot, dialog)
    type_into(qtbot, dialog.ui.operator_edit, "Nurse Anna")
    choose_monitor(qtbot, dialog)
    assert dialog.ui.port_combo.currentText() == "/dev/ttyUSB0  –  FT232R USB UART"
    assert "USB VID:PID=0403:6001" in dialog.ui.port_details_label.text()
    press_start(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.request() == SessionRequest(
        patient=PatientDetails("MRN-0100", "Eve Falk", date(1975, 6, 1), 68.5, "none known", ""),
        operator="Nurse Anna", port="/dev/ttyUSB0", protocol="masimo", simulated=False,
        resume_session_id=None,
    )


@pytest.mark.parametrize(("prefix", "typed", "field", "message"), [
    ("weight", "12", "weight", "Weight must be between 20 and 300 kg"),
    ("weight", "abc", "weight", "Weight must be a number of kg between 20 and 300 kg, e.g. 72.5"),
    ("date_of_birth", "2027-01-01", "date_of_birth", "Date of birth must be in the past"),
    ("date_of_birth", "1850-01-01", "date_of_birth",
     "Date of birth gives an age over 120 years: check the year"),
    ("date_of_birth", "01/06/1975", "date_of_birth", "Use the form YYYY-MM-DD"),
    ("identifier", "   ", "identifier", "MRN/ID is required"),
])
def test_an_impossible_value_is_refused_beside_its_field_and_start_does_nothing(
    qtbot: QtBot, dialog: StartSessionDialog, prefix: str, typed: str, field: str, message: str
) -> None:
    fill_new_patient(qtbot, dialog, **{prefix: typed})
    type_into(qtbot, dialog.ui.operator_edit, "Nurse Anna")
    choose_monitor(qtbot, dialog)
    press_start(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() == 0
    label = getattr(dialog.ui, f"{field}_error")
    edit = getattr(dialog.ui, f"{field}_edit")
    assert label.text() == message
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == ERROR_RED
    assert label.accessibleName().endswith("message")
    assert edit.property("invalid") is True and edit.accessibleDescription() == message
    assert QApplication.focusWidget() is edit
    assert dialog.ui.form_message.text() == "Check the 1 field marked in red"
    with pytest.raises(RuntimeError):
        dialog.request()


def test_a_message_appears_when_the_field_is_left_and_goes_when_it_is_fixed(
    qtbot: QtBot, dialog: StartSessionDialog
) -> None:
    type_into(qtbot, dialog.ui.weight_edit, "12")
    assert dialog.ui.weight_error.text() == ""
    qtbot.keyClick(dialog.ui.weight_edit, Qt.Key.Key_Tab)
    assert dialog.ui.weight_error.text() == "Weight must be between 20 and 300 kg"
    assert dialog.ui.name_error.text() == "", "an untouched field is not scolded before Start"
    dialog.ui.weight_edit.setFocus()
    qtbot.keyClicks(dialog.ui.weight_edit, "0")
    assert dialog.ui.weight_error.text() == ""


def test_an_empty_form_marks_every_required_field_and_focuses_the_first(
    qtbot: QtBot, dialog: StartSessionDialog
) -> None:
    qtbot.keyClick(dialog.ui.patient_search, Qt.Key.Key_Return)
    assert dialog.isVisible()
    marked = {name: getattr(dialog.ui, f"{name}_error").text()
              for name in ("identifier", "name", "date_of_birth", "weight", "operator", "port", "protocol")}
    assert marked == {
        "identifier": "MRN/ID is required", "name": "Name is required",
        "date_of_birth": "Date of birth is required", "weight": "Weight is required",
        "operator": "Your name is required", "port": "Choose the monitor's serial port",
        "protocol": "Choose the monitor's protocol",
    }
    assert QApplication.focusWidget() is dialog.ui.identifier_edit


def test_picking_a_patient_from_the_database_fills_the_fields(qtbot: QtBot,
                                                              dialog: StartSessionDialog) -> None:
    assert dialog.ui.patient_list.count() == 2
    type_into(qtbot, dialog.ui.patient_search, "berg")
    visible = [dialog.ui.patient_list.item(row).text() for row in range(2)
               if not dialog.ui.patient_list.item(row).isHidden()]
    assert visible == ["Ada Berg  –  MRN/ID MRN-0042  –  born 1980-05-17"]
    click_row(qtbot, dialog.ui.patient_list, 0)
    ui = dialog.ui
    assert (ui.identifier_edit.text(), ui.name_edit.text(), ui.date_of_birth_edit.text(),
            ui.weight_edit.text(), ui.allergies_edit.text(), ui.notes_edit.toPlainText()) == (
        "MRN-0042", "Ada Berg", "1980-05-17", "72.5", "latex", "needs a blanket")
    type_into(qtbot, ui.operator_edit, "Nurse Anna")
    choose_monitor(qtbot, dialog, port_presses=1, protocol_presses=2)
    qtbot.keyClick(ui.protocol_combo, Qt.Key.Key_Return)
    request = dialog.request()
    assert request.patient == PatientDetails("MRN-0042", "Ada Berg", date(1980, 5, 17), 72.5, "latex",
                                             "needs a blanket")
    assert (request.port, request.protocol) == ("/dev/ttyS0", "datex-s5")


def test_a_patient_record_without_weight_asks_for_it(
    qtbot: QtBot, database: Database, open_dialog: Callable[..., StartSessionDialog]
) -> None:
    database.get_or_create_patient("MRN-0001", name="Aaron Aal")
    dialog = open_dialog()
    click_row(qtbot, dialog.ui.patient_list, 0)
    assert dialog.ui.identifier_edit.text() == "MRN-0001"
    assert dialog.ui.weight_error.text() == "Weight is required"
    assert dialog.ui.date_of_birth_error.text() == "Date of birth is required"


def test_the_simulated_monitor_needs_a_protocol_but_no_port(qtbot: QtBot, dialog: StartSessionDialog) -> None:
    fill_new_patient(qtbot, dialog)
    type_into(qtbot, dialog.ui.operator_edit, "Trainer Tom")
    click_radio(qtbot, dialog.ui.simulated_radio)
    assert not dialog.ui.port_combo.isEnabled()
    choose_monitor(qtbot, dialog, port_presses=0, protocol_presses=2)
    press_start(qtbot, dialog)
    request = dialog.request()
    assert (request.simulated, request.port, request.protocol) == (True, None, "datex-s5")


def test_a_typed_port_path_is_used_as_is(qtbot: QtBot, dialog: StartSessionDialog) -> None:
    fill_new_patient(qtbot, dialog)
    type_into(qtbot, dialog.ui.operator_edit, "Nurse Anna")
    type_into(qtbot, dialog.ui.port_combo.lineEdit(), "/dev/pts/7")
    choose_monitor(qtbot, dialog, port_presses=0)
    press_start(qtbot, dialog)
    assert dialog.request().port == "/dev/pts/7"


def test_ports_are_listed_with_descriptions_and_refreshed(
    qtbot: QtBot, open_dialog: Callable[..., StartSessionDialog]
) -> None:
    listings = [list(PORTS), [*PORTS, PortInfo("/dev/ttyUSB1", "Prolific PL2303", "USB VID:PID=067B:2303")]]
    dialog = open_dialog(list_ports=lambda: listings.pop(0))
    combo = dialog.ui.port_combo
    assert [combo.itemText(row) for row in range(combo.count())] == [
        "/dev/ttyS0  –  ttyS0", "/dev/ttyUSB0  –  FT232R USB UART"]
    assert dialog.ui.port_details_label.text() == "2 serial ports found"
    choose_monitor(qtbot, dialog, port_presses=2, protocol_presses=0)
    qtbot.mouseClick(dialog.ui.refresh_ports_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: combo.count() == 3)
    assert combo.itemText(2) == "/dev/ttyUSB1  –  Prolific PL2303"
    assert combo.currentData() == "/dev/ttyUSB0", "the chosen port stays chosen"


def test_no_port_found_says_what_to_do(qtbot: QtBot) -> None:
    dialog = StartSessionDialog(load_patients=list, interrupted=[], protocols=PROTOCOLS, list_ports=list)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "No serial port found" in dialog.ui.port_details_label.text())
    assert dialog.ui.patient_list_status.text() == (
        "No patients on record yet: type the patient's details below")


def test_patients_load_off_the_gui_thread_and_a_failure_is_said(qtbot: QtBot) -> None:
    release = threading.Event()
    loaded_on: list[threading.Thread] = []

    def slow_patients() -> list[PatientSummary]:
        loaded_on.append(threading.current_thread())
        assert release.wait(10)
        raise OSError("database is locked")

    dialog = StartSessionDialog(load_patients=slow_patients, interrupted=[], protocols=PROTOCOLS,
                                list_ports=lambda: list(PORTS), today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert dialog.ui.patient_list_status.text() == "Loading patients…"
    type_into(qtbot, dialog.ui.identifier_edit, "MRN-1")
    release.set()
    qtbot.waitUntil(lambda: "Could not load" in dialog.ui.patient_list_status.text())
    assert "database is locked" in dialog.ui.patient_list_status.text()
    assert loaded_on and loaded_on[0] is not threading.main_thread()
    assert dialog.ui.identifier_edit.text() == "MRN-1"


def test_the_resume_choice_is_hidden_without_interrupted_sessions(dialog: StartSessionDialog) -> None:
    assert dialog.ui.session_group.isHidden()


def test_resuming_an_interrupted_session_gives_its_id_and_patient(
    qtbot: QtBot, open_dialog: Callable[..., StartSessionDialog]
) -> None:
    dialog = open_dialog(interrupted=[INTERRUPTED], operator="Nurse Anna")
    ui = dialog.ui
    assert ui.session_group.isVisible()
    assert ui.interrupted_list.item(0).text().startswith("3f2a9c1e  –  patient MRN-0042  –  started ")
    click_radio(qtbot, ui.resume_radio)
    press_start(qtbot, dialog)
    assert ui.interrupted_error.text() == "Choose the session to resume"
    assert ui.identifier_error.text() == "", "the patient form is not asked for when resuming"
    click_row(qtbot, ui.interrupted_list, 0)
    assert not ui.patient_group.isEnabled()
    assert (ui.protocol_combo.currentText(), ui.port_combo.currentData()) == ("datex-s5", "/dev/ttyUSB0")
    press_start(qtbot, dialog)
    request = dialog.request()
    assert request.resume_session_id == INTERRUPTED.id
    assert request.patient == PatientDetails("MRN-0042", "Ada Berg", date(1980, 5, 17), 72.5, "latex",
                                             "needs a blanket")
    assert (request.operator, request.port, request.protocol) == ("Nurse Anna", "/dev/ttyUSB0", "datex-s5")


def test_going_back_to_a_new_session_drops_the_resume_choice(
    qtbot: QtBot, open_dialog: Callable[..., StartSessionDialog]
) -> None:
    dialog = open_dialog(interrupted=[INTERRUPTED], operator="Nurse Anna")
    click_row(qtbot, dialog.ui.interrupted_list, 0)
    click_radio(qtbot, dialog.ui.new_session_radio)
    assert dialog.ui.patient_group.isEnabled()
    fill_new_patient(qtbot, dialog)
    press_start(qtbot, dialog)
    assert dialog.request().resume_session_id is None


def test_escape_cancels(qtbot: QtBot, dialog: StartSessionDialog) -> None:
    fill_new_patient(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    with pytest.raises(RuntimeError):
        dialog.request()


def test_fields_are_large_enough_to_read_at_a_metre(dialog: StartSessionDialog) -> None:
    for field in (dialog.ui.identifier_edit, dialog.ui.weight_edit, dialog.ui.weight_error,
                  dialog.ui.operator_edit, dialog.ui.port_combo, dialog.ui.start_button):
        assert field.font().pointSizeF() >= 14


def test_tabbing_into_the_patient_list_picks_no_one(qtbot: QtBot, dialog: StartSessionDialog) -> None:
    dialog.ui.patient_search.setFocus()
    qtbot.keyClick(dialog.ui.patient_search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.ui.patient_list
    assert dialog.ui.identifier_edit.text() == ""


TREATMENTS = (("iv-ketamine", "IV ketamine infusion"),
              ("esketamine-intranasal", "Esketamine nasal spray (REMS)"))


def test_the_treatment_chosen_fills_the_request_and_is_offered_first_next_time(
    qtbot: QtBot, open_dialog: Callable[..., StartSessionDialog]
) -> None:
    dialog = open_dialog(treatments=TREATMENTS)
    combo = dialog.ui.treatment_combo
    assert dialog.ui.treatment_group.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())] == [name for _, name in TREATMENTS]
    assert combo.currentData() == "iv-ketamine", "the first one, when none was chosen before"
    fill_new_patient(qtbot, dialog)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    type_into(qtbot, dialog.ui.operator_edit, "Nurse Anna")
    choose_monitor(qtbot, dialog)
    press_start(qtbot, dialog)
    assert dialog.request().treatment_profile_id == "esketamine-intranasal"
    again = open_dialog(treatments=TREATMENTS)
    assert again.ui.treatment_combo.currentData() == "esketamine-intranasal"


def test_without_treatments_the_choice_is_hidden_and_none_is_asked_for(
    qtbot: QtBot, dialog: StartSessionDialog
) -> None:
    assert not dialog.ui.treatment_group.isVisible()
    fill_new_patient(qtbot, dialog)
    type_into(qtbot, dialog.ui.operator_edit, "Nurse Anna")
    choose_monitor(qtbot, dialog)
    press_start(qtbot, dialog)
    assert dialog.request().treatment_profile_id is None


def test_a_resumed_session_keeps_the_treatment_recorded_with_it(
    qtbot: QtBot, open_dialog: Callable[..., StartSessionDialog]
) -> None:
    dialog = open_dialog(interrupted=[INTERRUPTED], operator="Nurse Anna", treatments=TREATMENTS)
    click_row(qtbot, dialog.ui.interrupted_list, 0)
    assert not dialog.ui.treatment_combo.isEnabled()
    assert dialog.ui.treatment_note.text() == "A resumed session keeps the treatment recorded with it"
    press_start(qtbot, dialog)
    assert dialog.request().resume_session_id == INTERRUPTED.id
    assert dialog.request().treatment_profile_id is None
