"""The serial link: one reader thread per device, reconnecting, with an observable state.

The thread opens the port with the driver's line settings, writes the driver's requests, reads with
a short timeout (≤ 50 ms, so a stop request is honoured quickly), feeds the bytes to the driver and
hands the decoded outputs to a callback. When the port errors or vanishes (a pulled USB adapter, a
simulator that exits) it closes it and keeps trying to reopen it until stopped.

States, as a nurse would read them:

* ``CONNECTING`` – the port is open and no valid data has come yet;
* ``CONNECTED`` – valid data arrived within the last ``no_data_after_s`` seconds;
* ``NO_DATA`` – the port is open but nothing decodable arrived for ``no_data_after_s`` seconds
  (monitor off, cable out on a port that stays open, wrong protocol or baud rate);
* ``DISCONNECTED`` – the port cannot be opened or failed.

Only bytes that decode into outputs count as data: a stream of garbage does not keep the link
``CONNECTED``.
"""

from __future__ import annotations

import logging
import os
import termios
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

import serial

from ketaconsole.core.clock import Clock, Stamp
from ketaconsole.core.observations import DeviceOutput
from ketaconsole.devices.base import MonitorDriver, SerialSettings

log = logging.getLogger(__name__)

READ_TIMEOUT_S = 0.05
READ_CHUNK_BYTES = 4096


class LinkState(Enum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    NO_DATA = "no-data"
    DISCONNECTED = "disconnected"


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """A link state, since when it holds, and a human-readable detail (port, error text)."""

    state: LinkState
    since: Stamp
    detail: str


OutputCallback = Callable[[Sequence[DeviceOutput]], None]
StatusCallback = Callable[[LinkStatus], None]


class SerialLink:
    """Reads one device on ``port`` (a device path or a pyserial URL) in a background thread.

    ``on_outputs`` and state listeners are called on the link's thread; they must be quick and must
    not raise (an exception in them is logged and the link goes on).
    """

    def __init__(
        self,
        port: str,
        driver: MonitorDriver,
        clock: Clock,
        on_outputs: OutputCallback,
        *,
        no_data_after_s: float = 3.0,
        reconnect_interval_s: float = 0.25,
    ) -> None:
        self.port = port
        self.driver = driver
        self._clock = clock
        self._on_outputs = on_outputs
        self._no_data_after_s = no_data_after_s
        self._reconnect_interval_s = reconnect_interval_s
        self._stop = threading.Event()
        self._listeners: list[StatusCallback] = []
        self._listeners_lock = threading.Lock()
        self._status = LinkStatus(LinkState.DISCONNECTED, clock.now(), f"{port}: not opened yet")
        self._thread = threading.Thread(target=self._run, name=f"serial-link {port}", daemon=True)

    @property
    def status(self) -> LinkStatus:
        return self._status

    def add_state_listener(self, callback: StatusCallback) -> None:
        """Call ``callback`` on every state change (on the link thread)."""
        with self._listeners_lock:
            self._listeners.append(callback)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_s: float = 2.0) -> None:
        """Ask the thread to finish and wait for it; the port is closed when this returns."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout_s)
        if self._thread.is_alive():
            raise TimeoutError(f"serial link on {self.port} did not stop within {timeout_s} s")

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                port = self._open()
            except Exception as error:  # whatever stops the port opening, the nurse must see it
                self._set_state(LinkState.DISCONNECTED, f"{self.port}: {error}")
                self._stop.wait(self._reconnect_interval_s)
                continue
            try:
                self._pump(port)
            except (serial.SerialException, OSError, termios.error) as error:
                self._set_state(LinkState.DISCONNECTED, f"{self.port}: {error}")
            except Exception as error:  # a bug must not freeze the link silently: report, reopen
                log.exception("serial link %s failed", self.port)
                self._set_state(LinkState.DISCONNECTED, f"{self.port}: internal error: {error}")
            finally:
                port.close()
            self._stop.wait(self._reconnect_interval_s)
        self._set_state(LinkState.DISCONNECTED, f"{self.port}: closed")

    def _open(self) -> serial.Serial:
        """Open the port with the driver's line settings.

        A pseudo-terminal (a simulator) has no line: it ignores parity and flow control, and Linux
        refuses to have parity set on it a second time (``tcsetattr`` fails with EINVAL after a
        reconnection), so it is opened 8N1 without flow control.
        """
        settings = self.driver.serial_settings
        if _is_pseudo_terminal(self.port):
            settings = SerialSettings(settings.baudrate)
        return serial.serial_for_url(
            self.port,
            baudrate=settings.baudrate,
            bytesize=settings.bytesize,
            parity=settings.parity,
            stopbits=settings.stopbits,
            rtscts=settings.rtscts,
            timeout=READ_TIMEOUT_S,
            write_timeout=1.0,
        )

    def _pump(self, port: serial.Serial) -> None:
        """Read until stopped or the port fails (raises ``SerialException``/``OSError``)."""
        self._set_state(LinkState.CONNECTING, f"{self.port}: open, waiting for data")
        opened = self._clock.now()
        last_data = opened
        request = self.driver.requests_on_connect()
        if request:
            port.write(request)
        while not self._stop.is_set():
            chunk = port.read(1)
            if chunk and port.in_waiting:
                chunk += port.read(min(port.in_waiting, READ_CHUNK_BYTES))
            now = self._clock.now()
            if chunk:
                outputs = self._decode(chunk)
                if outputs:
                    last_data = now
                    self._set_state(LinkState.CONNECTED, f"{self.port}: receiving")
                    self._deliver(outputs)
            silence_s = now.seconds_since(last_data)
            if silence_s > self._no_data_after_s and self._status.state is not LinkState.NO_DATA:
                self._set_state(LinkState.NO_DATA, f"{self.port}: no valid data for {silence_s:.0f} s")
            request = self.driver.periodic_requests(silence_s)
            if request:
                port.write(request)

    def _decode(self, chunk: bytes) -> Sequence[DeviceOutput]:
        try:
            return self.driver.feed(chunk)
        except Exception:
            log.exception("driver %s raised on %d bytes; bytes discarded", self.driver.protocol, len(chunk))
            self.driver.stats.bytes_discarded += len(chunk)
            return ()

    def _deliver(self, outputs: Sequence[DeviceOutput]) -> None:
        try:
            self._on_outputs(outputs)
        except Exception:
            log.exception("output callback of link %s failed", self.port)

    def _set_state(self, state: LinkState, detail: str) -> None:
        if state is self._status.state:
            return
        self._status = LinkStatus(state, self._clock.now(), detail)
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(self._status)
            except Exception:
                log.exception("link state listener failed")


def _is_pseudo_terminal(port: str) -> bool:
    """True for a Unix 98 pseudo-terminal slave (``/dev/pts/N``), also when reached through a symlink."""
    return os.path.realpath(port).startswith("/dev/pts/")
