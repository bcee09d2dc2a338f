"""Start ``ketaconsole sim`` on a pseudo-terminal as a child process and learn its port (Qt-free).

Used by ``ketaconsole gui --simulated`` and by tests. The child is this interpreter running
``-m ketaconsole sim --protocol P --pty``; its first standard-output line, ``PORT <path>``, names the
pseudo-terminal to open like a serial port. Its standard error goes to a temporary file that is
quoted when the simulator fails to start.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

STARTUP_TIMEOUT_S = 20.0
PORT_PREFIX = "PORT "


class SimulatorStartError(RuntimeError):
    """The simulator exited or stayed silent instead of printing ``PORT <path>``."""


class RunningSimulator:
    """A simulator child process serving ``port``; :meth:`stop` (or leaving ``with``) ends it."""

    def __init__(self, process: subprocess.Popen[bytes], port: str, stderr: IO[bytes]) -> None:
        self.process = process
        self.port = port
        self._stderr = stderr
        self.stderr_text = ""

    def stop(self, timeout: float = 5.0) -> int:
        """SIGTERM, wait up to ``timeout`` seconds, then SIGKILL; return the exit status.

        Afterwards :attr:`stderr_text` holds everything the simulator wrote to standard error.
        """
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        if not self._stderr.closed:
            self._stderr.seek(0)
            self.stderr_text = self._stderr.read().decode("utf-8", "replace")
            self._stderr.close()
        return self.process.returncode

    def __enter__(self) -> RunningSimulator:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()


def launch_simulator(
    protocol: str,
    *,
    seed: int | None = None,
    speed: float = 1.0,
    link: Path | None = None,
    scenario: str | None = None,
    extra_args: Sequence[str] = (),
    timeout_s: float = STARTUP_TIMEOUT_S,
) -> RunningSimulator:
    """Start a simulated ``protocol`` monitor on a new pseudo-terminal; return once its port is known.

    ``speed`` is simulated seconds per real second; ``link`` an optional symlink to the terminal;
    ``scenario`` a shipped scenario name or a scenario file for the patient to follow; ``extra_args``
    go to ``ketaconsole sim`` unchanged. Raises :class:`SimulatorStartError`, with the simulator's
    standard error, when ``PORT <path>`` does not arrive within ``timeout_s`` seconds.
    """
    command = [sys.executable, "-m", "ketaconsole", "sim", "--protocol", protocol, "--pty",
               "--speed", repr(speed)]
    if seed is not None:
        command += ["--seed", str(seed)]
    if link is not None:
        command += ["--link", str(link)]
    if scenario is not None:
        command += ["--scenario", scenario]
    command += list(extra_args)
    stderr = tempfile.TemporaryFile()  # noqa: SIM115 - owned and closed by RunningSimulator.stop()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr)
    simulator = RunningSimulator(process, port="", stderr=stderr)
    try:
        line = _read_first_line(process, timeout_s)
    except BaseException:
        simulator.stop()
        raise
    if line.startswith(PORT_PREFIX):
        simulator.port = line.removeprefix(PORT_PREFIX)
        return simulator
    if line:
        problem = f"printed {line!r} instead of 'PORT <path>'"
    elif process.poll() is not None:
        problem = "exited before printing its port"
    else:
        problem = f"printed no port within {timeout_s:g} s"
    simulator.stop()
    raise SimulatorStartError(
        f"the simulator ({' '.join(command)}) {problem}; exit status {simulator.process.returncode}; "
        f"its standard error:\n{simulator.stderr_text.strip() or '(empty)'}"
    )


def _read_first_line(process: subprocess.Popen[bytes], timeout_s: float) -> str:
    """The child's first stdout line without its newline; ``""`` when it closes stdout first or prints
    no full line within ``timeout_s`` seconds."""
    assert process.stdout is not None
    descriptor = process.stdout.fileno()
    deadline = time.monotonic() + timeout_s
    received = b""
    while b"\n" not in received:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return ""
        readable, _, _ = select.select([descriptor], [], [], remaining)
        if readable:
            chunk = os.read(descriptor, 4096)
            if not chunk:
                return ""
            received += chunk
    return received.split(b"\n", 1)[0].decode("utf-8", "replace").strip()
