"""The live view rendered to PNG offscreen and under a real X server (Xvfb): neither is blank; the
assessment banner and screens rendered in both themes at the bedside size (1280×800) without
pushing anything out of the window.

The pictures are written to ``test-artifacts/`` at the top of the repository (not committed) so a
person can open them after a run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from ketaconsole.core.clock import ManualClock
from ketaconsole.core.dose_session import DoseSession
from ketaconsole.core.dosing import DoseRequest, plan_dose
from ketaconsole.core.instruments import load_instrument_catalogue
from ketaconsole.core.observations import Observation, WaveformChunk
from ketaconsole.core.treatment_profiles import LoadedProfile
from ketaconsole.devices.link import LinkState, LinkStatus
from ketaconsole.gui.assessment_dialog import AssessmentDialog
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import CloseChoice, MainWindow

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def distinct_colours(image: QImage) -> int:
    """How many different colours a picture has (a blank or single-colour grab has one or two)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.width() * image.height())
    return len(np.unique(pixels))


def test_offscreen_render_of_the_live_view_is_not_blank(qtbot: QtBot) -> None:
    clock = ManualClock()
    feed = LiveFeed()
    window = MainWindow(feed, clock)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    feed.put_link_status(LinkStatus(LinkState.CONNECTED, clock.now(), "/dev/ttyUSB0: receiving"))
    for parameter, value in {"HR": 74, "SPO2": 97, "PR": 74, "NIBP_SYS": 124, "NIBP_DIA": 78,
                             "NIBP_MEAN": 93, "RR": 13, "ETCO2": 36, "TEMP": 36.6}.items():
        feed.put_outputs([Observation(parameter, value, clock.now(), "dev")])
    time_s = np.arange(4000) / 500
    feed.put_outputs([WaveformChunk("ECG", clock.now(), 500.0, np.sin(2 * np.pi * 1.2 * time_s), "dev")])
    clock.advance(8)
    window.refresh()
    ARTIFACTS.mkdir(exist_ok=True)
    picture = ARTIFACTS / "live-view-offscreen.png"
    assert window.grab().save(str(picture), "PNG")
    assert distinct_colours(QImage(str(picture))) > 50


@pytest.mark.slow
def test_xvfb_render_of_the_console_is_not_blank(tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed (bash .ci/bootstrap test installs it)")
    ARTIFACTS.mkdir(exist_ok=True)
    picture = ARTIFACTS / "console-xvfb.png"
    picture.unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable, "-m", "ketaconsole",
         "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "gui", "--simulated", "datex-s5",
         "--screenshot", str(picture), "--quit-after", "12"],
        capture_output=True, text=True, timeout=180, env=env, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    image = QImage(str(picture))
    assert image.width() >= 1000 and image.height() >= 600
    assert distinct_colours(image) > 50


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_offscreen_renders_of_the_assessment_banner_and_screens_fit_the_bedside_window(
    qtbot: QtBot, theme: str, controls, profiles: dict[str, LoadedProfile], feed: LiveFeed,
    clock: ManualClock,
) -> None:
    session = DoseSession.select(profiles["esketamine-intranasal"], clock=clock, sink=controls.record_event,
                                 user="Nurse Anna")
    window = MainWindow(feed, clock, controls=controls, operator="Nurse Anna", treatment=session)
    qtbot.addWidget(window)
    window.close_choice = CloseChoice.END_SESSION
    window.resize(1280, 800)
    window.show()
    window.apply_theme(theme)
    for parameter, value in {"HR": 74, "SPO2": 97, "NIBP_SYS": 124, "NIBP_DIA": 78, "NIBP_MEAN": 93}.items():
        feed.put_outputs([Observation(parameter, value, clock.now(), "dev")])
    session.plan(plan_dose(session.profile, DoseRequest(dose_mg=56, lot="L1")), user="Nurse Anna")
    session.start_dosing(user="Nurse Anna", overrides={"required-bp:bp-pre-dose": "picture"})
    clock.advance(5 * 60)
    session.give_next_device(user="Nurse Anna")
    clock.advance(33 * 60)  # an overdue MOAA/S and a due CADSS-6: two banner entries
    window.refresh()
    panel = window.ui.dose_panel
    # A theme switch re-polishes every widget; the layout settles over several event-loop turns.
    qtbot.waitUntil(lambda: panel.ui.buttons_area.height() >= 44, timeout=3000)
    ARTIFACTS.mkdir(exist_ok=True)
    assert window.height() == 800, "the banner must not push the window past the bedside screen"
    buttons = panel.ui.buttons_area.geometry()
    assert buttons.height() >= 44 and buttons.bottom() <= panel.height(), "the dose buttons stay visible"
    assert window.ui.assessment_banner.isVisible()
    picture = ARTIFACTS / f"assessment-banner-{theme}.png"
    assert window.grab().save(str(picture), "PNG")
    assert distinct_colours(QImage(str(picture))) > 50
    instruments = load_instrument_catalogue()
    for instrument, form in (("cadss", None), ("moaa-s", None), ("cadss", "cadss-6")):
        dialog = AssessmentDialog(session, instruments.get(instrument), user="Nurse Anna", form=form,
                                  parent=window)
        dialog.show()
        qtbot.wait(20)
        assert dialog.height() <= 800 - 40 and dialog.width() <= 1280
        picture = ARTIFACTS / f"assessment-{form or instrument}-{theme}.png"
        assert dialog.grab().save(str(picture), "PNG")
        assert distinct_colours(QImage(str(picture))) > 20
        dialog.reject()
