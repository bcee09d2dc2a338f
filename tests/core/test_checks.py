"""What is due: repeating vitals checks and required blood pressures, in session seconds."""

from __future__ import annotations

from typing import Any

import pytest

from ketaconsole.core.checks import CheckState, repeating_check, required_reading
from ketaconsole.core.treatment_profiles import RepeatingCheck, RequiredReading

MIN = 60.0
START = 1000.0  # dosing start, session seconds
END = START + 40 * MIN  # dosing end

# BP every 10 min from the start of dosing to 20 min after its end, overdue 2 min after due.
DURING = RepeatingCheck(id="bp-during", label="Blood pressure", start="dosing-start", end="dosing-end",
                        end_offset_min=20, every_min=10, grace_min=2)
# Every 15 min from 20 min after the end of dosing until discharge.
AFTER = RepeatingCheck(id="bp-after", label="Blood pressure", start="dosing-end", start_offset_min=20,
                       end="discharge", every_min=15, grace_min=3)

PRE_DOSE = RequiredReading(id="bp-pre-dose", label="BP before dosing", anchor="dosing-start",
                           window_before_min=30, window_after_min=0)
AT_40 = RequiredReading(id="bp-40-min", label="BP at 40 min", anchor="dosing-start", offset_min=40,
                        window_before_min=5, window_after_min=10)
BEFORE_DISCHARGE = RequiredReading(id="bp-before-discharge", label="BP before leaving", anchor="discharge",
                                   window_before_min=15, window_after_min=0)


def anchors(*, start: float | None = START, end: float | None = None,
            discharge: float | None = None) -> dict[Any, float | None]:
    return {"dosing-start": start, "dosing-end": end, "discharge": discharge}


# --- repeating checks -----------------------------------------------------------------------------

def test_a_repeating_check_is_inactive_until_its_start_anchor() -> None:
    assert repeating_check(DURING, anchors(start=None), [], 50.0) is None
    assert repeating_check(AFTER, anchors(), [], START + 10 * MIN) is None  # dosing has not ended


@pytest.mark.parametrize(("now", "state"), [
    (START - 1, CheckState.UPCOMING),
    (START, CheckState.DUE),
    (START + 2 * MIN, CheckState.DUE),
    (START + 2 * MIN + 1, CheckState.OVERDUE),
    (START + 30 * MIN, CheckState.OVERDUE),
], ids=["before", "at-start", "end-of-grace", "just-overdue", "long-overdue"])
def test_with_no_reading_the_check_falls_due_at_its_start(now: float, state: CheckState) -> None:
    check = repeating_check(DURING, anchors(), [], now)
    assert check is not None
    assert (check.id, check.label, check.state) == ("bp-during", "Blood pressure", state)
    assert (check.due_s, check.overdue_s) == (START, START + 2 * MIN)
    assert check.required is False and check.reading_s is None


@pytest.mark.parametrize(("readings", "now", "due", "state"), [
    ([START + 3 * MIN], START + 5 * MIN, START + 13 * MIN, CheckState.UPCOMING),
    ([START + 3 * MIN], START + 13 * MIN, START + 13 * MIN, CheckState.DUE),
    ([START + 3 * MIN], START + 15 * MIN + 1, START + 13 * MIN, CheckState.OVERDUE),
    ([START + 3 * MIN, START + 14 * MIN], START + 16 * MIN, START + 24 * MIN, CheckState.UPCOMING),
    ([START + 14 * MIN, START + 3 * MIN], START + 16 * MIN, START + 24 * MIN, CheckState.UPCOMING),
    ([START + 3 * MIN, START + 20 * MIN], START + 16 * MIN, START + 13 * MIN, CheckState.OVERDUE),
], ids=["upcoming", "due", "overdue", "latest-counts", "any-order", "future-reading-ignored"])
def test_the_next_check_falls_due_one_interval_after_the_last_reading(readings: list[float], now: float,
                                                                      due: float, state: CheckState) -> None:
    check = repeating_check(DURING, anchors(), readings, now)
    assert check is not None
    assert (check.due_s, check.overdue_s, check.state) == (due, due + 2 * MIN, state)


@pytest.mark.parametrize(("reading", "due"), [
    (START - 4 * MIN, START + 6 * MIN),
    (START - 10 * MIN, START),
    (START - 10 * MIN - 1, START),
    (START - 60 * MIN, START),
], ids=["4-min-before", "one-interval-before", "just-over-an-interval", "an-hour-before"])
def test_a_reading_just_before_the_start_moves_the_first_check(reading: float, due: float) -> None:
    check = repeating_check(DURING, anchors(), [reading], START + 1)
    assert check is not None and check.due_s == due


def test_a_repeating_check_ends_at_its_end_anchor_plus_offset() -> None:
    end_of_checks = END + 20 * MIN
    check = repeating_check(DURING, anchors(end=END), [END + 5 * MIN], END + 10 * MIN)
    assert check is not None and check.due_s == END + 15 * MIN
    # The next one would fall after the end: nothing more is due.
    assert repeating_check(DURING, anchors(end=END), [END + 12 * MIN], END + 13 * MIN) is None
    # Once the end has passed, the check is gone even if one was missed.
    assert repeating_check(DURING, anchors(end=END), [END], end_of_checks + 1) is None
    check = repeating_check(DURING, anchors(end=END), [END], end_of_checks)
    assert check is not None and check.state is CheckState.OVERDUE


def test_the_after_checks_start_20_min_after_the_end_and_run_until_discharge() -> None:
    start = END + 20 * MIN
    check = repeating_check(AFTER, anchors(end=END), [END + 15 * MIN], END + 16 * MIN)
    assert check is not None and check.due_s == END + 30 * MIN  # reading within an interval before start
    check = repeating_check(AFTER, anchors(end=END), [], start + 3 * MIN)
    assert check is not None and (check.due_s, check.state) == (start, CheckState.DUE)
    later = start + 5 * 60 * MIN  # no discharge yet: the checks go on
    check = repeating_check(AFTER, anchors(end=END), [later - MIN], later)
    assert check is not None and check.due_s == later + 14 * MIN
    discharge = start + 40 * MIN
    assert repeating_check(AFTER, anchors(end=END, discharge=discharge), [], discharge + 1) is None


# --- required readings ----------------------------------------------------------------------------

@pytest.mark.parametrize(("readings", "now", "state", "reading", "late"), [
    ([], START + 30 * MIN, CheckState.UPCOMING, None, False),
    ([], START + 35 * MIN, CheckState.DUE, None, False),
    ([], START + 50 * MIN, CheckState.DUE, None, False),
    ([], START + 50 * MIN + 1, CheckState.OVERDUE, None, False),
    ([START + 41 * MIN], START + 42 * MIN, CheckState.DONE, START + 41 * MIN, False),
    ([START + 35 * MIN], START + 42 * MIN, CheckState.DONE, START + 35 * MIN, False),
    ([START + 50 * MIN], START + 60 * MIN, CheckState.DONE, START + 50 * MIN, False),
    ([START + 44 * MIN, START + 38 * MIN], START + 45 * MIN, CheckState.DONE, START + 38 * MIN, False),
    ([START + 34 * MIN], START + 40 * MIN, CheckState.DUE, None, False),
    ([START + 41 * MIN], START + 40 * MIN, CheckState.DUE, None, False),
    ([START + 55 * MIN], START + 56 * MIN, CheckState.DONE, START + 55 * MIN, True),
    ([START + 55 * MIN, START + 52 * MIN], START + 56 * MIN, CheckState.DONE, START + 52 * MIN, True),
    ([START + 45 * MIN, START + 55 * MIN], START + 56 * MIN, CheckState.DONE, START + 45 * MIN, False),
], ids=["upcoming", "window-opens", "window-closes", "overdue", "in-window", "at-opening", "at-closing",
        "first-in-window", "too-early-ignored", "future-ignored", "late", "first-late",
        "in-window-beats-late"])
def test_a_required_reading_in_its_window(readings: list[float], now: float, state: CheckState,
                                          reading: float | None, late: bool) -> None:
    check = required_reading(AT_40, anchors(), readings, now, None)
    assert (check.state, check.reading_s, check.late) == (state, reading, late)
    assert (check.due_s, check.overdue_s) == (START + 35 * MIN, START + 50 * MIN)
    assert check.required is True and check.id == "bp-40-min"


def test_before_dosing_the_pre_dose_reading_is_due_now() -> None:
    now = 5000.0
    check = required_reading(PRE_DOSE, anchors(start=None), [], now, None)
    assert (check.state, check.due_s, check.overdue_s) == (CheckState.DUE, now - 30 * MIN, None)
    check = required_reading(PRE_DOSE, anchors(start=None), [now - 29 * MIN], now, None)
    assert (check.state, check.reading_s) == (CheckState.DONE, now - 29 * MIN)
    check = required_reading(PRE_DOSE, anchors(start=None), [now - 31 * MIN], now, None)
    assert check.state is CheckState.DUE


def test_after_dosing_started_the_pre_dose_window_is_fixed() -> None:
    check = required_reading(PRE_DOSE, anchors(), [START - 10 * MIN], START + 60 * MIN, None)
    assert (check.state, check.reading_s, check.late) == (CheckState.DONE, START - 10 * MIN, False)
    missed = required_reading(PRE_DOSE, anchors(), [START - 40 * MIN], START + 1, None)
    assert (missed.state, missed.overdue_s) == (CheckState.OVERDUE, START)
    late = required_reading(PRE_DOSE, anchors(), [START + 2 * MIN], START + 3 * MIN, None)
    assert (late.state, late.late) == (CheckState.DONE, True)


def test_a_reading_at_an_offset_waits_for_its_anchor() -> None:
    check = required_reading(AT_40, anchors(start=None), [100.0], 200.0, None)
    assert (check.state, check.due_s, check.overdue_s, check.reading_s) == (CheckState.UPCOMING, None, None,
                                                                            None)


@pytest.mark.parametrize("rule", [BEFORE_DISCHARGE, RequiredReading(
    id="bp-end", label="BP at the end", anchor="dosing-end", window_before_min=10, window_after_min=0)],
    ids=["discharge", "dosing-end"])
def test_only_the_pre_dose_reading_is_due_before_its_anchor(rule: RequiredReading) -> None:
    # A reading before dosing must not satisfy a reading due at the end or before discharge.
    check = required_reading(rule, anchors(start=None), [4900.0], 5000.0, None)
    assert (check.state, check.due_s, check.reading_s) == (CheckState.UPCOMING, None, None)


def test_the_discharge_reading_is_aimed_at_the_expected_discharge() -> None:
    expected = START + 120 * MIN
    upcoming = required_reading(BEFORE_DISCHARGE, anchors(), [START + 41 * MIN], START + 60 * MIN, expected)
    assert (upcoming.state, upcoming.due_s, upcoming.overdue_s) == (CheckState.UPCOMING, expected - 15 * MIN,
                                                                     None)
    due = required_reading(BEFORE_DISCHARGE, anchors(), [], expected - 10 * MIN, expected)
    assert due.state is CheckState.DUE
    waiting = required_reading(BEFORE_DISCHARGE, anchors(), [], expected + 60 * MIN, expected)
    assert waiting.state is CheckState.DUE  # the patient stays longer: never overdue before the decision
    done = required_reading(BEFORE_DISCHARGE, anchors(), [expected - 5 * MIN], expected, expected)
    assert (done.state, done.reading_s) == (CheckState.DONE, expected - 5 * MIN)


def test_once_discharged_the_discharge_reading_uses_the_real_time() -> None:
    discharge = START + 150 * MIN
    check = required_reading(BEFORE_DISCHARGE, anchors(end=END, discharge=discharge),
                             [discharge - 14 * MIN], discharge + 1, START + 120 * MIN)
    assert (check.state, check.late) == (CheckState.DONE, False)
    check = required_reading(BEFORE_DISCHARGE, anchors(end=END, discharge=discharge),
                             [discharge - 16 * MIN], discharge + 1, START + 120 * MIN)
    assert (check.state, check.overdue_s) == (CheckState.OVERDUE, discharge)


@pytest.mark.parametrize("rule", [PRE_DOSE, BEFORE_DISCHARGE], ids=["pre-dose", "before-discharge"])
def test_a_reading_that_cannot_be_late_is_missed_once_its_anchor_has_passed(rule: RequiredReading) -> None:
    strict = rule.model_copy(update={"late_allowed": False})
    anchor = START if rule.anchor == "dosing-start" else START + 150 * MIN
    at = anchors(end=END, discharge=anchor if rule.anchor == "discharge" else None)
    afterwards = [anchor + 2 * MIN]  # taken after dosing started / after the patient was discharged
    missed = required_reading(strict, at, afterwards, anchor + 3 * MIN, START + 120 * MIN)
    assert (missed.state, missed.reading_s) == (CheckState.MISSED, None)
    in_time = required_reading(strict, at, [anchor - MIN], anchor + 3 * MIN, START + 120 * MIN)
    assert (in_time.state, in_time.reading_s) == (CheckState.DONE, anchor - MIN)
    lenient = required_reading(rule, at, afterwards, anchor + 3 * MIN, START + 120 * MIN)
    assert (lenient.state, lenient.late) == (CheckState.DONE, True)


def test_a_strict_reading_before_its_anchor_is_due_not_missed() -> None:
    strict = PRE_DOSE.model_copy(update={"late_allowed": False})
    assert required_reading(strict, anchors(start=None), [], 5000.0, None).state is CheckState.DUE
    expected = START + 120 * MIN
    strict_discharge = BEFORE_DISCHARGE.model_copy(update={"late_allowed": False})
    waiting = required_reading(strict_discharge, anchors(end=END), [], expected + 60 * MIN, expected)
    assert waiting.state is CheckState.DUE, "an expected discharge that has passed is not a real one"
