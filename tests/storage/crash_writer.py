"""Helper process for ``test_crash.py``: records heart rates at 50 per second until killed.

Usage: ``python crash_writer.py DATABASE_URL SESSION_ID``. Prints ``ready`` once the writer runs,
then, for each observation, its monotonic stamp (ns) on a line of its own *before* submitting it,
so every row that can be in the database has been printed.
"""

from __future__ import annotations

import sys
import time

from ketaconsole.core.clock import SystemClock
from ketaconsole.core.observations import Observation
from ketaconsole.storage.database import Database
from ketaconsole.storage.writer import SessionWriter

RATE_HZ = 50


def main(database_url: str, session_id: str) -> None:
    clock = SystemClock()
    writer = SessionWriter(Database(database_url), session_id, clock=clock)
    print("ready", flush=True)
    count = 0
    while True:
        stamp = clock.now()
        print(stamp.monotonic_ns, flush=True)
        writer.submit([Observation("HR", 60.0 + count % 40, stamp, "crash-test")])
        count += 1
        time.sleep(1 / RATE_HZ)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
