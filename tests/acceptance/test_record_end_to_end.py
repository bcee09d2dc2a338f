"""Acceptance: a simulated monitor on a pseudo-terminal, recorded by ``ketaconsole record``, lands in
the database with the simulator's values, for each protocol."""

from __future__ import annotations

import math
import signal
from datetime import UTC, datetime

import numpy as np
import pytest
from acceptance_support import database_url, read_truth, states_during_second

from ketaconsole.storage.database import Database

pytestmark = pytest.mark.slow

# What each protocol carries, and the largest honest difference between what the simulator displayed
# and what comes back (half the protocol's resolution, plus float noise). S/5 gases travel as % of the
# ambient pressure with 0.01 % steps: 0.076 mmHg at 760 mmHg.
SENT_PARAMETERS = {
    "masimo": {"SPO2": 0.5, "PR": 0.5, "PI": 0.005},
    "datex-s5": {"HR": 0.5, "NIBP_SYS": 0.005, "NIBP_DIA": 0.005, "NIBP_MEAN": 0.005, "SPO2": 0.005,
                 "PR": 0.5, "TEMP": 0.005, "ETCO2": 0.04, "FICO2": 0.04, "RR": 0.5},
}
S5_WAVE_RATES_HZ = {"ECG": 300.0, "PLETH": 100.0, "CO2": 25.0}
SPEED = 4
RECORD_S = 12


def as_utc(device_time: datetime) -> datetime:
    """Device time as aware UTC: the simulated Masimo keeps its (naive) clock on UTC."""
    return device_time if device_time.tzinfo else device_time.replace(tzinfo=UTC)


@pytest.mark.parametrize("protocol", sorted(SENT_PARAMETERS))
def test_recorded_values_are_the_simulated_values(protocol, tmp_path, commands):
    truth_file = tmp_path / "truth.jsonl"
    sim = commands("sim", "--protocol", protocol, "--pty", "--seed", "11", "--speed", str(SPEED),
                   "--truth", str(truth_file))
    port = sim.first_line.removeprefix("PORT ")
    url = database_url(tmp_path)
    record = commands("--db", url, "record", "--port", port, "--protocol", protocol,
                      "--duration", str(RECORD_S), "--patient", "E2E-1")
    session_id = record.first_line.removeprefix("SESSION ")
    assert record.wait(RECORD_S + 20) == 0
    sim.signal(signal.SIGTERM)
    assert sim.wait() == 0

    truth = read_truth(truth_file)
    with Database(url) as db:
        observations = db.observations(session_id)
        chunks = db.waveform_chunks(session_id)
        summary = db.find_session(session_id)
    assert summary.status == "ended" and summary.patient_identifier == "E2E-1"

    tolerance = SENT_PARAMETERS[protocol]
    checked = dict.fromkeys(tolerance, 0)
    for observation in observations:
        if observation.parameter not in tolerance:
            continue
        assert observation.device_time is not None
        shown = [s.numerics[observation.parameter]
                 for s in states_during_second(truth, as_utc(observation.device_time))]
        assert shown, f"{observation} has a device time outside the simulated session"
        if observation.value is None:
            assert None in shown, f"{observation} is absent but the simulator showed {shown}"
        else:
            assert any(v is not None and abs(v - observation.value) <= tolerance[observation.parameter]
                       for v in shown), f"{observation} does not match the simulator's {shown}"
        checked[observation.parameter] += 1
    # Masimo sends a line per simulated second, the S/5 a record every 5 simulated seconds.
    expected_minimum = RECORD_S * SPEED // (1 if protocol == "masimo" else 5) // 2
    assert all(count >= expected_minimum for count in checked.values()), checked
    measured = {o.parameter for o in observations if o.value is not None}
    assert set(tolerance) - {"NIBP_SYS", "NIBP_DIA", "NIBP_MEAN"} <= measured

    if protocol == "datex-s5":
        assert {"NIBP_SYS", "NIBP_DIA", "NIBP_MEAN"} <= measured, "the cuff cycles within 10 simulated s"
        check_s5_waveforms(chunks, truth)
    else:
        assert chunks == []


def check_s5_waveforms(chunks, truth) -> None:
    for wave, rate in S5_WAVE_RATES_HZ.items():
        own = [c for c in chunks if c.wave == wave]
        assert own, f"no {wave} chunks stored"
        assert {c.sample_rate_hz for c in own} == {rate}
        samples = np.concatenate([c.samples for c in own])
        simulated_s = RECORD_S * SPEED
        assert len(samples) / rate >= 0.6 * simulated_s, f"{wave}: {len(samples) / rate:.1f} s stored"
        assert np.isfinite(samples).mean() > 0.9
    co2 = np.concatenate([c.samples for c in chunks if c.wave == "CO2"])
    etco2_shown = [s.numerics["ETCO2"] for s in truth if s.numerics["ETCO2"] is not None]
    assert math.isclose(np.nanmax(co2), max(etco2_shown), abs_tol=2.0)
    assert np.nanmin(co2) <= 1.0, "inspiration brings the capnogram back to about zero"
