"""What the numeric tiles and the connection label say (Qt-free, so it is tested without widgets).

Rules a nurse can rely on:

* a number is only shown as fresh when its newest reading is at most :data:`STALE_AFTER_S` seconds
  old; an older number stays visible but greyed, with its age ("42 s ago");
* a value the monitor marks as absent (sensor off, invalid …) is a dash with the reason, never a
  number;
* before the first reading a tile shows a dash and "no value yet";
* a value typed in by a person says so ("manual 14:32");
* a cuff pressure says when it was measured ("measured 14:32, 4 min ago"): the monitor repeats the
  last measurement, so receiving it again does not make it new.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from ketaconsole.core.assessments import ASSESSMENT_EVENT_KINDS
from ketaconsole.core.clock import Stamp
from ketaconsole.core.dosing import format_number
from ketaconsole.core.observations import AbsentReason, Observation
from ketaconsole.devices.link import LinkState, LinkStatus
from ketaconsole.gui.assessment_text import event_label as assessment_event_label
from ketaconsole.gui.dose_text import DASH, clock_text

STALE_AFTER_S = 10.0


class Freshness(Enum):
    """How a tile's content may be read; the value is the Qt property used by the style sheet."""

    FRESH = "fresh"
    STALE = "stale"
    ABSENT = "absent"
    NO_VALUE = "no-value"


@dataclass(frozen=True, slots=True)
class TileSpec:
    """A tile of the form: ``key`` prefixes its widget names (``hr_value`` …).

    ``parameters`` are registry keys; the NIBP tile shows systolic/diastolic (mean), the others one
    parameter. ``required`` of them must have a value for a number to be shown. ``decimals`` is the
    number of digits after the point.
    """

    key: str
    parameters: tuple[str, ...]
    required: int = 1
    decimals: int = 0


TILES = (
    TileSpec("hr", ("HR",)),
    TileSpec("spo2", ("SPO2",)),
    TileSpec("pr", ("PR",)),
    TileSpec("nibp", ("NIBP_SYS", "NIBP_DIA", "NIBP_MEAN"), required=2),
    TileSpec("rr", ("RR",)),
    TileSpec("etco2", ("ETCO2",)),
    TileSpec("temp", ("TEMP",), decimals=1),
)


@dataclass(frozen=True, slots=True)
class TileText:
    """The big ``value`` line, the small ``note`` line under it, and how to colour both."""

    value: str
    note: str
    freshness: Freshness


def tile_text(spec: TileSpec, latest: Mapping[str, Observation], now: Stamp,
              measured_at: Stamp | None = None, stale_after_s: float = STALE_AFTER_S) -> TileText:
    """The content of ``spec``'s tile given the newest observation of each parameter at ``now``.

    ``measured_at`` is when the shown value was measured, for parameters measured now and then
    (NIBP); it is named in the note. A value older than ``stale_after_s`` seconds (the alarm
    preset's, so the screen and the alarms agree on what is stale) is shown as stale.
    """
    required = [latest.get(key) for key in spec.parameters[: spec.required]]
    present = [observation for observation in required if observation is not None]
    if len(present) < spec.required:
        return TileText(DASH, "no value yet", Freshness.NO_VALUE)
    age_s = max(now.seconds_since(observation.received) for observation in present)
    age_note = age_text(age_s) if age_s > stale_after_s else ""
    absent = next((observation for observation in present if observation.value is None), None)
    if absent is not None:
        reason = reason_text(absent.absent_reason)
        return TileText(DASH, f"{reason}, {age_note}" if age_note else reason, Freshness.ABSENT)
    numbers = [observation.value for observation in present if observation.value is not None]
    value = "/".join(_format(number, spec.decimals) for number in numbers)
    for key in spec.parameters[spec.required :]:
        optional = latest.get(key)
        if optional is not None and optional.value is not None:
            value += f" ({_format(optional.value, spec.decimals)})"
    notes = []
    dated_by_measurement = False
    if any(observation.manual for observation in present):
        notes.append(f"manual {clock_text(present[0].received.utc)}")
    elif measured_at is not None:
        notes.append(f"measured {clock_text(measured_at.utc)}, {age_text(now.seconds_since(measured_at))}")
        dated_by_measurement = True
    if age_note and not dated_by_measurement:  # a measurement's age already says how old it is
        notes.append(age_note)
    return TileText(value, ", ".join(notes), Freshness.STALE if age_note else Freshness.FRESH)


def reason_text(reason: AbsentReason | None) -> str:
    """``AbsentReason.SENSOR_OFF`` → ``"sensor off"``."""
    return reason.value.replace("-", " ") if reason is not None else "no value"


def age_text(age_s: float) -> str:
    """A reading's age for people: ``"42 s ago"`` below 2 min, ``"5 min ago"`` below 2 h, else hours."""
    seconds = int(age_s)
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 7200:
        return f"{seconds // 60} min ago"
    return f"{seconds // 3600} h ago"


_LINK_WORDS = {
    LinkState.CONNECTING: "connecting…",
    LinkState.CONNECTED: "connected",
    LinkState.NO_DATA: "NO DATA",
    LinkState.DISCONNECTED: "DISCONNECTED",
}


def link_text(status: LinkStatus | None) -> str:
    """The connection label, e.g. ``"Monitor: NO DATA – nothing decodable for 3 s"``."""
    if status is None:
        return "Monitor: waiting for the first status"
    words = _LINK_WORDS[status.state]
    return f"Monitor: {words} – {status.detail}" if status.detail else f"Monitor: {words}"


def _format(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def event_label(kind: str, detail: Mapping[str, object]) -> str:
    """The short text of a session event on the event strip, e.g. ``"gap 12 s"``,
    ``"infusion 150 mL/h"`` (amounts in mg, rates in mL/h, as recorded) or ``"MOAA/S 4"``."""
    if kind == "note":
        text = str(detail.get("text", ""))
        return f"note: {text[:24]}…" if len(text) > 24 else f"note: {text}"
    if kind == "data-gap":
        return f"gap {float(str(detail.get('seconds', 0))):.0f} s"
    if kind == "treatment-selected":
        return f"treatment {detail.get('profile_id', '?')}"
    if kind == "dose-planned":
        plan = detail.get("plan")
        return f"planned {_amount(plan, 'prepared_mg')} mg" if isinstance(plan, Mapping) else "planned"
    if kind == "device-administered":
        return f"device {detail.get('device', '?')}/{detail.get('of', '?')}"
    if kind == "required-bp-recorded":
        return f"required BP {_amount(detail, 'systolic', 0)}/{_amount(detail, 'diastolic', 0)}"
    if kind in ASSESSMENT_EVENT_KINDS:
        return assessment_event_label(kind, detail)
    amount = _EVENT_AMOUNTS.get(kind)
    if amount is not None:
        words, key, unit = amount
        return f"{words} {_amount(detail, key)} {unit}"
    return _EVENT_WORDS.get(kind, kind.replace("-", " "))


def _amount(detail: Mapping[str, object], key: str, decimals: int = 2) -> str:
    """``detail[key]`` as a number without trailing zeros, "?" when it is missing or not a number."""
    value = detail.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "?"
    return format_number(float(value), decimals)


def manual_entry_label(observations: Sequence[Observation]) -> str:
    """The event-strip text of a manual entry, e.g. ``"manual BP, HR"``."""
    names = sorted({_MANUAL_NAMES.get(o.parameter, o.parameter) for o in observations})
    return "manual " + ", ".join(names)


_EVENT_WORDS = {
    "connection-lost": "monitor lost",
    "recording-started": "recording",
    "session-resumed": "resumed",
    "session-ended": "ended",
    "infusion-paused": "infusion paused",
    "infusion-resumed": "infusion resumed",
    "infusion-completed": "infusion complete",
    "discharge-ready": "ready for discharge",
    "rems-summary-recorded": "REMS summary",
}
_EVENT_AMOUNTS = {
    "infusion-started": ("infusion", "rate_ml_h", "mL/h"),
    "infusion-rate-changed": ("rate", "rate_ml_h", "mL/h"),
    "bolus-given": ("bolus", "mg", "mg"),
    "dosing-stopped": ("stopped early,", "delivered_mg", "mg given"),
    "injection-given": ("injection", "mg", "mg"),
}
"""Dose events whose label names one number of their detail: kind → (words, detail key, unit)."""
_MANUAL_NAMES = {"NIBP_SYS": "BP", "NIBP_DIA": "BP", "NIBP_MEAN": "BP", "SPO2": "SpO2", "ETCO2": "EtCO2",
                 "TEMP": "Temp"}
