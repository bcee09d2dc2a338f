"""The REMS patient monitoring summary of an esketamine session (Qt-free).

The Spravato REMS asks for a monitoring form after every outpatient session (clinical reference
§2.2–2.3). This module splits it in two:

* :class:`RemsSummary`, drafted by :func:`draft_summary` from the session itself: treatment date,
  dose, lot and devices, the first device, the end of monitoring (the moment the patient was marked
  ready for discharge), the monitoring time in whole minutes, and the three blood pressures the
  form asks for, copied from the readings the session recorded (``required-bp-recorded``). Nothing
  here is typed by a person.
* :class:`RemsAnswers`, what only the nurse knows: whether sedation, dissociation and respiratory
  depression occurred and when they started and resolved, when the patient would have been ready to
  leave without the 2-hour rule, whether the vital signs were acceptable before dosing and at the
  end, and a note. :func:`validate_answers` checks the form's text and returns a message per field.

Every time the nurse gives is in whole minutes after the first device (the form's "start of
administration"); :func:`summary_detail` adds the matching UTC wall time for each. The summary is
only kept for profiles marked ``rems = true``; others are refused with :class:`RemsSummaryError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ketaconsole.core.checks import CheckState, CheckStatus
from ketaconsole.core.cuff import CuffReading
from ketaconsole.core.dose_session import DoseSessionStatus
from ketaconsole.core.form_text import FREE_TEXT_MAX_CHARS, parse_decimal, text_error
from ketaconsole.core.treatment_profiles import RequiredReading

REMS_SUMMARY_RECORDED = "rems-summary-recorded"
"""Session event kind of a saved summary; its detail is :func:`summary_detail`."""

REMS_MINIMUM_MONITORING_MIN = 120
"""The REMS minimum: at least 2 hours of monitoring, counted from the first device (minutes)."""

REMS_BLOOD_PRESSURES: tuple[tuple[str, str], ...] = (
    ("bp-pre-dose", "Prior to administration"),
    ("bp-40-min", "40 minutes after administration"),
    ("bp-before-discharge", "Prior to session completion"),
)
"""The form's three blood pressures: the profile's ``required_bp`` id and the form's wording."""

EFFECTS: Mapping[str, str] = {
    "sedation": "Sedation",
    "dissociation": "Dissociation",
    "respiratory_depression": "Respiratory depression",
}
"""The effects the form asks about: field-name prefix → name as the form shows it."""


def effect_field(effect: str, part: str) -> str:
    """The field key of ``part`` (``occurred``, ``onset_min``, ``resolution_min``, ``not_resolved``)
    of ``effect`` (a key of :data:`EFFECTS`), e.g. ``sedation_onset_min``."""
    return f"{effect}_{part}"


_EFFECT_PARTS = ("occurred", "onset_min", "resolution_min", "not_resolved")
FIELDS: tuple[str, ...] = (
    *(effect_field(effect, part) for effect in EFFECTS for part in _EFFECT_PARTS),
    "ready_to_leave_min",
    "vitals_acceptable_before",
    "vitals_acceptable_at_end",
    "note",
)
"""Every key :func:`validate_answers` reads, in the order the form shows them."""


class RemsSummaryError(ValueError):
    """A summary that cannot be drafted or saved for this session; the message says why."""


@dataclass(frozen=True, slots=True)
class RemsBloodPressure:
    """One of the form's blood pressures. Exactly one of ``reading`` and ``missing_reason`` is set.

    ``reading`` is the cuff reading the session recorded for check ``check`` (mmHg, measured at
    ``reading.measured``); ``minutes_after_dosing_start`` is its time after the first device
    (negative before it, one decimal), ``None`` when the session's checks no longer place the
    reading (a record rebuilt without its observations); ``late`` says it was taken after its window.
    """

    check: str
    label: str
    reading: CuffReading | None
    minutes_after_dosing_start: float | None
    late: bool
    missing_reason: str | None

    def __post_init__(self) -> None:
        if (self.reading is None) == (self.missing_reason is None):
            raise ValueError("a REMS blood pressure has either a reading or a reason it is missing")


@dataclass(frozen=True, slots=True)
class RemsSummary:
    """What the session says for the REMS form, at the time it was drafted.

    Times are aware UTC datetimes, read against the wall clock when the summary was drafted (as the
    dose panel shows them); ``treatment_date`` is the local date of the first device.
    ``dose_mg`` is the planned dose (devices × mg per device) and ``delivered_mg`` what was given;
    ``devices_planned`` is ``None`` only for a REMS profile not given by nasal devices.
    ``end_of_monitoring_utc`` and ``monitoring_min`` (whole minutes from the first device, rounded
    down) are ``None`` until the patient is marked ready for discharge. ``blood_pressures`` follow
    :data:`REMS_BLOOD_PRESSURES`.
    """

    profile_id: str
    profile_version: str
    treatment_date: date
    dose_mg: float
    delivered_mg: float
    devices_planned: int | None
    devices_given: int
    lot: str
    first_device_utc: datetime
    end_of_monitoring_utc: datetime | None
    monitoring_min: int | None
    blood_pressures: tuple[RemsBloodPressure, ...]

    @property
    def monitoring_below_minimum(self) -> bool:
        """Whether monitoring ended before :data:`REMS_MINIMUM_MONITORING_MIN` (``False`` while it runs)."""
        return self.monitoring_min is not None and self.monitoring_min < REMS_MINIMUM_MONITORING_MIN

    def at_minutes(self, minutes: float) -> datetime:
        """The UTC wall time ``minutes`` after the first device."""
        return self.first_device_utc + timedelta(minutes=minutes)


def summary_unavailable(status: DoseSessionStatus) -> str | None:
    """Why no summary can be drafted for ``status`` (``None``: it can). A menu entry may use it to
    offer the summary only where it applies."""
    profile = status.profile
    if not profile.rems:
        return (f"{profile.name} is not a REMS treatment: the REMS monitoring summary is kept only for "
                "profiles marked rems = true")
    if status.timer.dosing_start_s is None:
        return "No nasal device has been given yet: the REMS summary starts at the first device"
    return None


def draft_summary(status: DoseSessionStatus) -> RemsSummary:
    """The REMS summary of the session standing at ``status``; :class:`RemsSummaryError` for a
    profile that is not a REMS one or before the first device."""
    refusal = summary_unavailable(status)
    if refusal is not None:
        raise RemsSummaryError(refusal)
    timer = status.timer
    plan = timer.plan
    start_s = timer.dosing_start_s
    assert plan is not None and start_s is not None  # dosing starts only from a plan
    end_s = timer.discharge_s
    first_device = status.wall_time(start_s)
    return RemsSummary(
        profile_id=status.profile.id,
        profile_version=status.profile.version,
        treatment_date=first_device.astimezone().date(),
        dose_mg=plan.prepared_mg,
        delivered_mg=timer.delivered_mg,
        devices_planned=plan.devices,
        devices_given=timer.devices_given,
        lot=plan.lot,
        first_device_utc=first_device,
        end_of_monitoring_utc=None if end_s is None else status.wall_time(end_s),
        monitoring_min=None if end_s is None else int((end_s - start_s) // 60),
        blood_pressures=tuple(_blood_pressure(check_id, label, status, start_s)
                              for check_id, label in REMS_BLOOD_PRESSURES),
    )


def _blood_pressure(check_id: str, label: str, status: DoseSessionStatus,
                    start_s: float) -> RemsBloodPressure:
    rule = next((r for r in status.profile.required_bp if r.id == check_id), None)
    check = next((c for c in status.checks if c.id == check_id), None)
    reading = status.recorded_bp.get(check_id)
    if reading is None:
        return RemsBloodPressure(check_id, label, None, None, False, _missing_reason(rule, check, status))
    if check is None or check.state is not CheckState.DONE or check.reading_s is None:
        return RemsBloodPressure(check_id, label, reading, None, False, None)
    return RemsBloodPressure(check_id, label, reading, round((check.reading_s - start_s) / 60, 1), check.late,
                             None)


def _missing_reason(rule: RequiredReading | None, check: CheckStatus | None,
                    status: DoseSessionStatus) -> str:
    if rule is None or check is None:
        return "not recorded: the treatment profile does not ask for this reading"
    discharge_rule = rule.anchor == "discharge"
    if check.state is CheckState.MISSED or (discharge_rule and status.timer.discharge_s is not None):
        # A reading before discharge is looked for when the patient is marked ready; none was found.
        return "not recorded: no cuff reading was taken in its window"
    if discharge_rule:
        return "not recorded yet: it is taken when the patient is marked ready for discharge"
    if check.state is CheckState.OVERDUE:
        return "not recorded yet: the reading is overdue"
    return "not recorded yet"


# --- the nurse's answers ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class EffectAnswer:
    """Whether an effect occurred and, if so, when, in whole minutes after the first device.

    Invariants: without ``occurred`` both times are ``None``; with it ``onset_min`` is set and
    ``0 <= onset_min <= resolution_min``. ``resolution_min`` ``None`` after an onset means the effect
    had not resolved when monitoring ended."""

    occurred: bool
    onset_min: int | None = None
    resolution_min: int | None = None

    def __post_init__(self) -> None:
        if not self.occurred:
            if self.onset_min is not None or self.resolution_min is not None:
                raise ValueError("an effect that did not occur has no onset or resolution")
            return
        if self.onset_min is None or self.onset_min < 0:
            raise ValueError("an effect that occurred needs an onset of 0 min or more")
        if self.resolution_min is not None and self.resolution_min < self.onset_min:
            raise ValueError("an effect cannot resolve before its onset")


@dataclass(frozen=True, slots=True)
class RemsAnswers:
    """The nurse's answers. ``ready_to_leave_min`` answers the form's question "without the 2-hour
    rule, when would the patient have been ready to leave" in whole minutes after the first device
    (≥ 0). ``note`` is trimmed free text ("" when none); it is required when an effect is unresolved."""

    sedation: EffectAnswer
    dissociation: EffectAnswer
    respiratory_depression: EffectAnswer
    ready_to_leave_min: int
    vitals_acceptable_before: bool
    vitals_acceptable_at_end: bool
    note: str = ""

    def __post_init__(self) -> None:
        if self.ready_to_leave_min < 0:
            raise ValueError("ready to leave is counted in minutes after the first device, from 0")

    def effect(self, effect: str) -> EffectAnswer:
        """The answer about ``effect`` (a key of :data:`EFFECTS`)."""
        if effect not in EFFECTS:
            raise KeyError(effect)
        answer: EffectAnswer = getattr(self, effect)
        return answer


def validate_answers(raw: Mapping[str, str | bool], *,
                     monitoring_min: int | None = None) -> tuple[RemsAnswers | None, dict[str, str]]:
    """Check the form as entered and build the answers, or say what is wrong per field.

    ``raw`` holds the keys of :data:`FIELDS` (a missing key counts as empty or unticked): the
    ``*_occurred`` and ``*_not_resolved`` boxes as ``bool``; the yes/no questions as ``bool``, or
    ``""`` while unanswered; minutes and the note as typed text. Times of an effect that did not
    occur are ignored. With ``monitoring_min`` (the summary's), no time may lie after the end of
    monitoring. Returns ``(answers, {})`` or ``(None, errors)`` with errors keyed by field, in form
    order. ``ValueError`` for a key outside :data:`FIELDS` (a caller mistake, not a typing one).
    """
    unknown = set(raw) - set(FIELDS)
    if unknown:
        raise ValueError(f"not a REMS summary field: {', '.join(sorted(unknown))}")
    errors: dict[str, str] = {}
    effects = {effect: _effect_answer(raw, effect, label, errors) for effect, label in EFFECTS.items()}
    ready = _whole_minutes(_text(raw, "ready_to_leave_min"), "Ready to leave")
    if isinstance(ready, str):
        errors["ready_to_leave_min"] = ready
    before = _yes_no(raw, "vitals_acceptable_before", errors)
    at_end = _yes_no(raw, "vitals_acceptable_at_end", errors)
    note = _text(raw, "note").strip()
    note_error = text_error(note, what="Note", required=False, max_length=FREE_TEXT_MAX_CHARS, multiline=True)
    unresolved = [label.lower() for effect, label in EFFECTS.items()
                  if _flag(raw, effect_field(effect, "occurred"))
                  and _flag(raw, effect_field(effect, "not_resolved"))]
    if note_error is None and unresolved and not note:
        note_error = (f"Say in the note what was done about the {' and '.join(unresolved)} that had not "
                      "resolved")
    if note_error is not None:
        errors["note"] = note_error
    if errors:
        return None, _in_form_order(errors)
    assert isinstance(ready, int) and before is not None and at_end is not None
    sedation, dissociation, respiratory = (effects[e] for e in EFFECTS)
    assert sedation is not None and dissociation is not None and respiratory is not None
    answers = RemsAnswers(sedation, dissociation, respiratory, ready, before, at_end, note)
    if monitoring_min is not None:
        errors = after_monitoring(answers, monitoring_min)
        if errors:
            return None, errors
    return answers, {}


def after_monitoring(answers: RemsAnswers, monitoring_min: int) -> dict[str, str]:
    """A message per field whose time lies after the end of a monitoring of ``monitoring_min``
    minutes (nothing can be observed after it), in form order; empty when all fit."""
    errors: dict[str, str] = {}
    limit = f"the end of monitoring ({monitoring_min} min after the first device)"
    for effect, label in EFFECTS.items():
        answer = answers.effect(effect)
        for part, minutes, what in (("onset_min", answer.onset_min, "onset"),
                                    ("resolution_min", answer.resolution_min, "resolution")):
            if minutes is not None and minutes > monitoring_min:
                errors[effect_field(effect, part)] = (
                    f"{label} {what} ({minutes} min) is after {limit}"
                    + ("; tick Not resolved instead" if what == "resolution" else ""))
    if answers.ready_to_leave_min > monitoring_min:
        errors["ready_to_leave_min"] = f"Ready to leave ({answers.ready_to_leave_min} min) is after {limit}"
    return _in_form_order(errors)


def _effect_answer(raw: Mapping[str, str | bool], effect: str, label: str,
                   errors: dict[str, str]) -> EffectAnswer | None:
    if not _flag(raw, effect_field(effect, "occurred")):
        return EffectAnswer(False)
    onset_key, resolution_key = effect_field(effect, "onset_min"), effect_field(effect, "resolution_min")
    onset = _whole_minutes(_text(raw, onset_key), f"{label} onset")
    if isinstance(onset, str):
        errors[onset_key] = onset
    resolution_text = _text(raw, resolution_key).strip()
    resolution: int | str | None = None
    if _flag(raw, effect_field(effect, "not_resolved")):
        if resolution_text:
            errors[resolution_key] = "Clear the resolution time, or untick Not resolved"
    elif not resolution_text:
        errors[resolution_key] = (f"Enter when the {label.lower()} resolved (minutes after the first "
                                  "device), or tick Not resolved")
    else:
        resolution = _whole_minutes(resolution_text, f"{label} resolution")
        if isinstance(resolution, str):
            errors[resolution_key] = resolution
        elif isinstance(onset, int) and resolution < onset:
            errors[resolution_key] = (f"{label} cannot resolve ({resolution} min) before its onset "
                                      f"({onset} min)")
    if isinstance(onset, str) or isinstance(resolution, str) or resolution_key in errors:
        return None
    return EffectAnswer(True, onset, resolution)


def _whole_minutes(text: str, what: str) -> int | str:
    """The whole minutes in ``text``, or the message saying why it is not usable."""
    stripped = text.strip()
    if not stripped:
        return f"{what} is required (minutes after the first device)"
    number = parse_decimal(stripped)
    if number is None:
        return f"{what} must be a number of minutes, e.g. 45"
    if number < 0:
        return f"{what} cannot be before the first device: give 0 or more minutes"
    if number != int(number):
        return f"{what} must be whole minutes"
    return int(number)


def _yes_no(raw: Mapping[str, str | bool], key: str, errors: dict[str, str]) -> bool | None:
    value = raw.get(key, "")
    if isinstance(value, bool):
        return value
    if value.strip():
        raise ValueError(f"{key} is answered with True or False, not {value!r}")
    errors[key] = "Answer yes or no"
    return None


def _flag(raw: Mapping[str, str | bool], key: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise ValueError(f"{key} is a box: True or False, not {value!r}")
    return value


def _text(raw: Mapping[str, str | bool], key: str) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"{key} is typed text, not {value!r}")
    return value


def _in_form_order(errors: Mapping[str, str]) -> dict[str, str]:
    return {key: errors[key] for key in FIELDS if key in errors}


# --- the stored event -------------------------------------------------------------------------------

def summary_detail(summary: RemsSummary, answers: RemsAnswers) -> dict[str, Any]:
    """The ``rems-summary-recorded`` event's detail (a JSON object): the session's facts, the blood
    pressures copied from the recorded readings, and the answers with a UTC time beside each minute
    count. :class:`RemsSummaryError` before the end of monitoring (the form needs its length) or
    when an answer lies after it."""
    if summary.end_of_monitoring_utc is None or summary.monitoring_min is None:
        raise RemsSummaryError("The patient is not marked ready for discharge yet: the REMS summary needs "
                               "the end of monitoring")
    beyond = after_monitoring(answers, summary.monitoring_min)
    if beyond:
        raise RemsSummaryError("; ".join(beyond.values()))
    detail: dict[str, Any] = {
        "profile_id": summary.profile_id,
        "profile_version": summary.profile_version,
        "treatment_date": summary.treatment_date.isoformat(),
        "dose_mg": summary.dose_mg,
        "delivered_mg": summary.delivered_mg,
        "devices_planned": summary.devices_planned,
        "devices_given": summary.devices_given,
        "lot": summary.lot,
        "first_device_utc": summary.first_device_utc.isoformat(),
        "end_of_monitoring_utc": summary.end_of_monitoring_utc.isoformat(),
        "monitoring_min": summary.monitoring_min,
        "minimum_monitoring_min": REMS_MINIMUM_MONITORING_MIN,
        "monitoring_below_minimum": summary.monitoring_below_minimum,
        "blood_pressures": [_pressure_detail(pressure) for pressure in summary.blood_pressures],
    }
    for effect in EFFECTS:
        detail[effect] = _effect_detail(summary, answers.effect(effect))
    detail.update({
        "ready_to_leave_min": answers.ready_to_leave_min,
        "ready_to_leave_utc": summary.at_minutes(answers.ready_to_leave_min).isoformat(),
        "vitals_acceptable_before": answers.vitals_acceptable_before,
        "vitals_acceptable_at_end": answers.vitals_acceptable_at_end,
        "note": answers.note,
    })
    return detail


def _pressure_detail(pressure: RemsBloodPressure) -> dict[str, Any]:
    reading = pressure.reading
    if reading is None:
        return {"check": pressure.check, "label": pressure.label, "recorded": False,
                "reason": pressure.missing_reason}
    return {"check": pressure.check, "label": pressure.label, "recorded": True,
            "systolic": reading.systolic, "diastolic": reading.diastolic, "mean": reading.mean,
            "measured_utc": reading.measured.utc.isoformat(),
            "minutes_after_dosing_start": pressure.minutes_after_dosing_start, "late": pressure.late,
            "source": reading.source, "manual": reading.manual}


def _effect_detail(summary: RemsSummary, answer: EffectAnswer) -> dict[str, Any]:
    if not answer.occurred:
        return {"occurred": False}
    assert answer.onset_min is not None
    resolution = answer.resolution_min
    return {"occurred": True, "onset_min": answer.onset_min,
            "onset_utc": summary.at_minutes(answer.onset_min).isoformat(),
            "resolved": resolution is not None, "resolution_min": resolution,
            "resolution_utc": None if resolution is None else summary.at_minutes(resolution).isoformat()}
