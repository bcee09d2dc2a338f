"""The dose timer survives a restart of the console: its actions go through the recorder into a real
SQLite file, and a resumed session rebuilds the same timer from the stored events, with the pump's
running time while the console was down counted (the pump does not stop when the console does)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.acquisition.treatment import rebuild_treatment
from ketaconsole.core.clock import ManualClock
from ketaconsole.core.dose_session import DoseSession
from ketaconsole.core.dose_timer import Outcome, Phase
from ketaconsole.core.dosing import DoseRequest, plan_dose
from ketaconsole.core.observations import Observation
from ketaconsole.core.treatment_profiles import load_catalogue
from ketaconsole.storage.database import Database

RATE_MG_PER_S = 52.5 / 3600  # 70 kg at 0.5 mg/kg over 40 min: 150 mL/h of 0.35 mg/mL
DOWNTIME_S = 120.0


def _recorder(database: Database, tmp_path: Path, clock: ManualClock, resume: str | None = None) -> Recorder:
    return Recorder(database, port=str(tmp_path / "no-monitor"), protocol="masimo", clock=clock,
                    patient_identifier=None if resume else "MRN-5", resume_session_id=resume)


def _first_run(database: Database, tmp_path: Path, clock: ManualClock) -> tuple[str, float]:
    """Plan, start, pause 3 min, resume, run; return the session id and the delivered mg at the stop."""
    recorder = _recorder(database, tmp_path, clock)
    session_id = recorder.start()
    treatment = DoseSession.select(load_catalogue().get("iv-ketamine"), clock=clock,
                                   sink=recorder.record_event, user="nurse.a")
    baseline = [Observation("NIBP_SYS", 128.0, clock.now(), "nurse.a", manual=True),
                Observation("NIBP_DIA", 82.0, clock.now(), "nurse.a", manual=True)]
    recorder.add_manual_observations(baseline)
    treatment.add_observations(baseline)
    treatment.plan(plan_dose(treatment.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5)), user="nurse.a")
    clock.advance(60)
    treatment.start_dosing(user="nurse.a")
    clock.advance(600)
    treatment.pause(user="nurse.a", reason="nausea")
    clock.advance(180)
    treatment.resume(user="nurse.a")
    clock.advance(300)
    delivered = treatment.status().timer.delivered_mg
    assert delivered == pytest.approx(900 * RATE_MG_PER_S)
    recorder.stop(end_session=False)
    return session_id, delivered


@pytest.mark.parametrize("reboot", [False, True], ids=["same-boot", "after-reboot"])
def test_a_resumed_session_rebuilds_the_running_infusion(tmp_path: Path, reboot: bool) -> None:
    clock = ManualClock()
    with Database(f"sqlite:///{tmp_path / 'k.sqlite3'}", clock=clock) as database:
        session_id, delivered_at_stop = _first_run(database, tmp_path, clock)
        clock.advance(DOWNTIME_S)
        if reboot:  # a new boot: new monotonic origin, the wall clock carries on
            clock = ManualClock(clock.now().utc, monotonic_ns=5_000_000_000)
        recorder = _recorder(database, tmp_path, clock, resume=session_id)
        recorder.start()
        treatment = rebuild_treatment(database, session_id, clock=clock, sink=recorder.record_event)
        assert treatment is not None
        status = treatment.status().timer
        assert status.phase is Phase.INFUSING
        assert status.delivered_mg == pytest.approx(delivered_at_stop + DOWNTIME_S * RATE_MG_PER_S, abs=1e-6)
        assert status.paused_s == pytest.approx(180)
        assert status.elapsed_s == pytest.approx(1080 + DOWNTIME_S)
        assert status.remaining_s == pytest.approx(2400 - 900 - DOWNTIME_S, abs=1e-3)

        clock.advance(status.remaining_s)
        treatment.complete(user="nurse.b")
        recorder.stop()
        again = rebuild_treatment(database, session_id, clock=clock, sink=recorder.record_event,
                                  before_latest_resume=False)
        assert again is not None
        final = again.status().timer
        assert (final.phase, final.outcome) == (Phase.OBSERVATION, Outcome.COMPLETED)
        assert final.delivered_mg == 35.0
        assert final.may_leave_s == pytest.approx(final.dosing_end_s + 3600)
        kinds = [e.kind for e in database.events(session_id, recorded_order=True)]
        assert [k for k in kinds if k.startswith(("dose", "infusion", "treatment", "required"))] == [
            "treatment-selected", "dose-planned", "infusion-started", "required-bp-recorded",
            "infusion-paused", "infusion-resumed", "infusion-completed"]
        paused = next(e for e in database.events(session_id) if e.kind == "infusion-paused")
        assert (paused.user, paused.detail["reason"]) == ("nurse.a", "nausea")


def test_a_wall_clock_jump_while_recording_does_not_move_the_rebuilt_timer(tmp_path: Path) -> None:
    clock = ManualClock()
    with Database(f"sqlite:///{tmp_path / 'j.sqlite3'}", clock=clock) as database:
        recorder = _recorder(database, tmp_path, clock)
        session_id = recorder.start()
        treatment = DoseSession.select(load_catalogue().get("iv-ketamine"), clock=clock,
                                       sink=recorder.record_event, user="nurse.a")
        treatment.plan(plan_dose(treatment.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5)), user="nurse.a")
        treatment.start_dosing(user="nurse.a", overrides={"required-bp:bp-baseline": "monitor cuff faulty"})
        clock.advance(600)
        clock.set_wall_time(clock.now().utc - timedelta(hours=1))  # NTP steps the clock back an hour
        treatment.pause(user="nurse.a", reason="line occluded")
        clock.advance(120)
        treatment.resume(user="nurse.a")
        clock.advance(300)
        live = treatment.status().timer
        recorder.stop()
        rebuilt = rebuild_treatment(database, session_id, clock=clock, sink=recorder.record_event,
                                    before_latest_resume=False)
        assert rebuilt is not None
        replayed = rebuilt.status().timer
        assert live.delivered_mg == pytest.approx(900 * RATE_MG_PER_S)
        assert (replayed.phase, replayed.paused_s) == (Phase.INFUSING, pytest.approx(120))
        assert replayed.delivered_mg == pytest.approx(live.delivered_mg)
        assert replayed.remaining_s == pytest.approx(live.remaining_s)
