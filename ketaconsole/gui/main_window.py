"""The bedside window: waveform strips, numeric tiles, session trends with an event strip, the
treatment panel (:mod:`ketaconsole.gui.dose_panel`), a banner that cannot be missed when the
monitor stops delivering, and under it the assessment banner: one line per dissociation or sedation
check that is overdue, due or about to fall due, with its countdown and an Open button
(:func:`~ketaconsole.gui.assessment_text.banner_lines`). It never blocks anything; an overdue line
stays until the assessment is submitted. The Assessments menu (and Ctrl+A) opens any instrument
unscheduled.

Above everything, the alarm bar (:mod:`ketaconsole.gui.alarm_bar`) shows the session's
:class:`~ketaconsole.acquisition.alarm_monitor.AlarmMonitor` and drives the alarm sound
(:class:`~ketaconsole.gui.alarm_sound.AlarmSound`); a tile whose parameter alarms takes the
priority's colour (its ``alarm_priority`` property). The Alarms menu pauses the audio (F9),
acknowledges the most urgent alarm (F10) and opens the limits (Ctrl+L).

Who runs the session: with a :class:`ConsoleAccess` the window knows the signed-in person and
locks itself after the site's time without input (:mod:`ketaconsole.gui.lock_overlay`): an opaque
overlay hides everything below the alarm bar and every action; the alarm bar stays visible and
audible, Pause audio (F9) still works (recorded as "<id> (console locked)") and acknowledging needs
a person signed in. The signed-in person's password unlocks; another person's id and password take
the session over (``operator-changed``). Locking and unlocking are session events
(``console-locked``, ``console-unlocked``). A training session carries its marker under the alarm
bar, and a resumed session the verification of its stored record
(:mod:`ketaconsole.gui.verification_banner`).

The window only reads from its :class:`~ketaconsole.gui.live_feed.LiveFeed`; it never waits on the
serial link or the database. Two timers drive it: a 30 Hz precise timer drains the feed and redraws
the waveform strips; a 1 Hz timer redraws the tiles, the trends, the treatment panel and the
banner's age. Every redraw re-evaluates the age of what is shown against the clock, so nothing looks
fresh when it is not. Every batch of observations drained from the feed also goes to the session's
treatment, whose checks are met by the cuff readings in it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ketaconsole.accounts.errors import AuthenticationFailed
from ketaconsole.accounts.users import User, UserDirectory
from ketaconsole.acquisition.alarm_monitor import AlarmMonitor
from ketaconsole.acquisition.recorder import RecordedEvent
from ketaconsole.core.alarms import SEVERITY, AlarmPicture
from ketaconsole.core.clock import Clock, Stamp
from ketaconsole.core.cuff import CUFF_PARAMETERS, SYSTOLIC, CuffReadings
from ketaconsole.core.dose_session import DoseSession, DoseSessionStatus
from ketaconsole.core.instruments import InstrumentCatalogue
from ketaconsole.core.observations import Observation, WaveformChunk
from ketaconsole.devices.link import LinkState, LinkStatus
from ketaconsole.gui.alarm_sound import AlarmSound
from ketaconsole.gui.assessment_text import HIDDEN_EVENT_KINDS, BannerLine, banner_lines
from ketaconsole.gui.display_text import (
    STALE_AFTER_S,
    TILES,
    TileSpec,
    age_text,
    event_label,
    link_text,
    manual_entry_label,
    tile_text,
)
from ketaconsole.gui.generated.ui_main_window import Ui_MainWindow
from ketaconsole.gui.live_feed import HistoryBatch, LiveFeed
from ketaconsole.gui.lock_overlay import InactivityWatch, LockOverlay
from ketaconsole.gui.theme import DEFAULT_THEME, load_theme, strip_layouts
from ketaconsole.gui.verification_banner import mark_training
from ketaconsole.gui.waveform_strip import WaveformStrip
from ketaconsole.gui.widget_updates import repolish, set_style_property
from ketaconsole.records.signatures import VerificationReport
from ketaconsole.storage.writer import WriterHealth

FRAME_INTERVAL_MS = 33
NUMBERS_INTERVAL_MS = 1000
MIN_VALUE_POINT_SIZE = 8.0
#: Live view above, session trends below, in pixels (proportions when the window is resized).
DEFAULT_SPLITTER_SIZES = [520, 400]
BANNER_COLUMNS = 2
"""Assessment banner entries side by side."""
CONSOLE_LOCKED = "console-locked"
CONSOLE_UNLOCKED = "console-unlocked"
OPERATOR_CHANGED = "operator-changed"
ACKNOWLEDGE_WHEN_LOCKED = ("The console is locked: sign in to acknowledge. "
                           "Pause audio (F9) works while locked.")
CLOSE_WHEN_LOCKED = "Unlock the console first to close it or end the session"
SIGN_AFTER_END = "End the session first (Ctrl+E): the console then offers to sign the record"


class SessionControls(Protocol):
    """What the window may ask of the running session (the recorder, seen from the GUI)."""

    def add_manual_observations(self, observations: Sequence[Observation]) -> None: ...

    def add_note(self, text: str, *, category: str, user: str) -> None: ...

    def record_event(self, kind: str, stamp: Stamp, detail: Mapping[str, Any], user: str | None) -> None: ...


@dataclass(frozen=True, slots=True)
class ConsoleAccess:
    """Who is signed in and how the window locks: ``directory`` checks passwords, ``user`` runs the
    session, the window locks after ``lock_after_s`` seconds without input, and
    ``may_take_over(user)`` says why another person may not run this session (``None``: they may)."""

    directory: UserDirectory
    user: User
    lock_after_s: float
    may_take_over: Callable[[User], str | None]


class CloseChoice(Enum):
    """What closing the window does to the session."""

    END_SESSION = "end"
    RESUME_LATER = "resume-later"


class MainWindow(QMainWindow):
    """Shows what ``feed`` delivers; ages are measured with ``clock`` (the recorder's clock).

    ``controls`` is the running session (``None``: no session, entries disabled) and ``operator``
    the person running it, recorded with notes, manual values and dose actions. ``treatment`` is
    the session's dose (``None``: none chosen yet, or, with ``awaiting_history``, a resumed
    session's dose still to come with its :class:`HistoryBatch`). ``patient_weight_kg`` pre-fills
    the dose calculator. ``instruments`` are the rating instruments offered (``None``: the shipped
    and site ones). ``settings`` remembers layout and theme (``None``: the application's default
    QSettings). ``alarms`` is the session's alarm monitor (``None``: no alarm monitoring, the alarm
    bar is hidden); with one, the window plays the alarm sound (:attr:`alarm_sound`). ``access``
    is the signed-in person (``None``: nobody, the window never locks; ``operator`` is then a
    name). ``training_text`` marks a training session; ``verification`` is the check of a resumed
    session's stored record.
    """

    def __init__(self, feed: LiveFeed, clock: Clock, *, controls: SessionControls | None = None,
                 operator: str = "", status_message: str = "", settings: QSettings | None = None,
                 treatment: DoseSession | None = None, awaiting_history: bool = False,
                 patient_weight_kg: float | None = None, instruments: InstrumentCatalogue | None = None,
                 alarms: AlarmMonitor | None = None, access: ConsoleAccess | None = None,
                 training_text: str = "", verification: VerificationReport | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._status_message = status_message
        self.ui.statusbar.showMessage(status_message)
        self._put_connection_in_toolbar()
        self._feed = feed
        self._clock = clock
        self._controls = controls
        self._operator = operator
        self._alarms = alarms
        self._stale_after_s = alarms.preset.technical.stale_after_s if alarms is not None else STALE_AFTER_S
        self._settings = settings if settings is not None else QSettings()
        self._latest: dict[str, Observation] = {}
        self._cuff_measured: dict[str, Stamp] = {}
        """When each source's latest cuff measurement was taken (a repeat keeps its first time)."""
        self._cuff = CuffReadings()
        self._link_status: LinkStatus | None = None
        self._data_seen = False
        self._lost_since: Stamp | None = None
        self._storage: WriterHealth | None = None
        self.close_choice: CloseChoice | None = None
        self._strips: dict[str, WaveformStrip] = {
            "ECG": self.ui.ecg_strip, "PLETH": self.ui.pleth_strip, "CO2": self.ui.co2_strip,
        }
        for spec in TILES:
            for part in ("title", "value", "note"):
                getattr(self.ui, f"{spec.key}_{part}").setProperty("tile", spec.key)
        self._designed_point_size = {spec.key: self._value_label(spec).font().pointSizeF() for spec in TILES}
        self._tile_of_value: dict[QObject, TileSpec] = {self._value_label(spec): spec for spec in TILES}
        for value_label in self._tile_of_value:
            value_label.installEventFilter(self)
        self._banner_rows: list[tuple[QFrame, QLabel, QPushButton]] = []
        self._banner_lines: tuple[BannerLine, ...] = ()
        self.ui.dose_panel.status_changed.connect(self._show_assessment_banner)
        self.ui.dose_panel.configure(clock=clock, recorder=controls, operator=operator, treatment=treatment,
                                     awaiting_history=awaiting_history, patient_weight_kg=patient_weight_kg,
                                     instruments=instruments,
                                     blood_pressure_steps=alarms.preset.blood_pressure_step if alarms else ())
        self.alarm_sound = AlarmSound(parent=self) if alarms is not None else None
        self.ui.alarm_bar.picture_shown.connect(self._show_tile_alarms)
        self.ui.alarm_bar.configure(monitor=alarms, clock=clock, operator=operator, sound=self.alarm_sound)
        self._access = access
        self.locked_since: Stamp | None = None
        self._title_before_lock = ""
        self.lock_overlay = LockOverlay(self.ui.central_widget)
        self.lock_overlay.unlock_requested.connect(self.unlock)
        for watched in (self.ui.central_widget, self.ui.alarm_bar):
            watched.installEventFilter(self)
        self.inactivity: InactivityWatch | None = None
        if access is not None:
            self.inactivity = InactivityWatch(QApplication.instance(), access.lock_after_s, parent=self)
            self.inactivity.timed_out.connect(self.lock)
        if training_text:
            mark_training(self.ui.training_banner, training_text)
        if verification is not None:
            self.ui.verification_banner.show_report(verification)
        self._connect_actions()
        self._restore_settings()
        self.frame_timer = _timer(self, FRAME_INTERVAL_MS, self.refresh_frame, Qt.TimerType.PreciseTimer)
        self.numbers_timer = _timer(self, NUMBERS_INTERVAL_MS, self.refresh_numbers, Qt.TimerType.CoarseTimer)
        self.refresh()

    @property
    def signed_in_user(self) -> User | None:
        """The person running the session now (``None``: nobody signed in)."""
        return self._access.user if self._access is not None else None

    @property
    def locked(self) -> bool:
        return self.locked_since is not None

    def lock(self) -> None:
        """Lock the console: the overlay covers everything below the alarm bar, the actions stop,
        open dialogs are cancelled (nothing half-entered is recorded) and the title and status bar
        no longer name the patient. Recorded as ``console-locked``."""
        access = self._access
        if access is None or self.locked:
            return
        self.locked_since = self._clock.now()
        self._record(CONSOLE_LOCKED, {"after_inactivity_s": access.lock_after_s}, self._operator)
        if self.inactivity is not None:
            self.inactivity.pause()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        for action in self._locked_actions():
            action.setEnabled(False)
        bar = self.ui.alarm_bar
        bar.refuse_acknowledging(ACKNOWLEDGE_WHEN_LOCKED)
        bar.set_operator(f"{self._operator} (console locked)")
        self._title_before_lock = self.windowTitle()
        self.setWindowTitle("KetaConsole – locked")
        self.ui.statusbar.showMessage("Console locked – the alarms stay live")
        self.lock_overlay.show_locked(access.user.id, access.user.printed_name,
                                      f"{self.locked_since.utc.astimezone():%H:%M}")
        self._place_overlay()

    def unlock(self, user_id: str, password: str) -> None:
        """Unlock for the signed-in person's password, or hand the session to another person who may
        run it (``operator-changed``); otherwise the console stays locked and says why."""
        access, since = self._access, self.locked_since
        if access is None or since is None:
            return
        try:
            user = access.directory.authenticate(user_id, password)
        except AuthenticationFailed as refused:
            self.lock_overlay.refuse(str(refused))
            return
        previous = access.user
        if user.id != previous.id:
            refusal = access.may_take_over(user)
            if refusal is not None:
                self.lock_overlay.refuse(refusal)
                return
        locked_s = round(self._clock.now().seconds_since(since), 1)
        self._record(CONSOLE_UNLOCKED, {"locked_s": locked_s}, user.id)
        if user.id != previous.id:
            self._record(OPERATOR_CHANGED,
                         {"from": previous.id, "to": user.id, "printed_name": user.printed_name}, user.id)
            self._access = replace(access, user=user)
            self._operator = user.id
            self.ui.dose_panel.set_operator(user.id)
            self._status_message = f"{self._status_message} · taken over by {user.printed_name} ({user.id})"
        self.locked_since = None
        self.lock_overlay.hide()
        self._connect_action_states()
        bar = self.ui.alarm_bar
        bar.set_operator(self._operator)
        bar.refuse_acknowledging(None)
        self.setWindowTitle(self._title_before_lock)
        self.ui.statusbar.showMessage(self._status_message)
        if self.inactivity is not None:
            self.inactivity.restart()

    def _locked_actions(self) -> tuple[QAction, ...]:
        ui = self.ui
        return (ui.manual_vitals_action, ui.note_action, ui.assessment_action, ui.rems_summary_action,
                ui.sign_record_action, ui.end_session_action, ui.acknowledge_action, ui.alarm_limits_action,
                ui.follow_action, ui.show_all_action, ui.session_menu.menuAction(),
                ui.assessments_menu.menuAction())

    def _place_overlay(self) -> None:
        """Cover the central area below the alarm bar (all of it when there are no alarms)."""
        if self.lock_overlay.isHidden():
            return
        bar = self.ui.alarm_bar
        self.lock_overlay.cover(bar.geometry().bottom() + 1 if bar.isVisible() else 0)
        self.lock_overlay.raise_()
        panel = bar.ui.list_panel
        if panel.parentWidget() is self.ui.central_widget and panel.isVisible():
            panel.raise_()  # the dropped-down alarm list stays above the lock

    def _record(self, kind: str, detail: Mapping[str, Any], user: str) -> None:
        if self._controls is not None:
            self._controls.record_event(kind, self._clock.now(), detail, user)

    @property
    def theme_name(self) -> str:
        return "dark" if self.ui.dark_theme_action.isChecked() else "light"

    def _put_connection_in_toolbar(self) -> None:
        """The monitor's connection line sits at the right of the toolbar, where it is always in view
        and leaves the height below to the trends (a lost connection is also a technical alarm)."""
        spacer = QWidget(self.ui.main_toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.ui.main_toolbar.addWidget(spacer)
        self.ui.main_toolbar.addWidget(self.ui.connection_label)

    def refresh(self) -> None:
        """Take everything the feed has gathered and redraw everything."""
        self.refresh_frame()
        self.refresh_numbers()

    def refresh_frame(self) -> None:
        """Drain the feed and redraw the waveform strips (30 Hz)."""
        observations: list[Observation] = []
        for item in self._feed.drain():
            if isinstance(item, Observation):
                observations.append(item)
            else:
                self._take(item)
        if observations:
            self._take_observations(observations)
            self.ui.dose_panel.add_observations(observations)
        now = self._clock.now()
        for strip in self._strips.values():
            strip.refresh(now)

    def refresh_numbers(self) -> None:
        """Redraw the tiles, the trends, the treatment panel and the banner (1 Hz)."""
        now = self._clock.now()
        for spec in TILES:
            self._show_tile(spec, now)
        self.ui.trend_view.refresh(now)
        self.ui.dose_panel.refresh()
        self._show_link(now)

    def apply_theme(self, name: str) -> None:
        """Switch to the ``dark`` or ``light`` theme (style sheet, tile and trace colours)."""
        theme = load_theme(name)
        self.ui.dark_theme_action.setChecked(theme.dark)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setStyleSheet(theme.style_sheet)
        for wave, layout in strip_layouts().items():
            strip = self._strips[wave]
            strip.configure(wave, label=layout.label, window_s=layout.window_s, y_range=layout.y_range,
                            colour=theme.colour(wave))
            strip.set_theme(theme.dark)
        self.ui.trend_view.set_colours(theme.colours)
        self.ui.trend_view.set_theme(theme.dark)
        for label in self.findChildren(QLabel):
            repolish(label)

    def _take(self, item: object) -> None:
        if isinstance(item, WaveformChunk):
            strip = self._strips.get(item.wave)
            if strip is not None:
                strip.add_chunk(item)
        elif isinstance(item, LinkStatus):
            self._take_link_status(item)
        elif isinstance(item, WriterHealth):
            self._storage = item
            self._show_link(self._clock.now())
        elif isinstance(item, RecordedEvent):
            self._add_event(item)
        elif isinstance(item, HistoryBatch):
            self.ui.trend_view.add_observations(item.observations)
            for event in item.events:
                self._add_event(event)
            self.ui.dose_panel.take_history(item.treatment, item.treatment_error)

    def _add_event(self, event: RecordedEvent) -> None:
        """Mark a session event on the event strip (assessment drafts are not shown)."""
        if event.kind not in HIDDEN_EVENT_KINDS:
            self.ui.trend_view.add_event(event.stamp, event.kind, event_label(event.kind, event.detail))

    def _show_assessment_banner(self, status: DoseSessionStatus | None) -> None:
        """One entry per assessment check to announce (none without a treatment), each with Open,
        :data:`BANNER_COLUMNS` to a row so two take no more height than one."""
        lines = () if status is None else banner_lines(status)
        self._banner_lines = lines
        banner = self.ui.assessment_banner
        while len(self._banner_rows) < len(lines):
            index = len(self._banner_rows)
            row = QFrame(banner)
            row.setProperty("banner_row", True)
            layout = QHBoxLayout(row)
            layout.setContentsMargins(10, 0, 0, 0)
            label = QLabel(row)
            label.setWordWrap(True)
            button = QPushButton("&Open" if index == 0 else "Open", row)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, index=index: self._open_banner_line(index))
            layout.addWidget(label, 1)
            layout.addWidget(button)
            self.ui.assessment_banner_grid.addWidget(row, index // BANNER_COLUMNS, index % BANNER_COLUMNS)
            self._banner_rows.append((row, label, button))
        for index, (row, label, button) in enumerate(self._banner_rows):
            shown = index < len(lines)
            if row.isHidden() == shown:
                row.setVisible(shown)
            if not shown:
                continue
            line = lines[index]
            if label.text() != line.text:
                label.setText(line.text)
                button.setToolTip(f"Open the screen for: {line.text}")
                button.setAccessibleName(f"Open {line.text}")
            set_style_property(row, "check_state", line.state)
            set_style_property(label, "check_state", line.state)
        if banner.isHidden() == bool(lines):
            banner.setVisible(bool(lines))

    def _open_banner_line(self, index: int) -> None:
        if index < len(self._banner_lines):
            line = self._banner_lines[index]
            self.ui.dose_panel.open_assessment(line.instrument, line.form)

    def _fill_assessments_menu(self) -> None:
        """Below "Assessment…": the chooser's entries (every instrument and short form, then the
        submitted assessments), each opening at once."""
        menu = self.ui.assessments_menu
        for action in menu.actions()[2:]:
            menu.removeAction(action)
            action.deleteLater()
        panel = self.ui.dose_panel
        for choice in panel.assessment_choices() if self._controls is not None else []:
            action = menu.addAction(choice.text.replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, choice=choice: panel.open_choice(choice))

    def _take_link_status(self, status: LinkStatus) -> None:
        """Data is lost when the link leaves CONNECTED, or never got there (NO_DATA, DISCONNECTED);
        it stays lost, counted from that moment, until the link is CONNECTED again."""
        self._link_status = status
        if status.state is LinkState.CONNECTED:
            self._data_seen = True
            self._lost_since = None
        elif self._lost_since is None and (self._data_seen or status.state is not LinkState.CONNECTING):
            self._lost_since = status.since
        self._show_link(self._clock.now())

    def _take_observations(self, observations: Sequence[Observation]) -> None:
        """Newest values for the tiles; for the trends, every value except a monitor repeating the
        cuff pressure it already showed (an S/5 re-sends the last NIBP every 5 s): each measurement
        is one point, dated when it first appeared (:class:`~ketaconsole.core.cuff.CuffReadings`
        decides what is a new measurement)."""
        new_readings = self._cuff.add(observations)
        for reading in new_readings:
            self._cuff_measured[reading.source] = reading.measured
        measured = {reading.measured for reading in new_readings}
        for_trends = []
        for observation in observations:
            self._latest[observation.parameter] = observation
            if observation.parameter not in CUFF_PARAMETERS or observation.received in measured:
                for_trends.append(observation)
        self.ui.trend_view.add_observations(for_trends)

    def _show_tile(self, spec: TileSpec, now: Stamp) -> None:
        systolic = self._latest.get(SYSTOLIC)
        measured_at = self._cuff_measured.get(systolic.source) if spec.key == "nibp" and systolic else None
        text = tile_text(spec, self._latest, now, measured_at, self._stale_after_s)
        value_label = self._value_label(spec)
        if value_label.text() != text.value:
            value_label.setText(text.value)
            self._fit_value(spec)
        getattr(self.ui, f"{spec.key}_note").setText(text.note)
        for part in ("title", "value", "note"):
            set_style_property(getattr(self.ui, f"{spec.key}_{part}"), "freshness", text.freshness.value)

    def _show_tile_alarms(self, picture: AlarmPicture) -> None:
        """Colour each tile by the highest priority alarming about one of its parameters."""
        for spec in TILES:
            priorities = [p for p in map(picture.for_parameter, spec.parameters) if p is not None]
            highest = max(priorities, key=SEVERITY.__getitem__, default=None)
            set_style_property(getattr(self.ui, f"{spec.key}_tile"), "alarm_priority",
                               highest.value if highest is not None else "")

    def _show_link(self, now: Stamp) -> None:
        status = self._link_status
        label = self.ui.connection_label
        label.setText(link_text(status))
        set_style_property(label, "link_state", status.state.value if status else "")
        alerts = []
        lost_since = self._lost_since
        if lost_since is not None and status is not None:
            what = "NO DATA FROM THE MONITOR" if status.state is LinkState.NO_DATA else "MONITOR DISCONNECTED"
            age = age_text(now.seconds_since(lost_since))
            alerts.append(f"{what} since {lost_since.utc.astimezone():%H:%M:%S} ({age}) – "
                          "values and waveforms are not updating")
        if self._storage is not None and not self._storage.ok:
            alerts.append(f"SESSION NOT BEING SAVED: {self._storage.last_error} – "
                          f"{self._storage.pending_rows} values kept in memory until saving works again")
        self.ui.banner_label.setText("\n".join(alerts))
        self.ui.banner_label.setVisible(bool(alerts))

    def _value_label(self, spec: TileSpec) -> QLabel:
        return getattr(self.ui, f"{spec.key}_value")

    def _fit_value(self, spec: TileSpec) -> None:
        """Shrink the value's font until the whole text fits its tile: a clipped "130/81" that
        reads "30/81" is a wrong number. Never larger than the size designed in the form."""
        label = self._value_label(spec)
        font = label.font()
        size = self._designed_point_size[spec.key]
        available = label.contentsRect().width()
        while size > MIN_VALUE_POINT_SIZE:
            font.setPointSizeF(size)
            if QFontMetrics(font).horizontalAdvance(label.text()) <= available:
                break
            size -= 1
        font.setPointSizeF(max(size, MIN_VALUE_POINT_SIZE))
        label.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit a tile's value again whenever its label changes width: the layout settles after the
        window is resized or a panel beside the tiles grows, not only on the window's own resize."""
        if event.type() == QEvent.Type.Resize:
            spec = self._tile_of_value.get(watched)
            if spec is not None:
                self._fit_value(spec)
        if watched in (self.ui.central_widget, self.ui.alarm_bar) and event.type() in (
                QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show, QEvent.Type.Hide):
            self._place_overlay()
        return super().eventFilter(watched, event)

    def _connect_actions(self) -> None:
        ui = self.ui
        ui.manual_vitals_action.triggered.connect(self.enter_manual_vitals)
        ui.note_action.triggered.connect(self.add_note)
        ui.assessment_action.triggered.connect(ui.dose_panel.choose_assessment)
        ui.assessments_menu.aboutToShow.connect(self._fill_assessments_menu)
        ui.rems_summary_action.triggered.connect(self.rems_summary)
        ui.end_session_action.triggered.connect(self.close)
        ui.follow_action.triggered.connect(ui.trend_view.follow)
        ui.show_all_action.triggered.connect(ui.trend_view.show_all)
        ui.trend_view.following_changed.connect(lambda following: ui.follow_action.setEnabled(not following))
        ui.dark_theme_action.toggled.connect(lambda dark: self.apply_theme("dark" if dark else "light"))
        ui.full_screen_action.toggled.connect(self._set_full_screen)
        ui.pause_audio_action.triggered.connect(ui.alarm_bar.pause_audio)
        ui.acknowledge_action.triggered.connect(ui.alarm_bar.acknowledge_top)
        ui.alarm_limits_action.triggered.connect(self.alarm_limits)
        ui.sign_record_action.setToolTip(SIGN_AFTER_END)
        self._connect_action_states()

    def _connect_action_states(self) -> None:
        """Enable what the session offers (also after the lock is lifted). Signing the record is
        offered once the session has ended, which the live window never sees: the console offers it
        when the window closes with "End session"."""
        ui = self.ui
        for action in (ui.pause_audio_action, ui.acknowledge_action, ui.alarm_limits_action):
            action.setEnabled(self._alarms is not None)
        for action in (ui.manual_vitals_action, ui.note_action, ui.assessment_action, ui.rems_summary_action,
                       ui.end_session_action):
            action.setEnabled(self._controls is not None)
        for action in (ui.session_menu.menuAction(), ui.assessments_menu.menuAction(), ui.show_all_action):
            action.setEnabled(True)
        ui.follow_action.setEnabled(not ui.trend_view.is_following)
        ui.sign_record_action.setEnabled(False)

    def rems_summary(self) -> None:
        """Show the esketamine session's REMS monitoring summary and record it when saved; say why
        when the session has none (another treatment, or dosing not started)."""
        from ketaconsole.core.rems_summary import REMS_SUMMARY_RECORDED, summary_unavailable
        from ketaconsole.gui.rems_summary_dialog import RemsSummaryDialog

        session, controls = self.ui.dose_panel.treatment, self._controls
        if controls is None:
            return
        if session is None:
            QMessageBox.information(self, "REMS monitoring summary", "Choose the treatment first.")
            return
        status = session.status()
        refusal = summary_unavailable(status)
        if refusal is not None:
            QMessageBox.information(self, "REMS monitoring summary", refusal)
            return
        dialog = RemsSummaryDialog(status, record=lambda detail: controls.record_event(
            REMS_SUMMARY_RECORDED, self._clock.now(), detail, self._operator), parent=self)
        if dialog.exec():
            self.refresh()

    def alarm_limits(self) -> None:
        """Show the session's alarm limits; changes are made (and recorded) by the dialog."""
        from ketaconsole.gui.alarm_limits_dialog import AlarmLimitsDialog

        if self._alarms is None:
            return
        dialog = AlarmLimitsDialog(self._alarms, user=self._operator, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.ui.alarm_bar.refresh())
        dialog.open()

    def enter_manual_vitals(self) -> None:
        """Ask for vitals measured with a stand-alone device and record them as manual values."""
        from ketaconsole.gui.manual_vitals_dialog import ManualVitalsDialog

        if self._controls is None:
            return
        dialog = ManualVitalsDialog(user=self._operator, clock=self._clock, parent=self)
        if dialog.exec():
            observations = dialog.observations()
            self._controls.add_manual_observations(observations)
            self.ui.trend_view.add_event(observations[0].received, "manual-entry",
                                         manual_entry_label(observations))
            self.refresh()  # show what was just entered at once, not at the next 1 Hz redraw

    def add_note(self) -> None:
        """Ask for a time-stamped note and record it with the operator's name."""
        from ketaconsole.core.forms import form_rules
        from ketaconsole.gui.note_dialog import NoteDialog

        if self._controls is None:
            return
        dialog = NoteDialog(categories=form_rules().note_categories, parent=self)
        if dialog.exec():
            category, text = dialog.note()
            self._controls.add_note(text, category=category, user=self._operator)
            self.refresh()

    def _set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing during a session asks whether to end it or to resume it later; nothing is lost
        either way (the recorder writes everything before the program exits)."""
        if self.locked and self.close_choice is None:
            self.lock_overlay.refuse(CLOSE_WHEN_LOCKED)
            event.ignore()
            return
        if self._controls is not None and self.close_choice is None:
            self.close_choice = self._ask_close_choice()
            if self.close_choice is None:
                event.ignore()
                return
        self._save_settings()
        self.ui.alarm_bar.stop()
        if self.inactivity is not None:
            self.inactivity.remove()
        event.accept()

    def _ask_close_choice(self) -> CloseChoice | None:
        box = QMessageBox(QMessageBox.Icon.Question, "Close KetaConsole",
                          "A session is being recorded. End it now, or close the console and resume "
                          "the session later?", parent=self)
        end = box.addButton("End session", QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton("Close, resume later", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return {end: CloseChoice.END_SESSION, later: CloseChoice.RESUME_LATER}.get(box.clickedButton())

    def _restore_settings(self) -> None:
        settings = self._settings
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.value("window/splitter")
        if splitter is None or not self.ui.main_splitter.restoreState(splitter):
            self.ui.main_splitter.setSizes(DEFAULT_SPLITTER_SIZES)
        theme = str(settings.value("theme", DEFAULT_THEME))
        self.apply_theme(theme if theme in ("dark", "light") else DEFAULT_THEME)

    def _save_settings(self) -> None:
        settings = self._settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.ui.main_splitter.saveState())
        settings.setValue("theme", self.theme_name)
        settings.sync()


def _timer(parent: QWidget, interval_ms: int, slot: object, kind: Qt.TimerType) -> QTimer:
    timer = QTimer(parent)
    timer.setTimerType(kind)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    timer.start()
    return timer

