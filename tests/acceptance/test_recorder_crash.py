"""Acceptance: the recorder is killed (SIGKILL); at most the last second is lost, the database is
intact, the next start offers the session for resumption, and resuming continues it."""

from __future__ import annotations

import signal
import sqlite3
import time
from datetime import UTC, datetime, timedelta

import pytest
from acceptance_support import database_url

from ketaconsole.storage.database import Database

pytestmark = pytest.mark.slow


def test_killed_recorder_loses_at_most_a_second_and_the_session_resumes(tmp_path, commands):
    port = str(tmp_path / "ttyMonitor")
    commands("sim", "--protocol", "datex-s5", "--pty", "--link", port, "--seed", "8")
    url = database_url(tmp_path)
    record = commands("--db", url, "record", "--port", port, "--protocol", "datex-s5")
    session_id = record.first_line.removeprefix("SESSION ")
    record.wait_for_stderr("link connected", timeout_s=8)
    time.sleep(4)

    record.signal(signal.SIGKILL)
    killed_at = datetime.now(UTC)
    record.wait()

    with sqlite3.connect(tmp_path / "sessions.sqlite3") as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with Database(url) as db:
        chunks = db.waveform_chunks(session_id, "ECG")
        assert db.find_session(session_id).status == "recording"
    newest = max(chunk.start.utc for chunk in chunks)
    assert killed_at - newest <= timedelta(seconds=1.0), f"lost {killed_at - newest} of waveform"

    time.sleep(5.5)  # the heartbeat goes stale: the recorder is known to be dead
    offer = commands("--db", url, "record", "--port", port, "--protocol", "datex-s5", "--duration", "1")
    assert offer.wait() == 0
    offered = offer.wait_for_stderr("was interrupted", timeout_s=1)
    assert offered and any(f"--resume {session_id}" in line for _, line in offer.stderr_lines)

    resumed = commands("--db", url, "record", "--port", port, "--protocol", "datex-s5",
                       "--resume", session_id[:8], "--duration", "4")
    assert resumed.first_line == f"SESSION {session_id}"
    assert resumed.wait() == 0
    with Database(url) as db:
        summary = db.find_session(session_id)
        kinds = [e.kind for e in db.events(session_id)]
        after_resume = [c for c in db.waveform_chunks(session_id, "ECG") if c.start.utc > killed_at]
    assert summary.status == "ended" and not summary.interrupted
    assert "session-resumed" in kinds
    assert after_resume, "the resumed recording stored new data in the same session"
