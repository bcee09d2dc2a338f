"""``ketaconsole sim`` as a real subprocess, read through pyserial like the console reads a monitor."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import serial

from ketaconsole.core.clock import SystemClock
from ketaconsole.core.observations import Observation
from ketaconsole.devices.datex_s5 import DatexS5Driver
from ketaconsole.devices.masimo import MasimoAscii1Driver

pytestmark = pytest.mark.slow

PORT_LINE = re.compile(r"PORT (/\S+)\n")
#: Upper bound on waiting for the subprocess (start-up includes importing numpy); not a speed assertion.
PATIENCE_S = 30


@contextmanager
def simulator(*options: str) -> Iterator[subprocess.Popen[str]]:
    """``python -m ketaconsole sim OPTIONS`` with piped output; killed on exit if still running."""
    process = subprocess.Popen(
        [sys.executable, "-m", "ketaconsole", "sim", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=PATIENCE_S)


def first_stdout_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], PATIENCE_S)
    assert ready, "the simulator printed nothing"
    return process.stdout.readline()


def port_path(process: subprocess.Popen[str]) -> Path:
    line = first_stdout_line(process)
    match = PORT_LINE.fullmatch(line)
    assert match, f"first stdout line is {line!r}"
    return Path(match.group(1))


def observations(outputs: list[object], parameter: str) -> list[Observation]:
    return [o for o in outputs if isinstance(o, Observation) and o.parameter == parameter]


def test_masimo_pty_prints_port_first_streams_lines_and_exits_cleanly_after_duration() -> None:
    with simulator("--protocol", "masimo", "--pty", "--duration", "2", "--seed", "1") as process:
        path = port_path(process)
        assert re.fullmatch(r"/dev/pts/\d+", str(path))
        driver = MasimoAscii1Driver(SystemClock(), "cli-test")
        outputs: list[object] = []
        with serial.Serial(str(path), timeout=0.05) as host:
            for _ in range(PATIENCE_S * 20):
                outputs += driver.feed(host.readline())
                if observations(outputs, "SPO2"):
                    break
            assert process.wait(timeout=PATIENCE_S) == 0
            with pytest.raises(serial.SerialException):
                host.read(1)
        spo2 = observations(outputs, "SPO2")[0]
        assert spo2.value is not None and 96 <= spo2.value <= 100  # default baseline 98 ± drift limit 2
        _, errors = process.communicate(timeout=PATIENCE_S)
        assert "seed 1" in errors and "stopped after" in errors


def test_datex_pty_answers_the_drivers_request() -> None:
    with simulator("--protocol", "datex-s5", "--pty", "--duration", "8") as process:
        path = port_path(process)
        driver = DatexS5Driver(SystemClock(), "cli-test")
        outputs: list[object] = []
        with serial.Serial(str(path), timeout=0.1) as host:
            host.write(driver.requests_on_connect())
            for _ in range(PATIENCE_S * 10):
                outputs += driver.feed(host.read(4096))
                if observations(outputs, "HR"):
                    break
        assert observations(outputs, "HR")
        assert process.wait(timeout=PATIENCE_S) == 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_link_is_printed_usable_and_removed_when_a_signal_stops_the_simulator(
        tmp_path: Path, signum: signal.Signals) -> None:
    link = tmp_path / "ttyKETA"
    with simulator("--protocol", "masimo", "--pty", "--link", str(link)) as process:
        assert port_path(process) == link
        assert re.fullmatch(r"/dev/pts/\d+", os.readlink(link))
        with serial.Serial(str(link), timeout=0.05) as host:
            line = b""
            for _ in range(PATIENCE_S * 20):
                line = host.readline()
                if line.endswith(b"\r\n"):
                    break
        assert re.match(rb"\d\d/\d\d/\d\d \d\d:\d\d:\d\d .*SPO2=", line)
        process.send_signal(signum)
        assert process.wait(timeout=PATIENCE_S) == 0
    assert not link.is_symlink() and not link.exists()


def test_help_explains_units_of_duration_and_speed() -> None:
    result = subprocess.run([sys.executable, "-m", "ketaconsole", "sim", "--help"],
                            capture_output=True, text=True, timeout=PATIENCE_S, check=True)
    assert "SIMULATED seconds" in result.stdout
    assert "multiple of real time" in result.stdout
    assert "--link PATH" in result.stdout and "datex-s5" in result.stdout


def test_link_without_pty_and_a_missing_port_are_refused_without_printing_a_port(tmp_path: Path) -> None:
    with simulator("--protocol", "masimo", "--port", str(tmp_path / "ttyS9"), "--link",
                   str(tmp_path / "l")) as process:
        out, errors = process.communicate(timeout=PATIENCE_S)
        assert process.returncode == 2 and out == "" and "--link needs --pty" in errors
    with simulator("--protocol", "masimo", "--port", str(tmp_path / "ttyS9")) as process:
        out, errors = process.communicate(timeout=PATIENCE_S)
        assert process.returncode == 1 and out == "" and "ttyS9" in errors
