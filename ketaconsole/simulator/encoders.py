"""Protocol name (as on the command line) → the encoder that speaks it as the simulated device.

Encoder modules are imported only when asked for, so a missing or broken encoder fails with a message
naming it instead of breaking every command that merely lists the protocols.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import MappingProxyType

from ketaconsole.devices.base import UnknownProtocolError
from ketaconsole.simulator.base import ProtocolEncoder


@dataclass(frozen=True, slots=True)
class EncoderEntry:
    """Where an encoder lives; ``has_models`` when its constructor takes a device ``model`` name."""

    module: str
    class_name: str
    description: str
    has_models: bool = False


ENCODERS = MappingProxyType({
    "masimo": EncoderEntry(
        "ketaconsole.simulator.masimo_encoder", "MasimoEncoder",
        "Masimo Radical-5/7 or Rad-8 pulse oximeter, ASCII 1 lines once a second", has_models=True,
    ),
    "datex-s5": EncoderEntry(
        "ketaconsole.simulator.datex_s5_encoder", "DatexS5Encoder",
        "GE Datex-Ohmeda S/5 monitor, DRI records on request",
    ),
})


class EncoderUnavailableError(ImportError):
    """The encoder of a known protocol cannot be imported (not installed or not written yet)."""


def protocol_names() -> tuple[str, ...]:
    """Protocol names in a stable order, for command-line choices."""
    return tuple(ENCODERS)


def encoder_class(protocol: str) -> type[ProtocolEncoder]:
    """Import and return the encoder class for ``protocol``.

    Raises :class:`~ketaconsole.devices.base.UnknownProtocolError` for a name not in :data:`ENCODERS`
    and :class:`EncoderUnavailableError` when its module or class is missing.
    """
    try:
        entry = ENCODERS[protocol]
    except KeyError:
        known = ", ".join(ENCODERS)
        raise UnknownProtocolError(f"no simulator for protocol {protocol!r} (known: {known})") from None
    try:
        module = importlib.import_module(entry.module)
    except ModuleNotFoundError as error:
        if error.name != entry.module:
            raise
        raise EncoderUnavailableError(
            f"the {protocol} encoder is not available: module {entry.module} is missing"
        ) from error
    cls = getattr(module, entry.class_name, None)
    if not (isinstance(cls, type) and issubclass(cls, ProtocolEncoder)):
        raise EncoderUnavailableError(
            f"the {protocol} encoder is not available: "
            f"{entry.module}.{entry.class_name} is not a ProtocolEncoder"
        )
    return cls


def create_encoder(protocol: str, model: str | None = None) -> ProtocolEncoder:
    """A new encoder for ``protocol``; ``model`` selects the device model where the protocol has several.

    Raises ``ValueError`` when ``model`` is given for a protocol without models, or is unknown to it.
    """
    cls = encoder_class(protocol)
    if model is None:
        return cls()
    if not ENCODERS[protocol].has_models:
        raise ValueError(f"protocol {protocol!r} has no device models to choose from")
    return cls(model=model)  # type: ignore[call-arg]
