"""DoseSession with a fake clock: every action stored with who and why, the gates and their override
reasons, the REMS blood pressures taken from the observations, restart recovery (same boot and after a
reboot) and a wall-clock jump in the middle of an infusion."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from ketaconsole.core.checks import CheckState
from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.dose_session import (
    RECORDING_STARTED,
    REQUIRED_BP_RECORDED,
    TREATMENT_SELECTED,
    DoseSession,
    DoseSessionStatus,
    OverrideNeeded,
)
from ketaconsole.core.dose_timer import EventKind, Outcome, Phase, TimerError
from ketaconsole.core.dosing import DoseRequest, plan_dose
from ketaconsole.core.observations import Observation
from ketaconsole.core.treatment_profiles import LoadedProfile, load_catalogue
from ketaconsole.paths import data_path

CATALOGUE = load_catalogue([data_path("resources", "protocols")])
IV = CATALOGUE.get("iv-ketamine")
IM = CATALOGUE.get("im-ketamine")
ESK = CATALOGUE.get("esketamine-intranasal")
MIN = 60.0
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
NURSE = "nurse A"
ALL_ESK_CRITERIA = [criterion.id for criterion in ESK.profile.discharge_criteria]
ALL_IV_CRITERIA = [criterion.id for criterion in IV.profile.discharge_criteria]


@dataclass(frozen=True)
class Stored:
    """A session event as the database gives it back."""

    kind: str
    stamp: Stamp
    detail: Mapping[str, Any]
    user: str | None


class Record:
    """The event sink and the observations received: what the database would hold."""

    def __init__(self) -> None:
        self.events: list[Stored] = []
        self.observations: list[Observation] = []

    def __call__(self, kind: str, stamp: Stamp, detail: dict[str, Any], user: str | None) -> None:
        # Stored as JSON, as the database does; a detail that is not a JSON object fails here.
        self.events.append(Stored(kind, stamp, json.loads(json.dumps(detail)), user))

    def kinds(self) -> list[str]:
        return [event.kind for event in self.events]

    def of(self, kind: str) -> list[Stored]:
        return [event for event in self.events if event.kind == kind]


class Bedside:
    """A recorder run: clock, record, and the session under one profile."""

    def __init__(self, loaded: LoadedProfile, *, epoch: str = "boot-1") -> None:
        self.clock = ManualClock(START, monotonic_ns=5_000 * 10**9, monotonic_epoch=epoch)
        self.record = Record()
        self.record(RECORDING_STARTED, self.clock.now(), {"clock_epoch": epoch}, None)
        self.clock.advance(30)
        self.session = DoseSession.select(loaded, clock=self.clock, sink=self.record, user=NURSE)

    def bp(self, systolic: float, diastolic: float = 80, mean: float | None = 95, *,
           manual: bool = False) -> None:
        now = self.clock.now()
        observations = [Observation("NIBP_SYS", systolic, now, "s5", manual=manual),
                        Observation("NIBP_DIA", diastolic, now, "s5", manual=manual)]
        if mean is not None:
            observations.append(Observation("NIBP_MEAN", mean, now, "s5", manual=manual))
        self.record.observations.extend(observations)
        self.session.add_observations(observations)

    def wait(self, minutes: float) -> None:
        self.clock.advance(minutes * MIN)

    def new_events(self, action: Any) -> list[Stored]:
        before = len(self.record.events)
        action()
        return self.record.events[before:]


IV_PLAN = plan_dose(IV.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5))
ESK_PLAN = plan_dose(ESK.profile, DoseRequest(dose_mg=56, lot="LOT-7"))
ESK_84 = plan_dose(ESK.profile, DoseRequest(dose_mg=84, lot="LOT-7"))


def iv_infusing(epoch: str = "boot-1") -> Bedside:
    """IV 70 kg example: baseline BP, planned, infusion started 5 min after the baseline."""
    bed = Bedside(IV, epoch=epoch)
    bed.bp(124, 78, 93)
    bed.session.plan(IV_PLAN, user=NURSE)
    bed.wait(5)
    bed.session.start_dosing(user=NURSE)
    return bed


def esketamine_given(plan: Any = ESK_PLAN) -> Bedside:
    """Esketamine: pre-dose BP 10 min before the first device, devices 5 min apart."""
    bed = Bedside(ESK)
    bed.bp(128, 84, 96)
    bed.session.plan(plan, user=NURSE)
    bed.wait(10)
    bed.session.start_dosing(user=NURSE)
    for _ in range(plan.devices - 1):
        bed.wait(5)
        bed.session.give_next_device(user=NURSE)
    return bed


# --- selection and actions ------------------------------------------------------------------------

def test_selecting_a_profile_stores_its_rules() -> None:
    bed = Bedside(IV)
    selected = bed.record.of(TREATMENT_SELECTED)
    assert len(selected) == 1 and selected[0].user == NURSE
    detail = selected[0].detail
    assert detail["profile_id"] == "iv-ketamine" and detail["version"] == IV.profile.version
    assert detail["sha256"] == IV.sha256 and detail["confirmed_by"] == ""
    assert detail["content"] == IV.content
    status = bed.session.status()
    assert status.timer.phase is Phase.NOT_PLANNED and status.profile == IV.profile


def test_every_infusion_action_is_stored_once_with_who_and_why() -> None:
    bed = Bedside(IV)
    bed.bp(124, 78, 93)
    session = bed.session

    def only(events: list[Stored], kind: str, user: str | None = NURSE) -> Mapping[str, Any]:
        assert [event.kind for event in events] == [kind]
        assert events[0].user == user and events[0].stamp == bed.clock.now()
        return events[0].detail

    detail = only(bed.new_events(lambda: session.plan(IV_PLAN, user=NURSE)), EventKind.DOSE_PLANNED)
    assert detail == {"plan": json.loads(json.dumps(IV_PLAN.to_detail()))}
    bed.wait(5)
    events = bed.new_events(lambda: session.start_dosing(user="nurse B"))
    assert [event.kind for event in events] == [EventKind.INFUSION_STARTED, REQUIRED_BP_RECORDED]
    assert events[0].user == "nurse B" and events[0].detail == {"rate_ml_h": 150.0}
    assert events[1].user is None and events[1].detail["check"] == "bp-baseline"
    bed.wait(10)
    detail = only(bed.new_events(lambda: session.pause(user=NURSE, reason="  BP 182/104  ")),
                  EventKind.INFUSION_PAUSED)
    assert detail == {"reason": "BP 182/104"}
    bed.wait(5)
    detail = only(bed.new_events(lambda: session.resume(user=NURSE)), EventKind.INFUSION_RESUMED)
    assert detail == {"reason": ""}
    bed.wait(1)
    detail = only(bed.new_events(lambda: session.change_rate(120.0, user=NURSE, reason="slower")),
                  EventKind.RATE_CHANGED)
    assert detail == {"rate_ml_h": 120.0, "reason": "slower"}
    detail = only(bed.new_events(lambda: session.bolus(2.0, user=NURSE, reason="as ordered")),
                  EventKind.BOLUS_GIVEN)
    assert detail == {"mg": 2.0, "reason": "as ordered"}
    status = session.status()
    bed.clock.advance(status.timer.remaining_s)
    detail = only(bed.new_events(lambda: session.complete(user=NURSE)), EventKind.INFUSION_COMPLETED)
    assert detail == {"delivered_mg": 35.0}
    assert session.status().timer.delivered_mg == 35.0


def test_stop_early_stores_what_was_delivered() -> None:
    bed = iv_infusing()
    bed.wait(20)
    events = bed.new_events(lambda: bed.session.stop_early(user=NURSE, reason="patient asked"))
    assert [event.kind for event in events] == [EventKind.DOSING_STOPPED]
    assert events[0].detail == {"reason": "patient asked", "delivered_mg": 17.5}
    status = bed.session.status()
    assert (status.timer.phase, status.timer.outcome) == (Phase.OBSERVATION, Outcome.STOPPED_EARLY)
    assert status.timer.delivered_mg == pytest.approx(17.5)


def test_an_injection_is_stored_with_its_dose() -> None:
    bed = Bedside(IM)
    bed.bp(120, 80, 93)
    plan = plan_dose(IM.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5))
    bed.session.plan(plan, user=NURSE)
    events = bed.new_events(lambda: bed.session.start_dosing(user=NURSE))
    assert events[0].kind == EventKind.INJECTION_GIVEN and events[0].detail == {"mg": 35.0, "volume_ml": 0.7}
    assert bed.session.status().timer.phase is Phase.OBSERVATION


@pytest.mark.parametrize(("action", "error", "message"), [
    (lambda s: s.pause(user=NURSE, reason="   "), ValueError, "Give a reason"),
    (lambda s: s.change_rate(100.0, user=NURSE, reason=""), ValueError, "Give a reason"),
    (lambda s: s.bolus(1.0, user=NURSE, reason=" "), ValueError, "Give a reason"),
    (lambda s: s.stop_early(user=NURSE, reason=""), ValueError, "Give a reason"),
    (lambda s: s.pause(user="  ", reason="x"), ValueError, "needs the name of who did it"),
    (lambda s: s.resume(user=NURSE), TimerError, "Cannot resume while the dose is infusing"),
    (lambda s: s.complete(user=NURSE), TimerError, "stop it early instead"),
    (lambda s: s.bolus(40.0, user=NURSE, reason="x"), TimerError, "left in the bag"),
    (lambda s: s.change_rate(0.0, user=NURSE, reason="x"), TimerError, "more than 0 mL/h"),
    (lambda s: s.plan(IV_PLAN, user=NURSE), TimerError, "Cannot plan a dose while the dose is infusing"),
    (lambda s: s.give_next_device(user=NURSE), TimerError, "not given that way"),
], ids=["pause-no-reason", "rate-no-reason", "bolus-no-reason", "stop-no-reason", "no-user",
        "resume-infusing", "complete-early", "bolus-too-much", "rate-zero", "replan-after-start",
        "device-for-iv"])
def test_a_refused_action_records_nothing(action: Any, error: type[Exception], message: str) -> None:
    bed = iv_infusing()
    bed.wait(10)
    before = list(bed.record.events)
    timer_before = bed.session.status().timer
    with pytest.raises(error, match=message):
        action(bed.session)
    assert bed.record.events == before
    assert bed.session.status().timer == timer_before


@pytest.mark.parametrize("action", [
    lambda s: s.mark_ready_for_discharge(user=NURSE, criteria_met=[]),
    lambda s: s.start_dosing(user=NURSE),
    lambda s: s.plan(plan_dose(IV.profile, DoseRequest(weight_kg=70, mg_per_kg=0.9)), user=NURSE),
], ids=["discharge-while-infusing", "start-twice", "replan-out-of-range"])
def test_no_reason_is_asked_for_an_action_the_phase_refuses(action: Any) -> None:
    bed = Bedside(IV)
    bed.session.plan(IV_PLAN, user=NURSE)
    bed.session.start_dosing(user=NURSE, overrides={"required-bp:bp-baseline": "cuff broken"})
    bed.wait(1)
    before = list(bed.record.events)
    with pytest.raises(TimerError, match="while the dose is infusing"):
        action(bed.session)
    assert bed.record.events == before


def test_actions_need_a_plan_first() -> None:
    bed = Bedside(IV)
    with pytest.raises(TimerError, match="Plan the dose first"):
        bed.session.start_dosing(user=NURSE, overrides={"required-bp:bp-baseline": "x"})
    with pytest.raises(TimerError, match="Plan the dose first"):
        bed.session.complete(user=NURSE)
    assert bed.record.kinds() == [RECORDING_STARTED, TREATMENT_SELECTED]


def test_start_at_another_rate_than_planned() -> None:
    bed = Bedside(IV)
    bed.bp(120)
    bed.session.plan(IV_PLAN, user=NURSE)
    bed.session.start_dosing(user=NURSE, rate_ml_h=75.0)
    assert bed.record.of(EventKind.INFUSION_STARTED)[0].detail == {"rate_ml_h": 75.0}
    bed.wait(40)
    assert bed.session.status().timer.delivered_mg == pytest.approx(17.5)


# --- gates ----------------------------------------------------------------------------------------

def assert_gate_holds(bed: Bedside, action: Any, gate_ids: Sequence[str], kind: str) -> Stored:
    """``action(overrides)`` is held for exactly ``gate_ids`` (nothing recorded), then goes through
    with a reason for each; returns the stored event."""
    before = list(bed.record.events)
    with pytest.raises(OverrideNeeded) as caught:
        action(None)
    assert [gate.id for gate in caught.value.gates] == list(gate_ids)
    assert str(caught.value) == "; ".join(gate.message for gate in caught.value.gates)
    assert bed.record.events == before
    # A blank reason is no reason; a reason for another gate does not count either.
    with pytest.raises(OverrideNeeded):
        action({gate_id: "   " for gate_id in gate_ids})
    with pytest.raises(OverrideNeeded):
        action({"something-else": "because"})
    assert bed.record.events == before
    reasons = {gate_id: f"  reason for {gate_id}  " for gate_id in gate_ids}
    action(reasons)
    stored = next(event for event in bed.record.events[len(before):] if event.kind == kind)
    assert stored.user == NURSE
    overrides = stored.detail["overrides"]
    assert [entry["gate"] for entry in overrides] == list(gate_ids)
    assert [entry["reason"] for entry in overrides] == [f"reason for {gate_id}" for gate_id in gate_ids]
    assert [entry["message"] for entry in overrides] == [gate.message for gate in caught.value.gates]
    return stored


def test_a_dose_out_of_range_needs_a_reason() -> None:
    bed = Bedside(IV)
    plan = plan_dose(IV.profile, DoseRequest(weight_kg=70, mg_per_kg=0.9))
    assert plan.out_of_range is not None
    stored = assert_gate_holds(bed, lambda overrides: bed.session.plan(plan, user=NURSE, overrides=overrides),
                               ["dose-range"], EventKind.DOSE_PLANNED)
    assert stored.detail["overrides"][0]["message"] == plan.out_of_range
    assert bed.session.status().timer.plan == plan


def test_a_dose_in_range_has_no_overrides() -> None:
    bed = Bedside(IV)
    bed.session.plan(IV_PLAN, user=NURSE, overrides={"dose-range": "not needed"})
    assert "overrides" not in bed.record.of(EventKind.DOSE_PLANNED)[0].detail


def test_an_unusual_esketamine_dose_needs_a_reason() -> None:
    bed = Bedside(ESK)
    plan = plan_dose(ESK.profile, DoseRequest(dose_mg=28, lot="L"))
    assert_gate_holds(bed, lambda overrides: bed.session.plan(plan, user=NURSE, overrides=overrides),
                      ["dose-range"], EventKind.DOSE_PLANNED)


@pytest.mark.parametrize(("loaded", "plan", "gate", "kind"), [
    (ESK, ESK_PLAN, "required-bp:bp-pre-dose", EventKind.DEVICE_GIVEN),
    (IV, IV_PLAN, "required-bp:bp-baseline", EventKind.INFUSION_STARTED),
], ids=["esketamine", "iv"])
@pytest.mark.parametrize("bp_minutes_before", [None, 31], ids=["no-bp", "bp-too-old"])
def test_dosing_without_the_blood_pressure_before_it_needs_a_reason(
        loaded: LoadedProfile, plan: Any, gate: str, kind: str, bp_minutes_before: float | None) -> None:
    bed = Bedside(loaded)
    if bp_minutes_before is not None:
        bed.bp(130)
        bed.wait(bp_minutes_before)
    bed.session.plan(plan, user=NURSE)
    stored = assert_gate_holds(
        bed, lambda overrides: bed.session.start_dosing(user=NURSE, overrides=overrides), [gate], kind)
    assert "no reading in the last 30 min" in stored.detail["overrides"][0]["message"]
    assert not bed.record.of(REQUIRED_BP_RECORDED)


@pytest.mark.parametrize("minutes_before", [0, 10, 30], ids=["just-now", "10-min", "30-min"])
def test_a_recent_blood_pressure_lets_dosing_start(minutes_before: float) -> None:
    bed = Bedside(ESK)
    bed.bp(130)
    bed.wait(minutes_before)
    bed.session.plan(ESK_PLAN, user=NURSE)
    bed.session.start_dosing(user=NURSE)
    assert "overrides" not in bed.record.of(EventKind.DEVICE_GIVEN)[0].detail


def test_a_nasal_device_before_the_rest_is_over_needs_a_reason() -> None:
    bed = Bedside(ESK)
    bed.bp(130)
    bed.session.plan(ESK_84, user=NURSE)
    bed.session.start_dosing(user=NURSE)
    bed.wait(3)
    stored = assert_gate_holds(
        bed, lambda overrides: bed.session.give_next_device(user=NURSE, overrides=overrides), ["device-rest"],
        EventKind.DEVICE_GIVEN)
    assert stored.detail["overrides"][0]["message"] == (
        "Only 3:00 min since the last device; the protocol asks for 5 min between devices")
    assert stored.detail["device"] == 2 and stored.detail["of"] == 3 and stored.detail["lot"] == "LOT-7"
    bed.wait(5)
    bed.session.give_next_device(user=NURSE)  # the rest is over: no reason needed
    last = bed.record.of(EventKind.DEVICE_GIVEN)[-1]
    assert last.detail == {"device": 3, "of": 3, "mg": 28.0, "lot": "LOT-7"}
    assert bed.session.status().timer.delivered_mg == 84


def test_discharge_gates_for_esketamine() -> None:
    bed = esketamine_given()
    bed.wait(90)
    gates = bed.session.discharge_gates([])
    assert [gate.id for gate in gates] == ["observation-minimum", "discharge-criteria",
                                          "required-bp:bp-before-discharge"]
    # 10 min since the pre-dose BP + 5 min between devices + 90 min: 2 h from the first device in 25 min.
    assert gates[0].message == "The minimum observation of 120 min ends in 25:00 min"
    assert gates[1].message.startswith("Not confirmed: Sedation resolved (MOAA/S 5); Dissociation resolved")
    assert gates[2].message == "REMS blood pressure before the patient leaves: no reading in the last 15 min"
    partly = bed.session.discharge_gates(ALL_ESK_CRITERIA[:-1])
    assert partly[1].message == (
        "Not confirmed: Told not to drive or operate machinery until the next day after restful sleep")
    stored = assert_gate_holds(
        bed, lambda overrides: bed.session.mark_ready_for_discharge(
            user=NURSE, criteria_met=ALL_ESK_CRITERIA[:2], overrides=overrides),
        ["observation-minimum", "discharge-criteria", "required-bp:bp-before-discharge"],
        EventKind.DISCHARGE_READY)
    assert stored.detail["criteria_met"] == sorted(ALL_ESK_CRITERIA[:2])
    assert bed.session.status().timer.phase is Phase.READY_FOR_DISCHARGE


def test_discharge_after_the_minimum_with_everything_done_needs_no_reason() -> None:
    bed = esketamine_given()
    bed.wait(110)
    bed.bp(132, 82, 99)
    bed.wait(5)
    assert [gate.id for gate in bed.session.discharge_gates(ALL_ESK_CRITERIA)] == []
    bed.session.mark_ready_for_discharge(user=NURSE, criteria_met=ALL_ESK_CRITERIA)
    ready = bed.record.of(EventKind.DISCHARGE_READY)[0]
    assert "overrides" not in ready.detail


@pytest.mark.parametrize(("minutes_after_end", "gated"), [(59, True), (60, False)], ids=["59-min", "60-min"])
def test_iv_discharge_minimum_counts_from_the_end_of_the_infusion(minutes_after_end: float,
                                                                  gated: bool) -> None:
    bed = iv_infusing()
    bed.wait(40)
    bed.session.complete(user=NURSE)
    bed.wait(minutes_after_end)
    gates = [gate.id for gate in bed.session.discharge_gates(ALL_IV_CRITERIA)]
    assert gates == (["observation-minimum"] if gated else [])


def test_unknown_discharge_criteria_are_refused() -> None:
    bed = esketamine_given()
    bed.wait(130)
    with pytest.raises(ValueError, match="unknown discharge criteria: made-up"):
        bed.session.mark_ready_for_discharge(user=NURSE, criteria_met=["made-up"])
    assert not bed.record.of(EventKind.DISCHARGE_READY)


# --- REMS blood pressures -------------------------------------------------------------------------

def bp_values(event: Stored) -> tuple[Any, ...]:
    detail = event.detail
    return (detail["check"], detail["systolic"], detail["diastolic"], detail["mean"], detail["late"],
            detail.get("minutes_after_dosing_start"))


def states(bed: Bedside) -> dict[str, CheckState]:
    return {check.id: check.state for check in bed.session.status().checks if check.required}


def test_esketamine_rems_blood_pressures_are_prompted_before_dosing() -> None:
    bed = Bedside(ESK)
    assert states(bed) == {"bp-pre-dose": CheckState.DUE, "bp-40-min": CheckState.UPCOMING,
                           "bp-before-discharge": CheckState.UPCOMING}
    bed.bp(128, 84, 96)
    # The reading before dosing answers the pre-dose prompt only, not the one before discharge.
    assert states(bed) == {"bp-pre-dose": CheckState.DONE, "bp-40-min": CheckState.UPCOMING,
                           "bp-before-discharge": CheckState.UPCOMING}
    bed.wait(31)
    assert states(bed)["bp-pre-dose"] is CheckState.DUE  # too old now
    assert not bed.record.of(REQUIRED_BP_RECORDED)  # nothing is recorded before dosing starts


def test_esketamine_rems_blood_pressures_are_recorded_from_the_observations() -> None:
    bed = Bedside(ESK)
    bed.bp(128, 84, 96)  # at 0:30 after selection; the first device 10 min later
    measured_pre = bed.clock.now()
    bed.session.plan(ESK_PLAN, user=NURSE)
    bed.wait(10)
    bed.session.start_dosing(user=NURSE)
    recorded = bed.record.of(REQUIRED_BP_RECORDED)
    assert [bp_values(event) for event in recorded] == [("bp-pre-dose", 128, 84, 96, False, -10.0)]
    assert recorded[0].detail["measured_utc"] == measured_pre.utc.isoformat()
    assert recorded[0].detail["source"] == "s5" and recorded[0].detail["manual"] is False
    assert recorded[0].user is None
    bed.wait(5)
    bed.session.give_next_device(user=NURSE)

    # The monitor re-sends its last cuff measurement; at 40 min that is not a new reading.
    for _ in range(7):
        bed.wait(5)
        bed.bp(128, 84, 96)
    checks = {check.id: check for check in bed.session.status().checks}
    assert checks["bp-40-min"].state is CheckState.DUE
    assert len(bed.record.of(REQUIRED_BP_RECORDED)) == 1

    bed.wait(1)  # 41 min after the first device: the cuff measures
    bed.bp(151, 96, 112)
    recorded = bed.record.of(REQUIRED_BP_RECORDED)
    assert [bp_values(event) for event in recorded[1:]] == [("bp-40-min", 151, 96, 112, False, 41.0)]
    for _ in range(3):  # re-sent again: still recorded once
        bed.wait(2)
        bed.bp(151, 96, 112)
    assert len(bed.record.of(REQUIRED_BP_RECORDED)) == 2

    bed.wait(120 - 47 - 16)  # 16 min before the minimum ends
    assert states(bed)["bp-before-discharge"] is CheckState.UPCOMING
    bed.wait(6)
    assert states(bed)["bp-before-discharge"] is CheckState.DUE  # prompted 15 min before
    bed.bp(134, 85, 100)
    assert len(bed.record.of(REQUIRED_BP_RECORDED)) == 2  # the discharge is not decided yet
    checks = {check.id: check for check in bed.session.status().checks}
    assert checks["bp-before-discharge"].state is CheckState.DONE  # against the expected discharge
    bed.wait(10)
    bed.session.mark_ready_for_discharge(user=NURSE, criteria_met=ALL_ESK_CRITERIA)
    events = bed.record.events
    assert [event.kind for event in events[-2:]] == [EventKind.DISCHARGE_READY, REQUIRED_BP_RECORDED]
    assert bp_values(events[-1]) == ("bp-before-discharge", 134, 85, 100, False, 110.0)
    status = bed.session.status()
    assert {check: reading.systolic for check, reading in status.recorded_bp.items()} == {
        "bp-pre-dose": 128, "bp-40-min": 151, "bp-before-discharge": 134}
    assert status.recorded_bp["bp-40-min"].text() == "151/96 (112)"


def test_a_late_40_minute_blood_pressure_is_recorded_as_late() -> None:
    bed = esketamine_given()
    bed.wait(40 - 5)
    assert {c.id: c.state for c in bed.session.status().checks}["bp-40-min"] is CheckState.DUE
    bed.wait(11)  # 51 min after the first device: the window closed at 50
    assert {c.id: c.state for c in bed.session.status().checks}["bp-40-min"] is CheckState.OVERDUE
    bed.wait(4)
    bed.bp(140, 90, 105)
    assert bp_values(bed.record.of(REQUIRED_BP_RECORDED)[-1]) == ("bp-40-min", 140, 90, 105, True, 55.0)


def test_a_typed_in_blood_pressure_with_the_same_values_counts() -> None:
    bed = esketamine_given()
    bed.wait(36)
    bed.bp(128, 84, 96, manual=True)  # the same values as the pre-dose reading, but measured by hand
    event = bed.record.of(REQUIRED_BP_RECORDED)[-1]
    assert bp_values(event) == ("bp-40-min", 128, 84, 96, False, 41.0)
    assert event.detail["manual"] is True


# --- restart recovery -----------------------------------------------------------------------------

def assert_same_status(live: DoseSessionStatus, rebuilt: DoseSessionStatus) -> None:
    """The rebuilt session stands where the live one does (times compared relative to now, since the
    two count session seconds from different origins only by a constant)."""
    a, b = live.timer, rebuilt.timer
    assert (b.phase, b.outcome, b.plan) == (a.phase, a.outcome, a.plan)
    assert b.delivered_mg == pytest.approx(a.delivered_mg, abs=1e-9)
    assert (b.rate_ml_h, b.devices_given, b.can_complete) == (a.rate_ml_h, a.devices_given, a.can_complete)

    def relative(value: float | None, now: float) -> float | None:
        return None if value is None else value - now

    for name in ("projected_end_s", "may_leave_s", "dosing_start_s", "dosing_end_s", "discharge_s",
                 "next_device_s"):
        expected = relative(getattr(a, name), live.now_s)
        actual = relative(getattr(b, name), rebuilt.now_s)
        assert actual == (None if expected is None else pytest.approx(expected, abs=1e-6)), name
    for name in ("elapsed_s", "paused_s", "remaining_s"):
        expected = getattr(a, name)
        assert getattr(b, name) == (None if expected is None else pytest.approx(expected, abs=1e-6)), name
    assert [(c.id, c.state, c.late, relative(c.due_s, rebuilt.now_s)) for c in rebuilt.checks] == [
        (c.id, c.state, c.late, pytest.approx(relative(c.due_s, live.now_s), abs=1e-6)) for c in live.checks]
    assert {k: (r.systolic, r.diastolic, r.mean, r.measured.utc) for k, r in rebuilt.recorded_bp.items()} == {
        k: (r.systolic, r.diastolic, r.mean, r.measured.utc) for k, r in live.recorded_bp.items()}


def restarted_clock(bed: Bedside, *, epoch: str, downtime_s: float,
                    monotonic_ns: int | None = None) -> ManualClock:
    """The clock of the console started again ``downtime_s`` later (the live clock moves on too)."""
    bed.clock.advance(downtime_s)
    now = bed.clock.now()
    return ManualClock(now.utc, monotonic_epoch=epoch,
                       monotonic_ns=now.monotonic_ns if monotonic_ns is None else monotonic_ns)


def paused_and_resumed_infusion() -> Bedside:
    bed = iv_infusing()
    bed.wait(10)
    bed.session.pause(user=NURSE, reason="nausea")
    bed.wait(4)
    bed.bp(150, 92, 110)
    bed.wait(3)
    bed.session.resume(user=NURSE)
    bed.wait(3)
    bed.session.change_rate(120.0, user=NURSE, reason="slower")
    bed.wait(2)
    return bed


@pytest.mark.parametrize(("epoch", "monotonic_ns"), [("boot-1", None), ("boot-2", 7 * 10**9)],
                         ids=["same-boot", "after-reboot"])
def test_the_infusion_survives_a_restart(epoch: str, monotonic_ns: int | None) -> None:
    bed = paused_and_resumed_infusion()
    clock = restarted_clock(bed, epoch=epoch, downtime_s=95, monotonic_ns=monotonic_ns)
    sink = Record()
    rebuilt = DoseSession.rebuild(bed.record.events, bed.record.observations, clock=clock, sink=sink)
    assert rebuilt is not None and rebuilt.profile == IV.profile
    live_status, rebuilt_status = bed.session.status(), rebuilt.status()
    assert rebuilt_status.timer.phase is Phase.INFUSING
    assert rebuilt_status.timer.paused_s == pytest.approx(7 * MIN)
    assert rebuilt_status.timer.elapsed_s == pytest.approx(22 * MIN + 95)
    assert_same_status(live_status, rebuilt_status)
    assert sink.events == []  # rebuilding records nothing

    # Both go on in step, and the rebuilt one completes exactly at its projected end.
    for minutes in (1, 7, 13):
        bed.wait(minutes)
        clock.advance(minutes * MIN)
        assert_same_status(bed.session.status(), rebuilt.status())
    end_in = rebuilt.status().timer.remaining_s
    clock.advance(end_in)
    rebuilt.complete(user=NURSE)
    assert rebuilt.status().timer.delivered_mg == 35.0
    assert [event.kind for event in sink.events] == [EventKind.INFUSION_COMPLETED]


def test_a_restart_during_observation_keeps_may_leave_and_the_baseline() -> None:
    bed = iv_infusing()
    bed.wait(40)
    bed.session.complete(user=NURSE)
    bed.wait(25)
    clock = restarted_clock(bed, epoch="boot-9", downtime_s=300, monotonic_ns=10**9)
    rebuilt = DoseSession.rebuild(bed.record.events, bed.record.observations, clock=clock, sink=Record())
    assert rebuilt is not None
    status = rebuilt.status()
    assert status.timer.phase is Phase.OBSERVATION and status.timer.delivered_mg == 35.0
    assert status.timer.may_leave_s - status.now_s == pytest.approx(30 * MIN)
    assert_same_status(bed.session.status(), status)
    gates = rebuilt.discharge_gates(ALL_IV_CRITERIA)
    assert [gate.message for gate in gates] == ["The minimum observation of 60 min ends in 30:00 min"]


def test_the_esketamine_session_survives_a_reboot_and_keeps_its_rems_readings() -> None:
    bed = esketamine_given()
    bed.wait(36)
    bed.bp(150, 95, 110)
    bed.wait(20)
    clock = restarted_clock(bed, epoch="boot-2", downtime_s=240, monotonic_ns=3 * 10**9)
    sink = Record()
    rebuilt = DoseSession.rebuild(bed.record.events, bed.record.observations, clock=clock, sink=sink)
    assert rebuilt is not None
    assert_same_status(bed.session.status(), rebuilt.status())
    assert set(rebuilt.status().recorded_bp) == {"bp-pre-dose", "bp-40-min"}
    # The monitor re-sends its last measurement after the restart: nothing new is recorded.
    now = clock.now()
    rebuilt.add_observations([Observation("NIBP_SYS", 150, now, "s5"),
                              Observation("NIBP_DIA", 95, now, "s5")])
    assert sink.events == []
    # Two hours from the first device count across the reboot.
    status = rebuilt.status()
    assert status.timer.may_leave_s - status.now_s == pytest.approx((120 - 5 - 36 - 20) * MIN - 240)


def test_a_rebuild_with_the_new_runs_recording_started_agrees() -> None:
    bed = paused_and_resumed_infusion()
    clock = restarted_clock(bed, epoch="boot-2", downtime_s=60, monotonic_ns=10**9)
    events = [*bed.record.events, Stored(RECORDING_STARTED, clock.now(), {"clock_epoch": "boot-2"}, None)]
    rebuilt = DoseSession.rebuild(events, bed.record.observations, clock=clock, sink=Record())
    assert rebuilt is not None
    clock.advance(120)
    bed.wait(2)
    assert_same_status(bed.session.status(), rebuilt.status())


def test_no_treatment_selected_rebuilds_to_none() -> None:
    clock = ManualClock(START)
    events = [Stored(RECORDING_STARTED, clock.now(), {"clock_epoch": clock.monotonic_epoch}, None)]
    assert DoseSession.rebuild(events, [], clock=clock, sink=Record()) is None


def test_an_inconsistent_record_is_refused_naming_the_event() -> None:
    bed = iv_infusing()
    bed.wait(5)
    stamp = bed.clock.now()
    events = [*bed.record.events, Stored(EventKind.INFUSION_RESUMED, stamp, {"reason": ""}, NURSE)]
    with pytest.raises(TimerError, match=r"stored infusion-resumed event at 09:\d\d:\d\d UTC cannot be "
                                         r"replayed: Cannot resume while the dose is infusing"):
        DoseSession.rebuild(events, [], clock=bed.clock, sink=Record())


def test_the_rebuild_uses_the_profile_stored_with_the_session() -> None:
    """The session was run under a version of the file with a 90 min minimum; the shipped file (60 min)
    must not replace the rules stored with the session."""
    content = json.loads(json.dumps(IV.content))
    content["observation"]["minimum_min"] = 90
    loaded = LoadedProfile(IV.profile.model_copy(update={"observation": IV.profile.observation.model_copy(
        update={"minimum_min": 90})}), content, "0" * 64, "the clinic's old file")
    bed = Bedside(loaded)
    bed.bp(120)
    bed.session.plan(IV_PLAN, user=NURSE)
    bed.session.start_dosing(user=NURSE)
    bed.wait(40)
    bed.session.complete(user=NURSE)
    assert bed.record.of(TREATMENT_SELECTED)[0].detail["content"]["observation"]["minimum_min"] == 90
    rebuilt = DoseSession.rebuild(bed.record.events, bed.record.observations, clock=bed.clock, sink=Record())
    assert rebuilt is not None and rebuilt.profile.observation.minimum_min == 90
    status = rebuilt.status()
    assert status.timer.may_leave_s - status.now_s == pytest.approx(90 * MIN)


# --- wall-clock jumps -----------------------------------------------------------------------------

@pytest.mark.parametrize("jump_h", [-1, 1], ids=["back-an-hour", "forward-an-hour"])
def test_a_wall_clock_jump_mid_infusion_changes_nothing(jump_h: float) -> None:
    bed = iv_infusing()
    bed.wait(10)
    before = bed.session.status()
    bed.clock.set_wall_time(bed.clock.now().utc + timedelta(hours=jump_h))
    after = bed.session.status()
    assert after.now_s == before.now_s
    assert after.timer == before.timer
    assert after.wall_time(after.timer.projected_end_s) - before.wall_time(before.timer.projected_end_s) == \
        timedelta(hours=jump_h)  # shown against the wall clock as it now reads
    bed.wait(10)
    status = bed.session.status().timer
    assert status.delivered_mg == pytest.approx(17.5)
    assert status.elapsed_s == pytest.approx(20 * MIN)
    assert status.remaining_s == pytest.approx(20 * MIN)
    bed.session.pause(user=NURSE, reason="line occluded")
    bed.clock.set_wall_time(bed.clock.now().utc - timedelta(hours=2 * jump_h))  # and back past the start
    bed.wait(5)
    bed.session.resume(user=NURSE)
    bed.wait(5)
    status = bed.session.status().timer
    assert status.delivered_mg == pytest.approx(17.5 + 5 * MIN * 52.5 / 3600)
    assert status.paused_s == pytest.approx(5 * MIN)
    assert status.elapsed_s == pytest.approx(30 * MIN)
    assert status.projected_end_s - bed.session.status().now_s == pytest.approx(15 * MIN)
    bed.wait(15)
    bed.session.complete(user=NURSE)
    status = bed.session.status().timer
    assert status.delivered_mg == 35.0 and status.elapsed_s == pytest.approx(45 * MIN)
    assert status.may_leave_s - bed.session.status().now_s == pytest.approx(60 * MIN)

    # Rebuilt from the events recorded across both jumps, on the same boot.
    bed.wait(3)
    clock = restarted_clock(bed, epoch="boot-1", downtime_s=30)
    rebuilt = DoseSession.rebuild(bed.record.events, bed.record.observations, clock=clock, sink=Record())
    assert rebuilt is not None
    assert_same_status(bed.session.status(), rebuilt.status())
    assert rebuilt.status().timer.elapsed_s == pytest.approx(45 * MIN)


def test_a_wall_clock_jump_does_not_move_the_esketamine_checks() -> None:
    bed = esketamine_given()
    bed.wait(20)
    before = {c.id: (c.state, c.due_s) for c in bed.session.status().checks}
    may_leave = bed.session.status().timer.may_leave_s
    bed.clock.set_wall_time(bed.clock.now().utc - timedelta(hours=1))
    assert {c.id: (c.state, c.due_s) for c in bed.session.status().checks} == before
    bed.wait(16)  # 41 min after the first device by the monotonic clock
    bed.bp(145, 90, 108)
    assert bp_values(bed.record.of(REQUIRED_BP_RECORDED)[-1]) == ("bp-40-min", 145, 90, 108, False, 41.0)
    assert bed.session.status().timer.may_leave_s == may_leave
    bed.clock.set_wall_time(bed.clock.now().utc + timedelta(hours=3))
    bed.wait(78)  # 1:59 after the first device, though the wall clock says 3:59
    gates = bed.session.discharge_gates(ALL_ESK_CRITERIA)
    assert gates[0].message == "The minimum observation of 120 min ends in 1:00 min"
    bed.wait(1)
    assert "observation-minimum" not in [gate.id for gate in bed.session.discharge_gates(ALL_ESK_CRITERIA)]


def test_an_overridden_pre_dose_reading_shows_as_missed_and_a_later_one_does_not_fill_it() -> None:
    bed = Bedside(ESK)
    bed.session.plan(ESK_PLAN, user=NURSE)
    bed.session.start_dosing(user=NURSE, overrides={"required-bp:bp-pre-dose": "cuff too small, replaced"})
    bed.wait(2)
    bed.bp(150, 92)  # taken after the first device: not a pre-dose reading
    assert states(bed)["bp-pre-dose"] is CheckState.MISSED
    assert [bp_values(e)[0] for e in bed.record.of(REQUIRED_BP_RECORDED)] == []
    closed_last = [check.state for check in bed.session.status().checks][-1]
    assert closed_last is CheckState.MISSED, "a missed check is listed after the open ones"
