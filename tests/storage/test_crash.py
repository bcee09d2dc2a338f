"""A recorder killed with SIGKILL loses at most the last second, leaves an intact database, and
its session shows as interrupted and can be resumed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from ketaconsole.core.clock import NS_PER_S, Stamp, SystemClock
from ketaconsole.core.observations import Observation
from ketaconsole.storage.database import Database
from ketaconsole.storage.writer import SessionWriter

HELPER = Path(__file__).with_name("crash_writer.py")
ROWS_BEFORE_KILL = 150
MAX_LOSS_NS = 1 * NS_PER_S


@pytest.mark.slow
def test_sigkill_loses_at_most_the_last_second(database: Database, database_url: str) -> None:
    clock = SystemClock()
    session_id = database.start_session(protocol="test", port="p", started=clock.now(), patient_id=None)
    process = subprocess.Popen(
        [sys.executable, str(HELPER), database_url, session_id], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    try:
        assert process.stdout.readline().strip() == "ready"
        lines = [process.stdout.readline() for _ in range(ROWS_BEFORE_KILL)]
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    lines += process.stdout.read().splitlines(keepends=True)
    process.stdout.close()
    assert process.returncode == -signal.SIGKILL

    printed = [int(line) for line in lines if line.endswith("\n")]
    last = printed[-1]
    stored = Counter(o.received.monotonic_ns for o in database.observations(session_id))

    assert len(printed) >= ROWS_BEFORE_KILL
    assert max(stored.values()) == 1
    assert set(stored) <= set(printed)
    assert [stamp for stamp in printed if stamp <= last - MAX_LOSS_NS and stamp not in stored] == []
    if database.engine.dialect.name == "sqlite":
        with sqlite3.connect(database.url.database) as check:
            assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    later = clock.now()
    after_stale = Stamp(later.utc + timedelta(seconds=10), later.monotonic_ns + 10 * NS_PER_S)
    assert [s.id for s in database.interrupted_sessions(after_stale)] == [session_id]
    database.reopen_session(session_id, now=after_stale)
    resumed = SessionWriter(database, session_id, clock=clock)
    resumed.submit([Observation("HR", 70.0, clock.now(), "resumed")])
    resumed.close()
    database.end_session(session_id, clock.now())
    summary = database.find_session(session_id)
    assert (summary.status, summary.observation_count) == ("ended", len(stored) + 1)
