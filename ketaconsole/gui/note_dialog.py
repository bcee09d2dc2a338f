"""The note form: a category from ``resources/forms.toml`` and the text of the note.

OK is refused while the text is blank or unusable; the message stays beside the text box until the
note is fixed. Enter in the text box starts a new line; Ctrl+Enter is OK, Escape cancels.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QWidget

from ketaconsole.core.form_text import FREE_TEXT_MAX_CHARS, text_error
from ketaconsole.gui.field_messages import mark_message_label, show_field_message
from ketaconsole.gui.generated.ui_note import Ui_NoteDialog


class NoteDialog(QDialog):
    """Asks for one note. ``categories`` are ``(id, label)`` pairs, shown by label in their order."""

    def __init__(self, *, categories: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not categories:
            raise ValueError("a note needs at least one category to choose from")
        self.ui = Ui_NoteDialog()
        self.ui.setupUi(self)
        mark_message_label(self.ui.text_error)
        for category_id, label in categories:
            self.ui.category_combo.addItem(label, category_id)
        self._note: tuple[str, str] | None = None
        self._checked = False
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.text_edit.textChanged.connect(self._text_changed)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        self.ui.text_edit.setFocus()

    def note(self) -> tuple[str, str]:
        """``(category id, text)`` of the accepted note, the text trimmed.

        ``RuntimeError`` before the dialog was accepted."""
        if self._note is None:
            raise RuntimeError("the note dialog was not accepted")
        return self._note

    def accept(self) -> None:
        """Close with the note, or stay open showing why the text cannot be used."""
        self._checked = True
        message = self._text_message()
        show_field_message(self.ui.text_edit, self.ui.text_error, message)
        if message is not None:
            self.ui.text_edit.setFocus()
            return
        self._note = (self.ui.category_combo.currentData(), self.ui.text_edit.toPlainText().strip())
        super().accept()

    def _text_message(self) -> str | None:
        return text_error(self.ui.text_edit.toPlainText().strip(), what="Note", required=True,
                          max_length=FREE_TEXT_MAX_CHARS, multiline=True)

    def _text_changed(self) -> None:
        if self._checked:
            show_field_message(self.ui.text_edit, self.ui.text_error, self._text_message())
