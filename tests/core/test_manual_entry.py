"""Checking hand-entered vital signs: registry ranges, the blood-pressure pair, all-or-nothing."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketaconsole.core.clock import Stamp
from ketaconsole.core.manual_entry import (
    FORM_ERROR,
    MANUAL_PARAMETERS,
    display_unit,
    validate_manual_vitals,
)
from ketaconsole.core.parameters import parameter

STAMP = Stamp(datetime(2026, 3, 2, 9, 15, tzinfo=UTC), 42_000_000_000)


def check(**values: str):
    return validate_manual_vitals(values, user="Nurse Anna", stamp=STAMP)


def test_entered_values_become_manual_observations_in_form_order() -> None:
    result = check(TEMP="36,8", HR="72", NIBP_SYS="120", NIBP_DIA="80", SPO2="", RR=" ")
    assert result.errors == {}
    assert [(o.parameter, o.value) for o in result.observations] == [
        ("HR", 72.0), ("NIBP_SYS", 120.0), ("NIBP_DIA", 80.0), ("TEMP", 36.8)]
    for observation in result.observations:
        assert observation.manual
        assert observation.source == "Nurse Anna"
        assert observation.received == STAMP
        assert observation.absent_reason is None


@pytest.mark.parametrize(("values", "field", "message"), [
    ({"SPO2": "140"}, "SPO2", "SpO2 must be between 50 and 100 %"),
    ({"HR": "abc"}, "HR", "Heart rate (ECG) must be a number (20–300 /min)"),
    ({"HR": "nan"}, "HR", "Heart rate (ECG) must be a number (20–300 /min)"),
    ({"HR": "inf"}, "HR", "Heart rate (ECG) must be a number (20–300 /min)"),
    ({"TEMP": "-5"}, "TEMP", "Temperature must be between 10 and 45 °C"),
    ({"ETCO2": "151"}, "ETCO2", "End-tidal CO2 must be between 0 and 150 mmHg"),
    ({"NIBP_SYS": "80", "NIBP_DIA": "120"}, "NIBP_SYS", "Systolic (80) must be higher than diastolic (120)"),
    ({"NIBP_SYS": "120", "NIBP_DIA": "120"}, "NIBP_SYS",
     "Systolic (120) must be higher than diastolic (120)"),
    ({"NIBP_SYS": "120"}, "NIBP_DIA", "Enter the diastolic pressure too (or clear the systolic)"),
    ({"NIBP_DIA": "80"}, "NIBP_SYS", "Enter the systolic pressure too (or clear the diastolic)"),
    ({"NIBP_SYS": "400", "NIBP_DIA": "80"}, "NIBP_SYS", "NIBP systolic must be between 40 and 300 mmHg"),
    ({}, FORM_ERROR, "Enter at least one value"),
    ({"HR": "  "}, FORM_ERROR, "Enter at least one value"),
])
def test_each_refusal_is_reported_on_its_field(values: dict[str, str], field: str, message: str) -> None:
    result = check(**values)
    assert result.errors == {field: message}
    assert result.observations == []


def test_one_bad_value_refuses_every_value() -> None:
    result = check(HR="72", SPO2="140", RR="12")
    assert result.errors == {"SPO2": "SpO2 must be between 50 and 100 %"}
    assert result.observations == []


def test_caller_mistakes_are_errors_not_messages() -> None:
    with pytest.raises(ValueError, match="PR"):
        validate_manual_vitals({"PR": "70"}, user="Anna", stamp=STAMP)
    with pytest.raises(ValueError, match="name of the person"):
        validate_manual_vitals({"HR": "70"}, user=" ", stamp=STAMP)


def test_units_read_as_a_nurse_writes_them() -> None:
    assert [display_unit(parameter(key).unit) for key in MANUAL_PARAMETERS] == [
        "/min", "%", "mmHg", "mmHg", "/min", "°C", "mmHg"]


values_text = st.one_of(
    st.text(max_size=12),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(min_value=-50, max_value=400).map(str),
)


@settings(max_examples=400, deadline=None)
@given(values=st.fixed_dictionaries({}, optional=dict.fromkeys(MANUAL_PARAMETERS, values_text)))
def test_any_input_gives_plausible_manual_observations_or_messages(values: dict[str, str]) -> None:
    result = validate_manual_vitals(values, user="Anna", stamp=STAMP)
    assert not (result.errors and result.observations)
    assert result.errors or result.observations
    entered = {key for key, text in values.items() if text.strip()}
    if result.observations:
        assert {o.parameter for o in result.observations} == entered
    for observation in result.observations:
        assert observation.manual and observation.value is not None and math.isfinite(observation.value)
        assert parameter(observation.parameter).is_plausible(observation.value)
    by_key = {o.parameter: o.value for o in result.observations}
    if "NIBP_SYS" in by_key or "NIBP_DIA" in by_key:
        assert by_key["NIBP_SYS"] > by_key["NIBP_DIA"]
