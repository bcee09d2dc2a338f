"""The KetaConsole database: opening it (schema upgraded on open) and every query and command the
application needs, except the high-rate writes of a live session (see :mod:`.writer`).

Sessions are identified by UUID4 strings. A session is ``recording`` from :meth:`start_session`
until :meth:`end_session`; while recording, its session writer moves ``last_heartbeat_utc`` forward
several times a second. A ``recording`` session whose heartbeat is older than ``stale_after_s``
seconds was interrupted (the recorder died) and may be resumed with :meth:`reopen_session`.
Staleness compares wall-clock UTC times, since the recorder that wrote the heartbeat is gone.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator, Mapping
from datetime import timedelta
from types import TracebackType
from typing import Any

from alembic.util import CommandError
from sqlalchemy import ColumnElement, Select, func, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ketaconsole.core.clock import Clock, Stamp, SystemClock
from ketaconsole.core.observations import Observation, WaveformChunk
from ketaconsole.storage.audit_chain import GENESIS, ChainEntry, ChainHead, chained_event_row
from ketaconsole.storage.codec import (
    event_row,
    observation_from_row,
    session_event_from_row,
    waveform_chunk_from_row,
)
from ketaconsole.storage.engine import (
    create_database_engine,
    explain_open_failure,
    parse_database_url,
    safe_url,
)
from ketaconsole.storage.errors import (
    AmbiguousSessionPrefix,
    DatabaseUnavailable,
    SessionNotFound,
    SessionStateError,
)
from ketaconsole.storage.migrate import upgrade_to_head
from ketaconsole.storage.models import (
    ObservationRow,
    PatientRow,
    SessionEventRow,
    SessionRow,
    WaveformChunkRow,
)
from ketaconsole.storage.stored import PatientSummary, SessionEvent, SessionSummary
from ketaconsole.storage.utc_datetime import require_aware

DEFAULT_STALE_AFTER_S = 5.0
"""A recording session whose heartbeat is older than this (seconds) counts as interrupted."""

SESSION_RESUMED_KIND = "session-resumed"
TRAINING_SESSION_KIND = "training-session"
"""Marks a training or simulation session: the recorder writes it first, when such a session starts."""
PATIENT_FIELDS = frozenset({"name", "date_of_birth", "weight_kg", "allergies", "notes"})
_SESSION_ID_CHARACTERS = frozenset("0123456789abcdef-")
_AMBIGUOUS_LISTED = 5


class Database:
    """An open KetaConsole database. Thread-safe: every method uses its own short transaction.

    ``url`` is a SQLAlchemy URL (``sqlite:///PATH`` or ``postgresql+psycopg://…``). Opening creates
    or upgrades the schema; any failure raises :class:`DatabaseUnavailable` with a message for
    people. ``clock`` stamps what the database records on its own (patient creation, resumption);
    it defaults to the system clock.
    """

    def __init__(self, url: str, *, clock: Clock | None = None) -> None:
        self.url = parse_database_url(url)
        self.clock: Clock = clock or SystemClock()
        try:
            self.engine = create_database_engine(self.url)
        except (SQLAlchemyError, ImportError) as error:
            raise DatabaseUnavailable(explain_open_failure(self.url, error)) from error
        self.session_factory: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)
        try:
            self.upgrade()
        except BaseException:
            self.engine.dispose()
            raise

    @property
    def display_url(self) -> str:
        """The URL with any password masked."""
        return safe_url(self.url)

    def upgrade(self) -> None:
        """Migrate the schema to the newest revision; a no-op when it is already there."""
        try:
            upgrade_to_head(self.engine)
        except CommandError as error:
            raise DatabaseUnavailable(
                f"database {self.display_url} has a schema this version of KetaConsole does not know "
                f"({error}); it was written by a newer version"
            ) from error
        except (SQLAlchemyError, OSError) as error:
            raise DatabaseUnavailable(explain_open_failure(self.url, error)) from error

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def get_or_create_patient(self, identifier: str, **fields: Any) -> int:
        """The id of the patient with this MRN/ID, created with ``fields`` when there is none.

        ``fields`` may be ``name``, ``date_of_birth`` (a ``date``), ``weight_kg``, ``allergies`` and
        ``notes``. They are used only when the patient is created; an existing record is never
        overwritten here.
        """
        identifier = identifier.strip()
        if not identifier:
            raise ValueError("a patient identifier (MRN or ID) is required")
        unknown = set(fields) - PATIENT_FIELDS
        if unknown:
            raise TypeError(f"unknown patient fields: {', '.join(sorted(unknown))}")
        lookup = select(PatientRow.id).where(PatientRow.identifier == identifier)
        with self.session_factory() as session:
            existing = session.scalar(lookup)
            if existing is not None:
                return existing
            patient = PatientRow(identifier=identifier, created_utc=self.clock.now().utc, **fields)
            session.add(patient)
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                found = session.scalar(lookup)
                if found is None:
                    raise
                return found
            return patient.id

    def list_patients(self) -> list[PatientSummary]:
        """Every patient, by name (case-insensitive, patients without a name last), then MRN/ID."""
        query = select(PatientRow).order_by(
            PatientRow.name.is_(None), func.lower(PatientRow.name), PatientRow.identifier
        )
        with self.session_factory() as session:
            return [
                PatientSummary(
                    identifier=row.identifier,
                    name=row.name,
                    date_of_birth=row.date_of_birth,
                    weight_kg=row.weight_kg,
                    allergies=row.allergies,
                    notes=row.notes,
                )
                for row in session.scalars(query)
            ]

    def update_patient(self, identifier: str, **fields: Any) -> None:
        """Set the given ``fields`` (as for :meth:`get_or_create_patient`) of the patient with this
        MRN/ID; the others are kept. ``TypeError`` for an unknown field, ``LookupError`` when no
        patient has this identifier."""
        unknown = set(fields) - PATIENT_FIELDS
        if unknown:
            raise TypeError(f"unknown patient fields: {', '.join(sorted(unknown))}")
        with self.session_factory.begin() as session:
            row = session.scalar(select(PatientRow).where(PatientRow.identifier == identifier.strip()))
            if row is None:
                raise LookupError(f"no patient with MRN/ID {identifier!r}")
            for name, value in fields.items():
                setattr(row, name, value)

    def start_session(self, *, protocol: str, port: str, started: Stamp, patient_id: int | None) -> str:
        """Record a new session as ``recording`` and return its id (a UUID4 string)."""
        require_aware(started.utc)
        session_id = str(uuid.uuid4())
        with self.session_factory.begin() as session:
            if patient_id is not None and session.get(PatientRow, patient_id) is None:
                raise ValueError(f"no patient with id {patient_id}")
            session.add(
                SessionRow(
                    id=session_id,
                    patient_id=patient_id,
                    protocol=protocol,
                    port=port,
                    started_utc=started.utc,
                    started_monotonic_ns=started.monotonic_ns,
                    status="recording",
                    last_heartbeat_utc=started.utc,
                )
            )
        return session_id

    def end_session(self, session_id: str, ended: Stamp) -> None:
        """Mark a recording session as ended at ``ended``."""
        require_aware(ended.utc)
        with self.session_factory.begin() as session:
            row = self._session_row(session, session_id)
            if row.status == "ended":
                raise SessionStateError(f"session {session_id} has already ended")
            row.status = "ended"
            row.ended_utc = ended.utc
            row.last_heartbeat_utc = max(row.last_heartbeat_utc, ended.utc)

    def list_sessions(
        self, now: Stamp | None = None, stale_after_s: float = DEFAULT_STALE_AFTER_S
    ) -> list[SessionSummary]:
        """Every session, newest first; ``interrupted`` judged at ``now`` (default: the clock)."""
        return self._summaries(None, now, stale_after_s)

    def find_session(
        self, id_or_prefix: str, now: Stamp | None = None, stale_after_s: float = DEFAULT_STALE_AFTER_S
    ) -> SessionSummary:
        """The session whose id is ``id_or_prefix`` or starts with it (case-insensitive).

        Raises :class:`SessionNotFound` when none matches and :class:`AmbiguousSessionPrefix`,
        listing some candidates, when several do.
        """
        prefix = id_or_prefix.strip().lower()
        if not prefix or not set(prefix) <= _SESSION_ID_CHARACTERS:
            raise SessionNotFound(f"no session {id_or_prefix!r}: session ids are hexadecimal UUIDs")
        with self.session_factory() as session:
            candidates = session.scalars(
                select(SessionRow.id)
                .where(SessionRow.id.startswith(prefix, autoescape=True))
                .order_by(SessionRow.id)
                .limit(_AMBIGUOUS_LISTED + 1)
            ).all()
        if not candidates:
            raise SessionNotFound(f"no session {id_or_prefix!r}")
        if len(candidates) > 1 and prefix not in candidates:
            listed = ", ".join(candidates[:_AMBIGUOUS_LISTED])
            more = ", …" if len(candidates) > _AMBIGUOUS_LISTED else ""
            raise AmbiguousSessionPrefix(
                f"{id_or_prefix!r} matches several sessions ({listed}{more}); give more of the id"
            )
        exact = prefix if prefix in candidates else candidates[0]
        return self._summaries(SessionRow.id == exact, now, stale_after_s)[0]

    def interrupted_sessions(
        self, now: Stamp, stale_after_s: float = DEFAULT_STALE_AFTER_S
    ) -> list[SessionSummary]:
        """Sessions still ``recording`` whose heartbeat is older than ``stale_after_s`` at ``now``."""
        recording = self._summaries(SessionRow.status == "recording", now, stale_after_s)
        return [summary for summary in recording if summary.interrupted]

    def reopen_session(
        self, session_id: str, now: Stamp | None = None, stale_after_s: float = DEFAULT_STALE_AFTER_S
    ) -> SessionSummary:
        """Take over an interrupted session so a new session writer can continue it.

        Refuses (:class:`SessionStateError`) an ended session and one whose heartbeat is fresh, i.e.
        still written by a live recorder. Moves the heartbeat to ``now`` and records a
        ``session-resumed`` event whose detail gives the last heartbeat before the gap.
        The check and the take-over are one conditional update, so two resumers cannot both win.
        """
        now = now or self.clock.now()
        threshold = now.utc - timedelta(seconds=stale_after_s)
        with self.session_factory.begin() as session:
            row = self._session_row(session, session_id)
            if row.status == "ended":
                raise SessionStateError(f"session {session_id} has ended; an ended session cannot be resumed")
            interrupted_since = row.last_heartbeat_utc
            taken = session.execute(
                update(SessionRow)
                .where(
                    SessionRow.id == session_id,
                    SessionRow.status == "recording",
                    SessionRow.last_heartbeat_utc < threshold,
                )
                .values(last_heartbeat_utc=now.utc)
                .execution_options(synchronize_session=False)
            )
            if taken.rowcount != 1:
                age = (now.utc - interrupted_since).total_seconds()
                raise SessionStateError(
                    f"session {session_id} is still being recorded (last heartbeat {age:.1f} s ago)"
                )
            resumed = event_row(session_id, SESSION_RESUMED_KIND, now,
                                {"last_heartbeat_utc": interrupted_since.isoformat()}, None)
            chained, _ = chained_event_row(resumed, read_chain_head(session, session_id))
            session.add(SessionEventRow(**chained))
        return self.find_session(session_id, now, stale_after_s)

    def append_event(self, session_id: str, kind: str, stamp: Stamp, detail: dict[str, Any],
                     user: str | None) -> ChainHead:
        """Append one event to an *ended* session's audit chain (a signature, an addendum) and return
        the new head. A live session's events go through its writer instead, which owns the chain
        while recording, so an open session is refused (:class:`SessionStateError`). Reading the head
        and inserting are one transaction; a concurrent append fails on the unique ``seq``."""
        with self.session_factory.begin() as session:
            row = self._session_row(session, session_id)
            if row.status != "ended":
                raise SessionStateError(f"session {session_id} is still open: its recorder writes its events")
            chained, head = chained_event_row(event_row(session_id, kind, stamp, detail, user),
                                              read_chain_head(session, session_id))
            session.add(SessionEventRow(**chained))
        return head

    def observations(self, session_id: str, parameters: Collection[str] | None = None) -> list[Observation]:
        """The session's observations (of ``parameters`` only, when given) in the order received
        (received time, then insertion)."""
        query = select(ObservationRow).where(ObservationRow.session_id == session_id)
        if parameters is not None:
            query = query.where(ObservationRow.parameter.in_(list(parameters)))
        with self.session_factory() as session:
            self._session_row(session, session_id)
            rows = session.scalars(query.order_by(ObservationRow.received_utc, ObservationRow.id))
            return [observation_from_row(row) for row in rows]

    def waveform_chunks(self, session_id: str, wave: str | None = None) -> list[WaveformChunk]:
        """The session's waveform chunks (of one ``wave`` when given) in order of first sample."""
        with self.session_factory() as session:
            self._session_row(session, session_id)
            query = select(WaveformChunkRow).where(WaveformChunkRow.session_id == session_id)
            if wave is not None:
                query = query.where(WaveformChunkRow.wave == wave)
            rows = session.scalars(query.order_by(WaveformChunkRow.start_utc, WaveformChunkRow.id))
            return [waveform_chunk_from_row(row) for row in rows]

    def events(self, session_id: str, *, recorded_order: bool = False) -> list[SessionEvent]:
        """The session's events (device alarms, sensor states, notes, dose actions …) in time order,
        or with ``recorded_order`` in the order they were written. Replaying dose actions needs the
        recorded order: a wall-clock jump can date a later action earlier."""
        order = (SessionEventRow.id,) if recorded_order else (SessionEventRow.utc, SessionEventRow.id)
        with self.session_factory() as session:
            self._session_row(session, session_id)
            rows = session.scalars(
                select(SessionEventRow)
                .where(SessionEventRow.session_id == session_id)
                .order_by(*order)
            )
            return [session_event_from_row(row) for row in rows]

    def chain_head(self, session_id: str) -> ChainHead:
        """The last entry of the session's audit chain (:data:`~.audit_chain.GENESIS` when none)."""
        with self.session_factory() as session:
            self._session_row(session, session_id)
            return read_chain_head(session, session_id)

    def chain_entries(self, session_id: str) -> list[ChainEntry]:
        """Every event of the session with its chain columns, by ``seq`` (then row id)."""
        with self.session_factory() as session:
            self._session_row(session, session_id)
            rows = session.scalars(
                select(SessionEventRow)
                .where(SessionEventRow.session_id == session_id)
                .order_by(SessionEventRow.seq, SessionEventRow.id)
            )
            return [
                ChainEntry(row.session_id, row.seq, row.kind, row.utc, row.monotonic_ns, row.user,
                           row.detail, row.prev_hash, row.entry_hash)
                for row in rows
            ]

    def data_rows(self, session_id: str, table: str, *,
                  by_monotonic: bool = False) -> Iterator[Mapping[str, Any]]:
        """Stream the session's rows of ``table`` (``observations`` or ``waveform_chunks``) as column
        mappings, in id order, or with ``by_monotonic`` by (received or start monotonic reading, id).

        Reads in pages from one read transaction, so a long session is never all in memory; the
        transaction ends when the iterator is exhausted or closed."""
        model = {ObservationRow.__tablename__: ObservationRow,
                 WaveformChunkRow.__tablename__: WaveformChunkRow}[table]
        columns = model.__table__.c
        monotonic = columns.monotonic_ns if model is ObservationRow else columns.start_monotonic_ns
        order = (monotonic, columns.id) if by_monotonic else (columns.id,)
        query = select(model.__table__).where(columns.session_id == session_id).order_by(*order)
        with self.session_factory() as session:
            self._session_row(session, session_id)
            yield from session.execute(query, execution_options={"yield_per": 2000}).mappings()

    def has_event(self, session_id: str, kind: str) -> bool:
        """Whether the session has at least one event of ``kind`` (one indexed query, no rows read)."""
        with self.session_factory() as session:
            query = select(SessionEventRow.id).where(SessionEventRow.session_id == session_id,
                                                     SessionEventRow.kind == kind).limit(1)
            return session.execute(query).first() is not None

    def session_patient(self, session_id: str) -> PatientSummary | None:
        """The patient the session is filed under, ``None`` when it has none."""
        with self.session_factory() as session:
            row = self._session_row(session, session_id)
            patient = None if row.patient_id is None else session.get(PatientRow, row.patient_id)
            if patient is None:
                return None
            return PatientSummary(patient.identifier, patient.name, patient.date_of_birth, patient.weight_kg,
                                  patient.allergies, patient.notes)

    @staticmethod
    def _session_row(session: Session, session_id: str) -> SessionRow:
        row = session.get(SessionRow, session_id)
        if row is None:
            raise SessionNotFound(f"no session {session_id!r}")
        return row

    def _summaries(
        self, where: ColumnElement[bool] | None, now: Stamp | None, stale_after_s: float
    ) -> list[SessionSummary]:
        now = now or self.clock.now()
        threshold = now.utc - timedelta(seconds=stale_after_s)
        query = _summary_query()
        if where is not None:
            query = query.where(where)
        with self.session_factory() as session:
            return [
                SessionSummary(
                    id=row.id,
                    patient_identifier=identifier,
                    protocol=row.protocol,
                    port=row.port,
                    started_utc=row.started_utc,
                    ended_utc=row.ended_utc,
                    status=row.status,
                    last_heartbeat_utc=row.last_heartbeat_utc,
                    observation_count=count,
                    interrupted=row.status == "recording" and row.last_heartbeat_utc < threshold,
                )
                for row, identifier, count in session.execute(query)
            ]


def read_chain_head(session: Session, session_id: str) -> ChainHead:
    """The last chain entry of the session as seen in ``session`` (a transaction in progress)."""
    last = session.execute(
        select(SessionEventRow.seq, SessionEventRow.entry_hash)
        .where(SessionEventRow.session_id == session_id)
        .order_by(SessionEventRow.seq.desc())
        .limit(1)
    ).first()
    return GENESIS if last is None else ChainHead(last.seq, last.entry_hash)


def _summary_query() -> Select[tuple[SessionRow, str | None, int]]:
    counts = (
        select(ObservationRow.session_id, func.count().label("n"))
        .group_by(ObservationRow.session_id)
        .subquery()
    )
    return (
        select(SessionRow, PatientRow.identifier, func.coalesce(counts.c.n, 0))
        .outerjoin(PatientRow, PatientRow.id == SessionRow.patient_id)
        .outerjoin(counts, counts.c.session_id == SessionRow.id)
        .order_by(SessionRow.started_utc.desc(), SessionRow.id)
    )
