"""Application bootstrap: the QApplication, logging, the exception hook and the event loop.

An exception that escapes a slot is logged with its traceback and shown in one dialog; later ones
are only logged, so a repeating fault cannot bury the screen in dialogs. SIGINT and SIGTERM close the
window normally, so the caller can end the session cleanly.
"""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path
from types import FrameType, TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ketaconsole.core.clock import Clock
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import MainWindow

log = logging.getLogger(__name__)


class ExceptionReporter:
    """A ``sys.excepthook``: logs every unhandled exception, shows a dialog for the first one only."""

    def __init__(self) -> None:
        self.dialog: QMessageBox | None = None

    def __call__(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.critical("unhandled exception in the console", exc_info=(kind, error, trace))
        if self.dialog is not None or QApplication.instance() is None:
            return
        self.dialog = QMessageBox(
            QMessageBox.Icon.Critical,
            "KetaConsole: unexpected error",
            f"The console hit an unexpected error:\n\n{kind.__name__}: {error}\n\n"
            "Recording goes on in the background and the details are in the log. "
            "If the display stops updating, close and restart the console.",
        )
        self.dialog.show()


def run_console(feed: LiveFeed, clock: Clock, *, title: str, status_message: str,
                quit_after_s: float | None = None, screenshot: Path | None = None) -> int:
    """Open the window on ``feed`` and run the event loop; return the exit status.

    With ``quit_after_s`` the window closes by itself after that many seconds, saving a PNG of
    itself to ``screenshot`` first when one is given (exit status 1 when the PNG cannot be written).
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("KetaConsole")
    sys.excepthook = ExceptionReporter()
    window = MainWindow(feed, clock, status_message=status_message)
    window.setWindowTitle(title)
    _quit_on_signals(app)
    if quit_after_s is not None:
        QTimer.singleShot(round(quit_after_s * 1000), lambda: _finish(app, window, screenshot))
    window.show()
    return app.exec()


def _finish(app: QApplication, window: MainWindow, screenshot: Path | None) -> None:
    if screenshot is not None and not window.grab().save(str(screenshot), "PNG"):
        log.error("could not write the screenshot %s", screenshot)
        app.exit(1)
        return
    app.quit()


def _quit_on_signals(app: QApplication) -> None:
    """Let SIGINT/SIGTERM end the event loop (the 2 Hz refresh timer lets Python see them)."""
    def handle(signum: int, frame: FrameType | None) -> None:
        log.info("%s received, closing the console", signal.Signals(signum).name)
        app.quit()

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)
