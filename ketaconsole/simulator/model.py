"""The simulated patient: vital-sign numerics and the waveforms that agree with them.

:class:`PhysiologyModel` is advanced to a sequence of stamps and returns a :class:`SimFrame` for each.
Nothing here sleeps or reads a clock: time comes only from the stamps, so the model runs as fast as the
caller asks. The first stamp is the model's origin (simulated time 0).

Invariants:

* **Deterministic.** The same seed, configuration and sequence of stamps give identical frames. Each random
  stream (drift, artefacts, the noise of each wave) has its own generator, drawn in time order.
* **Tick-size independent.** The slow state (drift, artefact episodes) changes only on a fixed grid of
  :data:`STATE_STEP_S` simulated seconds, and every waveform sample ``k`` lies at ``k / sample_rate``
  seconds after the origin and is computed from that time alone. Beats and breaths are phase-continuous
  whatever the tick size; a frame carries the samples with times in ``[previous stamp, stamp)``.
* **No stale numbers.** While the SpO2 sensor is off, SPO2, PR and PI are ``None`` and the pleth is NaN.
* **Scripts add no randomness.** An optional :class:`~ketaconsole.simulator.scenario.Scenario` moves the
  baselines the drift wanders around (evaluated at each state step's start, so on the same grid), adds
  sensor-off episodes and cuff measurements at fixed times, and draws nothing from the random streams:
  what it does not script is identical to the run without it. Without a scenario the baselines are the
  configuration's.
* **Apnoea.** RR may be scripted down to 0. Near 0 its drift shrinks in proportion (value = baseline +
  deviation × baseline / drift_limit while the baseline is below the limit), so RR is never negative and
  is exactly 0 with a 0 baseline. A state step with RR 0 has no breaths: the breath phase stands still
  (RESP flat), and the breath under way when it starts ends its expiration there, so the capnogram
  falls to FICO2 and stays flat until breathing resumes.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction
from types import MappingProxyType

import numpy as np

from ketaconsole.core.clock import NS_PER_S, Stamp
from ketaconsole.simulator.base import SimFrame, WaveSlice
from ketaconsole.simulator.config import STATE_STEP_S, WALKED_NUMERICS, SimulatorConfig, WaveComponent
from ketaconsole.simulator.scenario import STOPPABLE_NUMERIC, BaselineCurve, Scenario

#: Numerics a frame reports (PR follows HR, NIBP_MEAN is derived from the cuff values).
FRAME_NUMERICS = (
    "HR", "SPO2", "PR", "NIBP_SYS", "NIBP_DIA", "NIBP_MEAN", "RR", "ETCO2", "FICO2", "TEMP", "PI",
)
#: Numerics that have no value while the SpO2 sensor is off.
OXIMETER_NUMERICS = frozenset({"SPO2", "PR", "PI"})
#: Waveforms a frame carries.
WAVES = ("ECG", "PLETH", "CO2", "RESP")
#: Beats of synthetic history before the origin, so the first samples already show a running rhythm.
_HISTORY_EVENTS = 3


class _EventTrack:
    """Event times (beats or breaths) of a process whose rate is constant within each state step.

    Its phase (in events) grows by ``rate / 60`` per second and an event occurs at each integer phase.
    Times are simulated seconds since the origin. Event 0 is at time 0 (when the first step's rate is
    above 0), preceded by synthetic history at ``initial_rate_per_min`` (> 0). A step with rate 0 is a
    *pause*: the phase stands still and no event occurs. Each event also keeps its nominal interval,
    60 / (the rate of its step) seconds.
    """

    def __init__(self, initial_rate_per_min: float) -> None:
        interval = 60.0 / initial_rate_per_min
        self._events: list[float] = [-n * interval for n in range(_HISTORY_EVENTS, 0, -1)]
        self._intervals: list[float] = [interval] * _HISTORY_EVENTS
        self._first_step = 0
        self._rates: list[float] = []
        self._step_phases: list[float] = [0.0]
        self._paused_since_last_event = False

    @property
    def covered_until_s(self) -> float:
        """Time up to which the rates are known."""
        return (self._first_step + len(self._rates)) * STATE_STEP_S

    @property
    def last_event_s(self) -> float:
        return self._events[-1]

    @property
    def paused_since_last_event(self) -> bool:
        """Whether a pause follows the last known event: the event under way has no known successor."""
        return self._paused_since_last_event

    def append_step(self, rate_per_min: float) -> None:
        """Add the rate (≥ 0) of the next state step and the events that fall into it."""
        start_s = self.covered_until_s
        start_phase = self._step_phases[-1]
        end_phase = start_phase + rate_per_min / 60.0 * STATE_STEP_S
        if rate_per_min == 0:
            self._paused_since_last_event = True
        else:
            seconds_per_event = 60.0 / rate_per_min
            event = math.ceil(start_phase)
            while event < end_phase:
                self._events.append(start_s + (event - start_phase) * seconds_per_event)
                self._intervals.append(seconds_per_event)
                self._paused_since_last_event = False
                event += 1
        self._rates.append(rate_per_min)
        self._step_phases.append(end_phase)

    def phase_at(self, times_s: np.ndarray) -> np.ndarray:
        """Cumulative phase (events) at each time; times must lie within the known steps."""
        steps = np.floor(times_s / STATE_STEP_S).astype(np.int64) - self._first_step
        rates = np.asarray(self._rates)[steps]
        phases = np.asarray(self._step_phases)[steps]
        return phases + rates / 60.0 * (times_s - (steps + self._first_step) * STATE_STEP_S)

    def events_around(self, times_s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The event times array and, per time, the index of the last event at or before it."""
        events = np.asarray(self._events)
        return events, np.searchsorted(events, times_s, side="right") - 1

    def nominal_intervals(self) -> np.ndarray:
        """Per event (same indices as :meth:`events_around`), its nominal interval in seconds."""
        return np.asarray(self._intervals)

    def pause_after(self, events_s: np.ndarray) -> np.ndarray:
        """Start time of the first known pause after the step of each event; ``inf`` when none is known.

        A pause between an event and its successor is known whenever the successor is, and whenever
        :attr:`paused_since_last_event` holds for the last event.
        """
        paused_steps = np.flatnonzero(np.asarray(self._rates) == 0) + self._first_step
        if len(paused_steps) == 0:
            return np.full(np.shape(events_s), np.inf)
        later_steps = np.floor(events_s / STATE_STEP_S).astype(np.int64) + 1
        found = np.searchsorted(paused_steps, later_steps)
        starts = paused_steps[np.minimum(found, len(paused_steps) - 1)] * STATE_STEP_S
        return np.where(found < len(paused_steps), starts, np.inf)

    def last_event_at_or_before(self, time_s: float) -> float:
        """The time of the last known event at or before ``time_s`` (``time_s`` itself when none is)."""
        index = bisect_right(self._events, time_s) - 1
        return self._events[index] if index >= 0 else time_s

    def discard_before(self, time_s: float) -> None:
        """Forget steps and events that ended before ``time_s``, keeping a few events of history."""
        obsolete_steps = int(time_s // STATE_STEP_S) - self._first_step - 1
        if obsolete_steps > 0:
            del self._rates[:obsolete_steps]
            del self._step_phases[:obsolete_steps]
            self._first_step += obsolete_steps
        obsolete_events = bisect_right(self._events, time_s) - _HISTORY_EVENTS
        if obsolete_events > 0:
            del self._events[:obsolete_events]
            del self._intervals[:obsolete_events]


@dataclass(frozen=True, slots=True)
class _Episode:
    """An artefact between ``start_s`` and ``end_s`` (simulated seconds); motion uses the waveform terms."""

    start_s: float
    end_s: float
    frequencies_hz: tuple[float, float] = (0.0, 0.0)
    phases_rad: tuple[float, float] = (0.0, 0.0)

    def covers(self, time_s: float) -> bool:
        return self.start_s <= time_s < self.end_s


@dataclass(slots=True)
class _WaveClock:
    """Sample grid of one wave: sample ``k`` at ``k / rate`` seconds; ``emitted`` samples are out."""

    rate: Fraction
    emitted: int = 0

    def due(self, elapsed_ns: int) -> int:
        """Number of samples with times strictly before ``elapsed_ns``."""
        return -((-elapsed_ns * self.rate.numerator) // (self.rate.denominator * NS_PER_S))


class PhysiologyModel:
    """A simulated adult patient, advanced by stamps, optionally following ``scenario``. Not thread-safe.

    Raises ``ValueError`` when ``scenario`` does not suit ``config`` (see ``Scenario.problems_with``).
    """

    def __init__(self, config: SimulatorConfig, seed: int, scenario: Scenario | None = None) -> None:
        if scenario is not None and (problems := scenario.problems_with(config)):
            raise ValueError(f"scenario {scenario.id!r}: {'; '.join(problems)}")
        self.config = config
        streams = np.random.SeedSequence(seed).spawn(2 + len(WAVES))
        self._drift_rng = np.random.default_rng(streams[0])
        self._artefact_rng = np.random.default_rng(streams[1])
        self._noise_rngs = {
            wave: np.random.default_rng(stream) for wave, stream in zip(WAVES, streams[2:], strict=True)
        }
        rates = {"ECG": config.ecg.sample_rate_hz, "PLETH": config.pleth.sample_rate_hz,
                 "CO2": config.co2.sample_rate_hz, "RESP": config.resp.sample_rate_hz}
        self._wave_clocks = {
            wave: _WaveClock(Fraction(rate).limit_denominator(1000)) for wave, rate in rates.items()
        }
        self._deviation = dict.fromkeys(WALKED_NUMERICS, 0.0)
        self._baselines = {
            key: scenario.baseline(key, defaults.baseline) if scenario else BaselineCurve(defaults.baseline)
            for key, defaults in config.numerics.items()
        }
        self._step_values: list[dict[str, float]] = []
        self._first_step = 0
        self._beats = _EventTrack(config.numerics["HR"].baseline)
        self._breaths = _EventTrack(config.numerics["RR"].baseline)
        self._sensor_off: list[_Episode] = []
        self._scripted_off = tuple(_Episode(start_s, end_s)
                                   for start_s, end_s in (scenario.sensor_off_episodes() if scenario else ()))
        self._motion: list[_Episode] = []
        slowest_rate = min(config.numerics["HR"].lowest, config.numerics["RR"].lowest)
        self._history_s = 10.0 + 3 * 60.0 / slowest_rate
        self._origin: Stamp | None = None
        self._last: Stamp | None = None
        self._nibp: dict[str, float] = {}
        self._nibp_measured_at: Stamp | None = None
        self._nibp_count = 0
        self._scripted_nibp_s = tuple(scenario.nibp_times() if scenario else ())
        self._scripted_nibp_count = 0

    def advance(self, now: Stamp) -> SimFrame:
        """Move the patient to ``now`` and return the frame; ``now`` must not precede the last stamp."""
        if self._origin is None:
            self._origin = now
        elif self._last is not None and now.monotonic_ns < self._last.monotonic_ns:
            raise ValueError("the model cannot go back in time")
        self._last = now
        elapsed_ns = now.monotonic_ns - self._origin.monotonic_ns
        elapsed_s = elapsed_ns / NS_PER_S
        self._extend_state(elapsed_s)
        self._measure_nibp(elapsed_s)
        waves = self._waves_until(elapsed_ns)
        self._discard_before(elapsed_s)
        detached = any(episode.covers(elapsed_s) for episode in (*self._sensor_off, *self._scripted_off))
        sensor_off = frozenset({"SPO2"}) if detached else frozenset()
        return SimFrame(
            stamp=now,
            numerics=MappingProxyType(self._numerics_at(elapsed_s, sensor_off)),
            waves=MappingProxyType(waves),
            nibp_measured_at=self._nibp_measured_at,
            sensor_off=sensor_off,
        )

    def _extend_state(self, elapsed_s: float) -> None:
        """Generate state steps until they cover ``elapsed_s`` and the next beat after it, and the next
        breath after it or a pause of breathing (apnoea) that comes first."""
        margin_s = 1.0
        while (
            self._beats.covered_until_s <= elapsed_s + margin_s
            or self._beats.last_event_s <= elapsed_s + margin_s
            or (self._breaths.last_event_s <= elapsed_s + margin_s
                and not self._breaths.paused_since_last_event)
        ):
            self._append_step()

    def _append_step(self) -> None:
        step_index = self._first_step + len(self._step_values)
        step_start_s = step_index * STATE_STEP_S
        values = {}
        steps = self._drift_rng.standard_normal(len(WALKED_NUMERICS))
        for key, normal in zip(WALKED_NUMERICS, steps, strict=True):
            defaults = self.config.numerics[key]
            deviation = self._deviation[key]
            deviation += -deviation * STATE_STEP_S / defaults.drift_revert_s
            deviation += defaults.drift_sd_per_sqrt_s * math.sqrt(STATE_STEP_S) * normal
            deviation = min(defaults.drift_limit, max(-defaults.drift_limit, deviation))
            self._deviation[key] = deviation
            baseline = self._baselines[key].at(step_start_s)
            if key == STOPPABLE_NUMERIC and baseline < defaults.drift_limit:
                values[key] = max(0.0, baseline + deviation * baseline / defaults.drift_limit)
            else:
                values[key] = baseline + deviation
        self._step_values.append(values)
        self._beats.append_step(values["HR"])
        self._breaths.append_step(values["RR"])
        self._draw_artefacts(step_start_s)

    def _draw_artefacts(self, step_start_s: float) -> None:
        u_off, length_off, u_motion, length_motion, f1, f2, p1, p2 = self._artefact_rng.random(8)
        off, motion = self.config.sensor_off, self.config.pleth_motion
        if u_off < off.probability_per_step and not self._in_episode(self._sensor_off, step_start_s):
            duration = off.min_duration_s + length_off * (off.max_duration_s - off.min_duration_s)
            self._sensor_off.append(_Episode(step_start_s, step_start_s + duration))
        if u_motion < motion.probability_per_step and not self._in_episode(self._motion, step_start_s):
            duration = motion.min_duration_s + length_motion * (motion.max_duration_s - motion.min_duration_s)
            span = motion.max_frequency_hz - motion.min_frequency_hz
            self._motion.append(_Episode(
                step_start_s, step_start_s + duration,
                frequencies_hz=(motion.min_frequency_hz + f1 * span, motion.min_frequency_hz + f2 * span),
                phases_rad=(2 * math.pi * p1, 2 * math.pi * p2),
            ))

    @staticmethod
    def _in_episode(episodes: list[_Episode], time_s: float) -> bool:
        return any(episode.covers(time_s) for episode in episodes)

    def _state_at(self, time_s: float) -> dict[str, float]:
        return self._step_values[int(time_s // STATE_STEP_S) - self._first_step]

    def _state_series(self, times_s: np.ndarray, key: str) -> np.ndarray:
        steps = np.floor(times_s / STATE_STEP_S).astype(np.int64) - self._first_step
        return np.asarray([values[key] for values in self._step_values])[steps]

    def _measure_nibp(self, elapsed_s: float) -> None:
        """Complete every cuff measurement (regular cycle or scripted) due at or before ``elapsed_s``."""
        nibp = self.config.nibp
        while True:
            regular_s = nibp.first_after_s + self._nibp_count * nibp.cycle_s
            scripted_s = (self._scripted_nibp_s[self._scripted_nibp_count]
                          if self._scripted_nibp_count < len(self._scripted_nibp_s) else math.inf)
            due_s = min(regular_s, scripted_s)
            if due_s > elapsed_s:
                return
            state = self._state_at(due_s)
            self._nibp = {"NIBP_SYS": state["NIBP_SYS"], "NIBP_DIA": state["NIBP_DIA"]}
            self._nibp_measured_at = self._stamp_at(due_s)
            if regular_s == due_s:
                self._nibp_count += 1
            if scripted_s == due_s:
                self._scripted_nibp_count += 1

    def _stamp_at(self, elapsed_s: float) -> Stamp:
        assert self._origin is not None
        offset_ns = round(elapsed_s * NS_PER_S)
        return Stamp(
            self._origin.utc + timedelta(microseconds=offset_ns / 1000),
            self._origin.monotonic_ns + offset_ns,
        )

    def _numerics_at(self, elapsed_s: float, sensor_off: frozenset[str]) -> dict[str, float | None]:
        state = self._state_at(elapsed_s)
        shown = {key: self._displayed(key, state[key]) for key in WALKED_NUMERICS}
        shown["PR"] = shown["HR"]
        if self._nibp:
            systolic, diastolic = self._nibp["NIBP_SYS"], self._nibp["NIBP_DIA"]
            shown["NIBP_SYS"] = self._displayed("NIBP_SYS", systolic)
            shown["NIBP_DIA"] = self._displayed("NIBP_DIA", diastolic)
            shown["NIBP_MEAN"] = self._displayed("NIBP_DIA", diastolic + (systolic - diastolic) / 3)
        numerics: dict[str, float | None] = {}
        for key in FRAME_NUMERICS:
            unmeasured = key.startswith("NIBP") and not self._nibp
            detached = "SPO2" in sensor_off and key in OXIMETER_NUMERICS
            numerics[key] = None if unmeasured or detached else shown[key]
        return numerics

    def _displayed(self, key: str, value: float) -> float:
        """``value`` rounded to the display resolution of ``key``."""
        resolution = self.config.numerics[key].resolution
        decimals = max(0, -math.floor(math.log10(resolution)) + 1)
        return float(round(round(value / resolution) * resolution, decimals))

    def _waves_until(self, elapsed_ns: int) -> dict[str, WaveSlice]:
        generators = {"ECG": self._ecg, "PLETH": self._pleth, "CO2": self._co2, "RESP": self._resp}
        slices = {}
        for wave, clock in self._wave_clocks.items():
            due = clock.due(elapsed_ns)
            times_s = np.arange(clock.emitted, due, dtype=np.float64) / float(clock.rate)
            clock.emitted = due
            samples = generators[wave](times_s)
            samples.flags.writeable = False
            slices[wave] = WaveSlice(float(clock.rate), samples)
        return slices

    def _noise(self, wave: str, count: int, sd: float) -> np.ndarray:
        return self._noise_rngs[wave].normal(0.0, sd, count) if sd > 0 else np.zeros(count)

    def _beat_shape(self, times_s: np.ndarray, components: tuple[WaveComponent, ...]) -> np.ndarray:
        """Sum of the components of the beats before, at and after each time."""
        events, last = self._beats.events_around(times_s)
        total = np.zeros_like(times_s)
        for shift in (-1, 0, 1):
            beat = last + shift
            r_wave = events[beat]
            preceding_rr_s = r_wave - events[beat - 1]
            for component in components:
                offset = component.offset_s * (np.sqrt(preceding_rr_s) if component.scales_with_rr else 1.0)
                distance = (times_s - r_wave - offset) / component.width_s
                total += component.amplitude * np.exp(-0.5 * distance * distance)
        return total

    def _ecg(self, times_s: np.ndarray) -> np.ndarray:
        ecg = self.config.ecg
        return self._beat_shape(times_s, ecg.components) + self._noise("ECG", len(times_s), ecg.noise_sd)

    def _pleth(self, times_s: np.ndarray) -> np.ndarray:
        pleth = self.config.pleth
        gain = self._state_series(times_s, "PI") * pleth.amplitude_per_pi_percent
        samples = gain * self._beat_shape(times_s, pleth.components)
        samples += self._noise("PLETH", len(times_s), pleth.noise_sd)
        samples += self._motion_at(times_s)
        for episode in (*self._sensor_off, *self._scripted_off):
            samples[(times_s >= episode.start_s) & (times_s < episode.end_s)] = np.nan
        return samples

    def _motion_at(self, times_s: np.ndarray) -> np.ndarray:
        motion = np.zeros_like(times_s)
        amplitude = self.config.pleth_motion.amplitude
        for episode in self._motion:
            inside = (times_s >= episode.start_s) & (times_s < episode.end_s)
            since = times_s[inside] - episode.start_s
            envelope = np.sin(np.pi * since / (episode.end_s - episode.start_s))
            (f1, f2), (p1, p2) = episode.frequencies_hz, episode.phases_rad
            oscillation = np.sin(2 * np.pi * f1 * since + p1) + 0.6 * np.sin(2 * np.pi * f2 * since + p2)
            motion[inside] += amplitude * envelope * oscillation
        return motion

    def _co2(self, times_s: np.ndarray) -> np.ndarray:
        """Capnogram: each breath rises to ETCO2 during expiration and falls to FICO2 afterwards.

        A breath followed by a pause of breathing (before its successor) lasts its nominal interval and
        its expiration ends at the pause at the latest, so the wave falls to FICO2 and stays there.
        """
        co2 = self.config.co2
        events, last = self._breaths.events_around(times_s)
        breath_start = events[last]
        following = np.append(events, np.inf)[last + 1]
        pause = self._breaths.pause_after(breath_start)
        interrupted = pause < following
        breath_s = np.where(interrupted, self._breaths.nominal_intervals()[last], following - breath_start)
        since = times_s - breath_start
        end_tidal = self._state_series(breath_start, "ETCO2")
        inspired = self._state_series(breath_start, "FICO2")
        expiration_s = co2.expiration_fraction * breath_s
        expired_s = np.minimum(expiration_s, pause - breath_start)

        def level(elapsed_s: np.ndarray) -> np.ndarray:
            rise = (1 - np.exp(-elapsed_s / co2.rise_time_s)) / (1 - np.exp(-expiration_s / co2.rise_time_s))
            return rise * (1 - co2.plateau_upslope_fraction * (1 - elapsed_s / expiration_s))

        fall = level(expired_s) * np.exp(-np.maximum(since - expired_s, 0.0) / co2.fall_time_s)
        fraction = np.where(since < expired_s, level(since), fall)
        samples = inspired + (end_tidal - inspired) * fraction
        samples += self._noise("CO2", len(times_s), co2.noise_sd)
        return np.maximum(samples, 0.0)

    def _resp(self, times_s: np.ndarray) -> np.ndarray:
        resp = self.config.resp
        phase = self._breaths.phase_at(times_s)
        return resp.amplitude * np.cos(2 * np.pi * phase) + self._noise("RESP", len(times_s), resp.noise_sd)

    def _discard_before(self, elapsed_s: float) -> None:
        """Forget state older than a few beats and breaths before ``elapsed_s``; it is never needed again."""
        keep_from_s = elapsed_s - self._history_s
        # During apnoea or very slow breathing the capnogram still needs the last breath's start and the
        # steps since then, however long ago that was.
        keep_from_s = min(keep_from_s, self._breaths.last_event_at_or_before(keep_from_s))
        obsolete_steps = int(keep_from_s // STATE_STEP_S) - self._first_step
        if obsolete_steps > 0:
            del self._step_values[:obsolete_steps]
            self._first_step += obsolete_steps
        self._beats.discard_before(keep_from_s)
        self._breaths.discard_before(keep_from_s)
        self._sensor_off = [episode for episode in self._sensor_off if episode.end_s > keep_from_s]
        self._motion = [episode for episode in self._motion if episode.end_s > keep_from_s]
