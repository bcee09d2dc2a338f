"""The treatment of a stored session, rebuilt from its events (for a resumed session or a review)."""

from __future__ import annotations

from collections.abc import Sequence

from ketaconsole.core.alarms import stored_preset
from ketaconsole.core.clock import Clock
from ketaconsole.core.cuff import CUFF_PARAMETERS
from ketaconsole.core.dose_session import DoseSession
from ketaconsole.core.observations import Observation
from ketaconsole.core.session_events import EventSink, StoredEvent
from ketaconsole.storage.database import SESSION_RESUMED_KIND, Database


def events_before_latest_resume(events: Sequence[StoredEvent]) -> list[StoredEvent]:
    """The events recorded before the session was last reopened (all of them if it never was).

    Storage writes ``session-resumed`` when it reopens a session, before the new run records
    anything, so this cut is exact whatever the wall clock did. ``events`` in recorded order.
    """
    resumed = [index for index, event in enumerate(events) if event.kind == SESSION_RESUMED_KIND]
    return list(events[: resumed[-1]]) if resumed else list(events)


def rebuild_treatment(database: Database, session_id: str, *, clock: Clock, sink: EventSink,
                      before_latest_resume: bool = True,
                      observations: Sequence[Observation] | None = None) -> DoseSession | None:
    """The session's :class:`DoseSession` as stored (``None`` if no treatment was selected), ready to
    continue with ``clock`` and ``sink``. With ``before_latest_resume`` only the runs before the
    current one are replayed (the current run's events reach the live session directly).
    ``observations`` (received order) default to the session's stored cuff pressures.

    The blood-pressure escalation steps come from the alarm preset stored with the session.

    Raises :class:`~ketaconsole.core.dose_timer.TimerError` or
    :class:`~ketaconsole.core.treatment_profiles.ProfileError` when the stored events cannot be replayed.
    """
    events: list[StoredEvent] = list(database.events(session_id, recorded_order=True))
    if before_latest_resume:
        events = events_before_latest_resume(events)
    if observations is None:
        observations = database.observations(session_id, CUFF_PARAMETERS)
    preset = stored_preset(events)
    steps = preset.preset.blood_pressure_step if preset is not None else ()
    return DoseSession.rebuild(events, observations, clock=clock, sink=sink, blood_pressure_steps=steps)
