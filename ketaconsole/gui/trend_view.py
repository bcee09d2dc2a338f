"""The session's trends: numerics over local wall-clock time, and the session events beneath them.

Three stacked plots share one linked time axis (``pg.DateAxisItem``, local time):

1. HR and PR (left axis, /min) with SpO2 (right axis, %);
2. NIBP systolic, diastolic and mean as points (each cuff reading is one discrete measurement);
3. RR (/min) and EtCO2 (mmHg) on the left axis, temperature (°C) on the right;

and a narrow event strip at the bottom: one vertical marker per session event, coloured by kind
(dose actions green and teal, pauses and early stops orange, assessment scores indigo), with a short
label (labels that would overlap another are left out; markers never are).

Rules the view keeps, so that no value is wrong or silently missing:

* absent values are NaN in the history and drawn as gaps (``connect='finite'``), never bridged;
* values typed in by a person are drawn with the hollow :data:`MANUAL_SYMBOL` ("manual" in the
  legends) and never joined to the monitor's line;
* each y axis starts at a fixed clinical range and only widens (1 Hz, whole history) when a value
  falls outside it, so no value is ever drawn off the plot;
* clicking a legend entry does nothing (pyqtgraph would hide the curve).

While *following*, :meth:`TrendView.refresh` (1 Hz) shows ``[now − span, now]``. Panning or zooming
any plot with the mouse stops following (``following_changed(False)``); :meth:`TrendView.follow`
resumes it. Long histories stay cheap with peak downsampling and clip-to-view on every curve.
Promotable in Qt Designer (header ``ketaconsole.gui.trend_view``).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from ketaconsole.acquisition.buffers import TrendHistory
from ketaconsole.core.clock import Stamp
from ketaconsole.core.observations import Observation

DEFAULT_SPAN_S = 30 * 60.0
MANUAL_SYMBOL = "d"
MANUAL_SYMBOL_SIZE = 10
NIBP_SYMBOLS = {"NIBP_SYS": "t", "NIBP_DIA": "t1", "NIBP_MEAN": "o"}
NIBP_SYMBOL_SIZE = 8
SYMBOLS_PER_PIXEL = 1.0  # auto-downsampling of point series: symbols are several pixels wide, and
# each drawn symbol costs Python time in pyqtgraph's ScatterPlotItem (lines keep ~5 samples/pixel)
AXIS_WIDTH_PX = 46
EVENT_STRIP_HEIGHT_PX = 64
LEGEND_HEIGHT_PX = 20
LABEL_SPACING_PX = 6

DEFAULT_COLOURS = {
    "HR": "#00e676",
    "PR": "#ff9100",
    "SPO2": "#00b0ff",
    "NIBP_SYS": "#ff5252",
    "NIBP_DIA": "#ff5252",
    "NIBP_MEAN": "#e040fb",
    "RR": "#ffd600",
    "ETCO2": "#4db6ac",
    "TEMP": "#bdbdbd",
}

SHORT_NAMES = {
    "HR": "HR", "PR": "PR", "SPO2": "SpO₂", "NIBP_SYS": "Sys", "NIBP_DIA": "Dia", "NIBP_MEAN": "Mean",
    "RR": "RR", "ETCO2": "EtCO₂", "TEMP": "Temp",
}

EVENT_COLOURS: Mapping[str, tuple[str, str]] = {
    "note": ("#64b5f6", "#1565c0"),
    "manual-entry": ("#ce93d8", "#7b1fa2"),
    "connection-lost": ("#ff7043", "#d84315"),
    "data-gap": ("#ffca28", "#8d6e00"),
    "device-alarm": ("#ef5350", "#c62828"),
    "sensor-state": ("#ffa726", "#e65100"),
    "recording-started": ("#9e9e9e", "#616161"),
    "session-resumed": ("#9e9e9e", "#616161"),
    "session-ended": ("#9e9e9e", "#616161"),
    "treatment-selected": ("#90a4ae", "#455a64"),
    "dose-planned": ("#80cbc4", "#00695c"),
    "infusion-started": ("#69f0ae", "#1b5e20"),
    "infusion-paused": ("#ffb74d", "#bf360c"),
    "infusion-resumed": ("#69f0ae", "#1b5e20"),
    "infusion-rate-changed": ("#80cbc4", "#00695c"),
    "bolus-given": ("#80cbc4", "#00695c"),
    "infusion-completed": ("#69f0ae", "#1b5e20"),
    "dosing-stopped": ("#ffb74d", "#bf360c"),
    "injection-given": ("#69f0ae", "#1b5e20"),
    "device-administered": ("#69f0ae", "#1b5e20"),
    "discharge-ready": ("#a5d6a7", "#2e7d32"),
    "required-bp-recorded": ("#f48fb1", "#ad1457"),
    "assessment-submitted": ("#9fa8da", "#303f9f"),
    "assessment-amended": ("#9fa8da", "#303f9f"),
}
"""Event kind → (colour on the dark theme, colour on the light theme)."""
OTHER_EVENT_COLOURS = ("#e0e0e0", "#424242")


@dataclass(frozen=True, slots=True)
class Theme:
    background: str
    foreground: str


DARK = Theme("#000000", "#b0b0b0")
LIGHT = Theme("#ffffff", "#303030")


@dataclass(frozen=True, slots=True)
class AxisSpec:
    """Parameters sharing one y axis; ``y_range`` is the initial range in their unit, widened to a
    multiple of ``step`` when a value falls outside it."""

    parameters: tuple[str, ...]
    y_range: tuple[float, float]
    step: float
    title: str


@dataclass(frozen=True, slots=True)
class PlotSpec:
    left: AxisSpec
    right: AxisSpec | None = None
    points: bool = False


PLOTS = (
    PlotSpec(AxisSpec(("HR", "PR"), (40, 140), 10, "/min"), AxisSpec(("SPO2",), (85, 100), 5, "SpO₂ %")),
    PlotSpec(AxisSpec(("NIBP_SYS", "NIBP_DIA", "NIBP_MEAN"), (40, 180), 10, "mmHg"), points=True),
    PlotSpec(AxisSpec(("RR", "ETCO2"), (0, 50), 10, "/min, mmHg"), AxisSpec(("TEMP",), (35, 39), 1, "°C")),
)


class _FixedSample(pg.ItemSample):
    """A legend sample that ignores clicks (the stock one hides its curve: a silently missing trend)."""

    def mouseClickEvent(self, event: object) -> None:
        event.ignore()


class _Trace:
    """One parameter's monitor values (line, or points for NIBP) and its manual values (hollow)."""

    def __init__(self, parameter: str, points: bool) -> None:
        self.parameter = parameter
        self.points = points
        self.drawn_length = -1
        if points:
            self.values = pg.PlotDataItem(pen=None, symbol=NIBP_SYMBOLS.get(parameter, "o"),
                                          symbolSize=NIBP_SYMBOL_SIZE, antialias=False,
                                          autoDownsampleFactor=SYMBOLS_PER_PIXEL)
        else:
            self.values = pg.PlotDataItem(connect="finite", antialias=False)
        self.manual = pg.PlotDataItem(pen=None, symbol=MANUAL_SYMBOL, symbolSize=MANUAL_SYMBOL_SIZE,
                                      symbolBrush=None, antialias=False,
                                      autoDownsampleFactor=SYMBOLS_PER_PIXEL)
        for item in (self.values, self.manual):
            item.setDownsampling(auto=True, method="peak")
            item.setClipToView(True)

    def set_colour(self, colour: str) -> None:
        if self.points:
            self.values.setSymbolPen(pg.mkPen(colour, width=1))
            self.values.setSymbolBrush(pg.mkBrush(colour))
        else:
            self.values.setPen(pg.mkPen(colour, width=1))
        self.manual.setSymbolPen(pg.mkPen(colour, width=1))

    def update(self, history: TrendHistory) -> bool:
        """Redraw from ``history`` if this parameter got observations since the last call; say so."""
        series = history.series(self.parameter)
        if len(series.times_s) == self.drawn_length:
            return False
        self.drawn_length = len(series.times_s)
        monitor = ~series.manual
        if self.points:  # a point series has no line to break: absent readings are simply not drawn
            monitor &= np.isfinite(series.values)
        self.values.setData(series.times_s[monitor], series.values[monitor])
        manual = series.manual & np.isfinite(series.values)
        self.manual.setData(series.times_s[manual], series.values[manual])
        return True


class _Axis:
    """One y axis (a plot's own, or a right-hand one) and the traces drawn against it."""

    def __init__(self, spec: AxisSpec, view: pg.ViewBox, points: bool) -> None:
        self.spec = spec
        self.view = view
        self.y_range = spec.y_range
        self.traces = [_Trace(parameter, points) for parameter in spec.parameters]
        for trace in self.traces:
            view.addItem(trace.values)
            view.addItem(trace.manual)
        view.setYRange(*self.y_range, padding=0)

    def update(self, history: TrendHistory) -> None:
        """Redraw the traces that got data, widening the y range to every value if needed."""
        changed = [trace.update(history) for trace in self.traces]
        if not any(changed):
            return
        low, high = self.spec.y_range
        for parameter in self.spec.parameters:
            values = history.series(parameter).values
            low = min(low, float(np.fmin.reduce(values, initial=np.inf)))
            high = max(high, float(np.fmax.reduce(values, initial=-np.inf)))
        widened = (_round_down(low, self.spec.step), _round_up(high, self.spec.step))
        if widened != self.y_range:
            self.y_range = widened
            self.view.setYRange(*widened, padding=0)


@dataclass(slots=True)
class _Event:
    time_s: float
    kind: str
    text: pg.TextItem


class TrendView(QWidget):
    """Trends of the whole session and its events; see the module docstring."""

    following_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history = TrendHistory()
        self._colours = dict(DEFAULT_COLOURS)
        self._theme = DARK
        self._span_s = DEFAULT_SPAN_S
        self._following = True
        self._now: Stamp | None = None
        self._events: list[_Event] = []
        self._event_markers: dict[str, pg.PlotDataItem] = {}
        self._manual_legend_sample = pg.PlotDataItem(pen=None, symbol=MANUAL_SYMBOL,
                                                     symbolSize=MANUAL_SYMBOL_SIZE, symbolBrush=None)
        self._graphics = pg.GraphicsLayoutWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._graphics)
        self._plots: list[pg.PlotItem] = []
        self._legends: list[pg.LegendItem] = []
        self._axes: list[_Axis] = []
        for index, spec in enumerate(PLOTS):
            self._add_trend_plot(2 * index, spec)
        self._event_plot = self._new_plot(2 * len(PLOTS))
        self._event_plot.setMaximumHeight(EVENT_STRIP_HEIGHT_PX)
        self._event_plot.setMinimumHeight(EVENT_STRIP_HEIGHT_PX)
        self._event_plot.getAxis("left").setTicks([])
        self._event_plot.setYRange(0, 1, padding=0)
        self._event_plot.showAxis("bottom")
        for plot in self._plots[:-1]:
            plot.setXLink(self._event_plot)
        self._event_plot.vb.sigXRangeChanged.connect(self._place_event_labels)
        self._event_plot.vb.sigResized.connect(self._place_event_labels)
        self.set_colours({})
        self.set_theme(True)

    @property
    def history(self) -> TrendHistory:
        """Everything shown so far (read-only use)."""
        return self._history

    @property
    def is_following(self) -> bool:
        """Whether :meth:`refresh` keeps the newest ``span`` seconds in view."""
        return self._following

    @property
    def span_s(self) -> float:
        """The width of the followed range in seconds."""
        return self._span_s

    def x_range(self) -> tuple[float, float]:
        """The visible time range, POSIX seconds (UTC)."""
        low, high = self._event_plot.vb.viewRange()[0]
        return float(low), float(high)

    def set_colours(self, colours: Mapping[str, str]) -> None:
        """Colour parameters by key (e.g. ``{"HR": "#00e676"}``); others keep their colour."""
        self._colours.update(colours)
        for axis in self._axes:
            for trace in axis.traces:
                trace.set_colour(self._colours.get(trace.parameter, self._theme.foreground))

    def add_observations(self, observations: Sequence[Observation]) -> None:
        """Keep ``observations`` (any parameter; the plotted ones appear at the next refresh)."""
        for observation in observations:
            self._history.add(observation)

    def add_event(self, stamp: Stamp, kind: str, label: str) -> None:
        """Mark a session event of ``kind`` (e.g. ``"note"``) at ``stamp`` with a short ``label``."""
        time_s = stamp.utc.timestamp()
        text = pg.TextItem(label, color=self._event_colour(kind), anchor=(0, 0))
        text.setPos(time_s, 1.0)
        self._event_plot.addItem(text, ignoreBounds=True)
        bisect.insort(self._events, _Event(time_s, kind, text), key=lambda event: event.time_s)
        self._draw_markers(kind)
        self._place_event_labels()

    def plot_items(self, parameter: str) -> tuple[pg.PlotDataItem, pg.PlotDataItem]:
        """The items drawing ``parameter``: its monitor values and its manual values."""
        for axis in self._axes:
            for trace in axis.traces:
                if trace.parameter == parameter:
                    return trace.values, trace.manual
        raise KeyError(f"{parameter!r} is not plotted")

    def event_items(self, kind: str) -> tuple[pg.PlotDataItem | None, list[pg.TextItem]]:
        """The marker item of ``kind`` (``None`` before its first event) and its labels, by time."""
        labels = [event.text for event in self._events if event.kind == kind]
        return self._event_markers.get(kind), labels

    def refresh(self, now: Stamp) -> None:
        """Redraw the curves that got data and, while following, show ``[now − span, now]``."""
        self._now = now
        for axis in self._axes:
            axis.update(self._history)
        if self._following:
            self._show_latest()

    def follow(self) -> None:
        """Follow the newest data again (at once when a refresh has been seen)."""
        self._set_following(True)
        if self._now is not None:
            self._show_latest()

    def set_span(self, seconds: float) -> None:
        """Width of the followed range (s, > 0); applied at once while following. It does not
        change whether the view follows."""
        if seconds <= 0:
            raise ValueError("span must be positive")
        self._span_s = seconds
        if self._following and self._now is not None:
            self._show_latest()

    def show_all(self) -> None:
        """Zoom to the whole session (data and events) and stop following."""
        span = self._history.span()
        if self._events:
            first, last = self._events[0].time_s, self._events[-1].time_s
            span = (first, last) if span is None else (min(span[0], first), max(span[1], last))
        self._set_following(False)
        if span is None:
            return
        low, high = span
        margin = max((high - low) * 0.01, 30.0)
        self._event_plot.setXRange(low - margin, high + margin, padding=0)

    def set_theme(self, dark: bool) -> None:
        """Dark (black background) for a dimmed room, or light."""
        self._theme = DARK if dark else LIGHT
        theme = self._theme
        self._graphics.setBackground(theme.background)
        for plot in self._plots:
            for name in ("left", "right", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pg.mkPen(theme.foreground, width=1))
                axis.setTextPen(pg.mkPen(theme.foreground))
        for legend in self._legends:
            legend.setLabelTextColor(theme.foreground)
            for _sample, label in legend.items:
                label.setText(label.text, color=theme.foreground)
        for event in self._events:
            event.text.setColor(self._event_colour(event.kind))
        for kind in self._event_markers:
            self._draw_markers(kind)
        self._manual_legend_sample.setSymbolPen(pg.mkPen(theme.foreground, width=1))

    def _add_trend_plot(self, row: int, spec: PlotSpec) -> None:
        """The legend on ``row`` (above the plot, so it never covers a value), the plot below it."""
        legend = pg.LegendItem(labelTextSize="8pt", sampleType=_FixedSample, frame=False, colCount=6)
        legend.setMaximumHeight(LEGEND_HEIGHT_PX)
        legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._graphics.addItem(legend, row=row, col=0)
        self._graphics.ci.layout.setAlignment(legend, Qt.AlignmentFlag.AlignLeft)
        self._graphics.ci.layout.setRowStretchFactor(row, 0)
        legend.setContentsMargins(AXIS_WIDTH_PX, 0, 0, 0)
        self._legends.append(legend)
        plot = self._new_plot(row + 1)
        self._graphics.ci.layout.setRowStretchFactor(row + 1, 1)
        plot.getAxis("left").setLabel(spec.left.title)
        axes = [_Axis(spec.left, plot.vb, spec.points)]
        if spec.right is not None:
            right = _right_view(plot)
            plot.getAxis("right").setLabel(spec.right.title)
            plot.getAxis("right").setTicks(None)
            axes.append(_Axis(spec.right, right, spec.points))
        for axis in axes:
            for trace in axis.traces:
                legend.addItem(trace.values, SHORT_NAMES.get(trace.parameter, trace.parameter))
        legend.addItem(self._manual_legend_sample, "manual")
        self._axes.extend(axes)

    def _new_plot(self, row: int) -> pg.PlotItem:
        plot = self._graphics.addPlot(row=row, col=0, axisItems={"bottom": pg.DateAxisItem()})
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)
        plot.disableAutoRange()
        plot.showAxis("right")
        plot.getAxis("right").setTicks([])
        plot.hideAxis("bottom")
        for name in ("left", "right"):
            plot.getAxis(name).setWidth(AXIS_WIDTH_PX)
        plot.vb.sigRangeChangedManually.connect(self._on_manual_range_change)
        self._plots.append(plot)
        return plot

    def _on_manual_range_change(self, _mask: object) -> None:
        self._set_following(False)

    def _set_following(self, following: bool) -> None:
        if following != self._following:
            self._following = following
            self.following_changed.emit(following)

    def _show_latest(self) -> None:
        assert self._now is not None
        now_s = self._now.utc.timestamp()
        self._event_plot.setXRange(now_s - self._span_s, now_s, padding=0)

    def _event_colour(self, kind: str) -> str:
        dark, light = EVENT_COLOURS.get(kind, OTHER_EVENT_COLOURS)
        return dark if self._theme is DARK else light

    def _draw_markers(self, kind: str) -> None:
        """Draw every event of ``kind`` as a vertical segment from 0 to 1 (one item per kind)."""
        markers = self._event_markers.get(kind)
        if markers is None:
            markers = self._event_markers[kind] = pg.PlotDataItem(connect="pairs", antialias=False)
            self._event_plot.addItem(markers)
        times = np.array([event.time_s for event in self._events if event.kind == kind])
        markers.setData(np.repeat(times, 2), np.tile([0.0, 1.0], len(times)))
        markers.setPen(pg.mkPen(self._event_colour(kind), width=1))

    def _place_event_labels(self) -> None:
        """Show a label only where it fits: inside the view and clear of the previous label. A label
        runs right of its marker, or left of it where it would run out of the view (the newest
        events, at "now" while following, would otherwise be cut off)."""
        view = self._event_plot.vb
        low, high = view.viewRange()[0]
        width_px = view.width()
        if high <= low or width_px <= 0:
            return
        px_per_s = width_px / (high - low)
        free_from_px = -math.inf
        for event in self._events:
            x_px = (event.time_s - low) * px_per_s
            label_px = event.text.boundingRect().width()
            leftward = x_px + label_px > width_px
            anchor = (1.0, 0.0) if leftward else (0.0, 0.0)
            if tuple(event.text.anchor) != anchor:
                event.text.setAnchor(anchor)
            starts_px = x_px - label_px if leftward else x_px
            fits = 0 <= x_px <= width_px and starts_px >= max(free_from_px, 0.0)
            event.text.setVisible(fits)
            if fits:
                free_from_px = starts_px + label_px + LABEL_SPACING_PX


def _right_view(plot: pg.PlotItem) -> pg.ViewBox:
    """A second view over ``plot``'s area for its right axis, sharing its x range."""
    view = pg.ViewBox(enableMouse=False, enableMenu=False)
    view.setZValue(-1)
    plot.scene().addItem(view)
    plot.getAxis("right").linkToView(view)
    view.setXLink(plot.vb)
    view.disableAutoRange()

    def follow_geometry() -> None:
        view.setGeometry(plot.vb.sceneBoundingRect())

    plot.vb.sigResized.connect(follow_geometry)
    follow_geometry()
    return view


def _round_down(value: float, step: float) -> float:
    return math.floor(value / step) * step


def _round_up(value: float, step: float) -> float:
    return math.ceil(value / step) * step
