"""Reason fields for the gates of a dose action: each rule that holds the action (a dose outside the
usual range, no blood pressure before dosing, discharge before the minimum observation …) is shown
in words with its own field for the written reason the record keeps.

Typed reasons are kept by gate id while the dialog is open, so a gate that goes and comes back
(a discharge criterion unticked and ticked again) keeps what was written for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from ketaconsole.core.dose_session import Gate
from ketaconsole.core.form_text import FREE_TEXT_MAX_CHARS


class GateReasons:
    """The gates shown in ``grid`` (two columns: the rule's message above its reason field);
    ``changed`` is called after every edit of a reason."""

    def __init__(self, grid: QGridLayout, changed: Callable[[], None]) -> None:
        self._grid = grid
        self._changed = changed
        self._gates: list[Gate] = []
        self._rows: dict[str, tuple[QLabel, QLineEdit]] = {}
        self._typed: dict[str, str] = {}

    @property
    def gates(self) -> tuple[Gate, ...]:
        return tuple(self._gates)

    def set_gates(self, gates: Sequence[Gate]) -> None:
        """Show exactly ``gates``, in order; reasons typed earlier for the same ids come back. When
        the same gates are shown already only their messages are updated (a countdown in a message
        moves on), so the field being typed in keeps the focus."""
        if [gate.id for gate in gates] == [gate.id for gate in self._gates]:
            for gate in gates:
                message = self._rows[gate.id][0]
                text = gate.message.replace("&", "&&")
                if message.text() != text:
                    message.setText(text)
            self._gates = list(gates)
            return
        for message, field in self._rows.values():
            self._grid.removeWidget(message)
            self._grid.removeWidget(field)
            message.deleteLater()
            field.deleteLater()
        self._rows = {}
        self._gates = list(gates)
        parent = self._grid.parentWidget()
        previous: QWidget | None = None
        for row, gate in enumerate(self._gates):
            message = QLabel(gate.message.replace("&", "&&"), parent)
            message.setWordWrap(True)
            message.setProperty("gate", True)
            field = QLineEdit(self._typed.get(gate.id, ""), parent)
            field.setMaxLength(FREE_TEXT_MAX_CHARS)
            field.setPlaceholderText("Reason for going ahead")
            field.setAccessibleName(f"Reason: {gate.message}")
            field.setObjectName(f"gate_reason_{gate.id}")
            field.textEdited.connect(lambda text, gate_id=gate.id: self._edited(gate_id, text))
            message.setBuddy(field)
            self._grid.addWidget(message, row, 0)
            self._grid.addWidget(field, row, 1)
            message.show()  # at once, not when the layout gets round to it: the field may take the focus now
            field.show()
            if previous is not None:
                QWidget.setTabOrder(previous, field)
            previous = field
            self._rows[gate.id] = (message, field)

    def add_gates(self, gates: Sequence[Gate]) -> None:
        """Show ``gates`` too (after those already shown, which keep their reasons)."""
        known = {gate.id for gate in self._gates}
        self.set_gates([*self._gates, *(gate for gate in gates if gate.id not in known)])

    def reasons(self) -> dict[str, str]:
        """Gate id → the reason typed (trimmed) for every gate shown."""
        return {gate.id: self._typed.get(gate.id, "").strip() for gate in self._gates}

    def first_missing(self) -> QLineEdit | None:
        """The field of the first gate without a reason, ``None`` when every gate has one."""
        for gate in self._gates:
            if not self._typed.get(gate.id, "").strip():
                return self._rows[gate.id][1]
        return None

    def field(self, gate_id: str) -> QLineEdit:
        """The reason field of gate ``gate_id``."""
        return self._rows[gate_id][1]

    def _edited(self, gate_id: str, text: str) -> None:
        self._typed[gate_id] = text
        self._changed()
