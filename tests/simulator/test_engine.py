"""Engine and transports against real pseudo-terminals read and written with pyserial."""

from __future__ import annotations

import os
import re
import threading
import tty
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
import serial

from ketaconsole.core.clock import ManualClock, ScaledClock
from ketaconsole.core.observations import Observation
from ketaconsole.devices.base import SerialSettings
from ketaconsole.simulator.base import ProtocolEncoder, SimFrame
from ketaconsole.simulator.config import load_simulator_config
from ketaconsole.simulator.encoders import create_encoder, encoder_class
from ketaconsole.simulator.engine import SimulatorEngine
from ketaconsole.simulator.model import PhysiologyModel
from ketaconsole.simulator.transport import PtyTransport, SerialPortTransport

LINE = re.compile(rb"T=(\d+) HR=(\S+)\n")


class LineEncoder(ProtocolEncoder):
    """Sends ``T=<monotonic ns> HR=<hr>`` every frame, answers each request line with ``ACK <line>``.

    ``padding`` extra bytes per frame let a test overfill the port.
    """

    protocol: ClassVar[str] = "test-lines"
    serial_settings: ClassVar[SerialSettings] = SerialSettings(baudrate=9600)

    def __init__(self, padding: int = 0) -> None:
        self.received = bytearray()
        self.padding = padding
        self._replies = bytearray()
        self._partial = bytearray()

    def receive(self, data: bytes) -> None:
        self.received += data
        self._partial += data
        *lines, rest = self._partial.split(b"\n")
        self._partial = bytearray(rest)
        for line in lines:
            self._replies += b"ACK " + line + b"\n"

    def produce(self, frame: SimFrame) -> bytes:
        replies, self._replies = bytes(self._replies), bytearray()
        line = f"T={frame.stamp.monotonic_ns} HR={frame.numerics['HR']}\n".encode()
        return replies + line + b"." * self.padding


def model(seed: int = 1) -> PhysiologyModel:
    return PhysiologyModel(load_simulator_config(), seed)


@pytest.fixture
def pty_transport() -> Iterator[PtyTransport]:
    transport = PtyTransport()
    try:
        yield transport
    finally:
        transport.close()


def open_host(path: Path) -> serial.Serial:
    return serial.Serial(str(path), timeout=0.05)


def read_lines(host: serial.Serial, count: int) -> list[bytes]:
    """``count`` complete lines from the host side (each read waits at most the port timeout)."""
    lines = []
    for _ in range(count * 20):
        line = host.readline()
        if line.endswith(b"\n"):
            lines.append(line)
        if len(lines) == count:
            break
    return lines


def tick(engine: SimulatorEngine, clock: ManualClock, ticks: int = 1) -> list[SimFrame]:
    """Run ``ticks`` engine ticks, each 0.1 simulated seconds after the previous one."""
    frames = []
    for _ in range(ticks):
        clock.advance(0.1)
        frames.append(engine.tick())
    return frames


def test_host_reads_exactly_what_the_encoder_produced(pty_transport: PtyTransport) -> None:
    clock = ManualClock()
    engine = SimulatorEngine(model(), LineEncoder(), pty_transport, clock)
    with open_host(pty_transport.port_path) as host:
        frames = tick(engine, clock, ticks=10)
        lines = read_lines(host, 10)
    assert lines == [f"T={f.stamp.monotonic_ns} HR={f.numerics['HR']}\n".encode() for f in frames]
    assert engine.stats.bytes_sent == sum(len(line) for line in lines)
    assert engine.stats.bytes_dropped == 0


def test_bytes_the_host_writes_reach_the_encoder_and_its_answer_comes_back(
        pty_transport: PtyTransport) -> None:
    clock = ManualClock()
    encoder = LineEncoder()
    engine = SimulatorEngine(model(), encoder, pty_transport, clock)
    with open_host(pty_transport.port_path) as host:
        host.write(b"REQUEST 1\r\n")
        host.flush()
        for _ in range(200):
            tick(engine, clock)
            if encoder.received:
                break
        lines = read_lines(host, engine.stats.ticks)
    assert bytes(encoder.received) == b"REQUEST 1\r\n"
    assert engine.stats.bytes_received == len(b"REQUEST 1\r\n")
    assert b"ACK REQUEST 1\r\n" in lines


def test_scaled_clock_produces_twenty_simulated_seconds_per_real_second(pty_transport: PtyTransport) -> None:
    speed, duration_s, tick_s = 20, 20.0, 0.02
    engine = SimulatorEngine(model(), LineEncoder(), pty_transport, ScaledClock(speed), tick_s=tick_s)
    stop = threading.Event()
    received = bytearray()
    with open_host(pty_transport.port_path) as host:
        runner = threading.Thread(target=engine.run, args=(duration_s, stop))
        runner.start()
        try:
            while runner.is_alive():
                received += host.read(65536)
            received += host.read(65536)
        finally:
            stop.set()
            runner.join()
    stamps = [int(match.group(1)) for match in LINE.finditer(received)]
    span_s = (stamps[-1] - stamps[0]) / 1e9
    assert len(stamps) == engine.stats.ticks
    # The run ends on the first tick at or past the duration; that tick is late by at most one tick
    # (tick_s of real time plus however long the scheduler kept the thread waiting, allowed 0.5 s).
    assert duration_s <= span_s < duration_s + speed * 0.5
    # Ticks are paced on the real clock: each covers at least speed × tick_s simulated seconds.
    assert engine.stats.ticks <= duration_s / (speed * tick_s) + 1


def test_stream_continues_when_the_host_closes_and_reopens_the_port(pty_transport: PtyTransport) -> None:
    clock = ManualClock()
    engine = SimulatorEngine(model(), LineEncoder(), pty_transport, clock)
    with open_host(pty_transport.port_path) as host:
        tick(engine, clock, ticks=3)
        before = read_lines(host, 3)
    tick(engine, clock, ticks=5)
    with open_host(pty_transport.port_path) as host:
        after_frames = tick(engine, clock, ticks=3)
        after = read_lines(host, 3)
    assert len(before) == 3
    assert after == [f"T={f.stamp.monotonic_ns} HR={f.numerics['HR']}\n".encode() for f in after_frames]
    assert engine.stats.bytes_dropped == 0


def test_nobody_reading_drops_bytes_instead_of_blocking(pty_transport: PtyTransport) -> None:
    clock = ManualClock()
    engine = SimulatorEngine(model(), LineEncoder(padding=10_000), pty_transport, clock)
    frames = tick(engine, clock, ticks=30)
    produced = sum(len(f"T={f.stamp.monotonic_ns} HR={f.numerics['HR']}\n") + 10_000 for f in frames)
    assert engine.stats.bytes_dropped > 0
    assert engine.stats.bytes_sent + engine.stats.bytes_dropped == produced


def test_host_read_raises_serial_exception_after_the_simulator_closes() -> None:
    transport = PtyTransport()
    clock = ManualClock()
    engine = SimulatorEngine(model(), LineEncoder(), transport, clock)
    try:
        with open_host(transport.port_path) as host:
            tick(engine, clock, ticks=2)
            assert len(read_lines(host, 2)) == 2
            transport.close()
            with pytest.raises(serial.SerialException):
                host.read(1)
    finally:
        transport.close()


def test_link_points_to_the_port_replaces_an_old_link_and_is_removed_on_close(tmp_path: Path) -> None:
    link = tmp_path / "ttyKETA"
    link.symlink_to(tmp_path / "stale-target")
    transport = PtyTransport(link)
    try:
        assert transport.host_path == link
        assert Path(os.readlink(link)) == transport.port_path
        with open_host(link) as host:
            transport.write(b"through the link\n")
            assert host.readline() == b"through the link\n"
    finally:
        transport.close()
    assert not link.exists() and not link.is_symlink()


def test_link_refuses_to_replace_a_regular_file(tmp_path: Path) -> None:
    precious = tmp_path / "notes.txt"
    precious.write_text("keep me")
    with pytest.raises(FileExistsError):
        PtyTransport(precious)
    assert precious.read_text() == "keep me"


def test_pty_is_raw_no_echo_and_no_line_ending_translation(pty_transport: PtyTransport) -> None:
    payload = bytes(range(256))
    with open_host(pty_transport.port_path) as host:
        assert pty_transport.write(payload) == len(payload)
        assert host.read(len(payload)) == payload
        host.write(b"A\rB\nC\r\n")
        host.flush()
        received = b""
        for _ in range(100):
            received += pty_transport.read_available()
            if len(received) >= 7:
                break
            host.read(1)
        assert host.read(100) == b""
    assert received == b"A\rB\nC\r\n"


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, Path]]:
    """A raw pseudo-terminal: the test holds the master; the slave path plays a real serial port."""
    master, slave = os.openpty()
    try:
        tty.setraw(master)
        tty.setraw(slave)
        yield master, Path(os.ttyname(slave))
    finally:
        os.close(master)
        os.close(slave)


def test_serial_port_transport_talks_both_ways_and_never_blocks(pty_pair: tuple[int, Path]) -> None:
    master, port = pty_pair
    transport = SerialPortTransport(port, SerialSettings(19200, parity="E", rtscts=True))
    try:
        assert transport.host_path == port
        assert transport.write(b"device says hi\r\n") == 16
        assert os.read(master, 100) == b"device says hi\r\n"
        os.write(master, b"host request")
        received = b""
        for _ in range(100):
            received += transport.read_available()
            if len(received) >= 12:
                break
            threading.Event().wait(0.01)
        assert received == b"host request"
        flood = b"x" * 1_000_000
        assert 0 < transport.write(flood) < len(flood)
    finally:
        transport.close()


def test_real_masimo_encoder_lines_decode_to_the_model_numerics(pty_transport: PtyTransport) -> None:
    from ketaconsole.devices.masimo import MasimoAscii1Driver

    clock = ManualClock()
    engine = SimulatorEngine(model(), create_encoder("masimo", "radical7"), pty_transport, clock)
    driver = MasimoAscii1Driver(clock, "test")
    with open_host(pty_transport.port_path) as host:
        frames = tick(engine, clock, ticks=50)
        data = b"".join(read_lines(host, 5))
    observations = [o for o in driver.feed(data) if isinstance(o, Observation) and o.value is not None]
    shown = {frame.numerics["SPO2"] for frame in frames}
    assert {o.value for o in observations if o.parameter == "SPO2"} <= shown
    assert any(o.parameter == "SPO2" for o in observations)


def test_real_datex_encoder_answers_the_driver_request(pty_transport: PtyTransport) -> None:
    from ketaconsole.devices.datex_s5 import DatexS5Driver

    clock = ManualClock()
    engine = SimulatorEngine(model(), create_encoder("datex-s5"), pty_transport, clock)
    driver = DatexS5Driver(clock, "test")
    outputs = []
    with open_host(pty_transport.port_path) as host:
        host.write(driver.requests_on_connect())
        frames = tick(engine, clock, ticks=100)
        for _ in range(50):
            outputs += driver.feed(host.read(65536))
            if any(isinstance(o, Observation) and o.parameter == "HR" for o in outputs):
                break
            frames += tick(engine, clock, ticks=5)
    heart_rates = {o.value for o in outputs if isinstance(o, Observation) and o.parameter == "HR"}
    assert heart_rates
    assert heart_rates <= {frame.numerics["HR"] for frame in frames}


def test_encoder_registry_knows_both_protocols_and_rejects_others() -> None:
    assert encoder_class("masimo").protocol == "masimo"
    assert encoder_class("datex-s5").protocol == "datex-s5"
    with pytest.raises(LookupError, match="no simulator for protocol 'philips'"):
        encoder_class("philips")
    with pytest.raises(ValueError, match="no device models"):
        create_encoder("datex-s5", "radical7")
