"""Treatment protocol profiles: the clinic's dosing, monitoring and discharge rules, as data.

A profile is a TOML file (``resources/protocols/*.toml`` ships defaults; a site adds or replaces one
by dropping a file with the same ``id`` in :func:`ketaconsole.paths.site_config_dir` ``/protocols``).
The file is validated by the pydantic models below; a malformed file is refused with a
:class:`ProfileError` that names the file and the field, and never stops the other profiles loading.

Units are in the field names: ``_min`` minutes, ``_s`` seconds, ``_mg`` milligrams, ``_ml``
millilitres, ``_mg_per_ml`` concentrations, ``_ml_h`` pump rates in mL/h.

Times in a schedule are given relative to an *anchor* of the session's dose timer:
``dosing-start`` (infusion start, injection, first device), ``dosing-end``
(infusion completed or stopped, injection, last device) and ``discharge`` (ready for discharge).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ketaconsole.core.data_files import DataFileError, load_by_id, lookup, read_toml, validate
from ketaconsole.paths import data_path, site_config_dir

Anchor = Literal["dosing-start", "dosing-end", "discharge"]


class Administration(Enum):
    """How the dose goes in, which decides the dose timer's phases."""

    INFUSION = "infusion"
    INJECTION = "injection"
    DEVICES = "devices"


class WeightBasis(Enum):
    """Which body weight a per-kg dose is multiplied by."""

    ACTUAL = "actual"
    IDEAL = "ideal"
    ADJUSTED = "adjusted"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WeightBasedDose(_Strict):
    """A dose in mg/kg: ``default`` lies in the soft range ``[min, max]``, outside which the nurse
    gives a reason; doses above ``hard_max`` are refused outright (a typing slip of 5 for 0.5)."""

    unit: Literal["mg/kg"]
    default: float = Field(gt=0)
    min: float = Field(gt=0)
    max: float = Field(gt=0)
    hard_max: float = Field(gt=0, description="never given from the console, whatever the reason")
    weight_basis: WeightBasis = WeightBasis.ACTUAL
    adjusted_weight_factor: float = Field(default=0.4, ge=0, le=1)
    max_mg: float = Field(default=0, ge=0, description="cap on the total dose; 0 means none")
    dose_step_mg: float = Field(default=0.1, gt=0)

    @model_validator(mode="after")
    def _default_in_range(self) -> WeightBasedDose:
        if not self.min <= self.default <= self.max <= self.hard_max:
            raise ValueError("the dose limits must satisfy min <= default <= max <= hard_max")
        return self


class DeviceDose(_Strict):
    """A fixed dose in mg given as ``default / device_mg`` nasal devices, ``rest_between_devices_min``
    apart; doses not in ``choices`` need a reason. Every choice is a whole number of devices."""

    unit: Literal["mg"]
    default: float = Field(gt=0)
    choices: tuple[float, ...] = Field(min_length=1)
    hard_max_mg: float = Field(gt=0, description="never given from the console, whatever the reason")
    device_mg: float = Field(gt=0)
    rest_between_devices_min: float = Field(ge=0)
    lot_required: bool = True

    @model_validator(mode="after")
    def _whole_devices(self) -> DeviceDose:
        for dose in (*self.choices, self.default):
            if abs(dose / self.device_mg - round(dose / self.device_mg)) > 1e-9:
                raise ValueError(f"{dose} mg is not a whole number of {self.device_mg} mg devices")
        if self.default not in self.choices:
            raise ValueError(f"default {self.default} mg is not one of the choices")
        if max(self.choices) > self.hard_max_mg:
            raise ValueError("a dose choice is above hard_max_mg")
        return self


class Preparation(_Strict):
    """Vials and diluent. ``volume_basis`` says whether the drug is made up to the diluent volume
    (final volume = diluent) or added to it (final volume = diluent + drug)."""

    vial_strengths_mg_per_ml: tuple[float, ...] = Field(min_length=1)
    default_vial_mg_per_ml: float = Field(gt=0)
    dilute_first_above_mg_per_ml: float = Field(default=0, ge=0, description="0: no rule")
    draw_step_ml: float = Field(default=0.01, gt=0)
    diluent_volumes_ml: tuple[float, ...] = ()
    default_diluent_ml: float | None = Field(default=None, gt=0)
    volume_basis: Literal["made-up-to", "added-to"] = "made-up-to"
    max_injection_ml: float | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _defaults_offered(self) -> Preparation:
        if any(strength <= 0 for strength in self.vial_strengths_mg_per_ml):
            raise ValueError("vial strengths must be positive")
        if self.default_vial_mg_per_ml not in self.vial_strengths_mg_per_ml:
            raise ValueError("default_vial_mg_per_ml is not one of vial_strengths_mg_per_ml")
        if any(volume <= 0 for volume in self.diluent_volumes_ml):
            raise ValueError("diluent volumes must be positive")
        return self


class Infusion(_Strict):
    """Infusion timing: duration limits in minutes, the pump's rate step in mL/h, and how early before
    the projected end "complete" is accepted (seconds)."""

    default_duration_min: float = Field(gt=0)
    min_duration_min: float = Field(gt=0)
    max_duration_min: float = Field(gt=0)
    pump_rate_step_ml_h: float = Field(default=0.1, gt=0)
    complete_within_s: float = Field(default=60, ge=0)

    @model_validator(mode="after")
    def _default_in_range(self) -> Infusion:
        if not self.min_duration_min <= self.default_duration_min <= self.max_duration_min:
            raise ValueError("default_duration_min is outside min_duration_min – max_duration_min")
        return self


class ObservationPeriod(_Strict):
    """The shortest observation before discharge, counted from ``from_`` (minutes)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    minimum_min: float = Field(ge=0)
    from_: Literal["dosing-start", "dosing-end"] = Field(alias="from")


class RepeatingCheck(_Strict):
    """A vital sign due every ``every_min`` minutes between two anchors (each with an offset);
    a check is overdue ``grace_min`` after it falls due."""

    id: str = Field(min_length=1)
    label: str = Field(min_length=1)
    start: Anchor
    start_offset_min: float = 0
    end: Anchor
    end_offset_min: float = 0
    every_min: float = Field(gt=0)
    grace_min: float = Field(default=2, ge=0)


class RequiredReading(_Strict):
    """A blood pressure that must be recorded in a window around ``anchor + offset_min``. With
    ``late_allowed`` a reading after the window still counts (marked late); without it (a reading
    "before dosing" cannot be taken afterwards) the check is missed once its window has passed."""

    id: str = Field(min_length=1)
    label: str = Field(min_length=1)
    anchor: Anchor
    offset_min: float = 0
    window_before_min: float = Field(ge=0)
    window_after_min: float = Field(ge=0)
    late_allowed: bool = True


class AssessmentRule(_Strict):
    """When an instrument is asked for: at fixed minutes after ``anchor``, or every ``every_min`` from
    ``anchor`` until ``end`` (default ``discharge``), or both.

    ``instrument`` is an instrument id; ``form`` names one of its short forms when only that form is
    asked (e.g. ``instrument = "cadss"``, ``form = "cadss-6"``), and a full submission of the
    instrument satisfies a short-form check too. ``label`` is what the nurse reads (default: the form
    or instrument id in capitals). A fixed time ``T`` is satisfied by a submission from
    ``T - window_min`` to ``T + window_min`` (later ones count, marked late); a repeating check is
    overdue ``window_min`` after it falls due."""

    instrument: str = Field(min_length=1)
    form: str | None = Field(default=None, min_length=1)
    label: str | None = Field(default=None, min_length=1)
    anchor: Anchor
    at_min: tuple[float, ...] = ()
    every_min: float | None = Field(default=None, gt=0)
    end: Anchor | None = None
    window_min: float = Field(default=5, gt=0)

    @model_validator(mode="after")
    def _has_times(self) -> AssessmentRule:
        if not self.at_min and self.every_min is None:
            raise ValueError(f"{self.instrument}: give at_min or every_min")
        if len(set(self.at_min)) != len(self.at_min) or any(at < 0 for at in self.at_min):
            raise ValueError(f"{self.instrument}: at_min must be distinct minutes, 0 or more")
        if self.end is not None and self.every_min is None:
            raise ValueError(f"{self.instrument}: end goes with every_min")
        return self


class DischargeCriterion(_Strict):
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)


class TreatmentProfile(_Strict):
    """One treatment protocol. Invariants (checked on load): the dose kind matches
    ``administration`` (mg/kg for infusion and injection, fixed mg for devices); an infusion has
    ``infusion`` and diluent volumes; ids within each list are unique."""

    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    name: str = Field(min_length=1)
    drug: str = Field(min_length=1)
    route: str = Field(min_length=1)
    administration: Administration
    confirmed_by: str = ""
    alarm_preset: str = Field(min_length=1)
    rems: bool = False
    dose: WeightBasedDose | DeviceDose = Field(discriminator="unit")
    preparation: Preparation | None = None
    infusion: Infusion | None = None
    observation: ObservationPeriod
    vitals_schedule: tuple[RepeatingCheck, ...] = ()
    required_bp: tuple[RequiredReading, ...] = ()
    assessment_schedule: tuple[AssessmentRule, ...] = ()
    discharge_criteria: tuple[DischargeCriterion, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> TreatmentProfile:
        devices = self.administration is Administration.DEVICES
        if devices != isinstance(self.dose, DeviceDose):
            raise ValueError("administration 'devices' goes with a dose in mg, the others with mg/kg")
        if not devices and self.preparation is None:
            raise ValueError("a weight-based dose needs a [preparation] table")
        if self.administration is Administration.INFUSION:
            if self.infusion is None:
                raise ValueError("an infusion needs an [infusion] table")
            if self.preparation is None or not self.preparation.diluent_volumes_ml:
                raise ValueError("an infusion needs preparation.diluent_volumes_ml")
            if self.preparation.default_diluent_ml not in self.preparation.diluent_volumes_ml:
                raise ValueError("preparation.default_diluent_ml is not one of diluent_volumes_ml")
        for name in ("vitals_schedule", "required_bp", "discharge_criteria"):
            ids = [item.id for item in getattr(self, name)]
            if len(set(ids)) != len(ids):
                raise ValueError(f"{name} has repeated ids")
        asked = [(rule.instrument, rule.form) for rule in self.assessment_schedule]
        if len(set(asked)) != len(asked):
            raise ValueError("assessment_schedule has more than one rule for an instrument and form")
        return self

    @property
    def confirmed(self) -> bool:
        """Whether the clinic has confirmed the file's defaults (``confirmed_by`` is filled in)."""
        return bool(self.confirmed_by.strip())


class ProfileError(DataFileError):
    """A profile file that cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True, slots=True)
class LoadedProfile:
    """A validated profile with where it came from: ``content`` is the parsed TOML (stored with the
    session, so the record keeps the rules in force even if the file changes later) and ``sha256``
    the digest of the file's bytes."""

    profile: TreatmentProfile
    content: dict[str, Any]
    sha256: str
    source: str


def parse_profile(content: dict[str, Any], *, source: str = "stored profile") -> TreatmentProfile:
    """Validate already-parsed profile content (e.g. the copy stored with a session)."""
    return validate(TreatmentProfile, content, source=source, error=ProfileError)


def load_profile_bytes(data: bytes, *, source: str) -> LoadedProfile:
    """Parse and validate one profile file's bytes; :class:`ProfileError` says what is wrong."""
    content = read_toml(data, source=source, error=ProfileError)
    profile = parse_profile(content, source=source)
    return LoadedProfile(profile, content, hashlib.sha256(data).hexdigest(), source)


@dataclass(frozen=True, slots=True)
class ProfileCatalogue:
    """The usable profiles by id (site files replace shipped ones with the same id) and one message
    per rejected file."""

    profiles: dict[str, LoadedProfile]
    problems: tuple[str, ...]

    def get(self, profile_id: str) -> LoadedProfile:
        return lookup(self.profiles, profile_id, "treatment profile")


def load_catalogue(directories: Iterable[Path] | None = None) -> ProfileCatalogue:
    """Load every ``*.toml`` profile from ``directories`` in order, later ones replacing earlier ones
    by id. Default: the shipped profiles, then the site's ``protocols`` directory if it exists."""
    if directories is None:
        directories = (data_path("resources", "protocols"), site_config_dir() / "protocols")
    profiles, problems = load_by_id(directories, lambda data, source: load_profile_bytes(data, source=source),
                                    lambda loaded: loaded.profile.id)
    return ProfileCatalogue(profiles, tuple(problems))
