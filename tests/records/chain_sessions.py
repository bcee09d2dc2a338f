"""Recording helpers shared by the record tests: sessions written by the real session writer."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.observations import DeviceOutput, Observation, WaveformChunk
from ketaconsole.storage.database import Database
from ketaconsole.storage.writer import SessionWriter

At = Callable[[float], Stamp]
SOURCE = "datex-s5@/dev/ttyUSB0"


def vitals(at: At, second: float) -> list[DeviceOutput]:
    """One second of a monitor: two numerics and a pleth chunk."""
    return [
        Observation("HR", 70.0 + second % 7, at(second), SOURCE, device_time=None),
        Observation("SPO2", 97.0, at(second + 0.1), SOURCE),
        WaveformChunk("PLETH", at(second), 100.0, np.linspace(0, 1, 100, dtype=np.float32), SOURCE),
    ]


def flush(writer: SessionWriter, wait_until: Callable[..., None]) -> None:
    wait_until(lambda: writer.health.pending_rows == 0, what="the writer to commit")


def record_session(database: Database, at: At, wait_until: Callable[..., None],
                   steps: Sequence[str] = ("note", "data", "limit", "data", "note", "data", "note")) -> str:
    """A session recorded by the real writer: one chain entry per event step, and data batches for
    each ``data`` step (three seconds of :func:`vitals`); each step is committed before the next."""
    session_id = database.start_session(protocol="datex-s5", port="/dev/ttyUSB0", started=at(0),
                                        patient_id=database.get_or_create_patient("MRN-1", name="Ada"))
    writer = SessionWriter(database, session_id, flush_interval_s=0.02,
                           clock=ManualClock(start=at(0).utc))
    for index, step in enumerate(steps):
        second = 10.0 * (index + 1)
        if step == "data":
            writer.submit([output for s in range(3) for output in vitals(at, second + s)])
        elif step == "limit":
            writer.submit_event("alarm-limit-changed", at(second),
                                {"key": "spo2-low", "old": 92, "new": 90, "reason": "COPD baseline"}, "nurse")
        else:
            writer.submit_event("note", at(second), {"text": f"note {index}", "category": "other"}, "nurse")
        flush(writer, wait_until)
    writer.close()
    return session_id
