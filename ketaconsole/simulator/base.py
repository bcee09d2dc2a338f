"""What the physiological model hands to protocol encoders, and the encoder interface.

The simulator engine advances the model in ticks on an injected clock. Each tick yields a
:class:`SimFrame`: the numerics the monitor would display at that moment and the waveform samples
generated since the previous tick. Each protocol's :class:`ProtocolEncoder` turns frames into the
bytes the real device would send, at the device's own cadence (a Masimo line once a second, an S/5
record when the host asked for one), and reacts to the bytes the host sends it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from ketaconsole.core.clock import Stamp
from ketaconsole.devices.base import SerialSettings


@dataclass(frozen=True, slots=True, eq=False)
class WaveSlice:
    """Samples of one waveform generated during one tick, in the registry unit of the wave."""

    sample_rate_hz: float
    samples: np.ndarray


@dataclass(frozen=True, slots=True, eq=False)
class SimFrame:
    """The simulated monitor's state at ``stamp``.

    ``numerics`` maps registry keys (``"HR"``, ``"SPO2"`` …) to the displayed value, or ``None`` when
    the monitor has no valid value (sensor off, not measured). ``nibp_measured_at`` is the stamp of the
    last completed cuff measurement (``None`` before the first). ``sensor_off`` lists sensors that are
    detached (``"SPO2"``, ``"ECG"``, ``"CO2"``). ``waves`` holds the samples generated since the
    previous frame.
    """

    stamp: Stamp
    numerics: Mapping[str, float | None]
    waves: Mapping[str, WaveSlice] = field(default_factory=dict)
    nibp_measured_at: Stamp | None = None
    sensor_off: frozenset[str] = frozenset()


class ProtocolEncoder(ABC):
    """Speaks one protocol as the device side. Not thread-safe; one per simulated device."""

    protocol: ClassVar[str]
    serial_settings: ClassVar[SerialSettings]

    def receive(self, data: bytes) -> None:  # noqa: B027 - optional hook, streaming devices ignore input
        """Handle bytes the host sent (requests). Any byte sequence is accepted without raising."""

    @abstractmethod
    def produce(self, frame: SimFrame) -> bytes:
        """Bytes the device sends at this tick (often empty: devices send at their own cadence)."""
