"""The waveform strip on real widgets (offscreen): samples drawn where their time falls in the sweep,
and a trace that stops updating turns grey with a "NO SIGNAL" overlay until data resumes."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import WaveformChunk
from ketaconsole.gui.waveform_strip import DARK_DIMMED, LIGHT_BACKGROUND, SweepState, WaveformStrip

RATE_HZ = 100.0
GREEN = "#00e676"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def strip(qtbot: QtBot) -> WaveformStrip:
    shown = WaveformStrip()
    qtbot.addWidget(shown)
    shown.configure("ECG", label="ECG", window_s=2.0, y_range=(-2.0, 2.0), colour=GREEN)
    shown.resize(600, 120)
    shown.show()
    return shown


def feed(strip: WaveformStrip, clock: ManualClock, values: np.ndarray) -> None:
    """Send ``values`` as one chunk starting now, then move the clock past its last sample."""
    strip.add_chunk(WaveformChunk("ECG", clock.now(), RATE_HZ, values, "test"))
    clock.advance(len(values) / RATE_HZ)


def pen_colour(strip: WaveformStrip) -> str:
    return strip.curve.opts["pen"].color().name()


def colour_count(image: QImage) -> int:
    """Distinct colours on a 4-pixel grid: 1 means a blank widget."""
    return len({image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)})


def test_samples_are_drawn_at_the_x_of_their_time_in_the_window(
    strip: WaveformStrip, clock: ManualClock
) -> None:
    ramp = np.linspace(-1.0, 1.0, 50)
    feed(strip, clock, ramp)
    feed(strip, clock, np.full(30, 0.5))
    strip.refresh(clock.now())

    x, y = strip.curve.getData()
    assert x[0] == 0.0 and x[-1] == pytest.approx(2.0 - 1 / RATE_HZ)
    np.testing.assert_allclose(y[:50], ramp, rtol=1e-6)
    assert x[50] == pytest.approx(0.5)
    np.testing.assert_array_equal(y[50:80], 0.5)
    assert np.all(np.isnan(y[80:]))


def test_a_gap_in_the_data_is_a_gap_in_the_trace(strip: WaveformStrip, clock: ManualClock) -> None:
    feed(strip, clock, np.ones(200))
    clock.advance(0.5)
    feed(strip, clock, np.full(20, -1.0))
    strip.refresh(clock.now())

    _x, y = strip.curve.getData()
    assert np.all(np.isnan(y[:50]))
    np.testing.assert_array_equal(y[50:70], -1.0)
    assert strip.curve.opts["connect"] == "finite"


def test_before_any_data_the_strip_says_so(strip: WaveformStrip, clock: ManualClock) -> None:
    strip.refresh(clock.now())

    assert strip.state is SweepState.NO_DATA_YET
    assert strip.overlay_text == "ECG — no data yet"
    assert pen_colour(strip) == DARK_DIMMED


def test_a_trace_that_stops_turns_grey_with_no_signal_and_recovers(
    strip: WaveformStrip, clock: ManualClock
) -> None:
    feed(strip, clock, np.sin(np.arange(100) / 5))
    strip.refresh(clock.now())
    assert strip.state is SweepState.LIVE
    assert strip.overlay_text == ""
    assert pen_colour(strip) == GREEN

    clock.advance(0.9)
    strip.refresh(clock.now())
    assert strip.state is SweepState.LIVE

    clock.advance(0.2)
    strip.refresh(clock.now())
    assert strip.state is SweepState.NO_SIGNAL
    assert strip.overlay_text == "ECG — NO SIGNAL"
    assert pen_colour(strip) == DARK_DIMMED

    feed(strip, clock, np.zeros(10))
    strip.refresh(clock.now())
    assert strip.state is SweepState.LIVE
    assert strip.overlay_text == ""
    assert pen_colour(strip) == GREEN


def test_samples_that_arrive_but_are_all_invalid_are_not_a_live_trace(
    strip: WaveformStrip, clock: ManualClock
) -> None:
    feed(strip, clock, np.ones(50))
    for _ in range(12):
        feed(strip, clock, np.full(10, np.nan))
    strip.refresh(clock.now())

    assert strip.state is SweepState.NO_VALID_SIGNAL
    assert strip.overlay_text == "ECG — NO VALID SIGNAL"


def test_stale_after_is_configurable(strip: WaveformStrip, clock: ManualClock) -> None:
    strip.configure("ECG", label="ECG II", window_s=2.0, y_range=(-2.0, 2.0), colour=GREEN, stale_after_s=3.0)
    feed(strip, clock, np.ones(10))
    clock.advance(2.5)
    strip.refresh(clock.now())
    assert strip.state is SweepState.LIVE

    clock.advance(1.0)
    strip.refresh(clock.now())
    assert strip.overlay_text == "ECG II — NO SIGNAL"


def test_configure_forgets_the_old_sweep(strip: WaveformStrip, clock: ManualClock) -> None:
    feed(strip, clock, np.ones(50))
    strip.refresh(clock.now())
    strip.configure("PLETH", label="Pleth", window_s=4.0, y_range=(0.0, 100.0), colour="#00b0ff")
    strip.refresh(clock.now())

    x, _y = strip.curve.getData()
    assert strip.ring is None
    assert x is None or len(x) == 0
    assert strip.overlay_text == "Pleth — no data yet"
    assert strip.getPlotItem().vb.viewRange()[0] == pytest.approx([0.0, 4.0])
    assert strip.getPlotItem().vb.viewRange()[1] == pytest.approx([0.0, 100.0])


def test_a_new_sample_rate_starts_a_new_sweep(strip: WaveformStrip, clock: ManualClock) -> None:
    feed(strip, clock, np.ones(50))
    strip.add_chunk(WaveformChunk("ECG", clock.now(), 250.0, np.full(25, 2.0), "test"))
    strip.refresh(clock.now())

    assert strip.ring is not None and strip.ring.sample_rate_hz == 250.0
    x, y = strip.curve.getData()
    assert len(x) == 500
    np.testing.assert_array_equal(y[:25], 2.0)
    assert np.count_nonzero(np.isfinite(y)) == 25


def test_a_chunk_of_another_wave_is_refused(strip: WaveformStrip, clock: ManualClock) -> None:
    with pytest.raises(ValueError, match="PLETH"):
        strip.add_chunk(WaveformChunk("PLETH", clock.now(), RATE_HZ, np.ones(5), "test"))


def test_ranges_are_fixed_and_the_mouse_does_nothing(strip: WaveformStrip, clock: ManualClock) -> None:
    feed(strip, clock, np.full(100, 50.0))
    strip.refresh(clock.now())
    view = strip.getPlotItem().vb

    assert view.viewRange()[0] == pytest.approx([0.0, 2.0])
    assert view.viewRange()[1] == pytest.approx([-2.0, 2.0])
    assert view.state["mouseEnabled"] == [False, False]
    assert not strip.getPlotItem().menuEnabled()
    assert strip.curve.opts["pen"].width() <= 1
    assert not strip.curve.opts["antialias"]


def test_live_and_stale_strips_are_not_blank(strip: WaveformStrip, clock: ManualClock, qtbot: QtBot) -> None:
    feed(strip, clock, np.sin(np.arange(150) / 8))
    strip.refresh(clock.now())
    assert colour_count(strip.grab().toImage()) > 1

    clock.advance(5)
    strip.refresh(clock.now())
    assert colour_count(strip.grab().toImage()) > 1


def test_the_light_theme_changes_the_background(strip: WaveformStrip) -> None:
    strip.set_theme(False)
    image = strip.grab().toImage()

    assert image.pixelColor(image.width() - 2, image.height() - 2).name() == LIGHT_BACKGROUND


def test_designer_can_create_it_with_a_parent_only(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    strip = WaveformStrip(parent)

    assert strip.parent() is parent
    assert strip.state is SweepState.NO_DATA_YET
