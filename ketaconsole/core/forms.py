"""The rules of the bedside forms, loaded from ``resources/forms.toml`` (Qt-free).

The clinic confirms these numbers, so they are data, not code: the patient weight range (kg), the
oldest accepted age (years), how a date of birth is typed, and the categories of notes.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from ketaconsole.paths import data_path

DATE_TOKENS = ("YYYY", "MM", "DD")
"""A date-of-birth format must contain each of these exactly once."""


@dataclass(frozen=True, slots=True)
class FormRules:
    """Invariants: ``0 < weight_min_kg <= weight_max_kg``; ``0 < height_min_cm <= height_max_cm``;
    ``max_age_years > 0``;
    ``date_of_birth_format`` holds YYYY, MM and DD once each; ``note_categories`` is a non-empty
    tuple of ``(id, label)`` pairs with unique, non-blank ids and non-blank labels."""

    weight_min_kg: float
    weight_max_kg: float
    height_min_cm: float
    height_max_cm: float
    max_age_years: int
    date_of_birth_format: str
    note_categories: tuple[tuple[str, str], ...]

    def __post_init__(self) -> None:
        if not 0 < self.weight_min_kg <= self.weight_max_kg:
            raise ValueError("patient weight range must satisfy 0 < weight_min_kg <= weight_max_kg")
        if not 0 < self.height_min_cm <= self.height_max_cm:
            raise ValueError("patient height range must satisfy 0 < height_min_cm <= height_max_cm")
        if self.max_age_years <= 0:
            raise ValueError("max_age_years must be positive")
        for token in DATE_TOKENS:
            if self.date_of_birth_format.count(token) != 1:
                raise ValueError(f"date_of_birth_format must contain {token} exactly once")
        if not self.note_categories:
            raise ValueError("at least one note category is needed")
        ids = [category_id for category_id, _ in self.note_categories]
        if len(set(ids)) != len(ids):
            raise ValueError("note category ids must be unique")
        if not all(category_id.strip() and label.strip() for category_id, label in self.note_categories):
            raise ValueError("every note category needs an id and a label")

    def date_of_birth_pattern(self) -> re.Pattern[str]:
        """A regular expression for the format, with groups ``year``, ``month`` and ``day``
        (ASCII digits: 4 for the year, 2 for month and day)."""
        tokens = {"YYYY": r"(?P<year>[0-9]{4})", "MM": r"(?P<month>[0-9]{2})", "DD": r"(?P<day>[0-9]{2})"}
        pieces = re.split(r"(YYYY|MM|DD)", self.date_of_birth_format)
        return re.compile("".join(tokens.get(piece, re.escape(piece)) for piece in pieces))


def load_form_rules(text: str) -> FormRules:
    """Parse rules in the ``forms.toml`` format; ``ValueError`` or ``KeyError`` names what is wrong."""
    raw = tomllib.loads(text)
    patient = raw["patient"]
    return FormRules(
        weight_min_kg=float(patient["weight_min_kg"]),
        weight_max_kg=float(patient["weight_max_kg"]),
        height_min_cm=float(patient["height_min_cm"]),
        height_max_cm=float(patient["height_max_cm"]),
        max_age_years=int(patient["max_age_years"]),
        date_of_birth_format=str(patient["date_of_birth_format"]),
        note_categories=tuple((str(entry["id"]), str(entry["label"])) for entry in raw["note_categories"]),
    )


@cache
def form_rules() -> FormRules:
    """The shipped rules (read once)."""
    return load_form_rules(data_path("resources", "forms.toml").read_text(encoding="utf-8"))
