"""GUI test isolation (QSettings go to a per-test folder, never to the user's real configuration)
and the console window fixtures the GUI tests share."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from ketaconsole.core.clock import ManualClock
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path: Path) -> Path:
    folder = tmp_path / "settings"
    QCoreApplication.setOrganizationName("KetaConsoleTests")
    QCoreApplication.setApplicationName("KetaConsoleTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def feed() -> LiveFeed:
    return LiveFeed()


@pytest.fixture
def window(qtbot, feed: LiveFeed, clock: ManualClock) -> MainWindow:
    """The console window without a session, shown, on a manual clock and an empty feed."""
    shown = MainWindow(feed, clock, status_message="Session test")
    qtbot.addWidget(shown)
    shown.show()
    return shown
