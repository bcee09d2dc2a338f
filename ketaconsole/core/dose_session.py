"""A session's treatment: the chosen profile, the dose timer, the checks, and every action stored.

:class:`DoseSession` is what the bedside window talks to. Each action (plan, start, pause …) is
checked against the timer's phase and the profile's gates, then handed to the event sink (the
recorder, which stores it as a session event) and applied to the timer. The stored events are the
only state: :meth:`DoseSession.rebuild` replays them after a restart and arrives at the same timer.

Gates are rules a nurse may override only with a written reason, stored with the action
(``detail["overrides"]``): a dose outside the profile's usual range, dosing without the required
blood pressure before it, a nasal device before the rest between devices is over, discharge before
the minimum observation, with criteria unconfirmed, or without the required blood pressure before it.

Events written besides the timer's own (:class:`ketaconsole.core.dose_timer.EventKind`):

* ``treatment-selected``: the profile's id, version, SHA-256 of its file and its full content, so the
  record keeps the rules in force even if the clinic edits the file later;
* ``required-bp-recorded``: a required blood pressure (e.g. REMS at 40 min) as measured, with the
  reading's values and time taken from the session's own observations, never retyped;
* ``assessment-draft``, ``assessment-submitted``, ``assessment-amended``: dissociation and sedation
  ratings (:mod:`ketaconsole.core.assessments`, which describes their detail). They may be recorded
  in any phase; the profile's ``assessment_schedule`` turns them into checks beside the vital signs.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ketaconsole.core.alarm_presets import BloodPressureAction, BloodPressureStep
from ketaconsole.core.assessments import (
    ASSESSMENT_AMENDED,
    ASSESSMENT_DRAFT,
    ASSESSMENT_EVENT_KINDS,
    ASSESSMENT_SUBMITTED,
    Answers,
    Assessment,
    AssessmentLog,
    AssessmentScore,
    AssessmentState,
    answers_to_detail,
    asked_items,
    assessment_checks,
    assessment_detail,
    raters_detail,
    submission_problem,
)
from ketaconsole.core.bp_escalation import GATE_ID as BLOOD_PRESSURE_GATE
from ketaconsole.core.bp_escalation import BloodPressureAdvice, applicable_steps
from ketaconsole.core.checks import CheckState, CheckStatus, repeating_check, required_reading
from ketaconsole.core.clock import Clock, Stamp
from ketaconsole.core.cuff import CuffReading, CuffReadings
from ketaconsole.core.dose_timer import DoseTimer, EventKind, Phase, TimerError, TimerEvent, TimerStatus
from ketaconsole.core.dosing import DosePlan, format_number
from ketaconsole.core.instruments import LoadedInstrument
from ketaconsole.core.observations import Observation
from ketaconsole.core.session_events import EventSink, StoredEvent
from ketaconsole.core.timebase import SessionTimebase
from ketaconsole.core.treatment_profiles import (
    Administration,
    Anchor,
    LoadedProfile,
    TreatmentProfile,
    parse_profile,
)

TREATMENT_SELECTED = "treatment-selected"
_DOSING_KINDS = frozenset({EventKind.INFUSION_STARTED, EventKind.INFUSION_RESUMED, EventKind.INJECTION_GIVEN,
                           EventKind.DEVICE_GIVEN})
REQUIRED_BP_RECORDED = "required-bp-recorded"
RECORDING_STARTED = "recording-started"
"""Written by the recorder at each start; its ``clock_epoch`` tells the timebase about restarts."""

@dataclass(frozen=True, slots=True)
class Gate:
    """A rule that holds an action until someone gives a reason; ``id`` keys the reason."""

    id: str
    message: str


class OverrideNeeded(Exception):
    """The action needs a reason for each gate in ``gates``; nothing was recorded."""

    def __init__(self, gates: Sequence[Gate]) -> None:
        super().__init__("; ".join(gate.message for gate in gates))
        self.gates = tuple(gates)


@dataclass(frozen=True, slots=True)
class DoseSessionStatus:
    """Everything the dose panel shows, at ``now`` (``now_s`` session seconds). ``latest_assessments``
    is the latest submitted assessment of each instrument, by instrument id."""

    now: Stamp
    now_s: float
    profile: TreatmentProfile
    timer: TimerStatus
    checks: tuple[CheckStatus, ...]
    recorded_bp: Mapping[str, CuffReading] = field(default_factory=dict)
    latest_assessments: Mapping[str, Assessment] = field(default_factory=dict)
    pause_prompt: BloodPressureAdvice | None = None
    """While infusing: the blood pressure asks the nurse to pause the infusion."""
    override_needed: BloodPressureAdvice | None = None
    """Starting, resuming or the next device needs a clinician's override (gate ``blood-pressure``)."""

    def wall_time(self, at_s: float) -> datetime:
        """The UTC wall time of session second ``at_s``, read against the current wall clock."""
        return self.now.utc + timedelta(seconds=at_s - self.now_s)


class DoseSession:
    """The treatment of one session under one profile. Not thread-safe: use it from one thread."""

    def __init__(self, profile: TreatmentProfile, *, clock: Clock, sink: EventSink,
                 timebase: SessionTimebase | None = None,
                 blood_pressure_steps: Sequence[BloodPressureStep] = ()) -> None:
        self.profile = profile
        self._clock = clock
        self._sink = sink
        self._timebase = timebase or SessionTimebase()
        self.timer = DoseTimer(profile)
        self._cuff = CuffReadings()
        self._reading_times: list[tuple[float, CuffReading]] = []
        self._recorded_bp: dict[str, CuffReading] = {}
        self._assessments = AssessmentLog()
        self._blood_pressure_steps = tuple(blood_pressure_steps)
        self._dosing_resumed_s: float | None = None  # last start or resume of dosing
        self._bp_override_s: float | None = None  # last clinician override of the blood-pressure gate

    @property
    def assessments(self) -> AssessmentLog:
        """The session's assessments (read them; record through the assessment methods)."""
        return self._assessments

    @classmethod
    def select(cls, loaded: LoadedProfile, *, clock: Clock, sink: EventSink, user: str,
               blood_pressure_steps: Sequence[BloodPressureStep] = ()) -> DoseSession:
        """Start a session's treatment under ``loaded``, recording the choice. ``blood_pressure_steps``
        come from the session's alarm preset."""
        session = cls(loaded.profile, clock=clock, sink=sink, blood_pressure_steps=blood_pressure_steps)
        detail = {"profile_id": loaded.profile.id, "version": loaded.profile.version,
                  "sha256": loaded.sha256, "confirmed_by": loaded.profile.confirmed_by,
                  "content": loaded.content}
        session._record(TREATMENT_SELECTED, clock.now(), detail, user)
        return session

    @classmethod
    def rebuild(cls, events: Iterable[StoredEvent], observations: Iterable[Observation], *, clock: Clock,
                sink: EventSink,
                blood_pressure_steps: Sequence[BloodPressureStep] = ()) -> DoseSession | None:
        """The treatment as stored: ``events`` in recorded order, ``observations`` in received order.
        ``None`` when no treatment was selected. A stored event the timer refuses raises
        :class:`TimerError` naming it (the record is then inconsistent and must be looked at)."""
        timebase = SessionTimebase()
        session: DoseSession | None = None
        epoch: str | None = None
        for event in events:
            if event.kind == RECORDING_STARTED:
                epoch = event.detail.get("clock_epoch")
            at_s = timebase.seconds(event.stamp, epoch)
            if event.kind == TREATMENT_SELECTED:
                profile = parse_profile(dict(event.detail["content"]),
                                        source="the profile stored with the session")
                session = cls(profile, clock=clock, sink=sink, timebase=timebase,
                              blood_pressure_steps=blood_pressure_steps)
            elif session is not None:
                session._replay(event, at_s)
        if session is not None:
            session._take_readings(observations, located=True)
        return session

    def _replay(self, event: StoredEvent, at_s: float) -> None:
        if event.kind == REQUIRED_BP_RECORDED:
            self._recorded_bp[str(event.detail["check"])] = _reading_from_detail(event)
            return
        try:
            if event.kind in ASSESSMENT_EVENT_KINDS:
                self._assessments.apply(event.kind, event.stamp, at_s, event.detail, event.user)
            else:
                self.timer.apply(TimerEvent(event.kind, at_s, event.detail, event.user))
                self._note_dosing(event.kind, event.detail, at_s)
        except (TimerError, KeyError, TypeError, ValueError) as error:
            raise TimerError(f"stored {event.kind} event at {event.stamp.utc:%H:%M:%S} UTC cannot be "
                             f"replayed: {error}") from error

    def add_observations(self, observations: Iterable[Observation]) -> None:
        """Take live observations (cuff readings feed the checks) and record required readings met.
        Cheap unless a cuff measurement arrived: only a new reading (or an action) can meet one."""
        if self._take_readings(observations, located=False):
            self._record_required_readings(self._clock.now())

    def status(self, now: Stamp | None = None) -> DoseSessionStatus:
        now = now or self._clock.now()
        now_s = self._seconds(now)
        timer = self.timer.status(now_s)
        prompt = self._blood_pressure(BloodPressureAction.PROMPT_PAUSE, self._dosing_resumed_s) \
            if timer.phase is Phase.INFUSING else None
        override = self._blood_pressure(BloodPressureAction.REQUIRE_OVERRIDE, self._bp_override_s)
        return DoseSessionStatus(now, now_s, self.profile, timer, self._checks(timer, now_s),
                                 dict(self._recorded_bp), self._assessments.latest(), prompt, override)

    # Actions. Each raises TimerError when the phase does not allow it, OverrideNeeded when a gate
    # has no reason in ``overrides``, ValueError for missing text; nothing is recorded then.

    def plan(self, plan: DosePlan, *, user: str, overrides: Mapping[str, str] | None = None) -> None:
        gates = [Gate("dose-range", plan.out_of_range)] if plan.out_of_range else []
        self._act(EventKind.DOSE_PLANNED, {"plan": plan.to_detail()}, user, gates, overrides)

    def start_dosing(self, *, user: str, overrides: Mapping[str, str] | None = None,
                     rate_ml_h: float | None = None) -> None:
        """Start the infusion (at the plan's rate unless ``rate_ml_h``), record the injection, or
        record the first nasal device, as the profile's administration says."""
        plan = self._planned()
        administration = self.profile.administration
        gates = self._required_before_dosing() + self._blood_pressure_gate()
        if administration is Administration.INFUSION:
            rate = rate_ml_h if rate_ml_h is not None else plan.rate_ml_h
            self._act(EventKind.INFUSION_STARTED, {"rate_ml_h": rate}, user, gates, overrides)
        elif administration is Administration.INJECTION:
            self._act(EventKind.INJECTION_GIVEN, {"mg": plan.prepared_mg, "volume_ml": plan.drawn_ml}, user,
                      gates, overrides)
        else:
            self._act(EventKind.DEVICE_GIVEN, self._device_detail(plan), user, gates, overrides)

    def give_next_device(self, *, user: str, overrides: Mapping[str, str] | None = None) -> None:
        plan = self._planned()
        status = self.status()
        gates = self._blood_pressure_gate()
        next_s = status.timer.next_device_s
        if next_s is not None and status.now_s < next_s:
            rest = self.profile.dose.rest_between_devices_min  # type: ignore[union-attr]
            since = _minutes(status.now_s - (next_s - rest * 60))
            gates.append(Gate("device-rest", f"Only {since} since the last device; the protocol asks for "
                              f"{format_number(rest)} min between devices"))
        self._act(EventKind.DEVICE_GIVEN, self._device_detail(plan), user, gates, overrides)

    def pause(self, *, user: str, reason: str) -> None:
        self._act(EventKind.INFUSION_PAUSED, {"reason": _reason(reason)}, user)

    def resume(self, *, user: str, reason: str = "", overrides: Mapping[str, str] | None = None) -> None:
        self._act(EventKind.INFUSION_RESUMED, {"reason": reason.strip()}, user, self._blood_pressure_gate(),
                  overrides)

    def change_rate(self, rate_ml_h: float, *, user: str, reason: str) -> None:
        self._act(EventKind.RATE_CHANGED, {"rate_ml_h": rate_ml_h, "reason": _reason(reason)}, user)

    def bolus(self, mg: float, *, user: str, reason: str) -> None:
        self._act(EventKind.BOLUS_GIVEN, {"mg": mg, "reason": _reason(reason)}, user)

    def complete(self, *, user: str) -> None:
        self._act(EventKind.INFUSION_COMPLETED, {"delivered_mg": self._planned().prepared_mg}, user)

    def stop_early(self, *, user: str, reason: str) -> None:
        delivered = self.status().timer.delivered_mg
        detail = {"reason": _reason(reason), "delivered_mg": round(delivered, 3)}
        self._act(EventKind.DOSING_STOPPED, detail, user)

    def discharge_gates(self, criteria_met: Sequence[str]) -> list[Gate]:
        """What marking the patient ready for discharge now would need a reason for."""
        status = self.status()
        gates = []
        may_leave = status.timer.may_leave_s
        if may_leave is not None and status.now_s < may_leave:
            gates.append(Gate("observation-minimum", f"The minimum observation of "
                              f"{format_number(self.profile.observation.minimum_min)} min ends in "
                              f"{_minutes(may_leave - status.now_s)}"))
        unmet = [c.text for c in self.profile.discharge_criteria if c.id not in criteria_met]
        if unmet:
            gates.append(Gate("discharge-criteria", "Not confirmed: " + "; ".join(unmet)))
        for rule in self.profile.required_bp:
            if rule.anchor != "discharge":
                continue
            check = required_reading(rule, {**self._anchors(status.timer), "discharge": status.now_s},
                                     self._times(), status.now_s, None)
            if check.state is not CheckState.DONE:
                gates.append(Gate(f"required-bp:{rule.id}", f"{rule.label}: no reading in the last "
                                  f"{format_number(rule.window_before_min)} min"))
        return gates

    def mark_ready_for_discharge(self, *, user: str, criteria_met: Sequence[str],
                                 overrides: Mapping[str, str] | None = None) -> None:
        known = {c.id for c in self.profile.discharge_criteria}
        unknown = set(criteria_met) - known
        if unknown:
            raise ValueError(f"unknown discharge criteria: {', '.join(sorted(unknown))}")
        self._act(EventKind.DISCHARGE_READY, {"criteria_met": sorted(criteria_met)}, user,
                  self.discharge_gates(criteria_met), overrides)

    # Assessments. Each raises ValueError (nothing recorded) for a blank user, an unknown short form,
    # an item the assessment does not ask, or a value not on its item's scale.

    def save_assessment_draft(self, loaded: LoadedInstrument, answers: Answers, *, user: str,
                              form: str | None = None, assessment_id: str | None = None) -> str:
        """Keep the answers so far of an assessment of ``loaded`` (``form``: only that short form);
        returns its id, a new one when ``assessment_id`` is ``None``. A submitted assessment is
        changed with :meth:`amend_assessment` instead."""
        return self._assess(ASSESSMENT_DRAFT, loaded, answers, user, form, assessment_id)

    def submit_assessment(self, loaded: LoadedInstrument, answers: Answers, *, user: str,
                          form: str | None = None, assessment_id: str | None = None) -> str:
        """Submit answers (a draft's id continues that draft); refused when they cannot be scored
        (:func:`~ketaconsole.core.assessments.submission_problem`). Returns the assessment's id."""
        return self._assess(ASSESSMENT_SUBMITTED, loaded, answers, user, form, assessment_id)

    def amend_assessment(self, assessment_id: str, loaded: LoadedInstrument, answers: Answers, *, user: str,
                         reason: str) -> None:
        """Replace the answers of a submitted assessment, for ``reason`` (required); the answers
        replaced are stored with the amendment. Refused when nothing changes or the new answers
        cannot be scored."""
        _user(user)
        existing = self._existing(assessment_id, loaded)
        if existing.state is not AssessmentState.SUBMITTED:
            raise ValueError(f"{existing.name} has not been submitted yet: submit it instead")
        reason = _reason(reason)
        instrument = loaded.instrument
        scored = self._scored(loaded, existing.form, answers)
        items = asked_items(instrument, existing.form)
        changed = [item for item in items if answers.get(item.number) != existing.answers.get(item.number)]
        if not changed:
            raise ValueError("The answers are unchanged")
        detail = assessment_detail(loaded, existing.form, assessment_id, answers, scored, user)
        detail.update(raters=raters_detail(changed, user), reason=reason,
                      previous_answers=answers_to_detail(items, existing.answers),
                      changed_items=[item.number for item in changed])
        self._record_assessment(ASSESSMENT_AMENDED, self._clock.now(), detail, user)

    def _assess(self, kind: str, loaded: LoadedInstrument, answers: Answers, user: str, form: str | None,
                assessment_id: str | None) -> str:
        _user(user)
        if assessment_id is not None:
            existing = self._existing(assessment_id, loaded)
            if existing.form != form:
                raise ValueError(f"assessment {assessment_id} is not of that form")
            if existing.state is AssessmentState.SUBMITTED:
                raise ValueError(f"{existing.name} was already submitted: change it with a reason")
        scored = self._scored(loaded, form, answers) if kind == ASSESSMENT_SUBMITTED \
            else AssessmentScore.of(loaded.instrument, form, answers)
        assessment_id = assessment_id or str(uuid.uuid4())
        detail = assessment_detail(loaded, form, assessment_id, answers, scored, user)
        now = self._clock.now()
        start_s = self.timer.status(self._seconds(now)).dosing_start_s
        if kind == ASSESSMENT_SUBMITTED and start_s is not None:
            detail["minutes_after_dosing_start"] = round((self._seconds(now) - start_s) / 60, 1)
        self._record_assessment(kind, now, detail, user)
        return assessment_id

    def _existing(self, assessment_id: str, loaded: LoadedInstrument) -> Assessment:
        try:
            existing = self._assessments.get(assessment_id)
        except LookupError as error:
            raise ValueError(str(error)) from None
        if existing.instrument != loaded.instrument.id:
            raise ValueError(f"assessment {assessment_id} is a {existing.name}, "
                             f"not {loaded.instrument.short_name}")
        return existing

    @staticmethod
    def _scored(loaded: LoadedInstrument, form: str | None, answers: Answers) -> AssessmentScore:
        """The score of answers to be submitted; ``ValueError`` when they cannot be scored."""
        scored = AssessmentScore.of(loaded.instrument, form, answers)
        problem = submission_problem(loaded.instrument, form, scored)
        if problem is not None:
            raise ValueError(problem)
        return scored

    def _record_assessment(self, kind: str, now: Stamp, detail: dict[str, Any], user: str) -> None:
        self._record(kind, now, detail, user)
        self._assessments.apply(kind, now, self._seconds(now), detail, user)

    def _act(self, kind: str, detail: dict[str, Any], user: str, gates: Sequence[Gate] = (),
             overrides: Mapping[str, str] | None = None) -> None:
        _user(user)
        now = self._clock.now()
        now_s = self._seconds(now)
        self.timer.check(kind, now_s, detail)  # before the gates: no reason is asked for what cannot be done
        overrides = overrides or {}
        missing = [gate for gate in gates if not overrides.get(gate.id, "").strip()]
        if missing:
            raise OverrideNeeded(missing)
        if gates:
            detail["overrides"] = [{"gate": g.id, "message": g.message, "reason": overrides[g.id].strip()}
                                   for g in gates]
        self._record(kind, now, detail, user)
        self.timer.apply(TimerEvent(kind, now_s, detail, user))
        self._note_dosing(kind, detail, now_s)
        self._record_required_readings(now)

    def _note_dosing(self, kind: str, detail: Mapping[str, Any], at_s: float) -> None:
        """Remember when dosing last (re)started and when the blood-pressure gate was last overridden."""
        if kind in _DOSING_KINDS:
            self._dosing_resumed_s = at_s
        if any(override.get("gate") == BLOOD_PRESSURE_GATE for override in detail.get("overrides", ())):
            self._bp_override_s = at_s

    def _blood_pressure(self, action: BloodPressureAction,
                        since_s: float | None) -> BloodPressureAdvice | None:
        """The strictest ``action`` step met by the cuff readings measured after ``since_s``
        (all readings when ``None``; for the pause prompt, ``None`` means dosing has not started)."""
        if action is BloodPressureAction.PROMPT_PAUSE and since_s is None:
            return None
        readings = [r for t, r in sorted(self._reading_times, key=lambda pair: pair[0])
                    if since_s is None or t > since_s]
        met = applicable_steps(self._blood_pressure_steps, readings, action) if readings else []
        return met[0] if met else None

    def _blood_pressure_gate(self) -> list[Gate]:
        advice = self._blood_pressure(BloodPressureAction.REQUIRE_OVERRIDE, self._bp_override_s)
        return [Gate(BLOOD_PRESSURE_GATE, advice.message)] if advice is not None else []

    def _record(self, kind: str, stamp: Stamp, detail: dict[str, Any], user: str | None) -> None:
        self._sink(kind, stamp, detail, user)
        self._seconds(stamp)

    def _seconds(self, stamp: Stamp) -> float:
        return self._timebase.seconds(stamp, self._clock.monotonic_epoch)

    def _planned(self) -> DosePlan:
        if self.timer.plan is None:
            raise TimerError("Plan the dose first")
        return self.timer.plan

    def _device_detail(self, plan: DosePlan) -> dict[str, Any]:
        return {"device": self.timer.devices_given + 1, "of": plan.devices, "mg": plan.device_mg,
                "lot": plan.lot}

    def _required_before_dosing(self) -> list[Gate]:
        status = self.status()
        gates = []
        for check in status.checks:
            rule = next((r for r in self.profile.required_bp if r.id == check.id), None)
            if rule is not None and rule.anchor == "dosing-start" and rule.offset_min == 0 \
                    and check.state is not CheckState.DONE:
                gates.append(Gate(f"required-bp:{rule.id}", f"{rule.label}: no reading in the last "
                                  f"{format_number(rule.window_before_min)} min"))
        return gates

    def _take_readings(self, observations: Iterable[Observation], *, located: bool) -> bool:
        """Note the cuff measurements among ``observations``; whether there was any."""
        readings = self._cuff.add(observations)
        for reading in readings:
            at_s = self._timebase.locate(reading.measured) if located else self._seconds(reading.measured)
            self._reading_times = [(t, r) for t, r in self._reading_times if r.measured != reading.measured]
            self._reading_times.append((at_s, reading))
        return bool(readings)

    def _times(self) -> list[float]:
        return [t for t, _ in self._reading_times]

    def _anchors(self, timer: TimerStatus) -> dict[Anchor, float | None]:
        return {"dosing-start": timer.dosing_start_s, "dosing-end": timer.dosing_end_s,
                "discharge": timer.discharge_s}

    def _checks(self, timer: TimerStatus, now_s: float) -> tuple[CheckStatus, ...]:
        anchors = self._anchors(timer)
        times = self._times()
        checks: list[CheckStatus] = []
        if timer.phase is not Phase.READY_FOR_DISCHARGE:
            for rule in self.profile.vitals_schedule:
                check = repeating_check(rule, anchors, times, now_s)
                if check is not None:
                    checks.append(check)
        expected_discharge = timer.may_leave_s
        for required in self.profile.required_bp:
            checks.append(required_reading(required, anchors, times, now_s, expected_discharge))
        for rule in self.profile.assessment_schedule:
            done = self._assessments.submission_times(rule.instrument, rule.form)
            checks.extend(assessment_checks(rule, anchors, done, now_s))
        return tuple(sorted(checks, key=_check_order))

    def _record_required_readings(self, now: Stamp) -> None:
        status = self.status(now)
        anchors = self._anchors(status.timer)
        for check in status.checks:
            rule = next((r for r in self.profile.required_bp if r.id == check.id), None)
            if rule is None or check.id in self._recorded_bp or check.state is not CheckState.DONE \
                    or anchors.get(rule.anchor) is None:
                continue
            reading = next(r for t, r in self._reading_times if t == check.reading_s)
            detail = {"check": check.id, "label": check.label, "late": check.late,
                      "systolic": reading.systolic, "diastolic": reading.diastolic, "mean": reading.mean,
                      "measured_utc": reading.measured.utc.isoformat(), "source": reading.source,
                      "manual": reading.manual}
            if status.timer.dosing_start_s is not None and check.reading_s is not None:
                after_s = check.reading_s - status.timer.dosing_start_s
                detail["minutes_after_dosing_start"] = round(after_s / 60, 1)
            self._recorded_bp[check.id] = reading
            self._record(REQUIRED_BP_RECORDED, now, detail, None)


def _reading_from_detail(event: StoredEvent) -> CuffReading:
    detail = event.detail
    measured = datetime.fromisoformat(str(detail["measured_utc"]))
    stamp = event.stamp.shifted((measured - event.stamp.utc).total_seconds())
    return CuffReading(stamp, float(detail["systolic"]),
                       None if detail.get("diastolic") is None else float(detail["diastolic"]),
                       None if detail.get("mean") is None else float(detail["mean"]),
                       str(detail.get("source", "")), bool(detail.get("manual", False)))


def _check_order(check: CheckStatus) -> tuple[bool, bool, float]:
    """Open checks first, soonest due first; checks with no due time yet after them; closed ones (done
    or missed) last."""
    closed = check.state in (CheckState.DONE, CheckState.MISSED)
    return (closed, check.due_s is None, check.due_s or 0.0)


def _user(user: str) -> None:
    if not user.strip():
        raise ValueError("an action needs the name of who did it")


def _reason(text: str) -> str:
    if not text.strip():
        raise ValueError("Give a reason")
    return text.strip()


def _minutes(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d} min"
