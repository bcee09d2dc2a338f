"""The console window on real widgets (offscreen): values, absent reasons, stale greying, link state."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ketaconsole.acquisition.alarm_monitor import AlarmMonitor
from ketaconsole.core.alarm_presets import load_preset_bytes
from ketaconsole.core.alarms import AlarmEngine
from ketaconsole.core.clock import ManualClock, SystemClock
from ketaconsole.core.observations import AbsentReason, Observation
from ketaconsole.devices.link import LinkState, LinkStatus
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import FRAME_INTERVAL_MS, MainWindow
from ketaconsole.paths import data_path


def observe(
    feed: LiveFeed,
    clock: ManualClock,
    parameter: str,
    value: float | None,
    reason: AbsentReason | None = None,
) -> None:
    feed.put_outputs([Observation(parameter, value, clock.now(), "test", reason)])


def label(window: MainWindow, name: str) -> QLabel:
    return getattr(window.ui, name)


def text_colour(widget: QLabel) -> str:
    return widget.palette().color(QPalette.ColorRole.WindowText).name()


def test_fresh_values_are_shown_with_their_tile(
    window: MainWindow, feed: LiveFeed, clock: ManualClock
) -> None:
    for parameter, value in [
        ("HR", 72),
        ("SPO2", 98),
        ("NIBP_SYS", 121),
        ("NIBP_DIA", 79),
        ("NIBP_MEAN", 93),
        ("TEMP", 36.64),
    ]:
        observe(feed, clock, parameter, value)
    window.refresh()
    assert label(window, "hr_value").text() == "72"
    assert label(window, "spo2_value").text() == "98"
    assert label(window, "nibp_value").text() == "121/79 (93)"
    assert label(window, "temp_value").text() == "36.6"
    assert label(window, "temp_unit").text() == "°C"
    assert label(window, "hr_value").property("freshness") == "fresh"
    assert label(window, "hr_note").text() == ""
    assert label(window, "rr_value").text() == "–"
    assert label(window, "rr_note").text() == "no value yet"
    assert window.ui.statusbar.currentMessage() == "Session test"


def test_an_absent_value_is_a_dash_with_the_reason(
    window: MainWindow, feed: LiveFeed, clock: ManualClock
) -> None:
    observe(feed, clock, "SPO2", 97)
    window.refresh()
    observe(feed, clock, "SPO2", None, AbsentReason.SENSOR_OFF)
    window.refresh()
    assert label(window, "spo2_value").text() == "–"
    assert label(window, "spo2_note").text() == "sensor off"
    assert label(window, "spo2_value").property("freshness") == "absent"


def test_a_value_older_than_ten_seconds_is_greyed_with_its_age(
    window: MainWindow, feed: LiveFeed, clock: ManualClock
) -> None:
    observe(feed, clock, "HR", 64)
    window.refresh()
    fresh_colour = text_colour(label(window, "hr_value"))
    clock.advance(10)
    window.refresh()
    assert label(window, "hr_value").property("freshness") == "fresh"
    clock.advance(2.5)
    window.refresh()
    assert label(window, "hr_value").text() == "64"
    assert label(window, "hr_note").text() == "12 s ago"
    assert label(window, "hr_value").property("freshness") == "stale"
    assert text_colour(label(window, "hr_value")) != fresh_colour
    observe(feed, clock, "HR", 66)
    window.refresh()
    assert (label(window, "hr_value").text(), label(window, "hr_note").text()) == ("66", "")
    assert text_colour(label(window, "hr_value")) == fresh_colour


def test_the_alarm_presets_stale_time_decides_when_a_number_greys(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock
) -> None:
    shipped = data_path("resources", "alarms", "ketamine-default.toml").read_bytes()
    loaded = load_preset_bytes(shipped.replace(b"stale_after_s = 10 ", b"stale_after_s = 20 "), source="site")
    monitor = AlarmMonitor(AlarmEngine(loaded, sink=lambda *event: None), clock, sink=lambda *event: None)
    window = MainWindow(feed, clock, alarms=monitor)
    qtbot.addWidget(window)
    observe(feed, clock, "HR", 64)
    window.refresh()
    clock.advance(15)
    window.refresh()
    assert label(window, "hr_value").property("freshness") == "fresh"
    clock.advance(6)
    window.refresh()
    assert label(window, "hr_value").property("freshness") == "stale"


def test_the_connection_label_follows_the_link(
    window: MainWindow, feed: LiveFeed, clock: ManualClock
) -> None:
    assert "waiting" in window.ui.connection_label.text()
    feed.put_link_status(LinkStatus(LinkState.CONNECTED, clock.now(), "/dev/pts/3: receiving"))
    window.refresh()
    assert window.ui.connection_label.text() == "Monitor: connected – /dev/pts/3: receiving"
    feed.put_link_status(LinkStatus(LinkState.NO_DATA, clock.now(), "/dev/pts/3: no valid data for 3 s"))
    window.refresh()
    assert window.ui.connection_label.text() == "Monitor: NO DATA – /dev/pts/3: no valid data for 3 s"
    assert window.ui.connection_label.property("link_state") == "no-data"


def test_the_timer_picks_up_values_put_by_another_thread(
    qtbot: QtBot, window: MainWindow, feed: LiveFeed, clock: ManualClock
) -> None:
    assert window.frame_timer.isActive() and window.frame_timer.interval() == FRAME_INTERVAL_MS
    reader = threading.Thread(target=observe, args=(feed, clock, "RR", 14))
    reader.start()
    reader.join()
    qtbot.waitUntil(lambda: label(window, "rr_value").text() == "14", timeout=5000)


@pytest.mark.slow
def test_the_window_shows_a_simulated_monitor_through_the_recorder(qtbot: QtBot, tmp_path: Path) -> None:
    from ketaconsole.acquisition.recorder import Recorder
    from ketaconsole.simulator.launcher import launch_simulator
    from ketaconsole.storage.database import Database

    clock = SystemClock()
    feed = LiveFeed()
    with (
        launch_simulator("masimo", seed=3) as simulator,
        Database(f"sqlite:///{tmp_path / 'w.sqlite3'}") as db,
    ):
        recorder = Recorder(db, port=simulator.port, protocol="masimo", clock=clock)
        recorder.add_output_listener(feed.put_outputs)
        recorder.add_link_state_listener(feed.put_link_status)
        recorder.start()
        try:
            shown = MainWindow(feed, clock)
            qtbot.addWidget(shown)
            qtbot.waitUntil(lambda: shown.ui.spo2_value.text().isdigit(), timeout=15000)
            assert 50 <= int(shown.ui.spo2_value.text()) <= 100
            assert shown.ui.connection_label.text().startswith("Monitor: connected")
        finally:
            recorder.stop()


@pytest.mark.slow
def test_gui_command_starts_records_and_saves_a_screenshot(tmp_path: Path) -> None:
    picture = tmp_path / "console.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ketaconsole",
            "--db",
            f"sqlite:///{tmp_path / 'g.sqlite3'}",
            "gui",
            "--simulated",
            "masimo",
            "--screenshot",
            str(picture),
            "--quit-after",
            "4",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
             "XDG_CONFIG_HOME": str(tmp_path / "config")},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("SESSION ")
    image = QImage(str(picture))
    assert image.width() >= 800 and image.height() >= 400
    sessions = subprocess.run(
        [sys.executable, "-m", "ketaconsole", "--db", f"sqlite:///{tmp_path / 'g.sqlite3'}", "sessions"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.split()[1] in sessions.stdout


@pytest.mark.parametrize("width", [1100, 700])
def test_a_long_value_is_never_clipped(window: MainWindow, feed: LiveFeed, clock: ManualClock,
                                       qtbot: QtBot, width: int) -> None:
    """A clipped "130/81 (97)" reads "30/81 (97": the value must shrink to fit, whatever the width."""
    window.resize(width, 560)
    observe(feed, clock, "NIBP_SYS", 130)
    observe(feed, clock, "NIBP_DIA", 81)
    observe(feed, clock, "NIBP_MEAN", 97)
    window.refresh()
    qtbot.wait(50)
    value = label(window, "nibp_value")
    assert value.text() == "130/81 (97)"
    assert value.fontMetrics().horizontalAdvance(value.text()) <= value.contentsRect().width()


@pytest.mark.slow
def test_ketaconsole_alone_opens_the_start_dialog_and_a_signal_closes_it(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    console = subprocess.Popen(
        [sys.executable, "-m", "ketaconsole", "--db", f"sqlite:///{tmp_path / 'a.sqlite3'}"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=env,
    )
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            console.wait(4)
        console.send_signal(signal.SIGTERM)
        _, stderr = console.communicate(timeout=20)
    finally:
        if console.poll() is None:
            console.kill()
    assert console.returncode == 0, stderr
    assert "Traceback" not in stderr
