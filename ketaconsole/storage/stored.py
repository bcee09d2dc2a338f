"""Read-only values the database hands back that are not core device outputs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ketaconsole.core.clock import Stamp


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One session as listed to people. Times are aware UTC.

    ``interrupted`` is true when the session is still ``recording`` but its heartbeat is older than
    the staleness limit: the recorder died and the session can be resumed.
    """

    id: str
    patient_identifier: str | None
    protocol: str
    port: str
    started_utc: datetime
    ended_utc: datetime | None
    status: str
    last_heartbeat_utc: datetime
    observation_count: int
    interrupted: bool


@dataclass(frozen=True, slots=True)
class SessionEvent:
    """A line on the session timeline: ``kind`` (e.g. ``device-alarm``), when, what, and who."""

    kind: str
    stamp: Stamp
    detail: dict[str, Any]
    user: str | None = None


@dataclass(frozen=True, slots=True)
class PatientSummary:
    """One patient as listed to people: ``identifier`` is the MRN/ID, ``weight_kg`` in kilograms.
    ``None`` where the record has no value (a patient created from the command line has only an
    identifier)."""

    identifier: str
    name: str | None
    date_of_birth: date | None
    weight_kg: float | None
    allergies: str | None
    notes: str | None
