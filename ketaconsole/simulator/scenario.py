"""Scripted scenarios for the simulated patient, read from ``resources/scenarios/*.toml``.

A scenario is a list of timed steps, each with exactly one action:

* **Baseline change** (``parameter``, ``to``, optional ``over_s``): the baseline of one walked numeric
  moves linearly from its value at ``at_s`` to ``to`` (registry unit) over ``over_s`` seconds (0 jumps).
  The drift keeps wandering around the moving baseline, within the patient's ``drift_limit``.
* **Sensor off** (``sensor_off_s``): the SpO2 sensor is detached from ``at_s`` for that many seconds.
* **Cuff measurement** (``measure_nibp = true``): a blood-pressure measurement completes at ``at_s``, in
  addition to the regular cuff cycle.

Times are simulated seconds after the simulator starts. Validation happens in two stages: the file on its
own (:class:`Scenario`: known keys and parameters, one action per step, targets inside the plausible
range, no overlapping changes of one parameter), then against the simulated patient
(:meth:`Scenario.problems_with`: targets ± the patient's drift limit stay plausible, NIBP_SYS stays
above NIBP_DIA). Every message names the file and the field, e.g. ``step.2.to`` (steps count from 0 in
file order).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ketaconsole.core.data_files import DataFileError, read_toml, validate
from ketaconsole.core.parameters import parameter
from ketaconsole.paths import data_path
from ketaconsole.simulator.config import WALKED_NUMERICS, SimulatorConfig

#: The one walked numeric a scenario may take to 0 (apnoea): its drift shrinks near 0, see the model.
STOPPABLE_NUMERIC = "RR"
#: Numerics whose value must stay above 0 whatever the script (the model divides by them).
_POSITIVE_RATES = ("HR",)


class ScenarioError(DataFileError):
    """A scenario that cannot be used; the message starts with the file's name."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class ScenarioStep(_Strict):
    """One timed action; ``at_s`` is in simulated seconds after the simulator starts (≥ 0)."""

    at_s: float = Field(ge=0)
    parameter: str | None = None
    to: float | None = None
    over_s: float | None = Field(default=None, ge=0)
    sensor_off_s: float | None = Field(default=None, gt=0)
    measure_nibp: Literal[True] | None = None

    @field_validator("parameter")
    @classmethod
    def _walked(cls, key: str | None) -> str | None:
        if key is not None and key not in WALKED_NUMERICS:
            raise ValueError(f"unknown parameter {key!r}; a scenario can move {', '.join(WALKED_NUMERICS)}")
        return key

    @field_validator("to")
    @classmethod
    def _plausible(cls, target: float | None, info: ValidationInfo) -> float | None:
        key = info.data.get("parameter")
        if target is not None and key is not None:
            registered = parameter(key)
            if not registered.is_plausible(target):
                raise ValueError(f"{key} target {target:g} lies outside its plausible range "
                                 f"{registered.plausible_min:g}–{registered.plausible_max:g} "
                                 f"{registered.unit}")
        return target

    @model_validator(mode="after")
    def _one_action(self) -> ScenarioStep:
        given = {"parameter/to": self.parameter is not None or self.to is not None,
                 "sensor_off_s": self.sensor_off_s is not None,
                 "measure_nibp": self.measure_nibp is not None}
        actions = [name for name, present in given.items() if present]
        if len(actions) != 1:
            found = " and ".join(actions) if actions else "none"
            raise ValueError("a step has exactly one action (parameter with to, sensor_off_s, or "
                             f"measure_nibp); this one has {found}")
        if (self.parameter is None) != (self.to is None):
            raise ValueError("parameter and to go together: which numeric, and its new baseline")
        if self.over_s is not None and self.parameter is None:
            raise ValueError("over_s belongs to a baseline change (parameter with to)")
        return self

    @property
    def end_s(self) -> float:
        """When the action is over: the end of the ramp or of the sensor-off episode (``at_s`` else)."""
        return self.at_s + (self.over_s or 0.0) + (self.sensor_off_s or 0.0)

    def describe(self) -> str:
        """The action in words, e.g. ``"SPO2 to 85 % over 20 s"``."""
        if self.parameter is not None and self.to is not None:
            ramp = f" over {self.over_s:g} s" if self.over_s else " at once"
            return f"{self.parameter} to {self.to:g} {parameter(self.parameter).unit}{ramp}"
        if self.sensor_off_s is not None:
            return f"SpO2 sensor off for {self.sensor_off_s:g} s"
        return "cuff measurement (NIBP) completes"


@dataclass(frozen=True, slots=True)
class BaselineCurve:
    """The baseline of one numeric over simulated time, in the registry unit.

    ``initial`` holds until the first change; each change ``(start_s, end_s, target)`` moves the value
    linearly from where it stood at ``start_s`` to ``target`` at ``end_s`` (a jump when they are equal) and
    holds it. Changes are sorted and never overlap.
    """

    initial: float
    changes: tuple[tuple[float, float, float], ...] = ()

    def at(self, time_s: float) -> float:
        value = self.initial
        for start_s, end_s, target in self.changes:
            if time_s < start_s:
                break
            if time_s >= end_s:
                value = target
                continue
            return value + (target - value) * (time_s - start_s) / (end_s - start_s)
        return value

    def corners(self) -> list[float]:
        """Times where the curve may bend; between them it is linear (with 0, the start)."""
        return [0.0, *(time for start_s, end_s, _ in self.changes for time in (start_s, end_s))]


class Scenario(_Strict):
    """A scripted scenario; ``steps`` in file order (the field is ``[[step]]`` in TOML)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    description: str = Field(min_length=1)
    steps: tuple[ScenarioStep, ...] = Field(alias="step")

    @field_validator("steps")
    @classmethod
    def _no_overlapping_changes(cls, steps: tuple[ScenarioStep, ...]) -> tuple[ScenarioStep, ...]:
        if not steps:
            raise ValueError("a scenario needs at least one [[step]]")
        for key in WALKED_NUMERICS:
            changes = sorted((step.at_s, index) for index, step in enumerate(steps) if step.parameter == key)
            for (_, earlier_index), (_, later_index) in pairwise(changes):
                earlier, later = steps[earlier_index], steps[later_index]
                if later.at_s < earlier.end_s or later.at_s == earlier.at_s:
                    raise ValueError(
                        f"step {later_index} changes {key} at {later.at_s:g} s while step {earlier_index} "
                        f"changes it from {earlier.at_s:g} s to {earlier.end_s:g} s; changes of one "
                        "parameter must not overlap")
        return steps

    def timeline(self) -> list[ScenarioStep]:
        """The steps in time order (steps at the same time keep their file order)."""
        return sorted(self.steps, key=lambda step: step.at_s)

    def baseline(self, key: str, initial: float) -> BaselineCurve:
        """The scripted baseline of ``key``, starting from the patient's ``initial`` baseline."""
        changes = tuple((step.at_s, step.end_s, step.to) for step in self.timeline()
                        if step.parameter == key and step.to is not None)
        return BaselineCurve(initial, changes)

    def sensor_off_episodes(self) -> list[tuple[float, float]]:
        """``(start_s, end_s)`` of each scripted sensor-off episode, in time order."""
        return [(step.at_s, step.end_s) for step in self.timeline() if step.sensor_off_s is not None]

    def nibp_times(self) -> list[float]:
        """Times (simulated s) of the scripted cuff measurements, in order."""
        return [step.at_s for step in self.timeline() if step.measure_nibp]

    def problems_with(self, config: SimulatorConfig) -> list[str]:
        """What makes this scenario unusable with the simulated patient ``config`` (empty: usable).

        Each target ± the patient's drift limit must lie in the plausible range (RR may go down to 0,
        where its drift shrinks to nothing); HR must stay above 0; NIBP_SYS − its drift limit must stay
        above NIBP_DIA + its drift limit at every moment.
        """
        problems = []
        for index, step in enumerate(self.steps):
            if step.parameter is None or step.to is None:
                continue
            drift = config.numerics[step.parameter].drift_limit
            registered = parameter(step.parameter)
            lowest = step.to if step.parameter == STOPPABLE_NUMERIC else step.to - drift
            if not (registered.is_plausible(lowest) and registered.is_plausible(step.to + drift)):
                problems.append(
                    f"step.{index}.to: {step.parameter} {step.to:g} ± the patient's drift limit {drift:g} "
                    f"leaves the plausible range {registered.plausible_min:g}–{registered.plausible_max:g}")
            elif step.parameter in _POSITIVE_RATES and lowest <= 0:
                problems.append(f"step.{index}.to: {step.parameter} {step.to:g} − the patient's drift limit "
                                f"{drift:g} must stay above 0")
        problems.extend(self._blood_pressure_problems(config))
        return problems

    def _blood_pressure_problems(self, config: SimulatorConfig) -> Iterable[str]:
        systolic_drift = config.numerics["NIBP_SYS"].drift_limit
        diastolic_drift = config.numerics["NIBP_DIA"].drift_limit
        systolic = self.baseline("NIBP_SYS", config.numerics["NIBP_SYS"].baseline)
        diastolic = self.baseline("NIBP_DIA", config.numerics["NIBP_DIA"].baseline)
        # Both curves are piecewise linear, so their gap is smallest at one of their corners.
        for time_s in sorted(set(systolic.corners() + diastolic.corners())):
            low_systolic = systolic.at(time_s) - systolic_drift
            high_diastolic = diastolic.at(time_s) + diastolic_drift
            if low_systolic <= high_diastolic:
                yield (f"step: at {time_s:g} s NIBP_SYS ({systolic.at(time_s):g} − {systolic_drift:g}) "
                       f"would not stay above NIBP_DIA ({diastolic.at(time_s):g} + {diastolic_drift:g})")
                return


def scenario_directory() -> Path:
    """The shipped scenarios: ``resources/scenarios``, one ``<id>.toml`` each."""
    return data_path("resources", "scenarios")


def parse_scenario(data: bytes, *, source: str, config: SimulatorConfig) -> Scenario:
    """The scenario in ``data`` (TOML), checked on its own and against the patient ``config``.

    Raises :class:`ScenarioError` naming ``source`` and every field that is wrong.
    """
    content = read_toml(data, source=source, error=ScenarioError)
    scenario = validate(Scenario, content, source=source, error=ScenarioError)
    problems = scenario.problems_with(config)
    if problems:
        raise ScenarioError(f"{source}: {'; '.join(problems)}")
    return scenario


def load_scenario(path: Path, config: SimulatorConfig) -> Scenario:
    """Read and check a scenario file; :class:`ScenarioError` (naming the file) when it is unusable."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ScenarioError(f"{path}: cannot be read ({error.strerror or error})") from None
    return parse_scenario(data, source=str(path), config=config)


def shipped_scenario_paths() -> list[Path]:
    """The shipped scenario files, sorted by name."""
    return sorted(scenario_directory().glob("*.toml"))


def resolve_scenario(name_or_path: str, config: SimulatorConfig) -> Scenario:
    """A shipped scenario by id (``desaturation``), or a file when the argument ends in ``.toml`` or
    contains a path separator. :class:`ScenarioError` when it is unknown, unreadable or invalid."""
    if name_or_path.endswith(".toml") or "/" in name_or_path:
        return load_scenario(Path(name_or_path), config)
    path = scenario_directory() / f"{name_or_path}.toml"
    if not path.is_file():
        shipped = ", ".join(candidate.stem for candidate in shipped_scenario_paths())
        raise ScenarioError(f"no shipped scenario {name_or_path!r} (shipped: {shipped}); give a file "
                            "path ending in .toml for your own")
    return load_scenario(path, config)
