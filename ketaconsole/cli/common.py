"""Pieces every subcommand shares: argument types and stopping on SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


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
