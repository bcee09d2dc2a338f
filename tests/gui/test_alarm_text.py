"""The alarm bar's wording and flash timing, without Qt."""

from __future__ import annotations

from datetime import UTC, datetime

from ketaconsole.core.alarms import Alarm, AlarmPicture, AudioState, ConditionKind
from ketaconsole.core.clock import Stamp
from ketaconsole.core.observations import AlarmPriority
from ketaconsole.gui.alarm_text import (
    bar_text,
    countdown_text,
    duration_text,
    flash_on,
    list_button_text,
    pause_button_text,
)

HIGH, MEDIUM, LOW = AlarmPriority.HIGH, AlarmPriority.MEDIUM, AlarmPriority.LOW
ORIGIN = Stamp(datetime(2026, 11, 24, 9, 0, tzinfo=UTC), 1_000_000_000_000)


def alarm(key: str, priority: AlarmPriority, *, audio: AudioState = AudioState.SOUNDING, active: bool = True,
          kind: ConditionKind = ConditionKind.PHYSIOLOGICAL, by: str | None = None) -> Alarm:
    return Alarm(key, "SpO2 low", kind, priority, ORIGIN, "86 % (below 88 %)", active, audio,
                 acknowledged_by=by, ended=None if active else ORIGIN.shifted(30))


def test_clock_faces_round_elapsed_time_down_and_countdowns_up() -> None:
    assert duration_text(83.9) == "1:23" and duration_text(3723) == "1:02:03"
    assert countdown_text(102.2) == "1:43" and countdown_text(0) == "0:00"
    assert pause_button_text(120) == "Pause audio 2:00"
    assert list_button_text(1, False) == "1 alarm ▾" and list_button_text(3, True) == "3 alarms ▴"


def test_flashing_is_half_on_at_the_priority_rate_and_low_is_steady() -> None:
    def lit(priority: AlarmPriority, period_s: float) -> list[bool]:
        return [flash_on(priority, ORIGIN.monotonic_ns + round(t * period_s / 20 * 1e9)) for t in range(20)]

    assert lit(HIGH, 0.5) == [True] * 10 + [False] * 10
    assert lit(MEDIUM, 1 / 0.6).count(True) == 10
    assert all(lit(LOW, 1.0)) and flash_on(None, 12345)


def test_the_bar_names_the_most_urgent_condition_and_every_row() -> None:
    picture = AlarmPicture(ORIGIN.shifted(83), (
        alarm("limit:spo2-low", HIGH),
        alarm("limit:hr-high", MEDIUM, audio=AudioState.ACKNOWLEDGED, by="Ann"),
        alarm("audio-output", LOW, kind=ConditionKind.TECHNICAL, audio=AudioState.PAUSED),
    ), audio_paused_until=ORIGIN.shifted(186))
    text = bar_text(picture)
    assert (text.priority, text.duration) == ("high", "1:23")
    assert text.headline == "*** SpO2 low  86 % (below 88 %)"
    assert text.pause == "Audio paused 1:43" and text.can_pause and text.top_key == "limit:spo2-low"
    spo2, hr, sound = text.rows
    assert spo2.marker == "*** HIGH" and not spo2.technical and spo2.audio_text == "sounding"
    assert spo2.time.startswith("since ") and spo2.time.endswith("(1:23)")
    assert hr.audio_text == "acknowledged by Ann" and not hr.can_acknowledge
    assert sound.technical and sound.audio_text == "audio paused" and sound.marker == "* LOW"


def test_an_ended_latched_condition_asks_to_be_acknowledged() -> None:
    text = bar_text(AlarmPicture(ORIGIN.shifted(40), (alarm("limit:spo2-low", HIGH, active=False),)))
    (row,) = text.rows
    assert row.time.startswith("ended ") and row.time.endswith(", acknowledge to clear")
    assert row.can_acknowledge and text.duration.startswith("ended ") and text.can_acknowledge_top


def test_without_alarms_the_bar_says_so_and_offers_nothing() -> None:
    text = bar_text(AlarmPicture(ORIGIN, ()))
    assert (text.priority, text.headline, text.rows, text.top_key, text.can_pause) == (
        "none", "No alarms", (), None, False)
