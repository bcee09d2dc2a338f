"""The alarm engine running beside a recorder (Qt-free, thread-safe).

The engine itself is single-threaded; :class:`AlarmMonitor` serialises everything that reaches it:
device outputs and link states (on the link thread), a tick on its own thread every ``tick_s`` so
onset delays, silences and pause expiry are judged even when no data arrives, and the operator's
actions and the window's reads (on the GUI thread). The alarm log goes to the session through the
recorder's :meth:`~ketaconsole.acquisition.recorder.Recorder.record_event`, so alarms are logged
whether or not a window is open (``ketaconsole record`` runs one too).

An unexpected error inside the engine (a bug) is never swallowed: it is logged, recorded as an
``alarm-system-failed`` event, and from then on :meth:`AlarmMonitor.picture` shows a high-priority
technical "ALARM SYSTEM FAILURE" that cannot be silenced, because a dead alarm system that looks like
a quiet one is the worst failure a monitor can have.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator, Sequence

from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.core.alarm_presets import AlarmPreset, LoadedPreset
from ketaconsole.core.alarms import (
    Alarm,
    AlarmActionError,
    AlarmEngine,
    AlarmPicture,
    AudioState,
    ConditionKind,
)
from ketaconsole.core.clock import Clock, Stamp
from ketaconsole.core.observations import AlarmPriority, DeviceOutput
from ketaconsole.core.session_events import EventSink, StoredEvent
from ketaconsole.devices.link import LinkState, LinkStatus

log = logging.getLogger(__name__)

STOPPED_REASON = "recording stopped"
ALARM_SYSTEM_FAILED = "alarm-system-failed"
FAILURE_KEY = "alarm-system"


class AlarmMonitor:
    """Watches one recorder's monitor. Start it after the recorder, stop it before the recorder."""

    def __init__(self, engine: AlarmEngine, clock: Clock, *, sink: EventSink, tick_s: float = 0.25) -> None:
        if tick_s <= 0:
            raise ValueError("tick_s must be positive")
        self._engine = engine
        self._sink = sink
        self._failure: str | None = None
        self._stopped = False
        self._failed_at: Stamp | None = None
        self._clock = clock
        self._tick_s = tick_s
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def for_recorder(cls, recorder: Recorder, default: LoadedPreset, *, user: str | None,
                     stored_events: Sequence[StoredEvent] = (), tick_s: float = 0.25) -> AlarmMonitor:
        """A monitor on ``recorder`` (already started): a resumed session keeps the preset and limit
        changes in ``stored_events``; otherwise ``default`` is put in force and recorded."""
        now = recorder.clock.now()
        engine = AlarmEngine.resume(stored_events, sink=recorder.record_event, now=now) if stored_events \
            else None
        if engine is None:
            engine = AlarmEngine.select(default, sink=recorder.record_event, now=now, user=user)
        monitor = cls(engine, recorder.clock, sink=recorder.record_event, tick_s=tick_s)
        monitor.attach(recorder)
        return monitor

    def attach(self, recorder: Recorder) -> None:
        """Watch ``recorder``'s monitor: its silence counts from now."""
        source = recorder.source
        with self._lock:
            self._engine.watch_device(source, self._clock.now())
        recorder.add_output_listener(self.observe)
        recorder.add_link_state_listener(lambda status: self._on_link(source, status))
        self._on_link(source, recorder.link_status)  # a state reached before the listener was added

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="alarms", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop ticking and close every active alarm in the log; whatever arrives afterwards (the
        link closing as the recorder stops) is ignored, so nothing is logged after the end."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        with self._lock, self._guarded():
            self._stopped = True
            self._engine.end_all(self._clock.now(), STOPPED_REASON)

    @property
    def preset(self) -> AlarmPreset:
        return self._engine.preset

    @property
    def failure(self) -> str | None:
        """Why the alarm engine stopped working (``None`` while it works)."""
        return self._failure

    def observe(self, outputs: Sequence[DeviceOutput]) -> None:
        with self._lock, self._guarded():
            if not self._stopped:
                self._engine.observe(outputs, self._clock.now())

    def picture(self) -> AlarmPicture:
        """Everything to show and sound now. If the engine has failed, a high-priority technical
        alarm says so: an alarm system that stopped must never look like a quiet patient."""
        now = self._clock.now()
        with self._lock:
            if self._stopped:
                return AlarmPicture(now, ())
            if self._failure is None:
                with self._guarded():
                    return self._engine.tick(now)
            return AlarmPicture(now, (Alarm(FAILURE_KEY, "ALARM SYSTEM FAILURE", ConditionKind.TECHNICAL,
                                            AlarmPriority.HIGH, self._failed_at or now,
                                            f"alarms are not evaluated: {self._failure}", True,
                                            AudioState.SOUNDING),))

    @contextlib.contextmanager
    def _guarded(self) -> Iterator[None]:
        """Turn an unexpected error of the engine into the failure state, logged once in the session."""
        try:
            yield
        except AlarmActionError:
            raise
        except Exception as error:  # a bug in alarm evaluation must be seen, never swallowed
            if self._failure is None:
                self._failure = f"{type(error).__name__}: {error}"
                self._failed_at = self._clock.now()
                log.exception("alarm engine failed")
                self._sink(ALARM_SYSTEM_FAILED, self._failed_at, {"error": self._failure}, None)

    def acknowledge(self, key: str, *, user: str) -> None:
        with self._lock, self._guarded():
            self._engine.acknowledge(key, user=user, now=self._clock.now())

    def pause_audio(self, *, user: str) -> None:
        with self._lock, self._guarded():
            self._engine.pause_audio(user=user, now=self._clock.now())

    def thresholds(self, rule_id: str) -> tuple[float, ...]:
        with self._lock:
            return self._engine.thresholds(rule_id)

    def set_thresholds(self, rule_id: str, thresholds: Sequence[float], *, user: str, reason: str) -> None:
        with self._lock, self._guarded():
            self._engine.set_thresholds(rule_id, thresholds, user=user, reason=reason, now=self._clock.now())

    def set_audio_output(self, available: bool, reason: str) -> None:
        with self._lock, self._guarded():
            if not self._stopped:
                self._engine.set_audio_output(available, reason, self._clock.now())

    def _on_link(self, source: str, status: LinkStatus) -> None:
        if status.state is LinkState.CONNECTING:
            return
        with self._lock, self._guarded():
            if self._stopped:
                return
            self._engine.connection(source, connected=status.state is not LinkState.DISCONNECTED,
                                    detail=status.detail, now=status.since)

    def _run(self) -> None:
        while not self._stop.wait(self._tick_s):
            with self._lock, self._guarded():
                if not self._stopped:
                    self._engine.tick(self._clock.now())
