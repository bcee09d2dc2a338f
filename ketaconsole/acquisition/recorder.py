"""Recording one monitor into one session: link → driver → session writer, plus connection events.

The recorder owns the life of a session on this machine: it creates (or resumes) the session,
starts the serial link, passes every decoded output to the writer and to any live listener (the
GUI), turns link state changes into session events, and on stop flushes everything and closes the
session. Nothing here blocks the caller for I/O except :meth:`Recorder.stop`, which waits for the
last batch to be written.

Events written (``session_events.kind``):

* ``training-session`` first of all when a new session records a simulated monitor or is declared
  training (``training=True``), so its record can never pass for a clinical one;
* ``recording-started`` (protocol, port, and the clock's monotonic epoch, which tells a later reader
  whether monotonic readings of two runs can be compared) each time recording starts, after a
  ``session-resumed`` event that storage writes when an interrupted session is reopened;
* ``session-ended``, or ``recording-paused`` when the console closes and leaves the session open to
  be resumed;
* ``connection-lost`` when data stops flowing (link ``NO_DATA`` or ``DISCONNECTED`` after data),
  with the link's reason;
* ``data-gap`` when data flows again after a loss, with the gap's start, end and length in seconds
  (measured on the monotonic clock from the last data before the loss to the first data after it);
* ``note`` for a time-stamped note a person wrote (text, category, user).

Values typed in by a person (:meth:`Recorder.add_manual_observations`) are stored as observations
marked manual, and pass through the same output listeners as the monitor's, so every view shows them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ketaconsole.core.clock import Clock, Stamp
from ketaconsole.core.observations import DeviceOutput, Observation
from ketaconsole.core.patient import PatientDetails
from ketaconsole.devices.base import driver_class
from ketaconsole.devices.link import LinkState, LinkStatus, SerialLink
from ketaconsole.storage.database import TRAINING_SESSION_KIND, Database
from ketaconsole.storage.writer import HealthListener, SessionWriter, WriterHealth

OutputListener = Callable[[Sequence[DeviceOutput]], None]
LinkListener = Callable[[LinkStatus], None]
EventListener = Callable[["RecordedEvent"], None]


@dataclass(frozen=True, slots=True)
class RecordedEvent:
    """A session event as written: ``kind`` (e.g. ``"note"``), when, details and who (if a person)."""

    kind: str
    stamp: Stamp
    detail: Mapping[str, Any]
    user: str | None = None

_DATA_LOST_STATES = (LinkState.NO_DATA, LinkState.DISCONNECTED)
_PATIENT_FIELDS = ("name", "date_of_birth", "weight_kg", "allergies", "notes")


class Recorder:
    """Records the monitor on ``port`` speaking ``protocol`` into a new or resumed session.

    ``training`` marks a new session as a training one (a simulated monitor): it starts with a
    ``training-session`` event. A resumed session keeps whatever marker it was started with.
    """

    def __init__(
        self,
        database: Database,
        *,
        port: str,
        protocol: str,
        clock: Clock,
        patient_identifier: str | None = None,
        patient: PatientDetails | None = None,
        resume_session_id: str | None = None,
        no_data_after_s: float = 3.0,
        training: bool = False,
    ) -> None:
        self._database = database
        self._clock = clock
        self._port = port
        self._protocol = protocol
        if patient is not None and patient_identifier is not None:
            raise ValueError("give the patient's details or an identifier, not both")
        self._patient_identifier = patient_identifier
        self._patient = patient
        self._resume_session_id = resume_session_id
        self._training = training
        self._driver = driver_class(protocol)(clock, source=f"{protocol}@{port}")
        self._link = SerialLink(port, self._driver, clock, self._on_outputs, no_data_after_s=no_data_after_s)
        self._link.add_state_listener(self._on_link_status)
        self._output_listeners: list[OutputListener] = []
        self._event_listeners: list[EventListener] = []
        self._health_listeners: list[HealthListener] = []
        self._lock = threading.Lock()
        self._writer: SessionWriter | None = None
        self._last_data: Stamp | None = None
        self._lost_at: Stamp | None = None
        self._stopping = threading.Event()
        self.session_id: str | None = None

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def source(self) -> str:
        """The name the monitor's outputs carry (``protocol@port``)."""
        return self._driver.source

    @property
    def link_status(self) -> LinkStatus:
        return self._link.status

    @property
    def writer(self) -> SessionWriter:
        if self._writer is None:
            raise RuntimeError("the recorder has not been started")
        return self._writer

    def add_output_listener(self, callback: OutputListener) -> None:
        """Call ``callback`` with every batch of decoded outputs (on the link thread)."""
        self._output_listeners.append(callback)

    def add_event_listener(self, callback: EventListener) -> None:
        """Call ``callback`` with every session event this recorder writes (on the writing thread)."""
        self._event_listeners.append(callback)

    def add_storage_health_listener(self, callback: HealthListener) -> None:
        """Call ``callback`` when saving starts failing or recovers, and after every failed commit
        (on the writer thread), so the nurse is told while rows wait in memory."""
        self._health_listeners.append(callback)

    def add_manual_observations(self, observations: Sequence[Observation]) -> None:
        """Record values a person typed in; each must be marked ``manual`` (refused otherwise)."""
        if not all(o.manual for o in observations):
            raise ValueError("manual entries must be marked manual")
        self.writer.submit(observations)
        self._notify_outputs(observations)

    def add_note(self, text: str, *, category: str, user: str, stamp: Stamp | None = None) -> None:
        """Record a time-stamped note by ``user`` (``stamp`` defaults to now)."""
        if not text.strip():
            raise ValueError("a note needs text")
        self._record_event("note", stamp or self._clock.now(), {"text": text, "category": category}, user)

    def record_event(self, kind: str, stamp: Stamp, detail: Mapping[str, Any], user: str | None) -> None:
        """Store a session event (e.g. a dose action) and pass it to the event listeners."""
        self._record_event(kind, stamp, detail, user)

    def add_link_state_listener(self, callback: LinkListener) -> None:
        """Call ``callback`` on every link state change (on the link thread)."""
        self._link.add_state_listener(callback)

    def start(self) -> str:
        """Create or resume the session, start writing and reading; return the session id."""
        started = self._clock.now()
        if self._resume_session_id is not None:
            session_id = self._database.find_session(self._resume_session_id).id
            self._database.reopen_session(session_id, started)
        else:
            session_id = self._database.start_session(
                protocol=self._protocol, port=self._port, started=started, patient_id=self._file_patient()
            )
        self.session_id = session_id
        self._writer = SessionWriter(self._database, session_id, clock=self._clock,
                                     on_health=self._on_storage_health)
        if self._training and self._resume_session_id is None:
            self._record_event(TRAINING_SESSION_KIND, started, {"protocol": self._protocol})
        self._record_event("recording-started", started, {"protocol": self._protocol, "port": self._port,
                                                          "clock_epoch": self._clock.monotonic_epoch})
        self._link.start()
        return session_id

    def _file_patient(self) -> int | None:
        """The database id of the session's patient, creating the record or updating it with the
        details just entered (a weight changes between sessions)."""
        if self._patient is not None:
            fields = {name: getattr(self._patient, name) for name in _PATIENT_FIELDS}
            patient_id = self._database.get_or_create_patient(self._patient.identifier, **fields)
            self._database.update_patient(self._patient.identifier, **fields)
            return patient_id
        if self._patient_identifier:
            return self._database.get_or_create_patient(self._patient_identifier)
        return None

    def stop(self, *, end_session: bool = True) -> None:
        """Stop reading and write everything received.

        With ``end_session`` the session is closed for good; without it the session stays open,
        marked ``recording-paused``, and is offered for resumption at the next start.
        """
        writer = self.writer
        self._stopping.set()
        self._link.stop()
        stopped = self._clock.now()
        self._record_event("session-ended" if end_session else "recording-paused", stopped, {})
        writer.close()
        if end_session:
            self._database.end_session(writer.session_id, stopped)

    def _on_outputs(self, outputs: Sequence[DeviceOutput]) -> None:
        now = self._clock.now()
        with self._lock:
            lost_at, last_data = self._lost_at, self._last_data
            self._lost_at = None
            self._last_data = now
        if lost_at is not None and last_data is not None:
            self._record_event("data-gap", now, _gap_detail(last_data, now))
        self.writer.submit(outputs)
        self._notify_outputs(outputs)

    def _on_storage_health(self, health: WriterHealth) -> None:
        for listener in self._health_listeners:
            listener(health)

    def _notify_outputs(self, outputs: Sequence[DeviceOutput]) -> None:
        for listener in self._output_listeners:
            listener(outputs)

    def _record_event(self, kind: str, stamp: Stamp, detail: Mapping[str, Any],
                      user: str | None = None) -> None:
        self.writer.submit_event(kind, stamp, dict(detail), user)
        event = RecordedEvent(kind, stamp, detail, user)
        for listener in self._event_listeners:
            listener(event)

    def _on_link_status(self, status: LinkStatus) -> None:
        if status.state not in _DATA_LOST_STATES or self._writer is None or self._stopping.is_set():
            return
        with self._lock:
            if self._lost_at is not None or self._last_data is None:
                return
            self._lost_at = status.since
        detail = {"state": status.state.value, "detail": status.detail}
        self._record_event("connection-lost", status.since, detail)


def _gap_detail(last_data: Stamp, resumed: Stamp) -> dict[str, str | float]:
    return {
        "from_utc": _iso(last_data.utc),
        "to_utc": _iso(resumed.utc),
        "seconds": round(resumed.seconds_since(last_data), 3),
    }


def _iso(moment: datetime) -> str:
    return moment.isoformat()
