"""Session seconds: one continuous time line for a session, however often the console restarted.

Durations come from the monotonic clock, which wall-clock jumps cannot move. A session may be
recorded in several runs (the console crashed or was closed to resume later); while the runs share
a monotonic epoch (the same boot), their stamps are simply subtracted. When the epoch changes (the
machine rebooted), the monotonic readings of the new run have a new origin, and the time between
the last moment known before the change and the first after it can only be measured by the wall
clock; that one bridge uses wall time (never negative), and everything after it is monotonic again.

Invariant: across runs, session seconds never go backwards; within a run they are the monotonic
clock's, so a stamp dated before an earlier one (a link state noticed late) reads earlier too.
"""

from __future__ import annotations

from ketaconsole.core.clock import NS_PER_S, Stamp


class SessionTimebase:
    """Maps stamps to seconds since the session's first stamp (its origin, at 0 s)."""

    def __init__(self) -> None:
        self._epoch: str | None = None
        self._anchor: Stamp | None = None
        self._anchor_s = 0.0
        self._latest: tuple[Stamp, float] | None = None
        self._runs: list[tuple[Stamp, float]] = []

    def seconds(self, stamp: Stamp, epoch: str | None) -> float:
        """Session seconds of ``stamp``, read on a clock with ``epoch`` (``None``: unknown, which is
        never taken to match another run). Stamps must come in recorded order."""
        if self._anchor is not None and epoch is not None and epoch == self._epoch:
            seconds = self._anchor_s + (stamp.monotonic_ns - self._anchor.monotonic_ns) / NS_PER_S
        else:
            seconds = self._bridge(stamp)
            self._epoch, self._anchor, self._anchor_s = epoch, stamp, seconds
            self._runs.append((stamp, seconds))
        if self._latest is None or seconds >= self._latest[1]:
            self._latest = (stamp, seconds)
        return seconds

    def _bridge(self, stamp: Stamp) -> float:
        if self._latest is None:
            return 0.0
        latest_stamp, latest_s = self._latest
        return latest_s + max(0.0, (stamp.utc - latest_stamp.utc).total_seconds())

    def locate(self, stamp: Stamp) -> float:
        """Session seconds of a stored stamp whose run is not known (an observation read back from
        the database): it is taken to belong to the last run that began at or before it by wall
        time. Only a wall-clock jump across a restart can misplace it. Needs at least one run."""
        if not self._runs:
            raise ValueError("the timebase has no run yet")
        anchor, anchor_s = self._runs[0]
        for run_anchor, run_s in self._runs:
            if run_anchor.utc <= stamp.utc:
                anchor, anchor_s = run_anchor, run_s
        return anchor_s + (stamp.monotonic_ns - anchor.monotonic_ns) / NS_PER_S
