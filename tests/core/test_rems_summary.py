"""The REMS monitoring summary drafted from a real esketamine DoseSession on a manual clock: facts and
blood pressures taken from the session (never typed), the monitoring length and its 2-hour flag,
missing readings with their reason, the nurse's answers checked field by field, and the refusal of a
treatment that is not under the REMS."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.dose_session import REQUIRED_BP_RECORDED, DoseSession
from ketaconsole.core.dosing import DoseRequest, plan_dose
from ketaconsole.core.observations import Observation
from ketaconsole.core.rems_summary import (
    FIELDS,
    REMS_MINIMUM_MONITORING_MIN,
    EffectAnswer,
    RemsAnswers,
    RemsSummary,
    RemsSummaryError,
    draft_summary,
    summary_detail,
    summary_unavailable,
    validate_answers,
)
from ketaconsole.core.treatment_profiles import LoadedProfile, load_catalogue, parse_profile
from ketaconsole.paths import data_path

CATALOGUE = load_catalogue([data_path("resources", "protocols")])
ESK = CATALOGUE.get("esketamine-intranasal")
IV = CATALOGUE.get("iv-ketamine")
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
NURSE = "nurse A"
ALL_CRITERIA = [criterion.id for criterion in ESK.profile.discharge_criteria]
FIRST_DEVICE = START + timedelta(minutes=10)


class Bedside:
    """An esketamine session on a manual clock; keeps every event the session records."""

    def __init__(self, loaded: LoadedProfile = ESK) -> None:
        self.clock = ManualClock(START, monotonic_ns=7_000 * 10**9)
        self.events: list[tuple[str, Stamp, dict[str, Any], str | None]] = []
        self.observations: list[Observation] = []
        self.session = DoseSession.select(loaded, clock=self.clock, sink=self._store, user=NURSE)

    def _store(self, kind: str, stamp: Stamp, detail: dict[str, Any], user: str | None) -> None:
        self.events.append((kind, stamp, json.loads(json.dumps(detail)), user))

    def bp(self, systolic: float, diastolic: float, mean: float) -> None:
        now = self.clock.now()
        batch = [Observation("NIBP_SYS", systolic, now, "s5"), Observation("NIBP_DIA", diastolic, now, "s5"),
                 Observation("NIBP_MEAN", mean, now, "s5")]
        self.observations.extend(batch)
        self.session.add_observations(batch)

    def wait(self, minutes: float) -> None:
        self.clock.advance(minutes * 60)

    def recorded(self, check: str) -> dict[str, Any]:
        return next(detail for kind, _, detail, _ in self.events
                    if kind == REQUIRED_BP_RECORDED and detail["check"] == check)

    def devices_given(self, *, pre_dose_bp: bool = True) -> None:
        """Pre-dose BP, then 56 mg: the first device 10 min after it, the second 5 min later."""
        if pre_dose_bp:
            self.bp(128, 84, 96)
        self.session.plan(plan_dose(ESK.profile, DoseRequest(dose_mg=56, lot="LOT-7")), user=NURSE)
        self.wait(10)
        overrides = None if pre_dose_bp else {"required-bp:bp-pre-dose": "cuff replaced"}
        self.session.start_dosing(user=NURSE, overrides=overrides)
        self.wait(5)
        self.session.give_next_device(user=NURSE)

    def discharge_at(self, minutes_after_first_device: float) -> None:
        """The last BP 13 min before discharge, then ready for discharge (early: with a reason)."""
        elapsed = (self.clock.now().utc - FIRST_DEVICE).total_seconds() / 60
        self.wait(minutes_after_first_device - 13 - elapsed)
        self.bp(134, 85, 100)
        self.wait(13)
        self.session.mark_ready_for_discharge(user=NURSE, criteria_met=ALL_CRITERIA,
                                              overrides={"observation-minimum": "doctor agreed"})


def full_session(discharge_min: float = 125) -> Bedside:
    """Pre-dose BP, two devices, the 40-min BP at 41 min, discharge at ``discharge_min``."""
    bed = Bedside()
    bed.devices_given()
    bed.wait(36)
    bed.bp(151, 96, 112)
    bed.discharge_at(discharge_min)
    return bed


@pytest.fixture
def far_east_time_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time 14 h ahead of UTC (POSIX "UTC-14"), so the local date differs from UTC's after 10:00."""
    monkeypatch.setenv("TZ", "UTC-14")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# --- facts drafted from the session ---------------------------------------------------------------

def test_the_summary_takes_dose_times_and_blood_pressures_from_the_session() -> None:
    bed = full_session()
    status = bed.session.status()
    summary = draft_summary(status)
    assert (summary.profile_id, summary.profile_version) == ("esketamine-intranasal", ESK.profile.version)
    assert (summary.dose_mg, summary.delivered_mg, summary.lot) == (56, 56, "LOT-7")
    assert (summary.devices_planned, summary.devices_given) == (2, 2)
    assert summary.first_device_utc == FIRST_DEVICE
    assert summary.end_of_monitoring_utc == FIRST_DEVICE + timedelta(minutes=125)
    assert summary.monitoring_min == 125 and not summary.monitoring_below_minimum
    assert [bp.check for bp in summary.blood_pressures] == ["bp-pre-dose", "bp-40-min", "bp-before-discharge"]
    for pressure in summary.blood_pressures:
        assert pressure.reading is status.recorded_bp[pressure.check]
        assert pressure.missing_reason is None
        event = bed.recorded(pressure.check)
        assert (pressure.reading.systolic, pressure.reading.diastolic, pressure.reading.mean) == (
            event["systolic"], event["diastolic"], event["mean"])
        assert pressure.reading.measured.utc.isoformat() == event["measured_utc"]
        assert (pressure.minutes_after_dosing_start, pressure.late) == (
            event["minutes_after_dosing_start"], event["late"])
    assert [(bp.reading.text(), bp.minutes_after_dosing_start) for bp in summary.blood_pressures] == [
        ("128/84 (96)", -10.0), ("151/96 (112)", 41.0), ("134/85 (100)", 112.0)]


def test_the_treatment_date_is_the_local_date_of_the_first_device(far_east_time_zone: None) -> None:
    bed = Bedside()
    bed.wait(60)  # first device at 10:10 UTC = 00:10 the next day, 14 h ahead
    bed.devices_given()
    assert draft_summary(bed.session.status()).treatment_date == date(2026, 3, 3)


def test_before_discharge_the_end_of_monitoring_is_not_known_and_cannot_be_saved() -> None:
    bed = Bedside()
    bed.devices_given()
    bed.wait(50)  # 55 min after the first device and no reading since the pre-dose one
    summary = draft_summary(bed.session.status())
    assert (summary.end_of_monitoring_utc, summary.monitoring_min) == (None, None)
    assert not summary.monitoring_below_minimum
    assert [bp.missing_reason for bp in summary.blood_pressures] == [
        None, "not recorded yet: the reading is overdue",
        "not recorded yet: it is taken when the patient is marked ready for discharge"]
    with pytest.raises(RemsSummaryError, match="not marked ready for discharge yet"):
        summary_detail(summary, ANSWERS)


@pytest.mark.parametrize(("discharge_min", "minutes", "short"), [
    (118, 118, True), (119.99, 119, True), (120, 120, False),
], ids=["118", "119.99-rounds-down", "120"])
def test_monitoring_shorter_than_two_hours_is_flagged(discharge_min: float, minutes: int,
                                                       short: bool) -> None:
    summary = draft_summary(full_session(discharge_min).session.status())
    assert summary.monitoring_min == minutes
    assert summary.monitoring_below_minimum is short
    detail = summary_detail(summary, replace(ANSWERS, ready_to_leave_min=60))
    assert (detail["monitoring_min"], detail["monitoring_below_minimum"]) == (minutes, short)
    assert detail["minimum_monitoring_min"] == REMS_MINIMUM_MONITORING_MIN == 120


def test_missing_blood_pressures_are_reported_with_their_reason() -> None:
    bed = Bedside()
    bed.devices_given(pre_dose_bp=False)
    bed.wait(80)  # no reading at 40 min either
    bed.session.mark_ready_for_discharge(
        user=NURSE, criteria_met=ALL_CRITERIA,
        overrides={"observation-minimum": "transport", "required-bp:bp-before-discharge": "cuff broken"})
    summary = draft_summary(bed.session.status())
    assert [(bp.reading, bp.missing_reason) for bp in summary.blood_pressures] == [
        (None, "not recorded: no cuff reading was taken in its window"),
        (None, "not recorded yet: the reading is overdue"),
        (None, "not recorded: no cuff reading was taken in its window"),
    ]
    detail = summary_detail(summary, replace(ANSWERS, ready_to_leave_min=60))
    assert detail["blood_pressures"][0] == {
        "check": "bp-pre-dose", "label": "Prior to administration", "recorded": False,
        "reason": "not recorded: no cuff reading was taken in its window"}


def test_a_late_40_minute_reading_keeps_its_late_flag() -> None:
    bed = Bedside()
    bed.devices_given()
    bed.wait(50)  # 55 min after the first device; the window closed at 50
    bed.bp(140, 90, 105)
    [_, late, _] = draft_summary(bed.session.status()).blood_pressures
    assert (late.minutes_after_dosing_start, late.late) == (55.0, True)


def test_a_profile_without_one_of_the_readings_says_so() -> None:
    content = dict(ESK.content)
    content["required_bp"] = [rule for rule in content["required_bp"] if rule["id"] != "bp-40-min"]
    loaded = LoadedProfile(parse_profile(content), content, "test", "test")
    bed = Bedside(loaded)
    bed.devices_given()
    [_, forty, _] = draft_summary(bed.session.status()).blood_pressures
    assert forty.missing_reason == "not recorded: the treatment profile does not ask for this reading"


def test_a_record_rebuilt_without_its_observations_keeps_the_values_but_not_their_place() -> None:
    bed = full_session()
    rebuilt = DoseSession.rebuild([_Event(*event) for event in bed.events], [], clock=bed.clock,
                                  sink=lambda *_: None)
    assert rebuilt is not None
    pressures = draft_summary(rebuilt.status()).blood_pressures
    assert [bp.reading.text() for bp in pressures] == ["128/84 (96)", "151/96 (112)", "134/85 (100)"]
    assert [bp.minutes_after_dosing_start for bp in pressures] == [None, None, None]


class _Event:
    def __init__(self, kind: str, stamp: Stamp, detail: dict[str, Any], user: str | None) -> None:
        self.kind, self.stamp, self.detail, self.user = kind, stamp, detail, user


def test_a_treatment_outside_the_rems_is_refused() -> None:
    bed = Bedside(IV)
    bed.bp(124, 78, 93)
    bed.session.plan(plan_dose(IV.profile, DoseRequest(weight_kg=70, mg_per_kg=0.5)), user=NURSE)
    bed.session.start_dosing(user=NURSE)
    status = bed.session.status()
    assert summary_unavailable(status) is not None
    with pytest.raises(RemsSummaryError, match=r"IV ketamine.* is not a REMS treatment"):
        draft_summary(status)


def test_no_summary_before_the_first_device() -> None:
    bed = Bedside()
    with pytest.raises(RemsSummaryError, match="No nasal device has been given yet"):
        draft_summary(bed.session.status())
    bed.devices_given()
    assert summary_unavailable(bed.session.status()) is None


# --- the nurse's answers --------------------------------------------------------------------------

RAW: dict[str, str | bool] = {
    "sedation_occurred": True, "sedation_onset_min": "5", "sedation_resolution_min": " 50 ",
    "dissociation_occurred": True, "dissociation_onset_min": "10", "dissociation_not_resolved": True,
    "dissociation_resolution_min": "",
    "respiratory_depression_occurred": False, "respiratory_depression_onset_min": "typed, then unticked",
    "ready_to_leave_min": "90", "vitals_acceptable_before": True, "vitals_acceptable_at_end": False,
    "note": "  Still dissociated at 125 min; escort briefed, doctor reviewed  ",
}
ANSWERS = RemsAnswers(EffectAnswer(True, 5, 50), EffectAnswer(True, 10, None), EffectAnswer(False), 90,
                      True, False, "Still dissociated at 125 min; escort briefed, doctor reviewed")


def test_valid_answers_are_built_and_times_of_an_effect_that_did_not_occur_are_ignored() -> None:
    answers, errors = validate_answers(RAW)
    assert errors == {}
    assert answers == ANSWERS
    assert answers.dissociation.resolution_min is None, "not resolved"


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"sedation_onset_min": ""}, "sedation_onset_min",
     "Sedation onset is required (minutes after the first device)"),
    ({"sedation_onset_min": "-3"}, "sedation_onset_min",
     "Sedation onset cannot be before the first device: give 0 or more minutes"),
    ({"sedation_onset_min": "soon"}, "sedation_onset_min",
     "Sedation onset must be a number of minutes, e.g. 45"),
    ({"sedation_onset_min": "7.5"}, "sedation_onset_min", "Sedation onset must be whole minutes"),
    ({"sedation_resolution_min": "4"}, "sedation_resolution_min",
     "Sedation cannot resolve (4 min) before its onset (5 min)"),
    ({"sedation_resolution_min": ""}, "sedation_resolution_min",
     "Enter when the sedation resolved (minutes after the first device), or tick Not resolved"),
    ({"dissociation_resolution_min": "40"}, "dissociation_resolution_min",
     "Clear the resolution time, or untick Not resolved"),
    ({"note": " "}, "note", "Say in the note what was done about the dissociation that had not resolved"),
    ({"note": "", "sedation_not_resolved": True, "sedation_resolution_min": ""}, "note",
     "Say in the note what was done about the sedation and dissociation that had not resolved"),
    ({"note": "a\x00b"}, "note",
     "Note contains a character that cannot be used (a control or invisible character)"),
    ({"note": "x" * 4001}, "note", "Note is too long: at most 4000 characters (4001 typed)"),
    ({"respiratory_depression_occurred": True, "respiratory_depression_resolution_min": "20"},
     "respiratory_depression_onset_min",
     "Respiratory depression onset must be a number of minutes, e.g. 45"),
    ({"ready_to_leave_min": ""}, "ready_to_leave_min",
     "Ready to leave is required (minutes after the first device)"),
    ({"ready_to_leave_min": "-1"}, "ready_to_leave_min",
     "Ready to leave cannot be before the first device: give 0 or more minutes"),
    ({"ready_to_leave_min": "1,5"}, "ready_to_leave_min", "Ready to leave must be whole minutes"),
    ({"vitals_acceptable_before": ""}, "vitals_acceptable_before", "Answer yes or no"),
    ({"vitals_acceptable_at_end": ""}, "vitals_acceptable_at_end", "Answer yes or no"),
], ids=lambda value: value if isinstance(value, str) and len(value) < 40 else None)
def test_each_field_is_checked(changes: dict[str, str | bool], field: str, message: str) -> None:
    answers, errors = validate_answers({**RAW, **changes})
    assert answers is None
    assert errors == {field: message}


def test_errors_come_in_form_order_and_an_empty_form_asks_for_everything_it_needs() -> None:
    _, errors = validate_answers({"note": "", "sedation_occurred": True})
    assert list(errors) == ["sedation_onset_min", "sedation_resolution_min", "ready_to_leave_min",
                            "vitals_acceptable_before", "vitals_acceptable_at_end"]
    assert list(errors) == [key for key in FIELDS if key in errors]


def test_no_time_may_lie_after_the_end_of_monitoring() -> None:
    raw = {**RAW, "sedation_resolution_min": "126", "ready_to_leave_min": "130"}
    answers, errors = validate_answers(raw, monitoring_min=125)
    assert answers is None
    assert errors == {
        "sedation_resolution_min": ("Sedation resolution (126 min) is after the end of monitoring "
                                    "(125 min after the first device); tick Not resolved instead"),
        "ready_to_leave_min": ("Ready to leave (130 min) is after the end of monitoring "
                               "(125 min after the first device)"),
    }
    assert validate_answers({**RAW, "ready_to_leave_min": "125"}, monitoring_min=125)[0] is not None
    summary = draft_summary(full_session(125).session.status())
    with pytest.raises(RemsSummaryError, match=r"Ready to leave \(130 min\)"):
        summary_detail(summary, replace(ANSWERS, ready_to_leave_min=130))


@pytest.mark.parametrize("raw", [{"made_up": "1"}, {"sedation_occurred": "yes"},
                                 {"vitals_acceptable_before": "yes"}, {"note": True}],
                         ids=["unknown-key", "box-as-text", "yes-no-as-text", "text-as-bool"])
def test_caller_mistakes_are_not_reported_as_typing_mistakes(raw: dict[str, str | bool]) -> None:
    with pytest.raises(ValueError, match=r"REMS summary field|True or False|typed text"):
        validate_answers(raw)


@pytest.mark.parametrize("build", [
    lambda: EffectAnswer(False, 3, None), lambda: EffectAnswer(True, None, None),
    lambda: EffectAnswer(True, -1, None), lambda: EffectAnswer(True, 10, 9),
    lambda: replace(ANSWERS, ready_to_leave_min=-1),
], ids=["times-without-effect", "no-onset", "negative-onset", "resolved-before-onset", "negative-ready"])
def test_answers_cannot_be_built_against_their_invariants(build: Any) -> None:
    with pytest.raises(ValueError):
        build()


# --- the stored detail ----------------------------------------------------------------------------

def test_the_detail_copies_the_recorded_readings_and_dates_every_answer() -> None:
    bed = full_session()
    summary: RemsSummary = draft_summary(bed.session.status())
    detail = summary_detail(summary, ANSWERS)
    assert json.loads(json.dumps(detail)) == detail, "a JSON object"
    pressures = detail.pop("blood_pressures")
    for stored, check in zip(pressures, ("bp-pre-dose", "bp-40-min", "bp-before-discharge"), strict=True):
        event = bed.recorded(check)
        assert stored["recorded"] is True and stored["check"] == check
        for key in ("systolic", "diastolic", "mean", "measured_utc", "minutes_after_dosing_start", "late",
                    "source", "manual"):
            assert stored[key] == event[key], key
    at = {minutes: (FIRST_DEVICE + timedelta(minutes=minutes)).isoformat()
          for minutes in (5, 10, 50, 90, 125)}
    assert detail == {
        "profile_id": "esketamine-intranasal", "profile_version": ESK.profile.version,
        "treatment_date": FIRST_DEVICE.astimezone().date().isoformat(),
        "dose_mg": 56.0, "delivered_mg": 56.0, "devices_planned": 2, "devices_given": 2, "lot": "LOT-7",
        "first_device_utc": FIRST_DEVICE.isoformat(), "end_of_monitoring_utc": at[125],
        "monitoring_min": 125, "minimum_monitoring_min": 120, "monitoring_below_minimum": False,
        "sedation": {"occurred": True, "onset_min": 5, "onset_utc": at[5], "resolved": True,
                     "resolution_min": 50, "resolution_utc": at[50]},
        "dissociation": {"occurred": True, "onset_min": 10, "onset_utc": at[10], "resolved": False,
                         "resolution_min": None, "resolution_utc": None},
        "respiratory_depression": {"occurred": False},
        "ready_to_leave_min": 90, "ready_to_leave_utc": at[90],
        "vitals_acceptable_before": True, "vitals_acceptable_at_end": False,
        "note": "Still dissociated at 125 min; escort briefed, doctor reviewed",
    }
