"""Checking the patient form: each refusal has its message, accepted details satisfy the rules."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketaconsole.core.forms import FormRules, form_rules, load_form_rules
from ketaconsole.core.patient import (
    IDENTIFIER_MAX_CHARS,
    PatientDetails,
    age_in_years,
    format_date_of_birth,
    validate_patient,
)

TODAY = date(2026, 3, 2)
RULES = form_rules()
VALID = {
    "identifier": "  MRN-0042 ",
    "name": "Ada Patient",
    "date_of_birth": "1980-05-17",
    "weight_kg": "72,5",
    "allergies": "latex",
    "notes": "prefers the window seat\nneeds a blanket",
}


def check(**changes: str) -> dict[str, str]:
    return validate_patient(VALID | changes, today=TODAY, rules=RULES).errors


def test_a_complete_form_gives_trimmed_details_with_a_decimal_comma_weight() -> None:
    result = validate_patient(VALID, today=TODAY, rules=RULES)
    assert result.errors == {}
    assert result.details == PatientDetails(
        identifier="MRN-0042", name="Ada Patient", date_of_birth=date(1980, 5, 17), weight_kg=72.5,
        allergies="latex", notes="prefers the window seat\nneeds a blanket",
    )


@pytest.mark.parametrize(("field", "typed", "message"), [
    ("identifier", "   ", "MRN/ID is required"),
    ("identifier", "MRN\x0042", "MRN/ID contains a character that cannot be used"),
    ("identifier", "MRN\u200b42", "MRN/ID contains a character that cannot be used"),
    ("identifier", "M" * (IDENTIFIER_MAX_CHARS + 1), "MRN/ID is too long: at most 64 characters"),
    ("name", "", "Name is required"),
    ("name", "Ada\nPatient", "Name contains a character that cannot be used"),
    ("date_of_birth", "", "Date of birth is required"),
    ("date_of_birth", "17/05/1980", "Use the form YYYY-MM-DD"),
    ("date_of_birth", "1980-5-17", "Use the form YYYY-MM-DD"),
    ("date_of_birth", "1980-02-30", "1980-02-30 is not a date in the calendar (form YYYY-MM-DD)"),
    ("date_of_birth", "2026-03-02", "Date of birth must be in the past"),
    ("date_of_birth", "2030-01-01", "Date of birth must be in the past"),
    ("date_of_birth", "1850-01-01", "Date of birth gives an age over 120 years: check the year"),
    ("weight_kg", "", "Weight is required"),
    ("weight_kg", "12", "Weight must be between 20 and 300 kg"),
    ("weight_kg", "300.5", "Weight must be between 20 and 300 kg"),
    ("weight_kg", "abc", "Weight must be a number of kg between 20 and 300 kg, e.g. 72.5"),
    ("weight_kg", "nan", "Weight must be a number of kg between 20 and 300 kg, e.g. 72.5"),
    ("weight_kg", "1e2", "Weight must be a number of kg between 20 and 300 kg, e.g. 72.5"),
    ("allergies", "x" * 4001, "Allergies is too long: at most 4000 characters (4001 typed)"),
])
def test_each_refusal_names_the_field_and_why(field: str, typed: str, message: str) -> None:
    errors = check(**{field: typed})
    assert list(errors) == [field]
    assert errors[field].startswith(message)
    assert validate_patient(VALID | {field: typed}, today=TODAY, rules=RULES).details is None


def test_the_limits_themselves_are_accepted() -> None:
    assert check(weight_kg="20", date_of_birth="1905-03-03") == {}, "120 years and 364 days old"
    assert check(weight_kg="300", date_of_birth="2026-03-01") == {}, "one day old"
    assert list(check(date_of_birth="1905-03-02")) == ["date_of_birth"], "121st birthday today"


def test_every_problem_is_reported_at_once_in_form_order() -> None:
    errors = validate_patient({}, today=TODAY, rules=RULES).errors
    assert list(errors) == ["identifier", "name", "date_of_birth", "weight_kg"]


def test_the_date_format_and_limits_come_from_the_rules() -> None:
    rules = load_form_rules("""
[patient]
weight_min_kg = 40
weight_max_kg = 150
height_min_cm = 120
height_max_cm = 230
max_age_years = 90
date_of_birth_format = "DD.MM.YYYY"
[[note_categories]]
id = "other"
label = "Other"
""")
    errors = validate_patient(VALID | {"date_of_birth": "1930-05-17", "weight_kg": "35"}, today=TODAY,
                              rules=rules).errors
    assert errors == {"date_of_birth": "Use the form DD.MM.YYYY",
                      "weight_kg": "Weight must be between 40 and 150 kg"}
    accepted = validate_patient(VALID | {"date_of_birth": "17.05.1980"}, today=TODAY, rules=rules).details
    assert accepted is not None and accepted.date_of_birth == date(1980, 5, 17)
    assert format_date_of_birth(date(1980, 5, 7), rules) == "07.05.1980"


dates = st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31))
weights = st.floats(allow_nan=True, allow_infinity=True)
field_text = st.one_of(
    st.text(max_size=80),
    dates.map(lambda born: born.isoformat()),
    weights.map(str),
    weights.map(lambda weight: str(weight).replace(".", ",")),
)
forms = st.fixed_dictionaries({}, optional={name: field_text for name in VALID})


def satisfies_rules(details: PatientDetails, today: date, rules: FormRules) -> bool:
    identifier_ok = (details.identifier == details.identifier.strip() and 0 < len(details.identifier) <= 64
                     and details.identifier.isprintable())
    return (
        identifier_ok
        and details.name.strip() == details.name != ""
        and details.date_of_birth is not None
        and details.date_of_birth < today
        and age_in_years(details.date_of_birth, today) <= rules.max_age_years
        and details.weight_kg is not None
        and rules.weight_min_kg <= details.weight_kg <= rules.weight_max_kg
    )


@settings(max_examples=400, deadline=None)
@given(form=forms, today=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_any_input_gives_details_that_satisfy_the_rules_or_messages(form: dict[str, str],
                                                                    today: date) -> None:
    result = validate_patient(form, today=today, rules=RULES)
    assert (result.details is None) == bool(result.errors)
    assert set(result.errors) <= set(VALID)
    assert all(isinstance(message, str) and message for message in result.errors.values())
    if result.details is not None:
        assert satisfies_rules(result.details, today, RULES)


@settings(max_examples=200, deadline=None)
@given(born=dates, weight=st.integers(min_value=20, max_value=300))
def test_a_formatted_date_of_birth_reads_back(born: date, weight: int) -> None:
    typed = VALID | {"date_of_birth": format_date_of_birth(born, RULES), "weight_kg": str(weight)}
    result = validate_patient(typed, today=TODAY, rules=RULES)
    if born < TODAY and age_in_years(born, TODAY) <= RULES.max_age_years:
        assert result.details is not None and result.details.date_of_birth == born
    else:
        assert list(result.errors) == ["date_of_birth"]
