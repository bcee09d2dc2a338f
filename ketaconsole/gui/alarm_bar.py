"""The alarm bar at the top of the bedside window: what alarms, how urgently, and the controls.

One row, always in view (also in full screen), so it takes little height at 1280×800:

* **The indicator** shows the most urgent condition ("*** SpO2 low  86 % (below 88 %)") and how long
  it has lasted, in its priority's colour (red, yellow, cyan, from the theme's style sheet through
  the ``alarm_priority`` and ``flash_on`` properties). High flashes at 2 Hz, medium at 0.6 Hz, low is
  steady; the phase comes from the clock (:func:`~ketaconsole.gui.alarm_text.flash_on`) and a 10 Hz
  timer re-polishes only when the light turns on or off. Without alarms it says "No alarms" quietly.
* **Acknowledge** (F10) acknowledges the condition the indicator shows.
* **"3 alarms ▾"** opens the list of every condition (active, or ended and kept by latching) with
  its priority, a TECHNICAL tag for technical conditions, the message, when it started or ended,
  what is heard ("sounding", "audio paused", "acknowledged by Ann") and its own Acknowledge. The
  list drops down over the top of the window's content rather than pushing it down, so the tiles
  and the treatment panel keep their place; it scrolls beyond :data:`MAX_LIST_HEIGHT_PX`.
* **Pause audio** (F9) silences what sounds for the preset's pause; while a pause runs a countdown
  ("Audio paused 1:43") stays in view. A refusal (nothing sounding, already acknowledged) drops
  down for a few seconds; nothing raises.

The bar reads :meth:`AlarmMonitor.picture` on a 4 Hz timer (a lock and a cheap evaluation, never
I/O), sets only what changed, tells the :class:`~ketaconsole.gui.alarm_sound.AlarmSound` the
priority to sound when it changes, and emits :attr:`AlarmBar.picture_shown` for the window's tiles.
Every action names the operator (:meth:`AlarmBar.set_operator` when another person takes over, or the
console locks). While the console is locked acknowledging is refused with a notice
(:meth:`AlarmBar.refuse_acknowledging`): it needs a signed-in person; everything stays shown and
audible. The wording is Qt-free in :mod:`ketaconsole.gui.alarm_text`.
Promotable in Qt Designer (header ``ketaconsole.gui.alarm_bar``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QMoveEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ketaconsole.acquisition.alarm_monitor import AlarmMonitor
from ketaconsole.core.alarms import AlarmActionError, AlarmPicture
from ketaconsole.core.clock import Clock
from ketaconsole.core.observations import AlarmPriority
from ketaconsole.gui.alarm_sound import AlarmSound
from ketaconsole.gui.alarm_text import (
    ACKNOWLEDGE,
    NO_PRIORITY,
    NOTHING_TO_ACKNOWLEDGE,
    TECHNICAL_TAG,
    BarText,
    RowText,
    bar_text,
    flash_on,
    list_button_text,
    pause_button_text,
)
from ketaconsole.gui.generated.ui_alarm_bar import Ui_AlarmBar
from ketaconsole.gui.widget_updates import set_style_property, set_text, set_visible

PICTURE_INTERVAL_MS = 250
FLASH_INTERVAL_MS = 100
MESSAGE_SHOWN_MS = 6000
LIST_OPEN_MS = 30_000
"""The list closes by itself this long after it was opened or last used: it covers the top tiles."""
MAX_LIST_HEIGHT_PX = 280
"""Tallest the alarm list gets (about five rows); more rows scroll."""
TARGET_HEIGHT_PX = 44
"""Smallest height of a button (touch target)."""
HEADLINE_POINT_SIZES = (18, 17, 16, 15, 14, 13)
"""The headline shrinks through these sizes to fit before it is elided (the list has it in full)."""
QUIET_POINT_SIZE = 13
"""The size of "No alarms"."""


@dataclass(frozen=True, slots=True)
class AlarmRow:
    """The widgets of one line of the alarm list (one grid row)."""

    marker: QLabel
    tag: QLabel
    text: QLabel
    state: QWidget
    """Holds ``time`` above ``audio``."""
    time: QLabel
    audio: QLabel
    button: QPushButton

    def cells(self) -> tuple[QWidget, ...]:
        """The widgets in the grid's columns, left to right."""
        return self.marker, self.tag, self.text, self.state, self.button


class AlarmBar(QFrame):
    """The alarm display and controls; hidden until :meth:`configure` gives it a monitor."""

    picture_shown = Signal(object)
    """After every refresh: the :class:`AlarmPicture` shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AlarmBar()
        self.ui.setupUi(self)
        self.setProperty("alarm_bar", True)  # the style sheets' anchor (the window renames the bar)
        self._monitor: AlarmMonitor | None = None
        self._clock: Clock | None = None
        self._operator = ""
        self._acknowledge_refusal: str | None = None
        self._sound: AlarmSound | None = None
        self._priority: AlarmPriority | None = None
        self._sounding: AlarmPriority | None = None
        self._headline = ""
        self._keys: list[str] = []
        self._top_key: str | None = None
        self._rows: list[AlarmRow] = []
        self.last_picture: AlarmPicture | None = None
        ui = self.ui
        ui.list_panel.setProperty("alarm_bar", True)
        ui.headline_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        ui.headline_label.installEventFilter(self)
        for button in (ui.acknowledge_button, ui.list_button, ui.pause_button):
            button.setMinimumHeight(TARGET_HEIGHT_PX)
        ui.pause_button.clicked.connect(self.pause_audio)
        ui.acknowledge_button.clicked.connect(self.acknowledge_top)
        ui.list_button.toggled.connect(self._list_toggled)
        self._indicator_parts: tuple[QWidget, ...] = (ui.alarm_indicator, ui.headline_label,
                                                      ui.duration_label)
        self.picture_timer = self._timer(PICTURE_INTERVAL_MS, self.refresh)
        self.flash_timer = self._timer(FLASH_INTERVAL_MS, self.update_flash)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._hide_message)
        self._list_timer = QTimer(self)
        self._list_timer.setSingleShot(True)
        self._list_timer.timeout.connect(lambda: ui.list_button.setChecked(False))
        self._set_priority(None)
        self.hide()

    def configure(self, *, monitor: AlarmMonitor | None, clock: Clock, operator: str,
                  sound: AlarmSound | None = None) -> None:
        """Show ``monitor``'s alarms (``None``: no alarm monitoring, the bar stays hidden) for
        ``operator``; ``sound`` plays the alarm signal, and whether it can is told to the monitor
        now and whenever an output appears or disappears."""
        self._monitor = monitor
        self._clock = clock
        self._operator = operator
        self._sound = sound
        if monitor is None:
            self.stop()
            self.hide()
            return
        self._float_panel()
        if sound is not None:
            monitor.set_audio_output(sound.available, sound.unavailable_reason)
            sound.availability_changed.connect(self._audio_output_changed)
        self.ui.pause_button.setText(pause_button_text(monitor.preset.audio.pause_s))
        self.show()
        self.picture_timer.start()
        self.flash_timer.start()
        self.refresh()

    def stop(self) -> None:
        """Stop redrawing and silence the alarm signal (the window is closing)."""
        self.picture_timer.stop()
        self.flash_timer.stop()
        if self._sound is not None:
            self._sound.set_sounding(None)
        self._sounding = None

    def set_operator(self, operator: str) -> None:
        """Record later actions with ``operator``."""
        self._operator = operator

    def refuse_acknowledging(self, refusal: str | None) -> None:
        """Disable every Acknowledge and answer a try with ``refusal`` (``None``: allow again)."""
        self._acknowledge_refusal = refusal
        self.refresh()

    @property
    def sounding(self) -> AlarmPriority | None:
        """The priority last passed to the sound (``None``: silent)."""
        return self._sounding

    @property
    def headline(self) -> str:
        """The most urgent condition in full (the label elides it when space is short)."""
        return self._headline

    def row(self, key: str) -> AlarmRow | None:
        """The list row showing condition ``key``, if shown."""
        if key not in self._keys:
            return None
        return self._rows[self._keys.index(key)]

    def refresh(self) -> AlarmPicture | None:
        """Read the monitor's picture and show it (4 Hz, and after every action)."""
        if self._monitor is None:
            return None
        picture = self._monitor.picture()
        self.last_picture = picture
        text = bar_text(picture)
        self._show_indicator(text, picture)
        self._show_pause(text)
        self._show_rows(text.rows)
        if picture.sounding is not self._sounding:
            self._sounding = picture.sounding
            if self._sound is not None:
                self._sound.set_sounding(picture.sounding)
        self.picture_shown.emit(picture)
        return picture

    def update_flash(self) -> None:
        """Light or darken the indicator for the clock's moment (10 Hz; re-polished only on change)."""
        if self._clock is None:
            return
        lit = flash_on(self._priority, self._clock.now().monotonic_ns)
        for widget in self._indicator_parts:
            set_style_property(widget, "flash_on", lit)

    def pause_audio(self) -> None:
        """Pause the audio of the alarms sounding now (F9), for the operator."""
        if self._monitor is None:
            return
        try:
            self._monitor.pause_audio(user=self._operator)
        except AlarmActionError as refused:
            self._notice(str(refused))
        self.refresh()

    def acknowledge(self, key: str) -> None:
        """Acknowledge condition ``key`` (clear it when it has ended), for the operator."""
        if self._monitor is None:
            return
        if self._acknowledge_refusal is not None:
            self._notice(self._acknowledge_refusal)
            return
        if self._list_timer.isActive():
            self._list_timer.start(LIST_OPEN_MS)
        try:
            self._monitor.acknowledge(key, user=self._operator)
        except AlarmActionError as refused:
            self._notice(str(refused))
        self.refresh()

    def acknowledge_top(self) -> None:
        """Acknowledge the condition the indicator shows (F10)."""
        if self._monitor is None:
            return
        if self._top_key is None:
            self._notice(NOTHING_TO_ACKNOWLEDGE)
            return
        self.acknowledge(self._top_key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Elide the headline again when its label changes width."""
        if watched is self.ui.headline_label and event.type() == QEvent.Type.Resize:
            self._fit_headline()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_panel()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self._place_panel()

    def _audio_output_changed(self, available: bool, reason: str) -> None:
        if self._monitor is not None:
            self._monitor.set_audio_output(available, reason)
            self.refresh()

    def _show_indicator(self, text: BarText, picture: AlarmPicture) -> None:
        ui = self.ui
        self._set_priority(picture.highest)
        if text.headline != self._headline:
            self._headline = text.headline
            ui.alarm_indicator.setAccessibleDescription(text.headline)
            self._fit_headline()
        set_text(ui.duration_label, text.duration)
        set_visible(ui.duration_label, bool(text.duration))
        self._top_key = text.top_key
        set_visible(ui.acknowledge_button, text.top_key is not None)
        allowed = text.can_acknowledge_top and self._acknowledge_refusal is None
        if ui.acknowledge_button.isEnabled() != allowed:
            ui.acknowledge_button.setEnabled(allowed)

    def _set_priority(self, priority: AlarmPriority | None) -> None:
        if (priority is None) != (self._priority is None):
            self._priority = priority
            self._fit_headline()
        self._priority = priority
        key = NO_PRIORITY if priority is None else priority.value
        for widget in self._indicator_parts:
            set_style_property(widget, "alarm_priority", key)
        self.update_flash()

    def _fit_headline(self) -> None:
        """The largest size at which the whole headline fits, elided only below the smallest."""
        label = self.ui.headline_label
        font = label.font()
        available = max(label.contentsRect().width(), 1)
        sizes = HEADLINE_POINT_SIZES if self._priority is not None else (QUIET_POINT_SIZE,)
        font.setBold(self._priority is not None)
        for size in sizes:
            font.setPointSize(size)
            if QFontMetrics(font).horizontalAdvance(self._headline) <= available:
                break
        if label.font() != font:
            label.setFont(font)
        shown = QFontMetrics(font).elidedText(self._headline, Qt.TextElideMode.ElideRight, available)
        set_text(label, shown)
        label.setToolTip(self._headline if shown != self._headline else "")

    def _show_pause(self, text: BarText) -> None:
        """The countdown while a pause runs; the button while something sounds or no pause runs."""
        ui = self.ui
        set_text(ui.pause_label, text.pause)
        set_visible(ui.pause_label, bool(text.pause))
        set_visible(ui.pause_button, text.can_pause or not text.pause)
        if ui.pause_button.isEnabled() != text.can_pause:
            ui.pause_button.setEnabled(text.can_pause)

    def _show_rows(self, rows: tuple[RowText, ...]) -> None:
        ui = self.ui
        while len(self._rows) < len(rows):
            self._rows.append(self._new_row(len(self._rows)))
        self._keys = [row.key for row in rows]
        for index, widgets in enumerate(self._rows):
            shown = index < len(rows)
            for widget in widgets.cells():
                set_visible(widget, shown)
            if shown:
                self._show_row(widgets, rows[index])
            else:
                set_visible(widgets.tag, False)
        set_visible(ui.list_button, bool(rows))
        if not rows and ui.list_button.isChecked():
            ui.list_button.setChecked(False)
        set_text(ui.list_button, list_button_text(len(rows), ui.list_button.isChecked()))
        self._show_panel()

    def _new_row(self, index: int) -> AlarmRow:
        parent = self.ui.list_widget
        state = QWidget(parent)
        row = AlarmRow(QLabel(parent), QLabel(parent), QLabel(parent), state, QLabel(state), QLabel(state),
                       QPushButton(ACKNOWLEDGE, parent))
        stacked = QVBoxLayout(state)
        stacked.setContentsMargins(0, 0, 0, 0)
        stacked.setSpacing(0)
        stacked.addWidget(row.time)
        stacked.addWidget(row.audio)
        for label, part in ((row.marker, "marker"), (row.tag, "tag"), (row.text, "text"), (row.time, "time"),
                            (row.audio, "audio")):
            label.setProperty("alarm_row", part)
            label.setTextFormat(Qt.TextFormat.PlainText)
        row.marker.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.tag.setText(TECHNICAL_TAG)
        row.tag.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.text.setWordWrap(True)
        row.button.setMinimumHeight(TARGET_HEIGHT_PX)
        row.button.setAutoDefault(False)
        row.button.setProperty("alarm_row", "acknowledge")
        row.button.clicked.connect(lambda _checked=False, index=index: self._acknowledge_row(index))
        for column, widget in enumerate(row.cells()):
            self.ui.list_grid.addWidget(widget, index, column)
        return row

    def _show_row(self, row: AlarmRow, text: RowText) -> None:
        set_style_property(row.marker, "alarm_priority", text.priority)
        set_text(row.marker, text.marker)
        set_visible(row.tag, text.technical)
        set_text(row.text, text.text)
        set_text(row.time, text.time)
        set_style_property(row.time, "alarm_active", text.active)
        set_text(row.audio, text.audio_text)
        set_style_property(row.audio, "alarm_audio", text.audio)
        allowed = text.can_acknowledge and self._acknowledge_refusal is None
        if row.button.isEnabled() != allowed:
            row.button.setEnabled(allowed)
        name = f"Acknowledge {text.text}"
        if row.button.accessibleName() != name:
            row.button.setAccessibleName(name)
            row.button.setToolTip(name if text.active else f"Clear {text.text}: it has ended")

    def _list_toggled(self, open_: bool) -> None:
        if open_:
            self._list_timer.start(LIST_OPEN_MS)
        else:
            self._list_timer.stop()
        set_text(self.ui.list_button, list_button_text(len(self._keys), open_))
        self._show_panel()

    def _float_panel(self) -> None:
        """Let the list drop down over the content under the bar instead of pushing it down."""
        host, panel = self.parentWidget(), self.ui.list_panel
        if host is None or panel.parentWidget() is host:
            return
        self.ui.bar_layout.removeWidget(panel)
        panel.setParent(host)
        self._show_panel()

    def _show_panel(self) -> None:
        ui = self.ui
        listed = ui.list_button.isChecked() and bool(self._keys)
        set_visible(ui.list_area, listed)
        if listed:
            rows = ui.list_widget
            margins = ui.panel_layout.contentsMargins()
            width = self.width() - margins.left() - margins.right() - 2 * ui.list_panel.frameWidth()
            content = max(rows.heightForWidth(width) if rows.hasHeightForWidth() else 0,
                          rows.sizeHint().height())
            height = min(content + 2 * ui.list_area.frameWidth(), MAX_LIST_HEIGHT_PX)
            if ui.list_area.height() != height:
                ui.list_area.setFixedHeight(height)
        set_visible(ui.list_panel, listed or not ui.message_label.isHidden())
        self._place_panel()

    def _place_panel(self) -> None:
        panel = self.ui.list_panel
        host = panel.parentWidget()
        if host is self or host is None or panel.isHidden():
            return
        corner = self.mapTo(host, QPoint(0, self.height()))
        panel.setGeometry(corner.x(), corner.y() + 2, self.width(), panel.sizeHint().height())
        panel.raise_()

    def _acknowledge_row(self, index: int) -> None:
        if index < len(self._keys):
            self.acknowledge(self._keys[index])

    def _notice(self, text: str) -> None:
        set_text(self.ui.message_label, text)
        set_visible(self.ui.message_label, True)
        self._message_timer.start(MESSAGE_SHOWN_MS)
        self._show_panel()

    def _hide_message(self) -> None:
        set_visible(self.ui.message_label, False)
        self._show_panel()

    def _timer(self, interval_ms: int, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setTimerType(Qt.TimerType.CoarseTimer if interval_ms >= PICTURE_INTERVAL_MS
                           else Qt.TimerType.PreciseTimer)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer
