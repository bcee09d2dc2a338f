"""Resident memory of the console over a whole 8-hour session, fed as fast as the machine allows.

A :class:`~ketaconsole.core.clock.ManualClock` drives the simulator's physiology model one simulated
second at a time at full monitor load (ECG 500 Hz, pleth 125 Hz, CO2 25 Hz, 11 numerics at 1 Hz).
Each second's numerics and waveform chunks go, as a recorder would send them, to a real
:class:`~ketaconsole.storage.writer.SessionWriter` on a fresh SQLite database and to the
:class:`~ketaconsole.gui.live_feed.LiveFeed` of the real, shown main window. The window's own
timers are stopped and its refreshes are driven by the simulated clock: the waveform strips (drain,
``setData``, paint) every simulated second, the tiles, trends and banner every ``--numbers-every``
simulated seconds. No serial line: the decoders are not what can leak over hours.

RSS (``psutil``) is sampled every simulated 30 minutes; the first sample, after 30 minutes, is the
start (warm-up: imports, first paints, SQLite cache, the numpy pools). The trend history grows with
the session by design (every numeric is kept for the trends), so its bytes are printed next to the
growth. The writer is never allowed a backlog of more than ``MAX_BACKLOG_ROWS`` rows, so queued rows
are not mistaken for a leak.

Run: ``.venv/bin/python benchmarks/bench_memory_soak.py [--hours 8] [--numbers-every 10]``
(offscreen unless ``QT_QPA_PLATFORM`` is set). Goal for the report, not asserted: growth ≤ 30 MB.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil
from _live import WINDOW_SIZE, machine
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import AbsentReason, DeviceOutput, Observation, WaveformChunk
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import MainWindow
from ketaconsole.gui.trend_view import PLOTS
from ketaconsole.simulator.base import SimFrame
from ketaconsole.simulator.config import load_simulator_config
from ketaconsole.simulator.model import FRAME_NUMERICS, PhysiologyModel
from ketaconsole.storage.database import Database
from ketaconsole.storage.writer import SessionWriter

SAMPLE_EVERY_S = 1800
GOAL_MB = 30.0
MAX_BACKLOG_ROWS = 20_000
SHOWN_WAVES = ("ECG", "PLETH", "CO2")
SOURCE = "bench-soak"
MB = 1024 * 1024


def outputs_of(frame: SimFrame) -> list[DeviceOutput]:
    """What a recorder would pass on for ``frame``: one observation per numeric, one chunk per wave."""
    outputs: list[DeviceOutput] = []
    for parameter, value in frame.numerics.items():
        if value is None:
            reason = AbsentReason.NOT_MEASURED if parameter.startswith("NIBP") else AbsentReason.SENSOR_OFF
            outputs.append(Observation.absent(parameter, reason, frame.stamp, SOURCE))
        else:
            outputs.append(Observation(parameter, value, frame.stamp, SOURCE))
    for wave in SHOWN_WAVES:
        piece = frame.waves[wave]
        if len(piece.samples):
            start = frame.stamp.shifted(-len(piece.samples) / piece.sample_rate_hz)
            outputs.append(WaveformChunk(wave, start, piece.sample_rate_hz, piece.samples, SOURCE))
    return outputs


def plotted_bytes(window: MainWindow) -> int:
    """Bytes of the x/y arrays the trend plot items hold: their own copies of the history."""
    total = 0
    for spec in PLOTS:
        for axis in (spec.left, spec.right):
            for parameter in axis.parameters if axis is not None else ():
                for item in window.ui.trend_view.plot_items(parameter):
                    total += sum(array.nbytes for array in (item.xData, item.yData) if array is not None)
    return total


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=8.0, help="simulated hours (default 8)")
    parser.add_argument("--numbers-every", type=int, default=10,
                        help="simulated seconds between redraws of tiles and trends (default 10)")
    arguments = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    session_s = round(arguments.hours * 3600)
    directory = tempfile.TemporaryDirectory(prefix="ketaconsole-soak-")
    database = Database(f"sqlite:///{directory.name}/soak.db")
    clock = ManualClock()
    session_id = database.start_session(protocol="bench", port="bench", started=clock.now(), patient_id=None)
    writer = SessionWriter(database, session_id, clock=clock)
    model = PhysiologyModel(load_simulator_config(), seed=1)
    feed = LiveFeed()
    settings = QSettings(str(Path(directory.name) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(feed, clock, settings=settings)
    window.frame_timer.stop()
    window.numbers_timer.stop()
    window.resize(*WINDOW_SIZE)
    window.show()
    process = psutil.Process()
    history = window.ui.trend_view.history
    rows: list[tuple[float, float, float, float, int, int, float, float]] = []
    frame_ms: list[float] = []
    numbers_ms: list[float] = []
    max_backlog = 0
    started = time.perf_counter()
    try:
        for second in range(1, session_s + 1):
            clock.advance(1.0)
            outputs = outputs_of(model.advance(clock.now()))
            writer.submit(outputs)
            feed.put_outputs(outputs)
            tick = time.perf_counter()
            window.refresh_frame()
            app.processEvents()
            frame_ms.append((time.perf_counter() - tick) * 1000)
            if second % arguments.numbers_every == 0:
                tick = time.perf_counter()
                window.refresh_numbers()
                app.processEvents()
                numbers_ms.append((time.perf_counter() - tick) * 1000)
            backlog = writer.health.pending_rows
            max_backlog = max(max_backlog, backlog)
            while backlog > MAX_BACKLOG_ROWS:
                time.sleep(0.05)
                backlog = writer.health.pending_rows
            if second % SAMPLE_EVERY_S == 0:
                rows.append((second / 3600, process.memory_info().rss / MB, history.nbytes / MB,
                             plotted_bytes(window) / MB, writer.health.pending_rows, len(gc.get_objects()),
                             statistics.median(frame_ms), statistics.median(numbers_ms or [0.0])))
                frame_ms.clear()
                numbers_ms.clear()
        elapsed = time.perf_counter() - started
    finally:
        writer.close()
        window.close()
        database_mb = sum(path.stat().st_size for path in Path(directory.name).glob("soak.db*")) / MB
        database.close()
        directory.cleanup()
    if len(rows) < 2:
        print("too short: need at least two 30-minute samples (--hours ≥ 1)", file=sys.stderr)
        return 1
    print(f"machine: {machine()}")
    print(f"load: ECG 500 Hz, pleth 125 Hz, CO2 25 Hz chunks and {len(FRAME_NUMERICS)} "
          f"numerics every simulated second, to SQLite and the window ({WINDOW_SIZE[0]}×{WINDOW_SIZE[1]}); "
          f"strips redrawn every simulated second, numbers every {arguments.numbers_every} s")
    print(f"{arguments.hours:g} simulated hours in {elapsed:.0f} s ({session_s / elapsed:.0f}× real time); "
          f"writer backlog at most {max_backlog} rows; database {database_mb:.0f} MB on disk")
    print(" sim h   RSS MB  history MB  plotted MB  writer backlog  Python objects  strips ms  numbers ms")
    for hours, rss, trend, plotted, backlog, objects, strips, numbers in rows:
        print(f"{hours:6.1f} {rss:8.1f} {trend:11.2f} {plotted:11.2f} {backlog:15d} {objects:15d} "
              f"{strips:10.2f} {numbers:11.2f}")
    start_rss, start_trend, start_plotted = rows[0][1:4]
    end_rss, end_trend, end_plotted = rows[-1][1:4]
    growth = end_rss - start_rss
    max_growth = max(row[1] for row in rows) - start_rss
    trend_growth = end_trend - start_trend
    plotted_growth = end_plotted - start_plotted
    print(f"RSS from {rows[0][0]:g} h to {rows[-1][0]:g} h: start {start_rss:.1f} MB, end {end_rss:.1f} MB, "
          f"growth {growth:+.1f} MB, max growth {max_growth:+.1f} MB (goal ≤ {GOAL_MB:.0f} MB: "
          f"{'met' if max_growth <= GOAL_MB else 'NOT met'})")
    print(f"of which trend history {trend_growth:+.1f} MB (TrendHistory arrays, spare capacity included), "
          f"the trend plots' copies of it {plotted_growth:+.1f} MB, the rest "
          f"{growth - trend_growth - plotted_growth:+.1f} MB")
    print(f"ratios: growth / goal {max_growth / GOAL_MB:.2f}; numbers redraw at the end / at the start "
          f"{rows[-1][7] / rows[0][7]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
