"""What the live benchmarks share: the machine line, and the real console wired to a simulated
S/5 monitor on a pseudo-terminal, all in this process.

Not a benchmark itself (nothing runs when it is executed). ``bench_live_latency.py`` and
``bench_cpu_ratio.py`` import it; it must be imported after ``QT_QPA_PLATFORM`` is set.

The pieces are the ones ``ketaconsole gui --simulated datex-s5`` runs, except that the simulator's
engine runs on a thread of this process instead of a child process (so one measurement sees both
ends of the serial line): a :class:`~ketaconsole.simulator.engine.SimulatorEngine` (physiology model
→ :class:`~ketaconsole.simulator.datex_s5_encoder.DatexS5Encoder` → :class:`PtyTransport`), a
:class:`~ketaconsole.acquisition.recorder.Recorder` on the pseudo-terminal's slave recording into a
fresh SQLite database, a :class:`~ketaconsole.gui.live_feed.LiveFeed` and the real
:class:`~ketaconsole.gui.main_window.MainWindow`.

The S/5 streams ECG at 300 Hz, pleth at 100 Hz and CO2 at 25 Hz (its native rates; the encoder
resamples the model's 500/125/25 Hz), one wave record every ``record_period_s`` (0.25 s by default,
the encoder's default), and the displayed numerics every 5 s (the driver's request interval).
"""

from __future__ import annotations

import os
import platform
import tempfile
import threading
import time
from bisect import bisect_left
from pathlib import Path

import pyqtgraph as pg
import PySide6
from PySide6.QtCore import QSettings

from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.core.clock import SystemClock
from ketaconsole.core.observations import WaveformChunk
from ketaconsole.devices.datex_s5 import DatexS5Driver
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import CloseChoice, MainWindow
from ketaconsole.simulator.config import load_simulator_config
from ketaconsole.simulator.datex_s5_encoder import DatexS5Encoder
from ketaconsole.simulator.engine import SimulatorEngine
from ketaconsole.simulator.model import PhysiologyModel
from ketaconsole.simulator.transport import PtyTransport, SimTransport
from ketaconsole.storage.database import Database

WINDOW_SIZE = (1280, 800)


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo (Linux), else what ``platform`` knows."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    """One line naming the machine and the software the figures came from."""
    return (f"{platform.platform()}, {cpu_model()} × {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
            f"pyqtgraph {pg.__version__}, QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}")


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile of ``values`` by the nearest-rank method (``values`` non-empty)."""
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


class StampingTransport(SimTransport):
    """A :class:`PtyTransport` that notes when each ECG sample was written to the line.

    With ``stamp`` it decodes what it wrote with its own S/5 driver and keeps, per write that
    carried ECG, the running count of ECG samples written so far and ``time.perf_counter()`` just
    after the write: the console's ECG ring counts the same samples in the same order, so its
    ``total_written`` names the write its newest sample came in. Without ``stamp`` it only passes
    bytes through (no decoding cost on the engine thread).
    """

    def __init__(self, *, stamp: bool) -> None:
        self.inner = PtyTransport()
        self._decoder = DatexS5Driver(SystemClock(), source="bench-stamps") if stamp else None
        self._ecg_written = 0
        self.ecg_totals: list[int] = []
        self.write_times: list[float] = []

    @property
    def host_path(self) -> Path:
        return self.inner.host_path

    def read_available(self) -> bytes:
        return self.inner.read_available()

    def write(self, data: bytes) -> int:
        sent = self.inner.write(data)
        written_at = time.perf_counter()
        if self._decoder is not None and sent:
            outputs = self._decoder.feed(data[:sent])
            ecg = sum(len(o.samples) for o in outputs if isinstance(o, WaveformChunk) and o.wave == "ECG")
            if ecg:
                self._ecg_written += ecg
                self.write_times.append(written_at)  # before the total: a reader that sees the
                self.ecg_totals.append(self._ecg_written)  # total always finds its time
        return sent

    def written_at(self, ecg_total: int) -> tuple[float, bool] | None:
        """When the write carrying the ``ecg_total``-th ECG sample went out, and whether that
        sample ended the write (it should: records are decoded whole); ``None`` when unknown."""
        count = len(self.ecg_totals)
        index = bisect_left(self.ecg_totals, ecg_total, 0, count)
        if index == count:
            return None
        return self.write_times[index], self.ecg_totals[index] == ecg_total

    def close(self) -> None:
        self.inner.close()


class LiveConsole:
    """The simulated S/5, the recorder with its SQLite database, the feed and the shown window.

    ``engine_cpu_s`` is the CPU time the engine thread has used so far (the simulated monitor,
    which on a real bed is a separate box).
    """

    def __init__(self, *, record_period_s: float, stamp: bool, seed: int = 1) -> None:
        self._directory = tempfile.TemporaryDirectory(prefix="ketaconsole-bench-")
        self.database = Database(f"sqlite:///{self._directory.name}/bench.db")
        self.clock = SystemClock()
        self.transport = StampingTransport(stamp=stamp)
        self.engine = SimulatorEngine(
            PhysiologyModel(load_simulator_config(), seed),
            DatexS5Encoder(wave_record_period_s=record_period_s),
            self.transport, self.clock,
        )  # ticks every 20 ms, as in ``ketaconsole sim``
        self.engine_cpu_s = 0.0
        self._stop = threading.Event()
        self._engine_thread = threading.Thread(target=self._run_engine, name="bench-simulator", daemon=True)
        self.recorder = Recorder(self.database, port=str(self.transport.host_path), protocol="datex-s5",
                                 clock=self.clock, patient_identifier="BENCH")
        self.feed = LiveFeed()
        self.feed.attach(self.recorder)
        settings = QSettings(str(Path(self._directory.name) / "settings.ini"), QSettings.Format.IniFormat)
        self._engine_thread.start()
        self.recorder.start()
        self.window = MainWindow(self.feed, self.clock, controls=self.recorder, operator="bench",
                                 settings=settings)
        self.window.resize(*WINDOW_SIZE)
        self.window.show()

    def _run_engine(self) -> None:
        while not self._stop.is_set():
            self.engine.tick()
            self.engine_cpu_s = time.thread_time()
            self._stop.wait(self.engine.tick_s)

    def close(self) -> None:
        """Close the window (ending the session), stop the recorder and the simulator, delete all."""
        self.window.close_choice = CloseChoice.END_SESSION
        self.window.close()
        self.recorder.stop(end_session=True)
        self._stop.set()
        self._engine_thread.join(2.0)
        self.transport.close()
        self.database.close()
        self.window.deleteLater()
        self._directory.cleanup()


def thread_cpu_seconds() -> dict[str, float]:
    """CPU seconds (user + system) of each live thread of this process, by thread name (Linux)."""
    import psutil

    names = {thread.native_id: thread.name for thread in threading.enumerate()}
    return {names.get(thread.id, f"native {thread.id}"): thread.user_time + thread.system_time
            for thread in psutil.Process().threads()}
