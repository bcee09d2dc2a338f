"""The form that starts (or resumes) a session: patient, treatment protocol, operator and monitor.

The checks are Qt-free (:func:`ketaconsole.core.patient.validate_patient`,
:mod:`ketaconsole.acquisition.session_request`); this dialog shows each message in the label beside
its field. A field's message appears once the field was edited and left, or when Start is pressed,
and follows every later edit. Start is refused while anything is invalid: the dialog stays open
with the focus on the first invalid field.

The treatment protocol offered first is the one chosen last time on this machine (remembered in
QSettings), else the first listed; a resumed session keeps the treatment stored with it, so the
choice is disabled then.

The patient list and the serial ports are read off the GUI thread (:class:`BackgroundCalls`); the
form is usable while they load, and a failure to load is said in words beside the list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from ketaconsole.acquisition.session_request import SessionRequest, monitor_errors, operator_error
from ketaconsole.core.forms import FormRules, form_rules
from ketaconsole.core.patient import (
    PATIENT_FIELDS,
    PatientDetails,
    format_date_of_birth,
    validate_patient,
)
from ketaconsole.devices.serial_ports import PortInfo, list_serial_ports
from ketaconsole.gui.background import BackgroundCalls
from ketaconsole.gui.field_messages import mark_message_label, show_field_message
from ketaconsole.gui.generated.ui_start_session import Ui_StartSessionDialog
from ketaconsole.storage.stored import PatientSummary, SessionSummary

PATIENT_WIDGET_PREFIX = {name: "weight" if name == "weight_kg" else name for name in PATIENT_FIELDS}
"""Prefix of each patient field's widgets in the form (``weight_kg`` → ``weight_edit`` …)."""
FIELD_ORDER = ("interrupted", *PATIENT_FIELDS, "operator", "port", "protocol")
"""Every field with a message, in the order the form shows them (the focus goes to the first error)."""
LAST_TREATMENT_KEY = "start_session/treatment"
"""QSettings key of the treatment profile id chosen last for a new session."""


class StartSessionDialog(QDialog):
    """Asks who, by whom and on which monitor; :meth:`request` after it is accepted.

    ``load_patients`` and ``list_ports`` run on a worker thread; ``interrupted`` are the sessions
    that may be resumed (the choice is hidden when empty); ``protocols`` are the monitor protocols
    offered; ``treatments`` are the treatment profiles offered as ``(id, name)`` pairs (the choice
    is hidden when empty); ``today`` gives the local date that a date of birth must precede;
    ``operator`` pre-fills the nurse's name. ``rules`` defaults to the shipped
    ``resources/forms.toml``.
    """

    def __init__(
        self,
        *,
        load_patients: Callable[[], list[PatientSummary]],
        interrupted: Sequence[SessionSummary],
        protocols: Sequence[str],
        list_ports: Callable[[], list[PortInfo]] = list_serial_ports,
        today: Callable[[], date] = date.today,
        operator: str = "",
        rules: FormRules | None = None,
        treatments: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_StartSessionDialog()
        self.ui.setupUi(self)
        self._rules = rules or form_rules()
        self._today = today
        self._interrupted = list(interrupted)
        self._protocols = list(protocols)
        self._treatments = list(treatments)
        self._list_ports = list_ports
        self._patients: list[PatientSummary] = []
        self._edited: set[str] = set()
        self._shown: set[str] = set()
        self._attempted = False
        self._request: SessionRequest | None = None
        self._background = BackgroundCalls(self)
        self._targets = self._message_targets()
        for _, label in self._targets.values():
            mark_message_label(label)
        mark_message_label(self.ui.form_message)
        self._set_up_fields(operator)
        self._connect()
        self._update_modes()
        self._background.start("patients", load_patients, self._patients_loaded, self._patients_failed)
        self.refresh_ports()
        self.ui.patient_search.setFocus()

    def request(self) -> SessionRequest:
        """What the person asked for. ``RuntimeError`` before the dialog was accepted."""
        if self._request is None:
            raise RuntimeError("the start-session dialog was not accepted")
        return self._request

    def refresh_ports(self) -> None:
        """List the serial ports again (off the GUI thread); the typed or chosen port is kept."""
        self.ui.refresh_ports_button.setEnabled(False)
        self.ui.port_details_label.setText("Looking for serial ports…")
        self._background.start("ports", self._list_ports, self._ports_listed, self._ports_failed)

    def accept(self) -> None:
        """Close with the request, or stay open with every problem shown beside its field."""
        self._attempted = True
        self._shown.update(FIELD_ORDER)
        errors, details = self._refresh_messages()
        if errors:
            first = next(key for key in FIELD_ORDER if key in errors)
            field, _ = self._targets[first]
            self.ui.scroll_area.ensureWidgetVisible(field)
            field.setFocus()
            return
        self._request = self._build_request(details)
        super().accept()

    def _message_targets(self) -> dict[str, tuple[QWidget, QLabel]]:
        ui = self.ui
        targets: dict[str, tuple[QWidget, QLabel]] = {
            name: (getattr(ui, f"{prefix}_edit"), getattr(ui, f"{prefix}_error"))
            for name, prefix in PATIENT_WIDGET_PREFIX.items()
        }
        targets["interrupted"] = (ui.interrupted_list, ui.interrupted_error)
        targets["operator"] = (ui.operator_edit, ui.operator_error)
        targets["port"] = (ui.port_combo, ui.port_error)
        targets["protocol"] = (ui.protocol_combo, ui.protocol_error)
        return targets

    def _set_up_fields(self, operator: str) -> None:
        ui = self.ui
        ui.date_of_birth_edit.setPlaceholderText(self._rules.date_of_birth_format)
        ui.date_of_birth_label.setText(f"&Date of birth ({self._rules.date_of_birth_format})")
        ui.operator_edit.setText(operator)
        ui.protocol_combo.addItems(self._protocols)
        ui.protocol_combo.setCurrentIndex(-1)
        ui.treatment_group.setVisible(bool(self._treatments))
        for treatment_id, name in self._treatments:
            ui.treatment_combo.addItem(name, treatment_id)
        last = ui.treatment_combo.findData(QSettings().value(LAST_TREATMENT_KEY))
        ui.treatment_combo.setCurrentIndex(max(last, 0) if self._treatments else -1)
        ui.port_combo.lineEdit().setPlaceholderText("Choose a port, or type its path")
        ui.session_group.setVisible(bool(self._interrupted))
        for summary in self._interrupted:
            started = summary.started_utc.astimezone().strftime("%Y-%m-%d %H:%M")
            patient = summary.patient_identifier or "not recorded"
            item = QListWidgetItem(f"{summary.id[:8]}  –  patient {patient}  –  started {started}")
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            ui.interrupted_list.addItem(item)

    def _connect(self) -> None:
        ui = self.ui
        ui.start_button.clicked.connect(self.accept)
        ui.cancel_button.clicked.connect(self.reject)
        ui.refresh_ports_button.clicked.connect(self.refresh_ports)
        for name in (*PATIENT_FIELDS, "operator"):
            field = self._targets[name][0]
            if isinstance(field, QLineEdit):
                field.textEdited.connect(lambda _text, name=name: self._field_edited(name))
                field.editingFinished.connect(lambda name=name: self._field_left(name))
        ui.notes_edit.textChanged.connect(lambda: self._field_edited("notes"))
        ui.port_combo.editTextChanged.connect(self._port_changed)
        ui.protocol_combo.activated.connect(lambda _index: self._choice_made("protocol"))
        ui.patient_search.textChanged.connect(self._filter_patients)
        ui.patient_list.itemSelectionChanged.connect(self._patient_picked)
        ui.interrupted_list.itemSelectionChanged.connect(self._interrupted_picked)
        for radio in (ui.new_session_radio, ui.resume_radio, ui.serial_radio, ui.simulated_radio):
            radio.toggled.connect(self._update_modes)

    def _resuming(self) -> bool:
        return self.ui.resume_radio.isChecked()

    def _simulated(self) -> bool:
        return self.ui.simulated_radio.isChecked()

    def _update_modes(self) -> None:
        ui = self.ui
        ui.patient_group.setEnabled(not self._resuming())
        ui.treatment_combo.setEnabled(not self._resuming())
        ui.treatment_note.setText("A resumed session keeps the treatment recorded with it" if self._resuming()
                                  else "")
        if not self._resuming():
            ui.interrupted_list.clearSelection()
        for widget in (ui.port_label, ui.port_combo, ui.refresh_ports_button, ui.port_details_label):
            widget.setEnabled(not self._simulated())
        self._refresh_messages()

    def _field_edited(self, name: str) -> None:
        self._edited.add(name)
        self._refresh_messages()

    def _field_left(self, name: str) -> None:
        if name in self._edited:
            self._shown.add(name)
        self._refresh_messages()

    def _choice_made(self, name: str) -> None:
        self._shown.add(name)
        self._refresh_messages()

    def _port_changed(self, text: str) -> None:
        index = self.ui.port_combo.findText(text)
        self.ui.port_details_label.setText(
            self.ui.port_combo.itemData(index, Qt.ItemDataRole.ToolTipRole) if index >= 0 else ""
        )
        if text.strip():
            self._shown.add("port")
        self._refresh_messages()

    def _patient_text(self) -> dict[str, str]:
        text = {name: self._targets[name][0].text() for name in PATIENT_FIELDS if name != "notes"}
        text["notes"] = self.ui.notes_edit.toPlainText()
        return text

    def _chosen_port(self) -> str:
        text = self.ui.port_combo.currentText().strip()
        index = self.ui.port_combo.findText(text)
        return self.ui.port_combo.itemData(index) if index >= 0 else text

    def _chosen_protocol(self) -> str:
        """The protocol chosen, "" when none is."""
        index = self.ui.protocol_combo.currentIndex()
        return self._protocols[index] if index >= 0 else ""

    def _check(self) -> tuple[dict[str, str], PatientDetails | None]:
        """Every field's message (field name → message), and the new patient's details when the
        patient part of the form is valid (``None`` when resuming, where the form has no patient)."""
        errors: dict[str, str] = {}
        details: PatientDetails | None = None
        if self._resuming():
            if _selected(self.ui.interrupted_list) is None:
                errors["interrupted"] = "Choose the session to resume"
        else:
            patient = validate_patient(self._patient_text(), today=self._today(), rules=self._rules)
            errors.update(patient.errors)
            details = patient.details
        message = operator_error(self.ui.operator_edit.text())
        if message is not None:
            errors["operator"] = message
        errors.update(monitor_errors(simulated=self._simulated(), port=self._chosen_port(),
                                     protocol=self._chosen_protocol(), protocols=self._protocols))
        return errors, details

    def _refresh_messages(self) -> tuple[dict[str, str], PatientDetails | None]:
        errors, details = self._check()
        for name, (field, label) in self._targets.items():
            show_field_message(field, label, errors.get(name) if name in self._shown else None)
        count = len(errors)
        self.ui.form_message.setText(
            f"Check the {count} field{'s' if count > 1 else ''} marked in red" if self._attempted and errors
            else ""
        )
        return errors, details

    def _build_request(self, details: PatientDetails | None) -> SessionRequest:
        """The request from a form without errors; ``details`` is the new patient (``None`` when
        resuming, where the session's own patient is looked up)."""
        resume_id: str | None = None
        patient = details
        current = _selected(self.ui.interrupted_list)
        if self._resuming() and current is not None:
            resume_id = current.data(Qt.ItemDataRole.UserRole)
            summary = next(summary for summary in self._interrupted if summary.id == resume_id)
            patient = self._known_patient(summary.patient_identifier or "")
        if patient is None:
            raise RuntimeError("a request needs a checked patient or a session to resume")
        simulated = self._simulated()
        treatment_id: str | None = None
        if resume_id is None and self._treatments:
            treatment_id = self.ui.treatment_combo.currentData()
            QSettings().setValue(LAST_TREATMENT_KEY, treatment_id)
        return SessionRequest(
            patient=patient,
            operator=self.ui.operator_edit.text().strip(),
            port=None if simulated else self._chosen_port(),
            protocol=self._chosen_protocol(),
            simulated=simulated,
            resume_session_id=resume_id,
            treatment_profile_id=treatment_id,
        )

    def _known_patient(self, identifier: str) -> PatientDetails:
        """The listed patient with this MRN/ID, or the identifier alone when the list lacks it."""
        for summary in self._patients:
            if summary.identifier == identifier:
                return PatientDetails(summary.identifier, summary.name or "", summary.date_of_birth,
                                      summary.weight_kg, summary.allergies or "", summary.notes or "")
        return PatientDetails(identifier, "", None, None, "", "")

    def _patients_loaded(self, patients: list[PatientSummary]) -> None:
        self._patients = list(patients)
        for index, summary in enumerate(self._patients):
            born = f"  –  born {format_date_of_birth(summary.date_of_birth, self._rules)}" \
                if summary.date_of_birth else ""
            item = QListWidgetItem(f"{summary.name or '(no name)'}  –  MRN/ID {summary.identifier}{born}")
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.ui.patient_list.addItem(item)
        self.ui.patient_list_status.setText(
            f"{len(self._patients)} on record: pick one, or type a new patient below" if self._patients
            else "No patients on record yet: type the patient's details below"
        )
        self._filter_patients(self.ui.patient_search.text())

    def _patients_failed(self, error: Exception) -> None:
        self.ui.patient_list_status.setText(
            f"Could not load the patient list ({error}); type the patient's details below"
        )

    def _filter_patients(self, query: str) -> None:
        wanted = query.strip().casefold()
        for row in range(self.ui.patient_list.count()):
            item = self.ui.patient_list.item(row)
            item.setHidden(wanted not in item.text().casefold())

    def _patient_picked(self) -> None:
        item = _selected(self.ui.patient_list)
        if item is None:
            return
        summary = self._patients[item.data(Qt.ItemDataRole.UserRole)]
        ui = self.ui
        ui.identifier_edit.setText(summary.identifier)
        ui.name_edit.setText(summary.name or "")
        ui.date_of_birth_edit.setText(format_date_of_birth(summary.date_of_birth, self._rules))
        ui.weight_edit.setText(f"{summary.weight_kg:g}" if summary.weight_kg is not None else "")
        ui.allergies_edit.setText(summary.allergies or "")
        ui.notes_edit.setPlainText(summary.notes or "")
        self._shown.update(PATIENT_FIELDS)
        self._refresh_messages()

    def _interrupted_picked(self) -> None:
        item = _selected(self.ui.interrupted_list)
        if item is None:
            self._refresh_messages()
            return
        self.ui.resume_radio.setChecked(True)
        session_id = item.data(Qt.ItemDataRole.UserRole)
        summary = next(summary for summary in self._interrupted if summary.id == session_id)
        if summary.protocol in self._protocols:
            self.ui.protocol_combo.setCurrentIndex(self._protocols.index(summary.protocol))
        port_index = self.ui.port_combo.findData(summary.port)
        if port_index >= 0:
            self.ui.port_combo.setCurrentIndex(port_index)
        self._refresh_messages()

    def _ports_listed(self, ports: list[PortInfo]) -> None:
        combo = self.ui.port_combo
        typed = self._chosen_port()
        combo.blockSignals(True)
        combo.clear()
        for port in ports:
            combo.addItem(f"{port.device}  –  {port.description}", port.device)
            combo.setItemData(combo.count() - 1, f"{port.description} · {port.hwid}",
                              Qt.ItemDataRole.ToolTipRole)
        known = combo.findData(typed)
        combo.setCurrentIndex(known)
        if known < 0:
            combo.setEditText(typed)
        combo.blockSignals(False)
        self.ui.refresh_ports_button.setEnabled(True)
        self.ui.port_details_label.setText(
            f"{len(ports)} serial port{'s' if len(ports) != 1 else ''} found" if ports
            else "No serial port found: check the cable or adapter, then press Refresh ports"
        )
        self._refresh_messages()

    def _ports_failed(self, error: Exception) -> None:
        self.ui.refresh_ports_button.setEnabled(True)
        self.ui.port_details_label.setText(f"Could not list the serial ports ({error})")


def _selected(listing: QListWidget) -> QListWidgetItem | None:
    """The item the person selected. Not the current item: Qt makes the first row current when the
    list merely gets the focus, and that must not pick a patient or a session."""
    items = listing.selectedItems()
    return items[0] if items else None
