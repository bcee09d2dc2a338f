"""The automatic lock of the bedside window (HIPAA automatic logoff, with a fast resume).

* :class:`InactivityWatch` is an application-wide event filter: every key press, mouse button,
  mouse move, wheel or touch restarts a single-shot timer; when it runs out (the site's
  ``[session] lock_after_min`` in ``roles.toml``) it emits :attr:`InactivityWatch.timed_out`.
* :class:`LockOverlay` is an opaque panel laid over the window's content below the alarm bar. It
  hides the patient's details, the trends, the treatment panel and every action, and asks for the
  signed-in person's password (their id is filled in: unlocking is the password and Enter), or for
  another person's id and password, who then takes over. It only collects the words; the window
  decides (:meth:`~ketaconsole.gui.main_window.MainWindow.unlock`) and answers with
  :meth:`LockOverlay.refuse`.

The alarm bar is never covered: alarms stay visible and audible while the console is locked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketaconsole.gui.field_messages import mark_message_label, show_field_message

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
})
"""What counts as a person using the console."""
PANEL_WIDTH_PX = 760


class InactivityWatch(QObject):
    """Emits :attr:`timed_out` after ``timeout_s`` seconds without input to any window of the
    application (it watches the application object ``app``); :meth:`pause` stops watching."""

    timed_out = Signal()

    def __init__(self, app: QObject, timeout_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # restarted on input, it fires once at most
        self._timer.setInterval(max(1, round(timeout_s * 1000)))
        self._timer.timeout.connect(self.timed_out)
        app.installEventFilter(self)
        self._timer.start()

    @property
    def active(self) -> bool:
        """Whether the time is running."""
        return self._timer.isActive()

    def restart(self) -> None:
        """Start counting again from now."""
        self._timer.start()

    def pause(self) -> None:
        """Stop counting until :meth:`restart` (the console is locked)."""
        self._timer.stop()

    def remove(self) -> None:
        """Stop watching for good (the window closes)."""
        self._timer.stop()
        self._app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False


class LockOverlay(QFrame):
    """The lock screen over ``parent`` (placed by the window with :meth:`cover`)."""

    unlock_requested = Signal(str, str)
    """User id and password typed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lock_overlay")
        self.setAutoFillBackground(True)
        self.setAccessibleName("Console locked")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        panel = QFrame(self)
        panel.setObjectName("lock_panel")
        panel.setFixedWidth(PANEL_WIDTH_PX)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        layout = QGridLayout(panel)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(10)
        self.title = QLabel("Console locked", panel)
        self.title.setObjectName("lock_title")
        self.explanation = QLabel(panel)
        self.explanation.setWordWrap(True)
        self.user_label = QLabel("&User id", panel)
        self.user_edit = QLineEdit(panel)
        self.user_edit.setAccessibleName("User id")
        self.user_edit.setMaxLength(64)
        self.password_label = QLabel("&Password", panel)
        self.password_edit = QLineEdit(panel)
        self.password_edit.setAccessibleName("Password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(1024)
        self.user_label.setBuddy(self.user_edit)
        self.password_label.setBuddy(self.password_edit)
        self.message = QLabel(panel)
        mark_message_label(self.message)
        self.message.setAccessibleName("Unlock message")
        self.unlock_button = QPushButton("&Unlock", panel)
        self.unlock_button.setMinimumHeight(44)
        self.unlock_button.setDefault(True)
        layout.addWidget(self.title, 0, 0, 1, 3)
        layout.addWidget(self.explanation, 1, 0, 1, 3)
        layout.addWidget(self.user_label, 2, 0)
        layout.addWidget(self.user_edit, 2, 1)
        layout.addWidget(self.password_label, 3, 0)
        layout.addWidget(self.password_edit, 3, 1)
        layout.addWidget(self.unlock_button, 3, 2)
        layout.addWidget(self.message, 4, 0, 1, 3)
        layout.setColumnStretch(1, 1)
        self.unlock_button.clicked.connect(self._submit)
        self.password_edit.returnPressed.connect(self._submit)
        self.user_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.textEdited.connect(lambda _text: self._clear_message())
        self.hide()

    def show_locked(self, user_id: str, printed_name: str, since: str) -> None:
        """Show the lock for ``user_id`` (``printed_name``), locked at ``since``; focus the password."""
        self.explanation.setText(
            f"Locked at {since} after a time without use. The alarms above stay live and audible.\n"
            f"{printed_name}: type your password to go on. Someone else: type your own user id and "
            "password to take over the session.")
        margins = self.explanation.parentWidget().layout().contentsMargins()
        self.explanation.setMinimumHeight(self.explanation.heightForWidth(
            PANEL_WIDTH_PX - margins.left() - margins.right()))  # centred, the panel gets no height-for-width
        self.user_edit.setText(user_id)
        self.password_edit.clear()
        self._clear_message()
        self.show()
        self.raise_()
        self.password_edit.setFocus()

    def cover(self, top: int) -> None:
        """Cover the parent from ``top`` (pixels) to its bottom."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(0, top, parent.width(), max(parent.height() - top, 0))

    def refuse(self, message: str) -> None:
        """Say why the console stays locked; the password is cleared for another try."""
        self.password_edit.clear()
        show_field_message(self.password_edit, self.message, message)
        self.password_edit.setFocus()

    def _submit(self) -> None:
        user_id = self.user_edit.text().strip()
        if not user_id or not self.password_edit.text():
            self.refuse("type the user id and the password")
            return
        self.unlock_requested.emit(user_id, self.password_edit.text())

    def _clear_message(self) -> None:
        show_field_message(self.password_edit, self.message, None)
