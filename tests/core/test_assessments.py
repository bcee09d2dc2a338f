"""Assessments with a fake clock and the shipped instruments and profiles: draft, submit and amend
events and their fold, the checks the protocol's schedule makes of them, short-form scoring, and a
rebuilt session that agrees with the live one."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ketaconsole.core.assessments import (
    ASSESSMENT_AMENDED,
    ASSESSMENT_DRAFT,
    ASSESSMENT_SUBMITTED,
    AssessmentScore,
    AssessmentState,
    assessment_checks,
)
from ketaconsole.core.checks import CheckState, CheckStatus
from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.dose_session import RECORDING_STARTED, DoseSession
from ketaconsole.core.dose_timer import TimerError
from ketaconsole.core.dosing import DoseRequest, plan_dose
from ketaconsole.core.instruments import load_instrument_catalogue
from ketaconsole.core.treatment_profiles import (
    AssessmentRule,
    LoadedProfile,
    ProfileError,
    load_catalogue,
    parse_profile,
)
from ketaconsole.paths import data_path

PROFILES = load_catalogue([data_path("resources", "protocols")])
IV, ESK = PROFILES.get("iv-ketamine"), PROFILES.get("esketamine-intranasal")
INSTRUMENTS = load_instrument_catalogue([data_path("resources", "instruments")],
                                        text_directory=Path("/nonexistent"))
CADSS, MOAAS, RASS = INSTRUMENTS.get("cadss"), INSTRUMENTS.get("moaa-s"), INSTRUMENTS.get("rass")
CADSS_6_ITEMS = (1, 2, 6, 7, 15, 22)
MIN = 60.0
NURSE, OTHER = "nurse A", "nurse B"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Stored:
    kind: str
    stamp: Stamp
    detail: Mapping[str, Any]
    user: str | None


class Record:
    """The event sink, keeping events as the database would (through JSON)."""

    def __init__(self) -> None:
        self.events: list[Stored] = []

    def __call__(self, kind: str, stamp: Stamp, detail: dict[str, Any], user: str | None) -> None:
        self.events.append(Stored(kind, stamp, json.loads(json.dumps(detail)), user))

    def of(self, kind: str) -> list[Stored]:
        return [event for event in self.events if event.kind == kind]


class Bedside:
    def __init__(self, loaded: LoadedProfile) -> None:
        self.clock = ManualClock(START, monotonic_ns=10**12, monotonic_epoch="boot-1")
        self.record = Record()
        self.record(RECORDING_STARTED, self.clock.now(), {"clock_epoch": "boot-1"}, None)
        self.session = DoseSession.select(loaded, clock=self.clock, sink=self.record, user=NURSE)

    def wait(self, minutes: float) -> None:
        self.clock.advance(minutes * MIN)

    def start(self) -> None:
        """Plan and start dosing (the required blood pressure before it overridden)."""
        profile = self.session.profile
        request = DoseRequest(dose_mg=56, lot="L1") if profile.id == ESK.profile.id else \
            DoseRequest(weight_kg=70, mg_per_kg=0.5)
        self.session.plan(plan_dose(profile, request), user=NURSE)
        gate = next(rule.id for rule in profile.required_bp if rule.offset_min == 0)
        self.session.start_dosing(user=NURSE, overrides={f"required-bp:{gate}": "cuff broken"})

    def check(self, check_id: str) -> CheckStatus:
        return next(check for check in self.session.status().checks if check.id == check_id)


def full_cadss(value: int = 1) -> dict[int, int | None]:
    return {item.number: value for item in CADSS.instrument.items}


# --- events and their fold --------------------------------------------------------------------------

def test_a_draft_then_a_submission_store_item_answers_raters_instrument_version_and_score() -> None:
    bed = Bedside(ESK)
    draft_id = bed.session.save_assessment_draft(CADSS, {1: 2, 2: 1}, user=NURSE, form="cadss-6")
    draft = bed.record.of(ASSESSMENT_DRAFT)[0]
    assert draft.user == NURSE and draft.detail["assessment_id"] == draft_id
    assert draft.detail["answers"] == {"1": 2, "2": 1, "6": None, "7": None, "15": None, "22": None}
    assert draft.detail["score"]["value"] is None and draft.detail["score"]["missing"] == [6, 7, 15, 22]
    assert bed.session.assessments.open_draft("cadss", "cadss-6").answers[1] == 2

    bed.wait(3)
    answers = {1: 2, 2: 1, 6: 0, 7: 4, 15: 3, 22: 1}
    assert bed.session.submit_assessment(CADSS, answers, user=OTHER, form="cadss-6",
                                         assessment_id=draft_id) == draft_id
    submitted = bed.record.of(ASSESSMENT_SUBMITTED)[0]
    assert submitted.stamp == bed.clock.now() and submitted.user == OTHER
    detail = submitted.detail
    assert (detail["instrument"], detail["form"], detail["form_name"], detail["kind"]) == (
        "cadss", "cadss-6", "CADSS-6", "dissociation")
    assert (detail["version"], detail["sha256"]) == (CADSS.instrument.version, CADSS.sha256)
    assert detail["answers"] == {str(number): answers[number] for number in CADSS_6_ITEMS}
    assert detail["raters"] == {"patient": {"rated_by": "patient", "entered_by": OTHER}}
    assert detail["score"]["value"] == 11 and detail["score"]["short_forms"] == {"cadss-6": 11}
    assert detail["score"]["total"] is None and detail["score"]["missing"] == []
    assert "minutes_after_dosing_start" not in detail, "dosing has not started"

    assessment = bed.session.assessments.get(draft_id)
    assert assessment.state is AssessmentState.SUBMITTED and assessment.name == "CADSS-6"
    assert assessment.submitted == submitted.stamp and assessment.submitted_by == OTHER
    assert assessment.started == draft.stamp
    assert [version.reason for version in assessment.history] == [None]
    assert bed.session.assessments.open_draft("cadss", "cadss-6") is None
    assert bed.session.status().latest_assessments["cadss"].score.value == 11


def test_an_observer_rating_says_who_rated_it_and_when_after_dosing_started() -> None:
    bed = Bedside(ESK)
    bed.start()
    bed.wait(15)
    bed.session.submit_assessment(MOAAS, {1: 4}, user=NURSE)
    detail = bed.record.of(ASSESSMENT_SUBMITTED)[0].detail
    assert detail["raters"] == {"observer": {"rated_by": NURSE, "entered_by": NURSE}}
    assert detail["minutes_after_dosing_start"] == 15
    assert detail["score"]["band"] == "Mild sedation: rousable by ordinary voice"


def test_an_amendment_needs_a_reason_keeps_the_old_answers_and_the_history() -> None:
    bed = Bedside(IV)
    assessment_id = bed.session.submit_assessment(MOAAS, {1: 3}, user=NURSE)
    bed.wait(4)
    before = len(bed.record.events)
    for blank in ("", "   "):
        with pytest.raises(ValueError, match="Give a reason"):
            bed.session.amend_assessment(assessment_id, MOAAS, {1: 4}, user=OTHER, reason=blank)
    with pytest.raises(ValueError, match="unchanged"):
        bed.session.amend_assessment(assessment_id, MOAAS, {1: 3}, user=OTHER, reason="typo")
    with pytest.raises(ValueError, match="already submitted"):
        bed.session.save_assessment_draft(MOAAS, {1: 5}, user=OTHER, assessment_id=assessment_id)
    with pytest.raises(ValueError, match="already submitted"):
        bed.session.submit_assessment(MOAAS, {1: 5}, user=OTHER, assessment_id=assessment_id)
    assert len(bed.record.events) == before, "nothing refused is recorded"

    bed.session.amend_assessment(assessment_id, MOAAS, {1: 4}, user=OTHER, reason="  misread the chart ")
    amended = bed.record.of(ASSESSMENT_AMENDED)[0]
    assert amended.user == OTHER
    assert amended.detail["reason"] == "misread the chart"
    assert amended.detail["previous_answers"] == {"1": 3} and amended.detail["answers"] == {"1": 4}
    assert amended.detail["changed_items"] == [1]
    assert amended.detail["raters"] == {"observer": {"rated_by": OTHER, "entered_by": OTHER}}
    assessment = bed.session.assessments.get(assessment_id)
    assert assessment.answers == {1: 4} and assessment.score.value == 4
    assert [(v.answers, v.user, v.reason) for v in assessment.history] == [
        ({1: 3}, NURSE, None), ({1: 4}, OTHER, "misread the chart")]
    assert assessment.submitted_by == NURSE, "the rating's time and rater stay the submission's"


def test_a_draft_cannot_be_amended_and_ids_must_match_the_instrument() -> None:
    bed = Bedside(IV)
    draft_id = bed.session.save_assessment_draft(CADSS, {1: 1}, user=NURSE)
    with pytest.raises(ValueError, match="not been submitted"):
        bed.session.amend_assessment(draft_id, CADSS, {1: 2}, user=NURSE, reason="x")
    with pytest.raises(ValueError, match="is a CADSS, not MOAA/S"):
        bed.session.submit_assessment(MOAAS, {1: 5}, user=NURSE, assessment_id=draft_id)
    with pytest.raises(ValueError, match="not of that form"):
        bed.session.submit_assessment(CADSS, {1: 1}, user=NURSE, form="cadss-6", assessment_id=draft_id)
    with pytest.raises(ValueError, match="no assessment"):
        bed.session.amend_assessment("not-an-id", CADSS, {1: 2}, user=NURSE, reason="x")


@pytest.mark.parametrize(("answers", "form", "message"), [
    ({1: 7}, None, "item 1: 7 is not on its scale"),
    ({3: 1}, "cadss-6", r"CADSS-6 does not ask item\(s\) 3"),
    ({1: 1, 2: 1, 6: 1, 7: 1, 15: 1}, "cadss-6", r"cannot be scored with item\(s\) 22 unanswered"),
    ({}, "cadss-7", "has no short form 'cadss-7'"),
])
def test_a_submission_is_validated_and_refused_without_recording(
        answers: dict[int, int], form: str | None, message: str) -> None:
    bed = Bedside(ESK)
    before = len(bed.record.events)
    with pytest.raises(ValueError, match=message):
        bed.session.submit_assessment(CADSS, answers, user=NURSE, form=form)
    with pytest.raises(ValueError, match="name of who did it"):
        bed.session.submit_assessment(MOAAS, {1: 5}, user=" ")
    with pytest.raises(ValueError, match="Choose the MOAA/S rating first"):
        bed.session.submit_assessment(MOAAS, {1: None}, user=NURSE)
    assert len(bed.record.events) == before


def test_a_full_cadss_with_two_items_unanswered_is_prorated_and_reports_its_short_form() -> None:
    answers = full_cadss(1)
    answers[3] = answers[14] = None  # two patient items unanswered: 21 answered sum to 21
    scored = AssessmentScore.of(CADSS.instrument, None, answers)
    assert scored.total == scored.value == 23 and scored.prorated
    assert scored.missing == (3, 14)
    assert scored.short_forms == {"cadss-6": 6} and scored.names["cadss-6"] == "CADSS-6"
    assert scored.subscales["observer"] == 5
    answers[4] = None
    assert AssessmentScore.of(CADSS.instrument, None, answers).value is None, "three missing: incomplete"


def test_the_short_form_alone_is_scored_on_its_items_only() -> None:
    scored = AssessmentScore.of(CADSS.instrument, "cadss-6", {1: 4, 2: 4, 6: 4, 7: 4, 15: 4, 22: 4})
    assert (scored.value, scored.total, scored.subscales, scored.band) == (24, None, {}, None)
    assert scored.missing == () and not scored.prorated
    partial = AssessmentScore.of(CADSS.instrument, "cadss-6", {1: 4})
    assert partial.value is None and partial.missing == (2, 6, 7, 15, 22), "no items outside the form"
    assert AssessmentScore.from_detail(json.loads(json.dumps(scored.to_detail()))) == scored


def test_negative_ratings_are_stored_as_given() -> None:
    bed = Bedside(IV)
    bed.session.submit_assessment(RASS, {1: -3}, user=NURSE)
    detail = bed.record.of(ASSESSMENT_SUBMITTED)[0].detail
    assert detail["answers"] == {"1": -3} and detail["score"]["value"] == -3
    assert detail["score"]["band"] == "Sedated, rousable by voice"


# --- the schedule -----------------------------------------------------------------------------------

def test_moaa_s_is_due_from_dosing_start_overdue_after_its_window_and_repeats_from_the_last() -> None:
    bed = Bedside(ESK)
    assert "assessment:moaa-s:every" not in {c.id for c in bed.session.status().checks}, \
        "not asked before dosing starts"
    bed.start()
    moaas = bed.check("assessment:moaa-s:every")
    assert (moaas.label, moaas.state, moaas.instrument, moaas.form) == (
        "MOAA/S", CheckState.DUE, "moaa-s", None)
    bed.wait(6)
    assert bed.check("assessment:moaa-s:every").state is CheckState.OVERDUE
    bed.session.submit_assessment(MOAAS, {1: 5}, user=NURSE)
    after = bed.check("assessment:moaa-s:every")
    assert after.state is CheckState.UPCOMING
    assert after.due_s - bed.session.status().now_s == pytest.approx(15 * MIN)
    bed.session.save_assessment_draft(MOAAS, {1: 4}, user=NURSE)
    bed.wait(15)
    assert bed.check("assessment:moaa-s:every").state is CheckState.DUE, "a draft does not count"


def test_the_cadss_6_at_40_min_opens_5_min_before_and_a_late_one_is_marked_late() -> None:
    bed = Bedside(ESK)
    label = "Dissociation (CADSS-6) at 40 min"
    check_id = "assessment:cadss:cadss-6:at-40"
    waiting = bed.check(check_id)
    assert (waiting.label, waiting.state, waiting.due_s) == (label, CheckState.UPCOMING, None)
    bed.start()
    start_s = bed.session.status().now_s
    bed.wait(34)
    upcoming = bed.check(check_id)
    assert upcoming.state is CheckState.UPCOMING
    assert (upcoming.instrument, upcoming.form) == ("cadss", "cadss-6")
    assert (upcoming.due_s - start_s, upcoming.overdue_s - start_s) == (35 * MIN, 45 * MIN)
    bed.wait(2)
    assert bed.check(check_id).state is CheckState.DUE
    bed.wait(10)
    assert bed.check(check_id).state is CheckState.OVERDUE
    bed.wait(30)
    assert bed.check(check_id).state is CheckState.OVERDUE, "an overdue check stays until done"
    bed.session.submit_assessment(CADSS, dict.fromkeys(CADSS_6_ITEMS, 0), user=NURSE, form="cadss-6")
    done = bed.check(check_id)
    assert done.state is CheckState.DONE and done.late
    assert done.reading_s - start_s == pytest.approx(76 * MIN)


def test_a_full_cadss_meets_a_short_form_check_but_not_the_other_way_round() -> None:
    esketamine = Bedside(ESK)
    esketamine.start()
    esketamine.wait(39)
    esketamine.session.submit_assessment(CADSS, full_cadss(0), user=NURSE)
    done = esketamine.check("assessment:cadss:cadss-6:at-40")
    assert done.state is CheckState.DONE and not done.late

    iv = Bedside(IV)
    iv.start()
    iv.wait(40)
    iv.session.submit_assessment(CADSS, dict.fromkeys(CADSS_6_ITEMS, 0), user=NURSE, form="cadss-6")
    assert iv.check("assessment:cadss:at-40").state is CheckState.DUE


def test_the_baseline_cadss_is_due_before_dosing_and_met_by_one_just_before_the_start() -> None:
    bed = Bedside(IV)
    baseline = bed.check("assessment:cadss:at-0")
    assert (baseline.label, baseline.state, baseline.overdue_s) == (
        "Dissociation (CADSS) at 0 min", CheckState.DUE, None)
    bed.session.submit_assessment(CADSS, full_cadss(0), user=NURSE)
    assert bed.check("assessment:cadss:at-0").state is CheckState.DONE
    bed.wait(3)
    bed.start()
    assert bed.check("assessment:cadss:at-0").state is CheckState.DONE
    assert bed.check("assessment:cadss:at-40").state is CheckState.UPCOMING


def test_a_submission_inside_a_later_window_belongs_to_that_time_not_to_a_missed_earlier_one() -> None:
    bed = Bedside(IV)
    bed.start()
    bed.wait(38)
    assert bed.check("assessment:cadss:at-0").state is CheckState.OVERDUE
    bed.session.submit_assessment(CADSS, full_cadss(1), user=NURSE)
    assert bed.check("assessment:cadss:at-40").state is CheckState.DONE
    assert bed.check("assessment:cadss:at-0").state is CheckState.OVERDUE
    bed.wait(10)
    bed.session.submit_assessment(CADSS, full_cadss(1), user=NURSE)
    baseline = bed.check("assessment:cadss:at-0")
    assert baseline.state is CheckState.DONE and baseline.late


def test_checks_are_computed_from_the_rule_alone() -> None:
    rule = AssessmentRule(instrument="rass", anchor="dosing-end", at_min=(20, 10), every_min=30, window_min=2)
    anchors = {"dosing-start": 0.0, "dosing-end": 600.0, "discharge": None}
    # windows: 10 min → 1080–1320 s, 20 min → 1680–1920 s; a submission in the future does not count
    checks = assessment_checks(rule, anchors, [1950.0, 1700.0, 2500.0], now_s=2000.0)
    assert [(c.id, c.label, c.state, c.reading_s, c.late) for c in checks] == [
        ("assessment:rass:at-10", "RASS at 10 min", CheckState.DONE, 1950.0, True),
        ("assessment:rass:at-20", "RASS at 20 min", CheckState.DONE, 1700.0, False),
        ("assessment:rass:every", "RASS", CheckState.UPCOMING, None, False),
    ]
    assert (checks[0].due_s, checks[0].overdue_s) == (1080.0, 1320.0)
    assert checks[2].due_s == 1950.0 + 30 * MIN and checks[2].overdue_s == checks[2].due_s + 2 * MIN
    waiting = assessment_checks(rule, anchors, [], now_s=1100.0)
    assert [c.state for c in waiting] == [CheckState.DUE, CheckState.UPCOMING, CheckState.OVERDUE]


@pytest.mark.parametrize(("change", "message"), [
    ({"end": "discharge", "every_min": None, "at_min": [10]}, "end goes with every_min"),
    ({"at_min": [10, 10]}, "distinct minutes"),
    ({"at_min": [-5]}, "0 or more"),
    ({"window_min": 0}, "window_min"),
])
def test_an_assessment_rule_that_makes_no_sense_is_refused(change: dict[str, Any], message: str) -> None:
    content = json.loads(json.dumps(IV.content))
    content["assessment_schedule"][0].update(change)
    content["assessment_schedule"][0] = {k: v for k, v in content["assessment_schedule"][0].items()
                                         if v is not None}
    with pytest.raises(ProfileError, match=message):
        parse_profile(content)


def test_two_rules_for_the_same_instrument_and_form_are_refused() -> None:
    content = json.loads(json.dumps(ESK.content))
    content["assessment_schedule"].append({"instrument": "moaa-s", "anchor": "dosing-end", "at_min": [5]})
    with pytest.raises(ProfileError, match="more than one rule"):
        parse_profile(content)


# --- rebuild ----------------------------------------------------------------------------------------

def test_a_rebuilt_session_has_the_same_assessments_drafts_history_and_checks() -> None:
    bed = Bedside(ESK)
    bed.start()
    bed.wait(2)
    first = bed.session.submit_assessment(MOAAS, {1: 5}, user=NURSE)
    bed.wait(1)
    bed.session.amend_assessment(first, MOAAS, {1: 4}, user=OTHER, reason="re-rated")
    bed.wait(35)
    cadss = bed.session.submit_assessment(CADSS, dict.fromkeys(CADSS_6_ITEMS, 1), user=NURSE, form="cadss-6")
    bed.wait(2)
    draft = bed.session.save_assessment_draft(CADSS, {1: 3, 24: 2}, user=NURSE)

    now = bed.clock.now()
    clock = ManualClock(now.utc, monotonic_ns=now.monotonic_ns, monotonic_epoch="boot-1")
    rebuilt = DoseSession.rebuild(bed.record.events, [], clock=clock, sink=Record())
    assert rebuilt is not None
    live, again = bed.session.assessments, rebuilt.assessments
    assert again.submitted() == live.submitted()
    assert [a.id for a in again.submitted()] == [first, cadss]
    assert again.get(first).history == live.get(first).history and len(again.get(first).history) == 2
    assert again.open_draft("cadss", None) == live.open_draft("cadss", None)
    assert again.open_draft("cadss", None).id == draft
    assert rebuilt.status().checks == bed.session.status().checks
    assert rebuilt.status().latest_assessments == bed.session.status().latest_assessments
    # and both go on in step
    bed.wait(20)
    clock.advance(20 * MIN)
    assert rebuilt.status().checks == bed.session.status().checks


def test_an_amendment_of_an_unknown_assessment_in_the_record_is_refused_naming_it() -> None:
    bed = Bedside(IV)
    assessment_id = bed.session.submit_assessment(MOAAS, {1: 5}, user=NURSE)
    bed.session.amend_assessment(assessment_id, MOAAS, {1: 4}, user=NURSE, reason="x")
    events = [event for event in bed.record.events if event.kind != ASSESSMENT_SUBMITTED]
    with pytest.raises(TimerError, match=r"stored assessment-amended event at 09:00:00 UTC cannot be "
                                         r"replayed: assessment .* is amended but was never submitted"):
        DoseSession.rebuild(events, [], clock=bed.clock, sink=Record())
