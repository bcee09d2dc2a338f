"""The dose timer: phases for infusion, injection and nasal devices, refused actions, pauses, rate
changes, boluses, completion and early stop, and property tests of the delivered dose."""

from __future__ import annotations

import copy
import math
import tomllib
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketaconsole.core.dose_timer import (
    TIMER_EVENT_KINDS,
    DoseTimer,
    EventKind,
    Outcome,
    Phase,
    TimerError,
    TimerEvent,
)
from ketaconsole.core.dosing import DosePlan, DoseRequest, plan_dose
from ketaconsole.core.treatment_profiles import TreatmentProfile, parse_profile
from ketaconsole.paths import data_path


def shipped(profile_id: str) -> TreatmentProfile:
    text = data_path("resources", "protocols", f"{profile_id}.toml").read_text("utf-8")
    return parse_profile(tomllib.loads(text))


IV = shipped("iv-ketamine")
IM = shipped("im-ketamine")
ESK = shipped("esketamine-intranasal")

IV_PLAN = plan_dose(IV, DoseRequest(weight_kg=70, mg_per_kg=0.5))  # 35 mg, 150 mL/h, 52.5 mg/h, 40 min
IM_PLAN = plan_dose(IM, DoseRequest(weight_kg=70, mg_per_kg=0.5))  # 35 mg in 0.7 mL
ESK_PLAN = plan_dose(ESK, DoseRequest(dose_mg=56, lot="L1"))  # 2 devices
ESK_84 = plan_dose(ESK, DoseRequest(dose_mg=84, lot="L1"))  # 3 devices

MIN = 60.0
MG_PER_S = 52.5 / 3600  # the 70 kg example's rate


def planned(plan: DosePlan) -> TimerEvent:
    return TimerEvent(EventKind.DOSE_PLANNED, 0.0, {"plan": plan.to_detail()}, "nurse")


def timer_with(profile: TreatmentProfile, *events: TimerEvent) -> DoseTimer:
    timer = DoseTimer(profile)
    for event in events:
        timer.apply(event)
    return timer


def ev(kind: str, at_s: float, **detail: Any) -> TimerEvent:
    return TimerEvent(kind, at_s, detail, "nurse")


def infusing(at_s: float = 0.0, rate: float = 150.0) -> DoseTimer:
    return timer_with(IV, planned(IV_PLAN), ev(EventKind.INFUSION_STARTED, at_s, rate_ml_h=rate))


# --- phases ---------------------------------------------------------------------------------------

def test_infusion_phases() -> None:
    timer = DoseTimer(IV)
    status = timer.status(0)
    assert (status.phase, status.plan, status.delivered_mg) == (Phase.NOT_PLANNED, None, 0)
    assert status.elapsed_s is None
    assert status.remaining_mg is None and status.may_leave_s is None

    timer.apply(planned(IV_PLAN))
    status = timer.status(10)
    assert status.phase is Phase.PLANNED and status.plan == IV_PLAN
    assert status.remaining_mg == 35 and status.rate_ml_h is None and status.projected_end_s is None

    timer.apply(ev(EventKind.INFUSION_STARTED, 100, rate_ml_h=150.0))
    status = timer.status(100 + 10 * MIN)
    assert status.phase is Phase.INFUSING and status.dosing_start_s == 100
    assert status.rate_ml_h == 150 and status.mg_per_h == pytest.approx(52.5)
    assert status.mg_per_kg_per_h == pytest.approx(0.75)
    assert status.delivered_mg == pytest.approx(8.75)
    assert status.remaining_mg == pytest.approx(26.25)
    assert status.elapsed_s == pytest.approx(10 * MIN)
    assert status.remaining_s == pytest.approx(30 * MIN)
    assert status.projected_end_s == pytest.approx(100 + 40 * MIN)
    assert status.may_leave_s is None  # counted from the end of the infusion
    assert not status.can_complete

    timer.apply(ev(EventKind.INFUSION_PAUSED, 100 + 10 * MIN, reason="nausea"))
    assert timer.status(100 + 15 * MIN).phase is Phase.PAUSED
    timer.apply(ev(EventKind.INFUSION_RESUMED, 100 + 15 * MIN))
    assert timer.status(100 + 15 * MIN).phase is Phase.INFUSING

    end = 100 + 45 * MIN
    assert timer.status(end).can_complete
    timer.apply(ev(EventKind.INFUSION_COMPLETED, end))
    status = timer.status(end + 5 * MIN)
    assert (status.phase, status.outcome) == (Phase.OBSERVATION, Outcome.COMPLETED)
    assert status.delivered_mg == 35
    assert status.dosing_end_s == end and status.elapsed_s == pytest.approx(45 * MIN)
    assert status.paused_s == pytest.approx(5 * MIN)
    assert status.may_leave_s == pytest.approx(end + 60 * MIN)
    assert status.rate_ml_h is None and status.remaining_s is None and status.projected_end_s is None

    timer.apply(ev(EventKind.DISCHARGE_READY, end + 70 * MIN))
    status = timer.status(end + 80 * MIN)
    assert status.phase is Phase.READY_FOR_DISCHARGE and status.discharge_s == end + 70 * MIN
    assert status.delivered_mg == 35


def test_injection_phases() -> None:
    timer = timer_with(IM, planned(IM_PLAN))
    assert timer.status(0).phase is Phase.PLANNED
    timer.apply(ev(EventKind.INJECTION_GIVEN, 300, mg=35, volume_ml=0.7))
    status = timer.status(400)
    assert (status.phase, status.outcome) == (Phase.OBSERVATION, Outcome.COMPLETED)
    assert status.delivered_mg == 35 and status.remaining_mg == 0
    assert status.dosing_start_s == status.dosing_end_s == 300 and status.elapsed_s == 0
    assert status.may_leave_s == 300 + 60 * MIN
    assert status.rate_ml_h is None and not status.can_complete


def test_nasal_device_phases() -> None:
    timer = timer_with(ESK, planned(ESK_84))
    timer.apply(ev(EventKind.DEVICE_GIVEN, 60, device=1))
    status = timer.status(120)
    assert status.phase is Phase.BETWEEN_DEVICES
    assert status.devices_given == 1 and status.delivered_mg == 28
    assert status.next_device_s == 60 + 5 * MIN
    assert status.dosing_start_s == 60 and status.dosing_end_s is None
    assert status.may_leave_s == 60 + 120 * MIN  # REMS: counted from the first device
    timer.apply(ev(EventKind.DEVICE_GIVEN, 60 + 5 * MIN, device=2))
    status = timer.status(60 + 6 * MIN)
    assert status.phase is Phase.BETWEEN_DEVICES and status.delivered_mg == 56
    assert status.next_device_s == 60 + 10 * MIN
    timer.apply(ev(EventKind.DEVICE_GIVEN, 60 + 11 * MIN, device=3))
    status = timer.status(60 + 12 * MIN)
    assert (status.phase, status.outcome) == (Phase.OBSERVATION, Outcome.COMPLETED)
    assert status.delivered_mg == 84 and status.devices_given == 3 and status.next_device_s is None
    assert status.dosing_end_s == 60 + 11 * MIN
    assert status.may_leave_s == 60 + 120 * MIN  # still from the first device
    with pytest.raises(TimerError, match="Cannot record a device while the dose is given"):
        timer.apply(ev(EventKind.DEVICE_GIVEN, 60 + 15 * MIN, device=4))


def test_stopping_between_devices_keeps_what_was_given() -> None:
    timer = timer_with(ESK, planned(ESK_84), ev(EventKind.DEVICE_GIVEN, 0))
    timer.apply(ev(EventKind.DOSING_STOPPED, 4 * MIN, reason="vomited"))
    status = timer.status(30 * MIN)
    assert (status.phase, status.outcome) == (Phase.OBSERVATION, Outcome.STOPPED_EARLY)
    assert status.delivered_mg == 28 and status.dosing_end_s == 4 * MIN
    assert status.may_leave_s == 120 * MIN


def test_a_plan_can_be_replaced_until_dosing_starts() -> None:
    other = plan_dose(IV, DoseRequest(weight_kg=80, mg_per_kg=0.5))
    timer = timer_with(IV, planned(IV_PLAN), planned(other))
    assert timer.status(0).plan == other
    timer.apply(ev(EventKind.INFUSION_STARTED, 10, rate_ml_h=other.rate_ml_h))
    with pytest.raises(TimerError, match="Cannot plan a dose while the dose is infusing"):
        timer.apply(planned(IV_PLAN))
    assert timer.status(20).plan == other


def test_events_that_are_not_dose_events_are_ignored() -> None:
    assert EventKind.INFUSION_PAUSED in TIMER_EVENT_KINDS and "note-added" not in TIMER_EVENT_KINDS
    timer = infusing()
    before = copy.copy(vars(timer))
    timer.apply(ev("note-added", 600, text="patient comfortable"))
    timer.apply(ev("recording-started", 700, clock_epoch="x"))
    assert vars(timer) == before


def test_an_event_dated_before_the_previous_one_happens_at_its_time() -> None:
    timer = infusing(at_s=100)
    timer.apply(ev(EventKind.INFUSION_PAUSED, 50, reason="line check"))  # a clock glitch
    status = timer.status(500)
    assert status.phase is Phase.PAUSED and status.delivered_mg == 0
    # A status asked for before the last event reads at the last event.
    assert timer.status(0).now_s == 100


# --- refused transitions --------------------------------------------------------------------------

PLANNED = [planned(IV_PLAN)]
STARTED = [planned(IV_PLAN), ev(EventKind.INFUSION_STARTED, 0, rate_ml_h=150)]
NOT_THAT_WAY = "is not given that way"

REFUSED = [
    pytest.param(IV, [], ev(EventKind.INFUSION_STARTED, 10, rate_ml_h=150),
                 "Cannot start the infusion while the dose is not planned yet", id="start-unplanned"),
    pytest.param(IV, PLANNED, ev(EventKind.INFUSION_PAUSED, 10, reason="x"),
                 "Cannot pause while the dose is planned but not started", id="pause-planned"),
    pytest.param(IV, STARTED, ev(EventKind.INFUSION_RESUMED, 10),
                 "Cannot resume while the dose is infusing", id="resume-infusing"),
    pytest.param(IV, STARTED, ev(EventKind.INFUSION_STARTED, 10, rate_ml_h=150),
                 "Cannot start the infusion while the dose is infusing", id="start-twice"),
    pytest.param(IV, PLANNED, ev(EventKind.INFUSION_STARTED, 10, rate_ml_h=0),
                 "The pump rate must be more than 0 mL/h", id="start-at-zero"),
    pytest.param(IV, PLANNED, ev(EventKind.INJECTION_GIVEN, 10, mg=35),
                 f"Cannot record an injection: IV ketamine infusion {NOT_THAT_WAY}", id="injection-for-iv"),
    pytest.param(IV, PLANNED, ev(EventKind.DEVICE_GIVEN, 10),
                 f"Cannot record a nasal device: IV ketamine infusion {NOT_THAT_WAY}", id="device-for-iv"),
    pytest.param(IM, [planned(IM_PLAN)], ev(EventKind.INFUSION_STARTED, 10, rate_ml_h=150),
                 f"Cannot start an infusion: IM ketamine injection {NOT_THAT_WAY}", id="infusion-for-im"),
    pytest.param(IV, [*STARTED, ev(EventKind.INFUSION_PAUSED, 600, reason="x")],
                 ev(EventKind.INFUSION_COMPLETED, 3000),
                 "Cannot complete the infusion while the dose is paused", id="complete-paused"),
    pytest.param(IV, STARTED, ev(EventKind.INFUSION_COMPLETED, 30 * MIN),
                 "The infusion has 10.0 min to run; stop it early instead", id="complete-early"),
    pytest.param(IV, STARTED, ev(EventKind.INFUSION_COMPLETED, 40 * MIN - 61),
                 "The infusion has 1.0 min to run", id="complete-61-s-early"),
    pytest.param(IV, STARTED, ev(EventKind.BOLUS_GIVEN, 10 * MIN, mg=26.3),
                 "at most the 26.2 mg left in the bag", id="bolus-above-remaining"),
    pytest.param(IV, STARTED, ev(EventKind.BOLUS_GIVEN, 50 * MIN, mg=1),
                 "at most the 0.0 mg left", id="bolus-after-bag-empty"),
    pytest.param(IV, STARTED, ev(EventKind.BOLUS_GIVEN, 10 * MIN, mg=0),
                 "A bolus must be more than 0", id="bolus-zero"),
    pytest.param(IV, STARTED, ev(EventKind.BOLUS_GIVEN, 10 * MIN, mg=math.nan),
                 "A bolus must be more than 0", id="bolus-nan"),
    pytest.param(IV, STARTED, ev(EventKind.RATE_CHANGED, 10 * MIN, rate_ml_h=-5),
                 "The pump rate must be more than 0 mL/h", id="rate-negative"),
    pytest.param(IV, STARTED, ev(EventKind.RATE_CHANGED, 10 * MIN, rate_ml_h=math.inf),
                 "The pump rate must be more than", id="rate-infinite"),
    pytest.param(IV, STARTED, ev(EventKind.RATE_CHANGED, 10 * MIN, rate_ml_h=math.nan),
                 "The pump rate must be more than", id="rate-nan"),
    pytest.param(IV, PLANNED, ev(EventKind.RATE_CHANGED, 10, rate_ml_h=100),
                 "Cannot change the rate while the dose is planned", id="rate-planned"),
    pytest.param(IV, PLANNED, ev(EventKind.DOSING_STOPPED, 10, reason="x"),
                 "Cannot stop dosing early while the dose is planned", id="stop-planned"),
    pytest.param(IV, STARTED, ev(EventKind.DISCHARGE_READY, 10 * MIN),
                 "Cannot mark the patient ready for discharge while the dose is infusing",
                 id="discharge-infusing"),
    pytest.param(IV, [], ev(EventKind.DOSE_PLANNED, 0, plan=ESK_PLAN.to_detail()),
                 "The plan is for esketamine-intranasal, not iv-ketamine", id="plan-other-profile"),
    pytest.param(IM, [planned(IM_PLAN), ev(EventKind.INJECTION_GIVEN, 0, mg=35)],
                 ev(EventKind.INJECTION_GIVEN, 10, mg=35),
                 "Cannot record the injection while the dose is given", id="injection-twice"),
]


@pytest.mark.parametrize(("profile", "setup", "refused", "message"), REFUSED)
def test_a_refused_transition_raises_and_changes_nothing(profile: TreatmentProfile, setup: list[TimerEvent],
                                                         refused: TimerEvent, message: str) -> None:
    timer = timer_with(profile, *setup)
    state = copy.copy(vars(timer))
    times = [0.0, 5 * MIN, 10 * MIN, 30 * MIN, 45 * MIN, 120 * MIN]
    statuses = [timer.status(t) for t in times]
    with pytest.raises(TimerError) as caught:
        timer.check(refused.kind, refused.at_s, refused.detail)
    assert message in str(caught.value)
    with pytest.raises(TimerError) as caught:
        timer.apply(refused)
    assert message in str(caught.value)
    assert vars(timer) == state
    assert [timer.status(t) for t in times] == statuses


def test_check_accepts_without_changing_anything() -> None:
    timer = infusing()
    state = copy.copy(vars(timer))
    timer.check(EventKind.INFUSION_PAUSED, 60, {"reason": "x"})
    timer.check(EventKind.BOLUS_GIVEN, 60, {"mg": 5})
    assert vars(timer) == state


# --- pause, rate change, bolus --------------------------------------------------------------------

def test_a_pause_freezes_the_delivered_dose_and_pushes_the_projected_end() -> None:
    timer = infusing()
    timer.apply(ev(EventKind.INFUSION_PAUSED, 10 * MIN, reason="BP 185/105"))
    for minutes in (10, 12, 20, 25):
        status = timer.status(minutes * MIN)
        assert status.delivered_mg == pytest.approx(8.75)
        assert status.remaining_s == pytest.approx(30 * MIN)
        assert status.projected_end_s == pytest.approx((minutes + 30) * MIN)
        assert status.paused_s == pytest.approx((minutes - 10) * MIN)
        assert status.elapsed_s == pytest.approx(minutes * MIN)  # pauses count in the elapsed time
        assert status.rate_ml_h == 150 and not status.can_complete
    timer.apply(ev(EventKind.INFUSION_RESUMED, 25 * MIN))
    status = timer.status(35 * MIN)
    assert status.delivered_mg == pytest.approx(8.75 + 10 * MIN * MG_PER_S)
    assert status.projected_end_s == pytest.approx(55 * MIN)
    assert status.paused_s == pytest.approx(15 * MIN)
    assert timer.status(55 * MIN).delivered_mg == pytest.approx(35)


def test_two_pauses_add_up() -> None:
    timer = infusing()
    for start, end in ((5, 8), (20, 22)):
        timer.apply(ev(EventKind.INFUSION_PAUSED, start * MIN, reason="x"))
        timer.apply(ev(EventKind.INFUSION_RESUMED, end * MIN))
    status = timer.status(30 * MIN)
    assert status.paused_s == pytest.approx(5 * MIN)
    assert status.delivered_mg == pytest.approx(25 * MIN * MG_PER_S)
    assert status.projected_end_s == pytest.approx(45 * MIN)


def test_a_rate_change_keeps_what_was_delivered_and_changes_the_pace() -> None:
    timer = infusing()
    timer.apply(ev(EventKind.RATE_CHANGED, 10 * MIN, rate_ml_h=75.0, reason="BP rising"))
    status = timer.status(10 * MIN)
    assert status.delivered_mg == pytest.approx(8.75)
    assert status.rate_ml_h == 75 and status.mg_per_h == pytest.approx(26.25)
    assert status.projected_end_s == pytest.approx(70 * MIN)  # 26.25 mg at 26.25 mg/h
    assert timer.status(40 * MIN).delivered_mg == pytest.approx(8.75 + 13.125)


def test_a_rate_change_while_paused_applies_on_resume() -> None:
    timer = infusing()
    timer.apply(ev(EventKind.INFUSION_PAUSED, 10 * MIN, reason="x"))
    timer.apply(ev(EventKind.RATE_CHANGED, 12 * MIN, rate_ml_h=300.0, reason="catch up"))
    status = timer.status(14 * MIN)
    assert status.phase is Phase.PAUSED and status.delivered_mg == pytest.approx(8.75)
    assert status.projected_end_s == pytest.approx(29 * MIN)  # 26.25 mg at 105 mg/h from now
    timer.apply(ev(EventKind.INFUSION_RESUMED, 14 * MIN))
    assert timer.status(24 * MIN).delivered_mg == pytest.approx(8.75 + 17.5)


def test_a_bolus_is_limited_to_what_is_left() -> None:
    timer = infusing()
    timer.apply(ev(EventKind.BOLUS_GIVEN, 10 * MIN, mg=5, reason="agitation"))
    status = timer.status(10 * MIN)
    assert status.delivered_mg == pytest.approx(13.75)
    assert status.projected_end_s == pytest.approx(10 * MIN + 21.25 / 52.5 * 3600)
    with pytest.raises(TimerError, match=r"21\.2 mg left"):
        timer.apply(ev(EventKind.BOLUS_GIVEN, 10 * MIN, mg=21.3))
    timer.apply(ev(EventKind.BOLUS_GIVEN, 10 * MIN, mg=21.25))  # all of it
    status = timer.status(11 * MIN)
    assert status.delivered_mg == 35 and status.remaining_s == 0 and status.can_complete


def test_a_bolus_while_paused_counts() -> None:
    timer = infusing()
    timer.apply(ev(EventKind.INFUSION_PAUSED, 10 * MIN, reason="x"))
    timer.apply(ev(EventKind.BOLUS_GIVEN, 12 * MIN, mg=1.25, reason="y"))
    assert timer.status(20 * MIN).delivered_mg == pytest.approx(10)


# --- the end --------------------------------------------------------------------------------------

def test_the_infusion_never_delivers_more_than_the_bag() -> None:
    timer = infusing()
    status = timer.status(90 * MIN)  # the pump ran dry long ago, nobody pressed complete
    assert status.phase is Phase.INFUSING
    assert status.delivered_mg == 35 and status.remaining_s == 0 and status.projected_end_s == 90 * MIN
    assert status.can_complete


@pytest.mark.parametrize(("early_s", "accepted"),
                         [(0, True), (30, True), (59, True), (61, False), (600, False)],
                         ids=["at-end", "30-s-early", "59-s-early", "61-s-early", "10-min-early"])
def test_complete_is_accepted_from_complete_within_s_before_the_end(early_s: float, accepted: bool) -> None:
    timer = infusing()
    at = 40 * MIN - early_s
    assert timer.status(at).can_complete is accepted
    if not accepted:
        with pytest.raises(TimerError, match="stop it early instead"):
            timer.apply(ev(EventKind.INFUSION_COMPLETED, at))
        assert timer.phase is Phase.INFUSING
        return
    timer.apply(ev(EventKind.INFUSION_COMPLETED, at))
    status = timer.status(at + 10 * MIN)
    assert status.delivered_mg == IV_PLAN.prepared_mg == 35  # exactly, not nearly
    assert status.outcome is Outcome.COMPLETED and status.dosing_end_s == at
    assert status.may_leave_s == at + 60 * MIN


def test_complete_within_s_comes_from_the_profile() -> None:
    text = data_path("resources", "protocols", "iv-ketamine.toml").read_text("utf-8")
    content = tomllib.loads(text)
    content["infusion"]["complete_within_s"] = 300
    strict = parse_profile(content)
    timer = timer_with(strict, planned(IV_PLAN), ev(EventKind.INFUSION_STARTED, 0, rate_ml_h=150))
    timer.apply(ev(EventKind.INFUSION_COMPLETED, 40 * MIN - 290))
    assert timer.status(40 * MIN).delivered_mg == 35


@pytest.mark.parametrize("paused", [False, True], ids=["infusing", "paused"])
def test_stopping_early_keeps_what_was_delivered(paused: bool) -> None:
    timer = infusing()
    if paused:
        timer.apply(ev(EventKind.INFUSION_PAUSED, 20 * MIN, reason="x"))
    timer.apply(ev(EventKind.DOSING_STOPPED, 25 * MIN if paused else 20 * MIN, reason="hypertension"))
    delivered = 20 * MIN * MG_PER_S
    for minutes in (25, 60, 200):
        status = timer.status(minutes * MIN)
        assert status.delivered_mg == pytest.approx(delivered)
        assert status.remaining_mg == pytest.approx(35 - delivered)
        assert (status.phase, status.outcome) == (Phase.OBSERVATION, Outcome.STOPPED_EARLY)
        assert status.remaining_s is None and status.rate_ml_h is None
    stopped = 25 * MIN if paused else 20 * MIN
    assert timer.status(30 * MIN).may_leave_s == stopped + 60 * MIN
    assert timer.status(30 * MIN).elapsed_s == stopped
    assert timer.status(30 * MIN).paused_s == pytest.approx(5 * MIN if paused else 0)


def test_may_leave_counts_from_dosing_end_for_iv_and_dosing_start_for_esketamine() -> None:
    iv = infusing(at_s=100)
    iv.apply(ev(EventKind.INFUSION_COMPLETED, 100 + 40 * MIN))
    assert iv.status(0).may_leave_s == 100 + 40 * MIN + 60 * MIN
    esk = timer_with(ESK, planned(ESK_PLAN), ev(EventKind.DEVICE_GIVEN, 100), ev(EventKind.DEVICE_GIVEN, 500))
    assert esk.status(0).may_leave_s == 100 + 120 * MIN
    assert esk.status(0).dosing_end_s == 500


# --- properties -----------------------------------------------------------------------------------

@dataclass
class Model:
    """An independent account of the infusion: integrate rate × concentration over time."""

    prepared: float
    concentration: float
    rate: float
    infusing: bool = True
    delivered: float = 0.0

    def wait(self, seconds: float) -> None:
        if self.infusing:
            grown = self.delivered + self.rate * self.concentration * seconds / 3600
            self.delivered = min(self.prepared, grown)


ACTIONS = st.one_of(
    st.tuples(st.just("pause"), st.just(0.0)),
    st.tuples(st.just("resume"), st.just(0.0)),
    st.tuples(st.just("rate"), st.floats(1.0, 1000.0).map(lambda rate: round(rate, 1))),
    st.tuples(st.just("bolus"), st.floats(0.01, 0.95)),
    st.tuples(st.just("bolus-too-much"), st.floats(0.01, 10.0)),
)
Steps = list[tuple[float, tuple[str, float]]]
STEPS = st.lists(st.tuples(st.floats(0.0, 1200.0), ACTIONS), max_size=25)
PLANS = st.builds(
    lambda weight, mg_per_kg, duration, diluent: plan_dose(
        IV, DoseRequest(weight_kg=weight, mg_per_kg=mg_per_kg, duration_min=duration, diluent_ml=diluent)),
    st.floats(40.0, 150.0).map(lambda w: round(w, 1)),
    st.floats(0.1, 0.75).map(lambda d: round(d, 2)),
    st.integers(10, 100),
    st.sampled_from([50.0, 100.0, 250.0]),
)


def run_steps(plan: DosePlan, steps: Steps) -> tuple[DoseTimer, Model, float]:
    """Start ``plan`` at 0 s and apply ``steps``, checking the invariants at every step."""
    assert plan.rate_ml_h is not None and plan.concentration_mg_per_ml is not None
    timer = timer_with(IV, planned(plan), ev(EventKind.INFUSION_STARTED, 0, rate_ml_h=plan.rate_ml_h))
    model = Model(plan.prepared_mg, plan.concentration_mg_per_ml, plan.rate_ml_h)
    now, last_delivered = 0.0, 0.0
    for gap, (action, value) in steps:
        for fraction in (0.25, 0.5, 1.0):  # in between events too
            status = timer.status(now + gap * fraction)
            assert status.delivered_mg >= last_delivered
            assert status.delivered_mg <= plan.prepared_mg
            last_delivered = status.delivered_mg
        now += gap
        model.wait(gap)
        status = timer.status(now)
        assert status.delivered_mg == pytest.approx(model.delivered, abs=1e-6)
        remaining = plan.prepared_mg - status.delivered_mg
        if action == "pause":
            kind, detail, ok = EventKind.INFUSION_PAUSED, {"reason": "x"}, model.infusing
        elif action == "resume":
            kind, detail, ok = EventKind.INFUSION_RESUMED, {}, not model.infusing
        elif action == "rate":
            kind, detail, ok = EventKind.RATE_CHANGED, {"rate_ml_h": value, "reason": "x"}, True
        elif action == "bolus":
            kind, detail = EventKind.BOLUS_GIVEN, {"mg": value * remaining, "reason": "x"}
            ok = detail["mg"] > 0  # the timer takes any positive bolus up to what is left (± MG_TOLERANCE)
        else:
            kind, detail, ok = EventKind.BOLUS_GIVEN, {"mg": remaining + 0.01 + value, "reason": "x"}, False
        if ok:
            timer.apply(ev(kind, now, **detail))
            if action == "pause":
                model.infusing = False
            elif action == "resume":
                model.infusing = True
            elif action == "rate":
                model.rate = value
            else:
                model.delivered = min(plan.prepared_mg, model.delivered + detail["mg"])
        else:
            state = copy.copy(vars(timer))
            with pytest.raises(TimerError):
                timer.apply(ev(kind, now, **detail))
            assert vars(timer) == state
        after = timer.status(now)
        assert after.delivered_mg >= last_delivered
        assert after.delivered_mg <= plan.prepared_mg
        assert after.delivered_mg == pytest.approx(model.delivered, abs=1e-6)
        assert after.projected_end_s == pytest.approx(now + (plan.prepared_mg - after.delivered_mg)
                                                      / (model.rate * model.concentration) * 3600)
        last_delivered = after.delivered_mg
    return timer, model, now


@settings(max_examples=200, deadline=None)
@given(plan=PLANS, steps=STEPS)
def test_delivered_never_exceeds_or_decreases_and_equals_the_dose_at_completion(
        plan: DosePlan, steps: Steps) -> None:
    timer, _, now = run_steps(plan, steps)
    if timer.phase is Phase.PAUSED:
        timer.apply(ev(EventKind.INFUSION_RESUMED, now))
    status = timer.status(now)
    assert status.phase is Phase.INFUSING
    complete_within = IV.infusion.complete_within_s
    if status.remaining_s > complete_within + 1:
        early = now + status.remaining_s - complete_within - 1
        assert not timer.status(early).can_complete
        with pytest.raises(TimerError, match="stop it early instead"):
            timer.apply(ev(EventKind.INFUSION_COMPLETED, early))
    end = status.projected_end_s
    assert timer.status(end).delivered_mg == pytest.approx(plan.prepared_mg, abs=1e-6)
    assert timer.status(end).can_complete
    timer.apply(ev(EventKind.INFUSION_COMPLETED, end))
    for later in (end, end + 1, end + 3600):
        final = timer.status(later)
        assert final.delivered_mg == plan.prepared_mg
        assert final.outcome is Outcome.COMPLETED and final.dosing_end_s == end
        assert final.may_leave_s == end + 60 * MIN


@settings(max_examples=200, deadline=None)
@given(plan=PLANS, steps=STEPS, stop_after=st.floats(0.0, 600.0))
def test_stopping_early_freezes_the_delivered_dose(plan: DosePlan, steps: Steps,
                                                   stop_after: float) -> None:
    timer, _, now = run_steps(plan, steps)
    at = now + stop_after
    delivered = timer.status(at).delivered_mg
    timer.apply(ev(EventKind.DOSING_STOPPED, at, reason="x"))
    for later in (at, at + 60, at + 7200):
        status = timer.status(later)
        assert status.delivered_mg == delivered <= plan.prepared_mg
        assert status.outcome is Outcome.STOPPED_EARLY


@settings(max_examples=200, deadline=None)
@given(plan=PLANS, steps=STEPS)
def test_replaying_the_accepted_events_gives_the_same_timer(plan: DosePlan, steps: Steps) -> None:
    live = DoseTimer(IV)
    accepted: list[TimerEvent] = []
    for event in (planned(plan), ev(EventKind.INFUSION_STARTED, 0, rate_ml_h=plan.rate_ml_h)):
        live.apply(event)
        accepted.append(event)
    now = 0.0
    details = {"pause": (EventKind.INFUSION_PAUSED, "reason"),
               "resume": (EventKind.INFUSION_RESUMED, "reason"),
               "rate": (EventKind.RATE_CHANGED, "rate_ml_h"),
               "bolus": (EventKind.BOLUS_GIVEN, "mg"),
               "bolus-too-much": (EventKind.BOLUS_GIVEN, "mg")}
    for gap, (action, value) in steps:
        now += gap
        kind, key = details[action]
        event = ev(kind, now, **{key: value * 10 if action == "bolus-too-much" else value})
        try:
            live.apply(event)
        except TimerError:
            continue  # a refused action is not stored
        accepted.append(event)
    replayed = timer_with(IV, *accepted)
    for later in (now, now + 600, now + 5000):
        assert replayed.status(later) == live.status(later)
