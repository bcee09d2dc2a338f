"""The session writer: puts a live session's device outputs into the database from its own thread.

Producers (the serial reader, the GUI) call :meth:`SessionWriter.submit` and
:meth:`SessionWriter.submit_event`; both only encode and enqueue, so they never wait for the
database. The writer thread commits everything queued as one transaction per flush, at least every
``flush_interval_s`` seconds after the previous commit, with bulk inserts, and moves the session
heartbeat forward in the same transaction (also when nothing was queued).

Durability: a committed batch survives a crash of the process, so a SIGKILL loses only what was
submitted since the last commit: ``flush_interval_s`` plus one commit, well under a second.

Failures: when a commit fails (disk full, database locked, server gone) the batch stays in memory
and is retried with exponential backoff up to ``max_retry_delay_s``; new rows keep queueing behind
it. Nothing is ever dropped. :attr:`SessionWriter.health` says ``failing`` with the last error and
the number of rows not yet written, and the ``on_health`` listener hears every change.

Exactly once: each batch carries an id written to ``sessions.last_batch_id`` in the same
transaction. Before retrying a batch whose commit failed, the writer reads that column; if it
shows the batch, the commit had landed (only the acknowledgement was lost) and it is not repeated.
This relies on one writer per session, which :meth:`Database.reopen_session` enforces.

Audit chain: the writer is the session's only appender, so it chains its events itself
(:mod:`.audit_chain`): it reads the chain's head when it starts (a resumed session continues from
its last stored entry) and, in each transaction, gives the batch's events the next ``seq`` numbers
and hashes, in submission order, then appends one ``data-batch`` entry covering the observations and
waveform chunks the transaction stores (their ids come back from the inserts). The head in memory
moves only after a commit succeeds; when a retried batch turns out to have landed, the head is read
back from the database. The unique ``(session_id, seq)`` constraint refuses a second writer's fork.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from sqlalchemy import insert, select, update

from ketaconsole.core.clock import Clock, Stamp, SystemClock
from ketaconsole.core.observations import DeviceOutput
from ketaconsole.storage.audit_chain import (
    CANONICAL_ROW,
    DATA_BATCH_KIND,
    ChainHead,
    RowDigest,
    batch_part,
    canonical_json,
    chained_event_row,
)
from ketaconsole.storage.codec import Row, event_row, table_and_row
from ketaconsole.storage.database import Database, read_chain_head
from ketaconsole.storage.errors import SessionNotFound, SessionStateError, WriterCloseTimeout
from ketaconsole.storage.models import Base, SessionEventRow, SessionRow

logger = logging.getLogger(__name__)

MAX_BATCH_ROWS = 2000
"""Rows per transaction at most; a backlog after an outage drains in several back-to-back commits."""


class WriterStatus(Enum):
    OK = "ok"
    FAILING = "failing"


@dataclass(frozen=True, slots=True)
class WriterHealth:
    """The writer's state: ``FAILING`` while the last commit failed (``last_error`` says why).

    ``pending_rows`` counts rows submitted but not yet committed.
    """

    status: WriterStatus
    pending_rows: int
    last_error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is WriterStatus.OK


HealthListener = Callable[[WriterHealth], None]


_EVENTS = SessionEventRow.__tablename__


@dataclass(slots=True)
class _Batch:
    """Rows taken from the queue for one transaction; ``digests`` of the chained data tables' rows
    (canonical forms in queue order, which is id order once inserted) are computed once, on taking."""

    id: str
    rows_by_table: dict[str, list[Row]] = field(default_factory=dict)
    digests: dict[str, RowDigest] = field(default_factory=dict)
    size: int = 0
    attempts: int = 0


class SessionWriter:
    """Writes one session's rows from a dedicated non-daemon thread; see the module docstring.

    The session must exist and be ``recording``. ``clock`` stamps the heartbeats. ``on_health`` is
    called on the writer thread whenever the status changes and after every failed commit; it must
    return quickly and may not call back into the writer's ``close``.
    """

    def __init__(
        self,
        database: Database,
        session_id: str,
        *,
        clock: Clock | None = None,
        flush_interval_s: float = 0.25,
        max_retry_delay_s: float = 5.0,
        on_health: HealthListener | None = None,
    ) -> None:
        if flush_interval_s <= 0 or max_retry_delay_s <= 0:
            raise ValueError("flush_interval_s and max_retry_delay_s must be positive")
        summary = database.find_session(session_id)
        if summary.id != session_id:
            raise SessionNotFound(f"no session {session_id!r}")
        if summary.status != "recording":
            raise SessionStateError(f"session {session_id} has ended; it takes no more data")
        self.session_id = session_id
        self._database = database
        self._clock: Clock = clock or SystemClock()
        self._flush_interval_s = flush_interval_s
        self._max_retry_delay_s = max_retry_delay_s
        self._on_health = on_health
        self._queue: queue.SimpleQueue[tuple[str, Row]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._submitted = 0
        self._committed = 0
        self._closed = False
        self._status = WriterStatus.OK
        self._last_error: str | None = None
        self._head: ChainHead = database.chain_head(session_id)
        self._batch_prefix = uuid.uuid4().hex
        self._batch_numbers = itertools.count(1)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"session-writer-{session_id[:8]}", daemon=False
        )
        self._thread.start()

    def submit(self, outputs: Sequence[DeviceOutput]) -> None:
        """Queue device outputs for writing. Thread-safe; never waits for the database.

        Raises ``TypeError``/``ValueError`` (nothing queued) for an output that cannot be stored,
        and ``RuntimeError`` after :meth:`close`.
        """
        self._enqueue([table_and_row(self.session_id, output) for output in outputs])

    def submit_event(self, kind: str, stamp: Stamp, detail: dict[str, Any], user: str | None = None) -> None:
        """Queue a session event. Thread-safe, non-blocking.

        ``detail`` must be JSON-serialisable (``TypeError``) and canonicalisable for the audit chain
        (``ValueError`` for NaN or infinities); nothing is queued then.
        """
        row = event_row(self.session_id, kind, stamp, detail, user)
        canonical_json(row["detail"])
        self._enqueue([(_EVENTS, row)])

    @property
    def health(self) -> WriterHealth:
        with self._lock:
            return WriterHealth(self._status, self._submitted - self._committed, self._last_error)

    def close(self, timeout: float | None = 30.0) -> None:
        """Stop accepting rows, write everything queued, and end the thread.

        Waits at most ``timeout`` seconds (``None``: until done). If rows are still unwritten then
        (the database keeps failing), raises :class:`WriterCloseTimeout`; the thread keeps retrying
        and, being non-daemon, keeps the process alive until they are written. Calling ``close``
        again waits again.
        """
        with self._lock:
            self._closed = True
        self._stopping.set()
        self._wake.set()
        self._thread.join(timeout)
        if self._thread.is_alive():
            health = self.health
            raise WriterCloseTimeout(
                f"session writer could not write {health.pending_rows} rows yet "
                f"(last error: {health.last_error}); it keeps retrying"
            )

    def _enqueue(self, items: list[tuple[str, Row]]) -> None:
        with self._lock:
            if self._closed:
                raise RuntimeError(f"session writer of {self.session_id} is closed")
            for item in items:
                self._queue.put(item)
            self._submitted += len(items)

    def _run(self) -> None:
        delay = self._flush_interval_s
        batch: _Batch | None = None
        while True:
            self._wake.wait(delay)
            self._wake.clear()
            if batch is None:
                batch = self._take_batch()
            try:
                self._commit(batch)
            except Exception as error:
                batch.attempts += 1
                delay = min(self._max_retry_delay_s, self._flush_interval_s * 2**batch.attempts)
                logger.warning("session writer %s: commit failed: %s", self.session_id, error)
                self._report(WriterStatus.FAILING, _describe(error), always=True)
                continue
            with self._lock:
                self._committed += batch.size
            full = batch.size >= MAX_BATCH_ROWS
            batch = None
            self._report(WriterStatus.OK, None, always=False)
            if self._stopping.is_set() and self._queue.empty():
                return
            delay = 0 if full or self._stopping.is_set() else self._flush_interval_s

    def _take_batch(self) -> _Batch:
        batch = _Batch(id=f"{self._batch_prefix}:{next(self._batch_numbers)}")
        while batch.size < MAX_BATCH_ROWS:
            try:
                table, row = self._queue.get_nowait()
            except queue.Empty:
                break
            batch.rows_by_table.setdefault(table, []).append(row)
            canonical = CANONICAL_ROW.get(table)
            if canonical is not None:
                batch.digests.setdefault(table, RowDigest()).add(canonical(row))
            batch.size += 1
        return batch

    def _commit(self, batch: _Batch) -> None:
        sessions = SessionRow.__table__
        with self._database.session_factory() as session:
            if batch.attempts:
                last_batch_id = select(sessions.c.last_batch_id).where(sessions.c.id == self.session_id)
                if session.scalar(last_batch_id) == batch.id:
                    self._head = read_chain_head(session, self.session_id)
                    return
            now = self._clock.now()
            batch_detail: dict[str, Any] = {}
            for table, rows in batch.rows_by_table.items():
                if table == _EVENTS:
                    continue
                columns = Base.metadata.tables[table].c
                ids = session.scalars(
                    insert(Base.metadata.tables[table]).returning(columns.id, sort_by_parameter_order=True),
                    rows,
                ).all()
                batch_detail[table] = batch_part(batch.digests[table], ids[0], ids[-1])
            events = list(batch.rows_by_table.get(_EVENTS, []))
            if batch_detail:
                events.append(event_row(self.session_id, DATA_BATCH_KIND, now, batch_detail, None))
            head = self._head
            chained = []
            for row in events:
                linked, head = chained_event_row(row, head)
                chained.append(linked)
            if chained:
                session.execute(insert(SessionEventRow.__table__), chained)
            heartbeat = session.execute(
                update(sessions)
                .where(sessions.c.id == self.session_id)
                .values(last_heartbeat_utc=now.utc, last_batch_id=batch.id)
            )
            if heartbeat.rowcount != 1:
                raise SessionNotFound(f"session {self.session_id} no longer exists")
            session.commit()
        self._head = head

    def _report(self, status: WriterStatus, error: str | None, *, always: bool) -> None:
        with self._lock:
            changed = status is not self._status
            self._status = status
            self._last_error = error
        if (changed or always) and self._on_health is not None:
            try:
                self._on_health(self.health)
            except Exception:
                logger.exception("session writer %s: health listener failed", self.session_id)


def _describe(error: BaseException) -> str:
    original = getattr(error, "orig", None)
    detail = str(original if original is not None else error)
    first_line = detail.strip().splitlines()[0] if detail.strip() else type(error).__name__
    return f"{type(error).__name__}: {first_line}"
