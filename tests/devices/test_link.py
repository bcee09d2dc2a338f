"""The serial link on real pseudo-terminals: data, silence, garbage, a vanishing port, reconnection."""

from __future__ import annotations

import errno
import os
import threading
import time
import tty
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from ketaconsole.core.clock import SystemClock
from ketaconsole.core.observations import DeviceOutput, Observation
from ketaconsole.devices.base import MonitorDriver, SerialSettings
from ketaconsole.devices.link import LinkState, LinkStatus, SerialLink


class NumberLineDriver(MonitorDriver):
    """Test protocol: ``HR=<int>\\n`` lines; anything else is discarded. Asks ``HELLO\\n`` on connect."""

    protocol = "test-lines"
    description = "test"
    serial_settings = SerialSettings(9600)

    def __init__(self) -> None:
        super().__init__(SystemClock(), "test")
        self._buffer = b""

    def requests_on_connect(self) -> bytes:
        return b"HELLO\n"

    def feed(self, data: bytes) -> Sequence[DeviceOutput]:
        self._buffer += data
        *lines, self._buffer = self._buffer.split(b"\n")
        outputs = []
        for line in lines:
            key, _, value = line.partition(b"=")
            if key == b"HR" and value.isdigit():
                outputs.append(Observation("HR", float(value), self.clock.now(), self.source))
            else:
                self.stats.bytes_discarded += len(line) + 1
        return outputs


class FakeMonitor:
    """The device end of a pseudo-terminal, reachable through a stable symlink like a real port name."""

    def __init__(self, link: Path) -> None:
        self.link = link
        self.master: int | None = None
        self.plug_in()

    def plug_in(self) -> None:
        master, slave = os.openpty()
        tty.setraw(master)
        tty.setraw(slave)
        slave_path = os.ttyname(slave)
        os.close(slave)
        tmp = self.link.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(slave_path)
        tmp.replace(self.link)
        self.master = master

    def unplug(self) -> None:
        assert self.master is not None
        os.close(self.master)
        self.master = None
        self.link.unlink()

    def send(self, data: bytes) -> None:
        assert self.master is not None
        os.write(self.master, data)

    def received(self, timeout_s: float = 2.0) -> bytes:
        assert self.master is not None
        os.set_blocking(self.master, False)
        deadline = time.monotonic() + timeout_s
        data = b""
        while time.monotonic() < deadline and not data.endswith(b"\n"):
            try:
                data += os.read(self.master, 1024)
            except (BlockingIOError, InterruptedError):
                time.sleep(0.01)
            except OSError as error:  # EIO until the host has opened the port
                if error.errno != errno.EIO:
                    raise
                time.sleep(0.01)
        return data


class Recorder:
    def __init__(self) -> None:
        self.values: list[float] = []
        self.states: list[LinkStatus] = []
        self.changed = threading.Condition()

    def on_outputs(self, outputs: Sequence[DeviceOutput]) -> None:
        with self.changed:
            self.values.extend(o.value for o in outputs if isinstance(o, Observation))
            self.changed.notify_all()

    def on_state(self, status: LinkStatus) -> None:
        with self.changed:
            self.states.append(status)
            self.changed.notify_all()

    def wait_for(self, predicate, timeout_s: float) -> float:
        """Wait until ``predicate()`` holds; return the seconds waited (fails the test on timeout)."""
        start = time.monotonic()
        with self.changed:
            assert self.changed.wait_for(predicate, timeout_s), f"timed out; states={self.states}"
        return time.monotonic() - start

    def last_state(self) -> LinkState | None:
        return self.states[-1].state if self.states else None


@pytest.fixture
def monitor(tmp_path: Path) -> Iterator[FakeMonitor]:
    device = FakeMonitor(tmp_path / "ttyMONITOR")
    yield device
    if device.master is not None:
        device.unplug()


@pytest.fixture
def link_and_recorder(monitor: FakeMonitor) -> Iterator[tuple[SerialLink, Recorder]]:
    recorder = Recorder()
    link = SerialLink(str(monitor.link), NumberLineDriver(), SystemClock(), recorder.on_outputs,
                      no_data_after_s=1.0, reconnect_interval_s=0.1)
    link.add_state_listener(recorder.on_state)
    link.start()
    yield link, recorder
    link.stop()


def test_values_flow_and_request_is_sent_on_connect(monitor, link_and_recorder):
    link, recorder = link_and_recorder
    assert monitor.received() == b"HELLO\n"
    recorder.wait_for(lambda: recorder.last_state() is LinkState.CONNECTING, 2)
    monitor.send(b"HR=72\nHR=7")
    monitor.send(b"3\n")
    recorder.wait_for(lambda: recorder.values == [72.0, 73.0], 2)
    assert link.status.state is LinkState.CONNECTED


def test_garbage_does_not_count_as_data(monitor, link_and_recorder):
    link, recorder = link_and_recorder
    recorder.wait_for(lambda: recorder.last_state() is LinkState.CONNECTING, 2)
    for _ in range(15):
        monitor.send(b"\x00\xffnoise\n")
        time.sleep(0.1)
    assert recorder.last_state() is LinkState.NO_DATA
    assert recorder.values == []
    assert link.driver.stats.bytes_discarded > 0


def test_silence_after_data_reports_no_data(monitor, link_and_recorder):
    _, recorder = link_and_recorder
    recorder.wait_for(lambda: recorder.last_state() is LinkState.CONNECTING, 2)
    monitor.send(b"HR=60\n")
    recorder.wait_for(lambda: recorder.last_state() is LinkState.CONNECTED, 2)
    waited = recorder.wait_for(lambda: recorder.last_state() is LinkState.NO_DATA, 3)
    assert waited >= 0.8


def test_pulled_port_is_reported_and_recording_resumes_on_the_same_name(monitor, link_and_recorder):
    link, recorder = link_and_recorder
    recorder.wait_for(lambda: recorder.last_state() is LinkState.CONNECTING, 2)
    monitor.send(b"HR=80\n")
    recorder.wait_for(lambda: recorder.values == [80.0], 2)

    monitor.unplug()
    recorder.wait_for(lambda: recorder.last_state() is LinkState.DISCONNECTED, 2.0)
    assert "ttyMONITOR" in link.status.detail

    monitor.plug_in()
    assert monitor.received() == b"HELLO\n", "requests are sent again on every reconnection"
    monitor.send(b"HR=81\n")
    recorder.wait_for(lambda: recorder.values == [80.0, 81.0], 3)
    assert recorder.last_state() is LinkState.CONNECTED


def test_stop_closes_the_port_promptly(monitor):
    recorder = Recorder()
    link = SerialLink(str(monitor.link), NumberLineDriver(), SystemClock(), recorder.on_outputs)
    link.add_state_listener(recorder.on_state)
    link.start()
    recorder.wait_for(lambda: recorder.last_state() is LinkState.CONNECTING, 2)
    started = time.monotonic()
    link.stop()
    assert time.monotonic() - started < 1.0
    assert link.status.state is LinkState.DISCONNECTED
    assert link.status.detail.endswith("closed")


def test_a_port_that_never_existed_is_disconnected_with_the_reason(tmp_path):
    recorder = Recorder()
    link = SerialLink(str(tmp_path / "nothing-here"), NumberLineDriver(), SystemClock(), recorder.on_outputs)
    link.add_state_listener(recorder.on_state)
    link.start()
    try:
        time.sleep(0.3)
        assert link.status.state is LinkState.DISCONNECTED
        assert "nothing-here" in link.status.detail
    finally:
        link.stop()
