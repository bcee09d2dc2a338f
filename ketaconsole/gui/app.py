"""Application bootstrap: the QApplication, logging, the exception hook and the event loop.

An exception that escapes a slot is logged with its traceback and shown in one dialog; later ones
are only logged, so a repeating fault cannot bury the screen in dialogs. SIGINT and SIGTERM close the
window without asking and leave the session open to be resumed (the machine may be shutting down);
``--quit-after`` (scripted checks) ends the session.
"""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path
from types import FrameType, TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ketaconsole.gui.main_window import CloseChoice, MainWindow

log = logging.getLogger(__name__)

ORGANISATION = "KetaConsole"
APPLICATION = "KetaConsole"


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


def create_application() -> QApplication:
    """The QApplication, with the names QSettings files are stored under and the exception hook."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    sys.excepthook = ExceptionReporter()
    _close_on_signals(app)
    return app


def _close_on_signals(app: QApplication) -> None:
    """Let SIGINT/SIGTERM close every window: a dialog is cancelled, the console window closes
    without asking and leaves its session open to be resumed. A timer wakes the event loop so
    Python sees the signal promptly."""
    def handle(signum: int, frame: FrameType | None) -> None:
        log.info("%s received, closing the console", signal.Signals(signum).name)
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.close_choice is None:
                widget.close_choice = CloseChoice.RESUME_LATER
            if widget.isVisible():
                widget.close()

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)


def run_window(app: QApplication, window: MainWindow, *, quit_after_s: float | None = None,
               screenshot: Path | None = None) -> int:
    """Show ``window`` and run the event loop until it closes; return the exit status.

    With ``quit_after_s`` the window closes by itself after that many seconds, ending the session,
    after saving a PNG of itself to ``screenshot`` when one is given (exit status 1 when the PNG
    cannot be written).
    """
    status = 0

    def finish() -> None:
        nonlocal status
        if screenshot is not None and not window.grab().save(str(screenshot), "PNG"):
            log.error("could not write the screenshot %s", screenshot)
            status = 1
        window.close_choice = CloseChoice.END_SESSION
        window.close()

    if quit_after_s is not None:
        QTimer.singleShot(round(quit_after_s * 1000), finish)
    app.setQuitOnLastWindowClosed(True)
    window.show()
    app.exec()
    return status
