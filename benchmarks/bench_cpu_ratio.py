"""CPU used by the whole console at full live load, as a ratio to a bare pyqtgraph window drawing
the same three waveforms.

Two phases in one run, each measured over the same wall time after a warm-up:

1. **console**: the real pieces in this process (see ``_live.py``): the simulated S/5 on a thread
   writing to a pseudo-terminal, the recorder reading it into SQLite, the live feed, the main
   window with its 30 Hz refresh (strips), 1 Hz numbers (tiles, trends, banner);
2. **bare**: a window of three ``pg.PlotWidget`` the size of the console's strips, drawing ECG,
   pleth and CO2 as sweeps over the same windows at the same rates (300/100/25 Hz), fed from an
   in-process generator in chunks at the same cadence as the S/5 records, with the same 30 Hz
   refresh timer and the same drawing settings (pen width 1, no antialiasing, fixed ranges).

CPU is ``psutil.Process().cpu_times()`` (user + system, all threads) over each phase. The console's
figure is also given without the simulator engine's thread (on a real bed the monitor is another
box), with a per-thread breakdown.

Run: ``.venv/bin/python benchmarks/bench_cpu_ratio.py [--seconds 20] [--record-period 0.25]``
(offscreen unless ``QT_QPA_PLATFORM`` is set). Goal for the report, not asserted: ratio ≤ 1.5.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import psutil
import pyqtgraph as pg
from _live import LiveConsole, machine, thread_cpu_seconds
from PySide6.QtCore import QEventLoop, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from ketaconsole.gui.main_window import FRAME_INTERVAL_MS
from ketaconsole.gui.theme import strip_layouts
from ketaconsole.gui.waveform_strip import WaveformStrip

WARM_UP_S = 3.0
GOAL_RATIO = 1.5
#: Wave → sample rate the simulated S/5 streams (its native rates).
RATES_HZ = {"ECG": 300.0, "PLETH": 100.0, "CO2": 25.0}
ERASER_S = 0.15


@dataclass
class Phase:
    """CPU seconds (all threads) and strip paints over ``wall_s`` seconds."""

    wall_s: float
    cpu_s: float
    paints: int
    threads_s: dict[str, float]

    @property
    def cpu_percent(self) -> float:
        return 100 * self.cpu_s / self.wall_s


class PaintCounter:
    """Counts paints of one chosen strip (a class-level wrap of ``paintEvent``)."""

    def __init__(self, cls: type, target: QWidget) -> None:
        self.count = 0
        original = cls.paintEvent

        def paint_event(widget: QWidget, event: object) -> None:
            original(widget, event)
            if widget is target:
                self.count += 1

        cls.paintEvent = paint_event


def spin(seconds: float) -> None:
    """Run the event loop for ``seconds`` (timers, paints), without polling."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(loop.quit)
    timer.start(round(seconds * 1000))
    loop.exec()


def measure(seconds: float, paints: PaintCounter) -> Phase:
    process = psutil.Process()
    threads_before = thread_cpu_seconds()
    cpu_before = process.cpu_times()
    paints_before = paints.count
    started = time.perf_counter()
    spin(seconds)
    wall = time.perf_counter() - started
    cpu_after = process.cpu_times()
    threads_after = thread_cpu_seconds()
    cpu = (cpu_after.user + cpu_after.system) - (cpu_before.user + cpu_before.system)
    threads = {name: used - threads_before.get(name, 0.0) for name, used in threads_after.items()}
    return Phase(wall, cpu, paints.count - paints_before, threads)


class BareStrip(pg.PlotWidget):
    """A sweep like a monitor's, in plain pyqtgraph and numpy."""

    def __init__(self, rate_hz: float, window_s: float, y_range: tuple[float, float]) -> None:
        super().__init__()
        plot = self.getPlotItem()
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.disableAutoRange()
        plot.setXRange(0, window_s, padding=0)
        plot.setYRange(*y_range, padding=0)
        self.setBackground("#000000")
        self.curve = pg.PlotDataItem(connect="finite", antialias=False, pen=pg.mkPen("#00e676", width=1))
        plot.addItem(self.curve)
        size = round(window_s * rate_hz)
        self.rate_hz = rate_hz
        self.samples = np.full(size, np.nan, dtype=np.float32)
        self.x = np.arange(size) / rate_hz
        self.eraser = round(ERASER_S * rate_hz)
        self.written = 0
        self.drawn = 0

    def write(self, values: np.ndarray) -> None:
        size = len(self.samples)
        positions = (self.written + np.arange(len(values) + self.eraser)) % size
        self.samples[positions] = np.concatenate([values, np.full(self.eraser, np.nan, np.float32)])
        self.written += len(values)

    def refresh(self) -> None:
        if self.written != self.drawn:
            self.curve.setData(self.x, self.samples)
            self.drawn = self.written


class BareWindow(QWidget):
    """Three bare strips, a generator timer at the record period and a 30 Hz refresh timer."""

    def __init__(self, sizes: dict[str, QSize], record_period_s: float) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layouts = strip_layouts()
        self.strips = {wave: BareStrip(rate, layouts[wave].window_s, layouts[wave].y_range)
                       for wave, rate in RATES_HZ.items()}
        for wave, strip in self.strips.items():
            strip.setFixedSize(sizes[wave])
            layout.addWidget(strip)
        self._random = np.random.default_rng(3)
        self._generated_s = 0.0
        self._started = time.perf_counter()
        self.generator = QTimer(self)
        self.generator.setInterval(round(record_period_s * 1000))
        self.generator.timeout.connect(self.generate)
        self.refresher = QTimer(self)
        self.refresher.setTimerType(Qt.TimerType.PreciseTimer)
        self.refresher.setInterval(FRAME_INTERVAL_MS)
        self.refresher.timeout.connect(self.refresh)
        self.generator.start()
        self.refresher.start()

    def generate(self) -> None:
        """Samples due since the last call, a heartbeat-ish ECG, pleth and CO2 with noise."""
        now_s = time.perf_counter() - self._started
        for strip in self.strips.values():
            first = round(self._generated_s * strip.rate_hz)
            times = np.arange(first, round(now_s * strip.rate_hz)) / strip.rate_hz
            wave = np.sin(2 * np.pi * 1.2 * times) ** 15 + self._random.normal(0, 0.02, len(times))
            strip.write(wave.astype(np.float32))
        self._generated_s = now_s

    def refresh(self) -> None:
        for strip in self.strips.values():
            strip.refresh()


def describe(name: str, phase: Phase) -> str:
    return (f"{name:<8} CPU {phase.cpu_s:6.2f} s over {phase.wall_s:.1f} s = {phase.cpu_percent:5.1f} % "
            f"of one core; ECG strip {phase.paints / phase.wall_s:.1f} paints/s")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds per phase (default 20)")
    parser.add_argument("--record-period", type=float, default=0.25,
                        help="seconds between S/5 wave records and between bare chunks (default 0.25)")
    parser.add_argument("--profile", action="store_true",
                        help="also print where the GUI thread spends the console phase (cProfile)")
    arguments = parser.parse_args(argv)
    _app = QApplication.instance() or QApplication(sys.argv[:1])

    console = LiveConsole(record_period_s=arguments.record_period, stamp=False)
    strips = {"ECG": console.window.ui.ecg_strip, "PLETH": console.window.ui.pleth_strip,
              "CO2": console.window.ui.co2_strip}
    counter = PaintCounter(WaveformStrip, strips["ECG"])
    try:
        spin(WARM_UP_S)
        sizes = {wave: strip.size() for wave, strip in strips.items()}
        engine_before = console.engine_cpu_s
        profiler = cProfile.Profile() if arguments.profile else None
        if profiler is not None:
            profiler.enable()
        real = measure(arguments.seconds, counter)
        if profiler is not None:
            profiler.disable()
        engine_s = console.engine_cpu_s - engine_before
    finally:
        console.close()
    spin(0.5)

    bare_window = BareWindow(sizes, arguments.record_period)
    bare_window.show()
    bare_counter = PaintCounter(BareStrip, bare_window.strips["ECG"])
    spin(WARM_UP_S)
    bare = measure(arguments.seconds, bare_counter)
    bare_window.close()

    without_engine = real.cpu_s - engine_s
    bare_rate = bare.cpu_s / bare.wall_s
    ratio = (real.cpu_s / real.wall_s) / bare_rate
    ratio_without = (without_engine / real.wall_s) / bare_rate
    strip_sizes = ", ".join(f"{wave} {size.width()}×{size.height()}" for wave, size in sizes.items())
    print(f"machine: {machine()}")
    frame_ms = arguments.record_period * 1000
    print(f"load: ECG 300 Hz, pleth 100 Hz, CO2 25 Hz (S/5 native rates) in {frame_ms:.0f} ms frames; "
          f"refresh every {FRAME_INTERVAL_MS} ms; strips {strip_sizes}")
    print(describe("console", real) + f" (simulator engine thread {engine_s:.2f} s of it)")
    print(describe("bare", bare))
    print(f"ratio console / bare:                      {ratio:5.2f}  (goal ≤ {GOAL_RATIO}: "
          f"{'met' if ratio <= GOAL_RATIO else 'NOT met'})")
    print(f"ratio console without simulator / bare:    {ratio_without:5.2f}")
    print("console CPU by thread (s): " + ", ".join(
        f"{name} {used:.2f}" for name, used in sorted(real.threads_s.items(), key=lambda item: -item[1])
        if used >= 0.01))
    if profiler is not None:
        print("GUI thread during the console phase (cProfile, includes its own overhead):")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
