"""What the assessment screen, the window's assessment banner, the latest-score buttons and the event
strip say about assessments (Qt-free, so it is tested without widgets).

Rules a nurse can rely on:

* the banner lists every assessment check that is overdue, due, or due within
  :data:`BANNER_LEAD_S`, most urgent first, each with its countdown ("MOAA/S due in 2:10",
  "Dissociation (CADSS-6) at 40 min OVERDUE 3:05"); an overdue one stays until it is done;
* a score is never shown when it cannot be computed (too many items unanswered): the missing items
  are named instead; a prorated score says so ("≈23, prorated");
* a score on the timeline is the one submitted or, after a correction, the corrected one
  ("MOAA/S 4 (changed)"); drafts are not shown there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ketaconsole.core.assessments import (
    ASSESSMENT_AMENDED,
    ASSESSMENT_DRAFT,
    ASSESSMENT_SUBMITTED,
    Assessment,
    AssessmentScore,
    AssessmentState,
    asked_items,
    assessment_name,
)
from ketaconsole.core.checks import CheckState
from ketaconsole.core.dose_session import DoseSessionStatus
from ketaconsole.core.dosing import format_number
from ketaconsole.core.instruments import Instrument, LoadedInstrument
from ketaconsole.gui.dose_text import DASH, clock_text, duration_text

BANNER_LEAD_S = 5 * 60.0
"""An upcoming assessment appears in the banner this many seconds before it falls due."""
HIDDEN_EVENT_KINDS = frozenset({ASSESSMENT_DRAFT})
"""Session events kept off the event strip (a draft is saved on every answer)."""
LATEST_KINDS = (("sedation", "Sedation"), ("dissociation", "Dissociation"))
"""The instrument kinds whose latest score the window shows, with the word used before the first."""
_KIND_ORDER = ("sedation", "dissociation", "agitation", "discharge", "other")


@dataclass(frozen=True, slots=True)
class BannerLine:
    """One line of the assessment banner: its ``text``, the check's state (the :class:`CheckState`
    value, which the style sheet colours) and what to open."""

    text: str
    state: str
    instrument: str
    form: str | None


def banner_lines(status: DoseSessionStatus) -> tuple[BannerLine, ...]:
    """The assessment checks to announce at ``status.now_s``: overdue first, then due, then upcoming
    within :data:`BANNER_LEAD_S`, each group soonest first."""
    now_s = status.now_s
    lines: list[tuple[int, float, BannerLine]] = []
    for check in status.checks:
        if check.instrument is None or check.due_s is None:
            continue
        if check.state is CheckState.OVERDUE and check.overdue_s is not None:
            rank, text = 0, f"{check.label} OVERDUE {duration_text(now_s - check.overdue_s)}"
        elif check.state is CheckState.DUE:
            rank, text = 1, f"{check.label} due now"
            if check.overdue_s is not None:
                text += f", overdue in {duration_text(check.overdue_s - now_s)}"
        elif check.state is CheckState.UPCOMING and check.due_s - now_s <= BANNER_LEAD_S:
            rank, text = 2, f"{check.label} due in {duration_text(check.due_s - now_s)}"
        else:
            continue
        line = BannerLine(text, check.state.value, check.instrument, check.form)
        lines.append((rank, check.due_s, line))
    return tuple(line for _rank, _due, line in sorted(lines, key=lambda entry: entry[:2]))


def value_text(value: float | None) -> str:
    """A score: "12", "-3", "12.5"; a dash when it cannot be computed."""
    return DASH if value is None else format_number(value, 2)


def score_text(scored: AssessmentScore) -> str:
    """The headline score with "prorated" when it is, e.g. "≈23, prorated"; a dash when incomplete."""
    if scored.value is None:
        return DASH
    return f"≈{value_text(scored.value)}, prorated" if scored.prorated else value_text(scored.value)


def running_score(loaded: LoadedInstrument, form: str | None, scored: AssessmentScore) -> str:
    """The score line of the assessment screen, e.g. "CADSS 12 of 92 · Depersonalisation 4 · …
    · CADSS-6 5 · Observer-rated 2" or "MOAA/S 4 — Mild sedation: rousable by ordinary voice"."""
    instrument = loaded.instrument
    name = assessment_name(instrument, form)
    if scored.value is None and scored.missing:
        single = len(asked_items(instrument, form)) == 1
        headline = f"{name}: choose a rating" if single else f"{name}: not enough answers for a score"
    else:
        top = maximum(instrument, form)
        headline = f"{name} {score_text(scored)}" + ("" if top is None else f" of {format_number(top, 2)}")
    if scored.band:
        headline += f" — {scored.band}"
    groups = [f"{scored.names.get(key, key)} {value_text(value)}"
              for key, value in (*scored.subscales.items(), *scored.short_forms.items())
              if form is None]
    return " · ".join([headline, *groups])


def missing_text(instrument: Instrument, form: str | None, scored: AssessmentScore) -> str:
    """"Not answered: items 7, 12" (empty when every item is answered, and for a one-item
    instrument, whose score line already asks for the rating)."""
    asked = len(asked_items(instrument, form))
    if not scored.missing or asked == 1:
        return ""
    if len(scored.missing) == asked:
        return f"Not answered: all {asked} items"
    return f"Not answered: item{'s' if len(scored.missing) > 1 else ''} {', '.join(map(str, scored.missing))}"


def maximum(instrument: Instrument, form: str | None) -> float | None:
    """The highest headline score possible (sum of the top value of each counted item); ``None``
    for a scale with negative values (RASS), where "of 4" would mislead."""
    items = asked_items(instrument, form)
    counted = items if form is not None else [item for item in items if item.in_total]
    scales = [instrument.scale_of(item) for item in counted]
    if any(min(scale.values) < 0 for scale in scales):
        return None
    return float(sum(max(scale.values) for scale in scales))


def latest_texts(status: DoseSessionStatus) -> tuple[tuple[str, Assessment | None], ...]:
    """For each of :data:`LATEST_KINDS`: the button text on two lines ("MOAA/S 4" and "at 09:40";
    "≈23" when prorated; "Dissociation –" before the first) and the latest submitted assessment of
    that kind (``None`` before the first)."""
    texts = []
    for kind, word in LATEST_KINDS:
        latest = [a for a in status.latest_assessments.values() if a.kind == kind]
        assessment = max(latest, key=lambda a: a.submitted_s or 0.0, default=None)
        if assessment is None or assessment.submitted_s is None:
            texts.append((f"{word} {DASH}", None))
            continue
        scored = assessment.score
        value = ("≈" if scored.prorated else "") + value_text(scored.value)
        when = clock_text(status.wall_time(assessment.submitted_s))
        texts.append((f"{assessment.name} {value}\nat {when}", assessment))
    return tuple(texts)


def event_label(kind: str, detail: Mapping[str, object]) -> str:
    """The event-strip text of an assessment event: "MOAA/S 4", "CADSS 12 (CADSS-6 5)",
    "MOAA/S 3 (changed)"."""
    name = str(detail.get("form_name") or detail.get("short_name") or detail.get("instrument", "?"))
    raw = detail.get("score")
    scored = raw if isinstance(raw, Mapping) else {}
    value = scored.get("value")
    text = name if not isinstance(value, int | float) else f"{name} {value_text(float(value))}"
    if scored.get("prorated"):
        text += " prorated"
    forms = scored.get("short_forms")
    names = scored.get("names")
    if detail.get("form") is None and isinstance(forms, Mapping) and isinstance(names, Mapping):
        parts = [f"{names.get(key, key)} {value_text(float(v))}" for key, v in forms.items()
                 if isinstance(v, int | float)]
        if parts:
            text += f" ({', '.join(parts)})"
    if kind == ASSESSMENT_AMENDED:
        text += " (changed)"
    return text if kind in (ASSESSMENT_SUBMITTED, ASSESSMENT_AMENDED) else f"{text} draft"


def history_lines(assessment: Assessment) -> list[str]:
    """Every submitted version, oldest first: who and when, the score, and for a change its reason
    and each changed answer with the old value ("item 3: 1 → 2")."""
    lines = []
    previous = None
    for version in assessment.history:
        when = clock_text(version.stamp.utc)
        who = version.user or "unknown"
        scored = f"{assessment.name} {score_text(version.score)}"
        if previous is None:
            lines.append(f"{when} submitted by {who}: {scored}")
        else:
            changes = ", ".join(
                f"item {number}: {_answer(previous.answers.get(number))} → {_answer(value)}"
                for number, value in version.answers.items() if previous.answers.get(number) != value)
            lines.append(f"{when} changed by {who} (reason: {version.reason}): {changes}; "
                         f"{assessment.name} {score_text(previous.score)} → {score_text(version.score)}")
        previous = version
    return lines


def _answer(value: int | None) -> str:
    return "unanswered" if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Choice:
    """An entry of the assessment chooser: a new (or resumed) assessment of ``instrument`` (``form``),
    or, with ``assessment_id``, a submitted one to review or correct."""

    text: str
    instrument: str
    form: str | None = None
    assessment_id: str | None = None


def choices(instruments: Sequence[LoadedInstrument], submitted: Sequence[Assessment],
            drafts: Mapping[tuple[str, str | None], Assessment], status: DoseSessionStatus) -> list[Choice]:
    """Every instrument and short form (sedation first, then dissociation …), a draft to continue
    said so, then the submitted assessments newest first."""
    entries = []
    ordered = sorted(instruments, key=lambda loaded: (_KIND_ORDER.index(loaded.instrument.kind),
                                                      loaded.instrument.short_name))
    for loaded in ordered:
        instrument = loaded.instrument
        for form in (None, *(group.id for group in instrument.short_forms)):
            name = assessment_name(instrument, form)
            text = name if form is None else f"{name} (short form of {instrument.short_name})"
            draft = drafts.get((instrument.id, form))
            if draft is not None:
                text += f" — continue the draft from {clock_text(draft.started.utc)}"
            entries.append(Choice(text, instrument.id, form))
    for assessment in reversed(submitted):
        if assessment.state is not AssessmentState.SUBMITTED or assessment.submitted_s is None:
            continue
        when = clock_text(status.wall_time(assessment.submitted_s))
        entries.append(Choice(f"{when} {assessment.name} {score_text(assessment.score)} — review or correct",
                              assessment.instrument, assessment.form, assessment.id))
    return entries
