"""Plays the auditory alarm signal of the highest sounding priority through Qt Multimedia.

The window calls :meth:`AlarmSound.set_sounding` whenever the highest priority that should sound
changes (``None`` for silence). A burst starts at once, and while the priority stays the same it is
repeated every burst length plus inter-burst interval, timed by a ``QTimer`` on the GUI thread; the
samples are pulled by a ``QAudioSink`` from an in-memory ``QBuffer``, so nothing here blocks. A
different priority interrupts the current burst and starts its own immediately; silence stops the
sound immediately. Keeping a short-lived condition sounding for at least a (half) burst is the alarm
engine's decision, made before it calls :meth:`set_sounding`.

Without an audio output (no device, no sound server, Qt Multimedia unable to load) nothing is played
and nothing raises: :attr:`AlarmSound.available` is False with the reason in
:attr:`AlarmSound.unavailable_reason`, while the schedule still runs (:attr:`AlarmSound.sounding`,
:attr:`AlarmSound.bursts_started`), so the console can show that alarms are silent and why.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLoggingCategory, QObject, Qt, QTimer, Signal

from ketaconsole.core.alarm_tones import ToneSettings, generate_burst, load_tone_settings, pcm16le
from ketaconsole.core.observations import AlarmPriority

SOUNDING_PRIORITIES = (AlarmPriority.HIGH, AlarmPriority.MEDIUM, AlarmPriority.LOW)

# Qt Multimedia reports each optional library it probes and does not find (PipeWire, VA-API) and the
# FFmpeg version at information level; neither is a fault of the console. Its other messages stay.
QUIET_MULTIMEDIA_RULES = "qt.multimedia.symbolsresolver.warning=false\nqt.multimedia.ffmpeg.info=false"

NO_DEVICE = "no audio output device found"


@functools.cache
def load_multimedia() -> tuple[ModuleType | None, str]:
    """``PySide6.QtMultimedia`` and ``""``, or ``None`` and why it cannot be loaded (e.g. the system's
    ``libpulse.so.0`` is missing). Imported once, on first use, after quietening its probing messages
    (``QT_LOGGING_RULES`` in the environment still overrides that)."""
    QLoggingCategory.setFilterRules(QUIET_MULTIMEDIA_RULES)
    try:
        return importlib.import_module("PySide6.QtMultimedia"), ""
    except ImportError as problem:
        return None, f"Qt Multimedia cannot be loaded: {problem}"


class AlarmSound(QObject):
    """The alarm signal player; see the module docstring.

    ``availability_changed(available, reason)`` is emitted when an output appears or disappears;
    ``burst_started(priority)`` each time a burst begins, whether or not it can be heard."""

    availability_changed = Signal(bool, str)
    burst_started = Signal(object)

    def __init__(self, settings: ToneSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if settings is None:
            loaded = load_tone_settings()
            settings, self.settings_problems = loaded.settings, loaded.problems
        else:
            self.settings_problems = ()
        self._settings = settings
        self._bursts = {priority: generate_burst(settings, priority) for priority in SOUNDING_PRIORITIES}
        self._pcm = {priority: QByteArray(pcm16le(burst.samples)) for priority, burst in self._bursts.items()}
        self._buffers: dict[AlarmPriority, QBuffer] = {}
        self._sounding: AlarmPriority | None = None
        self._bursts_started = 0
        self._repeat = QTimer(self)
        self._repeat.setSingleShot(True)
        # A coarse timer may fire up to 5 % early, which would shorten the inter-burst interval.
        self._repeat.setTimerType(Qt.TimerType.PreciseTimer)
        self._repeat.timeout.connect(self._start_burst)
        self._sink: Any = None
        self._device_id = QByteArray()
        self._multimedia, problem = load_multimedia()
        self._available, self._reason = False, problem
        if self._multimedia is not None:
            self._devices = self._multimedia.QMediaDevices(self)
            self._devices.audioOutputsChanged.connect(self._outputs_changed)
            self._available, self._reason = self._open_output()

    @property
    def available(self) -> bool:
        """True when bursts are played on an audio output."""
        return self._available

    @property
    def unavailable_reason(self) -> str:
        """Why nothing can be heard ("" while :attr:`available`)."""
        return self._reason

    @property
    def sounding(self) -> AlarmPriority | None:
        """The priority being sounded (or that would be, without an output); ``None`` when silent."""
        return self._sounding

    @property
    def bursts_started(self) -> int:
        """Bursts begun since construction, heard or not."""
        return self._bursts_started

    @property
    def playback_error(self) -> str:
        """The audio sink's error ("" when none), e.g. an output that failed while playing. Read from
        the sink on demand: PySide6 cannot pass the sink's state-change arguments to a Python slot."""
        if self._sink is None:
            return ""
        error = self._sink.error()
        return "" if error == self._multimedia.QtAudio.Error.NoError else error.name

    @property
    def playback_state(self) -> str:
        """The audio sink's state ("ActiveState", "IdleState", "StoppedState", …), or "" without one."""
        return self._sink.state().name if self._sink is not None else ""

    @property
    def next_burst_in_s(self) -> float | None:
        """Seconds until the sounding priority's next burst; ``None`` when none is due (silence, or a
        burst that sounds once)."""
        return self._repeat.remainingTime() / 1000 if self._repeat.isActive() else None

    @property
    def settings(self) -> ToneSettings:
        """The tone settings in force."""
        return self._settings

    def repeat_period_s(self, priority: AlarmPriority) -> float | None:
        """Seconds from the start of one burst of ``priority`` to the next, ``None`` if it sounds once."""
        return self._bursts[priority].spec.repeat_period_s

    def set_sounding(self, priority: AlarmPriority | None) -> None:
        """Sound ``priority`` from now on (``None``: silence). The same priority again changes nothing;
        ``ValueError`` for ``INFO``, which has no auditory signal."""
        if priority is not None and priority not in self._bursts:
            raise ValueError(f"{priority.value} has no auditory alarm signal")
        if priority == self._sounding:
            return
        self._sounding = priority
        self._repeat.stop()
        self._stop_playback()
        if priority is not None:
            self._start_burst()

    def _start_burst(self) -> None:
        priority = self._sounding
        if priority is None:
            return
        self._bursts_started += 1
        period = self._bursts[priority].spec.repeat_period_s
        if period is not None:
            self._repeat.start(round(period * 1000))
        self._play(priority)
        self.burst_started.emit(priority)

    def _play(self, priority: AlarmPriority) -> None:
        if not self._available or self._sink is None:
            return
        self._stop_playback()
        buffer = self._buffers.get(priority)
        if buffer is None:
            buffer = QBuffer(self)
            buffer.setData(self._pcm[priority])
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self._buffers[priority] = buffer
        buffer.seek(0)
        self._sink.start(buffer)

    def _stop_playback(self) -> None:
        if self._sink is not None:
            self._sink.stop()

    def _audio_format(self) -> Any:
        audio_format = self._multimedia.QAudioFormat()
        audio_format.setSampleRate(self._settings.sample_rate_hz)
        audio_format.setChannelCount(1)
        audio_format.setSampleFormat(self._multimedia.QAudioFormat.SampleFormat.Int16)
        return audio_format

    def _open_output(self) -> tuple[bool, str]:
        """Find the default output (else the first) and make a sink for it; (available, reason)."""
        media_devices = self._multimedia.QMediaDevices
        device = media_devices.defaultAudioOutput()
        if device.isNull():
            outputs = media_devices.audioOutputs()
            if not outputs:
                self._close_sink()
                return False, NO_DEVICE
            device = outputs[0]
        audio_format = self._audio_format()
        if not device.isFormatSupported(audio_format):
            self._close_sink()
            return False, (f"the audio output {device.description()!r} cannot play 16-bit mono at "
                           f"{self._settings.sample_rate_hz} Hz")
        if self._sink is None or device.id() != self._device_id:
            self._close_sink()
            self._sink = self._multimedia.QAudioSink(device, audio_format, self)
            self._device_id = device.id()
        return True, ""

    def _close_sink(self) -> None:
        if self._sink is not None:
            self._sink.stop()
            self._sink.deleteLater()
        self._sink = None
        self._device_id = QByteArray()

    def _outputs_changed(self) -> None:
        available, reason = self._open_output()
        if (available, reason) != (self._available, self._reason):
            self._available, self._reason = available, reason
            self.availability_changed.emit(available, reason)
