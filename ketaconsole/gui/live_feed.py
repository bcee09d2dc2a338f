"""The hand-over point between the acquisition threads and the GUI thread (Qt-free).

The recorder calls :meth:`LiveFeed.put_outputs` on the link's reader thread and
:meth:`LiveFeed.put_link_status` on the link thread; the window drains the feed from a timer on the
GUI thread. Neither side ever waits for the other: appending to and popping from a ``deque`` are
atomic, so there is no lock to contend for.

Invariant: the feed holds at most :data:`MAX_PENDING` items. When the GUI falls that far behind,
the oldest items are dropped; the display only needs the newest value of each parameter, and
recording does not go through the feed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from ketaconsole.core.observations import DeviceOutput, Observation
from ketaconsole.devices.link import LinkStatus

MAX_PENDING = 4096

FeedItem = Observation | LinkStatus


class LiveFeed:
    """A bounded, thread-safe queue of numeric observations and link states for the window."""

    def __init__(self, max_pending: int = MAX_PENDING) -> None:
        self._pending: deque[FeedItem] = deque(maxlen=max_pending)

    def put_outputs(self, outputs: Sequence[DeviceOutput]) -> None:
        """Queue the numeric observations among ``outputs`` (waveforms, alarms and sensor states are
        not shown yet and are skipped). Safe to call from any thread."""
        self._pending.extend(output for output in outputs if isinstance(output, Observation))

    def put_link_status(self, status: LinkStatus) -> None:
        """Queue a link state change. Safe to call from any thread."""
        self._pending.append(status)

    def drain(self) -> list[FeedItem]:
        """Remove and return everything queued so far, oldest first."""
        drained: list[FeedItem] = []
        while True:
            try:
                drained.append(self._pending.popleft())
            except IndexError:
                return drained
