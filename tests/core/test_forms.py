"""The form rules: the shipped ``resources/forms.toml`` and what a malformed one is refused for."""

from __future__ import annotations

import pytest

from ketaconsole.core.forms import FormRules, form_rules, load_form_rules

VALID = """
[patient]
weight_min_kg = 20
weight_max_kg = 300
height_min_cm = 120
height_max_cm = 230
max_age_years = 120
date_of_birth_format = "DD.MM.YYYY"

[[note_categories]]
id = "medication"
label = "Medication given"
"""


def test_the_shipped_rules_hold_the_clinic_defaults() -> None:
    rules = form_rules()
    assert (rules.weight_min_kg, rules.weight_max_kg, rules.max_age_years) == (20, 300, 120)
    assert (rules.height_min_cm, rules.height_max_cm) == (120, 230)
    assert rules.date_of_birth_format == "YYYY-MM-DD"
    ids = [category_id for category_id, _ in rules.note_categories]
    assert ids == ["medication", "patient-comment", "intervention", "other"]


def test_another_date_format_gives_its_own_pattern() -> None:
    pattern = load_form_rules(VALID).date_of_birth_pattern()
    match = pattern.fullmatch("17.05.1980")
    assert match is not None and (match["year"], match["month"], match["day"]) == ("1980", "05", "17")
    assert pattern.fullmatch("1980-05-17") is None


@pytest.mark.parametrize(("change", "complaint"), [
    ({"weight_min_kg": 0.0}, "weight range"),
    ({"weight_min_kg": 301.0}, "weight range"),
    ({"height_min_cm": 0.0}, "height range"),
    ({"height_min_cm": 231.0}, "height range"),
    ({"max_age_years": 0}, "max_age_years"),
    ({"date_of_birth_format": "YYYY-MM"}, "DD exactly once"),
    ({"note_categories": ()}, "at least one"),
    ({"note_categories": (("a", "A"), ("a", "B"))}, "unique"),
    ({"note_categories": (("a", " "),)}, "an id and a label"),
])
def test_malformed_rules_are_refused(change: dict, complaint: str) -> None:
    fields = {"weight_min_kg": 20.0, "weight_max_kg": 300.0, "height_min_cm": 120.0, "height_max_cm": 230.0,
              "max_age_years": 120,
              "date_of_birth_format": "YYYY-MM-DD", "note_categories": (("other", "Other"),)} | change
    with pytest.raises(ValueError, match=complaint):
        FormRules(**fields)
