"""Marking the patient ready for discharge: the profile's discharge criteria as boxes to tick, and
a written reason for every rule that still holds the patient (the minimum observation not over, a
criterion not ticked, a required blood pressure missing), as the session states them for the boxes
ticked so far. OK is enabled once every such rule has a reason; it records the discharge.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QPushButton, QWidget

from ketaconsole.core.dose_session import DoseSession, OverrideNeeded
from ketaconsole.gui.field_messages import mark_message_label
from ketaconsole.gui.gate_reasons import GateReasons
from ketaconsole.gui.generated.ui_discharge import Ui_DischargeDialog


class DischargeDialog(QDialog):
    """Marks ``session``'s patient ready for discharge on behalf of ``user``."""

    def __init__(self, session: DoseSession, *, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DischargeDialog()
        self.ui.setupUi(self)
        self._session = session
        self._user = user
        mark_message_label(self.ui.form_message)
        self.criteria: dict[str, QCheckBox] = {}
        for criterion in session.profile.discharge_criteria:
            box = QCheckBox(criterion.text.replace("&", "&&"), self.ui.criteria_group)
            box.setObjectName(f"criterion_{criterion.id}")
            box.toggled.connect(self._criteria_changed)
            self.ui.criteria_layout.addWidget(box)
            self.criteria[criterion.id] = box
        self.gates = GateReasons(self.ui.gates_grid, self._update_ok)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self._criteria_changed()
        first = next(iter(self.criteria.values()), None)
        if first is not None:
            first.setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)

    def checked(self) -> list[str]:
        """The ids of the criteria ticked, in the profile's order."""
        return [criterion_id for criterion_id, box in self.criteria.items() if box.isChecked()]

    def accept(self) -> None:
        """Record the discharge and close, or stay open with what still needs a reason."""
        try:
            self._session.mark_ready_for_discharge(user=self._user, criteria_met=self.checked(),
                                                   overrides=self.gates.reasons())
        except OverrideNeeded as needed:
            self.gates.add_gates(needed.gates)
            self._show_gates()
            self.ui.form_message.setText("Give a reason for each rule above to go ahead")
            return
        except ValueError as error:
            self.ui.form_message.setText(str(error))
            return
        super().accept()

    def _criteria_changed(self) -> None:
        self.gates.set_gates(self._session.discharge_gates(self.checked()))
        self._show_gates()

    def _show_gates(self) -> None:
        shown = bool(self.gates.gates)
        self.ui.gates_caption.setVisible(shown)
        self.ui.gates_area.setVisible(shown)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ui.form_message.clear()
        missing = self.gates.first_missing() is not None
        self.ok_button.setEnabled(not missing)
        self.ok_button.setToolTip("Give a reason for each rule above" if missing else
                                  "Mark the patient ready for discharge now")
