"""The registry of vital parameters and waveforms, loaded from ``resources/parameters.toml``.

A parameter is identified everywhere by its short key (``"HR"``, ``"SPO2"``, ``"ECG"`` …). The
registry gives its label, UCUM unit, LOINC and MDC codes where one exists, and the plausibility
range used to flag device values and refuse manual ones.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from types import MappingProxyType

from ketaconsole.paths import data_path


class ParameterKind(Enum):
    NUMERIC = "numeric"
    WAVEFORM = "waveform"


@dataclass(frozen=True, slots=True)
class Parameter:
    """One measured quantity. ``plausible_min``/``plausible_max`` are in ``unit`` and inclusive."""

    key: str
    kind: ParameterKind
    label: str
    unit: str
    plausible_min: float
    plausible_max: float
    loinc: str | None = None
    mdc: int | None = None
    mdc_name: str | None = None

    def is_plausible(self, value: float) -> bool:
        return self.plausible_min <= value <= self.plausible_max


def load_registry(text: str) -> Mapping[str, Parameter]:
    """Parse a registry in the ``parameters.toml`` format; keys are unique across kinds."""
    raw = tomllib.loads(text)
    registry: dict[str, Parameter] = {}
    for kind in ParameterKind:
        for key, entry in raw.get(kind.value, {}).items():
            if key in registry:
                raise ValueError(f"parameter {key!r} is defined twice")
            if entry["plausible_min"] > entry["plausible_max"]:
                raise ValueError(f"parameter {key!r}: plausible_min is above plausible_max")
            registry[key] = Parameter(key=key, kind=kind, **entry)
    return MappingProxyType(registry)


@cache
def registry() -> Mapping[str, Parameter]:
    """The shipped registry (read once)."""
    return load_registry(data_path("resources", "parameters.toml").read_text(encoding="utf-8"))


def parameter(key: str) -> Parameter:
    """Look a parameter up by key; ``KeyError`` names the unknown key."""
    try:
        return registry()[key]
    except KeyError:
        raise KeyError(f"unknown parameter {key!r}") from None
