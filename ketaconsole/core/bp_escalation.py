"""Blood-pressure escalation during a treatment: alert, then prompt to pause, then clinician override.

The alarm limits alert on every high cuff reading. The preset's ``blood_pressure_step`` entries go
further while a patient is being dosed: a step applies when its number of consecutive cuff readings
are above either of its pressures. ``prompt-pause`` asks the nurse to pause the infusion;
``require-override`` holds starting or resuming dosing (or the next nasal device) until a clinician
gives a reason.

Which readings count (a pure function of the readings, so a rebuilt session agrees with the live one):

* a ``prompt-pause`` step counts only readings measured since dosing last started or resumed, so a
  reading already acted on does not prompt again after the nurse resumes;
* a ``require-override`` step counts only readings measured since the last override, so an override
  holds until the pressure is high again on as many new readings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ketaconsole.core.alarm_presets import BloodPressureAction, BloodPressureStep
from ketaconsole.core.cuff import CuffReading
from ketaconsole.core.dosing import format_number

GATE_ID = "blood-pressure"
"""The dose-session gate a ``require-override`` step raises (its reason is the clinician's override)."""


@dataclass(frozen=True, slots=True)
class BloodPressureAdvice:
    """A step that applies now, met by the last ``count`` readings (newest: ``reading``)."""

    step: BloodPressureStep
    reading: CuffReading
    count: int

    @property
    def action(self) -> BloodPressureAction:
        return self.step.action

    @property
    def message(self) -> str:
        """E.g. ``"Blood pressure 186/112 on 2 readings, above 180/110: a clinician must approve
        continuing"``."""
        readings = "1 reading" if self.count == 1 else f"{self.count} readings"
        limit = f"{format_number(self.step.systolic_above)}/{format_number(self.step.diastolic_above)}"
        consequence = ("pause the infusion" if self.action is BloodPressureAction.PROMPT_PAUSE
                       else "a clinician must approve continuing")
        return f"Blood pressure {self.reading.text()} on {readings}, above {limit}: {consequence}"


def applicable_steps(steps: Sequence[BloodPressureStep], readings: Sequence[CuffReading],
                     action: BloodPressureAction) -> list[BloodPressureAdvice]:
    """The steps with ``action`` met by the newest of ``readings`` (oldest first, one per measurement),
    the strictest (most readings required) first."""
    met = []
    for step in steps:
        if step.action is not action:
            continue
        count = 0
        for reading in reversed(readings):
            if not step.is_exceeded_by(reading.systolic, reading.diastolic):
                break
            count += 1
        if count >= step.readings:
            met.append(BloodPressureAdvice(step, readings[-1], count))
    return sorted(met, key=lambda advice: -advice.step.readings)
