"""Pieces the subcommands share: argument types, stopping on SIGINT/SIGTERM, and starting the alarm
monitor beside a recorder (the window and the headless recorder do it the same way)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from ketaconsole.acquisition.alarm_monitor import AlarmMonitor
from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.acquisition.treatment import events_before_latest_resume
from ketaconsole.core.alarm_presets import LoadedPreset, load_preset_catalogue
from ketaconsole.storage.database import Database


def positive_float(text: str) -> float:
    """argparse type: a finite number > 0 (durations in seconds, speed factors)."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text!r}")
    return value


def non_negative_int(text: str) -> int:
    """argparse type: a whole number ≥ 0 (seeds)."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"must be a whole number ≥ 0, got {text!r}")
    return int(text)


@contextmanager
def stop_on_signals(stop: threading.Event, announce: Callable[[str], None] | None = None) -> Iterator[None]:
    """Set ``stop`` on SIGINT and SIGTERM while inside (telling ``announce`` which one came);
    the previous handlers are restored afterwards. Call from the main thread."""

    def handle(signum: int, frame: FrameType | None) -> None:
        if announce is not None:
            announce(f"{signal.Signals(signum).name} received, stopping")
        stop.set()

    previous = {signum: signal.signal(signum, handle) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def choose_alarm_preset(preset_id: str | None, *, command: str) -> LoadedPreset:
    """The alarm preset ``preset_id`` (a treatment profile's ``alarm_preset``), else the default one;
    refused preset files are reported on standard error. ``LookupError`` names what is missing."""
    catalogue = load_preset_catalogue()
    for problem in catalogue.problems:
        print(f"ketaconsole {command}: alarm preset refused: {problem}", file=sys.stderr)
    return catalogue.get(preset_id) if preset_id is not None else catalogue.default()


def start_alarm_monitor(database: Database, recorder: Recorder, session_id: str, preset: LoadedPreset, *,
                        user: str | None, resumed: bool) -> AlarmMonitor:
    """Start evaluating alarms on ``recorder`` (already started): a resumed session keeps the preset
    and limits stored before its latest resume, a new one records ``preset``. Stop it before the
    recorder."""
    stored = events_before_latest_resume(database.events(session_id, recorded_order=True)) if resumed else []
    monitor = AlarmMonitor.for_recorder(recorder, preset, user=user, stored_events=stored)
    monitor.start()
    return monitor
