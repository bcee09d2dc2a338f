"""One dialog for every dose action that needs words in the record: pausing, changing the rate
(with the new rate in mL/h), a bolus (in mg), stopping early, and any action held by gates
(:class:`~ketaconsole.core.dose_session.OverrideNeeded`), each gate with its own reason field.

The dialog performs the action itself when OK is pressed (``submit``) and closes only when it was
recorded. When the session refuses it, the refusal stays on screen: new gates are added with
their reason fields (reasons already typed are kept and sent again), any other refusal is shown
in words. OK is enabled only while every field it needs is filled in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from ketaconsole.core.dose_session import Gate, OverrideNeeded
from ketaconsole.core.form_text import FREE_TEXT_MAX_CHARS, parse_decimal, text_error
from ketaconsole.gui.field_messages import mark_message_label, show_field_message
from ketaconsole.gui.gate_reasons import GateReasons
from ketaconsole.gui.generated.ui_reason import Ui_ReasonDialog

Submit = Callable[[float | None, str, Mapping[str, str]], None]
"""Performs the action with the value (``None`` without a value field), the reason ("" without a
reason field) and a reason per gate id; raises ``OverrideNeeded`` or ``ValueError`` (which includes
``TimerError``) when the session refuses it, having recorded nothing."""


@dataclass(frozen=True, slots=True)
class ValueField:
    """A number the action needs: ``label`` (with an ``&`` accelerator) and ``unit`` ("mL/h", "mg");
    ``initial`` fills the field; ``preview`` says what a value means (shown under the field)."""

    label: str
    unit: str
    initial: float | None = None
    preview: Callable[[float], str] | None = None


class ReasonDialog(QDialog):
    """Asks for what ``submit`` needs and performs it; ``reason_label`` ``None`` hides the general
    reason (an action that only needs reasons for its ``gates``)."""

    def __init__(self, *, title: str, header: str, submit: Submit, value: ValueField | None = None,
                 reason_label: str | None = "&Reason", gates: Sequence[Gate] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReasonDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.header_label.setText(header)
        self._submit = submit
        self._value = value
        self._needs_reason = reason_label is not None
        ui = self.ui
        for label in (ui.value_error, ui.reason_error, ui.form_message):
            mark_message_label(label)
        for widget in (ui.value_label, ui.value_edit, ui.value_unit, ui.value_error, ui.value_preview):
            widget.setVisible(value is not None)
        if value is not None:
            ui.value_label.setText(value.label)
            ui.value_unit.setText(value.unit)
            ui.value_edit.setAccessibleName(f"{value.label.replace('&', '')} in {value.unit}")
            if value.initial is not None:
                ui.value_edit.setText(f"{value.initial:g}")
        for widget in (ui.reason_label, ui.reason_edit, ui.reason_error):
            widget.setVisible(self._needs_reason)
        if reason_label is not None:
            ui.reason_label.setText(reason_label)
        self.gates = GateReasons(ui.gates_grid, self._update)
        self.gates.set_gates(gates)
        ui.gates_area.setVisible(bool(gates))
        ui.button_box.accepted.connect(self.accept)
        ui.button_box.rejected.connect(self.reject)
        ui.value_edit.textEdited.connect(self._update)
        ui.reason_edit.textEdited.connect(self._update)
        self._update()
        first = ui.value_edit if value is not None else ui.reason_edit if self._needs_reason \
            else self.gates.first_missing()
        if first is not None:
            first.setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)

    def accept(self) -> None:
        """Perform the action and close, or stay open showing why it was refused."""
        missing = self._missing()
        if missing:
            return
        try:
            self._submit(self._number(), self.ui.reason_edit.text().strip(), self.gates.reasons())
        except OverrideNeeded as needed:
            self.gates.add_gates(needed.gates)
            self.ui.gates_area.setVisible(True)
            self._update()
            self.ui.form_message.setText("Give a reason for each rule above to go ahead")
            field = self.gates.first_missing()
            if field is not None:
                field.setFocus()
            return
        except ValueError as error:
            self.ui.form_message.setText(str(error))
            return
        super().accept()

    def _number(self) -> float | None:
        if self._value is None:
            return None
        return parse_decimal(self.ui.value_edit.text())

    def _value_message(self) -> str | None:
        text = self.ui.value_edit.text().strip()
        if self._value is None or not text:
            return None
        number = parse_decimal(text)
        what = self._value.label.replace("&", "")
        if number is None:
            return f"{what} must be a number in {self._value.unit}"
        return f"{what} must be more than 0" if number <= 0 else None

    def _reason_message(self) -> str | None:
        return text_error(self.ui.reason_edit.text().strip(), what="Reason", required=False,
                          max_length=FREE_TEXT_MAX_CHARS)

    def _missing(self) -> str:
        """What OK still needs, in words ("" when nothing)."""
        ui = self.ui
        if self._value is not None and (self._number() is None or self._value_message()):
            return f"Enter the {self._value.label.replace('&', '').lower()} in {self._value.unit}"
        if self._needs_reason and (not ui.reason_edit.text().strip() or self._reason_message()):
            return "Give a reason"
        if self.gates.first_missing() is not None:
            return "Give a reason for each rule above"
        return ""

    def _update(self) -> None:
        ui = self.ui
        ui.form_message.clear()
        value_message = self._value_message()
        show_field_message(ui.value_edit, ui.value_error, value_message)
        show_field_message(ui.reason_edit, ui.reason_error, self._reason_message())
        number = self._number()
        preview = ""
        if self._value is not None and self._value.preview is not None and number is not None \
                and value_message is None:
            preview = self._value.preview(number)
        ui.value_preview.setText(preview)
        missing = self._missing()
        self.ok_button.setEnabled(not missing)
        self.ok_button.setToolTip(missing)
