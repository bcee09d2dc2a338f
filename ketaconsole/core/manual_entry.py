"""Vital signs typed in by hand from a stand-alone device, checked before they are recorded (Qt-free).

Each value is checked against the registry's plausibility range (``resources/parameters.toml``):
a manual entry outside it is refused, never stored. Blood pressure is a pair: systolic and
diastolic are entered together and systolic must be the higher. Either every entered value is
accepted and becomes an :class:`Observation`, or none is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ketaconsole.core.clock import Stamp
from ketaconsole.core.form_text import parse_decimal
from ketaconsole.core.observations import Observation
from ketaconsole.core.parameters import Parameter, parameter

MANUAL_PARAMETERS = ("HR", "SPO2", "NIBP_SYS", "NIBP_DIA", "RR", "TEMP", "ETCO2")
"""Registry keys that may be entered by hand, in the order the form shows them."""

FORM_ERROR = "form"
"""Key in :attr:`ManualValidation.errors` of a message about the form as a whole (nothing entered)."""

_DISPLAY_UNITS = {"mm[Hg]": "mmHg", "Cel": "°C"}


def display_unit(ucum: str) -> str:
    """The unit as a nurse reads it (``mm[Hg]`` → ``mmHg``, ``Cel`` → ``°C``); others unchanged."""
    return _DISPLAY_UNITS.get(ucum, ucum)


def range_text(entry: Parameter) -> str:
    """The plausible range of ``entry`` with its unit, e.g. "50–100 %"."""
    return f"{entry.plausible_min:g}–{entry.plausible_max:g} {display_unit(entry.unit)}"


@dataclass(frozen=True, slots=True)
class ManualValidation:
    """``observations`` is empty whenever ``errors`` (registry key or :data:`FORM_ERROR` → message)
    is not; otherwise it holds one manual observation per value entered, in form order."""

    observations: list[Observation] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)


def _check_value(key: str, text: str) -> float | str:
    entry = parameter(key)
    value = parse_decimal(text)
    if value is None:
        return f"{entry.label} must be a number ({range_text(entry)})"
    if not entry.is_plausible(value):
        unit = display_unit(entry.unit)
        return f"{entry.label} must be between {entry.plausible_min:g} and {entry.plausible_max:g} {unit}"
    return value


def _pressure_errors(values: Mapping[str, float | str]) -> dict[str, str]:
    systolic, diastolic = values.get("NIBP_SYS"), values.get("NIBP_DIA")
    if systolic is None and diastolic is not None:
        return {"NIBP_SYS": "Enter the systolic pressure too (or clear the diastolic)"}
    if diastolic is None and systolic is not None:
        return {"NIBP_DIA": "Enter the diastolic pressure too (or clear the systolic)"}
    if isinstance(systolic, float) and isinstance(diastolic, float) and systolic <= diastolic:
        return {"NIBP_SYS": f"Systolic ({systolic:g}) must be higher than diastolic ({diastolic:g})"}
    return {}


def validate_manual_vitals(values: Mapping[str, str], *, user: str, stamp: Stamp) -> ManualValidation:
    """Check the values typed per registry key (empty text = not entered) and make observations.

    Every observation is received at ``stamp``, ``manual=True``, with the trimmed ``user`` as its
    ``source`` (the person is the source; exports write it as ``manual:<user>``).
    ``ValueError`` for a key outside :data:`MANUAL_PARAMETERS` or a blank ``user`` (caller mistakes,
    not typing mistakes).
    """
    unknown = set(values) - set(MANUAL_PARAMETERS)
    if unknown:
        raise ValueError(f"not enterable by hand: {', '.join(sorted(unknown))}")
    if not user.strip():
        raise ValueError("manual entries need the name of the person entering them")
    entered = {key: values[key] for key in MANUAL_PARAMETERS if values.get(key, "").strip()}
    if not entered:
        return ManualValidation(errors={FORM_ERROR: "Enter at least one value"})
    checked = {key: _check_value(key, text) for key, text in entered.items()}
    errors = {key: message for key, message in checked.items() if isinstance(message, str)}
    for key, message in _pressure_errors(checked).items():
        errors.setdefault(key, message)
    if errors:
        return ManualValidation(errors={key: errors[key] for key in MANUAL_PARAMETERS if key in errors})
    source = user.strip()
    return ManualValidation(
        observations=[
            Observation(key, value, stamp, source, manual=True)
            for key, value in checked.items()
            if isinstance(value, float)
        ]
    )
