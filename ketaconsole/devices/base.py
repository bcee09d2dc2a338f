"""The driver interface every monitor protocol implements, and driver discovery.

A driver is a pure decoder with a little protocol state: the :class:`~ketaconsole.devices.link.SerialLink`
reads bytes and hands them to :meth:`MonitorDriver.feed`, writes whatever
:meth:`MonitorDriver.requests_on_connect` and :meth:`MonitorDriver.periodic_requests` return, and
passes the decoded outputs on. A driver never touches the port, so it is tested with plain bytes.

Contract for :meth:`MonitorDriver.feed`: it accepts any byte sequence, in any split, without raising;
it resynchronises after garbage, truncation and corruption, and counts what it dropped in
:attr:`MonitorDriver.stats`.

Drivers are registered in the ``ketaconsole.drivers`` entry-point group (see ``pyproject.toml``), so
another installed package can add a protocol without changing this one.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import ClassVar, Literal

from ketaconsole.core.clock import Clock
from ketaconsole.core.observations import DeviceOutput

DRIVER_ENTRY_POINT_GROUP = "ketaconsole.drivers"


@dataclass(frozen=True, slots=True)
class SerialSettings:
    """Line settings a protocol needs (a pseudo-terminal ignores them; a real port does not)."""

    baudrate: int
    bytesize: int = 8
    parity: Literal["N", "E", "O"] = "N"
    stopbits: float = 1
    rtscts: bool = False

    def describe(self) -> str:
        """Short human form, e.g. ``"19200 8E1, RTS/CTS"``."""
        stop = int(self.stopbits) if float(self.stopbits).is_integer() else self.stopbits
        flow = ", RTS/CTS" if self.rtscts else ", no flow control"
        return f"{self.baudrate} {self.bytesize}{self.parity}{stop}{flow}"


@dataclass(slots=True)
class DecoderStats:
    """Counters a decoder keeps; they only grow."""

    frames_ok: int = 0
    frames_dropped: int = 0
    bytes_discarded: int = 0


class MonitorDriver(ABC):
    """Decoder for one monitor protocol. One instance per connected device; not thread-safe."""

    #: Name used on the command line and in the entry-point group.
    protocol: ClassVar[str]
    #: Human description for menus and the README.
    description: ClassVar[str]
    serial_settings: ClassVar[SerialSettings]

    def __init__(self, clock: Clock, source: str) -> None:
        self.clock = clock
        self.source = source
        self.stats = DecoderStats()

    @abstractmethod
    def feed(self, data: bytes) -> Sequence[DeviceOutput]:
        """Decode ``data`` (any length, any split) into outputs stamped with ``clock.now()``."""

    def requests_on_connect(self) -> bytes:
        """Bytes to send when the port opens (empty for protocols that stream unasked)."""
        return b""

    def periodic_requests(self, seconds_since_last_data: float) -> bytes:
        """Bytes to send on each link tick; used to re-request after silence. Empty by default."""
        return b""


class UnknownProtocolError(LookupError):
    """Raised when no installed driver has the requested protocol name."""


def available_drivers() -> dict[str, type[MonitorDriver]]:
    """All drivers installed in the ``ketaconsole.drivers`` entry-point group, by protocol name.

    A plugin that fails to import raises: a missing driver must be loud, not silently absent.
    """
    drivers: dict[str, type[MonitorDriver]] = {}
    for ep in entry_points(group=DRIVER_ENTRY_POINT_GROUP):
        cls = ep.load()
        if not (isinstance(cls, type) and issubclass(cls, MonitorDriver)):
            raise TypeError(f"entry point {ep.name!r} does not name a MonitorDriver subclass")
        drivers[ep.name] = cls
    return drivers


def driver_class(protocol: str) -> type[MonitorDriver]:
    drivers = available_drivers()
    try:
        return drivers[protocol]
    except KeyError:
        known = ", ".join(sorted(drivers)) or "none installed"
        raise UnknownProtocolError(f"unknown protocol {protocol!r} (known: {known})") from None
