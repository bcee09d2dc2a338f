"""Acceptance: the real bedside window on a simulated monitor over a pseudo-terminal, with storage:
values flow, a manual BP and a note are recorded, a stopped monitor raises the banner within 2 s,
a restarted one clears it, and the stored session matches what the window showed."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.core.clock import SystemClock
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import MainWindow
from ketaconsole.simulator.launcher import launch_simulator
from ketaconsole.storage.database import Database

pytestmark = pytest.mark.slow


def fill_active_dialog(values: dict[str, str], *, text: str | None = None) -> None:
    """Type into the dialog that is open (the manual vitals or the note dialog) and accept it."""
    dialog = QApplication.activeModalWidget()
    assert dialog is not None, "no dialog opened"
    for name, value in values.items():
        getattr(dialog.ui, name).setText(value)
    if text is not None:
        dialog.ui.text_edit.setPlainText(text)
    dialog.ui.button_box.accepted.emit()


def test_a_session_in_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    link = tmp_path / "ttyMonitor"
    clock = SystemClock()
    with Database(f"sqlite:///{tmp_path / 'bedside.sqlite3'}") as db:
        simulator = launch_simulator("datex-s5", seed=4, link=link)
        recorder = Recorder(db, port=str(link), protocol="datex-s5", clock=clock)
        feed = LiveFeed()
        feed.attach(recorder)
        session_id = recorder.start()
        window = MainWindow(feed, clock, controls=recorder, operator="ann")
        qtbot.addWidget(window)
        window.show()
        try:
            qtbot.waitUntil(lambda: window.ui.hr_value.text().isdigit(), timeout=20000)
            assert window.ui.temp_value.text().replace(".", "").isdigit()

            manual_bp = {"nibp_sys_edit": "141", "nibp_dia_edit": "86"}
            QTimer.singleShot(200, lambda: fill_active_dialog(manual_bp))
            window.ui.manual_vitals_action.trigger()
            assert window.ui.nibp_value.text().startswith("141/86")
            assert window.ui.nibp_note.text().startswith("manual ")

            QTimer.singleShot(200, lambda: fill_active_dialog({}, text="Patient reports feeling calm"))
            window.ui.note_action.trigger()

            simulator.stop()
            stopped = time.monotonic()
            qtbot.waitUntil(window.ui.banner_label.isVisible, timeout=2000)
            assert time.monotonic() - stopped <= 2.0
            assert "MONITOR DISCONNECTED" in window.ui.banner_label.text()

            simulator = launch_simulator("datex-s5", seed=5, link=link)
            qtbot.waitUntil(lambda: not window.ui.banner_label.isVisible(), timeout=15000)
            qtbot.waitUntil(lambda: window.ui.hr_value.property("freshness") == "fresh", timeout=10000)
            window.refresh()
            shown = {"HR": window.ui.hr_value.text(), "SPO2": window.ui.spo2_value.text(),
                     "RR": window.ui.rr_value.text()}
        finally:
            window.close_choice = window.close_choice or _end()
            recorder.stop()
            simulator.stop()

        observations = db.observations(session_id)
        events = db.events(session_id)
    for parameter, text in shown.items():
        latest = [o for o in observations if o.parameter == parameter and not o.manual][-1]
        assert latest.value is not None and f"{latest.value:.0f}" == text, (parameter, latest, text)
    manual = {o.parameter: o.value for o in observations if o.manual}
    assert manual == {"NIBP_SYS": 141.0, "NIBP_DIA": 86.0}
    assert all(o.source == "ann" for o in observations if o.manual)
    kinds = [e.kind for e in events]
    assert "connection-lost" in kinds and "data-gap" in kinds
    note = next(e for e in events if e.kind == "note")
    assert note.detail["text"] == "Patient reports feeling calm" and note.user == "ann"


def _end():
    from ketaconsole.gui.main_window import CloseChoice

    return CloseChoice.END_SESSION


def test_a_locked_database_never_blocks_the_window_and_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    import sqlite3

    link = tmp_path / "ttyMonitor"
    database_file = tmp_path / "locked.sqlite3"
    clock = SystemClock()
    with Database(f"sqlite:///{database_file}") as db, launch_simulator("datex-s5", seed=6, link=link) as sim:
        assert sim.port
        recorder = Recorder(db, port=str(link), protocol="datex-s5", clock=clock)
        feed = LiveFeed()
        feed.attach(recorder)
        session_id = recorder.start()
        window = MainWindow(feed, clock, controls=recorder, operator="ann")
        qtbot.addWidget(window)
        window.show()
        ticks: list[float] = []
        heartbeat = QTimer()
        heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
        heartbeat.start(33)
        blocker = sqlite3.connect(database_file, isolation_level=None)
        try:
            qtbot.waitUntil(lambda: window.ui.hr_value.text().isdigit(), timeout=20000)
            blocker.execute("BEGIN EXCLUSIVE")
            locked_at = time.monotonic()
            qtbot.waitUntil(lambda: "SESSION NOT BEING SAVED" in window.ui.banner_label.text(), timeout=20000)
            assert window.ui.banner_label.isVisible()
            assert window.ui.hr_value.property("freshness") == "fresh", "live values go on while saving fails"
            gaps = [b - a for a, b in itertools.pairwise(ticks) if a >= locked_at]
            assert gaps and max(gaps) < 1.0, "the GUI thread never waited for the locked database"
            blocker.execute("ROLLBACK")
            qtbot.waitUntil(lambda: not window.ui.banner_label.isVisible(), timeout=20000)
        finally:
            heartbeat.stop()
            blocker.close()
            window.close_choice = _end()
            recorder.stop()
        assert db.observations(session_id), "what waited in memory was saved once the lock went"


def test_manual_values_are_marked_in_the_csv_export(tmp_path: Path) -> None:
    import io

    from ketaconsole.core.manual_entry import validate_manual_vitals
    from ketaconsole.records.csv_export import write_observations_csv

    clock = SystemClock()
    with Database(f"sqlite:///{tmp_path / 'csv.sqlite3'}") as db:
        recorder = Recorder(db, port=str(tmp_path / "none"), protocol="masimo", clock=clock)
        session_id = recorder.start()
        entry = validate_manual_vitals({"TEMP": "37.9"}, user="ann", stamp=clock.now())
        recorder.add_manual_observations(entry.observations)
        recorder.stop()
        out = io.StringIO()
        write_observations_csv(db, session_id, out)
    rows = [line.split(",") for line in out.getvalue().splitlines()[1:]]
    assert [(r[2], r[5], r[7], r[8]) for r in rows] == [("TEMP", "37.9", "valid", "manual:ann")]


def test_a_patient_named_on_the_command_line_keeps_their_record(tmp_path: Path) -> None:
    import datetime
    import os
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'patients.sqlite3'}"
    with Database(url) as db:
        db.get_or_create_patient("MRN-7", name="Ada Lovelace", date_of_birth=datetime.date(1980, 12, 10),
                                 weight_kg=61.0, allergies="penicillin", notes="")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, "-m", "ketaconsole", "--db", url, "gui", "--simulated", "masimo",
         "--patient", "MRN-7", "--quit-after", "3"],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    with Database(url) as db:
        [patient] = db.list_patients()
        [session] = db.list_sessions()
    assert (patient.name, patient.weight_kg, patient.allergies) == ("Ada Lovelace", 61.0, "penicillin")
    assert session.patient_identifier == "MRN-7"


def test_the_treatment_named_on_the_command_line_is_stored_with_its_rules(tmp_path: Path) -> None:
    import hashlib
    import os
    import subprocess
    import sys

    from ketaconsole.paths import data_path

    url = f"sqlite:///{tmp_path / 'treatment.sqlite3'}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "KETACONSOLE_CONFIG_DIR": str(tmp_path / "site")}
    result = subprocess.run(
        [sys.executable, "-m", "ketaconsole", "--db", url, "gui", "--simulated", "masimo",
         "--treatment", "esketamine-intranasal", "--quit-after", "3"],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    shipped = data_path("resources", "protocols", "esketamine-intranasal.toml").read_bytes()
    with Database(url) as db:
        [session] = db.list_sessions()
        [selected] = [e for e in db.events(session.id) if e.kind == "treatment-selected"]
    assert selected.detail["profile_id"] == "esketamine-intranasal"
    assert selected.detail["sha256"] == hashlib.sha256(shipped).hexdigest()
    assert selected.detail["content"]["dose"]["device_mg"] == 28
    assert selected.user


def test_an_unknown_treatment_is_refused_before_anything_is_recorded(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'unknown.sqlite3'}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "KETACONSOLE_CONFIG_DIR": str(tmp_path / "site")}
    result = subprocess.run(
        [sys.executable, "-m", "ketaconsole", "--db", url, "gui", "--simulated", "masimo",
         "--treatment", "no-such-treatment", "--quit-after", "3"],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "no treatment profile 'no-such-treatment'" in result.stderr
    with Database(url) as db:
        assert db.list_sessions() == []
