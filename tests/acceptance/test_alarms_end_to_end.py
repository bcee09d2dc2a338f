"""Acceptance: a scripted simulator drives SpO2 down and blood pressure up over a pseudo-terminal; the
recorder's alarm monitor raises and clears the expected alarms; stopping the simulator raises a
technical alarm within the configured time. Everything the nurse would see is also in the session's
alarm log."""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path

import pytest
from acceptance_support import database_url

from ketaconsole.paths import data_path
from ketaconsole.storage.database import Database

pytestmark = pytest.mark.slow

NO_DATA_AFTER_S = 12
"""The site's alarm preset in this test sets the technical no-data delay (the shipped default is 30 s)."""

SCENARIO = """
id = "alarm-check"
name = "Alarm check"
description = "SpO2 falls to about 84 % for 20 s; one cuff reading of about 190/115; both recover."

[[step]]
at_s = 3
parameter = "SPO2"
to = 84
over_s = 2

[[step]]
at_s = 4
parameter = "NIBP_SYS"
to = 190

[[step]]
at_s = 4
parameter = "NIBP_DIA"
to = 115

[[step]]
at_s = 6
measure_nibp = true

[[step]]
at_s = 12
parameter = "NIBP_SYS"
to = 126

[[step]]
at_s = 12
parameter = "NIBP_DIA"
to = 80

[[step]]
at_s = 14
measure_nibp = true

[[step]]
at_s = 26
parameter = "SPO2"
to = 98
over_s = 2
"""


def site_preset(config_dir: Path) -> None:
    """The shipped default preset with another no-data delay, as a site would configure it."""
    shipped = data_path("resources", "alarms", "ketamine-default.toml").read_text(encoding="utf-8")
    changed = re.sub(r"^no_data_after_s = \d+", f"no_data_after_s = {NO_DATA_AFTER_S}", shipped, flags=re.M)
    assert changed != shipped
    (config_dir / "alarms").mkdir(parents=True)
    (config_dir / "alarms" / "ketamine-default.toml").write_text(changed, encoding="utf-8")


def test_scripted_alarms_rise_and_clear_and_a_stopped_monitor_is_a_technical_alarm(
        tmp_path: Path, commands, monkeypatch: pytest.MonkeyPatch) -> None:
    config_dir = tmp_path / "site"
    site_preset(config_dir)
    monkeypatch.setenv("KETACONSOLE_CONFIG_DIR", str(config_dir))
    scenario = tmp_path / "alarm-check.toml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    port = str(tmp_path / "ttyMonitor")
    url = database_url(tmp_path)

    sim = commands("sim", "--protocol", "datex-s5", "--pty", "--link", port, "--seed", "3",
                   "--scenario", str(scenario))
    record = commands("--db", url, "record", "--port", port, "--protocol", "datex-s5")
    session_id = record.first_line.removeprefix("SESSION ")
    record.wait_for_stderr("link connected", timeout_s=10)

    record.wait_for_stderr("ALARM high started: Systolic pressure high", timeout_s=20)
    record.wait_for_stderr("ALARM high started: Diastolic pressure high", timeout_s=5)
    record.wait_for_stderr("ALARM ended: Systolic pressure high", timeout_s=20)
    record.wait_for_stderr("started: SpO2 low", timeout_s=25)
    record.wait_for_stderr("ALARM ended: SpO2 low", timeout_s=30)

    stopped = time.monotonic()
    sim.signal(signal.SIGTERM)
    assert sim.wait() == 0
    raised = record.wait_for_stderr("ALARM medium started: Monitor disconnected",
                                    timeout_s=NO_DATA_AFTER_S + 2, after=stopped)
    assert raised - stopped <= NO_DATA_AFTER_S
    record.signal(signal.SIGINT)
    assert record.wait() == 0

    with Database(url) as db:
        events = db.events(session_id, recorded_order=True)
    log = [(e.kind, e.detail) for e in events if e.kind.startswith("alarm-")]
    started = {d["key"]: d for k, d in log if k == "alarm-started"}
    ended = {d["key"] for k, d in log if k == "alarm-ended"}
    assert {"limit:spo2-low", "limit:sbp-high", "limit:dbp-high"} <= started.keys()
    assert {"limit:spo2-low", "limit:sbp-high", "limit:dbp-high"} <= ended
    assert started["limit:sbp-high"]["value"] >= 180 and started["limit:sbp-high"]["limit"] == 180
    spo2_priorities = [started["limit:spo2-low"]["priority"]] + [
        d["to"] for k, d in log if k == "alarm-priority-changed" and d["key"] == "limit:spo2-low"]
    assert "high" in spo2_priorities, spo2_priorities
    technical = [d for k, d in log if k == "alarm-started" and d["kind"] == "technical"]
    assert any(d["key"].startswith("link:") for d in technical)
    kind, selected = log[0]
    assert kind == "alarm-preset-selected"
    assert selected["content"]["technical"]["no_data_after_s"] == NO_DATA_AFTER_S
