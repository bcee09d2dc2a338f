"""What the dose panel and dialogs say (Qt-free texts), on real dose sessions under the shipped profiles."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.dose_session import DoseSession
from ketaconsole.core.dosing import DoseRequest, plan_dose
from ketaconsole.core.observations import Observation
from ketaconsole.core.treatment_profiles import LoadedProfile
from ketaconsole.gui.display_text import event_label
from ketaconsole.gui.dose_text import (
    Action,
    DoseForm,
    action_buttons,
    bolus_preview,
    calculate,
    duration_text,
    panel_text,
    rate_preview,
)

NURSE = "Nurse Anna"


def local(moment: datetime) -> str:
    return f"{moment.astimezone():%H:%M}"


def start_session(profile: LoadedProfile, clock: ManualClock) -> DoseSession:
    events: list[tuple[str, Stamp, dict[str, Any], str | None]] = []
    return DoseSession.select(profile, clock=clock, sink=lambda *event: events.append(event), user=NURSE)


def measure_bp(session: DoseSession, clock: ManualClock, systolic: float = 124) -> None:
    now = clock.now()
    session.add_observations([Observation("NIBP_SYS", systolic, now, "dev"),
                              Observation("NIBP_DIA", 78, now, "dev"),
                              Observation("NIBP_MEAN", 93, now, "dev")])


@pytest.fixture
def infusion(profiles: dict[str, LoadedProfile], clock: ManualClock) -> DoseSession:
    """IV ketamine for 70 kg at 0.5 mg/kg (35 mg in 100 mL at 150 mL/h), planned, baseline BP taken."""
    session = start_session(profiles["iv-ketamine"], clock)
    session.plan(plan_dose(session.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5)), user=NURSE)
    measure_bp(session, clock)
    return session


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00"), (59.6, "1:00"), (252, "4:12"), (2400, "40:00"),
                                               (5246, "1:27:26"), (-3, "0:00")])
def test_durations_are_minutes_and_seconds_and_hours_when_needed(seconds: float, text: str) -> None:
    assert duration_text(seconds) == text


def test_a_planned_infusion_shows_what_will_run(infusion: DoseSession) -> None:
    text = panel_text(infusion.status())
    assert (text.title, text.unconfirmed, text.infusion) == ("IV ketamine infusion", True, True)
    assert text.phase == "Planned: 35 mg, not started"
    assert (text.elapsed, text.remaining, text.given, text.rate, text.end) == (
        "–", "40:00 when started", "0 of 35 mg", "150 mL/h planned", "–")
    assert text.may_leave == "60 min after dosing ends"


def test_a_running_infusion_shows_the_numbers_the_pump_gives(infusion: DoseSession,
                                                              clock: ManualClock) -> None:
    started = clock.now().utc
    infusion.start_dosing(user=NURSE)
    clock.advance(20 * 60)
    text = panel_text(infusion.status())
    assert text.phase == "Infusing"
    assert (text.elapsed, text.remaining, text.given) == ("20:00", "20:00", "17.5 of 35 mg")
    clock.advance(60)
    assert panel_text(infusion.status()).given == "18.4 of 35 mg", "52.5 mg/h: 0.875 mg a minute"
    assert text.rate == "150 mL/h\n0.75 mg/kg/h"
    assert text.end == f"{local(started + timedelta(minutes=40))} projected"


def test_a_pause_shows_its_length_and_pushes_the_end_back(infusion: DoseSession, clock: ManualClock) -> None:
    infusion.start_dosing(user=NURSE)
    clock.advance(20 * 60)
    infusion.pause(user=NURSE, reason="line check")
    clock.advance(125)
    text = panel_text(infusion.status())
    assert text.phase == "Paused — 2:05"
    assert (text.given, text.remaining, text.rate) == ("17.5 of 35 mg", "20:00", "paused\nset to 150 mL/h")
    assert text.end == f"{local(clock.now().utc + timedelta(minutes=20))}\nif resumed now"
    infusion.resume(user=NURSE)
    clock.advance(60)
    infusion.pause(user=NURSE, reason="patient asked")
    clock.advance(30)
    assert panel_text(infusion.status()).phase == "Paused — 0:30", "the current pause, not the total"


def test_after_the_infusion_the_panel_counts_down_to_leaving(infusion: DoseSession,
                                                              clock: ManualClock) -> None:
    infusion.start_dosing(user=NURSE)
    clock.advance(40 * 60)
    infusion.complete(user=NURSE)
    ended = clock.now().utc
    clock.advance(15 * 60)
    text = panel_text(infusion.status())
    assert text.phase == "Observation · infusion completed"
    assert (text.given, text.rate, text.end) == ("35 of 35 mg", "–", f"{local(ended)} completed")
    assert text.may_leave == f"from {local(ended + timedelta(minutes=60))}\nin 45:00"
    clock.advance(46 * 60)
    assert panel_text(infusion.status()).may_leave == f"now (since {local(ended + timedelta(minutes=60))})"


def test_checks_say_when_they_are_due_overdue_or_done(infusion: DoseSession, clock: ManualClock) -> None:
    baseline_at = clock.now().utc
    infusion.start_dosing(user=NURSE)
    clock.advance(7 * 60 + 48)
    checks = {check.id: check for check in panel_text(infusion.status()).checks}
    assert (checks["bp-during"].label, checks["bp-during"].state_text, checks["bp-during"].state) == (
        "Blood pressure", "due in 2:12", "upcoming")
    assert checks["bp-baseline"].state_text == f"✓ {local(baseline_at)}\n124/78 (93)"
    assert checks["bp-baseline"].state == "done"
    clock.advance(2 * 60 + 12)
    checks = {check.id: check for check in panel_text(infusion.status()).checks}
    assert checks["bp-during"].state_text == "due now"
    clock.advance(3 * 60 + 7)
    checks = {check.id: check for check in panel_text(infusion.status()).checks}
    assert (checks["bp-during"].state_text, checks["bp-during"].state) == ("OVERDUE 1:07", "overdue")
    moaas = checks["assessment:moaa-s:every"]
    assert (moaas.label, moaas.state_text, moaas.state) == ("MOAA/S", "OVERDUE 8:07", "overdue")
    cadss = checks["assessment:cadss:at-40"]
    assert (cadss.label, cadss.state_text) == ("Dissociation (CADSS) at 40 min", "due in 21:53")
    clock.advance(22 * 60)
    checks = {check.id: check for check in panel_text(infusion.status()).checks}
    closes = local(clock.now().utc + timedelta(seconds=593))  # the window closes 45 min after the start
    assert checks["assessment:cadss:at-40"].state_text == f"due now, until {closes}"


def test_the_buttons_follow_the_stage_and_say_why_one_is_not_possible(
    profiles: dict[str, LoadedProfile], infusion: DoseSession, clock: ManualClock
) -> None:
    fresh = start_session(profiles["iv-ketamine"], clock)
    plan, start = action_buttons(fresh.status())
    assert (plan.action, plan.enabled) == (Action.PLAN, True)
    assert (start.action, start.enabled) == (Action.START, False)
    assert (start.text, start.tooltip) == ("Start &infusion", "Plan the dose first")
    infusion.start_dosing(user=NURSE)
    clock.advance(60)
    offered = {button.action: button for button in action_buttons(infusion.status())}
    assert list(offered) == [Action.PAUSE, Action.CHANGE_RATE, Action.BOLUS, Action.COMPLETE, Action.STOP]
    assert not offered[Action.COMPLETE].enabled
    assert offered[Action.COMPLETE].tooltip == "The infusion has 39:00 to run; to end it now use Stop early…"
    clock.advance(38 * 60 + 30)
    assert {b.action: b.enabled for b in action_buttons(infusion.status())}[Action.COMPLETE] is True
    infusion.pause(user=NURSE, reason="alarm")
    assert action_buttons(infusion.status())[0].action is Action.RESUME


def test_nasal_devices_count_down_the_rest_between_devices(profiles: dict[str, LoadedProfile],
                                                           clock: ManualClock) -> None:
    session = start_session(profiles["esketamine-intranasal"], clock)
    session.plan(plan_dose(session.profile, DoseRequest(dose_mg=56, lot="L123")), user=NURSE)
    measure_bp(session, clock)
    assert action_buttons(session.status())[1].text == "&Device 1 given"
    session.start_dosing(user=NURSE)
    clock.advance(2 * 60 + 19)
    status = session.status()
    text = panel_text(status)
    assert text.phase == "Between devices — device 2 in 2:41"
    assert (text.given, text.infusion) == ("28 of 56 mg\n1 of 2 devices", False)
    device, stop = action_buttons(status)
    assert (device.text, stop.action) == ("&Device 2 given", Action.STOP)
    assert "asks for a reason" in device.tooltip
    clock.advance(3 * 60)
    assert panel_text(session.status()).phase == "Between devices — device 2 now"
    session.give_next_device(user=NURSE)
    assert panel_text(session.status()).phase == "Observation · all devices given"


def test_the_previews_say_what_a_new_rate_or_a_bolus_means(infusion: DoseSession, clock: ManualClock) -> None:
    infusion.start_dosing(user=NURSE)
    clock.advance(20 * 60)
    status = infusion.status()
    end = local(clock.now().utc + timedelta(minutes=25))  # 17.5 mg left at 42 mg/h
    assert rate_preview(status, 120) == f"= 42 mg/h = 0.6 mg/kg/h; ends about {end} if running from now"
    assert bolus_preview(status, 5) == "leaves 12.5 mg in the bag"
    assert bolus_preview(status, 20) == "more than the 17.5 mg left in the bag"


@pytest.mark.parametrize(("form", "errors"), [
    (DoseForm(weight_kg="seventy", mg_per_kg="0.5"), {"weight_kg": "Weight must be a number, e.g. 72.5"}),
    (DoseForm(mg_per_kg="0.5"), {"weight_kg": "Enter the weight"}),
    (DoseForm(weight_kg="70", mg_per_kg="5"),
     {"mg_per_kg": "5 mg/kg is above this protocol's hard limit of 1 mg/kg and cannot be given from the "
                   "console"}),
    (DoseForm(weight_kg="70", mg_per_kg="0.5", duration_min="400"),
     {"duration_min": "Infusion time must be between 2 and 100 min"}),
])
def test_the_calculator_refuses_input_beside_the_field(profiles: dict[str, LoadedProfile], form: DoseForm,
                                                       errors: dict[str, str]) -> None:
    calculation = calculate(profiles["iv-ketamine"].profile, form)
    assert calculation.plan is None
    assert dict(calculation.errors) == errors


def test_the_calculator_accepts_a_decimal_comma(profiles: dict[str, LoadedProfile]) -> None:
    calculation = calculate(profiles["iv-ketamine"].profile, DoseForm(weight_kg="70,0", mg_per_kg="0,5"))
    assert calculation.plan is not None and calculation.plan.prepared_mg == 35
    assert calculation.plan.rate_ml_h == 150


def test_a_device_dose_needs_its_lot(profiles: dict[str, LoadedProfile]) -> None:
    profile = profiles["esketamine-intranasal"].profile
    assert dict(calculate(profile, DoseForm(dose_mg="56")).errors) == {
        "lot": "Enter the lot number of the devices"}
    planned = calculate(profile, DoseForm(dose_mg="84", lot="L9", weight_kg="not used"))
    assert planned.plan is not None and planned.plan.devices == 3


@pytest.mark.parametrize(("kind", "detail", "label"), [
    ("treatment-selected", {"profile_id": "iv-ketamine"}, "treatment iv-ketamine"),
    ("dose-planned", {"plan": {"prepared_mg": 35.0}}, "planned 35 mg"),
    ("infusion-started", {"rate_ml_h": 150.0}, "infusion 150 mL/h"),
    ("infusion-paused", {"reason": "line check"}, "infusion paused"),
    ("infusion-resumed", {"reason": ""}, "infusion resumed"),
    ("infusion-rate-changed", {"rate_ml_h": 120.5, "reason": "BP"}, "rate 120.5 mL/h"),
    ("bolus-given", {"mg": 5, "reason": "pain"}, "bolus 5 mg"),
    ("infusion-completed", {"delivered_mg": 35.0}, "infusion complete"),
    ("dosing-stopped", {"delivered_mg": 12.345, "reason": "nausea"}, "stopped early, 12.35 mg given"),
    ("injection-given", {"mg": 35.0, "volume_ml": 0.7}, "injection 35 mg"),
    ("device-administered", {"device": 2, "of": 3, "mg": 28.0}, "device 2/3"),
    ("discharge-ready", {"criteria_met": []}, "ready for discharge"),
    ("required-bp-recorded", {"systolic": 131.0, "diastolic": 84.0}, "required BP 131/84"),
    ("bolus-given", {"reason": "detail damaged"}, "bolus ? mg"),
])
def test_dose_events_have_short_labels_on_the_event_strip(kind: str, detail: dict[str, Any],
                                                          label: str) -> None:
    assert event_label(kind, detail) == label
