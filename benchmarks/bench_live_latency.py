"""End-to-end latency from a serial frame written by the simulated monitor to its ECG samples painted.

Runs the real pieces in this process (see ``_live.py``): the simulator's engine on its own thread
writing S/5 records to a pseudo-terminal, the recorder reading the other end into SQLite, the live
feed and the main window (30 Hz refresh). The transport notes ``perf_counter()`` after each write
and how many ECG samples had been written by then; a hook after the ECG strip's ``paintEvent``
takes the newest ECG sample the strip has drawn (its ring's count at the last ``setData``) and, the
first time a paint shows it, records ``now − time its frame was written``.

Prints p50/p95/max of that latency against the target p95 ≤ frame period + refresh period + 10 ms,
the latency as a ratio of the refresh period, paint and frame rates, and the machine.

Run: ``.venv/bin/python benchmarks/bench_live_latency.py [--seconds 20] [--record-period 0.25]``
(offscreen unless ``QT_QPA_PLATFORM`` is set). ``--record-period`` is the S/5 encoder's time between
wave records (the serial frame period); the S/5 default is 0.25 s.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _live import LiveConsole, machine, percentile
from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication

from ketaconsole.gui.main_window import FRAME_INTERVAL_MS
from ketaconsole.gui.waveform_strip import WaveformStrip

WARM_UP_S = 3.0
SLACK_MS = 10.0


class PaintProbe:
    """After each paint of ``strip``: the latency of the newest sample drawn, once per new sample."""

    def __init__(self, console: LiveConsole) -> None:
        self._console = console
        self._strip = console.window.ui.ecg_strip
        self._last_total = 0
        self.recording = False
        self.paints = 0
        self.latencies_ms: list[float] = []
        self.unmatched = 0
        self.mid_frame = 0
        original = WaveformStrip.paintEvent

        def paint_event(strip: WaveformStrip, event: object) -> None:
            original(strip, event)
            if strip is self._strip:
                self._painted()

        WaveformStrip.paintEvent = paint_event  # benchmark-only hook; the class is not used after

    def _painted(self) -> None:
        now = time.perf_counter()
        total = self._strip._drawn_total  # the ring's count when the curve last got its data
        if not self.recording:
            self._last_total = max(self._last_total, total)
            return
        self.paints += 1
        if total <= self._last_total:
            return
        self._last_total = total
        written = self._console.transport.written_at(total)
        if written is None:
            self.unmatched += 1
            return
        written_at, frame_end = written
        self.mid_frame += not frame_end
        self.latencies_ms.append((now - written_at) * 1000)


def run_for(app: QApplication, seconds: float) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < seconds * 1000:
        app.processEvents()
        time.sleep(0.001)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds (default 20)")
    parser.add_argument("--record-period", type=float, default=0.25,
                        help="seconds between S/5 wave records, the serial frame period (default 0.25)")
    arguments = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    console = LiveConsole(record_period_s=arguments.record_period, stamp=True)
    probe = PaintProbe(console)
    try:
        run_for(app, WARM_UP_S)
        writes_before = len(console.transport.write_times)
        probe.recording = True
        started = time.perf_counter()
        run_for(app, arguments.seconds)
        elapsed = time.perf_counter() - started
        probe.recording = False
        write_times = console.transport.write_times[writes_before:]
        ring = console.window.ui.ecg_strip.ring
        size = f"{console.window.width()}×{console.window.height()}"
    finally:
        console.close()
    latencies = probe.latencies_ms
    if not latencies:
        print("no ECG sample was painted: is the simulator streaming?", file=sys.stderr)
        return 1
    frame_ms = arguments.record_period * 1000
    bound = frame_ms + FRAME_INTERVAL_MS + SLACK_MS
    intervals = [(b - a) * 1000 for a, b in itertools.pairwise(write_times)]
    p50, p95, worst = percentile(latencies, 0.5), percentile(latencies, 0.95), max(latencies)
    print(f"machine: {machine()}")
    print(f"load: simulated GE S/5 over a pseudo-terminal, ECG {ring.sample_rate_hz if ring else '?':g} Hz, "
          f"pleth 100 Hz, CO2 25 Hz (S/5 native rates), numerics every 5 s; SQLite storage on; "
          f"window {size}, refresh every {FRAME_INTERVAL_MS} ms")
    print(f"measured {elapsed:.1f} s after {WARM_UP_S:.0f} s warm-up: {len(write_times)} ECG frames written "
          f"({len(write_times) / elapsed:.1f}/s, interval median {statistics.median(intervals):.1f} ms), "
          f"{probe.paints} ECG strip paints ({probe.paints / elapsed:.1f}/s), "
          f"{len(latencies)} new-sample paints measured, {probe.unmatched} unmatched, "
          f"{probe.mid_frame} ending mid-frame (both should be 0)")
    print(f"latency write → paint (ms): p50 {p50:.1f}  p95 {p95:.1f}  max {worst:.1f}")
    verdict = "met" if p95 <= bound else "NOT met"
    print(f"target p95 ≤ frame {frame_ms:.0f} + refresh {FRAME_INTERVAL_MS} + {SLACK_MS:.0f} "
          f"= {bound:.0f} ms: {verdict}")
    print(f"ratios: p95 / refresh period {p95 / FRAME_INTERVAL_MS:.2f}, p95 / bound {p95 / bound:.2f}, "
          f"max / bound {worst / bound:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
