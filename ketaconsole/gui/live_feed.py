"""The hand-over point between the acquisition threads and the GUI thread (Qt-free).

The recorder calls :meth:`LiveFeed.put_outputs`, :meth:`LiveFeed.put_link_status` and
:meth:`LiveFeed.put_event` on its threads; a loader thread may :meth:`LiveFeed.put_history`; the
window drains the feed from a timer on the GUI thread. Neither side waits for the other: appending
to and popping from a ``deque`` are atomic, so there is no lock to contend for.

Invariants: device outputs are bounded to :data:`MAX_PENDING` items, and when the GUI falls that far
behind the oldest are dropped (the display needs only the newest; recording does not go through
the feed). Link states, events and history are rare and never dropped, and :meth:`drain` returns
everything in arrival order within each kind, control items first, so the window never shows a link
state older than the data it draws.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ketaconsole.acquisition.recorder import RecordedEvent, Recorder
from ketaconsole.core.dose_session import DoseSession
from ketaconsole.core.observations import DeviceOutput, Observation, WaveformChunk
from ketaconsole.devices.link import LinkStatus
from ketaconsole.storage.writer import WriterHealth

MAX_PENDING = 4096


@dataclass(frozen=True, slots=True)
class HistoryBatch:
    """What a resumed session recorded before this window opened, loaded from the database.

    ``treatment`` is the session's dose timer rebuilt from the stored events (``None`` when no
    treatment was selected); the loader builds it, and from the hand-over on only the GUI thread
    uses it. ``treatment_error`` says why the stored dose events could not be replayed, if so.
    """

    observations: Sequence[Observation]
    events: Sequence[RecordedEvent]
    treatment: DoseSession | None = None
    treatment_error: str | None = None


DisplayedOutput = Observation | WaveformChunk
ControlItem = LinkStatus | RecordedEvent | HistoryBatch | WriterHealth
FeedItem = DisplayedOutput | ControlItem


class LiveFeed:
    """Bounded, thread-safe queues of what the window shows."""

    def __init__(self, max_pending: int = MAX_PENDING) -> None:
        self._outputs: deque[DisplayedOutput] = deque(maxlen=max_pending)
        self._control: deque[ControlItem] = deque()

    def attach(self, recorder: Recorder) -> None:
        """Receive everything ``recorder`` reports: outputs, link states, events, saving health."""
        self.put_link_status(recorder.link_status)
        recorder.add_output_listener(self.put_outputs)
        recorder.add_link_state_listener(self.put_link_status)
        recorder.add_event_listener(self.put_event)
        recorder.add_storage_health_listener(self.put_storage_health)

    def put_outputs(self, outputs: Sequence[DeviceOutput]) -> None:
        """Queue the observations and waveform chunks among ``outputs`` (device alarms and sensor
        states are not shown yet and are skipped). Safe to call from any thread."""
        self._outputs.extend(o for o in outputs if isinstance(o, Observation | WaveformChunk))

    def put_link_status(self, status: LinkStatus) -> None:
        """Queue a link state change. Safe to call from any thread."""
        self._control.append(status)

    def put_event(self, event: RecordedEvent) -> None:
        """Queue a session event for the event strip. Safe to call from any thread."""
        self._control.append(event)

    def put_storage_health(self, health: WriterHealth) -> None:
        """Queue a change in whether the session is being saved. Safe to call from any thread."""
        self._control.append(health)

    def put_history(self, history: HistoryBatch) -> None:
        """Queue what the session recorded before. Safe to call from any thread."""
        self._control.append(history)

    def drain(self) -> list[FeedItem]:
        """Remove and return everything queued so far: control items, then outputs, each oldest first."""
        return [*_pop_all(self._control), *_pop_all(self._outputs)]


def _pop_all(queue: deque[Any]) -> list[Any]:
    drained: list[Any] = []
    while True:
        try:
            drained.append(queue.popleft())
        except IndexError:
            return drained
