"""The alarm engine running beside a recorder (Qt-free, thread-safe).

The engine itself is single-threaded; :class:`AlarmMonitor` serialises everything that reaches it:
device outputs and link states (on the link thread), a tick on its own thread every ``tick_s`` so
onset delays, silences and pause expiry are judged even when no data arrives, and the operator's
actions and the window's reads (on the GUI thread). The alarm log goes to the session through the
recorder's :meth:`~ketaconsole.acquisition.recorder.Recorder.record_event`, so alarms are logged
whether or not a window is open (``ketaconsole record`` runs one too).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.core.alarm_presets import AlarmPreset, LoadedPreset
from ketaconsole.core.alarms import AlarmEngine, AlarmPicture
from ketaconsole.core.clock import Clock
from ketaconsole.core.observations import DeviceOutput
from ketaconsole.core.session_events import StoredEvent
from ketaconsole.devices.link import LinkState, LinkStatus

STOPPED_REASON = "recording stopped"


class AlarmMonitor:
    """Watches one recorder's monitor. Start it after the recorder, stop it before the recorder."""

    def __init__(self, engine: AlarmEngine, clock: Clock, *, tick_s: float = 0.25) -> None:
        if tick_s <= 0:
            raise ValueError("tick_s must be positive")
        self._engine = engine
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
        monitor = cls(engine, recorder.clock, tick_s=tick_s)
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
        """Stop ticking and close every active alarm in the log."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        with self._lock:
            self._engine.end_all(self._clock.now(), STOPPED_REASON)

    @property
    def preset(self) -> AlarmPreset:
        return self._engine.preset

    def observe(self, outputs: Sequence[DeviceOutput]) -> None:
        with self._lock:
            self._engine.observe(outputs, self._clock.now())

    def picture(self) -> AlarmPicture:
        """Everything to show and sound now."""
        with self._lock:
            return self._engine.tick(self._clock.now())

    def acknowledge(self, key: str, *, user: str) -> None:
        with self._lock:
            self._engine.acknowledge(key, user=user, now=self._clock.now())

    def pause_audio(self, *, user: str) -> None:
        with self._lock:
            self._engine.pause_audio(user=user, now=self._clock.now())

    def thresholds(self, rule_id: str) -> tuple[float, ...]:
        with self._lock:
            return self._engine.thresholds(rule_id)

    def set_thresholds(self, rule_id: str, thresholds: Sequence[float], *, user: str, reason: str) -> None:
        with self._lock:
            self._engine.set_thresholds(rule_id, thresholds, user=user, reason=reason, now=self._clock.now())

    def set_audio_output(self, available: bool, reason: str) -> None:
        with self._lock:
            self._engine.set_audio_output(available, reason, self._clock.now())

    def _on_link(self, source: str, status: LinkStatus) -> None:
        if status.state is LinkState.CONNECTING:
            return
        with self._lock:
            self._engine.connection(source, connected=status.state is not LinkState.DISCONNECTED,
                                    detail=status.detail, now=status.since)

    def _run(self) -> None:
        while not self._stop.wait(self._tick_s):
            with self._lock:
                self._engine.tick(self._clock.now())
