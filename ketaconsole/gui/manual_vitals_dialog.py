"""The manual vital-signs form: values read off a stand-alone device and typed in by a nurse.

Checking is :func:`ketaconsole.core.manual_entry.validate_manual_vitals`; this dialog shows each
message beside its field and refuses OK until every entered value is acceptable. The values are
stamped with the clock when OK is pressed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QWidget

from ketaconsole.core.clock import Clock
from ketaconsole.core.manual_entry import (
    FORM_ERROR,
    MANUAL_PARAMETERS,
    ManualValidation,
    validate_manual_vitals,
)
from ketaconsole.core.observations import Observation
from ketaconsole.gui.field_messages import mark_message_label, show_field_message
from ketaconsole.gui.generated.ui_manual_vitals import Ui_ManualVitalsDialog


def widget_prefix(key: str) -> str:
    """The prefix of the form's widgets for registry key ``key`` (``NIBP_SYS`` → ``nibp_sys``)."""
    return key.lower()


class ManualVitalsDialog(QDialog):
    """Asks for manual vital signs entered by ``user``; :meth:`observations` after it is accepted."""

    def __init__(self, *, user: str, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not user.strip():
            raise ValueError("manual entries need the name of the person entering them")
        self.ui = Ui_ManualVitalsDialog()
        self.ui.setupUi(self)
        self._user = user
        self._clock = clock
        self._observations: list[Observation] | None = None
        self._checked = False
        for key in MANUAL_PARAMETERS:
            mark_message_label(self.message_label(key))
            self.edit(key).textEdited.connect(self._edited)
        mark_message_label(self.ui.form_error)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.edit(MANUAL_PARAMETERS[0]).setFocus()

    def edit(self, key: str) -> QLineEdit:
        """The field of registry key ``key``."""
        return getattr(self.ui, f"{widget_prefix(key)}_edit")

    def message_label(self, key: str) -> QLabel:
        """The label beside the field of ``key`` that shows its message."""
        return getattr(self.ui, f"{widget_prefix(key)}_error")

    def observations(self) -> list[Observation]:
        """The accepted values as manual observations, in form order.

        ``RuntimeError`` before the dialog was accepted."""
        if self._observations is None:
            raise RuntimeError("the manual vitals dialog was not accepted")
        return list(self._observations)

    def accept(self) -> None:
        """Close with the observations, or stay open with every problem shown beside its field and
        the focus on the first one."""
        self._checked = True
        result = self._show_messages()
        if result.errors:
            first = next((key for key in MANUAL_PARAMETERS if key in result.errors), MANUAL_PARAMETERS[0])
            self.edit(first).setFocus()
            return
        self._observations = result.observations
        super().accept()

    def _edited(self) -> None:
        if self._checked:
            self._show_messages()

    def _show_messages(self) -> ManualValidation:
        values = {key: self.edit(key).text() for key in MANUAL_PARAMETERS}
        result = validate_manual_vitals(values, user=self._user, stamp=self._clock.now())
        for key in MANUAL_PARAMETERS:
            show_field_message(self.edit(key), self.message_label(key), result.errors.get(key))
        self.ui.form_error.setText(result.errors.get(FORM_ERROR, ""))
        return result
