"""The treatment panel of the bedside window: what has been given, at what rate, for how long, what
is due next and when the patient may leave, and the buttons for the dose's current stage.

The panel shows one :class:`~ketaconsole.core.dose_session.DoseSession` (the texts are
:mod:`ketaconsole.gui.dose_text`) and is redrawn by the window's 1 Hz timer and after every action;
only texts that changed are set. Every action goes through the session, which records it as a
session event; when the session refuses one, nothing is recorded and the reason is shown: gates
open the reason dialog, anything else is said above the buttons.

Before a treatment is known the panel says why: a resumed session's history still loading, the
stored treatment unreadable (in red), or none chosen yet (with "Choose treatment…").

Under the phase, two buttons show the latest sedation and dissociation scores ("MOAA/S 4 at 09:40");
pressing one opens that assessment for review or correction. The panel opens the assessment screens
(:mod:`ketaconsole.gui.assessment_dialog`) for the window's banner and menu, and tells the window
its status after every redraw (:attr:`DosePanel.status_changed`).
Promotable in Qt Designer (header ``ketaconsole.gui.dose_panel``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFrame, QInputDialog, QLabel, QPushButton, QWidget

from ketaconsole.core.alarm_presets import BloodPressureStep
from ketaconsole.core.assessments import Assessment
from ketaconsole.core.clock import Clock, Stamp
from ketaconsole.core.cuff import CUFF_PARAMETERS
from ketaconsole.core.dose_session import DoseSession, DoseSessionStatus, OverrideNeeded
from ketaconsole.core.dose_timer import Phase
from ketaconsole.core.instruments import InstrumentCatalogue, load_instrument_catalogue
from ketaconsole.core.observations import Observation
from ketaconsole.core.treatment_profiles import load_catalogue
from ketaconsole.gui.assessment_text import Choice, choices, latest_texts
from ketaconsole.gui.dose_text import (
    UNCONFIRMED_TEXT,
    Action,
    ActionButton,
    CheckLine,
    action_buttons,
    bolus_preview,
    panel_text,
    rate_preview,
)
from ketaconsole.gui.generated.ui_dose_panel import Ui_DosePanel
from ketaconsole.gui.widget_updates import set_style_property, set_text, set_visible

BUTTON_COLUMNS = 2
FIGURES = ("elapsed", "remaining", "given", "rate", "end", "leave")
INFUSION_FIGURES = ("remaining", "rate", "end")
"""Rows that only apply to an infusion."""


class EventRecorder(Protocol):
    """Stores a session event (the recorder): kind, when, detail, who."""

    def record_event(self, kind: str, stamp: Stamp, detail: Mapping[str, Any], user: str | None) -> None:
        ...


class DosePanel(QFrame):
    """The treatment of the window's session; call :meth:`configure` once before use."""

    status_changed = Signal(object)
    """After every redraw: the treatment's :class:`DoseSessionStatus`, or ``None`` without one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DosePanel()
        self.ui.setupUi(self)
        self._clock: Clock | None = None
        self._recorder: EventRecorder | None = None
        self._operator = ""
        self._weight_kg: float | None = None
        self._treatment: DoseSession | None = None
        self._awaiting_history = False
        self._history_error: str | None = None
        self._held: list[Observation] = []
        self._check_rows: list[tuple[QLabel, QLabel]] = []
        self._arranged: tuple[QPushButton, ...] | None = None
        self._instruments: InstrumentCatalogue | None = None
        self._blood_pressure_steps: tuple[BloodPressureStep, ...] = ()
        self._latest: dict[QPushButton, Assessment | None] = {}
        ui = self.ui
        self._buttons: dict[Action, QPushButton] = {
            Action.PLAN: ui.plan_button, Action.START: ui.start_button, Action.PAUSE: ui.pause_button,
            Action.RESUME: ui.resume_button, Action.CHANGE_RATE: ui.change_rate_button,
            Action.BOLUS: ui.bolus_button, Action.COMPLETE: ui.complete_button, Action.STOP: ui.stop_button,
            Action.NEXT_DEVICE: ui.next_device_button, Action.DISCHARGE: ui.discharge_button,
        }
        for action, button in self._buttons.items():
            button.clicked.connect(lambda _checked=False, action=action: self.perform(action))
        ui.choose_button.clicked.connect(self.choose_treatment)
        ui.bp_pause_button.clicked.connect(self.pause_for_blood_pressure)
        ui.bp_prompt_frame.hide()
        for button in (ui.sedation_button, ui.dissociation_button):
            button.clicked.connect(lambda _checked=False, button=button: self._review_latest(button))
        ui.unconfirmed_label.setText(UNCONFIRMED_TEXT)
        ui.unconfirmed_label.setProperty("attention", True)
        ui.notice_label.hide()

    def configure(self, *, clock: Clock, recorder: EventRecorder | None, operator: str,
                  treatment: DoseSession | None = None, awaiting_history: bool = False,
                  patient_weight_kg: float | None = None,
                  instruments: InstrumentCatalogue | None = None,
                  blood_pressure_steps: Sequence[BloodPressureStep] = ()) -> None:
        """Show ``treatment`` of a session recorded by ``recorder`` (``None``: no session) and run
        by ``operator``. ``awaiting_history``: a resumed session whose treatment comes with its
        history (:meth:`take_history`). ``patient_weight_kg`` pre-fills the dose calculator.
        ``instruments`` are the rating instruments offered (``None``: the shipped and site ones,
        loaded when first needed). ``blood_pressure_steps`` (from the session's alarm preset) go to a
        treatment chosen in the panel."""
        self._instruments = instruments
        self._blood_pressure_steps = tuple(blood_pressure_steps)
        self._clock = clock
        self._recorder = recorder
        self._operator = operator
        self._weight_kg = patient_weight_kg
        self._treatment = treatment
        self._awaiting_history = awaiting_history and treatment is None
        self.setVisible(recorder is not None or treatment is not None or self._awaiting_history)
        self.refresh()

    @property
    def treatment(self) -> DoseSession | None:
        return self._treatment

    def set_operator(self, operator: str) -> None:
        """Record later actions with ``operator`` (another person signed in)."""
        self._operator = operator

    def take_history(self, treatment: DoseSession | None, error: str | None) -> None:
        """The resumed session's treatment as rebuilt from its stored events (or why it could not be).
        Cuff readings that arrived while the history loaded are passed on to it."""
        if not self._awaiting_history:
            return
        self._awaiting_history = False
        self._treatment = treatment
        self._history_error = error
        held, self._held = self._held, []
        if treatment is not None and held:
            treatment.add_observations(held)
        self.refresh()

    def add_observations(self, observations: Sequence[Observation]) -> None:
        """Pass live observations to the treatment (cuff readings satisfy its checks); while a
        resumed session's history loads, its cuff readings are held until the treatment arrives."""
        if self._treatment is not None:
            self._treatment.add_observations(observations)
        elif self._awaiting_history:
            self._held.extend(o for o in observations if o.parameter in CUFF_PARAMETERS)

    def refresh(self) -> None:
        """Redraw from the session's status now (1 Hz, and after every action)."""
        session = self._treatment
        if session is None:
            self._show_without_treatment()
            self.status_changed.emit(None)
            return
        status = session.status()
        text = panel_text(status)
        ui = self.ui
        set_text(ui.title_label, text.title)
        set_visible(ui.unconfirmed_label, text.unconfirmed)
        set_text(ui.phase_label, text.phase)
        set_style_property(ui.phase_label, "phase", text.phase_key)
        set_visible(ui.message_label, False)
        self._show_blood_pressure_prompt(status)
        values = {"elapsed": text.elapsed, "remaining": text.remaining, "given": text.given,
                  "rate": text.rate, "end": text.end, "leave": text.may_leave}
        for key in FIGURES:
            shown = text.infusion or key not in INFUSION_FIGURES
            set_visible(getattr(ui, f"{key}_caption"), shown)
            set_visible(getattr(ui, f"{key}_value"), shown)
            set_text(getattr(ui, f"{key}_value"), values[key])
        set_visible(ui.figures_area, True)
        self._show_checks(text.checks)
        self._show_scores(status)
        self._show_buttons(action_buttons(status))
        self.status_changed.emit(status)

    def _show_blood_pressure_prompt(self, status: DoseSessionStatus) -> None:
        """While infusing, a high blood pressure asks for a pause; one press pauses with the reading
        as the recorded reason."""
        prompt = status.pause_prompt
        set_visible(self.ui.bp_prompt_frame, prompt is not None)
        set_text(self.ui.bp_prompt_label, prompt.message if prompt is not None else "")

    def pause_for_blood_pressure(self) -> None:
        """Pause the infusion because of the blood pressure the panel prompts about."""
        session = self._treatment
        prompt = session.status().pause_prompt if session is not None else None
        if session is None or prompt is None:
            return
        reason = prompt.message
        self._act("Pause the infusion", lambda _gates: session.pause(user=self._operator, reason=reason))

    def perform(self, action: Action) -> None:
        """Do ``action`` for the operator (the dialogs ask for what it needs)."""
        session = self._treatment
        if session is None:
            return
        user = self._operator
        if action is Action.PLAN:
            from ketaconsole.gui.dose_calculator_dialog import DoseCalculatorDialog

            self._open(DoseCalculatorDialog(session, user=user, weight_kg=self._weight_kg,
                                            parent=self.window()))
        elif action is Action.DISCHARGE:
            from ketaconsole.gui.discharge_dialog import DischargeDialog

            self._open(DischargeDialog(session, user=user, parent=self.window()))
        elif action is Action.START:
            self._act("Start dosing", lambda gates: session.start_dosing(user=user, overrides=gates))
        elif action is Action.NEXT_DEVICE:
            self._act("Next device", lambda gates: session.give_next_device(user=user, overrides=gates))
        elif action is Action.RESUME:
            self._act("Resume", lambda gates: session.resume(user=user, overrides=gates))
        elif action is Action.COMPLETE:
            self._act("Complete", lambda _overrides: session.complete(user=user))
        else:
            self._ask_reason(session, action)

    @property
    def instruments(self) -> InstrumentCatalogue:
        """The rating instruments offered (loaded on first use unless configured)."""
        if self._instruments is None:
            self._instruments = load_instrument_catalogue()
        return self._instruments

    def open_assessment(self, instrument_id: str, form: str | None = None) -> None:
        """Open the screen of ``instrument_id`` (``form``: only that short form), continuing its
        open draft if there is one."""
        self._open_assessment(instrument_id, form, None)

    def review_assessment(self, assessment_id: str) -> None:
        """Open a submitted assessment to review its answers and history or correct it."""
        session = self._treatment
        if session is not None:
            assessment = session.assessments.get(assessment_id)
            self._open_assessment(assessment.instrument, assessment.form, assessment_id)

    def assessment_choices(self) -> list[Choice]:
        """What may be opened now: every instrument and short form (a draft to continue said so),
        then the submitted assessments to review (none without a treatment)."""
        session = self._treatment
        if session is None:
            return []
        log = session.assessments
        instruments = list(self.instruments.instruments.values())
        drafts = {(loaded.instrument.id, form): draft for loaded in instruments
                  for form in (None, *(g.id for g in loaded.instrument.short_forms))
                  if (draft := log.open_draft(loaded.instrument.id, form)) is not None}
        return choices(instruments, log.submitted(), drafts, session.status())

    def open_choice(self, choice: Choice) -> None:
        """Open what a :meth:`assessment_choices` entry names."""
        self._open_assessment(choice.instrument, choice.form, choice.assessment_id)

    def choose_assessment(self) -> None:
        """Ask which instrument to open now (scheduled or not), or which submitted one to review."""
        if self._treatment is None:
            self._notice("Choose the treatment first: assessments are recorded with it")
            return
        entries = self.assessment_choices()
        if not entries:
            self._notice("No rating instrument could be loaded")
            return
        dialog = QInputDialog(self.window())
        dialog.setWindowTitle("Assessment")
        dialog.setLabelText("Open which assessment?")
        dialog.setComboBoxItems([entry.text for entry in entries])
        dialog.setOkButtonText("Open")
        dialog.textValueSelected.connect(
            lambda text: self.open_choice(next(entry for entry in entries if entry.text == text)))
        self._open(dialog)

    def _open_assessment(self, instrument_id: str, form: str | None, assessment_id: str | None) -> None:
        from ketaconsole.gui.assessment_dialog import AssessmentDialog

        session = self._treatment
        if session is None:
            self._notice("Choose the treatment first: assessments are recorded with it")
            return
        try:
            loaded = self.instruments.get(instrument_id)
        except LookupError as error:
            self._notice(f"Cannot open the assessment: {error}")
            return
        self._open(AssessmentDialog(session, loaded, user=self._operator, form=form,
                                    assessment_id=assessment_id, parent=self.window()))

    def _review_latest(self, button: QPushButton) -> None:
        latest = self._latest.get(button)
        if latest is not None:
            self.review_assessment(latest.id)

    def choose_treatment(self) -> None:
        """Pick a treatment profile (shipped and site files, :func:`load_catalogue`) for the session
        and record the choice."""
        if self._recorder is None or self._treatment is not None or self._clock is None:
            return
        catalogue = load_catalogue()
        profiles = sorted(catalogue.profiles.values(), key=lambda loaded: loaded.profile.name)
        if not profiles:
            problems = "; ".join(catalogue.problems) or "none found"
            self._notice(f"No treatment profile could be loaded: {problems}")
            return
        dialog = QInputDialog(self.window())
        dialog.setWindowTitle("Choose the treatment")
        problems = "".join(f"\n\nNot offered: {problem}" for problem in catalogue.problems)
        dialog.setLabelText(f"Treatment protocol for this session:{problems}")
        dialog.setComboBoxItems([loaded.profile.name for loaded in profiles])
        dialog.setOkButtonText("Choose")

        def chosen(name: str) -> None:
            assert self._clock is not None and self._recorder is not None
            loaded = next(loaded for loaded in profiles if loaded.profile.name == name)
            self._treatment = DoseSession.select(loaded, clock=self._clock, sink=self._recorder.record_event,
                                                 user=self._operator,
                                                 blood_pressure_steps=self._blood_pressure_steps)
            self.refresh()

        dialog.textValueSelected.connect(chosen)
        self._open(dialog)

    def _ask_reason(self, session: DoseSession, action: Action) -> None:
        from ketaconsole.gui.reason_dialog import ReasonDialog, Submit, ValueField

        user = self._operator
        value: ValueField | None = None
        submit: Submit
        if action is Action.PAUSE:
            title, header = "Pause the infusion", "Pause the infusion: why?"

            def submit(_value: float | None, reason: str, _gates: Mapping[str, str]) -> None:
                session.pause(user=user, reason=reason)
        elif action is Action.CHANGE_RATE:
            title, header = "Change the rate", "Change the pump rate: the new rate and why"
            value = ValueField("&New rate", "mL/h", session.status().timer.rate_ml_h,
                               lambda rate: rate_preview(session.status(), rate))

            def submit(rate: float | None, reason: str, _gates: Mapping[str, str]) -> None:
                session.change_rate(rate or 0.0, user=user, reason=reason)
        elif action is Action.BOLUS:
            title, header = "Bolus", "Bolus from the bag: how much and why"
            value = ValueField("&Bolus", "mg", None, lambda mg: bolus_preview(session.status(), mg))

            def submit(mg: float | None, reason: str, _gates: Mapping[str, str]) -> None:
                session.bolus(mg or 0.0, user=user, reason=reason)
        else:
            devices = session.status().timer.phase is Phase.BETWEEN_DEVICES
            title, header = "Stop early", f"Stop the {'nasal devices' if devices else 'infusion'} early: why?"

            def submit(_value: float | None, reason: str, _gates: Mapping[str, str]) -> None:
                session.stop_early(user=user, reason=reason)
        self._open(ReasonDialog(title=title, header=header, submit=submit, value=value, parent=self.window()))

    def _act(self, title: str, act: Callable[[Mapping[str, str]], None]) -> None:
        """Do ``act`` at once; gates it meets open the reason dialog, which does it again with them."""
        from ketaconsole.gui.reason_dialog import ReasonDialog

        try:
            act({})
        except OverrideNeeded as needed:
            self._open(ReasonDialog(title=title, header=f"{title}: a reason is needed for each rule below",
                                    submit=lambda _value, _reason, gates: act(gates), reason_label=None,
                                    gates=needed.gates, parent=self.window()))
            return
        except ValueError as error:
            self._notice(str(error))
            return
        self._notice("")
        self.refresh()

    def _open(self, dialog: QDialog) -> None:
        """Show ``dialog`` window-modal; when it closes, redraw (what it did is in the session)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_finished)
        dialog.open()

    def _dialog_finished(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self._notice("")
        self.refresh()

    def _notice(self, text: str) -> None:
        set_text(self.ui.notice_label, text)
        set_visible(self.ui.notice_label, bool(text))

    def _show_without_treatment(self) -> None:
        ui = self.ui
        set_text(ui.title_label, "Treatment")
        set_visible(ui.unconfirmed_label, False)
        set_visible(ui.figures_area, False)
        set_visible(ui.scores_area, False)
        self._show_checks(())
        set_style_property(ui.phase_label, "phase", "")
        buttons: list[QPushButton] = []
        if self._awaiting_history:
            set_text(ui.phase_label, "Loading session history…")
            message = ""
        elif self._history_error is not None:
            set_text(ui.phase_label, "Treatment record unreadable")
            error = self._history_error.rstrip(".")
            message = (f"{error[:1].upper()}{error[1:]}. The dose cannot be shown or recorded here: "
                       "record it on paper and have the session record looked at.")
        else:
            set_text(ui.phase_label, "No treatment protocol chosen")
            message = ""
            buttons.append(ui.choose_button)
            can_choose = self._recorder is not None
            ui.choose_button.setEnabled(can_choose)
            ui.choose_button.setToolTip("Choose the treatment protocol of this session" if can_choose
                                        else "No session is being recorded")
        set_text(ui.message_label, message)
        set_style_property(ui.message_label, "tone", "error" if message else "")
        set_visible(ui.message_label, bool(message))
        self._arrange(tuple(buttons))

    def _show_checks(self, checks: Sequence[CheckLine]) -> None:
        ui = self.ui
        while len(self._check_rows) < len(checks):
            row = len(self._check_rows)
            label, state = QLabel(ui.checks_area), QLabel(ui.checks_area)
            label.setWordWrap(True)
            state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            for widget in (label, state):
                widget.setFont(ui.elapsed_caption.font())
            ui.checks_grid.addWidget(label, row, 0)
            ui.checks_grid.addWidget(state, row, 1)
            self._check_rows.append((label, state))
        for index, (label, state) in enumerate(self._check_rows):
            shown = index < len(checks)
            set_visible(label, shown)
            set_visible(state, shown)
            if shown:
                check = checks[index]
                set_text(label, check.label)
                set_text(state, check.state_text)
                set_style_property(label, "check_state", check.state)
                set_style_property(state, "check_state", check.state)
        set_visible(ui.checks_caption, bool(checks))
        set_visible(ui.checks_scroll, bool(checks))

    def _show_scores(self, status: DoseSessionStatus) -> None:
        ui = self.ui
        for button, (text, latest) in zip((ui.sedation_button, ui.dissociation_button), latest_texts(status),
                                          strict=True):
            self._latest[button] = latest
            if button.text() != text:
                button.setText(text)
            if button.isEnabled() != (latest is not None):
                button.setEnabled(latest is not None)
        set_visible(ui.scores_area, True)

    def _show_buttons(self, offered: Sequence[ActionButton]) -> None:
        for offer in offered:
            button = self._buttons[offer.action]
            if button.text() != offer.text:
                button.setText(offer.text)
            if button.isEnabled() != offer.enabled:
                button.setEnabled(offer.enabled)
            if button.toolTip() != offer.tooltip:
                button.setToolTip(offer.tooltip)
                button.setAccessibleDescription(offer.tooltip)
        self._arrange(tuple(self._buttons[offer.action] for offer in offered))

    def _arrange(self, shown: tuple[QPushButton, ...]) -> None:
        """Lay out ``shown`` in two columns in order (an odd last one spans both); hide the others."""
        if shown == self._arranged:
            return
        self._arranged = shown
        grid = self.ui.buttons_grid
        for button in (*self._buttons.values(), self.ui.choose_button):
            grid.removeWidget(button)
            button.setVisible(button in shown)
        for index, button in enumerate(shown):
            span = BUTTON_COLUMNS if index == len(shown) - 1 and index % BUTTON_COLUMNS == 0 else 1
            grid.addWidget(button, index // BUTTON_COLUMNS, index % BUTTON_COLUMNS, 1, span)
        for first, second in pairwise(shown):
            QWidget.setTabOrder(first, second)
        set_visible(self.ui.buttons_area, bool(shown))

