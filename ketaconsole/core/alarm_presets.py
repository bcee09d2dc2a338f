"""Alarm presets: the limits, delays and technical-alarm settings of a session, as data.

A preset is a TOML file (``resources/alarms/*.toml`` ships defaults; a site adds or replaces one by
id in :func:`ketaconsole.paths.site_config_dir` ``/alarms``), validated by the pydantic models below.
A treatment profile names its preset (``alarm_preset``); the preset marked ``default = true`` is in
force while no treatment is chosen. Values are in each parameter's registry unit, times in seconds.

Invariants the validation guarantees, so the alarm engine never has to doubt them:

* a limit's tiers are ordered from least to most severe: for a ``low`` limit each threshold is below
  the one before, for a ``high`` limit above it; priorities never decrease along the tiers;
* every threshold lies within ``[bedside_min, bedside_max]`` and within the parameter's plausible
  range, and every parameter is a known numeric;
* exactly one loaded preset is the default (checked by :func:`load_preset_catalogue`).
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ketaconsole.core.data_files import DataFileError, load_by_id, lookup, read_toml, validate
from ketaconsole.core.observations import AlarmPriority
from ketaconsole.core.parameters import ParameterKind, registry
from ketaconsole.paths import data_path, site_config_dir

AlarmLevel = Literal["high", "medium", "low"]
"""An alarm priority as written in a preset (IEC 60601-1-8 high, medium, low)."""

_SEVERITY = {"low": 0, "medium": 1, "high": 2}


def priority_of(level: AlarmLevel) -> AlarmPriority:
    return AlarmPriority(level)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LimitTier(_Strict):
    """Beyond ``threshold`` (in the parameter's unit) the condition has ``priority``."""

    threshold: float
    priority: AlarmLevel


class LimitRule(_Strict):
    """One limit condition of a parameter in one direction, with one or more tiers."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str = Field(min_length=1)
    parameters: tuple[str, ...] = Field(min_length=1)
    direction: Literal["low", "high"]
    tiers: tuple[LimitTier, ...] = Field(min_length=1)
    onset_delay_s: float = Field(ge=0, le=120)
    hysteresis: float = Field(ge=0)
    bedside_min: float
    bedside_max: float
    latching: bool = False

    @field_validator("parameters")
    @classmethod
    def _known_numerics(cls, parameters: tuple[str, ...]) -> tuple[str, ...]:
        known = registry()
        for key in parameters:
            if key not in known or known[key].kind is not ParameterKind.NUMERIC:
                raise ValueError(f"{key!r} is not a numeric parameter of the registry")
        if len(set(parameters)) != len(parameters):
            raise ValueError("a parameter is listed twice")
        return parameters

    @model_validator(mode="after")
    def _consistent(self) -> LimitRule:
        if self.bedside_min > self.bedside_max:
            raise ValueError("bedside_min is above bedside_max")
        check_thresholds(self, [tier.threshold for tier in self.tiers])
        severities = [_SEVERITY[tier.priority] for tier in self.tiers]
        if severities != sorted(severities):
            raise ValueError("tiers must go from the least to the most severe priority")
        return self

    def is_beyond(self, value: float, threshold: float) -> bool:
        """Whether ``value`` is past ``threshold`` in this limit's direction (strictly)."""
        return value < threshold if self.direction == "low" else value > threshold

    def relaxed(self, threshold: float) -> float:
        """The threshold an active condition must come back past to end (hysteresis applied)."""
        return threshold + self.hysteresis if self.direction == "low" else threshold - self.hysteresis

    def comparison(self) -> str:
        return "below" if self.direction == "low" else "above"


def check_thresholds(rule: LimitRule, thresholds: list[float]) -> None:
    """Raise ``ValueError`` unless ``thresholds`` (one per tier of ``rule``) are strictly ordered from
    the least to the most severe, inside the bedside range and plausible for every parameter."""
    if len(thresholds) != len(rule.tiers):
        raise ValueError(f"{rule.id}: expected {len(rule.tiers)} thresholds")
    for threshold in thresholds:
        if not rule.bedside_min <= threshold <= rule.bedside_max:
            raise ValueError(f"{rule.label}: {threshold:g} is outside the range allowed at the bedside "
                             f"({rule.bedside_min:g} to {rule.bedside_max:g})")
        for key in rule.parameters:
            parameter = registry()[key]
            if not parameter.is_plausible(threshold):
                raise ValueError(f"{rule.label}: {threshold:g} is not a plausible {parameter.label} value")
    for earlier, later in itertools.pairwise(thresholds):
        if not rule.is_beyond(later, earlier):
            raise ValueError(f"{rule.label}: each tier's threshold must be {rule.comparison()} the one "
                             "before it")


class TechnicalSettings(_Strict):
    """Technical alarm conditions: stale values, silent monitors, sensors, the sound output."""

    stale_after_s: float = Field(gt=0, le=60)
    no_data_after_s: float = Field(gt=0, le=120)
    no_data_priority: AlarmLevel
    disconnected_priority: AlarmLevel
    disconnected_after_s: float = Field(default=3, ge=0, le=30)
    """A lost connection alarms once it has lasted this long (a port still opening at start, or a
    monitor restarting its interface, is not an alarm)."""
    no_audio_priority: AlarmLevel
    device_alarms: bool = True
    sensor_conditions: dict[str, AlarmLevel] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _stale_before_alarm(self) -> TechnicalSettings:
        if self.no_data_after_s < self.stale_after_s:
            raise ValueError("no_data_after_s must not be shorter than stale_after_s")
        return self


class AudioSettings(_Strict):
    """``pause_s``: how long "Pause audio" silences the alarms sounding when it is pressed."""

    pause_s: float = Field(gt=0, le=600)


class BloodPressureAction(Enum):
    PROMPT_PAUSE = "prompt-pause"
    REQUIRE_OVERRIDE = "require-override"


class BloodPressureStep(_Strict):
    """Applies after ``readings`` consecutive cuff readings above either pressure (mmHg)."""

    action: BloodPressureAction
    systolic_above: float = Field(gt=0, le=300)
    diastolic_above: float = Field(gt=0, le=200)
    readings: int = Field(ge=1, le=10)

    def is_exceeded_by(self, systolic: float, diastolic: float | None) -> bool:
        return systolic > self.systolic_above or (diastolic is not None and diastolic > self.diastolic_above)


class AlarmPreset(_Strict):
    """A complete alarm configuration; see ``resources/alarms/ketamine-default.toml``."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    name: str = Field(min_length=1)
    confirmed_by: str
    default: bool = False
    audio: AudioSettings
    technical: TechnicalSettings
    limit: tuple[LimitRule, ...] = Field(min_length=1)
    blood_pressure_step: tuple[BloodPressureStep, ...] = ()

    @model_validator(mode="after")
    def _unique_ids(self) -> AlarmPreset:
        ids = [rule.id for rule in self.limit]
        if len(set(ids)) != len(ids):
            raise ValueError("two limits share an id")
        return self

    @property
    def is_confirmed(self) -> bool:
        return bool(self.confirmed_by.strip())

    def rule(self, rule_id: str) -> LimitRule:
        for rule in self.limit:
            if rule.id == rule_id:
                return rule
        raise KeyError(f"no limit {rule_id!r} in alarm preset {self.id!r}")


class PresetError(DataFileError):
    """An alarm preset file that cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True, slots=True)
class LoadedPreset:
    """A validated preset with its parsed ``content`` (stored with the session) and file SHA-256."""

    preset: AlarmPreset
    content: dict[str, Any]
    sha256: str
    source: str


def parse_preset(content: dict[str, Any], *, source: str = "stored alarm preset") -> AlarmPreset:
    """Validate already-parsed preset content (e.g. the copy stored with a session)."""
    return validate(AlarmPreset, content, source=source, error=PresetError)


def load_preset_bytes(data: bytes, *, source: str) -> LoadedPreset:
    content = read_toml(data, source=source, error=PresetError)
    preset = parse_preset(content, source=source)
    return LoadedPreset(preset, content, hashlib.sha256(data).hexdigest(), source)


@dataclass(frozen=True, slots=True)
class PresetCatalogue:
    """Usable presets by id and one message per rejected file."""

    presets: dict[str, LoadedPreset]
    problems: tuple[str, ...]

    def get(self, preset_id: str) -> LoadedPreset:
        return lookup(self.presets, preset_id, "alarm preset")

    def default(self) -> LoadedPreset:
        """The one preset marked ``default = true``; ``LookupError`` when there is none or several."""
        defaults = [loaded for loaded in self.presets.values() if loaded.preset.default]
        if len(defaults) != 1:
            names = ", ".join(sorted(loaded.preset.id for loaded in defaults)) or "none"
            raise LookupError(f"exactly one alarm preset must be marked default = true (found: {names})")
        return defaults[0]


def load_preset_catalogue(directories: Iterable[Path] | None = None) -> PresetCatalogue:
    """Load the shipped presets, then the site's ``alarms`` directory (later files replace by id)."""
    if directories is None:
        directories = (data_path("resources", "alarms"), site_config_dir() / "alarms")
    presets, problems = load_by_id(directories, lambda data, source: load_preset_bytes(data, source=source),
                                   lambda loaded: loaded.preset.id)
    return PresetCatalogue(presets, tuple(problems))
