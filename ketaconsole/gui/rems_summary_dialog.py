"""The REMS monitoring summary of an esketamine session: what the session recorded, read-only, and the
nurse's answers, saved together as one ``rems-summary-recorded`` event.

The facts (dose, lot, devices, monitoring length, the three blood pressures with their times) are
drafted by :func:`ketaconsole.core.rems_summary.draft_summary` and shown as labels: they cannot be
typed over. A blood pressure that was not recorded, monitoring shorter than the REMS minimum and a
patient not yet marked ready for discharge are shown in the attention style.

Answers are checked by :func:`ketaconsole.core.rems_summary.validate_answers` when Save is pressed;
each message then stays beside its field, updated as the nurse types, and Save records nothing until
none is left. The times of an effect can be typed only while its "occurred" box is ticked, and its
resolution only while "Not resolved" is not; unticking clears them, so what is shown is what is
saved. Each minute count shows its clock time beside it. Ctrl+Enter saves from anywhere, Escape
cancels. Save is disabled until the patient has been marked ready for discharge, since the form
needs the end of monitoring.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from ketaconsole.core.dose_session import DoseSessionStatus
from ketaconsole.core.dosing import format_number
from ketaconsole.core.form_text import parse_decimal
from ketaconsole.core.rems_summary import (
    EFFECTS,
    FIELDS,
    REMS_MINIMUM_MONITORING_MIN,
    RemsAnswers,
    RemsBloodPressure,
    RemsSummary,
    RemsSummaryError,
    draft_summary,
    effect_field,
    summary_detail,
    validate_answers,
)
from ketaconsole.gui.dose_text import clock_text
from ketaconsole.gui.field_messages import mark_message_label, show_field_message
from ketaconsole.gui.generated.ui_rems_summary import Ui_RemsSummaryDialog
from ketaconsole.gui.widget_updates import repolish

TARGET_MIN_PX = 44
"""Smallest height of a button, box or field the nurse presses (px)."""

YES_NO_FIELDS = ("vitals_acceptable_before", "vitals_acceptable_at_end")
MINUTE_FIELDS = (*(effect_field(effect, part) for effect in EFFECTS
                   for part in ("onset_min", "resolution_min")), "ready_to_leave_min")
"""Fields typed as whole minutes after the first device; each has a clock label beside it."""


def fact_name(check_id: str) -> str:
    """The prefix of the labels showing required reading ``check_id`` (``bp-40-min`` → ``bp_40_min``)."""
    return check_id.replace("-", "_")


class RemsSummaryDialog(QDialog):
    """Shows ``status``'s REMS summary and asks for the answers; Save passes the
    ``rems-summary-recorded`` detail to ``record`` and closes. ``RemsSummaryError`` for a session the
    summary does not apply to (see :func:`~ketaconsole.core.rems_summary.summary_unavailable`)."""

    def __init__(self, status: DoseSessionStatus, record: Callable[[dict[str, Any]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: RemsSummary = draft_summary(status)
        self._record = record
        self._checked = False
        self.ui = Ui_RemsSummaryDialog()
        self.ui.setupUi(self)
        self._show_facts()
        for key in (*MINUTE_FIELDS, *YES_NO_FIELDS, "note"):
            mark_message_label(self.message_label(key))
        for button in self.ui.button_box.buttons():
            button.setMinimumHeight(TARGET_MIN_PX)
        for effect in EFFECTS:
            self.occurred_box(effect).toggled.connect(self._effects_changed)
            self.not_resolved_box(effect).toggled.connect(self._effects_changed)
        for key in MINUTE_FIELDS:
            edit = self.field(key)
            assert isinstance(edit, QLineEdit)
            edit.textChanged.connect(self._answers_changed)
        for key in YES_NO_FIELDS:
            for answer in ("yes", "no"):
                self._radio(key, answer).toggled.connect(self._answers_changed)
        self.ui.note_edit.textChanged.connect(self._answers_changed)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        if self.summary.end_of_monitoring_utc is None:
            self.save_button.setEnabled(False)
            self.save_button.setToolTip("Mark the patient ready for discharge first")
            self.ui.form_message.setText("The summary can be saved once the patient is marked ready for "
                                         "discharge: the form needs the end of monitoring.")
        self._effects_changed()
        self.occurred_box(next(iter(EFFECTS))).setFocus()

    @property
    def save_button(self) -> QPushButton:
        return self.ui.button_box.button(QDialogButtonBox.StandardButton.Save)

    def occurred_box(self, effect: str) -> QCheckBox:
        """The box saying ``effect`` (a key of :data:`EFFECTS`) occurred."""
        box: QCheckBox = getattr(self.ui, f"{effect}_occurred_box")
        return box

    def not_resolved_box(self, effect: str) -> QCheckBox:
        """The box saying ``effect`` had not resolved when monitoring ended."""
        box: QCheckBox = getattr(self.ui, f"{effect}_not_resolved_box")
        return box

    def field(self, key: str) -> QWidget:
        """The widget the nurse fills in for field ``key`` (a minutes field, a yes/no pair, the note)."""
        if key in YES_NO_FIELDS:
            widget: QWidget = getattr(self.ui, f"{key}_answer")
        elif key == "note":
            widget = self.ui.note_edit
        else:
            widget = getattr(self.ui, f"{key}_edit")
        return widget

    def message_label(self, key: str) -> QLabel:
        """The label beside field ``key`` that shows its message."""
        label: QLabel = getattr(self.ui, f"{key}_error")
        return label

    def clock_label(self, key: str) -> QLabel:
        """The label beside minutes field ``key`` that shows its clock time."""
        label: QLabel = getattr(self.ui, f"{key}_clock")
        return label

    def fact_label(self, name: str) -> QLabel:
        """The read-only value ``name``: ``treatment``, ``monitoring`` or a blood pressure
        (:func:`fact_name` of its check id)."""
        label: QLabel = getattr(self.ui, f"{name}_value")
        return label

    def raw(self) -> dict[str, str | bool]:
        """The form as entered, keyed as :func:`validate_answers` reads it."""
        raw: dict[str, str | bool] = {}
        for effect in EFFECTS:
            raw[effect_field(effect, "occurred")] = self.occurred_box(effect).isChecked()
            raw[effect_field(effect, "not_resolved")] = self.not_resolved_box(effect).isChecked()
        for key in MINUTE_FIELDS:
            edit = self.field(key)
            assert isinstance(edit, QLineEdit)
            raw[key] = edit.text()
        for key in YES_NO_FIELDS:
            yes, no = self._radio(key, "yes").isChecked(), self._radio(key, "no").isChecked()
            raw[key] = yes if yes or no else ""
        raw["note"] = self.ui.note_edit.toPlainText()
        return raw

    def accept(self) -> None:
        """Record the summary and close, or stay open with each problem beside its field and the
        focus on the first one."""
        if not self.save_button.isEnabled():
            return
        self._checked = True
        answers, errors = self._show_messages()
        if answers is None:
            first = next(key for key in FIELDS if key in errors)
            target = self._radio(first, "yes") if first in YES_NO_FIELDS else self.field(first)
            target.setFocus()
            return
        try:
            detail = summary_detail(self.summary, answers)
        except RemsSummaryError as error:
            self.ui.form_message.setText(str(error))
            return
        self._record(detail)
        super().accept()

    def _radio(self, key: str, answer: str) -> QRadioButton:
        radio: QRadioButton = getattr(self.ui, f"{key}_{answer}")
        return radio

    def _show_facts(self) -> None:
        summary = self.summary
        self._set_fact("treatment", _treatment_text(summary),
                       attention=summary.delivered_mg < summary.dose_mg)
        self._set_fact("monitoring", _monitoring_text(summary),
                       attention=summary.monitoring_below_minimum or summary.end_of_monitoring_utc is None)
        for pressure in summary.blood_pressures:
            self._set_fact(fact_name(pressure.check), _pressure_text(pressure),
                           attention=pressure.reading is None or pressure.late)
        self.ui.minutes_hint.setText(f"Times are whole minutes after the first device "
                                     f"({clock_text(summary.first_device_utc)}); the clock time is shown "
                                     "beside each.")

    def _set_fact(self, name: str, text: str, *, attention: bool) -> None:
        label = self.fact_label(name)
        label.setText(f"⚠ {text}" if attention else text)
        label.setProperty("attention", attention)

    def _effects_changed(self) -> None:
        for effect in EFFECTS:
            occurred = self.occurred_box(effect).isChecked()
            not_resolved = self.not_resolved_box(effect)
            if not occurred:
                not_resolved.setChecked(False)
            not_resolved.setEnabled(occurred)
            onset = self.field(effect_field(effect, "onset_min"))
            resolution = self.field(effect_field(effect, "resolution_min"))
            assert isinstance(onset, QLineEdit) and isinstance(resolution, QLineEdit)
            if not occurred:
                onset.clear()
            if not occurred or not_resolved.isChecked():
                resolution.clear()
            onset.setEnabled(occurred)
            resolution.setEnabled(occurred and not not_resolved.isChecked())
        self._answers_changed()

    def _answers_changed(self) -> None:
        for key in MINUTE_FIELDS:
            edit = self.field(key)
            assert isinstance(edit, QLineEdit)
            number = parse_decimal(edit.text())
            clock = ""
            if number is not None and number >= 0 and number.is_integer():
                clock = clock_text(self.summary.at_minutes(number))
            self.clock_label(key).setText(clock)
        if self._checked:
            self._show_messages()

    def _show_messages(self) -> tuple[RemsAnswers | None, dict[str, str]]:
        answers, errors = validate_answers(self.raw(), monitoring_min=self.summary.monitoring_min)
        for key in (*MINUTE_FIELDS, *YES_NO_FIELDS, "note"):
            field = self.field(key)
            marked = field.property("invalid")
            show_field_message(field, self.message_label(key), errors.get(key))
            if field.property("invalid") != marked:  # the theme draws the border of an invalid field
                repolish(field)
        if self.save_button.isEnabled():
            self.ui.form_message.clear()
        return answers, errors


def _treatment_text(summary: RemsSummary) -> str:
    day = summary.treatment_date
    text = f"{day:%a} {day.day} {day:%b %Y} · {format_number(summary.dose_mg)} mg, lot {summary.lot or '–'}"
    if summary.devices_planned is not None:
        text += f" · {summary.devices_given} of {summary.devices_planned} devices given"
    if summary.delivered_mg < summary.dose_mg:
        text += f" ({format_number(summary.delivered_mg)} mg given)"
    return text


def _monitoring_text(summary: RemsSummary) -> str:
    start = f"First device {clock_text(summary.first_device_utc)}"
    if summary.end_of_monitoring_utc is None:
        return f"{start}; still monitoring (not marked ready for discharge)"
    text = (f"{start} → ready for discharge {clock_text(summary.end_of_monitoring_utc)}"
            f" = {summary.monitoring_min} min")
    if summary.monitoring_below_minimum:
        text += f"\nShorter than the REMS minimum of {REMS_MINIMUM_MONITORING_MIN} min"
    return text


def _pressure_text(pressure: RemsBloodPressure) -> str:
    reading = pressure.reading
    if reading is None:
        assert pressure.missing_reason is not None
        return pressure.missing_reason[0].upper() + pressure.missing_reason[1:]
    text = f"{reading.text()} mmHg at {clock_text(reading.measured.utc)}"
    minutes = pressure.minutes_after_dosing_start
    if minutes is not None:
        side = "after" if minutes >= 0 else "before"
        text += f", {format_number(abs(minutes), 1)} min {side} the first device"
    if pressure.late:
        text += ", late"
    if reading.manual:
        text += ", entered by hand"
    return text
