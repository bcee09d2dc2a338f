"""``ketaconsole scenarios`` and the ``--scenario`` option of ``sim`` and ``gui``."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from ketaconsole.cli import main
from ketaconsole.paths import data_path
from ketaconsole.simulator.launcher import SimulatorStartError, launch_simulator
from ketaconsole.simulator.scenario import shipped_scenario_paths

#: Upper bound on waiting for a subprocess (start-up includes importing numpy); not a speed assertion.
PATIENCE_S = 30

VALID = """\
id = "tiny"
name = "Tiny"
description = "SpO2 drops at 10 s; the probe is off from 25 s to 30 s."

[[step]]
at_s = 10
parameter = "SPO2"
to = 80

[[step]]
at_s = 25
sensor_off_s = 5
"""

OVERLAPPING = VALID.replace("sensor_off_s = 5", 'parameter = "SPO2"\nto = 90\nover_s = 5').replace(
    "at_s = 25", "at_s = 10")


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_listing_shows_every_shipped_scenario_with_its_description_and_timeline(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios"]) == 0
    shown = capsys.readouterr().out
    for path in shipped_scenario_paths():
        assert f"{path.stem}  " in shown and str(path) in shown
    assert "0:30  SPO2 to 85 % over 20 s" in shown
    assert "1:00  SpO2 sensor off for 45 s" in shown
    assert "1:00  RR to 0 /min at once" in shown


def test_check_accepts_a_good_file_and_refuses_a_bad_one_naming_file_and_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "good.toml", VALID)
    bad = write(tmp_path, "bad.toml", OVERLAPPING)
    assert main(["scenarios", "--check", str(good), str(bad)]) == 1
    out, errors = capsys.readouterr()
    assert f"{good}: ok (tiny)" in out and "0:25  SpO2 sensor off for 5 s" in out
    assert f"refused: {bad}: step: " in errors and "must not overlap" in errors
    assert main(["scenarios", "--check", str(good)]) == 0


def test_check_uses_the_drift_limits_of_the_given_patient(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    default = data_path("resources", "simulator", "default.toml")
    patient = write(tmp_path, "patient.toml", default.read_text(encoding="utf-8").replace(
        "[numeric.SPO2]\nbaseline = 98\nresolution = 1\ndrift_limit = 2",
        "[numeric.SPO2]\nbaseline = 94\nresolution = 1\ndrift_limit = 6"))
    scenario = write(tmp_path, "mild.toml", VALID.replace("to = 80", "to = 96"))
    assert main(["scenarios", "--check", str(scenario)]) == 0
    assert main(["scenarios", "--check", str(scenario), "--patient", str(patient)]) == 1
    assert "step.0.to: SPO2 96 ± the patient's drift limit 6" in capsys.readouterr().err


def test_sim_refuses_an_unknown_or_invalid_scenario_before_opening_a_port(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sim", "--protocol", "masimo", "--pty", "--scenario", "choking"]) == 1
    out, errors = capsys.readouterr()
    assert out == "" and "no shipped scenario 'choking'" in errors and "apnoea" in errors

    bad = write(tmp_path, "bad.toml", VALID.replace('"SPO2"', '"SP02"'))
    assert main(["sim", "--protocol", "masimo", "--pty", "--scenario", str(bad)]) == 1
    out, errors = capsys.readouterr()
    assert out == "" and f"{bad}: step.0.parameter: Value error, unknown parameter 'SP02'" in errors


def test_gui_scenario_needs_a_simulated_monitor(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["gui", "--port", "/dev/ttyUSB0", "--protocol", "masimo", "--scenario", "apnoea"])
    assert exit_info.value.code == 2
    assert "--scenario needs --simulated" in capsys.readouterr().err


@pytest.mark.slow
def test_sim_follows_a_scenario_on_a_pty_and_the_truth_log_shows_the_scripted_changes(tmp_path: Path) -> None:
    tiny = write(tmp_path, "tiny.toml", VALID)
    truth = tmp_path / "truth.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "ketaconsole", "sim", "--protocol", "masimo", "--pty", "--seed", "3",
         "--speed", "20", "--duration", "40", "--scenario", str(tiny), "--truth", str(truth)],
        capture_output=True, text=True, timeout=PATIENCE_S)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("PORT /dev/pts/")
    assert "scenario tiny" in result.stderr

    lines = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines()]
    origin = datetime.fromisoformat(lines[0]["utc"]).timestamp()
    # (simulated s since the start, SpO2 shown from then until the next line)
    shown = [(datetime.fromisoformat(line["utc"]).timestamp() - origin, line["numerics"]["SPO2"])
             for line in lines]
    assert shown[-1][0] >= 39
    assert all(96 <= spo2 <= 100 for since, spo2 in shown if since < 10)
    assert all(spo2 is not None and 78 <= spo2 <= 82 for since, spo2 in shown if 10 < since < 25)
    probe_off = [spo2 for since, spo2 in shown if 25 <= since < 30]
    assert probe_off and all(spo2 is None for spo2 in probe_off)
    assert all(spo2 is not None and 78 <= spo2 <= 82 for since, spo2 in shown if since >= 30)


@pytest.mark.slow
def test_the_launcher_hands_the_scenario_to_the_simulator(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.toml", OVERLAPPING)
    with pytest.raises(SimulatorStartError, match="must not overlap") as refused:
        launch_simulator("masimo", scenario=str(bad), timeout_s=PATIENCE_S)
    assert f"--scenario {bad}" in str(refused.value)
    with launch_simulator("masimo", scenario="sensor-off", timeout_s=PATIENCE_S) as simulator:
        assert simulator.port.startswith("/dev/pts/")
    assert "scenario sensor-off" in simulator.stderr_text
