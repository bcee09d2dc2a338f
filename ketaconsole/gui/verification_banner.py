"""The banner that says whether a stored session record verifies, and the training marker.

* **Record verified** (green): the chain, the data digests and every signature hold; the signatures
  follow, one line each (:meth:`~ketaconsole.records.signatures.SignatureCheck.line`).
* **NOT VERIFIED** (white on dark magenta, with a heavy border): something in the record or a
  signature does not hold; every problem is listed. Red, yellow and cyan belong to the alarm
  priorities and violet to "attention", so a broken record gets a colour of its own that no alarm
  or reminder uses, and the border keeps it distinct in both themes.
* **TRAINING SESSION – not a clinical record** (slate, dashed border) marks every view of a training
  session.

The checking itself (:func:`~ketaconsole.records.signed_record.verify_stored`) reads the whole record
and may take a second on a long session, so :meth:`VerificationBanner.verify` runs it on a background
thread (:class:`~ketaconsole.gui.background.BackgroundCalls`) and shows "Checking the record…"
meanwhile. The colours come from the theme's style sheets through the ``verification`` property.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ketaconsole.gui.background import BackgroundCalls
from ketaconsole.gui.widget_updates import set_style_property
from ketaconsole.records.signatures import VerificationReport

TRAINING_TEXT = "TRAINING SESSION – not a clinical record"
UNSIGNED_TRAINING_TEXT = "TRAINING – not signed in · TRAINING SESSION – not a clinical record"
CHECKING_TEXT = "Checking the record…"
TRAINING_MARGIN_PX = 16
"""Room for the theme's padding and border around the training marker's line."""


def report_text(report: VerificationReport) -> str:
    """The banner's words for ``report``: verdict, problems, signatures."""
    if report.verified:
        lines = [f"✔ Record verified – session {report.session_id[:8]}: nothing was changed after it "
                 "was recorded" + (" and every signature holds" if report.signatures else "")]
    else:
        lines = [f"✘ NOT VERIFIED – session {report.session_id[:8]}: this record does not match what was "
                 "recorded or signed. Do not rely on it; tell the administrator."]
        lines += [f"• {problem}" for problem in report.problems]
    lines += [check.line() for check in report.signatures] or ["Not signed yet"]
    return "\n".join(lines)


def mark_training(label: QLabel, text: str = TRAINING_TEXT) -> None:
    """Make ``label`` the training marker (shown)."""
    set_style_property(label, "verification", "training")
    label.setText(text)  # after the style: the size it asks for then includes the padding and border
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setAccessibleName("Training session")
    label.setMinimumHeight(label.fontMetrics().height() + TRAINING_MARGIN_PX)
    label.show()


class VerificationBanner(QLabel):
    """Shows the verification of one stored record (hidden until :meth:`verify` or :meth:`show_report`)."""

    checked = Signal(object)
    """A :class:`VerificationReport` once the check has finished."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName("Record verification")
        self._calls = BackgroundCalls(self)
        self.report: VerificationReport | None = None
        self.hide()

    def verify(self, check: Callable[[], VerificationReport]) -> None:
        """Run ``check`` off the GUI thread and show its report; a check that fails is shown as
        NOT VERIFIED with its error."""
        self.report = None
        self._show("checking", CHECKING_TEXT)
        self._calls.start("verify", check, self.show_report, self._failed)

    @property
    def checking(self) -> bool:
        return self._calls.is_pending("verify")

    def wait(self, timeout_s: float) -> bool:
        """Wait for a check under way to return (see :meth:`BackgroundCalls.wait`)."""
        return self._calls.wait(timeout_s)

    def show_report(self, report: VerificationReport) -> None:
        self.report = report
        self._show("verified" if report.verified else "not-verified", report_text(report))
        self.checked.emit(report)

    def _failed(self, error: Exception) -> None:
        self._show("not-verified", f"✘ NOT VERIFIED – the record could not be checked: {error}")

    def _show(self, state: str, text: str) -> None:
        set_style_property(self, "verification", state)
        self.setText(text)
        self.setAccessibleDescription(text)
        self.show()
