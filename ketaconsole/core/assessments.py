"""Dissociation and sedation checks: answers on a rating instrument, stored as session events, folded
back into each assessment's state and history, and the protocol's schedule of them (Qt-free).

An *assessment* is one use of an instrument (:mod:`ketaconsole.core.instruments`), whole or one of
its short forms, named by a random ``assessment_id``. Its life is three kinds of session event,
written by :class:`ketaconsole.core.dose_session.DoseSession` through the session's event sink:

* ``assessment-draft``: the answers so far, written on every change, so nothing entered at the
  bedside is lost when the screen is closed or the console stops; opening the same instrument (and
  form) again resumes the newest draft;
* ``assessment-submitted``: the answers, scored; the submission's time is the time of the rating;
* ``assessment-amended``: corrected answers of a submitted assessment with the ``reason`` (required)
  and the answers they replace (``previous_answers``); every earlier version stays in the record.

The detail of each (a JSON object): ``assessment_id``; ``instrument`` (id), ``short_name``,
``kind``, ``version`` and ``sha256`` of the instrument file the answers were given on; ``form`` (short
form id or ``null``) and ``form_name``; ``answers``, ``{"<item number>": value or null}`` for every
item asked; ``raters``, per kind of item asked (``"patient"``, ``"observer"``),
``{"rated_by": …, "entered_by": <user>}``, where a patient-rated item's ``rated_by`` is
``"patient"`` (reported by the patient, entered by the user); ``score``
(:meth:`AssessmentScore.to_detail`). A submission adds ``minutes_after_dosing_start`` once dosing has
started; an amendment adds ``reason``, ``previous_answers`` and ``changed_items``, and its
``raters`` cover the changed items only.

The schedule (:func:`assessment_checks`) turns a profile's ``assessment_schedule`` rule into checks
like the vital-sign ones (:mod:`ketaconsole.core.checks`), in session seconds:

* a fixed time ``T`` (``at_min``) after the anchor is met by a submission within ``window_min``
  either side of it; each submission meets one fixed time, and one inside a time's window belongs to
  that time; a later submission meets a time whose window has passed, marked late. Until then the
  check is upcoming, due (its window is open) or overdue (its window has passed) and stays overdue
  until done. Before dosing starts, a check at 0 min after dosing start is due now and is met by a
  submission within the window before now;
* a repeating check (``every_min``) falls due ``every_min`` after the last submission (at the anchor
  first; one up to an interval before the anchor counts), and is overdue ``window_min`` later, until
  its end anchor (default ``discharge``).

A whole-instrument submission meets a check that asks only a short form of it; a short form does not
meet a check that asks the whole instrument.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from ketaconsole.core.checks import MINUTE_S, CheckState, CheckStatus, repeating_check
from ketaconsole.core.clock import Stamp
from ketaconsole.core.dosing import format_number
from ketaconsole.core.instruments import Instrument, Item, ItemGroup, LoadedInstrument, Rater, score
from ketaconsole.core.treatment_profiles import Anchor, AssessmentRule, RepeatingCheck

ASSESSMENT_DRAFT = "assessment-draft"
ASSESSMENT_SUBMITTED = "assessment-submitted"
ASSESSMENT_AMENDED = "assessment-amended"
ASSESSMENT_EVENT_KINDS = frozenset({ASSESSMENT_DRAFT, ASSESSMENT_SUBMITTED, ASSESSMENT_AMENDED})
REPORTED_BY_PATIENT = "patient"
"""``rated_by`` of patient-rated items: the patient gave the answer, the user entered it."""

Answers = Mapping[int, int | None]
"""Item number → value on the item's scale, ``None`` (or absent) when unanswered."""


def short_form(instrument: Instrument, form: str) -> ItemGroup:
    """The short form ``form`` of ``instrument``; ``ValueError`` when it has none by that id."""
    for group in instrument.short_forms:
        if group.id == form:
            return group
    known = ", ".join(group.id for group in instrument.short_forms) or "none"
    raise ValueError(f"{instrument.short_name} has no short form {form!r} (known: {known})")


def asked_items(instrument: Instrument, form: str | None) -> tuple[Item, ...]:
    """The items an assessment asks, in the instrument's order: the short form's, or all."""
    if form is None:
        return instrument.items
    numbers = set(short_form(instrument, form).items)
    return tuple(item for item in instrument.items if item.number in numbers)


def assessment_name(instrument: Instrument, form: str | None) -> str:
    """What the nurse calls it: the short form's name ("CADSS-6") or the short name ("MOAA/S")."""
    return instrument.short_name if form is None else short_form(instrument, form).name


@dataclass(frozen=True, slots=True)
class AssessmentScore:
    """The scores of one set of answers, as stored.

    ``value`` is the headline: the total of the whole instrument, or the short form's sum when only
    the form was asked (``None``: too many items unanswered, or no total). ``total``, ``subscales``,
    ``short_forms`` and ``band`` are :func:`~ketaconsole.core.instruments.score`'s (a short form
    alone has only its own sum); ``names`` maps those subscale and short-form ids to their names;
    ``missing`` lists the asked items left unanswered; ``prorated`` says whether ``value`` was
    prorated from the answered items."""

    value: float | None
    total: float | None
    subscales: Mapping[str, float | None]
    short_forms: Mapping[str, float | None]
    names: Mapping[str, str]
    band: str | None
    missing: tuple[int, ...]
    prorated: bool

    @classmethod
    def of(cls, instrument: Instrument, form: str | None, answers: Answers) -> AssessmentScore:
        """Score ``answers`` to the items of ``form`` (or of the whole instrument). ``ValueError`` for
        an item not asked or a value not on its item's scale."""
        asked = [item.number for item in asked_items(instrument, form)]
        extra = sorted(set(answers) - set(asked))
        if extra:
            raise ValueError(f"{assessment_name(instrument, form)} does not ask item(s) "
                             f"{', '.join(map(str, extra))}")
        scored = score(instrument, answers)
        missing = tuple(number for number in asked if answers.get(number) is None)
        names = {group.id: group.name for group in (*instrument.subscales, *instrument.short_forms)}
        if form is None:
            return cls(scored.total, scored.total, dict(scored.subscales), dict(scored.short_forms), names,
                       scored.band, missing, scored.prorated)
        value = scored.short_forms[form]
        return cls(value, None, {}, {form: value}, {form: names[form]}, None, missing,
                   value is not None and bool(missing))

    def to_detail(self) -> dict[str, Any]:
        """The JSON object stored in an event's ``score``."""
        return {"value": self.value, "total": self.total, "subscales": dict(self.subscales),
                "short_forms": dict(self.short_forms), "names": dict(self.names), "band": self.band,
                "missing": list(self.missing), "prorated": self.prorated}

    @classmethod
    def from_detail(cls, detail: Mapping[str, Any]) -> AssessmentScore:
        return cls(_number(detail["value"]), _number(detail["total"]),
                   {str(k): _number(v) for k, v in detail["subscales"].items()},
                   {str(k): _number(v) for k, v in detail["short_forms"].items()},
                   {str(k): str(v) for k, v in detail["names"].items()},
                   None if detail["band"] is None else str(detail["band"]),
                   tuple(int(n) for n in detail["missing"]), bool(detail["prorated"]))


def submission_problem(instrument: Instrument, form: str | None, scored: AssessmentScore) -> str | None:
    """Why answers scored ``scored`` cannot be submitted (``None``: they can). A score needs enough
    items answered (the instrument's missing-answer rules); an instrument without a total needs
    every item."""
    if scored.value is not None or (form is None and not instrument.scoring.total and not scored.missing):
        return None
    name = assessment_name(instrument, form)
    if len(asked_items(instrument, form)) == 1:
        return f"Choose the {name} rating first"
    items = ", ".join(map(str, scored.missing))
    return f"Answer more items: {name} cannot be scored with item(s) {items} unanswered"


def answers_to_detail(items: Iterable[Item], answers: Answers) -> dict[str, int | None]:
    """``{"<item number>": value or None}`` for every item in ``items``."""
    return {str(item.number): answers.get(item.number) for item in items}


def answers_from_detail(detail: Mapping[str, Any]) -> dict[int, int | None]:
    return {int(number): None if value is None else int(value) for number, value in detail.items()}


def raters_detail(items: Iterable[Item], user: str) -> dict[str, dict[str, str]]:
    """Who rated and who entered each kind of item among ``items`` (see the module docstring)."""
    kinds = {item.rater for item in items}
    return {rater.value: {"rated_by": REPORTED_BY_PATIENT if rater is Rater.PATIENT else user,
                          "entered_by": user}
            for rater in Rater if rater in kinds}


def assessment_detail(loaded: LoadedInstrument, form: str | None, assessment_id: str, answers: Answers,
                      scored: AssessmentScore, user: str) -> dict[str, Any]:
    """The detail every assessment event carries (see the module docstring)."""
    instrument = loaded.instrument
    items = asked_items(instrument, form)
    return {"assessment_id": assessment_id, "instrument": instrument.id, "short_name": instrument.short_name,
            "kind": instrument.kind, "version": instrument.version, "sha256": loaded.sha256, "form": form,
            "form_name": None if form is None else short_form(instrument, form).name,
            "answers": answers_to_detail(items, answers), "raters": raters_detail(items, user),
            "score": scored.to_detail()}


class AssessmentState(Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


@dataclass(frozen=True, slots=True)
class AssessmentVersion:
    """One set of submitted answers: the submission (``reason`` ``None``) or an amendment, with when
    and by whom."""

    answers: Mapping[int, int | None]
    score: AssessmentScore
    stamp: Stamp
    user: str | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class Assessment:
    """One assessment as its events leave it. ``answers`` and ``score`` are the current ones (the
    latest draft, or the submission as last amended), given on version ``instrument_version`` of the
    instrument file whose digest is ``sha256``; ``history`` holds every submitted version, oldest
    first (empty for a draft). ``started`` is its first event; ``submitted_s`` is the submission's
    session seconds."""

    id: str
    instrument: str
    form: str | None
    name: str
    kind: str
    instrument_version: str
    sha256: str
    answers: Mapping[int, int | None]
    score: AssessmentScore
    state: AssessmentState
    started: Stamp
    submitted: Stamp | None = None
    submitted_s: float | None = None
    submitted_by: str | None = None
    history: tuple[AssessmentVersion, ...] = ()

    def meets(self, instrument: str, form: str | None) -> bool:
        """Whether this submission satisfies a check asking ``instrument`` (``form``: only that short
        form): a whole instrument meets its short forms too."""
        return self.state is AssessmentState.SUBMITTED and self.instrument == instrument and (
            self.form is None or self.form == form)


class AssessmentLog:
    """Every assessment of a session, folded from its events in recorded order (:meth:`apply`)."""

    def __init__(self) -> None:
        self._by_id: dict[str, Assessment] = {}

    def apply(self, kind: str, stamp: Stamp, at_s: float, detail: Mapping[str, Any],
              user: str | None) -> None:
        """Fold one assessment event at ``at_s`` session seconds. ``ValueError`` (or ``KeyError`` for
        a missing field) when it does not fit: a draft or second submission of a submitted
        assessment, an amendment of one not submitted, another instrument under the same id."""
        assessment_id = str(detail["assessment_id"])
        known = self._by_id.get(assessment_id)
        if known is not None and (known.instrument, known.form) != (detail["instrument"], detail["form"]):
            raise ValueError(f"assessment {assessment_id} changes instrument")
        answers = answers_from_detail(detail["answers"])
        scored = AssessmentScore.from_detail(detail["score"])
        version = AssessmentVersion(answers, scored, stamp, user, None)
        submitted = known is not None and known.state is AssessmentState.SUBMITTED
        if kind == ASSESSMENT_AMENDED:
            if known is None or not submitted:
                raise ValueError(f"assessment {assessment_id} is amended but was never submitted")
            self._by_id[assessment_id] = replace(
                known, answers=answers, score=scored, instrument_version=str(detail["version"]),
                sha256=str(detail["sha256"]),
                history=(*known.history, replace(version, reason=str(detail["reason"]))))
            return
        if submitted:
            raise ValueError(f"assessment {assessment_id} was already submitted")
        assessment = Assessment(
            assessment_id, str(detail["instrument"]), detail["form"],
            str(detail["form_name"] or detail["short_name"]), str(detail["kind"]), str(detail["version"]),
            str(detail["sha256"]), answers, scored, AssessmentState.DRAFT,
            stamp if known is None else known.started)
        if kind == ASSESSMENT_SUBMITTED:
            assessment = replace(assessment, state=AssessmentState.SUBMITTED, submitted=stamp,
                                 submitted_s=at_s, submitted_by=user, history=(version,))
        self._by_id[assessment_id] = assessment

    def get(self, assessment_id: str) -> Assessment:
        try:
            return self._by_id[assessment_id]
        except KeyError:
            raise LookupError(f"no assessment {assessment_id!r} in this session") from None

    def open_draft(self, instrument: str, form: str | None) -> Assessment | None:
        """The newest draft of ``instrument`` (``form``) not yet submitted, to resume."""
        drafts = [a for a in self._by_id.values() if a.state is AssessmentState.DRAFT
                  and (a.instrument, a.form) == (instrument, form)]
        return drafts[-1] if drafts else None

    def submitted(self) -> tuple[Assessment, ...]:
        """The submitted assessments in submission order."""
        done = [a for a in self._by_id.values() if a.state is AssessmentState.SUBMITTED]
        return tuple(sorted(done, key=lambda a: a.submitted_s or 0.0))

    def submission_times(self, instrument: str, form: str | None) -> list[float]:
        """Session seconds of the submissions that satisfy a check of ``instrument`` (``form``)."""
        return [a.submitted_s for a in self.submitted()
                if a.meets(instrument, form) and a.submitted_s is not None]

    def latest(self) -> dict[str, Assessment]:
        """The latest submitted assessment of each instrument (whole or short form), by instrument id."""
        return {a.instrument: a for a in self.submitted()}


def rule_label(rule: AssessmentRule) -> str:
    """The rule's ``label``, or its form or instrument id in capitals."""
    return rule.label or (rule.form or rule.instrument).upper()


def assessment_checks(rule: AssessmentRule, anchors: Mapping[Anchor, float | None], done_s: Sequence[float],
                      now_s: float) -> list[CheckStatus]:
    """The checks of ``rule`` at ``now_s``: one per fixed time, then the repeating one while it is
    active. ``done_s`` are the session seconds of the submissions that satisfy the rule
    (:meth:`AssessmentLog.submission_times`); see the module docstring for the rules."""
    done = sorted(t for t in done_s if t <= now_s)
    checks = _fixed_checks(rule, anchors, done, now_s)
    if rule.every_min is not None:
        repeating = RepeatingCheck(id=_check_id(rule, "every"), label=rule_label(rule), start=rule.anchor,
                                   end=rule.end or "discharge", every_min=rule.every_min,
                                   grace_min=rule.window_min)
        check = repeating_check(repeating, anchors, done, now_s)
        if check is not None:
            checks.append(replace(check, instrument=rule.instrument, form=rule.form))
    return checks


@dataclass(frozen=True, slots=True)
class _Window:
    """Where a fixed time may be met; ``final``: its anchor has happened, so it can become overdue."""

    opens: float
    closes: float
    final: bool


def _fixed_checks(rule: AssessmentRule, anchors: Mapping[Anchor, float | None], done: Sequence[float],
                  now_s: float) -> list[CheckStatus]:
    window_s = rule.window_min * MINUTE_S
    anchor = anchors.get(rule.anchor)
    times = sorted(rule.at_min)
    windows: dict[float, _Window] = {}
    for at in times:
        if anchor is not None:
            target = anchor + at * MINUTE_S
            windows[at] = _Window(target - window_s, target + window_s, final=True)
        elif rule.anchor == "dosing-start" and at == 0:
            windows[at] = _Window(now_s - window_s, now_s, final=False)
    used: set[int] = set()
    met: dict[float, tuple[float, bool]] = {}
    for late in (False, True):  # submissions inside a window first, then late ones for the rest
        for at, window in windows.items():
            if at in met or (late and not window.final):
                continue
            index = next((i for i, t in enumerate(done) if i not in used and (
                t > window.closes if late else window.opens <= t <= window.closes)), None)
            if index is not None:
                used.add(index)
                met[at] = (done[index], late)
    checks = []
    for at in times:
        check_id = _check_id(rule, f"at-{format_number(at)}")
        label = f"{rule_label(rule)} at {format_number(at)} min"
        window = windows.get(at)
        if window is None:
            checks.append(CheckStatus(check_id, label, CheckState.UPCOMING, None, None,
                                      instrument=rule.instrument, form=rule.form))
            continue
        overdue = window.closes if window.final else None
        if at in met:
            when, late = met[at]
            checks.append(CheckStatus(check_id, label, CheckState.DONE, window.opens, overdue, when, late,
                                      instrument=rule.instrument, form=rule.form))
            continue
        state = CheckState.UPCOMING if now_s < window.opens else CheckState.DUE
        if overdue is not None and now_s > overdue:
            state = CheckState.OVERDUE
        checks.append(CheckStatus(check_id, label, state, window.opens, overdue,
                                  instrument=rule.instrument, form=rule.form))
    return checks


def _check_id(rule: AssessmentRule, occurrence: str) -> str:
    form = f":{rule.form}" if rule.form else ""
    return f"assessment:{rule.instrument}{form}:{occurrence}"


def _number(value: Any) -> float | None:
    return None if value is None else float(value)
