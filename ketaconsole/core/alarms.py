"""Alarm evaluation (IEC 60601-1-8 behaviour), pure Python on an injected clock.

:class:`AlarmEngine` is fed what the monitors report (:meth:`~AlarmEngine.observe`), link changes
(:meth:`~AlarmEngine.connection`) and the passing of time (:meth:`~AlarmEngine.tick`); it keeps the
set of alarm conditions and writes the alarm log as session events through a sink. It is not
thread-safe: the acquisition layer serialises calls.

Conditions, each with a stable ``key``:

* ``limit:<rule>`` — physiological: a value beyond a limit of the preset for ``onset_delay_s``; the
  most severe tier met gives the priority; it ends when the value is back past the threshold by the
  hysteresis, or when the value is stale (older than ``stale_after_s``: a number that old is no
  longer judged, and a technical condition follows). Latching rules keep an ended condition shown
  until acknowledged.
* ``link:<source>`` — the monitor has been disconnected for ``disconnected_after_s``;
  ``no-data:<source>`` — nothing from it for ``no_data_after_s``; ``no-value:<parameter>`` — a
  watched parameter that had valid values has had none for ``no_data_after_s`` (not raised while
  its monitor's own condition is active; cuff pressures are intermittent and watched by the vitals
  schedule instead);
* ``sensor:<source>:<sensor>:<condition>`` — a sensor condition the monitor reports (status bits, or
  a value missing because the sensor is off) that the preset lists;
* ``device:<source>:<code>`` — an alarm the monitor itself reports; ``audio-output`` — no sound.

Audio rules: acknowledging silences one condition until it ends or escalates; "pause audio"
silences the conditions sounding at that moment for ``pause_s``. Neither ever silences another
condition: one that starts, or rises in priority, sounds whatever was pressed before.

Alarm log (session events): ``alarm-preset-selected``, ``alarm-started``, ``alarm-priority-changed``,
``alarm-ended``, ``alarm-acknowledged``, ``alarm-audio-paused``, ``alarm-audio-pause-ended`` and
``alarm-limit-changed``, each with the condition, priority, limit in force and value, and the user
for actions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ketaconsole.core.alarm_presets import (
    AlarmLevel,
    AlarmPreset,
    LimitRule,
    LoadedPreset,
    check_thresholds,
    parse_preset,
    priority_of,
)
from ketaconsole.core.clock import Stamp
from ketaconsole.core.cuff import CUFF_PARAMETERS
from ketaconsole.core.dosing import format_number
from ketaconsole.core.manual_entry import display_unit
from ketaconsole.core.observations import (
    AbsentReason,
    AlarmPriority,
    DeviceAlarm,
    DeviceOutput,
    Observation,
    SensorState,
    WaveformChunk,
)
from ketaconsole.core.parameters import parameter as registry_parameter
from ketaconsole.core.session_events import EventSink, StoredEvent

ALARM_PRESET_SELECTED = "alarm-preset-selected"
ALARM_STARTED = "alarm-started"
ALARM_PRIORITY_CHANGED = "alarm-priority-changed"
ALARM_ENDED = "alarm-ended"
ALARM_ACKNOWLEDGED = "alarm-acknowledged"
ALARM_AUDIO_PAUSED = "alarm-audio-paused"
ALARM_AUDIO_PAUSE_ENDED = "alarm-audio-pause-ended"
ALARM_LIMIT_CHANGED = "alarm-limit-changed"
ALARM_EVENT_KINDS = frozenset({
    ALARM_PRESET_SELECTED, ALARM_STARTED, ALARM_PRIORITY_CHANGED, ALARM_ENDED, ALARM_ACKNOWLEDGED,
    ALARM_AUDIO_PAUSED, ALARM_AUDIO_PAUSE_ENDED, ALARM_LIMIT_CHANGED,
})

SEVERITY = {AlarmPriority.LOW: 0, AlarmPriority.MEDIUM: 1, AlarmPriority.HIGH: 2}
"""Order of the alarm priorities (``INFO`` is never an alarm)."""


class ConditionKind(Enum):
    PHYSIOLOGICAL = "physiological"
    TECHNICAL = "technical"


TECHNICAL = ConditionKind.TECHNICAL
_SENSOR = "sensor:"
_RESTARTED = "the console restarted; the condition is evaluated afresh"


class AudioState(Enum):
    """Whether a condition is heard: sounding, silenced by an audio pause, or acknowledged."""

    SOUNDING = "sounding"
    PAUSED = "paused"
    ACKNOWLEDGED = "acknowledged"


@dataclass(frozen=True, slots=True)
class Alarm:
    """One displayed alarm condition. ``active`` is False for an ended condition kept by latching.

    ``value`` and ``limit`` are in the parameter's registry unit (``unit`` is its display form);
    ``message`` says it in words, e.g. ``"86 % (below 88 %)"``.
    """

    key: str
    label: str
    kind: ConditionKind
    priority: AlarmPriority
    started: Stamp
    message: str
    active: bool
    audio: AudioState
    parameter: str | None = None
    value: float | None = None
    limit: float | None = None
    unit: str = ""
    acknowledged_by: str | None = None
    ended: Stamp | None = None


@dataclass(frozen=True, slots=True)
class AlarmPicture:
    """Every condition to show at ``at``, the most urgent first (priority, then the oldest)."""

    at: Stamp
    alarms: tuple[Alarm, ...]
    audio_paused_until: Stamp | None = None

    @property
    def highest(self) -> AlarmPriority | None:
        """The highest priority shown (silenced conditions still count: they are still there)."""
        return self.alarms[0].priority if self.alarms else None

    @property
    def sounding(self) -> AlarmPriority | None:
        """The highest priority that should be heard now, ``None`` for silence."""
        heard = [alarm.priority for alarm in self.alarms if alarm.audio is AudioState.SOUNDING]
        return max(heard, key=SEVERITY.__getitem__, default=None)

    @property
    def pause_remaining_s(self) -> float | None:
        if self.audio_paused_until is None:
            return None
        return max(0.0, self.audio_paused_until.seconds_since(self.at))

    def for_parameter(self, parameter: str) -> AlarmPriority | None:
        """The highest priority among the active conditions about ``parameter``."""
        priorities = [a.priority for a in self.alarms if a.parameter == parameter and a.active]
        return max(priorities, key=SEVERITY.__getitem__, default=None)


class AlarmActionError(ValueError):
    """An acknowledgement, pause or limit change that cannot be done; the message says why."""


@dataclass(slots=True)
class _Condition:
    key: str
    label: str
    kind: ConditionKind
    priority: AlarmPriority
    started: Stamp
    message: str
    parameter: str | None = None
    value: float | None = None
    limit: float | None = None
    unit: str = ""
    source: str | None = None
    latching: bool = False
    tier: int = -1
    active: bool = True
    ended: Stamp | None = None
    acknowledged_by: str | None = None


@dataclass(frozen=True, slots=True)
class _Reading:
    value: float
    at: Stamp
    source: str


@dataclass(slots=True)
class _Device:
    last_output: Stamp
    disconnected: tuple[str, Stamp] | None = None  # why, since when
    reports_sensors: bool = False
    sensor_conditions: dict[str, frozenset[str]] = field(default_factory=dict)
    sensor_since: dict[str, Stamp] = field(default_factory=dict)
    device_alarms: dict[str, DeviceAlarm] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Wanted:
    """A condition the inputs call for at this moment (before comparing with what is shown)."""

    label: str
    kind: ConditionKind
    priority: AlarmPriority
    started: Stamp
    message: str
    parameter: str | None = None
    value: float | None = None
    limit: float | None = None
    source: str | None = None
    latching: bool = False
    tier: int = -1
    """For a limit condition, the index of the tier met."""


class AlarmEngine:
    """The alarm conditions of one session under one preset."""

    def __init__(self, loaded: LoadedPreset, *, sink: EventSink,
                 thresholds: Mapping[str, Sequence[float]] | None = None) -> None:
        self.loaded = loaded
        self._sink = sink
        self._thresholds = {rule.id: [tier.threshold for tier in rule.tiers] for rule in self.preset.limit}
        self._thresholds.update({rule_id: list(values) for rule_id, values in (thresholds or {}).items()})
        self._readings: dict[str, _Reading] = {}
        self._absent: dict[tuple[str, str], Stamp] = {}  # (source, parameter) → sensor off since
        self._violations: dict[str, list[Stamp | None]] = {rule.id: [None] * len(rule.tiers)
                                                            for rule in self.preset.limit}
        self._last_judged: dict[str, tuple[str, Stamp]] = {}  # by rule: parameter and time last judged
        self._devices: dict[str, _Device] = {}
        self._audio_problem: tuple[str, Stamp] | None = None
        self._conditions: dict[str, _Condition] = {}
        self._pause_until: Stamp | None = None
        self._paused: dict[str, AlarmPriority] = {}

    @property
    def preset(self) -> AlarmPreset:
        return self.loaded.preset

    # Construction with a record ------------------------------------------------------------------

    @classmethod
    def select(cls, loaded: LoadedPreset, *, sink: EventSink, now: Stamp, user: str | None) -> AlarmEngine:
        """Put ``loaded`` in force for the session, recording it with its full content."""
        engine = cls(loaded, sink=sink)
        detail = {"preset_id": loaded.preset.id, "version": loaded.preset.version, "sha256": loaded.sha256,
                  "confirmed_by": loaded.preset.confirmed_by, "content": loaded.content}
        sink(ALARM_PRESET_SELECTED, now, detail, user)
        return engine

    @classmethod
    def resume(cls, events: Iterable[StoredEvent], *, sink: EventSink, now: Stamp) -> AlarmEngine | None:
        """The engine of a session recorded before: its stored preset and limit changes. Alarms the
        log shows as started and not ended are closed, since conditions are evaluated afresh.
        ``None`` when the session has no preset stored."""
        events = list(events)
        loaded = stored_preset(events)
        thresholds: dict[str, list[float]] = {}
        open_alarms: dict[str, Mapping[str, Any]] = {}
        for event in events:
            if event.kind == ALARM_PRESET_SELECTED:
                thresholds = {}
            elif event.kind == ALARM_LIMIT_CHANGED:
                thresholds[str(event.detail["rule"])] = [float(v) for v in event.detail["new"]]
            elif event.kind == ALARM_STARTED:
                open_alarms[str(event.detail["key"])] = event.detail
            elif event.kind == ALARM_ENDED:
                open_alarms.pop(str(event.detail["key"]), None)
        if loaded is None:
            return None
        for key, started in open_alarms.items():
            sink(ALARM_ENDED, now, {"key": key, "label": started.get("label", key),
                                    "priority": started.get("priority"), "reason": _RESTARTED}, None)
        return cls(loaded, sink=sink, thresholds=thresholds)

    # Inputs --------------------------------------------------------------------------------------

    def watch_device(self, source: str, now: Stamp) -> None:
        """Expect data from ``source`` from ``now`` on (its silence counts from here)."""
        self._devices.setdefault(source, _Device(last_output=now))

    def connection(self, source: str, *, connected: bool, detail: str, now: Stamp) -> None:
        """The link to ``source`` is up, or down with ``detail`` saying why."""
        device = self._devices.setdefault(source, _Device(last_output=now))
        if connected:
            device.disconnected = None
        elif device.disconnected is None:
            device.disconnected = (detail or "disconnected", now)
        self.tick(now)

    def set_audio_output(self, available: bool, reason: str, now: Stamp) -> None:
        """Whether alarms can be heard; without sound a technical condition says so."""
        if available:
            self._audio_problem = None
        elif self._audio_problem is None or self._audio_problem[0] != reason:
            self._audio_problem = (reason, now)
        self.tick(now)

    def observe(self, outputs: Iterable[DeviceOutput], now: Stamp) -> AlarmPicture:
        """Take a batch of device outputs (in received order), then evaluate at ``now``."""
        for output in outputs:
            received = output.start if isinstance(output, WaveformChunk) else output.received
            device = self._devices.setdefault(output.source, _Device(last_output=received))
            if received.monotonic_ns > device.last_output.monotonic_ns:
                device.last_output = received
            if isinstance(output, Observation):
                self._observe_value(output)
            elif isinstance(output, SensorState):
                device.reports_sensors = True
                if device.sensor_conditions.get(output.sensor) != output.conditions:
                    device.sensor_conditions[output.sensor] = output.conditions
                    device.sensor_since[output.sensor] = output.received
            elif isinstance(output, DeviceAlarm):
                if output.active:
                    device.device_alarms[output.code] = output
                else:
                    device.device_alarms.pop(output.code, None)
        return self.tick(now)

    def _observe_value(self, observation: Observation) -> None:
        key, source = observation.parameter, observation.source
        if observation.value is None:
            if observation.absent_reason is AbsentReason.SENSOR_OFF:
                self._absent.setdefault((source, key), observation.received)
            return
        self._absent.pop((source, key), None)
        self._readings[key] = _Reading(observation.value, observation.received, source)
        for rule in self.preset.limit:
            if key in rule.parameters and self._chosen_parameter(rule, observation.received) == key:
                self._update_violations(rule, key, observation.value, observation.received)

    def _chosen_parameter(self, rule: LimitRule, now: Stamp) -> str | None:
        """The first of the rule's parameters with a fresh value at ``now``."""
        for key in rule.parameters:
            reading = self._readings.get(key)
            if reading is not None and self._is_fresh(reading, now):
                return key
        return None

    def _is_fresh(self, reading: _Reading, now: Stamp) -> bool:
        return now.seconds_since(reading.at) <= self.preset.technical.stale_after_s

    def _update_violations(self, rule: LimitRule, key: str, value: float, at: Stamp) -> None:
        """Move the rule's violation clocks with a new value of its chosen parameter ``key``. They
        restart when the value comes from another parameter or after a stale gap, so an onset delay
        is always measured on one unbroken series of values."""
        since = self._violations[rule.id]
        previous = self._last_judged.get(rule.id)
        if previous is None or previous[0] != key or \
                at.seconds_since(previous[1]) > self.preset.technical.stale_after_s:
            since[:] = [None] * len(since)
        self._last_judged[rule.id] = (key, at)
        active = self._conditions.get(f"limit:{rule.id}")
        active_tier = active.tier if active is not None and active.active else -1
        for tier, threshold in enumerate(self._thresholds[rule.id]):
            limit = rule.relaxed(threshold) if tier <= active_tier else threshold
            if rule.is_beyond(value, limit):
                since[tier] = since[tier] or at
            else:
                since[tier] = None


    # Evaluation ----------------------------------------------------------------------------------

    def tick(self, now: Stamp) -> AlarmPicture:
        """Evaluate every condition at ``now`` (delays, staleness, pause expiry) and log changes."""
        if self._pause_until is not None and now.monotonic_ns >= self._pause_until.monotonic_ns:
            self._record(ALARM_AUDIO_PAUSE_ENDED, self._pause_until, {"keys": sorted(self._paused)}, None)
            self._pause_until = None
            self._paused = {}
        wanted = self._wanted(now)
        for key, condition in list(self._conditions.items()):
            if key not in wanted and condition.active:
                self._end(condition, now)
        for key, want in wanted.items():
            self._apply(key, want, now)
        return self.picture(now)

    def _wanted(self, now: Stamp) -> dict[str, _Wanted]:
        wanted: dict[str, _Wanted] = {}
        for rule in self.preset.limit:
            limit = self._limit_condition(rule, now)
            if limit is not None:
                wanted[f"limit:{rule.id}"] = limit
        silent_sources = set()
        technical = self.preset.technical
        for source, device in self._devices.items():
            if device.disconnected is not None:
                silent_sources.add(source)
                why, since = device.disconnected
                onset = since.shifted(technical.disconnected_after_s)
                if onset.monotonic_ns <= now.monotonic_ns:
                    wanted[f"link:{source}"] = _Wanted(
                        "Monitor disconnected", TECHNICAL, priority_of(technical.disconnected_priority),
                        onset, f"{source}: {why}", source=source)
            elif now.seconds_since(device.last_output) >= technical.no_data_after_s:
                silent_sources.add(source)
                wanted[f"no-data:{source}"] = _Wanted(
                    "No data from the monitor", TECHNICAL, priority_of(technical.no_data_priority),
                    device.last_output.shifted(technical.no_data_after_s),
                    f"{source}: nothing received since {_clock_time(device.last_output)}", source=source)
            wanted.update(self._sensor_conditions(source, device))
            if technical.device_alarms:
                wanted.update(self._device_alarm_conditions(source, device))
        wanted.update(self._absent_sensor_conditions())
        explained = silent_sources | {want.source for key, want in wanted.items() if key.startswith(_SENSOR)}
        wanted.update(self._no_value_conditions(now, explained))
        if self._audio_problem is not None:
            reason, since = self._audio_problem
            wanted["audio-output"] = _Wanted("No alarm sound", TECHNICAL,
                                             priority_of(technical.no_audio_priority), since,
                                             f"alarms are visual only: {reason}")
        return wanted

    def _limit_condition(self, rule: LimitRule, now: Stamp) -> _Wanted | None:
        chosen = self._chosen_parameter(rule, now)
        if chosen is None:
            return None
        reading = self._readings[chosen]
        thresholds = self._thresholds[rule.id]
        for tier in reversed(range(len(rule.tiers))):
            since = self._violations[rule.id][tier]
            if since is None:
                continue
            onset = since.shifted(rule.onset_delay_s)
            if onset.monotonic_ns <= now.monotonic_ns:
                threshold = thresholds[tier]
                unit = display_unit(registry_parameter(chosen).unit)
                message = f"{_number(reading.value)} {unit} ({rule.comparison()} {_number(threshold)} {unit})"
                priority = priority_of(rule.tiers[tier].priority)
                return _Wanted(rule.label, ConditionKind.PHYSIOLOGICAL, priority, onset, message, chosen,
                               reading.value, threshold, reading.source, rule.latching, tier)
        return None

    def _no_value_conditions(self, now: Stamp, explained: set[str | None]) -> dict[str, _Wanted]:
        """Watched parameters without a valid value for ``no_data_after_s``, unless their source's
        silence or a sensor condition already explains it (one cause, one alarm)."""
        technical = self.preset.technical
        watched = {key for rule in self.preset.limit for key in rule.parameters} - set(CUFF_PARAMETERS)
        wanted = {}
        for key in sorted(watched):
            reading = self._readings.get(key)
            if reading is None or reading.source in explained:
                continue
            if now.seconds_since(reading.at) >= technical.no_data_after_s:
                label = registry_parameter(key).label
                wanted[f"no-value:{key}"] = _Wanted(
                    f"{label}: no valid value", TECHNICAL, priority_of(technical.no_data_priority),
                    reading.at.shifted(technical.no_data_after_s),
                    f"last valid value {_clock_time(reading.at)}", parameter=key, source=reading.source)
        return wanted

    def _sensor_conditions(self, source: str, device: _Device) -> dict[str, _Wanted]:
        levels = self.preset.technical.sensor_conditions
        wanted = {}
        for sensor, conditions in device.sensor_conditions.items():
            for condition in sorted(conditions & levels.keys()):
                wanted[f"{_SENSOR}{source}:{sensor}:{condition}"] = self._sensor_wanted(
                    source, sensor, condition, levels[condition], device.sensor_since[sensor])
        return wanted

    def _absent_sensor_conditions(self) -> dict[str, _Wanted]:
        """Sensor off, told by the reason a value is missing, for monitors without sensor states."""
        level = self.preset.technical.sensor_conditions.get("sensor-off")
        watched = {key for rule in self.preset.limit for key in rule.parameters}
        wanted = {}
        for (source, key), since in self._absent.items():
            if level is None or key not in watched or self._devices[source].reports_sensors:
                continue
            wanted[f"{_SENSOR}{source}:{key}:sensor-off"] = self._sensor_wanted(
                source, key, "sensor-off", level, since)
        return wanted

    @staticmethod
    def _sensor_wanted(source: str, sensor: str, condition: str, level: AlarmLevel, since: Stamp) -> _Wanted:
        name = _sensor_name(sensor)
        return _Wanted(f"{name} {condition.replace('-', ' ')}", TECHNICAL, priority_of(level),
                       since, f"{source} reports {condition}", source=source)

    @staticmethod
    def _device_alarm_conditions(source: str, device: _Device) -> dict[str, _Wanted]:
        wanted = {}
        for code, alarm in device.device_alarms.items():
            if alarm.priority is AlarmPriority.INFO:
                continue
            kind = ConditionKind.TECHNICAL if alarm.technical else ConditionKind.PHYSIOLOGICAL
            wanted[f"device:{source}:{code}"] = _Wanted(
                f"Monitor: {alarm.message}", kind, alarm.priority, alarm.received, f"reported by {source}",
                source=source)
        return wanted

    def _apply(self, key: str, want: _Wanted, now: Stamp) -> None:
        condition = self._conditions.get(key)
        if condition is None or not condition.active:
            self._start(key, want)
            return
        if condition.priority is not want.priority:
            rose = SEVERITY[want.priority] > SEVERITY[condition.priority]
            self._record(ALARM_PRIORITY_CHANGED, want.started if rose else now,
                         {**self._describe(condition), "from": condition.priority.value,
                          "to": want.priority.value, "value": want.value, "limit": want.limit}, None)
            condition.priority = want.priority
            if rose:
                condition.acknowledged_by = None
        condition.message, condition.value, condition.limit = want.message, want.value, want.limit
        condition.parameter, condition.tier = want.parameter, want.tier

    def _start(self, key: str, want: _Wanted) -> None:
        unit = display_unit(registry_parameter(want.parameter).unit) if want.parameter else ""
        condition = _Condition(key, want.label, want.kind, want.priority, want.started, want.message,
                               want.parameter, want.value, want.limit, unit, want.source, want.latching,
                               want.tier)
        self._conditions[key] = condition
        self._paused.pop(key, None)
        self._record(ALARM_STARTED, want.started, {**self._describe(condition), "value": want.value,
                                                   "limit": want.limit, "message": want.message}, None)

    def _end(self, condition: _Condition, now: Stamp) -> None:
        self._record(ALARM_ENDED, now, {**self._describe(condition), "last_value": condition.value,
                                        "seconds": round(now.seconds_since(condition.started), 3)}, None)
        if condition.latching and condition.acknowledged_by is None:
            condition.active = False
            condition.ended = now
        else:
            del self._conditions[condition.key]
            self._paused.pop(condition.key, None)

    @staticmethod
    def _describe(condition: _Condition) -> dict[str, Any]:
        return {"key": condition.key, "label": condition.label, "kind": condition.kind.value,
                "priority": condition.priority.value, "parameter": condition.parameter,
                "unit": condition.unit, "source": condition.source}

    # Operator actions ----------------------------------------------------------------------------

    def acknowledge(self, key: str, *, user: str, now: Stamp) -> None:
        """Silence ``key`` until it ends or rises in priority; an ended latched condition is cleared."""
        _need_user(user)
        condition = self._conditions.get(key)
        if condition is None:
            raise AlarmActionError("That alarm is no longer shown")
        if condition.acknowledged_by is not None and condition.active:
            raise AlarmActionError(f"{condition.label} is already acknowledged by "
                                   f"{condition.acknowledged_by}")
        self._record(ALARM_ACKNOWLEDGED, now, {**self._describe(condition), "active": condition.active}, user)
        if condition.active:
            condition.acknowledged_by = user
        else:
            del self._conditions[key]
            self._paused.pop(key, None)

    def pause_audio(self, *, user: str, now: Stamp) -> None:
        """Silence the conditions sounding now for the preset's ``pause_s`` (a new one still sounds)."""
        _need_user(user)
        picture = self.tick(now)
        sounding = {a.key: a.priority for a in picture.alarms if a.audio is AudioState.SOUNDING}
        if not sounding:
            raise AlarmActionError("No alarm is sounding")
        self._paused.update(sounding)
        self._pause_until = now.shifted(self.preset.audio.pause_s)
        self._record(ALARM_AUDIO_PAUSED, now, {"keys": sorted(sounding), "seconds": self.preset.audio.pause_s,
                                               "until_utc": self._pause_until.utc.isoformat()}, user)

    def thresholds(self, rule_id: str) -> tuple[float, ...]:
        """The thresholds in force for ``rule_id``, one per tier."""
        return tuple(self._thresholds[rule_id])

    def set_thresholds(self, rule_id: str, thresholds: Sequence[float], *, user: str, reason: str,
                       now: Stamp) -> None:
        """Change a limit for this session (recorded with the old and new values and the reason)."""
        _need_user(user)
        rule = self.preset.rule(rule_id)
        new = [float(value) for value in thresholds]
        try:
            check_thresholds(rule, new)
        except ValueError as problem:
            raise AlarmActionError(str(problem)) from None
        old = self._thresholds[rule_id]
        if new == old:
            return
        if not reason.strip():
            raise AlarmActionError("Give a reason for changing the limit")
        self._record(ALARM_LIMIT_CHANGED, now, {"rule": rule_id, "label": rule.label, "old": old, "new": new,
                                                "reason": reason.strip()}, user)
        self._thresholds[rule_id] = new
        reading_key = self._chosen_parameter(rule, now)
        if reading_key is not None:
            reading = self._readings[reading_key]
            self._update_violations(rule, reading_key, reading.value, reading.at)
        self.tick(now)

    def end_all(self, now: Stamp, reason: str) -> None:
        """Close every active condition in the log (recording stops); the engine is done after this."""
        for condition in list(self._conditions.values()):
            if condition.active:
                self._record(ALARM_ENDED, now, {**self._describe(condition), "reason": reason}, None)
        self._conditions.clear()

    # Output --------------------------------------------------------------------------------------

    def picture(self, now: Stamp) -> AlarmPicture:
        alarms = [self._alarm(condition) for condition in self._conditions.values()]
        alarms.sort(key=lambda a: (-SEVERITY[a.priority], not a.active, a.started.monotonic_ns))
        return AlarmPicture(now, tuple(alarms), self._pause_until)

    def _alarm(self, condition: _Condition) -> Alarm:
        if condition.acknowledged_by is not None:
            audio = AudioState.ACKNOWLEDGED
        elif condition.key in self._paused and \
                SEVERITY[self._paused[condition.key]] >= SEVERITY[condition.priority]:
            audio = AudioState.PAUSED
        else:
            audio = AudioState.SOUNDING
        return Alarm(condition.key, condition.label, condition.kind, condition.priority, condition.started,
                     condition.message, condition.active, audio, condition.parameter, condition.value,
                     condition.limit, condition.unit, condition.acknowledged_by, condition.ended)

    def _record(self, kind: str, stamp: Stamp, detail: dict[str, Any], user: str | None) -> None:
        self._sink(kind, stamp, detail, user)


def stored_preset(events: Iterable[StoredEvent]) -> LoadedPreset | None:
    """The alarm preset last put in force in a session's stored ``events`` (recorded order), parsed
    from the copy stored with it; ``None`` when there is none.
    :class:`~ketaconsole.core.alarm_presets.PresetError` when the stored copy is not valid."""
    loaded = None
    for event in events:
        if event.kind == ALARM_PRESET_SELECTED:
            content = dict(event.detail["content"])
            loaded = LoadedPreset(parse_preset(content), content, str(event.detail["sha256"]),
                                  "the alarm preset stored with the session")
    return loaded


def _need_user(user: str) -> None:
    if not user.strip():
        raise AlarmActionError("The action needs the name of the person doing it")


def _number(value: float) -> str:
    return format_number(value, 1)


def _clock_time(stamp: Stamp) -> str:
    return f"{stamp.utc:%H:%M:%S} UTC"


def _sensor_name(sensor: str) -> str:
    try:
        return registry_parameter(sensor).label
    except KeyError:
        return sensor

