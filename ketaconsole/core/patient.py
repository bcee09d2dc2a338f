"""The patient details of a session, checked field by field (Qt-free).

:func:`validate_patient` takes the text of each field as typed and returns either the checked
:class:`PatientDetails` or, per field, a message for the nurse; never both. The clinical limits
(weight range, oldest age, date format) come from :class:`~ketaconsole.core.forms.FormRules`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ketaconsole.core.form_text import FREE_TEXT_MAX_CHARS, parse_decimal, text_error
from ketaconsole.core.forms import FormRules

IDENTIFIER_MAX_CHARS = 64
"""Longest MRN/ID, in characters: the width of ``patients.identifier``."""
NAME_MAX_CHARS = 200
"""Longest patient name, in characters: the width of ``patients.name``."""

PATIENT_FIELDS = ("identifier", "name", "date_of_birth", "weight_kg", "allergies", "notes")
"""The field names of the patient form, in the order it shows them."""


@dataclass(frozen=True, slots=True)
class PatientDetails:
    """A patient as entered: ``identifier`` is the clinic's MRN or ID, ``weight_kg`` in kilograms.

    From :func:`validate_patient` every field is trimmed, ``identifier`` and ``name`` are not
    blank, and ``date_of_birth`` and ``weight_kg`` are set and within the form rules. Details of a
    resumed session's patient may be incomplete (``None`` where the record has no value).
    """

    identifier: str
    name: str
    date_of_birth: date | None
    weight_kg: float | None
    allergies: str
    notes: str


@dataclass(frozen=True, slots=True)
class PatientValidation:
    """``details`` is ``None`` exactly when ``errors`` (field name → message) is not empty."""

    details: PatientDetails | None
    errors: dict[str, str] = field(default_factory=dict)


def age_in_years(born: date, on: date) -> int:
    """Completed years of age on the day ``on`` of someone born on ``born``."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def parse_date_of_birth(text: str, *, today: date, rules: FormRules) -> date | str:
    """The date of birth in ``text``, or the message saying why it cannot be one."""
    shown = rules.date_of_birth_format
    stripped = text.strip()
    if not stripped:
        return "Date of birth is required"
    match = rules.date_of_birth_pattern().fullmatch(stripped)
    if match is None:
        return f"Use the form {shown}"
    try:
        born = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return f"{stripped} is not a date in the calendar (form {shown})"
    if born >= today:
        return "Date of birth must be in the past"
    if age_in_years(born, today) > rules.max_age_years:
        return f"Date of birth gives an age over {rules.max_age_years} years: check the year"
    return born


def parse_weight(text: str, *, rules: FormRules) -> float | str:
    """The weight in kg in ``text``, or the message saying why it cannot be one."""
    if not text.strip():
        return "Weight is required"
    weight = parse_decimal(text)
    limits = f"between {rules.weight_min_kg:g} and {rules.weight_max_kg:g} kg"
    if weight is None:
        return f"Weight must be a number of kg {limits}, e.g. 72.5"
    if not rules.weight_min_kg <= weight <= rules.weight_max_kg:
        return f"Weight must be {limits}"
    return weight


def validate_patient(fields: Mapping[str, str], *, today: date, rules: FormRules) -> PatientValidation:
    """Check the patient form; a missing key counts as an empty field.

    ``fields`` maps the names in :data:`PATIENT_FIELDS` to the text typed. ``today`` is the local
    date of the session (a date of birth must be before it).
    """
    text = {name: fields.get(name, "").strip() for name in PATIENT_FIELDS}
    errors: dict[str, str] = {}
    checks = {
        "identifier": text_error(text["identifier"], what="MRN/ID", required=True,
                                 max_length=IDENTIFIER_MAX_CHARS, strict=True),
        "name": text_error(text["name"], what="Name", required=True, max_length=NAME_MAX_CHARS),
        "allergies": text_error(text["allergies"], what="Allergies", required=False,
                                max_length=FREE_TEXT_MAX_CHARS, multiline=True),
        "notes": text_error(text["notes"], what="Notes", required=False,
                            max_length=FREE_TEXT_MAX_CHARS, multiline=True),
    }
    errors.update({name: message for name, message in checks.items() if message is not None})
    born = parse_date_of_birth(text["date_of_birth"], today=today, rules=rules)
    if isinstance(born, str):
        errors["date_of_birth"] = born
    weight = parse_weight(text["weight_kg"], rules=rules)
    if isinstance(weight, str):
        errors["weight_kg"] = weight
    if errors or isinstance(born, str) or isinstance(weight, str):
        return PatientValidation(None, {name: errors[name] for name in PATIENT_FIELDS if name in errors})
    return PatientValidation(
        PatientDetails(
            identifier=text["identifier"],
            name=text["name"],
            date_of_birth=born,
            weight_kg=weight,
            allergies=text["allergies"],
            notes=text["notes"],
        )
    )


def format_date_of_birth(born: date | None, rules: FormRules) -> str:
    """``born`` written in the form's date format ("" for ``None``), so it reads back unchanged."""
    if born is None:
        return ""
    return (rules.date_of_birth_format.replace("YYYY", f"{born.year:04d}")
            .replace("MM", f"{born.month:02d}").replace("DD", f"{born.day:02d}"))
