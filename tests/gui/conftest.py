"""GUI test isolation (QSettings go to a per-test folder, never to the user's real configuration;
treatment profiles come from the shipped files only) and the console window and session fixtures
the GUI tests share."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from ketaconsole.acquisition.recorder import RecordedEvent
from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.observations import Observation
from ketaconsole.core.treatment_profiles import LoadedProfile, load_catalogue
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import MainWindow
from ketaconsole.paths import data_path


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path: Path) -> Path:
    folder = tmp_path / "settings"
    QCoreApplication.setOrganizationName("KetaConsoleTests")
    QCoreApplication.setApplicationName("KetaConsoleTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_theme_left_behind(qapp) -> Iterator[None]:
    """Each test starts without a style sheet: a theme one test applied must not colour the next."""
    yield
    qapp.setStyleSheet("")


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


class RecordingControls:
    """The recorder seen from the window, for dose tests: keeps every session event it is asked to
    store and passes it (and manual values) through the live feed, as the real recorder does."""

    def __init__(self, feed: LiveFeed) -> None:
        self.feed = feed
        self.events: list[RecordedEvent] = []
        self.notes: list[tuple[str, str, str]] = []

    def add_manual_observations(self, observations: Sequence[Observation]) -> None:
        self.feed.put_outputs(observations)

    def add_note(self, text: str, *, category: str, user: str) -> None:
        self.notes.append((text, category, user))

    def record_event(self, kind: str, stamp: Stamp, detail: Mapping[str, Any], user: str | None) -> None:
        event = RecordedEvent(kind, stamp, dict(detail), user)
        self.events.append(event)
        self.feed.put_event(event)

    def kinds(self) -> list[str]:
        return [event.kind for event in self.events]

    def last(self, kind: str) -> RecordedEvent:
        return [event for event in self.events if event.kind == kind][-1]


@pytest.fixture
def controls(feed: LiveFeed) -> RecordingControls:
    return RecordingControls(feed)


@pytest.fixture(autouse=True)
def shipped_profiles_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Treatment profiles come from ``resources/protocols`` only, never from the machine's site folder."""
    monkeypatch.setenv("KETACONSOLE_CONFIG_DIR", str(tmp_path / "site-config"))


@pytest.fixture
def profiles() -> dict[str, LoadedProfile]:
    """The shipped treatment profiles by id."""
    return load_catalogue([data_path("resources", "protocols")]).profiles


@pytest.fixture
def cuff(feed: LiveFeed, clock: ManualClock) -> Callable[..., None]:
    """Puts a cuff measurement from the monitor, received now, into the feed."""

    def measure(systolic: float = 124, diastolic: float = 78, mean: float = 93) -> None:
        now = clock.now()
        feed.put_outputs([Observation("NIBP_SYS", systolic, now, "dev"),
                          Observation("NIBP_DIA", diastolic, now, "dev"),
                          Observation("NIBP_MEAN", mean, now, "dev")])

    return measure
