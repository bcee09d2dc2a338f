"""The assessment screen: one instrument (or one of its short forms) built from its data, answered
with large toggle buttons or the keyboard, scored as it is filled in.

Each item shows its number and text (the site's licensed text, or our neutral label; an instrument
whose licensed text is not installed says so), who rates it (the patient, whose answer the nurse
enters, or the observer), and one toggle button per value of its scale (value and short anchor
words, at least :data:`MIN_TARGET_PX` square). Pressing the chosen button again clears the answer.
A one-item instrument (MOAA/S, RASS) lists its levels one under another, the full width.

Keyboard: the items take the focus (their buttons do not), so Tab walks the items. On an item a
number key chooses that value ("-" then a number for a negative value) and goes on to the next item
still unanswered (or to Submit when none is left); ←/→ (and ↑/↓ on a one-item list) change the
value, Enter, Tab or ↓ go to the next item, Shift+Tab or ↑ back, Delete or Backspace clears. After
the last item the focus goes to the first item still unanswered, or to Submit. Alt+S submits (or,
for a submitted assessment, saves the changes), Alt+C or Esc closes.

A new assessment is saved as a draft on every answer (:meth:`DoseSession.save_assessment_draft`);
closing the screen keeps it, and opening the same instrument again continues it. Submit is enabled
once the answers can be scored. A submitted assessment opened again shows its history (every
version with who, when, why, and the old answers); its answers can be changed, and saving the
change asks for a reason (:class:`~ketaconsole.gui.reason_dialog.ReasonDialog`) and records an
amendment that keeps the old answers.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketaconsole.core.assessments import (
    Assessment,
    AssessmentScore,
    AssessmentState,
    asked_items,
    assessment_name,
    submission_problem,
)
from ketaconsole.core.dose_session import DoseSession
from ketaconsole.core.instruments import Item, LoadedInstrument, Rater, ResponseOption, ResponseScale
from ketaconsole.gui.assessment_text import history_lines, missing_text, running_score
from ketaconsole.gui.dose_text import clock_text, duration_text
from ketaconsole.gui.field_messages import mark_message_label
from ketaconsole.gui.generated.ui_assessment import Ui_AssessmentDialog
from ketaconsole.gui.widget_updates import repolish

MIN_TARGET_PX = 44
"""Smallest side of an answer button (touch target)."""
ROW_TEXT_CHARS = 54
"""Characters of anchor words across a row of answer buttons; each button wraps its words to its
share, at least :data:`MIN_BUTTON_CHARS` per line."""
MIN_BUTTON_CHARS = 12
"""Fewest characters per line of anchor words on a button in a row."""
LABEL_COLUMN_PX = 280
"""Width of an item's text beside its row of buttons."""
WINDOW_MARGIN_PX = 40
"""The screen stays this much smaller than the window it opens over (px)."""
NOT_INSTALLED_TEXT = "Item text not installed — neutral labels shown"
RATER_WORDS = {Rater.PATIENT: "Patient", Rater.OBSERVER: "Observer"}
RATER_HEADERS = {Rater.PATIENT: "Rated by the patient: ask, and enter the answer the patient gives",
                 Rater.OBSERVER: "Rated by you: your own observation"}


class ItemRow(QFrame):
    """One item and its answer buttons; takes the keyboard focus (keys in the module docstring).
    ``on_answer`` is called after every change of :attr:`value`; ``on_move`` with +1 or -1 to leave
    for the next or previous item, with 0 to go on after an answer typed."""

    def __init__(self, item: Item, text: str, scale: ResponseScale, *, single: bool,
                 on_answer: Callable[[ItemRow], None], on_move: Callable[[ItemRow, int], None],
                 on_focus: Callable[[ItemRow], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = item.number
        self.single = single
        self._options = scale.options
        self._signed = any(option.value < 0 for option in scale.options)
        self._value: int | None = None
        self._negative = False
        self._on_answer, self._on_move, self._on_focus = on_answer, on_move, on_focus
        self.setObjectName(f"item_{item.number}")
        self.setProperty("item_row", True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(f"Item {item.number}: {text}")
        self.setAccessibleDescription(f"Rated by the {item.rater.value}")
        self.text_label = QLabel(text, self)
        self.text_label.setWordWrap(True)
        self.rater_label = QLabel(RATER_WORDS[item.rater], self)
        self.rater_label.setProperty("rater", item.rater.value)
        self.buttons: dict[int, QPushButton] = {}
        buttons_layout: QBoxLayout = QVBoxLayout() if single else QHBoxLayout()
        buttons_layout.setSpacing(4 if single else 6)
        for option in scale.options:
            button = QPushButton(self._button_text(option), self)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("answer", "single" if single else "row")
            button.ensurePolished()  # the style sheet's font decides the height the text needs
            hint = button.sizeHint()  # a minimum size set below it would let the layout clip the text
            button.setMinimumSize(max(MIN_TARGET_PX, hint.width()), max(MIN_TARGET_PX, hint.height()))
            button.setAccessibleName(f"Item {item.number}: {self.value_text(option.value)} {option.label}")
            button.clicked.connect(lambda checked, value=option.value: self._clicked(value, checked))
            buttons_layout.addWidget(button, 1)
            self.buttons[option.value] = button
        layout: QBoxLayout
        if single:
            layout = QVBoxLayout(self)
            heading = QHBoxLayout()
            heading.addWidget(self.text_label, 1)
            heading.addWidget(self.rater_label)
            layout.addLayout(heading)
        else:
            layout = QHBoxLayout(self)
            text_box = QVBoxLayout()
            text_box.addWidget(self.text_label)
            text_box.addWidget(self.rater_label)
            text_box.addStretch(1)
            holder = QWidget(self)
            holder.setLayout(text_box)
            holder.setFixedWidth(LABEL_COLUMN_PX)
            text_box.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(holder)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(buttons_layout, 1)

    @property
    def value(self) -> int | None:
        return self._value

    @property
    def signed(self) -> bool:
        """Whether the scale has negative values (typed with "-" first)."""
        return self._signed

    def set_value(self, value: int | None, *, notify: bool = True) -> None:
        """Show ``value`` as the answer (``None``: unanswered)."""
        self._value = value
        for option_value, button in self.buttons.items():
            button.setChecked(option_value == value)
        self.setProperty("answered", value is not None)
        repolish(self)
        if notify:
            self._on_answer(self)

    def value_text(self, value: int) -> str:
        """A value as shown: with its sign on a scale that has negative values ("+2", "-3")."""
        return f"{value:+d}" if self._signed and value else str(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        values = [option.value for option in self._options]
        if text.isdigit() and len(text) == 1:
            value = -int(text) if self._negative else int(text)
            self._negative = False
            if value in values:
                self.set_value(value)
                self._on_move(self, 0)
        elif text == "-" and self._signed:
            self._negative = True
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) or (self.single and key in (Qt.Key.Key_Up,
                                                                                     Qt.Key.Key_Down)):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            index = values.index(self._value) + step if self._value in values else (0 if step > 0 else -1)
            self.set_value(values[max(0, min(len(values) - 1, index))])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
            self._on_move(self, 1)
        elif key == Qt.Key.Key_Up:
            self._on_move(self, -1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(None)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._negative = False
        self._on_focus(self)

    def _clicked(self, value: int, checked: bool) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.set_value(value if checked else None)

    def _button_text(self, option: ResponseOption) -> str:
        value = self.value_text(option.value)
        if self.single:
            return f"{value}   {option.label}"
        width = max(MIN_BUTTON_CHARS, ROW_TEXT_CHARS // len(self._options))
        return f"{value}\n" + textwrap.fill(option.label, width)


class AssessmentDialog(QDialog):
    """An assessment of ``loaded`` (``form``: only that short form) for ``session``, entered by
    ``user``. Without ``assessment_id`` it continues the open draft of that instrument and form, or
    starts a new one; with the id of a submitted assessment it shows that one for review or change."""

    def __init__(self, session: DoseSession, loaded: LoadedInstrument, *, user: str, form: str | None = None,
                 assessment_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AssessmentDialog()
        self.ui.setupUi(self)
        self._session = session
        self._loaded = loaded
        self._user = user
        instrument = loaded.instrument
        existing: Assessment | None
        if assessment_id is not None:
            existing = session.assessments.get(assessment_id)
            form = existing.form
        else:
            existing = session.assessments.open_draft(instrument.id, form)
        self._form = form
        self._existing = existing
        self.assessment_id = None if existing is None else existing.id
        self.reviewing = existing is not None and existing.state is AssessmentState.SUBMITTED
        asked = {item.number for item in asked_items(instrument, form)}
        self._answers: dict[int, int | None] = {} if existing is None else {
            number: value for number, value in existing.answers.items() if number in asked}
        ui = self.ui
        mark_message_label(ui.form_message)
        ui.form_message.hide()
        name = assessment_name(instrument, form)
        self.setWindowTitle(f"{name} assessment")
        ui.header_label.setText(f"{name} — {instrument.name}" if form is None
                                else f"{name} — short form of the {instrument.name}")
        self._show_source()
        self.rows: dict[int, ItemRow] = {}
        self._build_items()
        self._show_state()
        ui.submit_button.setText("&Save changes…" if self.reviewing else "&Submit")
        ui.submit_button.clicked.connect(self.submit)
        ui.close_button.clicked.connect(self.reject)
        ui.close_button.setToolTip("Close the screen; the answers so far are kept as a draft"
                                   if not self.reviewing else "Close without changing the submitted answers")
        self._update()
        self._fit_to_parent(parent)
        missing = [row for row in self.rows.values() if row.value is None]
        (missing or list(self.rows.values()))[0].setFocus()

    @property
    def answers(self) -> dict[int, int | None]:
        """The answers on screen, by item number."""
        return dict(self._answers)

    def submit(self) -> None:
        """Submit the answers and close, or (reviewing) ask for the reason for the change."""
        if self.reviewing:
            self._ask_reason()
            return
        try:
            self.assessment_id = self._session.submit_assessment(
                self._loaded, self._answers, user=self._user, form=self._form,
                assessment_id=self.assessment_id)
        except ValueError as error:
            self._message(str(error))
            return
        self.accept()

    def _message(self, text: str) -> None:
        """Say why something was refused ("" clears it); the line takes no room while empty."""
        self.ui.form_message.setText(text)
        self.ui.form_message.setVisible(bool(text))

    def _ask_reason(self) -> None:
        from ketaconsole.gui.reason_dialog import ReasonDialog

        existing = self._existing
        assert existing is not None and existing.submitted is not None
        answers = dict(self._answers)

        def amend(_value: float | None, reason: str, _gates: object) -> None:
            assert existing is not None
            self._session.amend_assessment(existing.id, self._loaded, answers, user=self._user, reason=reason)

        dialog = ReasonDialog(
            title=f"Change the {existing.name}",
            header=f"Change the {existing.name} submitted at {clock_text(existing.submitted.utc)}: why? "
                   "The old answers stay in the record.",
            submit=amend, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.accept)
        dialog.open()

    def _build_items(self) -> None:
        loaded, ui = self._loaded, self.ui
        instrument = loaded.instrument
        items = asked_items(instrument, self._form)
        single = len(items) == 1
        raters = {item.rater for item in items}
        previous: ItemRow | None = None
        rater: Rater | None = None
        for item in items:
            if len(raters) > 1 and item.rater is not rater:
                rater = item.rater
                header = QLabel(RATER_HEADERS[rater], ui.items_widget)
                header.setProperty("rater_header", True)
                header.setWordWrap(True)
                ui.items_layout.addWidget(header)
            text = loaded.item_label(item)
            if item.number in loaded.item_text:
                text = f"{item.number}. {text}"
            row = ItemRow(item, text, instrument.scale_of(item), single=single, on_answer=self._answered,
                          on_move=self._move, on_focus=ui.items_scroll.ensureWidgetVisible,
                          parent=ui.items_widget)
            row.set_value(self._answers.get(item.number), notify=False)
            ui.items_layout.addWidget(row)
            if previous is not None:
                QWidget.setTabOrder(previous, row)
            previous = row
            self.rows[item.number] = row
        ui.items_layout.addStretch(1)
        assert previous is not None
        QWidget.setTabOrder(previous, ui.submit_button)
        QWidget.setTabOrder(ui.submit_button, ui.close_button)
        signed = any(row.signed for row in self.rows.values())
        keys = ["number: choose and go on" + (" (\"-\" first if negative)" if signed else ""),
                "↑↓ change" if single else "←→ change", "" if single else "Enter/Tab next",
                "Del clear", "Alt+S " + ("save" if self.reviewing else "submit"), "Esc close"]
        ui.keys_label.setText("Keys: " + " · ".join(key for key in keys if key))

    def _show_source(self) -> None:
        """The instrument's version and item text; an assessment begun on another version of the
        file says so (its answers to items the file no longer has are not shown)."""
        loaded, label, existing = self._loaded, self.ui.source_label, self._existing
        text = f"Version {loaded.instrument.version}"
        changed = existing is not None and existing.sha256 != loaded.sha256
        if changed:
            assert existing is not None
            text += (f" (the answers were given on version {existing.instrument_version}: "
                     "the file has changed)")
        not_installed = loaded.instrument.licensed_text is not None and not loaded.item_text
        if not_installed:
            text += f" · {NOT_INSTALLED_TEXT}"
        elif loaded.licence:
            text += f" · Item text: {loaded.licence}"
        label.setText(text)
        label.setProperty("attention", not_installed or changed)

    def _show_state(self) -> None:
        existing, ui = self._existing, self.ui
        now = self._session.status().now
        if existing is None:
            state = "New: answers are saved as a draft as you go."
        elif self.reviewing:
            assert existing.submitted is not None
            state = (f"Submitted at {clock_text(existing.submitted.utc)} by {existing.submitted_by}. "
                     "Changing an answer needs a reason; the old answers stay in the record.")
        else:
            state = (f"Continuing the draft started at {clock_text(existing.started.utc)} "
                     f"({duration_text(now.seconds_since(existing.started))} ago): check the answers "
                     "still hold before submitting.")
        ui.state_label.setText(state)
        ui.state_label.setProperty("attention", existing is not None and not self.reviewing)
        history = history_lines(existing) if existing is not None and self.reviewing else []
        ui.history_label.setText("History:\n" + "\n".join(history) if history else "")
        ui.history_label.setVisible(bool(history))

    def _answered(self, row: ItemRow) -> None:
        self._answers[row.number] = row.value
        self._message("")
        if not self.reviewing:
            try:
                self.assessment_id = self._session.save_assessment_draft(
                    self._loaded, self._answers, user=self._user, form=self._form,
                    assessment_id=self.assessment_id)
            except ValueError as error:
                self._message(f"The draft was not saved: {error}")
        self._update()

    def _move(self, row: ItemRow, step: int) -> None:
        """To the next (+1) or previous (-1) item; past the last, or on from an answer typed (0), to
        the next item still unanswered (from the start again), else to Submit."""
        rows = list(self.rows.values())
        index = rows.index(row)
        if step and 0 <= index + step < len(rows):
            rows[index + step].setFocus(Qt.FocusReason.TabFocusReason)
            return
        if step < 0:
            return
        after = rows[index + 1:] + rows[:index] if step == 0 else rows
        missing = next((r for r in after if r.value is None), None)
        if missing is not None:
            missing.setFocus(Qt.FocusReason.TabFocusReason)
        elif self.ui.submit_button.isEnabled():
            self.ui.submit_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _update(self) -> None:
        ui, instrument = self.ui, self._loaded.instrument
        scored = AssessmentScore.of(instrument, self._form, self._answers)
        ui.score_label.setText(running_score(self._loaded, self._form, scored))
        missing = missing_text(instrument, self._form, scored)
        ui.missing_label.setText(missing)
        ui.missing_label.setVisible(bool(missing))
        problem = submission_problem(instrument, self._form, scored)
        if problem is None and self.reviewing:
            assert self._existing is not None
            unchanged = all(self._answers.get(n) == self._existing.answers.get(n) for n in self.rows)
            problem = "Change an answer first" if unchanged else None
        ui.submit_button.setEnabled(problem is None)
        ui.submit_button.setToolTip(problem or ("Record the change, with its reason" if self.reviewing
                                                else "Record the answers now"))

    def _fit_to_parent(self, parent: QWidget | None) -> None:
        """As tall as the items need, within the window it opens over."""
        ui = self.ui
        wanted = (self.sizeHint().height() - ui.items_scroll.sizeHint().height()
                  + ui.items_widget.sizeHint().height())
        if parent is None:
            self.resize(self.width(), wanted)
            return
        window = parent.window()
        self.resize(min(self.width(), window.width() - WINDOW_MARGIN_PX),
                    min(wanted, window.height() - WINDOW_MARGIN_PX))
