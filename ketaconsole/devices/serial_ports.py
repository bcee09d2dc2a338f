"""The serial ports of this computer, as offered to the person choosing the monitor's port."""

from __future__ import annotations

from dataclasses import dataclass

from serial.tools import list_ports


@dataclass(frozen=True, slots=True)
class PortInfo:
    """A serial port: ``device`` is what to open (``/dev/ttyUSB0``, ``COM3``); ``description`` and
    ``hwid`` (USB vendor/product, serial number, location) help tell adapters apart."""

    device: str
    description: str
    hwid: str


def list_serial_ports() -> list[PortInfo]:
    """Every serial port the operating system lists, sorted by device name.

    Reads the system's device tables (sysfs on Linux), so call it off the GUI thread.
    Pseudo-terminals are not listed; they are typed in by path.
    """
    return sorted(
        (PortInfo(port.device, port.description, port.hwid) for port in list_ports.comports()),
        key=lambda port: port.device,
    )
