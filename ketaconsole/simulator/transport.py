"""Where the simulated monitor's bytes go: a pseudo-terminal for a host on this machine, or a real port.

A transport never blocks: :meth:`SimTransport.read_available` returns what the host has sent so far
(possibly nothing), and :meth:`SimTransport.write` accepts what fits in the output buffer and reports how
much that was. A device whose host is not reading keeps talking into the void; the caller counts the rest.
Both transports are POSIX-only (they write to the file descriptor directly).
"""

from __future__ import annotations

import contextlib
import os
import tty
from abc import ABC, abstractmethod
from pathlib import Path
from types import TracebackType

import serial

from ketaconsole.devices.base import SerialSettings

#: Largest number of bytes taken from the input buffer per read.
READ_CHUNK = 65536


class SimTransport(ABC):
    """The device end of a serial line. Not thread-safe; :meth:`close` is idempotent."""

    @property
    @abstractmethod
    def host_path(self) -> Path:
        """The path a host opens to talk to the simulated device."""

    @abstractmethod
    def read_available(self) -> bytes:
        """Bytes the host sent since the last call; ``b""`` when there are none. Never blocks."""

    @abstractmethod
    def write(self, data: bytes) -> int:
        """Queue as much of ``data`` as fits without blocking; return how many bytes were taken."""

    @abstractmethod
    def close(self) -> None:
        """Release the line; a host reading it then sees the device disappear."""

    def __enter__(self) -> SimTransport:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _write_nonblocking(fd: int, data: bytes) -> int:
    """Write to a non-blocking descriptor until it is full; return the number of bytes written."""
    written = 0
    while written < len(data):
        try:
            count = os.write(fd, data[written:])
        except BlockingIOError:
            break
        if count == 0:
            break
        written += count
    return written


def _read_nonblocking(fd: int) -> bytes:
    try:
        return os.read(fd, READ_CHUNK)
    except BlockingIOError:
        return b""


class PtyTransport(SimTransport):
    """A pseudo-terminal pair; the host opens :attr:`port_path` (the slave) or the optional symlink.

    Both ends are in raw mode (no echo, no CR/LF translation). The transport keeps its own descriptor of
    the slave open, so writes succeed (and fill the buffer) before any host connects and between host
    connections; pyserial flushes stale input when a host opens the port. Baud rate, parity and flow
    control mean nothing on a pseudo-terminal.

    With ``link_path`` a symlink there points to the slave, so a host can reconnect to a stable name after
    the simulator restarts. An existing symlink is replaced; any other file there is refused
    (``FileExistsError``). :meth:`close` removes the symlink if it still points to this transport's slave.
    After :meth:`close`, a host's pyserial ``read`` raises ``serial.SerialException`` (the slave reports
    end of file once the master is gone).
    """

    def __init__(self, link_path: Path | None = None) -> None:
        master, slave = os.openpty()
        try:
            tty.setraw(master)
            tty.setraw(slave)
            os.set_blocking(master, False)
            self.port_path = Path(os.ttyname(slave))
            if link_path is not None:
                _replace_symlink(link_path, self.port_path)
        except BaseException:
            os.close(master)
            os.close(slave)
            raise
        self.link_path = link_path
        self._master: int | None = master
        self._slave = slave

    @property
    def host_path(self) -> Path:
        return self.link_path if self.link_path is not None else self.port_path

    def read_available(self) -> bytes:
        return _read_nonblocking(self._open_master())

    def write(self, data: bytes) -> int:
        return _write_nonblocking(self._open_master(), data)

    def close(self) -> None:
        if self._master is None:
            return
        if self.link_path is not None and _points_to(self.link_path, self.port_path):
            self.link_path.unlink()
        os.close(self._master)
        os.close(self._slave)
        self._master = None

    def _open_master(self) -> int:
        if self._master is None:
            raise ValueError("the pseudo-terminal is closed")
        return self._master


def _replace_symlink(link_path: Path, target: Path) -> None:
    """Make ``link_path`` a symlink to ``target`` atomically, replacing only an existing symlink."""
    if link_path.exists() and not link_path.is_symlink():
        raise FileExistsError(f"{link_path} exists and is not a symlink; refusing to replace it")
    staging = link_path.with_name(f".{link_path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    staging.symlink_to(target)
    os.replace(staging, link_path)


def _points_to(link_path: Path, target: Path) -> bool:
    return link_path.is_symlink() and Path(os.readlink(link_path)) == target


class SerialPortTransport(SimTransport):
    """A real serial port (e.g. a USB adapter cabled to the console PC), opened with the protocol's settings.

    Raises ``serial.SerialException`` when the port cannot be opened, and from :meth:`write` or
    :meth:`read_available` when it disappears (adapter unplugged). Writes go to the descriptor directly:
    pyserial 3.5's ``write`` with ``write_timeout=0`` spins forever on a full output buffer.
    """

    def __init__(self, path: Path, settings: SerialSettings) -> None:
        self._path = path
        self._port = serial.Serial(
            str(path),
            baudrate=settings.baudrate,
            bytesize=settings.bytesize,
            parity=settings.parity,
            stopbits=settings.stopbits,
            rtscts=settings.rtscts,
            timeout=0,
        )
        os.set_blocking(self._port.fileno(), False)

    @property
    def host_path(self) -> Path:
        return self._path

    def read_available(self) -> bytes:
        return self._port.read(READ_CHUNK)

    def write(self, data: bytes) -> int:
        try:
            return _write_nonblocking(self._port.fileno(), data)
        except OSError as error:
            raise serial.SerialException(f"write to {self._path} failed: {error}") from error

    def close(self) -> None:
        self._port.close()
