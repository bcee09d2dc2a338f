"""What the domain needs to know about session events: how to store one, and what a stored one has.

The recorder stores events; the dose session and the alarm engine write through an
:data:`EventSink` and rebuild themselves from :class:`StoredEvent` values, so neither depends on
storage.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from ketaconsole.core.clock import Stamp

EventSink = Callable[[str, Stamp, dict[str, Any], str | None], None]
"""Stores a session event: kind, when, detail (JSON object), who (``None`` for the console)."""


class StoredEvent(Protocol):
    """A session event as stored or as just recorded (both carry these fields)."""

    @property
    def kind(self) -> str: ...
    @property
    def stamp(self) -> Stamp: ...
    @property
    def detail(self) -> Mapping[str, Any]: ...
    @property
    def user(self) -> str | None: ...
