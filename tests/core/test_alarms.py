"""The alarm engine on a fake clock: limits, onset delays, hysteresis, latching, audio pause and
acknowledgement, technical conditions, limit changes and the alarm log."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import numpy as np
import pytest

from ketaconsole.core.alarm_presets import load_preset_catalogue
from ketaconsole.core.alarms import (
    ALARM_ACKNOWLEDGED,
    ALARM_AUDIO_PAUSE_ENDED,
    ALARM_AUDIO_PAUSED,
    ALARM_ENDED,
    ALARM_LIMIT_CHANGED,
    ALARM_PRESET_SELECTED,
    ALARM_PRIORITY_CHANGED,
    ALARM_STARTED,
    AlarmActionError,
    AlarmEngine,
    AlarmPicture,
    AudioState,
    ConditionKind,
)
from ketaconsole.core.clock import Stamp
from ketaconsole.core.observations import (
    AbsentReason,
    AlarmPriority,
    DeviceAlarm,
    Observation,
    SensorState,
    WaveformChunk,
)

HIGH, MEDIUM, LOW = AlarmPriority.HIGH, AlarmPriority.MEDIUM, AlarmPriority.LOW
ORIGIN = Stamp(datetime(2026, 11, 24, 9, 0, tzinfo=UTC), 5_000_000_000_000)
MONITOR = "datex-s5@/dev/pts/9"


def at(seconds: float) -> Stamp:
    return ORIGIN.shifted(seconds)


class Log:
    """Collects what the engine records, like the recorder's sink."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Stamp, dict[str, Any], str | None]] = []

    def __call__(self, kind: str, stamp: Stamp, detail: dict[str, Any], user: str | None) -> None:
        self.events.append((kind, stamp, detail, user))

    def kinds(self) -> list[str]:
        return [kind for kind, *_ in self.events]

    def of(self, kind: str, key: str | None = None) -> list[tuple[Stamp, dict[str, Any], str | None]]:
        return [(stamp, detail, user) for k, stamp, detail, user in self.events
                if k == kind and (key is None or detail.get("key") == key)]


@pytest.fixture
def log() -> Log:
    return Log()


@pytest.fixture
def engine(log: Log) -> AlarmEngine:
    loaded = load_preset_catalogue().get("ketamine-default")
    engine = AlarmEngine.select(loaded, sink=log, now=at(0), user="nurse.a")
    engine.watch_device(MONITOR, at(0))
    return engine


def value(parameter: str, number: float | None, seconds: float, source: str = MONITOR,
          reason: AbsentReason = AbsentReason.INVALID) -> Observation:
    if number is None:
        return Observation.absent(parameter, reason, at(seconds), source)
    return Observation(parameter, number, at(seconds), source)


def feed(engine: AlarmEngine, parameter: str, values: list[float | None], start: float = 0.0,
         every: float = 1.0, **others: float) -> AlarmPicture:
    """One observation of ``parameter`` per ``every`` seconds from ``start`` (plus steady ``others``
    each time, so the monitor is not silent), evaluated at each."""
    picture = engine.tick(at(start))
    for index, number in enumerate(values):
        t = start + index * every
        batch = [value(parameter, number, t)] + [value(key, v, t) for key, v in others.items()]
        picture = engine.observe(batch, at(t))
    return picture


def keys(picture: AlarmPicture) -> list[str]:
    return [alarm.key for alarm in picture.alarms]


def alarm(picture: AlarmPicture, key: str):
    return next(a for a in picture.alarms if a.key == key)


class TestLimits:
    def test_the_preset_choice_is_recorded_with_its_content(self, engine: AlarmEngine, log: Log) -> None:
        (stamp, detail, user), = log.of(ALARM_PRESET_SELECTED)
        assert detail["preset_id"] == "ketamine-default" and user == "nurse.a" and stamp == at(0)
        assert len(detail["sha256"]) == 64 and detail["content"]["limit"][0]["id"] == "spo2-low"

    def test_a_low_spo2_alarms_after_its_onset_delay_at_the_tier_priority(self, engine: AlarmEngine,
                                                                           log: Log) -> None:
        picture = feed(engine, "SPO2", [97, 91, 91, 91, 91, 91, 91, 91, 91, 91], start=0)
        assert keys(picture) == []  # 91 since 1 s, seen until 9 s: 8 s < 10 s onset delay
        picture = engine.observe([value("SPO2", 91, 11)], at(11))
        spo2 = alarm(picture, "limit:spo2-low")
        assert spo2.priority is MEDIUM and spo2.kind is ConditionKind.PHYSIOLOGICAL
        assert spo2.started == at(11) and spo2.value == 91 and spo2.limit == 92
        assert spo2.message == "91 % (below 92 %)" and spo2.audio is AudioState.SOUNDING
        (stamp, detail, _), = log.of(ALARM_STARTED, "limit:spo2-low")
        assert stamp == at(11) and detail["priority"] == "medium" and detail["value"] == 91
        assert detail["limit"] == 92 and detail["parameter"] == "SPO2"

    def test_the_onset_is_dated_when_the_delay_ran_out_not_when_it_was_noticed(
            self, engine: AlarmEngine, log: Log) -> None:
        engine.observe([value("SPO2", 90, 0)], at(0))
        engine.observe([value("SPO2", 90, 6)], at(6))
        picture = engine.tick(at(10.7))
        assert alarm(picture, "limit:spo2-low").started == at(10)

    def test_a_dip_shorter_than_the_onset_delay_raises_nothing(self, engine: AlarmEngine, log: Log) -> None:
        picture = feed(engine, "SPO2", [97] + [90] * 9 + [95] * 15)
        assert keys(picture) == [] and log.of(ALARM_STARTED) == []

    def test_the_most_severe_tier_met_wins_and_a_rise_is_logged(self, engine: AlarmEngine, log: Log) -> None:
        feed(engine, "SPO2", [90] * 12)
        picture = feed(engine, "SPO2", [86] * 12, start=12)
        spo2 = alarm(picture, "limit:spo2-low")
        assert spo2.priority is HIGH and spo2.limit == 88 and spo2.started == at(10)
        (stamp, detail, _), = log.of(ALARM_PRIORITY_CHANGED, "limit:spo2-low")
        assert (detail["from"], detail["to"], stamp) == ("medium", "high", at(22))

    def test_hysteresis_holds_an_alarm_until_the_value_is_clearly_back(self, engine: AlarmEngine,
                                                                       log: Log) -> None:
        feed(engine, "HR", [125] * 7)
        assert keys(engine.tick(at(6))) == ["limit:hr-high"]
        picture = feed(engine, "HR", [119, 120, 119], start=7)  # within 2 /min of the 120 limit
        assert keys(picture) == ["limit:hr-high"]
        picture = engine.observe([value("HR", 118, 10)], at(10))
        assert keys(picture) == [] and log.of(ALARM_ENDED, "limit:hr-high")[0][0] == at(10)

    def test_a_value_that_swings_around_the_limit_does_not_restart_the_alarm(self, engine: AlarmEngine,
                                                                             log: Log) -> None:
        feed(engine, "HR", [125] * 7 + [119, 125] * 10)
        assert len(log.of(ALARM_STARTED, "limit:hr-high")) == 1 and log.of(ALARM_ENDED) == []

    def test_latching_keeps_an_ended_alarm_shown_and_sounding_until_acknowledged(
            self, engine: AlarmEngine, log: Log) -> None:
        feed(engine, "SPO2", [90] * 12)
        picture = feed(engine, "SPO2", [97] * 3, start=12)
        spo2 = alarm(picture, "limit:spo2-low")
        assert not spo2.active and spo2.ended == at(12) and spo2.audio is AudioState.SOUNDING
        assert log.of(ALARM_ENDED, "limit:spo2-low")[0][0] == at(12)
        engine.acknowledge("limit:spo2-low", user="nurse.a", now=at(20))
        assert keys(engine.tick(at(21))) == []
        (_, detail, user), = log.of(ALARM_ACKNOWLEDGED)
        assert user == "nurse.a" and detail["active"] is False

    def test_a_non_latching_alarm_disappears_when_it_ends(self, engine: AlarmEngine) -> None:
        feed(engine, "HR", [125] * 7)
        assert keys(feed(engine, "HR", [80], start=7)) == []

    def test_hr_falls_back_to_the_oximeter_pulse_rate_when_there_is_no_ecg(self, engine: AlarmEngine) -> None:
        picture = feed(engine, "PR", [130] * 7)
        hr = alarm(picture, "limit:hr-high")
        assert hr.parameter == "PR" and hr.value == 130

    def test_a_stale_value_is_no_longer_judged(self, engine: AlarmEngine, log: Log) -> None:
        feed(engine, "HR", [125] * 7, SPO2=97)
        picture = feed(engine, "SPO2", [97] * 6, start=7)  # HR stops arriving at 6 s
        assert keys(picture) == ["limit:hr-high"]
        picture = engine.observe([value("SPO2", 97, 16.5)], at(16.5))
        assert keys(picture) == [] and log.of(ALARM_ENDED, "limit:hr-high")[0][0] == at(16.5)

    def test_the_onset_delay_restarts_after_a_gap_in_the_values(self, engine: AlarmEngine) -> None:
        feed(engine, "SPO2", [90] * 5)  # 0..4 s, then nothing until 30 s
        picture = feed(engine, "SPO2", [90] * 5, start=30, HR=70)
        assert "limit:spo2-low" not in keys(picture)

    def test_a_cuff_pressure_alarms_at_once(self, engine: AlarmEngine) -> None:
        picture = engine.observe([value("NIBP_SYS", 185, 3), value("NIBP_DIA", 104, 3)], at(3))
        assert keys(picture) == ["limit:sbp-high", "limit:dbp-high"]
        assert [a.priority for a in picture.alarms] == [HIGH, MEDIUM]

    def test_apnoea_is_high_priority_after_twenty_seconds_of_no_breath(self, engine: AlarmEngine) -> None:
        picture = feed(engine, "RR", [0] * 20)
        assert keys(picture) == ["limit:rr-low"]
        picture = engine.observe([value("RR", 0, 20)], at(20))
        assert keys(picture) == ["limit:apnoea", "limit:rr-low"]
        assert picture.highest is HIGH

    def test_the_tiles_know_which_parameters_alarm(self, engine: AlarmEngine) -> None:
        picture = feed(engine, "SPO2", [86] * 12, HR=70)
        assert picture.for_parameter("SPO2") is HIGH and picture.for_parameter("HR") is None


class TestAudio:
    def test_acknowledging_one_alarm_never_silences_another(self, engine: AlarmEngine) -> None:
        feed(engine, "HR", [125] * 7, SPO2=90)
        picture = feed(engine, "HR", [125] * 6, start=7, SPO2=90)
        assert {a.key for a in picture.alarms} == {"limit:hr-high", "limit:spo2-low"}
        engine.acknowledge("limit:hr-high", user="nurse.a", now=at(13))
        picture = engine.tick(at(13))
        assert alarm(picture, "limit:hr-high").audio is AudioState.ACKNOWLEDGED
        assert alarm(picture, "limit:spo2-low").audio is AudioState.SOUNDING
        assert picture.sounding is MEDIUM and picture.highest is MEDIUM

    def test_an_acknowledged_alarm_sounds_again_when_it_rises_in_priority(self, engine: AlarmEngine) -> None:
        feed(engine, "SPO2", [90] * 12)
        engine.acknowledge("limit:spo2-low", user="nurse.a", now=at(12))
        assert engine.tick(at(12)).sounding is None
        picture = feed(engine, "SPO2", [85] * 11, start=12)
        assert alarm(picture, "limit:spo2-low").audio is AudioState.SOUNDING and picture.sounding is HIGH

    def test_acknowledging_twice_or_an_unknown_alarm_is_refused(self, engine: AlarmEngine) -> None:
        feed(engine, "HR", [125] * 7)
        engine.acknowledge("limit:hr-high", user="nurse.a", now=at(7))
        with pytest.raises(AlarmActionError, match=r"already acknowledged by nurse\.a"):
            engine.acknowledge("limit:hr-high", user="nurse.b", now=at(8))
        with pytest.raises(AlarmActionError, match="no longer shown"):
            engine.acknowledge("limit:spo2-low", user="nurse.a", now=at(8))
        with pytest.raises(AlarmActionError, match="name"):
            engine.acknowledge("limit:hr-high", user=" ", now=at(8))

    def test_audio_pause_silences_what_sounds_and_expires(self, engine: AlarmEngine, log: Log) -> None:
        feed(engine, "HR", [125] * 7)
        engine.pause_audio(user="nurse.a", now=at(7))
        picture = engine.tick(at(8))
        assert alarm(picture, "limit:hr-high").audio is AudioState.PAUSED and picture.sounding is None
        assert picture.pause_remaining_s == pytest.approx(119)
        assert picture.highest is MEDIUM  # still shown: a pause is not a cure
        picture = feed(engine, "HR", [125] * 119, start=8)
        assert alarm(picture, "limit:hr-high").audio is AudioState.PAUSED  # at 126 s
        picture = engine.observe([value("HR", 125, 127)], at(127))
        assert alarm(picture, "limit:hr-high").audio is AudioState.SOUNDING
        assert picture.audio_paused_until is None
        (_, paused, user), = log.of(ALARM_AUDIO_PAUSED)
        assert paused["keys"] == ["limit:hr-high"] and paused["seconds"] == 120 and user == "nurse.a"
        (stamp, ended, _), = log.of(ALARM_AUDIO_PAUSE_ENDED)
        assert stamp == at(127) and ended["keys"] == ["limit:hr-high"]

    def test_a_new_condition_sounds_during_a_pause(self, engine: AlarmEngine) -> None:
        feed(engine, "HR", [125] * 7, SPO2=97)
        engine.pause_audio(user="nurse.a", now=at(7))
        picture = feed(engine, "HR", [125] * 12, start=7, SPO2=90)
        spo2 = alarm(picture, "limit:spo2-low")
        assert spo2.audio is AudioState.SOUNDING and picture.sounding is MEDIUM
        assert alarm(picture, "limit:hr-high").audio is AudioState.PAUSED

    def test_a_paused_condition_that_rises_in_priority_sounds(self, engine: AlarmEngine) -> None:
        feed(engine, "SPO2", [90] * 12)
        engine.pause_audio(user="nurse.a", now=at(12))
        picture = feed(engine, "SPO2", [85] * 11, start=12)
        assert picture.sounding is HIGH

    def test_a_condition_that_ends_and_returns_during_a_pause_sounds(self, engine: AlarmEngine) -> None:
        feed(engine, "HR", [125] * 7)
        engine.pause_audio(user="nurse.a", now=at(7))
        feed(engine, "HR", [80] * 3, start=7)
        picture = feed(engine, "HR", [125] * 6, start=10)
        assert alarm(picture, "limit:hr-high").audio is AudioState.SOUNDING

    def test_pausing_with_nothing_sounding_is_refused(self, engine: AlarmEngine) -> None:
        with pytest.raises(AlarmActionError, match="No alarm is sounding"):
            engine.pause_audio(user="nurse.a", now=at(1))

    def test_no_sound_output_is_itself_a_technical_alarm(self, engine: AlarmEngine) -> None:
        engine.set_audio_output(False, "no audio output device found", at(1))
        picture = engine.tick(at(2))
        sound = alarm(picture, "audio-output")
        assert sound.priority is LOW and sound.kind is ConditionKind.TECHNICAL
        assert "visual only: no audio output device found" in sound.message
        engine.set_audio_output(True, "", at(3))
        assert keys(engine.tick(at(3))) == []


class TestTechnical:
    def test_a_silent_monitor_alarms_after_the_configured_time(self, engine: AlarmEngine, log: Log) -> None:
        feed(engine, "HR", [70] * 5)
        assert keys(engine.tick(at(33.9))) == []
        picture = engine.tick(at(34))
        no_data = alarm(picture, f"no-data:{MONITOR}")
        assert no_data.priority is MEDIUM and no_data.started == at(34)
        assert no_data.kind is ConditionKind.TECHNICAL
        assert keys(picture) == [f"no-data:{MONITOR}"]  # its values going missing is the same cause
        picture = engine.observe([value("HR", 70, 40)], at(40))
        assert keys(picture) == [] and log.of(ALARM_ENDED, f"no-data:{MONITOR}")[0][0] == at(40)

    def test_waveforms_alone_keep_a_monitor_from_counting_as_silent(self, engine: AlarmEngine) -> None:
        for second in range(40):
            chunk = WaveformChunk("ECG", at(second), 500, np.zeros(500, dtype=np.float32), MONITOR)
            picture = engine.observe([chunk], at(second + 1))
        assert keys(picture) == []

    def test_a_port_that_opens_quickly_at_start_raises_nothing(self, engine: AlarmEngine, log: Log) -> None:
        engine.connection(MONITOR, connected=False, detail="not opened yet", now=at(0))
        engine.tick(at(0.5))
        engine.connection(MONITOR, connected=True, detail="open", now=at(0.6))
        feed(engine, "HR", [70] * 5, start=1)
        assert log.of(ALARM_STARTED) == []

    def test_a_monitor_that_never_sends_alarms_too(self, engine: AlarmEngine) -> None:
        assert keys(engine.tick(at(30))) == [f"no-data:{MONITOR}"]

    def test_a_disconnection_alarms_after_its_short_delay(self, engine: AlarmEngine) -> None:
        engine.connection(MONITOR, connected=False, detail="port vanished", now=at(5))
        assert keys(engine.tick(at(7.9))) == []
        picture = engine.tick(at(8.2))
        link = alarm(picture, f"link:{MONITOR}")
        assert link.started == at(8) and "port vanished" in link.message and link.priority is MEDIUM
        picture = engine.tick(at(60))
        assert keys(picture) == [f"link:{MONITOR}"]
        engine.connection(MONITOR, connected=True, detail="", now=at(61))
        engine.observe([value("HR", 70, 61)], at(61))
        assert keys(engine.tick(at(62))) == []

    def test_a_parameter_that_stops_having_values_alarms(self, engine: AlarmEngine) -> None:
        feed(engine, "SPO2", [97] * 3, HR=70)
        picture = feed(engine, "SPO2", [None] * 40, start=3, HR=70)
        no_value = alarm(picture, "no-value:SPO2")
        assert no_value.started == at(32) and no_value.parameter == "SPO2"
        assert no_value.label == "SpO2: no valid value"

    def test_cuff_pressures_are_not_expected_continuously(self, engine: AlarmEngine) -> None:
        engine.observe([value("NIBP_SYS", 120, 0)], at(0))
        picture = feed(engine, "HR", [70] * 60, start=1)
        assert keys(picture) == []

    def test_a_sensor_off_reason_raises_a_sensor_alarm_at_once(self, engine: AlarmEngine) -> None:
        feed(engine, "SPO2", [97] * 3, HR=70)
        picture = engine.observe([value("SPO2", None, 3, reason=AbsentReason.SENSOR_OFF)], at(3))
        sensor = alarm(picture, f"sensor:{MONITOR}:SPO2:sensor-off")
        assert sensor.label == "SpO2 sensor off" and sensor.priority is MEDIUM
        picture = feed(engine, "SPO2", [None] * 40, start=3, HR=70)
        assert keys(picture) == [f"sensor:{MONITOR}:SPO2:sensor-off"]  # no second alarm for one cause
        assert keys(engine.observe([value("SPO2", 97, 44)], at(44))) == []

    def test_sensor_states_from_status_bits(self, engine: AlarmEngine) -> None:
        oximeter = "masimo@/dev/pts/3"
        state = SensorState("SPO2", frozenset({"low-perfusion", "pulse-search"}), at(2), oximeter)
        picture = engine.observe([state], at(2))
        assert keys(picture) == [f"sensor:{oximeter}:SPO2:low-perfusion"]  # pulse-search is not listed
        assert picture.alarms[0].priority is LOW
        cleared = SensorState("SPO2", frozenset(), at(4), oximeter)
        assert keys(engine.observe([cleared], at(4))) == []

    def test_alarms_the_monitor_reports_are_passed_on(self, engine: AlarmEngine) -> None:
        battery = DeviceAlarm("LOW_BATTERY", "Oximeter battery low", LOW, True, True, at(1), MONITOR)
        sounding = DeviceAlarm("DEVICE_ALARMING", "Oximeter alarm sounding", AlarmPriority.INFO, False, True,
                               at(1), MONITOR)
        picture = engine.observe([battery, sounding], at(1))
        assert keys(picture) == [f"device:{MONITOR}:LOW_BATTERY"]
        assert picture.alarms[0].label == "Monitor: Oximeter battery low"
        off = DeviceAlarm("LOW_BATTERY", "Oximeter battery low", LOW, True, False, at(5), MONITOR)
        assert keys(engine.observe([off], at(5))) == []


class TestLimitChanges:
    def test_a_limit_change_is_recorded_and_takes_effect(self, engine: AlarmEngine, log: Log) -> None:
        feed(engine, "SPO2", [91] * 5)
        engine.set_thresholds("spo2-low", [90, 86], user="nurse.a", reason="COPD, usual SpO2 90-92",
                              now=at(5))
        assert engine.thresholds("spo2-low") == (90, 86)
        assert keys(feed(engine, "SPO2", [91] * 20, start=5)) == []
        (_, detail, user), = log.of(ALARM_LIMIT_CHANGED)
        assert detail["old"] == [92, 88] and detail["new"] == [90, 86] and user == "nurse.a"
        assert detail["reason"] == "COPD, usual SpO2 90-92"

    def test_an_active_alarm_still_met_by_a_new_limit_goes_on_without_restarting(
            self, engine: AlarmEngine, log: Log) -> None:
        feed(engine, "SPO2", [89] * 12)
        engine.set_thresholds("spo2-low", [91, 88], user="nurse.a", reason="review", now=at(12))
        feed(engine, "SPO2", [89] * 3, start=12)
        assert len(log.of(ALARM_STARTED, "limit:spo2-low")) == 1 and log.of(ALARM_ENDED) == []

    @pytest.mark.parametrize(("thresholds", "message"), [
        ([80, 78], "outside the range allowed at the bedside"),
        ([88, 90], "must be below the one before"),
        ([92], "expected 2 thresholds"),
    ])
    def test_impossible_limits_are_refused(self, engine: AlarmEngine, log: Log, thresholds: list[float],
                                           message: str) -> None:
        with pytest.raises(AlarmActionError, match=message):
            engine.set_thresholds("spo2-low", thresholds, user="nurse.a", reason="x", now=at(1))
        assert engine.thresholds("spo2-low") == (92, 88) and log.of(ALARM_LIMIT_CHANGED) == []

    def test_a_change_needs_a_reason(self, engine: AlarmEngine) -> None:
        with pytest.raises(AlarmActionError, match="reason"):
            engine.set_thresholds("spo2-low", [90, 86], user="nurse.a", reason=" ", now=at(1))


class TestRestart:
    def test_a_resumed_engine_keeps_the_stored_preset_and_limits_and_closes_open_alarms(
            self, engine: AlarmEngine, log: Log) -> None:
        engine.set_thresholds("hr-high", [110, 150], user="nurse.a", reason="anxious patient", now=at(1))
        feed(engine, "HR", [125] * 7, start=1)
        stored = [_Stored(kind, stamp, detail, user) for kind, stamp, detail, user in log.events]
        later = Log()
        resumed = AlarmEngine.resume(stored, sink=later, now=at(100))
        assert resumed is not None and resumed.thresholds("hr-high") == (110, 150)
        (stamp, detail, _), = later.of(ALARM_ENDED)
        assert detail["key"] == "limit:hr-high" and stamp == at(100) and "restarted" in detail["reason"]

    def test_a_session_without_a_stored_preset_has_nothing_to_resume(self) -> None:
        assert AlarmEngine.resume([], sink=Log(), now=at(0)) is None

    def test_stopping_closes_every_active_alarm_in_the_log(self, engine: AlarmEngine, log: Log) -> None:
        feed(engine, "HR", [125] * 7)
        engine.end_all(at(8), "recording stopped")
        (stamp, detail, _), = log.of(ALARM_ENDED)
        assert stamp == at(8) and detail["reason"] == "recording stopped"


class _Stored:
    def __init__(self, kind: str, stamp: Stamp, detail: dict[str, Any], user: str | None) -> None:
        self.kind, self.stamp, self.detail, self.user = kind, stamp, detail, user
