"""Validation messages shown next to their field: red bold text in a label beside it, a red tint
on the field, and the message as the field's accessible description (read out by screen readers).

Neither is done with a style sheet on the label or on the field: Qt stops passing the dialog's
large font down to a widget whose own style sheet changes, and the form must stay readable at 1 m.
The theme's style sheets colour message labels through their ``field_message`` property.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from ketaconsole.gui.widget_updates import repolish

ERROR_RED = "#b00020"
"""Colour of a field message."""
INVALID_FIELD_TINT = "#ffdfe4"
"""Background of a field whose content is refused."""
MESSAGE_MIN_WIDTH_PX = 340
"""Narrowest a message label gets, so the form does not jump when the first message appears."""


def mark_message_label(label: QLabel) -> None:
    """Make ``label`` a field message (red, bold, wrapped) that starts empty.

    Its colour comes from the theme's ``QLabel[field_message="true"]`` rule, which is readable on
    that theme's background (:data:`ERROR_RED` is too dark on the dark one); without a theme it is
    :data:`ERROR_RED` from the palette. Only the weight is set on the font, so the size still
    follows the dialog."""
    label.setProperty("field_message", True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_RED))
    label.setPalette(palette)
    bold = QFont()
    bold.setBold(True)
    label.setFont(bold)
    label.setWordWrap(True)
    label.setMinimumWidth(MESSAGE_MIN_WIDTH_PX)
    label.clear()
    repolish(label)  # it may be polished already (a scroll area polishes its form): apply the theme again


def show_field_message(field: QWidget, label: QLabel, message: str | None) -> None:
    """Show ``message`` beside ``field`` (``None`` or "" clears it) and tint the field while invalid.

    The label asks for the height of its wrapped text: a grid row inside a scroll area does not
    grow for a wrapped label by itself, and a message cut in half is not read. The field's
    ``invalid`` property tells whether it is marked."""
    text = message or ""
    label.setText(text)
    label.setMinimumHeight(label.heightForWidth(max(label.width(), MESSAGE_MIN_WIDTH_PX)) if text else 0)
    field.setAccessibleDescription(text)
    invalid = bool(text)
    if field.property("invalid") == invalid:
        return
    field.setProperty("invalid", invalid)
    palette = QPalette()
    if invalid:
        palette = field.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(INVALID_FIELD_TINT))
    field.setPalette(palette)
