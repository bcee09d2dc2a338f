"""The dose timer: a state machine folded over the session's dose events.

Phases::

    not planned → planned → infusing ⇄ paused → observation → ready for discharge   (IV infusion)
                  planned → observation → ready for discharge                          (injection)
                  planned → between devices → … → observation → ready for discharge    (nasal devices)

The infusion ends *completed* (the pump finished: allowed from ``complete_within_s`` before the
projected end) or *stopped early*; either way observation starts at that moment and the outcome is
kept (:class:`Outcome`). A plan may be replaced until dosing starts.

The timer holds no clock. Every event carries its time in session seconds
(:mod:`ketaconsole.core.timebase`, monotonic), and :meth:`DoseTimer.status` is asked "where do we
stand at ``now_s``". The same events drive the live timer and rebuild it after a restart, so both
agree by construction.

Delivered dose (mg) is integrated over the actual rates: while infusing it grows at
``rate_ml_h × concentration`` mg/h from the last change, a bolus adds its mg at once, a pause freezes
it. Invariants: ``0 <= delivered_mg <= prepared_mg`` at all times; at completion it equals
``prepared_mg`` exactly; it never decreases.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ketaconsole.core.dosing import DosePlan
from ketaconsole.core.treatment_profiles import Administration, DeviceDose, TreatmentProfile

S_PER_H = 3600.0
MG_TOLERANCE = 1e-9
"""Amounts that differ by less than this (mg) are equal (float rounding of the integration)."""


class Phase(Enum):
    NOT_PLANNED = "not-planned"
    PLANNED = "planned"
    INFUSING = "infusing"
    PAUSED = "paused"
    BETWEEN_DEVICES = "between-devices"
    OBSERVATION = "observation"
    READY_FOR_DISCHARGE = "ready-for-discharge"


class Outcome(Enum):
    COMPLETED = "completed"
    STOPPED_EARLY = "stopped-early"


class EventKind:
    """Session event kinds of the dose timer (stored in ``session_events.kind``)."""

    DOSE_PLANNED = "dose-planned"
    INFUSION_STARTED = "infusion-started"
    INFUSION_PAUSED = "infusion-paused"
    INFUSION_RESUMED = "infusion-resumed"
    RATE_CHANGED = "infusion-rate-changed"
    BOLUS_GIVEN = "bolus-given"
    INFUSION_COMPLETED = "infusion-completed"
    DOSING_STOPPED = "dosing-stopped"
    INJECTION_GIVEN = "injection-given"
    DEVICE_GIVEN = "device-administered"
    DISCHARGE_READY = "discharge-ready"


TIMER_EVENT_KINDS = frozenset(
    value for name, value in vars(EventKind).items() if not name.startswith("_")
)


class TimerError(ValueError):
    """An action the timer's phase does not allow, in words for the nurse."""


@dataclass(frozen=True, slots=True)
class TimerEvent:
    """A dose event at ``at_s`` session seconds; ``detail`` as stored (JSON object)."""

    kind: str
    at_s: float
    detail: Mapping[str, Any]
    user: str | None = None


@dataclass(frozen=True, slots=True)
class TimerStatus:
    """Where the dose stands at ``now_s``. Times are session seconds; ``None`` where not (yet) known.

    ``elapsed_s`` runs from dosing start (pauses included) until dosing ends; ``paused_s`` is the time
    paused in all and ``paused_since_s`` the start of the current pause; ``remaining_s`` is the
    infusion time left at the current rate, and ``projected_end_s`` is ``now_s + remaining_s`` (so a
    pause pushes it later). ``may_leave_s`` is the end of the profile's minimum observation.
    """

    now_s: float
    phase: Phase
    outcome: Outcome | None
    plan: DosePlan | None
    delivered_mg: float
    rate_ml_h: float | None
    mg_per_h: float | None
    elapsed_s: float | None
    paused_s: float
    paused_since_s: float | None
    remaining_s: float | None
    projected_end_s: float | None
    dosing_start_s: float | None
    dosing_end_s: float | None
    discharge_s: float | None
    may_leave_s: float | None
    devices_given: int
    next_device_s: float | None
    can_complete: bool

    @property
    def remaining_mg(self) -> float | None:
        return None if self.plan is None else max(0.0, self.plan.prepared_mg - self.delivered_mg)

    @property
    def mg_per_kg_per_h(self) -> float | None:
        if self.mg_per_h is None or self.plan is None or not self.plan.dosing_weight_kg:
            return None
        return self.mg_per_h / self.plan.dosing_weight_kg


class DoseTimer:
    """The dose timer of one session under ``profile``; feed it events with :meth:`apply`."""

    def __init__(self, profile: TreatmentProfile) -> None:
        self.profile = profile
        self.phase = Phase.NOT_PLANNED
        self.outcome: Outcome | None = None
        self.plan: DosePlan | None = None
        self._last_s = 0.0
        self._rate_ml_h: float | None = None
        self._delivered_base_mg = 0.0
        self._since_s = 0.0
        self._paused_since_s: float | None = None
        self._paused_total_s = 0.0
        self._dosing_start_s: float | None = None
        self._dosing_end_s: float | None = None
        self._discharge_s: float | None = None
        self._devices_given = 0
        self._last_device_s: float | None = None

    @property
    def devices_given(self) -> int:
        return self._devices_given

    def apply(self, event: TimerEvent) -> None:
        """Advance by ``event``; :class:`TimerError` when the phase does not allow it (nothing changes).
        Kinds that are not dose events are ignored. An event dated before the previous one is taken
        to happen at the previous one's time."""
        handler = _HANDLERS.get(event.kind)
        if handler is None:
            return
        at_s = max(event.at_s, self._last_s)
        handler(self, at_s, event.detail)
        self._last_s = at_s

    def check(self, kind: str, at_s: float, detail: Mapping[str, Any]) -> None:
        """Raise :class:`TimerError` if ``kind`` with ``detail`` could not be applied at ``at_s``."""
        copy.copy(self).apply(TimerEvent(kind, at_s, detail))

    def status(self, now_s: float) -> TimerStatus:
        now_s = max(now_s, self._last_s)
        plan = self.plan
        infusing = self.phase is Phase.INFUSING
        mg_per_h = self._mg_per_h() if self.phase in (Phase.INFUSING, Phase.PAUSED) else None
        delivered = self._delivered_at(now_s)
        remaining_s = None
        if mg_per_h and plan is not None:
            remaining_s = max(0.0, plan.prepared_mg - delivered) / mg_per_h * S_PER_H
        paused = self._paused_total_s
        if self._paused_since_s is not None:
            paused += now_s - self._paused_since_s
        end = self._dosing_end_s if self._dosing_end_s is not None else now_s
        return TimerStatus(
            now_s=now_s,
            phase=self.phase,
            outcome=self.outcome,
            plan=plan,
            delivered_mg=delivered,
            rate_ml_h=self._rate_ml_h if mg_per_h is not None else None,
            mg_per_h=mg_per_h,
            elapsed_s=None if self._dosing_start_s is None else end - self._dosing_start_s,
            paused_s=paused,
            paused_since_s=self._paused_since_s,
            remaining_s=remaining_s,
            projected_end_s=None if remaining_s is None else now_s + remaining_s,
            dosing_start_s=self._dosing_start_s,
            dosing_end_s=self._dosing_end_s,
            discharge_s=self._discharge_s,
            may_leave_s=self._may_leave_s(),
            devices_given=self._devices_given,
            next_device_s=self._next_device_s(),
            can_complete=infusing and remaining_s is not None and remaining_s <= self._complete_within_s(),
        )

    def _mg_per_h(self) -> float:
        assert self.plan is not None and self.plan.concentration_mg_per_ml is not None
        assert self._rate_ml_h is not None
        return self._rate_ml_h * self.plan.concentration_mg_per_ml

    def _delivered_at(self, at_s: float) -> float:
        if self.phase is not Phase.INFUSING or self.plan is None:
            return self._delivered_base_mg
        grown = self._delivered_base_mg + self._mg_per_h() * (at_s - self._since_s) / S_PER_H
        return min(self.plan.prepared_mg, grown)

    def _settle(self, at_s: float) -> None:
        """Fold the infusion so far into the delivered amount, from ``at_s`` on."""
        self._delivered_base_mg = self._delivered_at(at_s)
        self._since_s = at_s

    def _complete_within_s(self) -> float:
        return self.profile.infusion.complete_within_s if self.profile.infusion is not None else 0.0

    def _may_leave_s(self) -> float | None:
        observation = self.profile.observation
        anchor = self._dosing_start_s if observation.from_ == "dosing-start" else self._dosing_end_s
        return None if anchor is None else anchor + observation.minimum_min * 60.0

    def _next_device_s(self) -> float | None:
        if self.phase is not Phase.BETWEEN_DEVICES or self._last_device_s is None:
            return None
        assert isinstance(self.profile.dose, DeviceDose)
        return self._last_device_s + self.profile.dose.rest_between_devices_min * 60.0

    def _require(self, *phases: Phase, action: str) -> None:
        if self.phase not in phases:
            raise TimerError(f"Cannot {action} while the dose is {_PHASE_WORDS[self.phase]}")

    def _require_administration(self, administration: Administration, action: str) -> None:
        if self.profile.administration is not administration:
            raise TimerError(f"Cannot {action}: {self.profile.name} is not given that way")

    def _end_dosing(self, at_s: float, outcome: Outcome) -> None:
        self._dosing_end_s = at_s
        self.outcome = outcome
        self.phase = Phase.OBSERVATION
        if self._paused_since_s is not None:  # stopped while paused: the pause lasted until now
            self._paused_total_s += at_s - self._paused_since_s
        self._paused_since_s = None

    def _on_planned(self, at_s: float, detail: Mapping[str, Any]) -> None:
        self._require(Phase.NOT_PLANNED, Phase.PLANNED, action="plan a dose")
        plan = DosePlan.from_detail(dict(detail["plan"]))
        if plan.profile_id != self.profile.id:
            raise TimerError(f"The plan is for {plan.profile_id}, not {self.profile.id}")
        self.plan = plan
        self.phase = Phase.PLANNED

    def _on_infusion_started(self, at_s: float, detail: Mapping[str, Any]) -> None:
        self._require_administration(Administration.INFUSION, "start an infusion")
        self._require(Phase.PLANNED, action="start the infusion")
        self._rate_ml_h = _positive_rate(detail)
        self._dosing_start_s = self._since_s = at_s
        self.phase = Phase.INFUSING

    def _on_paused(self, at_s: float, detail: Mapping[str, Any]) -> None:
        self._require(Phase.INFUSING, action="pause")
        self._settle(at_s)
        self._paused_since_s = at_s
        self.phase = Phase.PAUSED

    def _on_resumed(self, at_s: float, detail: Mapping[str, Any]) -> None:
        self._require(Phase.PAUSED, action="resume")
        assert self._paused_since_s is not None
        self._paused_total_s += at_s - self._paused_since_s
        self._paused_since_s = None
        self._since_s = at_s
        self.phase = Phase.INFUSING

    def _on_rate_changed(self, at_s: float, detail: Mapping[str, Any]) -> None:
        self._require(Phase.INFUSING, Phase.PAUSED, action="change the rate")
        rate = _positive_rate(detail)
        self._settle(at_s)
        self._rate_ml_h = rate

    def _on_bolus(self, at_s: float, detail: Mapping[str, Any]) -> None:
        self._require(Phase.INFUSING, Phase.PAUSED, action="give a bolus")
        assert self.plan is not None
        mg = float(detail["mg"])
        remaining = self.plan.prepared_mg - self._delivered_at(at_s)
        if not 0 < mg <= remaining + MG_TOLERANCE:
            raise TimerError(f"A bolus must be more than 0 and at most the {remaining:.1f} mg left in "
                             "the bag")
        self._settle(at_s)
        self._delivered_base_mg = min(self.plan.prepared_mg, self._delivered_base_mg + mg)

    def _on_completed(self, at_s: float, detail: Mapping[str, Any]) -> None:
        self._require(Phase.INFUSING, action="complete the infusion")
        remaining_s = self.status(at_s).remaining_s or 0.0
        if remaining_s > self._complete_within_s():
            raise TimerError(f"The infusion has {remaining_s / 60:.1f} min to run; stop it early instead")
        assert self.plan is not None
        self._delivered_base_mg = self.plan.prepared_mg
        self._end_dosing(at_s, Outcome.COMPLETED)

    def _on_stopped(self, at_s: float, detail: Mapping[str, Any]) -> None:
        self._require(Phase.INFUSING, Phase.PAUSED, Phase.BETWEEN_DEVICES, action="stop dosing early")
        self._settle(at_s)
        self._end_dosing(at_s, Outcome.STOPPED_EARLY)

    def _on_injection(self, at_s: float, detail: Mapping[str, Any]) -> None:
        self._require_administration(Administration.INJECTION, "record an injection")
        self._require(Phase.PLANNED, action="record the injection")
        assert self.plan is not None
        self._delivered_base_mg = self.plan.prepared_mg
        self._dosing_start_s = at_s
        self._end_dosing(at_s, Outcome.COMPLETED)

    def _on_device(self, at_s: float, detail: Mapping[str, Any]) -> None:
        self._require_administration(Administration.DEVICES, "record a nasal device")
        self._require(Phase.PLANNED, Phase.BETWEEN_DEVICES, action="record a device")
        assert self.plan is not None and self.plan.devices is not None and self.plan.device_mg is not None
        self._devices_given += 1
        self._delivered_base_mg = min(self.plan.prepared_mg, self._devices_given * self.plan.device_mg)
        self._last_device_s = at_s
        if self._dosing_start_s is None:
            self._dosing_start_s = at_s
        if self._devices_given >= self.plan.devices:
            self._end_dosing(at_s, Outcome.COMPLETED)
        else:
            self.phase = Phase.BETWEEN_DEVICES

    def _on_discharge_ready(self, at_s: float, detail: Mapping[str, Any]) -> None:
        self._require(Phase.OBSERVATION, action="mark the patient ready for discharge")
        self._discharge_s = at_s
        self.phase = Phase.READY_FOR_DISCHARGE


def _positive_rate(detail: Mapping[str, Any]) -> float:
    rate = float(detail["rate_ml_h"])
    if not (rate > 0 and math.isfinite(rate)):
        raise TimerError("The pump rate must be more than 0 mL/h")
    return rate


_PHASE_WORDS = {
    Phase.NOT_PLANNED: "not planned yet",
    Phase.PLANNED: "planned but not started",
    Phase.INFUSING: "infusing",
    Phase.PAUSED: "paused",
    Phase.BETWEEN_DEVICES: "between nasal devices",
    Phase.OBSERVATION: "given and the patient is under observation",
    Phase.READY_FOR_DISCHARGE: "given and the patient is ready for discharge",
}

_HANDLERS = {
    EventKind.DOSE_PLANNED: DoseTimer._on_planned,
    EventKind.INFUSION_STARTED: DoseTimer._on_infusion_started,
    EventKind.INFUSION_PAUSED: DoseTimer._on_paused,
    EventKind.INFUSION_RESUMED: DoseTimer._on_resumed,
    EventKind.RATE_CHANGED: DoseTimer._on_rate_changed,
    EventKind.BOLUS_GIVEN: DoseTimer._on_bolus,
    EventKind.INFUSION_COMPLETED: DoseTimer._on_completed,
    EventKind.DOSING_STOPPED: DoseTimer._on_stopped,
    EventKind.INJECTION_GIVEN: DoseTimer._on_injection,
    EventKind.DEVICE_GIVEN: DoseTimer._on_device,
    EventKind.DISCHARGE_READY: DoseTimer._on_discharge_ready,
}
