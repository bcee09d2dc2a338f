"""Blood-pressure escalation during a treatment: alert (the limits), prompt to pause the infusion,
then a clinician's override to continue; linked to the dose timer's gates and rebuilt identically."""

from __future__ import annotations

import pytest

from ketaconsole.core.alarm_presets import BloodPressureAction, load_preset_catalogue
from ketaconsole.core.bp_escalation import GATE_ID, applicable_steps
from ketaconsole.core.clock import Stamp
from ketaconsole.core.cuff import CuffReading
from ketaconsole.core.dose_session import DoseSession, OverrideNeeded
from ketaconsole.core.dose_timer import EventKind, Phase
from ketaconsole.core.dosing import DoseRequest, plan_dose
from tests.core.test_dose_session import ESK, ESK_PLAN, IV, IV_PLAN, NURSE, START, Bedside

STEPS = load_preset_catalogue().get("ketamine-default").preset.blood_pressure_step
CLINICIAN = "Dr B"


def reading(systolic: float, diastolic: float, second: int) -> CuffReading:
    return CuffReading(Stamp(START, second * 10**9), systolic, diastolic, None, "s5", False)


class TestSteps:
    def test_a_single_high_reading_prompts_and_two_need_an_override(self) -> None:
        one = [reading(130, 80, 0), reading(186, 100, 1)]
        two = [reading(185, 100, 0), reading(150, 112, 1)]
        assert [a.count for a in applicable_steps(STEPS, one, BloodPressureAction.PROMPT_PAUSE)] == [1]
        assert applicable_steps(STEPS, one, BloodPressureAction.REQUIRE_OVERRIDE) == []
        (override,) = applicable_steps(STEPS, two, BloodPressureAction.REQUIRE_OVERRIDE)
        assert override.count == 2 and override.reading.text() == "150/112"
        assert override.message == ("Blood pressure 150/112 on 2 readings, above 180/110: a clinician must "
                                    "approve continuing")

    def test_a_normal_reading_breaks_the_run(self) -> None:
        readings = [reading(185, 100, 0), reading(170, 100, 1), reading(185, 100, 2)]
        assert applicable_steps(STEPS, readings, BloodPressureAction.REQUIRE_OVERRIDE) == []

    def test_exactly_at_the_limit_is_not_above_it(self) -> None:
        assert applicable_steps(STEPS, [reading(180, 110, 0)], BloodPressureAction.PROMPT_PAUSE) == []


def iv_with_steps() -> Bedside:
    bed = Bedside(IV)
    bed.session = DoseSession.select(IV, clock=bed.clock, sink=bed.record, user=NURSE,
                                     blood_pressure_steps=STEPS)
    bed.bp(124, 78)
    bed.session.plan(IV_PLAN, user=NURSE)
    bed.wait(2)
    bed.session.start_dosing(user=NURSE)
    return bed


class TestDuringAnInfusion:
    def test_a_high_reading_while_infusing_prompts_to_pause(self) -> None:
        bed = iv_with_steps()
        bed.wait(10)
        assert bed.session.status().pause_prompt is None
        bed.bp(188, 104)
        prompt = bed.session.status().pause_prompt
        assert prompt is not None and prompt.action is BloodPressureAction.PROMPT_PAUSE
        assert "188/104" in prompt.message and "pause the infusion" in prompt.message
        bed.session.pause(user=NURSE, reason=prompt.message)
        status = bed.session.status()
        assert status.timer.phase is Phase.PAUSED and status.pause_prompt is None

    def test_resuming_after_a_second_high_reading_needs_a_clinicians_override(self) -> None:
        bed = iv_with_steps()
        bed.wait(10)
        bed.bp(188, 104)
        bed.session.pause(user=NURSE, reason="BP 188/104")
        bed.wait(5)
        bed.bp(184, 112)
        status = bed.session.status()
        assert status.override_needed is not None and status.override_needed.count == 2
        with pytest.raises(OverrideNeeded) as refused:
            bed.session.resume(user=NURSE)
        assert [gate.id for gate in refused.value.gates] == [GATE_ID]
        assert bed.session.status().timer.phase is Phase.PAUSED  # nothing recorded
        bed.session.resume(user=CLINICIAN, overrides={GATE_ID: "Dr B at the bedside: labetalol, continue"})
        resumed = bed.record.of(EventKind.INFUSION_RESUMED)[-1]
        assert resumed.user == CLINICIAN
        assert resumed.detail["overrides"][0]["gate"] == GATE_ID
        assert "184/112 (95) on 2 readings" in resumed.detail["overrides"][0]["message"]
        status = bed.session.status()
        assert status.override_needed is None and status.pause_prompt is None
        assert status.timer.phase is Phase.INFUSING

    def test_after_an_override_new_high_readings_prompt_and_escalate_again(self) -> None:
        bed = iv_with_steps()
        bed.wait(10)
        bed.bp(188, 104)
        bed.session.pause(user=NURSE, reason="BP")
        bed.wait(4)
        bed.bp(186, 104, mean=None)
        bed.session.resume(user=CLINICIAN, overrides={GATE_ID: "continue"})
        bed.wait(3)
        bed.bp(182, 100)
        assert bed.session.status().pause_prompt is not None
        assert bed.session.status().override_needed is None  # one new reading since the override
        bed.session.pause(user=NURSE, reason="BP again")
        bed.wait(4)
        bed.bp(190, 100)
        with pytest.raises(OverrideNeeded):
            bed.session.resume(user=NURSE)

    def test_a_rebuilt_session_agrees_with_the_live_one(self) -> None:
        bed = iv_with_steps()
        bed.wait(10)
        bed.bp(188, 104)
        bed.session.pause(user=NURSE, reason="BP")
        bed.wait(4)
        bed.bp(185, 111)
        live = bed.session.status()
        rebuilt = DoseSession.rebuild(bed.record.events, bed.record.observations, clock=bed.clock,
                                      sink=bed.record, blood_pressure_steps=STEPS)
        assert rebuilt is not None
        again = rebuilt.status()
        assert again.override_needed == live.override_needed and again.pause_prompt == live.pause_prompt
        assert again.override_needed is not None


class TestBeforeDosing:
    def test_two_high_readings_before_dosing_hold_the_start(self) -> None:
        bed = Bedside(IV)
        bed.session = DoseSession.select(IV, clock=bed.clock, sink=bed.record, user=NURSE,
                                         blood_pressure_steps=STEPS)
        bed.bp(186, 100)
        bed.wait(3)
        bed.bp(183, 98)
        bed.session.plan(IV_PLAN, user=NURSE)
        with pytest.raises(OverrideNeeded) as refused:
            bed.session.start_dosing(user=NURSE)
        assert GATE_ID in [gate.id for gate in refused.value.gates]
        assert bed.session.status().pause_prompt is None  # nothing to pause yet

    def test_the_next_nasal_device_is_held_too(self) -> None:
        bed = Bedside(ESK)
        bed.session = DoseSession.select(ESK, clock=bed.clock, sink=bed.record, user=NURSE,
                                         blood_pressure_steps=STEPS)
        bed.bp(130, 80)
        bed.session.plan(ESK_PLAN, user=NURSE)
        bed.session.start_dosing(user=NURSE)
        bed.wait(3)
        bed.bp(190, 100)
        bed.wait(2)
        bed.bp(188, 100)
        with pytest.raises(OverrideNeeded) as refused:
            bed.session.give_next_device(user=NURSE)
        assert [gate.id for gate in refused.value.gates] == [GATE_ID]

    def test_without_steps_nothing_escalates(self) -> None:
        bed = Bedside(IV)
        bed.bp(200, 120)
        bed.wait(1)
        bed.bp(199, 121)
        plan = plan_dose(IV.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5))
        bed.session.plan(plan, user=NURSE)
        bed.session.start_dosing(user=NURSE)
        assert bed.session.status().override_needed is None
