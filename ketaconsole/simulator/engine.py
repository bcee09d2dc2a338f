"""The simulator's tick loop: host requests in, model advanced, device bytes out.

Each :meth:`SimulatorEngine.tick` reads what the host sent (without blocking) into the encoder, advances
the model to ``clock.now()`` and writes the encoder's bytes. :meth:`SimulatorEngine.run` ticks every
``tick_s`` real seconds, so the simulated time per real second is the clock's speed (one for the system
clock, ``speed`` for a :class:`~ketaconsole.core.clock.ScaledClock`). Bytes the transport cannot take
(nobody reads the port) are dropped and counted, as a real device keeps talking into the void.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ketaconsole.core.clock import Clock, Stamp
from ketaconsole.simulator.base import ProtocolEncoder, SimFrame
from ketaconsole.simulator.transport import SimTransport


class FrameSource(Protocol):
    """What the engine advances: :class:`~ketaconsole.simulator.model.PhysiologyModel` or a stand-in."""

    def advance(self, now: Stamp) -> SimFrame: ...


@dataclass(slots=True)
class EngineStats:
    """Counters of one engine; they only grow. Bytes are counted at the transport."""

    ticks: int = 0
    bytes_received: int = 0
    bytes_sent: int = 0
    bytes_dropped: int = 0


class SimulatorEngine:
    """Drives one simulated device. ``tick_s`` is the real time between ticks (seconds, > 0).

    ``on_frame``, when given, sees every frame before it is encoded (e.g. a :class:`TruthLog`).
    """

    def __init__(self, model: FrameSource, encoder: ProtocolEncoder, transport: SimTransport,
                 clock: Clock, tick_s: float = 0.02,
                 on_frame: Callable[[SimFrame], None] | None = None) -> None:
        if tick_s <= 0:
            raise ValueError("tick_s must be positive")
        self.model = model
        self.encoder = encoder
        self.transport = transport
        self.clock = clock
        self.tick_s = tick_s
        self.on_frame = on_frame
        self.stats = EngineStats()
        self.first_stamp: Stamp | None = None
        self.last_stamp: Stamp | None = None

    @property
    def simulated_s(self) -> float:
        """Simulated seconds from the first tick to the last (0 before two ticks)."""
        if self.first_stamp is None or self.last_stamp is None:
            return 0.0
        return self.last_stamp.seconds_since(self.first_stamp)

    def tick(self) -> SimFrame:
        """One step: pass host bytes to the encoder, advance the model, send what the encoder produced."""
        received = self.transport.read_available()
        if received:
            self.stats.bytes_received += len(received)
            self.encoder.receive(received)
        frame = self.model.advance(self.clock.now())
        if self.first_stamp is None:
            self.first_stamp = frame.stamp
        self.last_stamp = frame.stamp
        if self.on_frame is not None:
            self.on_frame(frame)
        output = self.encoder.produce(frame)
        if output:
            sent = self.transport.write(output)
            self.stats.bytes_sent += sent
            self.stats.bytes_dropped += len(output) - sent
        self.stats.ticks += 1
        return frame

    def run(self, duration_s: float | None, stop: threading.Event) -> None:
        """Tick until ``duration_s`` simulated seconds have passed since the first tick, or ``stop`` is set.

        ``None`` runs until ``stop``. Waits ``tick_s`` real seconds between ticks (on ``stop``, so setting
        it ends the run within one tick). Exceptions from the transport (a port that vanished) propagate.
        """
        while not stop.is_set():
            self.tick()
            if duration_s is not None and self.simulated_s >= duration_s:
                return
            stop.wait(self.tick_s)
