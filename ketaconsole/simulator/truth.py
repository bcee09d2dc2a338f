"""A log of what the simulated monitor displayed, for checking what the console recorded.

One JSON object per line, written each time the displayed numerics change:
``{"utc": "<ISO 8601>", "numerics": {"HR": 72.0, "SPO2": null, ...}}``. The values hold from that
line's ``utc`` until the next line's. ``null`` means the monitor showed no valid value.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TextIO

from ketaconsole.simulator.base import SimFrame


class TruthLog:
    """Writes the displayed numerics to ``out`` whenever they change (flushes every line)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._last: Mapping[str, float | None] | None = None

    def __call__(self, frame: SimFrame) -> None:
        numerics = dict(frame.numerics)
        if numerics == self._last:
            return
        self._last = numerics
        self._out.write(json.dumps({"utc": frame.stamp.utc.isoformat(), "numerics": numerics}) + "\n")
        self._out.flush()
