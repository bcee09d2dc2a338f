"""The live view rendered to PNG offscreen and under a real X server (Xvfb): neither is blank.

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
from ketaconsole.core.observations import Observation, WaveformChunk
from ketaconsole.devices.link import LinkState, LinkStatus
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import MainWindow

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
