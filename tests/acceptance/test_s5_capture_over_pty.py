"""Acceptance: the real S/5 capture, played by a 'monitor' on a pseudo-terminal after it receives the
host's transmission requests, decodes completely through SerialLink + DatexS5Driver."""

from __future__ import annotations

import errno
import itertools
import os
import random
import threading
import time
import tty
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ketaconsole.core.clock import SystemClock
from ketaconsole.core.observations import AbsentReason, Observation
from ketaconsole.devices.datex_s5 import DatexS5Driver
from ketaconsole.devices.link import SerialLink

CAPTURE = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "datex-s5" / "S5Rawoutput.raw"
RECORDS = 21


def read_until_request(master: int, timeout_s: float) -> bytes:
    """What the host sent, once a complete 0x7E-framed request has arrived (the S/5 waits for it)."""
    deadline = time.monotonic() + timeout_s
    received = b""
    while time.monotonic() < deadline:
        try:
            received += os.read(master, 4096)
        except BlockingIOError:
            pass
        except OSError as error:
            if error.errno != errno.EIO:  # EIO: the host has not opened the port yet
                raise
        if received.count(b"\x7e") >= 2:
            return received
        time.sleep(0.01)
    raise AssertionError(f"no request from the host within {timeout_s} s (got {received!r})")


def test_capture_replayed_over_a_pty_decodes_completely():
    if not CAPTURE.is_file():
        pytest.skip(f"real S/5 capture not found at {CAPTURE} (kept outside the repository)")
    capture = CAPTURE.read_bytes()
    master, slave = os.openpty()
    tty.setraw(master)
    tty.setraw(slave)
    os.set_blocking(master, False)
    port = os.ttyname(slave)
    outputs: list = []
    done = threading.Event()

    def collect(batch) -> None:
        outputs.extend(batch)
        if sum(isinstance(o, Observation) and o.parameter == "TEMP" for o in outputs) == RECORDS:
            done.set()

    driver = DatexS5Driver(SystemClock(), "s5-replay")
    link = SerialLink(port, driver, SystemClock(), collect)
    link.start()
    try:
        request = read_until_request(master, timeout_s=3)
        assert request.startswith(b"\x7e") and len(request) > 40
        rng = random.Random(7)
        position = 0
        while position < len(capture):
            size = rng.randint(1, 900)
            os.set_blocking(master, True)
            os.write(master, capture[position:position + size])
            position += size
        assert done.wait(5), f"only {len(outputs)} outputs decoded"
    finally:
        link.stop()
        os.close(master)
        os.close(slave)

    stats = driver.stats
    assert (stats.frames_ok, stats.frames_dropped, stats.bytes_discarded) == (RECORDS, 0, 0)
    observations = [o for o in outputs if isinstance(o, Observation)]
    for key in ("HR", "SPO2", "NIBP_SYS", "NIBP_DIA", "NIBP_MEAN"):
        readings = [o for o in observations if o.parameter == key]
        assert len(readings) == RECORDS
        assert all(o.value is None and o.absent_reason is AbsentReason.INVALID for o in readings)
    temperatures = [o.value for o in observations if o.parameter == "TEMP"]
    assert all(t is not None and 20.7 <= t <= 22.0 for t in temperatures)
    device_times = sorted({o.device_time for o in observations})
    assert device_times[0] == datetime(2022, 12, 19, 16, 43, 53, tzinfo=UTC)
    assert all(b - a == timedelta(seconds=5) for a, b in itertools.pairwise(device_times))
