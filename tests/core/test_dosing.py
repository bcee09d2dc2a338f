"""The dose calculator, table-driven: the 70 kg example of the clinical reference §1.2 end to end, the
vial strengths, the syringe case, every rounding step, the warnings, the weight bases, the limits, the
input it refuses, and the esketamine and IM plans."""

from __future__ import annotations

import copy
import json
import math
import tomllib
from typing import Any

import pytest

from ketaconsole.core.dosing import (
    DoseInputError,
    DosePlan,
    DoseRequest,
    format_number,
    ideal_body_weight_kg,
    plan_dose,
    round_to_step,
)
from ketaconsole.core.forms import load_form_rules
from ketaconsole.core.treatment_profiles import TreatmentProfile, parse_profile
from ketaconsole.paths import data_path


def shipped_content(profile_id: str) -> dict[str, Any]:
    return tomllib.loads(data_path("resources", "protocols", f"{profile_id}.toml").read_text("utf-8"))


def variant(profile_id: str, **tables: dict[str, Any]) -> TreatmentProfile:
    """A shipped profile with some keys of its tables changed (``dose={"max_mg": 40}``)."""
    content = copy.deepcopy(shipped_content(profile_id))
    for table, values in tables.items():
        content[table].update(values)
    return parse_profile(content, source=f"{profile_id} variant")


IV = parse_profile(shipped_content("iv-ketamine"))
IM = parse_profile(shipped_content("im-ketamine"))
ESK = parse_profile(shipped_content("esketamine-intranasal"))
IV_IDEAL = variant("iv-ketamine", dose={"weight_basis": "ideal"})
IV_ADJUSTED = variant("iv-ketamine", dose={"weight_basis": "adjusted"})


def iv(**request: Any) -> DosePlan:
    return plan_dose(IV, DoseRequest(**{"weight_kg": 70, "mg_per_kg": 0.5, **request}))


# --- the 70 kg example (clinical reference §1.2) -------------------------------------------------

def test_the_70_kg_example_end_to_end() -> None:
    plan = iv()
    assert plan.profile_id == "iv-ketamine" and plan.administration == "infusion"
    assert (plan.dosing_weight_kg, plan.weight_basis, plan.mg_per_kg) == (70, "actual", 0.5)
    assert plan.dose_mg == 35.0 and plan.prepared_mg == 35.0
    assert (plan.vial_mg_per_ml, plan.drawn_ml) == (10, 3.5)
    assert plan.final_volume_ml == 100
    assert plan.concentration_mg_per_ml == pytest.approx(0.35, abs=1e-12)
    assert plan.rate_ml_h == 150.0
    assert plan.duration_min == pytest.approx(40.0, abs=1e-9)
    assert plan.mg_per_h == pytest.approx(52.5, abs=1e-9)
    assert plan.mg_per_kg_per_h == pytest.approx(0.75, abs=1e-12)
    assert plan.devices is None and plan.device_mg is None and plan.rest_between_devices_min is None
    assert plan.out_of_range is None and plan.warnings == ()
    assert plan.lines == (
        "Dosing weight: 70 kg (actual body weight)",
        "Dose: 70 kg × 0.5 mg/kg = 35 mg",
        "Draw: 35 mg ÷ 10 mg/mL = 3.5 mL",
        "Bag: 35 mg made up to 100 mL = 0.35 mg/mL",
        "Pump: 100 mL over 40 min = 150 mL/h",
        "Check: 150 mL/h × 0.35 mg/mL = 52.5 mg/h = 0.75 mg/kg/h",
    )


@pytest.mark.parametrize(("vial", "drawn_ml", "draw_line", "warnings"), [
    (10, 3.5, "Draw: 35 mg ÷ 10 mg/mL = 3.5 mL", ()),
    (50, 0.7, "Draw: 35 mg ÷ 50 mg/mL = 0.7 mL", ()),
    (100, 0.35, "Draw: 35 mg ÷ 100 mg/mL = 0.35 mL", ("100 mg/mL must be diluted before it is given",)),
], ids=["10-mg-per-ml", "50-mg-per-ml", "100-mg-per-ml-dilute-first"])
def test_vial_volumes_of_the_70_kg_example(vial: float, drawn_ml: float, draw_line: str,
                                           warnings: tuple[str, ...]) -> None:
    plan = iv(vial_mg_per_ml=vial)
    assert plan.vial_mg_per_ml == vial
    assert plan.drawn_ml == drawn_ml
    assert plan.prepared_mg == pytest.approx(35.0, abs=1e-9)
    assert draw_line in plan.lines
    assert plan.warnings == warnings
    # The bag and the pump do not depend on the vial.
    assert plan.rate_ml_h == 150.0 and plan.mg_per_h == pytest.approx(52.5)


def test_the_default_vial_is_the_profiles() -> None:
    assert iv().vial_mg_per_ml == IV.preparation.default_vial_mg_per_ml == 10


def test_the_50_ml_syringe_runs_at_75_ml_per_hour() -> None:
    plan = iv(diluent_ml=50)
    assert plan.final_volume_ml == 50
    assert plan.concentration_mg_per_ml == pytest.approx(0.7)
    assert plan.rate_ml_h == 75.0
    assert plan.mg_per_h == pytest.approx(52.5)
    assert plan.mg_per_kg_per_h == pytest.approx(0.75)
    assert "Bag: 35 mg made up to 50 mL = 0.7 mg/mL" in plan.lines
    assert "Pump: 50 mL over 40 min = 75 mL/h" in plan.lines
    assert "Check: 75 mL/h × 0.7 mg/mL = 52.5 mg/h = 0.75 mg/kg/h" in plan.lines


# --- rounding -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("weight", "mg_per_kg", "dose_mg", "dose_line"), [
    (70, 0.5, 35.0, "Dose: 70 kg × 0.5 mg/kg = 35 mg"),
    (73.3, 0.5, 36.7, "Dose: 73.3 kg × 0.5 mg/kg = 36.65 mg, rounded to 36.7 mg (steps of 0.1 mg)"),
    (23, 0.15, 3.5, "Dose: 23 kg × 0.15 mg/kg = 3.45 mg, rounded to 3.5 mg (steps of 0.1 mg)"),
    (20.5, 0.3, 6.2, "Dose: 20.5 kg × 0.3 mg/kg = 6.15 mg, rounded to 6.2 mg (steps of 0.1 mg)"),
    (70.12, 0.5, 35.1, "Dose: 70.12 kg × 0.5 mg/kg = 35.06 mg, rounded to 35.1 mg (steps of 0.1 mg)"),
    (70.08, 0.5, 35.0, "Dose: 70.08 kg × 0.5 mg/kg = 35.04 mg, rounded to 35 mg (steps of 0.1 mg)"),
], ids=["exact", "half-up", "half-up-through-float-noise", "half-up-6.15", "up", "down"])
def test_the_dose_is_rounded_half_up_to_a_tenth_of_a_mg(weight: float, mg_per_kg: float, dose_mg: float,
                                                        dose_line: str) -> None:
    plan = iv(weight_kg=weight, mg_per_kg=mg_per_kg)
    assert plan.dose_mg == dose_mg
    assert dose_line in plan.lines


@pytest.mark.parametrize(("weight", "vial", "drawn_ml", "prepared_mg", "draw_line"), [
    (73.4, 10, 3.67, 36.7, "Draw: 36.7 mg ÷ 10 mg/mL = 3.67 mL"),
    (73, 100, 0.37, 37.0, "Draw: 36.5 mg ÷ 100 mg/mL = 0.365 mL, rounded to 0.37 mL (steps of 0.01 mL)"),
    (73.3, 50, 0.73, 36.5, "Draw: 36.7 mg ÷ 50 mg/mL = 0.734 mL, rounded to 0.73 mL (steps of 0.01 mL)"),
    (73.1, 50, 0.73, 36.5, "Draw: 36.6 mg ÷ 50 mg/mL = 0.732 mL, rounded to 0.73 mL (steps of 0.01 mL)"),
    (73.9, 50, 0.74, 37.0, "Draw: 37 mg ÷ 50 mg/mL = 0.74 mL"),
], ids=["exact-no-note", "half-up", "down", "down-2", "exact-50"])
def test_the_drawn_volume_is_rounded_to_a_hundredth_of_a_ml_and_the_prepared_dose_follows(
        weight: float, vial: float, drawn_ml: float, prepared_mg: float, draw_line: str) -> None:
    plan = iv(weight_kg=weight, vial_mg_per_ml=vial)
    assert plan.drawn_ml == drawn_ml
    assert plan.prepared_mg == pytest.approx(prepared_mg, abs=1e-9)
    assert draw_line in plan.lines
    # The bag holds what was drawn, not the ordered dose.
    assert plan.concentration_mg_per_ml == pytest.approx(prepared_mg / 100)
    assert f"Bag: {format_number(prepared_mg)} mg made up to 100 mL" in plan.lines[3]


@pytest.mark.parametrize(("diluent", "duration", "rate", "pump_line", "extra_line"), [
    (100, 40, 150.0, "Pump: 100 mL over 40 min = 150 mL/h", None),
    (100, 45, 133.3, "Pump: 100 mL over 45 min = 133.333 mL/h, rounded to 133.3 mL/h (steps of 0.1 mL/h)",
     None),
    (100, 64, 93.8, "Pump: 100 mL over 64 min = 93.75 mL/h, rounded to 93.8 mL/h (steps of 0.1 mL/h)",
     "At 93.8 mL/h the infusion takes 63.97 min"),
    (100, 35, 171.4, "Pump: 100 mL over 35 min = 171.429 mL/h, rounded to 171.4 mL/h (steps of 0.1 mL/h)",
     None),
    (50, 16, 187.5, "Pump: 50 mL over 16 min = 187.5 mL/h", None),
    (250, 40, 375.0, "Pump: 250 mL over 40 min = 375 mL/h", None),
    (50, 97, 30.9, "Pump: 50 mL over 97 min = 30.928 mL/h, rounded to 30.9 mL/h (steps of 0.1 mL/h)",
     "At 30.9 mL/h the infusion takes 97.09 min"),
], ids=["exact", "down", "half-up", "down-2", "syringe-exact", "250-ml", "real-duration-noted"])
def test_the_pump_rate_is_rounded_to_the_pumps_step_and_the_duration_follows(
        diluent: float, duration: float, rate: float, pump_line: str, extra_line: str | None) -> None:
    plan = iv(diluent_ml=diluent, duration_min=duration)
    assert plan.rate_ml_h == rate
    assert pump_line in plan.lines
    assert plan.duration_min == pytest.approx(diluent / rate * 60)
    assert plan.mg_per_h == pytest.approx(rate * 35 / diluent)
    assert plan.mg_per_kg_per_h == pytest.approx(rate * 35 / diluent / 70)
    noted = [line for line in plan.lines if line.startswith("At ")]
    assert noted == ([extra_line] if extra_line else [])
    # The pump at the rounded rate delivers what was prepared over the real duration.
    assert plan.mg_per_h * plan.duration_min / 60 == pytest.approx(plan.prepared_mg)


@pytest.mark.parametrize(("value", "step", "expected"), [
    (36.65, 0.1, 36.7), (36.64999, 0.1, 36.6), (3.4499999999999997, 0.1, 3.5), (0.365, 0.01, 0.37),
    (0.3649, 0.01, 0.36), (93.75, 0.1, 93.8), (-2.25, 0.1, -2.3), (7.0, 0.5, 7.0), (7.25, 0.5, 7.5),
    (7.2, 0.5, 7.0), (0.004, 0.01, 0.0),
], ids=lambda value: repr(value))
def test_round_to_step(value: float, step: float, expected: float) -> None:
    assert round_to_step(value, step) == expected


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (35.0, 3, "35"), (0.35, 3, "0.35"), (52.5, 3, "52.5"), (133.33333, 3, "133.333"), (0.36700000000000005, 4,
    "0.367"), (0.33816425, 4, "0.3382"), (100.0, 3, "100"), (3.4499999999999997, 3, "3.45"),
], ids=lambda value: repr(value))
def test_format_number_drops_trailing_zeros(value: float, decimals: int, text: str) -> None:
    assert format_number(value, decimals) == text


# --- warnings -------------------------------------------------------------------------------------

def test_a_vial_too_strong_to_measure_the_dose_exactly_is_warned_about() -> None:
    plan = iv(weight_kg=73.3, vial_mg_per_ml=50)
    assert plan.dose_mg == 36.7 and plan.prepared_mg == pytest.approx(36.5)
    assert plan.warnings == ("0.73 mL of 50 mg/mL holds 36.5 mg, not 36.7 mg; a weaker vial measures "
                             "the dose more exactly",)
    strong = iv(weight_kg=73, vial_mg_per_ml=100)
    assert strong.warnings == (
        "0.37 mL of 100 mg/mL holds 37 mg, not 36.5 mg; a weaker vial measures the dose more exactly",
        "100 mg/mL must be diluted before it is given",
    )


def test_no_dilution_warning_when_the_profile_has_no_rule() -> None:
    plan = plan_dose(IM, DoseRequest(weight_kg=70, mg_per_kg=0.5, vial_mg_per_ml=100))
    assert plan.drawn_ml == 0.35
    assert plan.warnings == ()


def test_added_to_volume_basis_counts_the_drug_in_the_final_volume() -> None:
    added = variant("iv-ketamine", preparation={"volume_basis": "added-to"})
    plan = plan_dose(added, DoseRequest(weight_kg=70, mg_per_kg=0.5))
    assert plan.final_volume_ml == pytest.approx(103.5)
    assert plan.concentration_mg_per_ml == pytest.approx(35 / 103.5)
    assert plan.rate_ml_h == 155.3
    assert plan.duration_min == pytest.approx(103.5 / 155.3 * 60)
    assert plan.lines[3:] == (
        "Bag: 35 mg added to 100 mL = 103.5 mL at 0.3382 mg/mL",
        "Pump: 103.5 mL over 40 min = 155.25 mL/h, rounded to 155.3 mL/h (steps of 0.1 mL/h)",
        "Check: 155.3 mL/h × 0.3382 mg/mL = 52.517 mg/h = 0.75 mg/kg/h",
    )
    # Same dose as made up to the bag volume, but a slower-looking concentration and faster pump.
    assert plan.prepared_mg == iv().prepared_mg
    assert plan.rate_ml_h > iv().rate_ml_h


# --- weight basis ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("height", "sex", "ideal"), [
    (152.4, "male", 50.0), (152.4, "female", 45.5), (177.8, "male", 73.0), (177.8, "female", 68.5),
    (180, "male", 74.992), (165, "female", 56.909),
], ids=["60in-male", "60in-female", "70in-male", "70in-female", "180cm-male", "165cm-female"])
def test_devine_ideal_body_weight(height: float, sex: Any, ideal: float) -> None:
    assert ideal_body_weight_kg(height, sex) == pytest.approx(ideal, abs=1e-3)


@pytest.mark.parametrize(("profile", "weight", "height", "sex", "dosing_weight", "dose_mg", "lines"), [
    (IV_IDEAL, 100, 180, "male", 75.0, 37.5, (
        "Ideal body weight (male, 180 cm): 75 kg",
        "Dosing weight: 75 kg (ideal body weight)",
        "Dose: 75 kg × 0.5 mg/kg = 37.5 mg")),
    (IV_IDEAL, 90, 165, "female", 56.9, 28.5, (
        "Ideal body weight (female, 165 cm): 56.9 kg",
        "Dosing weight: 56.9 kg (ideal body weight)",
        "Dose: 56.9 kg × 0.5 mg/kg = 28.45 mg, rounded to 28.5 mg (steps of 0.1 mg)")),
    (IV_ADJUSTED, 120, 180, "male", 93.0, 46.5, (
        "Ideal body weight (male, 180 cm): 75 kg",
        "Dosing weight: 75 + 0.4 × (120 − 75) = 93 kg (adjusted body weight)",
        "Dose: 93 kg × 0.5 mg/kg = 46.5 mg")),
    (IV_IDEAL, 60, 180, "male", 60.0, 30.0, (
        "Ideal body weight (male, 180 cm): 75 kg",
        "Dosing weight: 60 kg (actual weight, not above ideal)",
        "Dose: 60 kg × 0.5 mg/kg = 30 mg")),
    (IV_ADJUSTED, 75, 180, "male", 75.0, 37.5, (
        "Ideal body weight (male, 180 cm): 75 kg",
        "Dosing weight: 75 kg (actual weight, not above ideal)",
        "Dose: 75 kg × 0.5 mg/kg = 37.5 mg")),
], ids=["ideal-male", "ideal-female", "adjusted", "ideal-but-lighter", "adjusted-at-ideal"])
def test_ideal_and_adjusted_body_weight(profile: TreatmentProfile, weight: float, height: float, sex: Any,
                                        dosing_weight: float, dose_mg: float, lines: tuple[str, ...]) -> None:
    plan = plan_dose(profile, DoseRequest(weight_kg=weight, height_cm=height, sex=sex, mg_per_kg=0.5))
    assert plan.dosing_weight_kg == dosing_weight
    assert plan.weight_basis == profile.dose.weight_basis.value
    assert plan.dose_mg == dose_mg
    assert plan.lines[:3] == lines
    assert plan.mg_per_kg_per_h == pytest.approx(plan.mg_per_h / dosing_weight)


def test_actual_weight_basis_needs_no_height_or_sex() -> None:
    plan = iv(weight_kg=120)
    assert plan.dosing_weight_kg == 120 and plan.dose_mg == 60
    assert not any(line.startswith("Ideal") for line in plan.lines)


# --- limits ---------------------------------------------------------------------------------------

def test_the_mg_cap_limits_the_total_dose() -> None:
    capped = variant("iv-ketamine", dose={"max_mg": 40})
    plan = plan_dose(capped, DoseRequest(weight_kg=100, mg_per_kg=0.5))
    assert plan.dose_mg == 40 and plan.drawn_ml == 4.0 and plan.prepared_mg == 40
    assert plan.lines[1:3] == ("Dose: 100 kg × 0.5 mg/kg = 50 mg",
                               "Capped at the protocol's maximum of 40 mg")
    below = plan_dose(capped, DoseRequest(weight_kg=70, mg_per_kg=0.5))
    assert below.dose_mg == 35 and not any("Capped" in line for line in below.lines)


@pytest.mark.parametrize(("mg_per_kg", "out_of_range"), [
    (0.05, "0.05 mg/kg is outside this protocol's usual range of 0.1–0.75 mg/kg"),
    (0.1, None),
    (0.5, None),
    (0.75, None),
    (0.8, "0.8 mg/kg is outside this protocol's usual range of 0.1–0.75 mg/kg"),
    (1.0, "1 mg/kg is outside this protocol's usual range of 0.1–0.75 mg/kg"),
], ids=["below", "at-min", "default", "at-max", "above", "at-hard-max"])
def test_a_dose_outside_the_soft_range_is_computed_but_flagged(mg_per_kg: float,
                                                               out_of_range: str | None) -> None:
    plan = iv(mg_per_kg=mg_per_kg)
    assert plan.out_of_range == out_of_range
    assert plan.dose_mg == round_to_step(70 * mg_per_kg, 0.1)


@pytest.mark.parametrize(("profile", "mg_per_kg", "message"), [
    (IV, 1.01, "1.01 mg/kg is above this protocol's hard limit of 1 mg/kg and cannot be given from the "
     "console"),
    (IV, 5, "5 mg/kg is above this protocol's hard limit of 1 mg/kg and cannot be given from the console"),
    (IM, 1.6, "1.6 mg/kg is above this protocol's hard limit of 1.5 mg/kg and cannot be given from the "
     "console"),
], ids=["iv-just-above", "iv-typing-slip", "im"])
def test_a_dose_above_the_hard_limit_is_refused(profile: TreatmentProfile, mg_per_kg: float,
                                                message: str) -> None:
    with pytest.raises(DoseInputError) as caught:
        plan_dose(profile, DoseRequest(weight_kg=70, mg_per_kg=mg_per_kg))
    assert caught.value.field == "mg_per_kg"
    assert str(caught.value) == message


# --- impossible input -----------------------------------------------------------------------------

WEIGHT_RANGE = "Weight must be between 20 and 300 kg"
DURATION_RANGE = "Infusion time must be between 2 and 100 min"


@pytest.mark.parametrize(("profile", "request_", "field", "message"), [
    (IV, {"weight_kg": None}, "weight_kg", "Enter the weight"),
    (IV, {"weight_kg": 0}, "weight_kg", WEIGHT_RANGE),
    (IV, {"weight_kg": -70}, "weight_kg", WEIGHT_RANGE),
    (IV, {"weight_kg": math.nan}, "weight_kg", "Weight must be a number"),
    (IV, {"weight_kg": math.inf}, "weight_kg", "Weight must be a number"),
    (IV, {"weight_kg": 19.9}, "weight_kg", WEIGHT_RANGE),
    (IV, {"weight_kg": 300.1}, "weight_kg", WEIGHT_RANGE),
    (IV, {"weight_kg": 700}, "weight_kg", WEIGHT_RANGE),
    (IV, {"mg_per_kg": None}, "mg_per_kg", "Enter the dose per kg"),
    (IV, {"mg_per_kg": 0}, "mg_per_kg", "Dose per kg must be more than 0"),
    (IV, {"mg_per_kg": -0.5}, "mg_per_kg", "Dose per kg must be more than 0"),
    (IV, {"mg_per_kg": math.nan}, "mg_per_kg", "Dose per kg must be a number"),
    (IV, {"mg_per_kg": math.inf}, "mg_per_kg", "Dose per kg must be a number"),
    (IV, {"vial_mg_per_ml": 25}, "vial_mg_per_ml", "This protocol uses vials of 10, 50, 100 mg/mL"),
    (IV, {"vial_mg_per_ml": 0}, "vial_mg_per_ml", "This protocol uses vials of 10, 50, 100 mg/mL"),
    (IV, {"vial_mg_per_ml": math.nan}, "vial_mg_per_ml", "This protocol uses vials of 10, 50, 100 mg/mL"),
    (IV, {"weight_kg": 20, "mg_per_kg": 0.01, "vial_mg_per_ml": 100}, "vial_mg_per_ml",
     "0.2 mg is too little to measure from a 100 mg/mL vial; choose a weaker vial"),
    (IV, {"diluent_ml": 75}, "diluent_ml", "This protocol makes the infusion up in 50, 100, 250 mL"),
    (IV, {"diluent_ml": 0}, "diluent_ml", "This protocol makes the infusion up in 50, 100, 250 mL"),
    (IV, {"diluent_ml": math.nan}, "diluent_ml", "This protocol makes the infusion up in 50, 100, 250 mL"),
    (IV, {"duration_min": 1.9}, "duration_min", DURATION_RANGE),
    (IV, {"duration_min": 100.5}, "duration_min", DURATION_RANGE),
    (IV, {"duration_min": 0}, "duration_min", DURATION_RANGE),
    (IV, {"duration_min": -40}, "duration_min", DURATION_RANGE),
    (IV, {"duration_min": math.nan}, "duration_min", DURATION_RANGE),
    (IV, {"duration_min": math.inf}, "duration_min", DURATION_RANGE),
    (IV_IDEAL, {"sex": "male"}, "height_cm", "Enter the height"),
    (IV_IDEAL, {"sex": "male", "height_cm": 119}, "height_cm", "Height must be between 120 and 230 cm"),
    (IV_IDEAL, {"sex": "male", "height_cm": 231}, "height_cm", "Height must be between 120 and 230 cm"),
    (IV_IDEAL, {"sex": "male", "height_cm": 0}, "height_cm", "Height must be between 120 and 230 cm"),
    (IV_IDEAL, {"sex": "male", "height_cm": math.nan}, "height_cm", "Height must be a number"),
    (IV_ADJUSTED, {"height_cm": 175}, "sex", "Choose the sex used for the ideal body weight"),
], ids=lambda value: value if isinstance(value, str) else None)
def test_impossible_input_is_refused_with_a_message_for_its_field(profile: TreatmentProfile,
                                                                  request_: dict[str, Any], field: str,
                                                                  message: str) -> None:
    with pytest.raises(DoseInputError) as caught:
        plan_dose(profile, DoseRequest(**{"weight_kg": 70, "mg_per_kg": 0.5, **request_}))
    assert caught.value.field == field
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("weight", [20, 300], ids=["min", "max"])
def test_the_form_weight_limits_are_inclusive(weight: float) -> None:
    assert iv(weight_kg=weight).dosing_weight_kg == weight


@pytest.mark.parametrize("duration", [2, 100], ids=["min", "max"])
def test_the_duration_limits_are_inclusive(duration: float) -> None:
    plan = iv(duration_min=duration)
    assert plan.duration_min == pytest.approx(duration, rel=1e-3)


def test_the_weight_limits_come_from_the_form_rules_given() -> None:
    text = data_path("resources", "forms.toml").read_text("utf-8")
    rules = load_form_rules(text.replace("weight_max_kg = 300", "weight_max_kg = 150"))
    with pytest.raises(DoseInputError, match="between 20 and 150 kg") as caught:
        plan_dose(IV, DoseRequest(weight_kg=160, mg_per_kg=0.5), rules=rules)
    assert caught.value.field == "weight_kg"
    assert plan_dose(IV, DoseRequest(weight_kg=160, mg_per_kg=0.5)).dose_mg == 80


# --- esketamine devices ---------------------------------------------------------------------------

@pytest.mark.parametrize(("dose_mg", "devices", "lines", "out_of_range"), [
    (56, 2, ("Dose: 56 mg ÷ 28 mg per device = 2 devices", "Wait 5 min between devices"), None),
    (84, 3, ("Dose: 84 mg ÷ 28 mg per device = 3 devices", "Wait 5 min between devices"), None),
    (28, 1, ("Dose: 28 mg ÷ 28 mg per device = 1 device",),
     "28 mg is not a usual dose of this protocol (56 or 84 mg)"),
], ids=["56-mg", "84-mg", "28-mg-unusual"])
def test_esketamine_doses_are_whole_devices(dose_mg: float, devices: int, lines: tuple[str, ...],
                                           out_of_range: str | None) -> None:
    plan = plan_dose(ESK, DoseRequest(dose_mg=dose_mg, lot=" LOT-42 "))
    assert plan.administration == "devices"
    assert plan.devices == devices and plan.device_mg == 28 and plan.rest_between_devices_min == 5
    assert plan.dose_mg == plan.prepared_mg == dose_mg
    assert plan.lot == "LOT-42"
    assert plan.lines == lines
    assert plan.out_of_range == out_of_range
    assert plan.rate_ml_h is None and plan.drawn_ml is None and plan.dosing_weight_kg is None


@pytest.mark.parametrize(("request_", "field", "message"), [
    ({"dose_mg": 70}, "dose_mg", "The dose must be a whole number of 28 mg devices"),
    ({"dose_mg": 112}, "dose_mg", "112 mg is above this protocol's hard limit of 84 mg"),
    ({"dose_mg": 85}, "dose_mg", "85 mg is above this protocol's hard limit of 84 mg"),
    ({"dose_mg": None}, "dose_mg", "Enter the dose"),
    ({"dose_mg": 0}, "dose_mg", "Dose must be more than 0 mg"),
    ({"dose_mg": -28}, "dose_mg", "Dose must be more than 0 mg"),
    ({"dose_mg": math.nan}, "dose_mg", "Dose must be a number"),
    ({"dose_mg": 56, "lot": ""}, "lot", "Enter the lot number of the devices"),
    ({"dose_mg": 56, "lot": "   "}, "lot", "Enter the lot number of the devices"),
], ids=["70-not-whole", "112-hard-max", "85-hard-max", "none", "zero", "negative", "nan", "no-lot",
        "blank-lot"])
def test_esketamine_refusals(request_: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(DoseInputError) as caught:
        plan_dose(ESK, DoseRequest(**{"lot": "LOT-42", **request_}))
    assert caught.value.field == field
    assert str(caught.value) == message


def test_a_lot_is_optional_when_the_profile_says_so() -> None:
    relaxed = variant("esketamine-intranasal", dose={"lot_required": False})
    assert plan_dose(relaxed, DoseRequest(dose_mg=56)).lot == ""


# --- intramuscular --------------------------------------------------------------------------------

def test_an_im_plan_has_a_volume_and_no_infusion() -> None:
    plan = plan_dose(IM, DoseRequest(weight_kg=70, mg_per_kg=0.5))
    assert plan.administration == "injection"
    assert (plan.dose_mg, plan.vial_mg_per_ml, plan.drawn_ml, plan.prepared_mg) == (35, 50, 0.7, 35)
    assert plan.final_volume_ml is None and plan.rate_ml_h is None and plan.duration_min is None
    assert plan.mg_per_h is None and plan.devices is None
    assert plan.lines == ("Dosing weight: 70 kg (actual body weight)", "Dose: 70 kg × 0.5 mg/kg = 35 mg",
                          "Draw: 35 mg ÷ 50 mg/mL = 0.7 mL")
    assert plan.warnings == ()


@pytest.mark.parametrize(("weight", "vial", "warned"), [
    (70, 10, True), (50, 10, False), (50.5, 10, True), (70, 50, False),
], ids=["7-ml", "5-ml-exactly", "5.05-ml", "1.4-ml"])
def test_an_im_volume_above_the_site_limit_is_warned_about(weight: float, vial: float, warned: bool) -> None:
    plan = plan_dose(IM, DoseRequest(weight_kg=weight, mg_per_kg=1.0, vial_mg_per_ml=vial))
    expected = (f"{format_number(plan.drawn_ml)} mL is more than 5 mL for one injection site",)
    assert plan.warnings == (expected if warned else ())


def test_im_ignores_diluent_and_duration() -> None:
    plan = plan_dose(IM, DoseRequest(weight_kg=70, mg_per_kg=0.5, diluent_ml=75, duration_min=1))
    assert plan.drawn_ml == 0.7


# --- the plan as stored ---------------------------------------------------------------------------

@pytest.mark.parametrize("plan", [
    iv(),
    iv(weight_kg=73.3, vial_mg_per_ml=100, mg_per_kg=0.8),
    plan_dose(ESK, DoseRequest(dose_mg=84, lot="L1")),
    plan_dose(IM, DoseRequest(weight_kg=70, mg_per_kg=1.0, vial_mg_per_ml=10)),
], ids=["iv", "iv-warnings-out-of-range", "esketamine", "im-warning"])
def test_a_plan_survives_json(plan: DosePlan) -> None:
    detail = json.loads(json.dumps(plan.to_detail()))
    assert isinstance(detail["lines"], list)
    restored = DosePlan.from_detail(detail)
    assert restored == plan
    assert restored.lines == plan.lines and isinstance(restored.lines, tuple)
    assert restored.warnings == plan.warnings and isinstance(restored.warnings, tuple)


def test_a_stored_plan_without_warnings_still_loads() -> None:
    detail = iv().to_detail()
    del detail["warnings"]
    assert DosePlan.from_detail(detail).warnings == ()
