"""Configuration of the simulated patient, read from ``resources/simulator/*.toml``.

Every number here is a default for the clinic or trainer to confirm; the TOML file documents each
one with its unit. Loading validates the configuration against the parameter registry, so a
simulated patient can never drift outside the plausible range of a parameter.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from ketaconsole.core.parameters import parameter
from ketaconsole.paths import data_path

#: Simulated seconds between two updates of the slow state (drift, artefact onsets).
STATE_STEP_S = 1.0
#: Numerics on a random walk; each needs a ``[numeric.KEY]`` table in the configuration.
WALKED_NUMERICS = ("HR", "SPO2", "NIBP_SYS", "NIBP_DIA", "RR", "ETCO2", "FICO2", "TEMP", "PI")


@dataclass(frozen=True, slots=True)
class NumericDefaults:
    """Baseline and drift of one numeric, in the registry unit; drift is bounded by ``drift_limit``."""

    baseline: float
    resolution: float
    drift_limit: float
    drift_sd_per_sqrt_s: float
    drift_revert_s: float

    def __post_init__(self) -> None:
        if self.resolution <= 0 or self.drift_limit < 0 or self.drift_sd_per_sqrt_s < 0:
            raise ValueError("resolution must be positive, drift_limit and drift_sd_per_sqrt_s ≥ 0")
        if self.drift_revert_s <= 0:
            raise ValueError("drift_revert_s must be positive")

    @property
    def lowest(self) -> float:
        return self.baseline - self.drift_limit

    @property
    def highest(self) -> float:
        return self.baseline + self.drift_limit


@dataclass(frozen=True, slots=True)
class WaveComponent:
    """A Gaussian bump of a beat: centre ``offset_s`` after the R wave, standard deviation ``width_s``.

    With ``scales_with_rr`` the offset is multiplied by √(preceding R–R interval in seconds).
    """

    name: str
    offset_s: float
    amplitude: float
    width_s: float
    scales_with_rr: bool = False

    def __post_init__(self) -> None:
        if self.width_s <= 0:
            raise ValueError(f"component {self.name!r}: width_s must be positive")


@dataclass(frozen=True, slots=True)
class EcgConfig:
    """ECG in mV: ``components`` per beat plus white noise of ``noise_sd`` mV."""

    sample_rate_hz: float
    noise_sd: float
    components: tuple[WaveComponent, ...]


@dataclass(frozen=True, slots=True)
class PlethConfig:
    """Pleth (unit 1): ``components`` scaled by PI (%) × ``amplitude_per_pi_percent``, plus noise."""

    sample_rate_hz: float
    noise_sd: float
    amplitude_per_pi_percent: float
    components: tuple[WaveComponent, ...]


@dataclass(frozen=True, slots=True)
class Co2Config:
    """Capnogram in mmHg; ``expiration_fraction`` of each breath is expiration (0 < f < 1)."""

    sample_rate_hz: float
    noise_sd: float
    expiration_fraction: float
    rise_time_s: float
    fall_time_s: float
    plateau_upslope_fraction: float

    def __post_init__(self) -> None:
        if not 0 < self.expiration_fraction < 1:
            raise ValueError("expiration_fraction must lie strictly between 0 and 1")
        if self.rise_time_s <= 0 or self.fall_time_s <= 0:
            raise ValueError("rise_time_s and fall_time_s must be positive")
        if not 0 <= self.plateau_upslope_fraction < 1:
            raise ValueError("plateau_upslope_fraction must lie in [0, 1)")


@dataclass(frozen=True, slots=True)
class RespConfig:
    """Impedance respiration (unit 1): a sine of ``amplitude`` at the respiratory rate, plus noise."""

    sample_rate_hz: float
    noise_sd: float
    amplitude: float


@dataclass(frozen=True, slots=True)
class NibpConfig:
    """Cuff schedule in simulated seconds: first result at ``first_after_s``, then every ``cycle_s``."""

    first_after_s: float
    cycle_s: float

    def __post_init__(self) -> None:
        if self.first_after_s < 0 or self.cycle_s <= 0:
            raise ValueError("first_after_s must be ≥ 0 and cycle_s positive")


@dataclass(frozen=True, slots=True)
class ArtefactConfig:
    """Episodes starting with probability ``episodes_per_min`` per simulated minute, of random length."""

    episodes_per_min: float
    min_duration_s: float
    max_duration_s: float

    def __post_init__(self) -> None:
        if self.episodes_per_min < 0 or not 0 < self.min_duration_s <= self.max_duration_s:
            raise ValueError("need episodes_per_min ≥ 0 and 0 < min_duration_s ≤ max_duration_s")

    @property
    def probability_per_step(self) -> float:
        return min(1.0, self.episodes_per_min * STATE_STEP_S / 60.0)


@dataclass(frozen=True, slots=True)
class MotionArtefactConfig(ArtefactConfig):
    """Pleth motion: an oscillation of ``amplitude`` (pleth units) between the two frequencies (Hz)."""

    amplitude: float
    min_frequency_hz: float
    max_frequency_hz: float


@dataclass(frozen=True, slots=True)
class SimulatorConfig:
    """Everything the model needs; see ``resources/simulator/default.toml`` for meanings and units."""

    numerics: Mapping[str, NumericDefaults]
    nibp: NibpConfig
    ecg: EcgConfig
    pleth: PlethConfig
    co2: Co2Config
    resp: RespConfig
    sensor_off: ArtefactConfig
    pleth_motion: MotionArtefactConfig

    def __post_init__(self) -> None:
        missing = set(WALKED_NUMERICS) - set(self.numerics)
        unknown = set(self.numerics) - set(WALKED_NUMERICS)
        if missing or unknown:
            raise ValueError(f"numerics: missing {sorted(missing)}, unknown {sorted(unknown)}")
        for key, defaults in self.numerics.items():
            registered = parameter(key)
            if not (registered.is_plausible(defaults.lowest) and registered.is_plausible(defaults.highest)):
                raise ValueError(f"{key}: baseline ± drift_limit leaves the plausible range")
        for key in ("HR", "RR"):
            if self.numerics[key].lowest <= 0:
                raise ValueError(f"{key}: baseline − drift_limit must stay above 0")
        if self.numerics["NIBP_SYS"].lowest <= self.numerics["NIBP_DIA"].highest:
            raise ValueError("NIBP_SYS must stay above NIBP_DIA: their drift ranges overlap")
        for wave in (self.ecg, self.pleth, self.co2, self.resp):
            if wave.sample_rate_hz <= 0 or wave.noise_sd < 0:
                raise ValueError("sample_rate_hz must be positive and noise_sd ≥ 0")


def parse_simulator_config(text: str) -> SimulatorConfig:
    """Parse a configuration in the ``resources/simulator/default.toml`` format."""
    raw = tomllib.loads(text)
    try:
        waves = raw["wave"]
        artefacts = raw["artefact"]
        return SimulatorConfig(
            numerics=MappingProxyType(
                {key: NumericDefaults(**entry) for key, entry in raw["numeric"].items()}
            ),
            nibp=NibpConfig(**raw["nibp"]),
            ecg=EcgConfig(**_with_components(waves["ECG"])),
            pleth=PlethConfig(**_with_components(waves["PLETH"])),
            co2=Co2Config(**waves["CO2"]),
            resp=RespConfig(**waves["RESP"]),
            sensor_off=ArtefactConfig(**artefacts["sensor_off"]),
            pleth_motion=MotionArtefactConfig(**artefacts["pleth_motion"]),
        )
    except KeyError as error:
        raise ValueError(f"simulator configuration: missing table or key {error}") from None
    except TypeError as error:
        raise ValueError(f"simulator configuration: {error}") from None


def load_simulator_config(path: Path | None = None) -> SimulatorConfig:
    """Read a configuration file; ``None`` reads the shipped ``resources/simulator/default.toml``."""
    source = path if path is not None else data_path("resources", "simulator", "default.toml")
    return parse_simulator_config(source.read_text(encoding="utf-8"))


def _with_components(entry: Mapping[str, object]) -> dict[str, object]:
    components = entry["components"]
    if not isinstance(components, list):
        raise TypeError("components must be an array of tables")
    return {**entry, "components": tuple(WaveComponent(**component) for component in components)}
