"""The trend view on real widgets (offscreen): values at their times, absent values as gaps, manual
values hollow, events on the strip, and following that stops on a manual zoom until follow()."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.observations import AbsentReason, Observation
from ketaconsole.gui.trend_view import DEFAULT_SPAN_S, EVENT_COLOURS, MANUAL_SYMBOL, TrendView


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def view(qtbot: QtBot) -> TrendView:
    shown = TrendView()
    qtbot.addWidget(shown)
    shown.resize(1000, 640)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def reading(parameter: str, value: float | None, at: Stamp, manual: bool = False) -> Observation:
    if value is None:
        return Observation.absent(parameter, AbsentReason.SENSOR_OFF, at, "test")
    return Observation(parameter, value, at, "test", manual=manual)


def record_minutes(view: TrendView, clock: ManualClock, minutes: int) -> list[float]:
    """One HR, SpO2, RR reading a second for ``minutes``; returns the POSIX times used."""
    times = []
    for second in range(minutes * 60):
        now = clock.now()
        view.add_observations([reading("HR", 60.0 + second % 30, now), reading("SPO2", 97.0, now),
                               reading("RR", 14.0, now)])
        times.append(now.utc.timestamp())
        clock.advance(1)
    return times


def colour_count(image: QImage) -> int:
    """Distinct colours on a 4-pixel grid: 1 means a blank widget."""
    return len({image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)})


def wheel(view: TrendView, plot_index: int) -> None:
    """Turn the mouse wheel over the middle of one trend plot, as a nurse zooming would."""
    graphics = view.findChild(pg.GraphicsLayoutWidget)
    plots = [item for item in graphics.ci.items if isinstance(item, pg.PlotItem)]
    centre = plots[plot_index].vb.sceneBoundingRect().center()
    position = QPointF(graphics.mapFromScene(centre))
    event = QWheelEvent(position, QPointF(graphics.viewport().mapToGlobal(position.toPoint())), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(graphics.viewport(), event)


def test_values_are_plotted_at_their_times(view: TrendView, clock: ManualClock) -> None:
    times = record_minutes(view, clock, 2)
    view.refresh(clock.now())

    x, y = view.plot_items("HR")[0].getData()
    np.testing.assert_array_equal(x, times)
    np.testing.assert_array_equal(y, [60.0 + second % 30 for second in range(120)])
    spo2_x, spo2_y = view.plot_items("SPO2")[0].getData()
    np.testing.assert_array_equal(spo2_x, times)
    np.testing.assert_array_equal(spo2_y, 97.0)


def test_absent_values_are_gaps_in_the_line(view: TrendView, clock: ManualClock) -> None:
    for value in (70.0, 71.0, None, None, 74.0):
        view.add_observations([reading("HR", value, clock.now())])
        clock.advance(1)
    view.refresh(clock.now())

    curve = view.plot_items("HR")[0]
    _x, y = curve.getData()
    np.testing.assert_array_equal(y, [70.0, 71.0, np.nan, np.nan, 74.0])
    assert curve.opts["connect"] == "finite"


def test_manual_values_are_hollow_symbols_apart_from_the_monitor_line(
    view: TrendView, clock: ManualClock
) -> None:
    record_minutes(view, clock, 1)
    typed_at = clock.now().shifted(-30)
    view.add_observations([reading("HR", 150.0, typed_at, manual=True)])
    view.refresh(clock.now())

    monitor, manual = view.plot_items("HR")
    manual_x, manual_y = manual.getData()
    np.testing.assert_array_equal(manual_x, [typed_at.utc.timestamp()])
    np.testing.assert_array_equal(manual_y, [150.0])
    assert manual.opts["symbol"] == MANUAL_SYMBOL
    assert manual.opts["pen"] is None
    assert pg.mkBrush(manual.opts["symbolBrush"]).style() == Qt.BrushStyle.NoBrush
    monitor_x, monitor_y = monitor.getData()
    assert len(monitor_x) == 60
    assert 150.0 not in monitor_y


def test_every_legend_names_the_manual_symbol(view: TrendView) -> None:
    items = view.findChild(pg.GraphicsLayoutWidget).ci.items
    legends = [item for item in items if isinstance(item, pg.LegendItem)]
    names = [[label.text for _sample, label in legend.items] for legend in legends]

    assert len(legends) == 3
    assert all(entry[-1] == "manual" for entry in names)
    assert names[0][:3] == ["HR", "PR", "SpO₂"]


def test_clicking_a_legend_entry_does_not_hide_the_curve(view: TrendView) -> None:
    legend = next(item for item in view.findChild(pg.GraphicsLayoutWidget).ci.items
                  if isinstance(item, pg.LegendItem))
    sample, _label = legend.items[0]

    class Click:
        def button(self) -> Qt.MouseButton:
            return Qt.MouseButton.LeftButton

        def ignore(self) -> None:
            pass

    sample.mouseClickEvent(Click())

    assert view.plot_items("HR")[0].isVisible()


def test_nibp_readings_are_points(view: TrendView, clock: ManualClock) -> None:
    now = clock.now()
    view.add_observations([reading("NIBP_SYS", 121.0, now), reading("NIBP_DIA", 79.0, now),
                           reading("NIBP_MEAN", 93.0, now)])
    view.refresh(now)

    systolic = view.plot_items("NIBP_SYS")[0]
    assert systolic.opts["pen"] is None and systolic.opts["symbol"] is not None
    np.testing.assert_array_equal(systolic.getData()[1], [121.0])


def test_a_value_outside_the_usual_range_widens_the_axis(view: TrendView, clock: ManualClock) -> None:
    view.add_observations([reading("HR", 212.0, clock.now())])
    view.refresh(clock.now())

    low, high = view.plot_items("HR")[0].getViewBox().viewRange()[1]
    assert low <= 212.0 <= high


def test_events_are_markers_with_labels_coloured_by_kind(view: TrendView, clock: ManualClock) -> None:
    note_at, lost_at = clock.now(), clock.now().shifted(120)
    view.add_event(note_at, "note", "note")
    view.add_event(lost_at, "connection-lost", "monitor lost")
    view.refresh(clock.now().shifted(300))

    markers, labels = view.event_items("note")
    x, y = markers.getData()
    np.testing.assert_array_equal(x, [note_at.utc.timestamp()] * 2)
    np.testing.assert_array_equal(y, [0.0, 1.0])
    assert [label.toPlainText() for label in labels] == ["note"]
    assert labels[0].pos().x() == note_at.utc.timestamp()
    assert labels[0].isVisible()
    lost_markers, lost_labels = view.event_items("connection-lost")
    assert lost_labels[0].toPlainText() == "monitor lost"
    assert markers.opts["pen"].color().name() == EVENT_COLOURS["note"][0]
    assert lost_markers.opts["pen"].color().name() == EVENT_COLOURS["connection-lost"][0]


def test_crowded_event_labels_are_thinned_but_every_marker_stays(view: TrendView, clock: ManualClock) -> None:
    for second in range(10):
        view.add_event(clock.now().shifted(second), "data-gap", "gap 12 s")
    view.refresh(clock.now().shifted(600))

    markers, labels = view.event_items("data-gap")
    assert len(markers.getData()[0]) == 20
    assert labels[0].isVisible()
    assert not all(label.isVisible() for label in labels)


def test_the_newest_event_label_turns_left_of_its_marker_instead_of_running_out(
    view: TrendView, clock: ManualClock
) -> None:
    early, now = clock.now().shifted(-20 * 60), clock.now()
    view.add_event(early, "note", "note: old")
    view.add_event(now, "infusion-paused", "infusion paused")
    view.refresh(now)
    _, [old] = view.event_items("note")
    _, [newest] = view.event_items("infusion-paused")
    assert old.isVisible() and tuple(old.anchor) == (0.0, 0.0)
    assert newest.isVisible() and tuple(newest.anchor) == (1.0, 0.0)
    assert newest.pos().x() == now.utc.timestamp()


def test_following_keeps_the_newest_span_in_view(view: TrendView, clock: ManualClock) -> None:
    record_minutes(view, clock, 1)
    view.refresh(clock.now())
    end = clock.now().utc.timestamp()
    assert view.is_following
    assert view.x_range() == pytest.approx((end - DEFAULT_SPAN_S, end))

    clock.advance(60)
    view.refresh(clock.now())
    assert view.x_range() == pytest.approx((end + 60 - DEFAULT_SPAN_S, end + 60))


def test_set_span_changes_the_followed_width(view: TrendView, clock: ManualClock) -> None:
    view.refresh(clock.now())
    view.set_span(600)
    end = clock.now().utc.timestamp()

    assert view.x_range() == pytest.approx((end - 600, end))


def test_a_manual_zoom_stops_following_and_follow_resumes(
    view: TrendView, clock: ManualClock, qtbot: QtBot
) -> None:
    record_minutes(view, clock, 5)
    view.refresh(clock.now())

    with qtbot.waitSignal(view.following_changed, timeout=1000) as stopped:
        wheel(view, 1)
    assert stopped.args == [False]
    assert not view.is_following
    zoomed = view.x_range()
    end = clock.now().utc.timestamp()
    assert zoomed != pytest.approx((end - DEFAULT_SPAN_S, end))

    clock.advance(30)
    view.refresh(clock.now())
    assert view.x_range() == pytest.approx(zoomed)

    with qtbot.waitSignal(view.following_changed, timeout=1000) as resumed:
        view.follow()
    assert resumed.args == [True]
    end = clock.now().utc.timestamp()
    assert view.x_range() == pytest.approx((end - DEFAULT_SPAN_S, end))


def test_all_plots_share_the_time_axis(view: TrendView, clock: ManualClock) -> None:
    record_minutes(view, clock, 2)
    view.refresh(clock.now())
    wheel(view, 0)

    graphics = view.findChild(pg.GraphicsLayoutWidget)
    ranges = {tuple(np.round(item.vb.viewRange()[0], 6)) for item in graphics.ci.items
              if isinstance(item, pg.PlotItem)}
    assert len(ranges) == 1
    spo2_view = view.plot_items("SPO2")[0].getViewBox()
    assert spo2_view.viewRange()[0] == pytest.approx(view.x_range())


def test_show_all_zooms_to_the_whole_session_and_stops_following(view: TrendView, clock: ManualClock) -> None:
    start = clock.now().utc.timestamp()
    record_minutes(view, clock, 1)
    clock.advance(3 * 3600)
    view.add_observations([reading("HR", 70.0, clock.now())])
    view.refresh(clock.now())

    view.show_all()

    low, high = view.x_range()
    assert not view.is_following
    assert low <= start and high >= clock.now().utc.timestamp()
    assert high - low < 3.2 * 3600


def test_set_colours_recolours_a_parameter(view: TrendView) -> None:
    view.set_colours({"HR": "#123456"})

    monitor, manual = view.plot_items("HR")
    assert monitor.opts["pen"].color().name() == "#123456"
    assert pg.mkPen(manual.opts["symbolPen"]).color().name() == "#123456"


def test_the_view_is_not_blank_in_either_theme(view: TrendView, clock: ManualClock) -> None:
    record_minutes(view, clock, 3)
    view.add_event(clock.now().shifted(-60), "note", "note")
    view.refresh(clock.now())
    assert colour_count(view.grab().toImage()) > 1

    view.set_theme(False)
    image = view.grab().toImage()
    assert colour_count(image) > 1
    assert image.pixelColor(2, 2).name() == "#ffffff"


def test_designer_can_create_it_with_a_parent_only(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    view = TrendView(parent)

    assert view.parent() is parent
    assert view.is_following
