"""What the dose panel and the dose dialogs say (Qt-free, so it is tested without widgets).

Everything is computed from a :class:`~ketaconsole.core.dose_session.DoseSessionStatus`: times in
session seconds are shown as local clock time ("14:32", through ``status.wall_time``) and
durations as minutes and seconds ("4:12", "1:27:26"), rounded to the nearest second. Amounts are in
mg, rates in mL/h and mg/kg/h, as the calculator printed them.

Rules a nurse can rely on:

* a number that is not known yet is a dash, never a zero;
* the phase is said in words, with the countdown that matters in it ("Between devices — next
  device in 2:41");
* a check that is overdue says so in capitals with how long ("OVERDUE 2:05"); a required reading
  that was taken is ticked with the time of the reading and its pressures, an assessment with the
  time it was submitted; a due required reading or assessment says until when ("due now, until
  09:45");
* only the actions of the dose's current stage are offered; one the phase does not allow yet is
  offered disabled, with the reason in its tooltip.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from ketaconsole.core.checks import CheckState, CheckStatus
from ketaconsole.core.dose_session import DoseSessionStatus
from ketaconsole.core.dose_timer import Outcome, Phase, TimerStatus
from ketaconsole.core.dosing import DoseInputError, DosePlan, DoseRequest, Sex, format_number, plan_dose
from ketaconsole.core.form_text import parse_decimal
from ketaconsole.core.treatment_profiles import Administration, DeviceDose, TreatmentProfile

DASH = "–"
UNCONFIRMED_TEXT = "DEFAULTS NOT CONFIRMED BY THE CLINIC"


def duration_text(seconds: float) -> str:
    """``seconds`` as "m:ss" below an hour, else "h:mm:ss" (rounded; never negative)."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def clock_text(moment: datetime) -> str:
    """Local wall-clock hours and minutes of the aware datetime ``moment``, e.g. "14:32"."""
    return f"{moment.astimezone():%H:%M}"


@dataclass(frozen=True, slots=True)
class CheckLine:
    """One check on the panel: ``label`` (what), ``state_text`` (when; for a required reading
    taken, ✓ with its time and, on a second line, its pressures), ``state`` (the
    :class:`CheckState` value, which the style sheet colours)."""

    id: str
    label: str
    state_text: str
    state: str


@dataclass(frozen=True, slots=True)
class PanelText:
    """The dose panel's texts. ``infusion`` says whether the infusion rows (remaining time, rate,
    end) apply to this treatment; ``phase_key`` is the :class:`Phase` value for the style sheet."""

    title: str
    unconfirmed: bool
    phase: str
    phase_key: str
    elapsed: str
    remaining: str
    given: str
    rate: str
    end: str
    may_leave: str
    infusion: bool
    checks: tuple[CheckLine, ...]


def panel_text(status: DoseSessionStatus) -> PanelText:
    """The dose panel for ``status``."""
    timer = status.timer
    profile = status.profile
    return PanelText(
        title=profile.name,
        unconfirmed=not profile.confirmed,
        phase=phase_text(status),
        phase_key=timer.phase.value,
        elapsed=DASH if timer.elapsed_s is None else duration_text(timer.elapsed_s),
        remaining=_remaining(timer),
        given=_given(timer),
        rate=_rate(timer),
        end=_end(status),
        may_leave=_may_leave(status),
        infusion=profile.administration is Administration.INFUSION,
        checks=tuple(check_line(check, status) for check in status.checks),
    )


def phase_text(status: DoseSessionStatus) -> str:
    """The dose's phase in words, e.g. "Paused — 3:12" or "Observation · infusion completed"."""
    timer = status.timer
    phase = timer.phase
    if phase is Phase.NOT_PLANNED:
        return "Dose not planned yet"
    if phase is Phase.PLANNED:
        assert timer.plan is not None
        return f"Planned: {format_number(timer.plan.prepared_mg, 2)} mg, not started"
    if phase is Phase.INFUSING:
        return "Infusing"
    if phase is Phase.PAUSED:
        assert timer.paused_since_s is not None
        return f"Paused — {duration_text(status.now_s - timer.paused_since_s)}"
    if phase is Phase.BETWEEN_DEVICES:
        next_s = timer.next_device_s
        device = timer.devices_given + 1
        if next_s is not None and next_s > status.now_s:
            return f"Between devices — device {device} in {duration_text(next_s - status.now_s)}"
        return f"Between devices — device {device} now"
    if phase is Phase.OBSERVATION:
        return f"Observation · {_outcome(status.profile, timer)}"
    assert timer.discharge_s is not None
    return f"Ready for discharge · {clock_text(status.wall_time(timer.discharge_s))}"


def check_line(check: CheckStatus, status: DoseSessionStatus) -> CheckLine:
    """One check as the panel lists it (see the module docstring)."""
    now_s = status.now_s
    if check.state is CheckState.DONE:
        assert check.reading_s is not None
        text = f"✓ {clock_text(status.wall_time(check.reading_s))}" + (" late" if check.late else "")
        reading = status.recorded_bp.get(check.id)
        if reading is not None:
            text += f"\n{reading.text()}"
    elif check.state is CheckState.MISSED:
        text = "missed"
    elif check.state is CheckState.OVERDUE:
        assert check.overdue_s is not None
        text = f"OVERDUE {duration_text(now_s - check.overdue_s)}"
    elif check.state is CheckState.DUE:
        text = "due now"
        if (check.required or check.instrument is not None) and check.overdue_s is not None:
            text += f", until {clock_text(status.wall_time(check.overdue_s))}"
    elif check.due_s is None:
        text = "later"
    else:
        text = f"due in {duration_text(check.due_s - now_s)}"
    return CheckLine(check.id, check.label, text, check.state.value)


def _outcome(profile: TreatmentProfile, timer: TimerStatus) -> str:
    administration = profile.administration
    stopped = timer.outcome is Outcome.STOPPED_EARLY
    if administration is Administration.INFUSION:
        return "infusion stopped early" if stopped else "infusion completed"
    if administration is Administration.INJECTION:
        return "injection given"
    return "dosing stopped early" if stopped else "all devices given"


def _remaining(timer: TimerStatus) -> str:
    if timer.remaining_s is not None:
        return duration_text(timer.remaining_s)
    if timer.phase is Phase.PLANNED and timer.plan is not None and timer.plan.duration_min is not None:
        return f"{duration_text(timer.plan.duration_min * 60)} when started"
    return DASH


def _given(timer: TimerStatus) -> str:
    plan = timer.plan
    if plan is None:
        return DASH
    given = f"{format_number(timer.delivered_mg, 1)} of {format_number(plan.prepared_mg, 2)} mg"
    if plan.devices is not None:
        given += f"\n{timer.devices_given} of {plan.devices} devices"
    return given


def _rate(timer: TimerStatus) -> str:
    plan = timer.plan
    if timer.rate_ml_h is not None:
        rate = f"{format_number(timer.rate_ml_h, 1)} mL/h"
        if timer.phase is Phase.PAUSED:
            return f"paused\nset to {rate}"
        per_kg = timer.mg_per_kg_per_h
        return rate if per_kg is None else f"{rate}\n{format_number(per_kg, 2)} mg/kg/h"
    if timer.phase is Phase.PLANNED and plan is not None and plan.rate_ml_h is not None:
        return f"{format_number(plan.rate_ml_h, 1)} mL/h planned"
    return DASH


def _end(status: DoseSessionStatus) -> str:
    timer = status.timer
    if timer.projected_end_s is not None:
        end = clock_text(status.wall_time(timer.projected_end_s))
        return f"{end}\nif resumed now" if timer.phase is Phase.PAUSED else f"{end} projected"
    if timer.dosing_end_s is not None:
        how = "stopped early" if timer.outcome is Outcome.STOPPED_EARLY else "completed"
        return f"{clock_text(status.wall_time(timer.dosing_end_s))} {how}"
    return DASH


def _may_leave(status: DoseSessionStatus) -> str:
    timer = status.timer
    if timer.discharge_s is not None:
        return f"ready since {clock_text(status.wall_time(timer.discharge_s))}"
    if timer.may_leave_s is None:
        observation = status.profile.observation
        anchor = "dosing starts" if observation.from_ == "dosing-start" else "dosing ends"
        return f"{format_number(observation.minimum_min)} min after {anchor}"
    at = clock_text(status.wall_time(timer.may_leave_s))
    if timer.may_leave_s > status.now_s:
        return f"from {at}\nin {duration_text(timer.may_leave_s - status.now_s)}"
    return f"now (since {at})"


class Action(Enum):
    """What the panel's buttons do."""

    PLAN = "plan"
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    CHANGE_RATE = "change-rate"
    BOLUS = "bolus"
    COMPLETE = "complete"
    STOP = "stop"
    NEXT_DEVICE = "next-device"
    DISCHARGE = "discharge"


@dataclass(frozen=True, slots=True)
class ActionButton:
    """A button to offer: its text (with an ``&`` accelerator), whether it may be pressed now, and
    its tooltip (what it does, or why it cannot be pressed yet)."""

    action: Action
    text: str
    enabled: bool
    tooltip: str


def action_buttons(status: DoseSessionStatus) -> tuple[ActionButton, ...]:
    """The actions of the dose's current stage, in the order the panel shows them."""
    timer = status.timer
    phase = timer.phase
    if phase in (Phase.NOT_PLANNED, Phase.PLANNED):
        planned = phase is Phase.PLANNED
        plan = ActionButton(Action.PLAN, "&Plan dose…", True,
                            "Calculate the dose again (replaces the plan)" if planned
                            else "Calculate the dose from the patient's weight")
        start = ActionButton(Action.START, _START_TEXT[status.profile.administration], planned,
                             "Record that dosing starts now" if planned else "Plan the dose first")
        return plan, start
    if phase in (Phase.INFUSING, Phase.PAUSED):
        if phase is Phase.PAUSED:
            toggle = ActionButton(Action.RESUME, "&Resume", True, "Restart the pump at the set rate")
        else:
            toggle = ActionButton(Action.PAUSE, "P&ause…", True, "Stop the pump for now (asks for a reason)")
        return (toggle,
                ActionButton(Action.CHANGE_RATE, "Change ra&te…", True,
                             "Set a new pump rate (asks for a reason)"),
                ActionButton(Action.BOLUS, "&Bolus…", True,
                             "Record a bolus from the bag (asks for a reason)"),
                _complete_button(timer),
                ActionButton(Action.STOP, "Stop &early…", True, "End the infusion now (asks for a reason)"))
    if phase is Phase.BETWEEN_DEVICES:
        tooltip = "Record that the next device is given now"
        if timer.next_device_s is not None and timer.next_device_s > status.now_s:
            rest_end = clock_text(status.wall_time(timer.next_device_s))
            tooltip = f"The rest between devices ends at {rest_end}; before then this asks for a reason"
        return (ActionButton(Action.NEXT_DEVICE, f"&Device {timer.devices_given + 1} given", True, tooltip),
                ActionButton(Action.STOP, "Stop &early…", True, "Give no more devices (asks for a reason)"))
    if phase is Phase.OBSERVATION:
        tooltip = "Confirm the discharge criteria"
        if timer.may_leave_s is not None and timer.may_leave_s > status.now_s:
            tooltip += (f"; before {clock_text(status.wall_time(timer.may_leave_s))} it asks for a reason "
                        "(minimum observation)")
        return (ActionButton(Action.DISCHARGE, "Ready for disc&harge…", True, tooltip),)
    return ()


_START_TEXT = {Administration.INFUSION: "Start &infusion", Administration.INJECTION: "&Injection given",
               Administration.DEVICES: "&Device 1 given"}


def _complete_button(timer: TimerStatus) -> ActionButton:
    if timer.can_complete:
        return ActionButton(Action.COMPLETE, "&Complete", True, "The pump has finished: end the infusion")
    if timer.phase is Phase.PAUSED:
        why = "Resume the infusion first; to end it now use Stop early…"
    else:
        left = DASH if timer.remaining_s is None else duration_text(timer.remaining_s)
        why = f"The infusion has {left} to run; to end it now use Stop early…"
    return ActionButton(Action.COMPLETE, "&Complete", False, why)


def rate_preview(status: DoseSessionStatus, rate_ml_h: float) -> str:
    """What a new pump rate of ``rate_ml_h`` means, e.g. "= 42 mg/h = 0.6 mg/kg/h; ends about 14:52"."""
    timer = status.timer
    plan = timer.plan
    if plan is None or plan.concentration_mg_per_ml is None or rate_ml_h <= 0:
        return ""
    mg_per_h = rate_ml_h * plan.concentration_mg_per_ml
    text = f"= {format_number(mg_per_h, 2)} mg/h"
    if plan.dosing_weight_kg:
        text += f" = {format_number(mg_per_h / plan.dosing_weight_kg, 2)} mg/kg/h"
    remaining_mg = timer.remaining_mg or 0.0
    end_s = status.now_s + remaining_mg / mg_per_h * 3600
    return f"{text}; ends about {clock_text(status.wall_time(end_s))} if running from now"


def bolus_preview(status: DoseSessionStatus, mg: float) -> str:
    """What a bolus of ``mg`` leaves in the bag, e.g. "leaves 21.3 mg in the bag"."""
    remaining = status.timer.remaining_mg
    if remaining is None or mg <= 0:
        return ""
    if mg > remaining:
        return f"more than the {format_number(remaining, 1)} mg left in the bag"
    return f"leaves {format_number(remaining - mg, 1)} mg in the bag"


@dataclass(frozen=True, slots=True)
class DoseForm:
    """The calculator's fields as typed: numbers as text (a decimal comma is accepted), ``sex`` and
    the vial strength (mg/mL) and diluent volume (mL) as chosen (``None``: not chosen)."""

    weight_kg: str = ""
    height_cm: str = ""
    sex: Sex | None = None
    mg_per_kg: str = ""
    dose_mg: str = ""
    vial_mg_per_ml: float | None = None
    diluent_ml: float | None = None
    duration_min: str = ""
    lot: str = ""


@dataclass(frozen=True, slots=True)
class DoseCalculation:
    """A calculated plan, or ``None`` with a message per field (:class:`DoseInputError` field names)."""

    plan: DosePlan | None
    errors: Mapping[str, str]


_NUMBER_FIELDS = {"weight_kg": "Weight", "height_cm": "Height", "mg_per_kg": "Dose per kg", "dose_mg": "Dose",
                  "duration_min": "Infusion time"}


def calculate(profile: TreatmentProfile, form: DoseForm) -> DoseCalculation:
    """The plan ``form`` asks for under ``profile``. Text that is not a number is refused beside its
    field; an empty field is left to the calculator, which names what it needs."""
    numbers: dict[str, float | None] = {}
    errors: dict[str, str] = {}
    for name, what in _NUMBER_FIELDS.items():
        text = getattr(form, name).strip()
        numbers[name] = parse_decimal(text) if text else None
        if text and numbers[name] is None:
            errors[name] = f"{what} must be a number, e.g. 72.5"
    if isinstance(profile.dose, DeviceDose):
        errors = {name: message for name, message in errors.items() if name == "dose_mg"}
    if errors:
        return DoseCalculation(None, errors)
    request = DoseRequest(weight_kg=numbers["weight_kg"], height_cm=numbers["height_cm"], sex=form.sex,
                          mg_per_kg=numbers["mg_per_kg"], dose_mg=numbers["dose_mg"],
                          vial_mg_per_ml=form.vial_mg_per_ml, diluent_ml=form.diluent_ml,
                          duration_min=numbers["duration_min"], lot=form.lot)
    try:
        return DoseCalculation(plan_dose(profile, request), {})
    except DoseInputError as error:
        return DoseCalculation(None, {error.field: str(error)})
