"""The dose calculator: the treatment profile's dose worked out from what the nurse enters, with the
arithmetic on screen for a second nurse to check.

The arithmetic (:func:`ketaconsole.core.dosing.plan_dose`, through
:func:`ketaconsole.gui.dose_text.calculate`) is redone at every keystroke. Each refusal is shown
beside its field (a field left empty is named in the arithmetic area instead, until it is typed
in). A dose outside the profile's usual range is computed but can only be confirmed with a reason,
which is recorded with the plan. Confirm records the plan in the session and closes the dialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QPushButton, QWidget

from ketaconsole.core.dose_session import DoseSession, OverrideNeeded
from ketaconsole.core.dosing import DosePlan, Sex, format_number
from ketaconsole.core.form_text import FREE_TEXT_MAX_CHARS, text_error
from ketaconsole.core.treatment_profiles import Administration, DeviceDose, WeightBasedDose, WeightBasis
from ketaconsole.gui.dose_text import DoseCalculation, DoseForm, calculate
from ketaconsole.gui.field_messages import mark_message_label, show_field_message
from ketaconsole.gui.generated.ui_dose_calculator import Ui_DoseCalculatorDialog

FIELD_PREFIX = {"weight_kg": "weight", "height_cm": "height", "sex": "sex", "mg_per_kg": "mg_per_kg",
                "dose_mg": "dose", "lot": "lot", "vial_mg_per_ml": "vial", "diluent_ml": "diluent",
                "duration_min": "duration"}
"""Calculator input (``DoseInputError.field``) → prefix of its widgets in the form."""
DOSE_RANGE_GATE = "dose-range"


class DoseCalculatorDialog(QDialog):
    """Plans the dose of ``session`` on behalf of ``user``; ``weight_kg`` pre-fills the weight."""

    def __init__(self, session: DoseSession, *, user: str, weight_kg: float | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DoseCalculatorDialog()
        self.ui.setupUi(self)
        self._session = session
        self._user = user
        self._touched: set[str] = set()
        self.calculation = DoseCalculation(None, {})
        for name in FIELD_PREFIX:
            mark_message_label(self.message_label(name))
        mark_message_label(self.ui.reason_error)
        mark_message_label(self.ui.form_message)
        self._set_up_fields(weight_kg)
        self.confirm_button.setText("&Confirm dose")
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self._connect()
        self._recalculate()

    @property
    def confirm_button(self) -> QPushButton:
        return self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)

    def field(self, name: str) -> QLineEdit | QComboBox:
        """The widget of calculator input ``name`` (``weight_kg``, ``dose_mg`` …)."""
        prefix = FIELD_PREFIX[name]
        return getattr(self.ui, f"{prefix}_edit", None) or getattr(self.ui, f"{prefix}_combo")

    def message_label(self, name: str) -> QWidget:
        """The label beside input ``name`` that shows its message."""
        return getattr(self.ui, f"{FIELD_PREFIX[name]}_error")

    def accept(self) -> None:
        """Record the plan (with the reason when the dose is outside the usual range) and close, or
        stay open showing why the session refused it."""
        plan = self.calculation.plan
        if plan is None or not self._confirmable(plan):
            return
        overrides = {DOSE_RANGE_GATE: self.ui.reason_edit.text().strip()} if plan.out_of_range else None
        try:
            self._session.plan(plan, user=self._user, overrides=overrides)
        except (OverrideNeeded, ValueError) as error:
            self.ui.form_message.setText(str(error))
            return
        super().accept()

    def _set_up_fields(self, weight_kg: float | None) -> None:
        ui = self.ui
        profile = self._session.profile
        dose = profile.dose
        ui.header_label.setText(f"Dose for {profile.name}")
        ui.unconfirmed_label.setVisible(not profile.confirmed)
        ui.unconfirmed_label.setText("The defaults of this protocol are NOT CONFIRMED BY THE CLINIC: "
                                     "check every number")
        ui.unconfirmed_label.setProperty("attention", True)
        ui.range_label.setProperty("attention", True)
        shown = {"dose_mg", "lot"} if isinstance(dose, DeviceDose) else \
            {"weight_kg", "height_cm", "sex", "mg_per_kg", "vial_mg_per_ml"}
        if profile.administration is Administration.INFUSION:
            shown |= {"diluent_ml", "duration_min"}
        for name, prefix in FIELD_PREFIX.items():
            for part in ("label", "unit", "error"):
                getattr(ui, f"{prefix}_{part}").setVisible(name in shown)
            self.field(name).setVisible(name in shown)
        if isinstance(dose, DeviceDose):
            ui.dose_unit.setText(f"mg ({format_number(dose.device_mg)} mg per device)")
            for choice in dose.choices:
                ui.dose_combo.addItem(format_number(choice))
            ui.dose_combo.setCurrentText(format_number(dose.default))
            self._touched.add("dose_mg")
            ui.dose_combo.setFocus()
            return
        assert isinstance(dose, WeightBasedDose) and profile.preparation is not None
        if weight_kg is not None:
            ui.weight_edit.setText(format_number(weight_kg, 1))
            self._touched.add("weight_kg")
        ideal = dose.weight_basis is not WeightBasis.ACTUAL
        for widget in (ui.height_label, ui.height_edit, ui.sex_label, ui.sex_combo):
            widget.setEnabled(ideal)
            widget.setToolTip("" if ideal else "Only needed for an ideal or adjusted body weight; this "
                              "protocol doses by actual body weight")
        ui.sex_combo.addItem("female", "female")
        ui.sex_combo.addItem("male", "male")
        ui.sex_combo.setCurrentIndex(-1)
        ui.mg_per_kg_edit.setText(format_number(dose.default))
        ui.mg_per_kg_unit.setText(f"mg/kg (usual {format_number(dose.min)}–{format_number(dose.max)})")
        self._touched.add("mg_per_kg")
        preparation = profile.preparation
        for strength in preparation.vial_strengths_mg_per_ml:
            ui.vial_combo.addItem(format_number(strength), strength)
        ui.vial_combo.setCurrentIndex(preparation.vial_strengths_mg_per_ml.index(preparation.default_vial_mg_per_ml))
        infusion = profile.infusion
        if infusion is not None:
            for volume in preparation.diluent_volumes_ml:
                ui.diluent_combo.addItem(format_number(volume), volume)
            if preparation.default_diluent_ml is not None:
                ui.diluent_combo.setCurrentIndex(preparation.diluent_volumes_ml.index(preparation.default_diluent_ml))
            made_up = preparation.volume_basis == "made-up-to"
            ui.diluent_unit.setText("mL, drug made up to it" if made_up else "mL, drug added to it")
            ui.duration_edit.setText(format_number(infusion.default_duration_min))
            ui.duration_unit.setText(f"min ({format_number(infusion.min_duration_min)}–"
                                     f"{format_number(infusion.max_duration_min)})")
            self._touched.add("duration_min")
        ui.weight_edit.setFocus()

    def _connect(self) -> None:
        ui = self.ui
        for name in ("weight_kg", "height_cm", "mg_per_kg", "lot", "duration_min"):
            edit = self.field(name)
            assert isinstance(edit, QLineEdit)
            edit.textEdited.connect(lambda _text, name=name: self._edited(name))
        ui.dose_combo.editTextChanged.connect(lambda _text: self._edited("dose_mg"))
        ui.sex_combo.currentIndexChanged.connect(lambda _index: self._edited("sex"))
        ui.vial_combo.currentIndexChanged.connect(lambda _index: self._edited("vial_mg_per_ml"))
        ui.diluent_combo.currentIndexChanged.connect(lambda _index: self._edited("diluent_ml"))
        ui.reason_edit.textEdited.connect(lambda _text: self._update_confirm())

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        self._recalculate()

    def _form(self) -> DoseForm:
        ui = self.ui
        sex: Sex | None = ui.sex_combo.currentData() if ui.sex_combo.isEnabled() else None
        return DoseForm(weight_kg=ui.weight_edit.text(), height_cm=ui.height_edit.text(), sex=sex,
                        mg_per_kg=ui.mg_per_kg_edit.text(), dose_mg=ui.dose_combo.currentText(),
                        vial_mg_per_ml=ui.vial_combo.currentData(), diluent_ml=ui.diluent_combo.currentData(),
                        duration_min=ui.duration_edit.text(), lot=ui.lot_edit.text())

    def _recalculate(self) -> None:
        ui = self.ui
        self.calculation = calculate(self._session.profile, self._form())
        errors = self.calculation.errors
        for name in FIELD_PREFIX:
            message = errors.get(name) if name in self._touched else None
            show_field_message(self.field(name), self.message_label(name), message)
        plan = self.calculation.plan
        if plan is None:
            waiting = [message for name, message in errors.items() if name not in self._touched]
            arithmetic = "No dose yet.\n" + "\n".join(waiting or ["Correct the fields marked in red."])
        else:
            arithmetic = "\n".join([*plan.lines, *(f"⚠ {warning}" for warning in plan.warnings)])
        if ui.arithmetic_text.toPlainText() != arithmetic:
            ui.arithmetic_text.setPlainText(arithmetic)
        out_of_range = plan.out_of_range if plan is not None else None
        ui.range_label.setText(f"⚠ {out_of_range}. This dose can only be confirmed with a reason."
                               if out_of_range else "")
        for widget in (ui.range_label, ui.reason_label, ui.reason_edit, ui.reason_error):
            widget.setVisible(bool(out_of_range))
        self._update_confirm()

    def _reason_message(self) -> str | None:
        return text_error(self.ui.reason_edit.text().strip(), what="Reason", required=False,
                          max_length=FREE_TEXT_MAX_CHARS)

    def _confirmable(self, plan: DosePlan) -> bool:
        if not plan.out_of_range:
            return True
        return bool(self.ui.reason_edit.text().strip()) and self._reason_message() is None

    def _update_confirm(self) -> None:
        ui = self.ui
        ui.form_message.clear()
        show_field_message(ui.reason_edit, ui.reason_error, self._reason_message())
        plan = self.calculation.plan
        ready = plan is not None and self._confirmable(plan)
        self.confirm_button.setEnabled(ready)
        if plan is None:
            self.confirm_button.setToolTip("Complete the fields first")
        else:
            self.confirm_button.setToolTip("Record this dose plan" if ready else
                                           "Give the reason for this dose first")
