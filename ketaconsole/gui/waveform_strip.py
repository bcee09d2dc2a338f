"""One live waveform as a bedside monitor draws it: a left-to-right sweep over a fixed window.

The strip keeps a :class:`~ketaconsole.acquisition.buffers.WaveformRing` and redraws it when the
window's refresh timer calls :meth:`WaveformStrip.refresh` (25–30 Hz). A trace is only drawn in its
colour while samples keep arriving: when the newest sample is older than ``stale_after_s`` (or none
has come yet, or none of the recent ones is valid) the trace turns grey and a large overlay names the
wave and the problem, so a frozen trace can never pass for a live one.

Drawing follows the measured settings of the performance reference: pen width 1, no antialiasing,
fixed ranges (no auto-range), ``connect='finite'`` so NaN gaps stay gaps, no mouse interaction.
Promotable in Qt Designer (header ``ketaconsole.gui.waveform_strip``).
"""

from __future__ import annotations

from enum import Enum

import pyqtgraph as pg
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QWidget

from ketaconsole.acquisition.buffers import WaveformRing
from ketaconsole.core.clock import Stamp
from ketaconsole.core.observations import WaveformChunk

DARK_BACKGROUND = "#000000"
LIGHT_BACKGROUND = "#ffffff"
DARK_DIMMED = "#5f5f5f"
LIGHT_DIMMED = "#a6a6a6"
DARK_OVERLAY_TEXT = "#ffffff"
LIGHT_OVERLAY_TEXT = "#000000"
DARK_OVERLAY_FILL = (0, 0, 0, 190)
LIGHT_OVERLAY_FILL = (255, 255, 255, 200)


class SweepState(Enum):
    """What the strip can honestly say about its trace at a given moment."""

    LIVE = "live"
    NO_DATA_YET = "no data yet"
    NO_SIGNAL = "NO SIGNAL"
    NO_VALID_SIGNAL = "NO VALID SIGNAL"


def sweep_state(ring: WaveformRing | None, now: Stamp, stale_after_s: float) -> SweepState:
    """``LIVE`` only when a sample arrived at most ``stale_after_s`` seconds before ``now`` and a
    finite one (not NaN) did too; ``NO_SIGNAL`` when samples stopped arriving, ``NO_VALID_SIGNAL``
    when they arrive but are all invalid (e.g. leads off)."""
    if ring is None or ring.newest is None:
        return SweepState.NO_DATA_YET
    if now.seconds_since(ring.newest) > stale_after_s:
        return SweepState.NO_SIGNAL
    if ring.newest_finite is None or now.seconds_since(ring.newest_finite) > stale_after_s:
        return SweepState.NO_VALID_SIGNAL
    return SweepState.LIVE


class WaveformStrip(pg.PlotWidget):
    """A sweep of one wave; call :meth:`configure` once, then feed :meth:`add_chunk` and
    :meth:`refresh` from the GUI thread."""

    _built = False  # resizeEvent comes from pyqtgraph's __init__ before our items exist, and from
    # close() after pyqtgraph deleted them: the fonts are only fitted in between.

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wave = ""
        self._label = ""
        self._window_s = 10.0
        self._y_range = (-1.0, 1.0)
        self._colour = "#00e676"
        self._stale_after_s = 1.0
        self._dark = True
        self._ring: WaveformRing | None = None
        self._drawn_total = -1
        self._state = SweepState.NO_DATA_YET
        plot = self.getPlotItem()
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.disableAutoRange()
        self._curve = pg.PlotDataItem(connect="finite", antialias=False, skipFiniteCheck=False)
        plot.addItem(self._curve)
        self._name = pg.TextItem(anchor=(0, 0))
        self._overlay = pg.TextItem(anchor=(0.5, 0.5))
        for text in (self._name, self._overlay):
            text.setZValue(10)
            plot.addItem(text, ignoreBounds=True)
        self._apply_ranges()
        self.setBackground(DARK_BACKGROUND)
        self._show_state(SweepState.NO_DATA_YET)
        self._built = True
        self._fit_fonts()

    @property
    def wave(self) -> str:
        """The registry key of the configured wave (``""`` before :meth:`configure`)."""
        return self._wave

    @property
    def state(self) -> SweepState:
        """The state shown since the last :meth:`refresh` (``NO_DATA_YET`` after :meth:`configure`)."""
        return self._state

    @property
    def overlay_text(self) -> str:
        """The large text over the trace; empty while the trace is live."""
        return self._overlay.toPlainText() if self._overlay.isVisible() else ""

    @property
    def curve(self) -> pg.PlotDataItem:
        """The trace item (x in seconds into the window, y in the wave's unit)."""
        return self._curve

    @property
    def ring(self) -> WaveformRing | None:
        """The sweep buffer, created by the first chunk after :meth:`configure`."""
        return self._ring

    def configure(self, wave: str, *, label: str, window_s: float, y_range: tuple[float, float],
                  colour: str, stale_after_s: float = 1.0) -> None:
        """Show ``wave`` (registry key) titled ``label`` over ``window_s`` seconds, values from
        ``y_range[0]`` to ``y_range[1]`` in the wave's registry unit, traced in ``colour``. The trace
        greys out when its newest sample is more than ``stale_after_s`` seconds old. Forgets any
        samples shown so far."""
        if window_s <= 0 or stale_after_s <= 0 or not y_range[0] < y_range[1]:
            raise ValueError("window_s and stale_after_s must be positive and y_range increasing")
        self._wave = wave
        self._label = label
        self._window_s = window_s
        self._y_range = y_range
        self._colour = colour
        self._stale_after_s = stale_after_s
        self._ring = None
        self._drawn_total = -1
        self._curve.setData([], [])
        self._name.setText(label)
        self._apply_ranges()
        self._show_state(SweepState.NO_DATA_YET)

    def add_chunk(self, chunk: WaveformChunk) -> None:
        """Write ``chunk`` into the sweep (a new sample rate starts a new, empty sweep).

        Raises ``ValueError`` for a chunk of another wave: drawing it would be a wrong trace.
        """
        if chunk.wave != self._wave:
            raise ValueError(f"strip configured for {self._wave!r} got a chunk of {chunk.wave!r}")
        if self._ring is None or self._ring.sample_rate_hz != chunk.sample_rate_hz:
            self._ring = WaveformRing(self._window_s, chunk.sample_rate_hz)
            self._drawn_total = -1
        self._ring.write(chunk)

    def refresh(self, now: Stamp) -> None:
        """Redraw for ``now``: new samples if any arrived, and the live/grey state.

        Cost is bounded by the window (one ``setData`` of the ring's fixed arrays, only when samples
        arrived); ranges are fixed, nothing is rescaled.
        """
        ring = self._ring
        if ring is not None and ring.total_written != self._drawn_total:
            self._curve.setData(ring.x_seconds, ring.samples)
            self._drawn_total = ring.total_written
        state = sweep_state(ring, now, self._stale_after_s)
        if state != self._state:
            self._show_state(state)

    def set_theme(self, dark: bool) -> None:
        """Dark (black background) for a dimmed room, or light."""
        self._dark = dark
        self.setBackground(DARK_BACKGROUND if dark else LIGHT_BACKGROUND)
        self._apply_colours()

    def close(self) -> None:
        self._built = False
        super().close()

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        super().resizeEvent(event)
        if self._built:
            self._fit_fonts()

    def _fit_fonts(self) -> None:
        """Scale the title and the overlay with the strip's height (pixels), within readable bounds."""
        height = self.height()
        self._name.setFont(_bold_font(max(11, min(20, round(height * 0.16)))))
        self._overlay.setFont(_bold_font(max(14, min(44, round(height * 0.3)))))

    def _show_state(self, state: SweepState) -> None:
        self._state = state
        self._overlay.setText("" if state is SweepState.LIVE else f"{self._label} — {state.value}")
        self._overlay.setVisible(state is not SweepState.LIVE)
        self._apply_colours()

    def _apply_ranges(self) -> None:
        plot = self.getPlotItem()
        plot.setXRange(0.0, self._window_s, padding=0)
        plot.setYRange(*self._y_range, padding=0)
        self._name.setPos(0.0, self._y_range[1])
        self._overlay.setPos(self._window_s / 2, sum(self._y_range) / 2)

    def _apply_colours(self) -> None:
        live = self._state is SweepState.LIVE
        dimmed = DARK_DIMMED if self._dark else LIGHT_DIMMED
        self._curve.setPen(pg.mkPen(self._colour if live else dimmed, width=1))
        self._name.setColor(self._colour if live else dimmed)
        self._overlay.setColor(DARK_OVERLAY_TEXT if self._dark else LIGHT_OVERLAY_TEXT)
        self._overlay.fill = pg.mkBrush(DARK_OVERLAY_FILL if self._dark else LIGHT_OVERLAY_FILL)
        self._overlay.update()


def _bold_font(pixel_size: int) -> QFont:
    font = QFont()
    font.setPixelSize(pixel_size)
    font.setBold(True)
    return font
