"""How long the trend view takes to redraw a full 8-hour session, against a 30-minute range.

Fills a :class:`~ketaconsole.gui.trend_view.TrendView` with 8 hours of every trend parameter at
1 Hz plus a few hundred events, then times, alternately, a zoom to the whole session (``show_all()``)
and a return to the followed 30-minute range (``follow()``), each followed by a synchronous repaint
(``app.processEvents(); widget.repaint()``). Prints the medians, their ratio and the machine.

Run: ``.venv/bin/python benchmarks/bench_trend_redraw.py [--runs N]`` (offscreen unless
``QT_QPA_PLATFORM`` is set). Target for the report, not asserted: full-range redraw ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pyqtgraph as pg
import PySide6
from PySide6.QtWidgets import QApplication

from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.observations import AbsentReason, Observation
from ketaconsole.gui.trend_view import DEFAULT_SPAN_S, PLOTS, TrendView

SESSION_S = 8 * 3600
EVENT_COUNT = 300
EVENT_KINDS = ("note", "manual-entry", "connection-lost", "data-gap", "device-alarm")
TARGET_FULL_MS = 50.0
BASELINES = {"HR": 75.0, "PR": 75.0, "SPO2": 97.0, "NIBP_SYS": 120.0, "NIBP_DIA": 75.0,
             "NIBP_MEAN": 90.0, "RR": 14.0, "ETCO2": 38.0, "TEMP": 36.8}


def fill(view: TrendView, clock: ManualClock) -> Stamp:
    """Feed ``SESSION_S`` seconds of every plotted parameter at 1 Hz and the events; return the end."""
    axes = [axis for spec in PLOTS for axis in (spec.left, spec.right) if axis is not None]
    parameters = [key for axis in axes for key in axis.parameters]
    random = np.random.default_rng(7)
    seconds = np.arange(SESSION_S)
    for parameter in parameters:
        baseline = BASELINES[parameter]
        noise = random.normal(0, 0.01 * baseline, SESSION_S)
        values = baseline + 0.1 * baseline * np.sin(seconds / 900) + noise
        values[random.random(SESSION_S) < 0.01] = np.nan
        start = clock.now()
        view.add_observations([_observation(parameter, value, start.shifted(float(second)))
                               for second, value in zip(seconds, values.tolist(), strict=True)])
    for number, second in enumerate(np.linspace(0, SESSION_S - 1, EVENT_COUNT)):
        kind = EVENT_KINDS[number % len(EVENT_KINDS)]
        view.add_event(clock.now().shifted(float(second)), kind, kind.replace("-", " "))
    clock.advance(SESSION_S)
    return clock.now()


def _observation(parameter: str, value: float, received: Stamp) -> Observation:
    if math.isnan(value):
        return Observation.absent(parameter, AbsentReason.SENSOR_OFF, received, "bench")
    return Observation(parameter, value, received, "bench")


def timed(app: QApplication, view: TrendView, action: Callable[[], None]) -> float:
    """Milliseconds for ``action`` plus a synchronous repaint."""
    started = time.perf_counter()
    action()
    app.processEvents()
    view.repaint()
    return (time.perf_counter() - started) * 1000


def machine() -> str:
    return (f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"PySide6 {PySide6.__version__}, pyqtgraph {pg.__version__}, "
            f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed zooms of each kind (default 15)")
    arguments = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    view = TrendView()
    view.resize(1280, 720)
    view.show()
    clock = ManualClock()
    fill_started = time.perf_counter()
    end = fill(view, clock)
    fill_s = time.perf_counter() - fill_started
    view.refresh(end)
    timed(app, view, view.show_all)
    timed(app, view, view.follow)
    full_ms, span_ms = [], []
    for _ in range(arguments.runs):
        full_ms.append(timed(app, view, view.show_all))
        span_ms.append(timed(app, view, view.follow))
    full, span = statistics.median(full_ms), statistics.median(span_ms)
    print(f"machine: {machine()}")
    print(f"data: {len(BASELINES)} parameters × {SESSION_S} s at 1 Hz, {EVENT_COUNT} events "
          f"(filled in {fill_s:.1f} s); widget 1280×720; {arguments.runs} runs each")
    print(f"full-range redraw (8 h):        median {full:7.1f} ms  (target ≤ {TARGET_FULL_MS:.0f} ms: "
          f"{'met' if full <= TARGET_FULL_MS else 'NOT met'})")
    print(f"30-minute redraw:               median {span:7.1f} ms  (span {DEFAULT_SPAN_S / 60:.0f} min)")
    print(f"ratio full / 30 min:            {full / span:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
