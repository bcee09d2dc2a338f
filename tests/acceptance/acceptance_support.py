"""Support for acceptance tests: ``ketaconsole`` commands as subprocesses, and the simulator's truth log."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass
class Command:
    """A running ``python -m ketaconsole ...`` with its first stdout line and time-stamped stderr lines."""

    process: subprocess.Popen[str]
    first_line: str
    stderr_lines: list[tuple[float, str]] = field(default_factory=list)

    def wait_for_stderr(self, text: str, timeout_s: float, after: float = 0.0) -> float:
        """Wait for a stderr line containing ``text`` after monotonic time ``after``; return its time."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for stamp, line in list(self.stderr_lines):
                if stamp >= after and text in line:
                    return stamp
            time.sleep(0.02)
        raise AssertionError(f"no stderr line with {text!r} within {timeout_s} s: {self.stderr_lines}")

    def signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def wait(self, timeout_s: float = 15) -> int:
        return self.process.wait(timeout_s)


def start_command(args: Sequence[str], cwd: Path) -> Command:
    process = subprocess.Popen(
        [sys.executable, "-m", "ketaconsole", *args],
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1,
    )
    command = Command(process, "")

    def collect_stderr() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            command.stderr_lines.append((time.monotonic(), line.rstrip("\n")))

    threading.Thread(target=collect_stderr, daemon=True).start()
    assert process.stdout is not None
    command.first_line = process.stdout.readline().strip()
    if not command.first_line:
        process.kill()
        raise AssertionError(f"{args[:3]} printed nothing; stderr: {command.stderr_lines}")
    return command


@dataclass(frozen=True)
class TruthState:
    """Numerics the simulated monitor displayed from ``since`` (UTC) until the next state."""

    since: datetime
    numerics: dict[str, float | None]


def read_truth(path: Path) -> list[TruthState]:
    states = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        states.append(TruthState(datetime.fromisoformat(entry["utc"]), entry["numerics"]))
    return states


def states_during_second(states: list[TruthState], second_start: datetime) -> list[TruthState]:
    """The states shown at any moment of the second that starts at ``second_start`` (aware UTC)."""
    second_end = second_start.timestamp() + 1.0
    shown = []
    for index, state in enumerate(states):
        until = states[index + 1].since.timestamp() if index + 1 < len(states) else float("inf")
        if state.since.timestamp() < second_end and until > second_start.timestamp():
            shown.append(state)
    return shown


def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'sessions.sqlite3'}"

