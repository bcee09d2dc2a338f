"""The wording and timing of the alarm bar (:mod:`ketaconsole.gui.alarm_bar`), Qt-free.

Priorities follow IEC 60601-1-8: ``***`` high (red, flashing at 2 Hz), ``**`` medium (yellow,
flashing at 0.6 Hz), ``*`` low (cyan, steady), all flashing at 50 % duty. Flashing is a function of
the monotonic clock (:func:`flash_on`), so it does not depend on when the screen is redrawn.

:func:`bar_text` turns an :class:`~ketaconsole.core.alarms.AlarmPicture` into every text the bar
shows: the headline of the most urgent condition and how long it has lasted, the audio pause
countdown and one :class:`RowText` per condition, in the picture's order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ketaconsole.core.alarms import Alarm, AlarmPicture, AudioState, ConditionKind
from ketaconsole.core.clock import Stamp
from ketaconsole.core.observations import AlarmPriority

PREFIX = {AlarmPriority.HIGH: "***", AlarmPriority.MEDIUM: "**", AlarmPriority.LOW: "*"}
PRIORITY_WORD = {AlarmPriority.HIGH: "HIGH", AlarmPriority.MEDIUM: "MEDIUM", AlarmPriority.LOW: "LOW"}
FLASH_PERIOD_NS = {AlarmPriority.HIGH: 500_000_000, AlarmPriority.MEDIUM: 1_666_666_667}
"""One on-and-off cycle: 2 Hz for high, 0.6 Hz for medium; low priority is steady."""
NO_PRIORITY = "none"
"""The ``alarm_priority`` style property when nothing alarms."""
NO_ALARMS = "No alarms"
TECHNICAL_TAG = "TECHNICAL"
ACKNOWLEDGE = "Acknowledge"
NOTHING_TO_ACKNOWLEDGE = "No alarm to acknowledge"


def priority_key(priority: AlarmPriority | None) -> str:
    """The value of the ``alarm_priority`` style property: ``high``, ``medium``, ``low`` or ``none``."""
    return NO_PRIORITY if priority is None else priority.value


def flash_on(priority: AlarmPriority | None, monotonic_ns: int) -> bool:
    """Whether a visual signal of ``priority`` is lit at ``monotonic_ns``: the first half of each
    period (50 % duty); low priority, and no alarm, are steady."""
    period = FLASH_PERIOD_NS.get(priority) if priority is not None else None
    if period is None:
        return True
    return monotonic_ns % period < period // 2


def duration_text(seconds: float) -> str:
    """Elapsed time, rounded down: ``"0:07"``, ``"12:05"``, ``"1:02:03"``."""
    return _clock_face(int(max(0.0, seconds)))


def countdown_text(seconds: float) -> str:
    """Time left, rounded up (a countdown reads ``0:00`` only when it is over): ``"1:43"``."""
    return _clock_face(math.ceil(max(0.0, seconds)))


def _clock_face(total: int) -> str:
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def local_time(stamp: Stamp) -> str:
    """The wall time of ``stamp`` on the console's clock, ``"09:41:02"``."""
    return f"{stamp.utc.astimezone():%H:%M:%S}"


def pause_button_text(pause_s: float) -> str:
    """``"Pause audio 2:00"``: what the button does, with the preset's pause length."""
    return f"Pause audio {countdown_text(pause_s)}"


def pause_text(picture: AlarmPicture) -> str:
    """``"Audio paused 1:43"`` while an audio pause runs, else ``""``."""
    remaining = picture.pause_remaining_s
    return "" if remaining is None else f"Audio paused {countdown_text(remaining)}"


def headline(alarm: Alarm) -> str:
    """``"*** SpO2 low  86 % (below 88 %)"``: the priority, the condition and its value or cause."""
    return f"{PREFIX[alarm.priority]} {alarm.label}  {alarm.message}".rstrip()


def audio_text(alarm: Alarm) -> str:
    """``"sounding"``, ``"audio paused"`` or ``"acknowledged by Ann"``."""
    if alarm.audio is AudioState.ACKNOWLEDGED:
        return f"acknowledged by {alarm.acknowledged_by}" if alarm.acknowledged_by else "acknowledged"
    return "audio paused" if alarm.audio is AudioState.PAUSED else "sounding"


def time_text(alarm: Alarm, now: Stamp) -> str:
    """``"since 09:41:02 (1:23)"`` for an active condition, ``"ended 09:43:10, acknowledge to clear"``
    for one kept by latching."""
    if not alarm.active:
        ended = local_time(alarm.ended) if alarm.ended is not None else "?"
        return f"ended {ended}, acknowledge to clear"
    return f"since {local_time(alarm.started)} ({duration_text(now.seconds_since(alarm.started))})"


def can_acknowledge(alarm: Alarm) -> bool:
    """An active condition until someone acknowledged it; an ended (latched) one to clear it."""
    return not alarm.active or alarm.audio is not AudioState.ACKNOWLEDGED


@dataclass(frozen=True, slots=True)
class RowText:
    """One line of the alarm list. ``priority`` is the style property value; ``audio`` the
    :class:`AudioState` value (``sounding``, ``paused``, ``acknowledged``)."""

    key: str
    priority: str
    marker: str
    technical: bool
    text: str
    time: str
    audio_text: str
    audio: str
    active: bool
    can_acknowledge: bool


def row_text(alarm: Alarm, now: Stamp) -> RowText:
    return RowText(
        key=alarm.key,
        priority=priority_key(alarm.priority),
        marker=f"{PREFIX[alarm.priority]} {PRIORITY_WORD[alarm.priority]}",
        technical=alarm.kind is ConditionKind.TECHNICAL,
        text=f"{alarm.label}  {alarm.message}".rstrip(),
        time=time_text(alarm, now),
        audio_text=audio_text(alarm),
        audio=alarm.audio.value,
        active=alarm.active,
        can_acknowledge=can_acknowledge(alarm),
    )


@dataclass(frozen=True, slots=True)
class BarText:
    """Everything the bar shows for one picture.

    ``priority`` is the highest shown (``none`` without alarms); ``headline`` and ``duration``
    describe the most urgent condition, ``top_key`` (``None`` without alarms) names it and
    ``can_acknowledge_top`` says whether it awaits an acknowledgement; ``pause`` is the countdown
    ("" when no pause runs); ``can_pause`` whether anything sounds."""

    priority: str
    headline: str
    duration: str
    pause: str
    can_pause: bool
    rows: tuple[RowText, ...]
    top_key: str | None
    can_acknowledge_top: bool


def list_button_text(count: int, open_: bool) -> str:
    """``"3 alarms ▾"`` (``▴`` while the list is open)."""
    return f"{count} alarm{'' if count == 1 else 's'} {'▴' if open_ else '▾'}"


def bar_text(picture: AlarmPicture) -> BarText:
    """The bar's texts for ``picture`` (see :class:`BarText`)."""
    alarms = picture.alarms
    now = picture.at
    rows = tuple(row_text(alarm, now) for alarm in alarms)
    if not alarms:
        return BarText(NO_PRIORITY, NO_ALARMS, "", pause_text(picture), False, rows, None, False)
    top = alarms[0]
    if top.active:
        duration = duration_text(now.seconds_since(top.started))
    else:
        duration = f"ended {local_time(top.ended)}" if top.ended is not None else "ended"
    return BarText(priority_key(top.priority), headline(top), duration, pause_text(picture),
                   picture.sounding is not None, rows, top.key, can_acknowledge(top))
