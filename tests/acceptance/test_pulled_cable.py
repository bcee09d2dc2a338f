"""Acceptance: the monitor goes away mid-session and comes back; the recorder notices within 2 s,
keeps the same session, and records the gap as an event."""

from __future__ import annotations

import signal
import time

import pytest
from acceptance_support import database_url

from ketaconsole.storage.database import Database

pytestmark = pytest.mark.slow


def test_pulled_cable_is_detected_and_recording_resumes_into_the_same_session(tmp_path, commands):
    port = str(tmp_path / "ttyMonitor")
    sim = commands("sim", "--protocol", "masimo", "--pty", "--link", port, "--seed", "5")
    url = database_url(tmp_path)
    record = commands("--db", url, "record", "--port", port, "--protocol", "masimo")
    session_id = record.first_line.removeprefix("SESSION ")
    record.wait_for_stderr("link connected", timeout_s=5)
    time.sleep(3)

    pulled = time.monotonic()
    sim.signal(signal.SIGTERM)
    assert sim.wait() == 0
    noticed = record.wait_for_stderr("link disconnected", timeout_s=5, after=pulled)
    assert noticed - pulled <= 2.0

    time.sleep(2)
    plugged = time.monotonic()
    commands("sim", "--protocol", "masimo", "--pty", "--link", port, "--seed", "6")
    record.wait_for_stderr("link connected", timeout_s=5, after=plugged)
    time.sleep(3)
    record.signal(signal.SIGINT)
    assert record.wait() == 0

    with Database(url) as db:
        sessions = db.list_sessions()
        events = db.events(session_id)
        observations = db.observations(session_id)
    assert [s.id for s in sessions] == [session_id], "one session, not a new one after the gap"
    kinds = [e.kind for e in events]
    assert kinds.count("connection-lost") == 1 and kinds.count("data-gap") == 1
    lost = next(e for e in events if e.kind == "connection-lost")
    gap = next(e for e in events if e.kind == "data-gap")
    assert lost.detail["state"] == "disconnected"
    assert 2.0 <= gap.detail["seconds"] <= 6.0, gap.detail
    spo2 = [o for o in observations if o.parameter == "SPO2"]
    before = [o for o in spo2 if o.received.monotonic_ns < lost.stamp.monotonic_ns]
    after = [o for o in spo2 if o.received.monotonic_ns > gap.stamp.monotonic_ns - 1]
    assert len(before) >= 2 and len(after) >= 2
