"""What is due: the profile's vitals schedule and required blood pressures, against the readings taken.

All times are session seconds (:mod:`ketaconsole.core.timebase`). Anchors are moments of the dose
timer (see :mod:`ketaconsole.core.treatment_profiles`); an anchor that has not happened yet is
``None``, except ``discharge``, which is expected at the end of the minimum observation until the
patient is marked ready.

* A repeating check (e.g. blood pressure every 10 min during the infusion) is active between its
  start and end. Its next one falls due ``every`` after the last reading (or at its start, whichever
  is later), and is overdue ``grace`` after that. A reading up to one interval before the start
  counts, so a baseline taken just before the infusion moves the first check forward.
* A required reading (e.g. REMS blood pressure at 40 min) must be taken within its window around
  ``anchor + offset``; the first reading in the window satisfies it, a reading after the window
  satisfies it late where the rule allows that, and otherwise the check is missed once the window
  has passed (a blood pressure "before dosing" cannot be taken afterwards). Before dosing starts, a
  required reading at dosing start is due now and is satisfied by a reading within its window
  before now.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from ketaconsole.core.treatment_profiles import Anchor, RepeatingCheck, RequiredReading

MINUTE_S = 60.0


class CheckState(Enum):
    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"
    MISSED = "missed"


@dataclass(frozen=True, slots=True)
class CheckStatus:
    """One check as the nurse sees it. ``due_s`` is when it falls due (``None``: not yet known);
    ``overdue_s`` when it becomes overdue (``None``: never, e.g. before a discharge not yet decided).
    For a done required reading or assessment, ``reading_s`` is the satisfying reading or submission
    and ``late`` whether it was after the window. An assessment check names the ``instrument`` to
    open and, when only a short form is asked, its ``form`` (both ``None`` for vital signs)."""

    id: str
    label: str
    state: CheckState
    due_s: float | None
    overdue_s: float | None
    reading_s: float | None = None
    late: bool = False
    required: bool = False
    instrument: str | None = None
    form: str | None = None


def repeating_check(rule: RepeatingCheck, anchors: Mapping[Anchor, float | None],
                    readings_s: Sequence[float], now_s: float) -> CheckStatus | None:
    """The next occurrence of ``rule``, or ``None`` while it is not active (its start anchor has not
    happened, or its end has passed)."""
    start_anchor = anchors.get(rule.start)
    if start_anchor is None:
        return None
    start = start_anchor + rule.start_offset_min * MINUTE_S
    end_anchor = anchors.get(rule.end)
    end = math.inf if end_anchor is None else end_anchor + rule.end_offset_min * MINUTE_S
    every = rule.every_min * MINUTE_S
    last = max((t for t in readings_s if start - every <= t <= now_s), default=None)
    due = start if last is None else max(start, last + every)
    if due > end or now_s > end:
        return None
    overdue = due + rule.grace_min * MINUTE_S
    return CheckStatus(rule.id, rule.label, _state(now_s, due, overdue), due, overdue)


def required_reading(rule: RequiredReading, anchors: Mapping[Anchor, float | None],
                     readings_s: Sequence[float], now_s: float,
                     expected_discharge_s: float | None) -> CheckStatus:
    """Where ``rule`` stands; ``expected_discharge_s`` stands in for a discharge not yet decided."""
    before, after = rule.window_before_min * MINUTE_S, rule.window_after_min * MINUTE_S
    anchor = anchors.get(rule.anchor)
    if anchor is None and rule.anchor == "discharge" and expected_discharge_s is not None:
        target = expected_discharge_s + rule.offset_min * MINUTE_S
        return _open_window(rule, readings_s, now_s, target - before, target + after, overdue=None)
    if anchor is None:
        if rule.anchor == "dosing-start" and rule.offset_min == 0 and rule.window_after_min == 0:
            return _open_window(rule, readings_s, now_s, now_s - before, now_s, overdue=None)
        return CheckStatus(rule.id, rule.label, CheckState.UPCOMING, None, None, required=True)
    target = anchor + rule.offset_min * MINUTE_S
    return _open_window(rule, readings_s, now_s, target - before, target + after, overdue=target + after,
                        final=True)


def _open_window(rule: RequiredReading, readings_s: Sequence[float], now_s: float, opens: float,
                 closes: float, *, overdue: float | None, final: bool = False) -> CheckStatus:
    """``final``: the window's place is known for good (its anchor has happened), so it can be missed."""
    in_window = [t for t in readings_s if opens <= t <= min(closes, now_s)]
    if in_window:
        return CheckStatus(rule.id, rule.label, CheckState.DONE, opens, overdue, min(in_window),
                           required=True)
    if final and not rule.late_allowed and now_s > closes:
        return CheckStatus(rule.id, rule.label, CheckState.MISSED, opens, overdue, required=True)
    late = [t for t in readings_s if closes < t <= now_s] if rule.late_allowed else []
    if late:
        return CheckStatus(rule.id, rule.label, CheckState.DONE, opens, overdue, min(late), late=True,
                           required=True)
    state = CheckState.UPCOMING if now_s < opens else CheckState.DUE
    if overdue is not None and now_s > overdue:
        state = CheckState.OVERDUE
    return CheckStatus(rule.id, rule.label, state, opens, overdue, required=True)


def _state(now_s: float, due: float, overdue: float) -> CheckState:
    if now_s < due:
        return CheckState.UPCOMING
    return CheckState.DUE if now_s <= overdue else CheckState.OVERDUE
