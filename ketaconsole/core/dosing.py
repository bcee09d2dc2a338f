"""The dose calculator: from body weight and a treatment profile to what to draw up and how fast to run it.

Every result carries the arithmetic as lines of text, so a second nurse checks the numbers rather
than trusts them (clinical reference §1.2), e.g.::

    Dose: 70 kg × 0.5 mg/kg = 35 mg
    Draw: 35 mg ÷ 10 mg/mL = 3.5 mL
    Bag: 35 mg made up to 100 mL = 0.35 mg/mL
    Pump: 100 mL over 40 min = 150 mL/h

Rounding is decimal, half away from zero, to the steps the profile names: the dose to
``dose_step_mg``, the drawn volume to ``draw_step_ml`` (what a syringe can measure), the pump rate to
``pump_rate_step_ml_h`` (what the pump accepts). The drug that goes in is what was drawn
(``prepared_mg`` = drawn volume × vial strength), and the infusion's real length follows from the
rounded pump rate. Input that cannot be right (a weight of 0, a vial the profile does not stock,
a dose above the profile's hard limit) raises :class:`DoseInputError` with a message for the nurse;
a dose outside the profile's usual range is computed but carries ``out_of_range``, which the
nurse must confirm with a reason.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from ketaconsole.core.forms import FormRules, form_rules
from ketaconsole.core.treatment_profiles import (
    Administration,
    DeviceDose,
    TreatmentProfile,
    WeightBasedDose,
    WeightBasis,
)

Sex = Literal["female", "male"]

CM_PER_INCH = 2.54
IDEAL_WEIGHT_BASE_KG: dict[Sex, float] = {"male": 50.0, "female": 45.5}
"""Devine formula: ideal body weight at 60 inches (152.4 cm) of height, by sex."""
IDEAL_WEIGHT_KG_PER_INCH = 2.3
"""Devine formula: kilograms added per inch of height above 60 inches."""


class DoseInputError(ValueError):
    """Input the calculator refuses; ``field`` names the input (``weight_kg``, ``mg_per_kg`` …) so a
    form can show the message beside it."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


@dataclass(frozen=True, slots=True)
class DoseRequest:
    """What the nurse entered. Weight in kg; height in cm and sex only needed for an ideal or adjusted
    weight basis. ``mg_per_kg`` for weight-based profiles, ``dose_mg`` for device profiles;
    ``vial_mg_per_ml`` and ``diluent_ml`` (infusions) and ``duration_min`` (infusions) default to the
    profile's; ``lot`` is the lot number of nasal devices."""

    weight_kg: float | None = None
    height_cm: float | None = None
    sex: Sex | None = None
    mg_per_kg: float | None = None
    dose_mg: float | None = None
    vial_mg_per_ml: float | None = None
    diluent_ml: float | None = None
    duration_min: float | None = None
    lot: str = ""


@dataclass(frozen=True, slots=True)
class DosePlan:
    """A calculated dose. ``prepared_mg`` is what goes into the patient when everything is given
    (the drawn volume × strength, or devices × mg per device); the dose timer counts against it.

    Infusion fields (``final_volume_ml`` … ``mg_per_kg_per_h``) are ``None`` for other
    administrations; ``devices`` is ``None`` except for nasal devices. ``out_of_range`` is the reason
    confirmation is needed, else ``None``. ``lines`` is the arithmetic in order; ``warnings`` are
    things to act on while preparing.
    """

    profile_id: str
    administration: str
    dosing_weight_kg: float | None
    weight_basis: str | None
    mg_per_kg: float | None
    dose_mg: float
    prepared_mg: float
    vial_mg_per_ml: float | None
    drawn_ml: float | None
    final_volume_ml: float | None
    concentration_mg_per_ml: float | None
    rate_ml_h: float | None
    duration_min: float | None
    mg_per_h: float | None
    mg_per_kg_per_h: float | None
    devices: int | None
    device_mg: float | None
    rest_between_devices_min: float | None
    lot: str
    out_of_range: str | None
    lines: tuple[str, ...]
    warnings: tuple[str, ...] = field(default=())

    def to_detail(self) -> dict[str, Any]:
        """The plan as a JSON object (stored with the ``dose-planned`` event)."""
        detail = asdict(self)
        detail["lines"] = list(self.lines)
        detail["warnings"] = list(self.warnings)
        return detail

    @classmethod
    def from_detail(cls, detail: dict[str, Any]) -> DosePlan:
        values = dict(detail)
        values["lines"] = tuple(values["lines"])
        values["warnings"] = tuple(values.get("warnings", ()))
        return cls(**values)


def plan_dose(profile: TreatmentProfile, request: DoseRequest, *, rules: FormRules | None = None) -> DosePlan:
    """Calculate the dose ``request`` asks for under ``profile`` (see the module docstring)."""
    rules = rules or form_rules()
    if isinstance(profile.dose, DeviceDose):
        return _plan_devices(profile, profile.dose, request)
    return _plan_weight_based(profile, profile.dose, request, rules)


def format_number(value: float, max_decimals: int = 3) -> str:
    """``value`` with at most ``max_decimals`` decimals and no trailing zeros ("35", "0.35", "52.5")."""
    text = f"{_round(value, 10.0 ** -max_decimals):.{max_decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def round_to_step(value: float, step: float) -> float:
    """``value`` rounded to a multiple of ``step`` (decimal, half away from zero)."""
    return _round(value, step)


def ideal_body_weight_kg(height_cm: float, sex: Sex) -> float:
    """Devine ideal body weight (kg) for a height in cm."""
    return IDEAL_WEIGHT_BASE_KG[sex] + IDEAL_WEIGHT_KG_PER_INCH * (height_cm / CM_PER_INCH - 60.0)


def _plan_weight_based(profile: TreatmentProfile, dose: WeightBasedDose, request: DoseRequest,
                       rules: FormRules) -> DosePlan:
    preparation = profile.preparation
    assert preparation is not None  # the profile's validator guarantees it
    weight = _required_number(request.weight_kg, "weight_kg", "Weight")
    if not rules.weight_min_kg <= weight <= rules.weight_max_kg:
        raise DoseInputError("weight_kg", f"Weight must be between {format_number(rules.weight_min_kg)} "
                             f"and {format_number(rules.weight_max_kg)} kg")
    mg_per_kg = _required_number(request.mg_per_kg, "mg_per_kg", "Dose per kg")
    if mg_per_kg <= 0:
        raise DoseInputError("mg_per_kg", "Dose per kg must be more than 0")
    if mg_per_kg > dose.hard_max:
        raise DoseInputError("mg_per_kg", f"{format_number(mg_per_kg)} mg/kg is above this protocol's "
                             f"hard limit of {format_number(dose.hard_max)} mg/kg and cannot be given "
                             "from the console")
    lines: list[str] = []
    warnings: list[str] = []
    dosing_weight = _dosing_weight(dose, weight, request, rules, lines)
    raw_mg = dosing_weight * mg_per_kg
    dose_mg = round_to_step(raw_mg, dose.dose_step_mg)
    lines.append(f"Dose: {format_number(dosing_weight)} kg × {format_number(mg_per_kg)} mg/kg = "
                 f"{format_number(raw_mg)} mg" + _rounded_note(raw_mg, dose_mg, dose.dose_step_mg, "mg"))
    if dose.max_mg and dose_mg > dose.max_mg:
        lines.append(f"Capped at the protocol's maximum of {format_number(dose.max_mg)} mg")
        dose_mg = dose.max_mg
    out_of_range = None
    if not dose.min <= mg_per_kg <= dose.max:
        out_of_range = (f"{format_number(mg_per_kg)} mg/kg is outside this protocol's usual range of "
                        f"{format_number(dose.min)}–{format_number(dose.max)} mg/kg")
    vial = request.vial_mg_per_ml
    if vial is None:
        vial = preparation.default_vial_mg_per_ml
    if vial not in preparation.vial_strengths_mg_per_ml:
        stocked = ", ".join(format_number(v) for v in preparation.vial_strengths_mg_per_ml)
        raise DoseInputError("vial_mg_per_ml", f"This protocol uses vials of {stocked} mg/mL")
    raw_ml = dose_mg / vial
    drawn_ml = round_to_step(raw_ml, preparation.draw_step_ml)
    if drawn_ml <= 0:
        raise DoseInputError("vial_mg_per_ml", f"{format_number(dose_mg)} mg is too little to measure from a "
                             f"{format_number(vial)} mg/mL vial; choose a weaker vial")
    prepared_mg = drawn_ml * vial
    lines.append(f"Draw: {format_number(dose_mg)} mg ÷ {format_number(vial)} mg/mL = "
                 f"{format_number(raw_ml)} mL"
                 + _rounded_note(raw_ml, drawn_ml, preparation.draw_step_ml, "mL"))
    if abs(prepared_mg - dose_mg) > dose.dose_step_mg / 2:
        warnings.append(f"{format_number(drawn_ml)} mL of {format_number(vial)} mg/mL holds "
                        f"{format_number(prepared_mg)} mg, not {format_number(dose_mg)} mg; a weaker vial "
                        "measures the dose more exactly")
    if preparation.dilute_first_above_mg_per_ml and vial > preparation.dilute_first_above_mg_per_ml:
        warnings.append(f"{format_number(vial)} mg/mL must be diluted before it is given")
    if profile.administration is Administration.INJECTION:
        if preparation.max_injection_ml is not None and drawn_ml > preparation.max_injection_ml:
            limit = format_number(preparation.max_injection_ml)
            warnings.append(f"{format_number(drawn_ml)} mL is more than {limit} mL for one injection site")
        return DosePlan(
            profile.id, profile.administration.value, dosing_weight, dose.weight_basis.value, mg_per_kg,
            dose_mg, prepared_mg, vial, drawn_ml, None, None, None, None, None, None, None, None, None,
            request.lot.strip(), out_of_range, tuple(lines), tuple(warnings))
    return _plan_infusion(profile, request, dose_mg=dose_mg, prepared_mg=prepared_mg, vial=vial,
                          drawn_ml=drawn_ml, dosing_weight=dosing_weight, mg_per_kg=mg_per_kg,
                          out_of_range=out_of_range, lines=lines, warnings=warnings)


def _plan_infusion(profile: TreatmentProfile, request: DoseRequest, *, dose_mg: float, prepared_mg: float,
                   vial: float, drawn_ml: float, dosing_weight: float, mg_per_kg: float,
                   out_of_range: str | None, lines: list[str], warnings: list[str]) -> DosePlan:
    preparation, infusion = profile.preparation, profile.infusion
    assert preparation is not None and infusion is not None  # the profile's validator guarantees it
    diluent = request.diluent_ml if request.diluent_ml is not None else preparation.default_diluent_ml
    if diluent not in preparation.diluent_volumes_ml:
        offered = ", ".join(format_number(v) for v in preparation.diluent_volumes_ml)
        raise DoseInputError("diluent_ml", f"This protocol makes the infusion up in {offered} mL")
    assert diluent is not None
    duration = request.duration_min if request.duration_min is not None else infusion.default_duration_min
    if not math.isfinite(duration) or not infusion.min_duration_min <= duration <= infusion.max_duration_min:
        raise DoseInputError("duration_min", "Infusion time must be between "
                             f"{format_number(infusion.min_duration_min)} and "
                             f"{format_number(infusion.max_duration_min)} min")
    if preparation.volume_basis == "made-up-to":
        final_ml = diluent
        lines.append(f"Bag: {format_number(prepared_mg)} mg made up to {format_number(final_ml)} mL = "
                     f"{format_number(prepared_mg / final_ml, 4)} mg/mL")
    else:
        final_ml = diluent + drawn_ml
        lines.append(f"Bag: {format_number(prepared_mg)} mg added to {format_number(diluent)} mL = "
                     f"{format_number(final_ml)} mL at {format_number(prepared_mg / final_ml, 4)} mg/mL")
    concentration = prepared_mg / final_ml
    raw_rate = final_ml / (duration / 60.0)
    rate = round_to_step(raw_rate, infusion.pump_rate_step_ml_h)
    real_duration = final_ml / rate * 60.0
    lines.append(f"Pump: {format_number(final_ml)} mL over {format_number(duration)} min = "
                 f"{format_number(raw_rate)} mL/h"
                 + _rounded_note(raw_rate, rate, infusion.pump_rate_step_ml_h, "mL/h"))
    if abs(real_duration - duration) > 1 / 60:
        lines.append(f"At {format_number(rate)} mL/h the infusion takes "
                     f"{format_number(real_duration, 2)} min")
    mg_per_h = rate * concentration
    lines.append(f"Check: {format_number(rate)} mL/h × {format_number(concentration, 4)} mg/mL = "
                 f"{format_number(mg_per_h)} mg/h = {format_number(mg_per_h / dosing_weight)} mg/kg/h")
    return DosePlan(
        profile.id, profile.administration.value, dosing_weight, _weight_basis(profile), mg_per_kg,
        dose_mg, prepared_mg, vial, drawn_ml, final_ml, concentration, rate, real_duration, mg_per_h,
        mg_per_h / dosing_weight, None, None, None, request.lot.strip(), out_of_range, tuple(lines),
        tuple(warnings))


def _plan_devices(profile: TreatmentProfile, dose: DeviceDose, request: DoseRequest) -> DosePlan:
    dose_mg = _required_number(request.dose_mg, "dose_mg", "Dose")
    if dose_mg <= 0:
        raise DoseInputError("dose_mg", "Dose must be more than 0 mg")
    if dose_mg > dose.hard_max_mg:
        raise DoseInputError("dose_mg", f"{format_number(dose_mg)} mg is above this protocol's hard limit of "
                             f"{format_number(dose.hard_max_mg)} mg")
    devices = dose_mg / dose.device_mg
    if abs(devices - round(devices)) > 1e-9:
        raise DoseInputError("dose_mg", "The dose must be a whole number of "
                             f"{format_number(dose.device_mg)} mg devices")
    lot = request.lot.strip()
    if dose.lot_required and not lot:
        raise DoseInputError("lot", "Enter the lot number of the devices")
    count = round(devices)
    out_of_range = None
    if dose_mg not in dose.choices:
        usual = " or ".join(format_number(choice) for choice in dose.choices)
        out_of_range = f"{format_number(dose_mg)} mg is not a usual dose of this protocol ({usual} mg)"
    lines = [f"Dose: {format_number(dose_mg)} mg ÷ {format_number(dose.device_mg)} mg per device = "
             f"{count} device{'s' if count != 1 else ''}"]
    if count > 1:
        lines.append(f"Wait {format_number(dose.rest_between_devices_min)} min between devices")
    return DosePlan(
        profile.id, profile.administration.value, None, None, None, dose_mg, dose_mg, None, None, None,
        None, None, None, None, None, count, dose.device_mg, dose.rest_between_devices_min, lot,
        out_of_range, tuple(lines), ())


def _dosing_weight(dose: WeightBasedDose, weight: float, request: DoseRequest, rules: FormRules,
                   lines: list[str]) -> float:
    if dose.weight_basis is WeightBasis.ACTUAL:
        lines.append(f"Dosing weight: {format_number(weight)} kg (actual body weight)")
        return weight
    height = _required_number(request.height_cm, "height_cm", "Height")
    if not rules.height_min_cm <= height <= rules.height_max_cm:
        raise DoseInputError("height_cm", f"Height must be between {format_number(rules.height_min_cm)} and "
                             f"{format_number(rules.height_max_cm)} cm")
    if request.sex is None:
        raise DoseInputError("sex", "Choose the sex used for the ideal body weight")
    ideal = round_to_step(ideal_body_weight_kg(height, request.sex), 0.1)
    lines.append(f"Ideal body weight ({request.sex}, {format_number(height)} cm): {format_number(ideal)} kg")
    if weight <= ideal:
        lines.append(f"Dosing weight: {format_number(weight)} kg (actual weight, not above ideal)")
        return weight
    if dose.weight_basis is WeightBasis.IDEAL:
        lines.append(f"Dosing weight: {format_number(ideal)} kg (ideal body weight)")
        return ideal
    adjusted = round_to_step(ideal + dose.adjusted_weight_factor * (weight - ideal), 0.1)
    lines.append(f"Dosing weight: {format_number(ideal)} + {format_number(dose.adjusted_weight_factor)} × "
                 f"({format_number(weight)} − {format_number(ideal)}) = {format_number(adjusted)} kg "
                 "(adjusted body weight)")
    return adjusted


def _weight_basis(profile: TreatmentProfile) -> str | None:
    return profile.dose.weight_basis.value if isinstance(profile.dose, WeightBasedDose) else None


def _required_number(value: float | None, field_name: str, label: str) -> float:
    if value is None:
        raise DoseInputError(field_name, f"Enter the {label.lower()}")
    if not math.isfinite(value):
        raise DoseInputError(field_name, f"{label} must be a number")
    return value


def _rounded_note(raw: float, rounded: float, step: float, unit: str) -> str:
    if float(f"{raw:.12g}") == rounded:  # already on the step, but for binary noise (36.7 / 10)
        return ""
    return f", rounded to {format_number(rounded)} {unit} (steps of {format_number(step)} {unit})"


def _round(value: float, step: float) -> float:
    # 12 significant digits drop binary noise (23 × 0.15 is 3.4499999999999997 in floats), so a
    # decimal half such as 3.45 rounds up as the arithmetic line shows it.
    quantum = Decimal(repr(step))
    steps = (Decimal(f"{value:.12g}") / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return float(steps * quantum)
