"""Updating widgets that a timer redraws every second: only what changed is touched, so an unchanged
window costs no layout or repaint."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def set_text(label: QLabel, text: str) -> None:
    """Set ``label``'s text unless it already reads ``text``."""
    if label.text() != text:
        label.setText(text)


def set_visible(widget: QWidget, visible: bool) -> None:
    """Show or hide ``widget`` unless it already is."""
    if widget.isHidden() == visible:
        widget.setVisible(visible)


def set_style_property(widget: QWidget, name: str, value: object) -> None:
    """Set a property the style sheet selects on, re-polishing only when it changes."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    repolish(widget)


def repolish(widget: QWidget) -> None:
    """Apply the style sheet to ``widget`` again (after a property it selects on changed)."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
