"""The console window: the numeric tiles and the connection label, refreshed at 2 Hz.

The window only reads from its :class:`~ketaconsole.gui.live_feed.LiveFeed`; it never waits on the
serial link or the database. Every refresh re-evaluates the age of every shown value against the
clock, so a value stops looking fresh even when nothing new arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from ketaconsole.core.clock import Clock, Stamp
from ketaconsole.core.observations import Observation
from ketaconsole.devices.link import LinkStatus
from ketaconsole.gui.display_text import TILES, TileSpec, link_text, tile_text
from ketaconsole.gui.generated.ui_main_window import Ui_MainWindow
from ketaconsole.gui.live_feed import LiveFeed

REFRESH_INTERVAL_MS = 500
MIN_VALUE_POINT_SIZE = 8.0

STYLE_SHEET = """
QLabel[freshness="stale"], QLabel[freshness="absent"], QLabel[freshness="no-value"] { color: #8c8c8c; }
QLabel#connection_label { padding: 4px 8px; }
QLabel#connection_label[link_state="connected"] { color: #1b6e20; }
QLabel#connection_label[link_state="connecting"] { color: #8a6d00; }
QLabel#connection_label[link_state="no-data"], QLabel#connection_label[link_state="disconnected"] {
    color: white; background-color: #b00020;
}
"""


class MainWindow(QMainWindow):
    """Shows what ``feed`` delivers; ages are measured with ``clock`` (the recorder's clock)."""

    def __init__(self, feed: LiveFeed, clock: Clock, *, status_message: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setStyleSheet(STYLE_SHEET)
        self.ui.statusbar.showMessage(status_message)
        self._feed = feed
        self._clock = clock
        self._latest: dict[str, Observation] = {}
        self._link_status: LinkStatus | None = None
        self._designed_point_size = {
            spec.key: self._value_label(spec).font().pointSizeF() for spec in TILES
        }
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_INTERVAL_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh_timer.start()
        self.refresh()

    def refresh(self) -> None:
        """Take everything the feed has gathered and redraw the tiles and the connection label."""
        for item in self._feed.drain():
            if isinstance(item, LinkStatus):
                self._link_status = item
            else:
                self._latest[item.parameter] = item
        now = self._clock.now()
        for spec in TILES:
            self._show_tile(spec, now)
        label = self.ui.connection_label
        label.setText(link_text(self._link_status))
        _set_style_property(label, "link_state", self._link_status.state.value if self._link_status else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for spec in TILES:
            self._fit_value(spec)

    def _value_label(self, spec: TileSpec) -> QLabel:
        return getattr(self.ui, f"{spec.key}_value")

    def _show_tile(self, spec: TileSpec, now: Stamp) -> None:
        text = tile_text(spec, self._latest, now)
        value_label = self._value_label(spec)
        note_label: QLabel = getattr(self.ui, f"{spec.key}_note")
        if value_label.text() != text.value:
            value_label.setText(text.value)
            self._fit_value(spec)
        note_label.setText(text.note)
        for label in (value_label, note_label):
            _set_style_property(label, "freshness", text.freshness.value)

    def _fit_value(self, spec: TileSpec) -> None:
        """Shrink the value's font until the whole text fits its tile: a clipped "130/81" that
        reads "30/81" is a wrong number. Never larger than the size designed in the form."""
        label = self._value_label(spec)
        font = label.font()
        size = self._designed_point_size[spec.key]
        available = label.contentsRect().width()
        while size > MIN_VALUE_POINT_SIZE:
            font.setPointSizeF(size)
            if QFontMetrics(font).horizontalAdvance(label.text()) <= available:
                break
            size -= 1
        font.setPointSizeF(max(size, MIN_VALUE_POINT_SIZE))
        label.setFont(font)


def _set_style_property(widget: QWidget, name: str, value: str) -> None:
    """Set a property the style sheet selects on, re-polishing only when it changes."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
