"""The alarm limits of the session, and changing them with a reason (Alarms → Limits…, Ctrl+L).

One line per limit of the preset in force: its label, whether values below or above alarm, one spin box per
tier with that tier's priority, and the onset delay and hysteresis (read-only: those belong to the
clinic's preset, not to the bedside). A spin box only accepts values in the preset's
``bedside_min``–``bedside_max``. The preset's name and version are shown, and a violet warning while
its defaults have not been confirmed by the clinic.

Save changes each edited limit through :meth:`AlarmMonitor.set_thresholds` with the operator's name
and the reason, which the alarm engine records (``alarm-limit-changed`` with the old and new
values). A change needs a reason; a limit the engine refuses (tiers out of order) keeps the dialog
open with the engine's message beside that limit, while the limits it accepted stay changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from ketaconsole.acquisition.alarm_monitor import AlarmMonitor
from ketaconsole.core.alarm_presets import LimitRule
from ketaconsole.core.alarms import AlarmActionError
from ketaconsole.core.dosing import format_number
from ketaconsole.core.form_text import text_error
from ketaconsole.core.manual_entry import display_unit
from ketaconsole.core.observations import AlarmPriority
from ketaconsole.core.parameters import parameter as registry_parameter
from ketaconsole.gui.alarm_text import PREFIX
from ketaconsole.gui.field_messages import mark_message_label, show_field_message
from ketaconsole.gui.generated.ui_alarm_limits import Ui_AlarmLimitsDialog
from ketaconsole.gui.widget_updates import set_visible

REASON_MAX_CHARS = 500
TARGET_HEIGHT_PX = 44
SPIN_WIDTH_PX = 140
NO_REASON = "Give a reason for changing the limits"
NOT_ALL_SAVED = "Not every limit could be changed: see the messages above"


@dataclass(frozen=True, slots=True)
class LimitRow:
    """The widgets of one limit: a spin box per tier and the line for its message."""

    rule: LimitRule
    spin_boxes: tuple[QDoubleSpinBox, ...]
    message: QLabel


class AlarmLimitsDialog(QDialog):
    """Shows ``monitor``'s limits and changes them for ``user``; see the module docstring."""

    def __init__(self, monitor: AlarmMonitor, *, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AlarmLimitsDialog()
        self.ui.setupUi(self)
        self._monitor = monitor
        self._user = user
        ui = self.ui
        preset = monitor.preset
        ui.preset_label.setText(
            f"Preset: {preset.name} ({preset.id}, version {preset.version}). A change applies to this "
            f"session only and is recorded with your name ({user or 'no operator named'}) and the reason.")
        ui.unconfirmed_label.setProperty("attention", True)
        set_visible(ui.unconfirmed_label, not preset.is_confirmed)
        for label in (ui.reason_error, ui.form_message):
            mark_message_label(label)
        self._rows = {rule.id: self._add_row(index, rule) for index, rule in enumerate(preset.limit)}
        ui.button_box.accepted.connect(self.accept)
        ui.button_box.rejected.connect(self.reject)
        for button in ui.button_box.buttons():
            button.setMinimumHeight(TARGET_HEIGHT_PX)
        ui.reason_edit.textEdited.connect(
            lambda _text: show_field_message(ui.reason_edit, ui.reason_error, None))

    @property
    def save_button(self) -> QPushButton:
        return self.ui.button_box.button(QDialogButtonBox.StandardButton.Save)

    def spin_box(self, rule_id: str, tier: int = 0) -> QDoubleSpinBox:
        """The threshold field of ``rule_id``'s ``tier`` (0: the least severe)."""
        return self._rows[rule_id].spin_boxes[tier]

    def message_label(self, rule_id: str) -> QLabel:
        return self._rows[rule_id].message

    def changes(self) -> dict[str, list[float]]:
        """The limits whose fields differ from the thresholds in force, by rule id."""
        changed = {}
        for rule_id, row in self._rows.items():
            values = [box.value() for box in row.spin_boxes]
            current = self._monitor.thresholds(rule_id)
            decimals = row.spin_boxes[0].decimals()
            if [round(v, decimals) for v in values] != [round(v, decimals) for v in current]:
                changed[rule_id] = values
        return changed

    def accept(self) -> None:
        """Change every edited limit, then close; stay open with the reasons when any is refused."""
        ui = self.ui
        ui.form_message.clear()
        for row in self._rows.values():
            show_field_message(row.spin_boxes[0], row.message, None)
            row.message.hide()
        changes = self.changes()
        if not changes:
            super().accept()
            return
        reason = ui.reason_edit.text().strip()
        problem = text_error(reason, what="Reason", required=True, max_length=REASON_MAX_CHARS)
        if problem is not None:
            show_field_message(ui.reason_edit, ui.reason_error, NO_REASON if not reason else problem)
            ui.reason_edit.setFocus()
            return
        refused = False
        for rule_id, values in changes.items():
            row = self._rows[rule_id]
            try:
                self._monitor.set_thresholds(rule_id, values, user=self._user, reason=reason)
            except AlarmActionError as error:
                row.message.show()
                show_field_message(row.spin_boxes[0], row.message, str(error))
                refused = True
        if refused:
            ui.form_message.setText(NOT_ALL_SAVED)
            return
        super().accept()

    def _add_row(self, index: int, rule: LimitRule) -> LimitRow:
        ui = self.ui
        grid, parent = ui.limits_grid, ui.limits_widget
        line = 1 + 2 * index
        unit = display_unit(registry_parameter(rule.parameters[0]).unit)
        name = QLabel(rule.label, parent)
        sources = " or else ".join(registry_parameter(key).label for key in rule.parameters)
        name.setToolTip(f"Measured from {sources}")
        grid.addWidget(name, line, 0)
        grid.addWidget(QLabel(f"{rule.comparison()} it", parent), line, 1)
        tiers = QWidget(parent)
        layout = QHBoxLayout(tiers)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        current = self._monitor.thresholds(rule.id)
        integral = all(float(v).is_integer() for v in (rule.bedside_min, rule.bedside_max, *current))
        boxes = []
        for tier, threshold in zip(rule.tiers, current, strict=True):
            priority = AlarmPriority(tier.priority)
            box = QDoubleSpinBox(tiers)
            box.setDecimals(0 if integral else 1)
            box.setRange(rule.bedside_min, rule.bedside_max)
            box.setSingleStep(1.0 if integral else 0.1)
            box.setValue(threshold)
            box.setSuffix(f" {unit}")
            box.setFixedWidth(SPIN_WIDTH_PX)
            box.setMinimumHeight(TARGET_HEIGHT_PX)
            box.setAccessibleName(f"{rule.label}, {tier.priority} priority threshold in {unit}")
            box.setToolTip(f"{format_number(rule.bedside_min)} to {format_number(rule.bedside_max)} {unit} "
                           "at the bedside")
            if rule.bedside_min == rule.bedside_max:
                box.setReadOnly(True)
                box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
                box.setToolTip("Fixed by the clinic's preset")
            marker = QLabel(f"{PREFIX[priority]} {tier.priority}", tiers)
            layout.addWidget(box)
            layout.addWidget(marker)
            boxes.append(box)
        layout.addStretch(1)
        grid.addWidget(tiers, line, 2)
        grid.addWidget(QLabel(f"{format_number(rule.onset_delay_s)} s", parent), line, 3)
        grid.addWidget(QLabel(f"{format_number(rule.hysteresis)} {unit}", parent), line, 4)
        message = QLabel(parent)
        mark_message_label(message)
        message.hide()
        grid.addWidget(message, line + 1, 0, 1, 5)
        return LimitRow(rule, tuple(boxes), message)
