"""Dissociation and sedation checks in the bedside window, on real widgets (offscreen), with a real
dose session, the shipped instruments and profiles, a manual clock and observations through the
live feed: the schedule's banner and its countdowns, the assessment screens driven with real key
presses and clicks, what is stored, the latest scores, the timeline, corrections with a reason,
drafts; then the screen's keyboard use on its own, and the Qt-free texts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QInputDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from ketaconsole.acquisition.recorder import RecordedEvent
from ketaconsole.core.assessments import ASSESSMENT_AMENDED, ASSESSMENT_DRAFT, ASSESSMENT_SUBMITTED
from ketaconsole.core.clock import ManualClock
from ketaconsole.core.dose_session import DoseSession
from ketaconsole.core.dosing import DoseRequest, plan_dose
from ketaconsole.core.instruments import InstrumentCatalogue, load_instrument_catalogue
from ketaconsole.core.observations import Observation
from ketaconsole.core.treatment_profiles import LoadedProfile
from ketaconsole.gui.assessment_dialog import MIN_TARGET_PX, NOT_INSTALLED_TEXT, AssessmentDialog, ItemRow
from ketaconsole.gui.assessment_text import banner_lines, event_label, latest_texts
from ketaconsole.gui.live_feed import HistoryBatch, LiveFeed
from ketaconsole.gui.main_window import CloseChoice, MainWindow
from ketaconsole.gui.reason_dialog import ReasonDialog

NURSE = "Nurse Anna"
CADSS_6_ITEMS = ("1", "2", "6", "7", "15", "22")
DialogT = TypeVar("DialogT", bound=QDialog)


@pytest.fixture
def instruments() -> InstrumentCatalogue:
    """The shipped instruments, without any licensed item text (the site folder is empty)."""
    return load_instrument_catalogue()


def local(moment: datetime) -> str:
    return f"{moment.astimezone():%H:%M}"


def open_window(qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls: object,
                session: DoseSession) -> MainWindow:
    window = MainWindow(feed, clock, controls=controls, operator=NURSE, treatment=session)
    qtbot.addWidget(window)
    window.close_choice = CloseChoice.END_SESSION
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def shown_dialog(window: MainWindow, kind: type[DialogT]) -> DialogT:
    dialogs = [dialog for dialog in window.findChildren(kind) if dialog.isVisible()]
    assert len(dialogs) == 1, f"expected one open {kind.__name__}, found {len(dialogs)}"
    return dialogs[0]


def opened(qtbot: QtBot, window: MainWindow) -> AssessmentDialog:
    """The assessment screen just opened over ``window``, once it has the keyboard (a mnemonic's
    animated click comes a moment after the key)."""
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AssessmentDialog)))
    dialog = shown_dialog(window, AssessmentDialog)
    has_keyboard(qtbot, dialog)
    return dialog


def has_keyboard(qtbot: QtBot, dialog: QDialog) -> None:
    """Wait until ``dialog`` is the active window with the focus inside it."""
    dialog.activateWindow()  # as the window manager does for a new dialog; offscreen Qt does not
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is dialog)


def closed(qtbot: QtBot, dialog: QDialog) -> None:
    """Wait until ``dialog`` has closed (it may already be deleted: the screens delete on close)."""
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())


def banner(window: MainWindow) -> list[str]:
    """The assessment banner's lines, top to bottom ([] while it is hidden)."""
    if window.ui.assessment_banner.isHidden():
        return []
    rows = [row for row in window.ui.assessment_banner.children() if getattr(row, "isVisible", None)
            and row.property("banner_row") and not row.isHidden()]
    return [row.findChild(QLabel).text() for row in rows]


def banner_button(window: MainWindow, line: str) -> QPushButton:
    for row in window.ui.assessment_banner.children():
        if row.property("banner_row") and not row.isHidden() and row.findChild(QLabel).text() == line:
            return row.findChild(QPushButton)
    raise AssertionError(f"no banner line {line!r} in {banner(window)}")


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), f"{button.text()!r}: {button.toolTip()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def keys(qtbot: QtBot, dialog: QDialog, *presses: Qt.Key | str) -> None:
    """Press keys as a keyboard does: each goes to the widget that has the focus at that moment."""
    for press in presses:
        target = QApplication.focusWidget()
        assert target is not None and target.window() is dialog, "the focus left the assessment screen"
        if isinstance(press, str):
            qtbot.keyClicks(target, press)
        else:
            qtbot.keyClick(target, press)


def alt(qtbot: QtBot, widget: QDialog | MainWindow, key: Qt.Key) -> None:
    """An Alt shortcut through the window system, where shortcuts are matched."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    qtbot.keyClick(widget.windowHandle(), key, Qt.KeyboardModifier.AltModifier)


def focused_item(dialog: AssessmentDialog) -> int | None:
    widget = QApplication.focusWidget()
    return widget.number if isinstance(widget, ItemRow) and widget.window() is dialog else None


def vitals(feed: LiveFeed, clock: ManualClock) -> None:
    """The monitor's numbers now, as the simulated session delivers them."""
    now = clock.now()
    feed.put_outputs([Observation("HR", 78, now, "dev"), Observation("SPO2", 97, now, "dev"),
                      Observation("RR", 14, now, "dev")])


def wait(window: MainWindow, feed: LiveFeed, clock: ManualClock, minutes: float) -> None:
    """Let the session run ``minutes`` with the monitor delivering every minute, then redraw."""
    whole = int(minutes)
    for _ in range(whole):
        clock.advance(60)
        vitals(feed, clock)
        window.refresh()
    clock.advance((minutes - whole) * 60)
    window.refresh()


def stored(controls: object, kind: str) -> list[RecordedEvent]:
    return [event for event in controls.events if event.kind == kind]


# --- the acceptance test ----------------------------------------------------------------------------

def test_a_scheduled_cadss_6_and_moaa_s_are_prompted_answered_stored_shown_and_corrected(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, profiles: dict[str, LoadedProfile],
    cuff: Callable[..., None], instruments: InstrumentCatalogue,
) -> None:
    session = DoseSession.select(profiles["esketamine-intranasal"], clock=clock, sink=controls.record_event,
                                 user=NURSE)
    window = open_window(qtbot, feed, clock, controls, session)
    panel = window.ui.dose_panel
    cuff()
    vitals(feed, clock)
    session.plan(plan_dose(session.profile, DoseRequest(dose_mg=56, lot="L123")), user=NURSE)
    window.refresh()
    assert banner(window) == [], "nothing is asked before dosing starts"
    assert (panel.ui.sedation_button.text(), panel.ui.dissociation_button.text()) == (
        "Sedation –", "Dissociation –")
    assert not panel.ui.sedation_button.isEnabled()

    click(qtbot, panel.ui.start_button)  # device 1
    started = clock.now().utc
    assert banner(window) == ["MOAA/S due now, overdue in 5:00"]
    wait(window, feed, clock, 2)
    assert banner(window) == ["MOAA/S due now, overdue in 3:00"], "the countdown runs"

    # The first MOAA/S: opened from the banner with Alt+O, rated with one key, submitted with Enter.
    alt(qtbot, window, Qt.Key.Key_O)
    moaas = opened(qtbot, window)
    assert moaas.windowTitle() == "MOAA/S assessment"
    assert focused_item(moaas) == 1
    keys(qtbot, moaas, "5")
    assert QApplication.focusWidget() is moaas.ui.submit_button, "a rating moves on to Submit"
    keys(qtbot, moaas, Qt.Key.Key_Return)
    closed(qtbot, moaas)
    first_moaas = stored(controls, ASSESSMENT_SUBMITTED)[-1]
    assert first_moaas.stamp == clock.now() and first_moaas.user == NURSE
    assert first_moaas.detail["answers"] == {"1": 5}
    assert first_moaas.detail["raters"] == {"observer": {"rated_by": NURSE, "entered_by": NURSE}}
    assert first_moaas.detail["version"] == instruments.get("moaa-s").instrument.version
    assert first_moaas.detail["sha256"] == instruments.get("moaa-s").sha256
    assert first_moaas.detail["score"]["value"] == 5 and first_moaas.detail["score"]["band"] == "Not sedated"
    assert banner(window) == [], "the next one is 15 min away"
    assert panel.ui.sedation_button.text() == f"MOAA/S 5\nat {local(clock.now().utc)}"

    wait(window, feed, clock, 3)
    click(qtbot, panel.ui.next_device_button)  # device 2, 5 min after the first
    cuff(131, 82, 97)
    wait(window, feed, clock, 7.5)
    assert banner(window) == ["MOAA/S due in 4:30"], "announced five minutes ahead"
    wait(window, feed, clock, 5.5)  # 18 min after the first device

    # The second MOAA/S, on time: its level chosen with the arrow keys.
    click(qtbot, banner_button(window, "MOAA/S due now, overdue in 4:00"))
    moaas = opened(qtbot, window)
    keys(qtbot, moaas, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down)
    assert moaas.rows[1].value == 3 and moaas.ui.score_label.text() == \
        "MOAA/S 3 of 5 — Moderate sedation: rousable by raised voice"
    keys(qtbot, moaas, Qt.Key.Key_Return, Qt.Key.Key_Return)
    closed(qtbot, moaas)
    assert stored(controls, ASSESSMENT_SUBMITTED)[-1].detail["answers"] == {"1": 3}

    wait(window, feed, clock, 13)  # 31 min
    assert banner(window) == ["MOAA/S due in 2:00", "Dissociation (CADSS-6) at 40 min due in 4:00"]
    wait(window, feed, clock, 10)  # 41 min: the MOAA/S is overdue, the CADSS-6 window is open
    assert banner(window) == ["MOAA/S OVERDUE 3:00",
                              "Dissociation (CADSS-6) at 40 min due now, overdue in 4:00"]
    overdue_row = banner_button(window, "MOAA/S OVERDUE 3:00").parent()
    assert overdue_row.property("check_state") == "overdue"

    # The CADSS-6: opened from its banner line, answered with keys and one click, submitted with Alt+S.
    click(qtbot, banner_button(window, "Dissociation (CADSS-6) at 40 min due now, overdue in 4:00"))
    cadss = opened(qtbot, window)
    assert cadss.ui.header_label.text().startswith("CADSS-6 — short form of the")
    assert NOT_INSTALLED_TEXT in cadss.ui.source_label.text()
    assert list(cadss.rows) == [1, 2, 6, 7, 15, 22]
    assert cadss.rows[1].text_label.text() == "1. Derealisation item"
    assert cadss.rows[1].rater_label.text() == "Patient"
    assert not cadss.ui.submit_button.isEnabled()
    keys(qtbot, cadss, "1", "2", "0", "1")
    assert focused_item(cadss) == 15
    click(qtbot, cadss.rows[15].buttons[0])
    keys(qtbot, cadss, Qt.Key.Key_Return)
    assert focused_item(cadss) == 22
    keys(qtbot, cadss, "3")
    assert cadss.ui.score_label.text() == "CADSS-6 7 of 24"
    assert cadss.ui.missing_label.isHidden()
    drafts = [event for event in stored(controls, ASSESSMENT_DRAFT) if event.detail["instrument"] == "cadss"]
    assert len(drafts) == 6, "every answer is saved as it is given"
    alt(qtbot, cadss, Qt.Key.Key_S)
    closed(qtbot, cadss)
    submitted = stored(controls, ASSESSMENT_SUBMITTED)[-1]
    assert submitted.stamp == clock.now() and submitted.user == NURSE
    detail = submitted.detail
    assert detail["assessment_id"] == drafts[0].detail["assessment_id"], "the draft became the submission"
    assert (detail["instrument"], detail["form"]) == ("cadss", "cadss-6")
    assert detail["answers"] == dict(zip(CADSS_6_ITEMS, [1, 2, 0, 1, 0, 3], strict=True))
    assert detail["raters"] == {"patient": {"rated_by": "patient", "entered_by": NURSE}}
    assert (detail["version"], detail["sha256"]) == (instruments.get("cadss").instrument.version,
                                                     instruments.get("cadss").sha256)
    assert detail["score"]["value"] == 7 and detail["score"]["short_forms"] == {"cadss-6": 7}
    assert detail["minutes_after_dosing_start"] == 41
    assert banner(window) == ["MOAA/S OVERDUE 3:00"], "the overdue one stays until it is done"

    click(qtbot, banner_button(window, "MOAA/S OVERDUE 3:00"))
    moaas = opened(qtbot, window)
    keys(qtbot, moaas, "4", Qt.Key.Key_Return)
    assert banner(window) == []
    rated_at = local(clock.now().utc)
    assert panel.ui.sedation_button.text() == f"MOAA/S 4\nat {rated_at}"
    assert panel.ui.dissociation_button.text() == f"CADSS-6 7\nat {rated_at}"
    assert local(started + timedelta(minutes=41)) == rated_at
    wait(window, feed, clock, 1)
    _, labels = window.ui.trend_view.event_items(ASSESSMENT_SUBMITTED)
    assert [label.toPlainText() for label in labels] == ["MOAA/S 5", "MOAA/S 3", "CADSS-6 7", "MOAA/S 4"]
    drafts_marked, _ = window.ui.trend_view.event_items(ASSESSMENT_DRAFT)
    assert drafts_marked is None, "drafts stay off the timeline"
    rows = {label.text(): state.text() for label, state in _check_rows(window)}
    assert rows["Dissociation (CADSS-6) at 40 min"] == f"✓ {rated_at}"

    # A correction: the latest dissociation score opens the submitted CADSS-6 with its history.
    click(qtbot, panel.ui.dissociation_button)
    review = opened(qtbot, window)
    assert review.reviewing and review.ui.submit_button.text() == "&Save changes…"
    assert review.ui.history_label.text() == f"History:\n{rated_at} submitted by {NURSE}: CADSS-6 7"
    assert not review.ui.submit_button.isEnabled(), "nothing changed yet"
    assert focused_item(review) == 1
    keys(qtbot, review, Qt.Key.Key_Right)
    assert review.rows[1].value == 2 and review.ui.score_label.text() == "CADSS-6 8 of 24"
    alt(qtbot, review, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ReasonDialog)))
    reason = shown_dialog(window, ReasonDialog)
    assert not reason.ok_button.isEnabled(), "a change needs a reason"
    qtbot.keyClicks(reason.ui.reason_edit, "patient corrected item 1")
    qtbot.keyClick(reason.ui.reason_edit, Qt.Key.Key_Return)
    closed(qtbot, review)
    amended = stored(controls, ASSESSMENT_AMENDED)[-1]
    assert amended.detail["assessment_id"] == detail["assessment_id"] and amended.user == NURSE
    assert amended.detail["reason"] == "patient corrected item 1"
    assert amended.detail["previous_answers"] == detail["answers"], "the old answers are kept"
    assert amended.detail["answers"]["1"] == 2 and amended.detail["changed_items"] == [1]
    assert panel.ui.dissociation_button.text() == f"CADSS-6 8\nat {rated_at}"
    window.refresh()
    _, labels = window.ui.trend_view.event_items(ASSESSMENT_AMENDED)
    assert [label.toPlainText() for label in labels] == ["CADSS-6 8 (changed)"]

    click(qtbot, panel.ui.dissociation_button)
    again = opened(qtbot, window)
    history = again.ui.history_label.text().splitlines()
    assert history[1] == f"{rated_at} submitted by {NURSE}: CADSS-6 7"
    assert history[2] == (f"{local(amended.stamp.utc)} changed by {NURSE} "
                          "(reason: patient corrected item 1): item 1: 1 → 2; CADSS-6 7 → 8")
    assert local(amended.stamp.utc) != rated_at, "the correction is dated when it was made"
    alt(qtbot, again, Qt.Key.Key_C)
    closed(qtbot, again)
    assert len(stored(controls, ASSESSMENT_AMENDED)) == 1, "looking changes nothing"


def _check_rows(window: MainWindow) -> list[tuple[QLabel, QLabel]]:
    grid = window.ui.dose_panel.ui.checks_grid
    return [(grid.itemAtPosition(row, 0).widget(), grid.itemAtPosition(row, 1).widget())
            for row in range(grid.rowCount()) if grid.itemAtPosition(row, 0) is not None
            and grid.itemAtPosition(row, 0).widget().isVisible()]


def choose(qtbot: QtBot, window: MainWindow, entry: str) -> None:
    """Ctrl+A, then pick ``entry`` in the chooser with the keyboard."""
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QInputDialog)))
    chooser = shown_dialog(window, QInputDialog)
    combo = chooser.findChild(QComboBox)
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert entry in texts, texts
    combo.setFocus()
    for _ in range(texts.index(entry) - combo.currentIndex()):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)


def test_a_draft_is_kept_when_the_screen_is_closed_and_continued_when_it_is_opened_again(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, profiles: dict[str, LoadedProfile],
) -> None:
    session = DoseSession.select(profiles["iv-ketamine"], clock=clock, sink=controls.record_event, user=NURSE)
    window = open_window(qtbot, feed, clock, controls, session)
    assert banner(window) == ["Dissociation (CADSS) at 0 min due now"], "the baseline, before dosing"
    choose(qtbot, window, "CADSS")
    cadss = opened(qtbot, window)
    assert cadss.rows[24].rater_label.text() == "Observer"
    headers = [label.text() for label in cadss.ui.items_widget.findChildren(QLabel)
               if label.property("rater_header")]
    assert headers == ["Rated by the patient: ask, and enter the answer the patient gives",
                       "Rated by you: your own observation"]
    keys(qtbot, cadss, "2", "1", "0")
    assert focused_item(cadss) == 4
    keys(qtbot, cadss, Qt.Key.Key_Escape)
    closed(qtbot, cadss)
    assert [e.kind for e in controls.events].count(ASSESSMENT_SUBMITTED) == 0
    draft = stored(controls, ASSESSMENT_DRAFT)[-1].detail
    assert {k: v for k, v in draft["answers"].items() if v is not None} == {"1": 2, "2": 1, "3": 0}
    assert len(draft["answers"]) == 28 and draft["score"]["missing"][:2] == [4, 5]

    clock.advance(90)
    choose(qtbot, window, f"CADSS — continue the draft from {local(clock.now().utc - timedelta(seconds=90))}")
    resumed = opened(qtbot, window)
    assert resumed.assessment_id == draft["assessment_id"]
    assert [resumed.rows[n].value for n in (1, 2, 3, 4)] == [2, 1, 0, None]
    assert resumed.rows[1].buttons[2].isChecked()
    assert resumed.ui.state_label.text().startswith("Continuing the draft started at")
    assert "(1:30 ago)" in resumed.ui.state_label.text()
    assert focused_item(resumed) == 4, "on to the first item still unanswered"
    keys(qtbot, resumed, *["1"] * 25)
    assert resumed.ui.score_label.text().startswith("CADSS 23 of 92 · ")
    assert resumed.ui.score_label.text().endswith(" · CADSS-6 7"), "items 1, 2, 6, 7, 15, 22: 2+1+1+1+1+1"
    click(qtbot, resumed.ui.submit_button)
    submitted = stored(controls, ASSESSMENT_SUBMITTED)[-1].detail
    assert submitted["assessment_id"] == draft["assessment_id"]
    assert submitted["raters"] == {"patient": {"rated_by": "patient", "entered_by": NURSE},
                                   "observer": {"rated_by": NURSE, "entered_by": NURSE}}
    assert submitted["score"]["total"] == 2 + 1 + 0 + 20 and submitted["score"]["subscales"]["observer"] == 5
    assert "Dissociation (CADSS) at 0 min due now" not in banner(window)


def test_the_assessments_menu_opens_any_instrument_or_short_form_unscheduled(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, profiles: dict[str, LoadedProfile],
) -> None:
    session = DoseSession.select(profiles["im-ketamine"], clock=clock, sink=controls.record_event, user=NURSE)
    window = open_window(qtbot, feed, clock, controls, session)
    assert banner(window) == [], "the IM profile asks for no assessment before the injection"
    menu = window.ui.assessments_menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    entries = [action.text() for action in menu.actions()]
    assert entries == ["&Assessment…", "", "MOAA/S", "CADSS", "CADSS-6 (short form of CADSS)", "RASS",
                       "Aldrete"], "sedation first, then dissociation, agitation, discharge"
    assert window.ui.assessment_action.shortcut().toString() == "Ctrl+A"
    menu.actions()[4].trigger()
    menu.hide()
    cadss_6 = opened(qtbot, window)
    assert list(cadss_6.rows) == [1, 2, 6, 7, 15, 22]


def test_a_resumed_session_continues_its_draft_and_keeps_drafts_off_the_timeline(
    qtbot: QtBot, feed: LiveFeed, clock: ManualClock, controls, profiles: dict[str, LoadedProfile],
    instruments: InstrumentCatalogue,
) -> None:
    earlier: list[RecordedEvent] = []

    def store(kind: str, stamp, detail, user) -> None:
        earlier.append(RecordedEvent(kind, stamp, dict(detail), user))

    store("recording-started", clock.now(), {"clock_epoch": clock.monotonic_epoch}, None)
    before = DoseSession.select(profiles["im-ketamine"], clock=clock, sink=store, user="Nurse Ben")
    before.submit_assessment(instruments.get("moaa-s"), {1: 5}, user="Nurse Ben")
    draft_id = before.save_assessment_draft(instruments.get("modified-aldrete"), {1: 2, 2: 2},
                                            user="Nurse Ben")
    clock.advance(120)
    window = MainWindow(feed, clock, controls=controls, operator=NURSE, awaiting_history=True)
    qtbot.addWidget(window)
    window.close_choice = CloseChoice.END_SESSION
    window.show()
    feed.put_history(HistoryBatch([], earlier, treatment=DoseSession.rebuild(earlier, [], clock=clock,
                                                                             sink=controls.record_event)))
    window.refresh()
    _, labels = window.ui.trend_view.event_items(ASSESSMENT_SUBMITTED)
    assert [label.toPlainText() for label in labels] == ["MOAA/S 5"]
    assert window.ui.trend_view.event_items(ASSESSMENT_DRAFT)[0] is None
    assert window.ui.dose_panel.ui.sedation_button.text().startswith("MOAA/S 5\n")
    window.ui.dose_panel.open_assessment("modified-aldrete")
    aldrete = opened(qtbot, window)
    assert aldrete.assessment_id == draft_id and aldrete.answers == {1: 2, 2: 2, 3: None, 4: None, 5: None}


# --- the screen's keyboard use ----------------------------------------------------------------------

@pytest.fixture
def session(clock: ManualClock, controls, profiles: dict[str, LoadedProfile]) -> DoseSession:
    return DoseSession.select(profiles["esketamine-intranasal"], clock=clock, sink=controls.record_event,
                              user=NURSE)


def screen(qtbot: QtBot, session: DoseSession, loaded_id: str, instruments: InstrumentCatalogue,
           form: str | None = None) -> AssessmentDialog:
    dialog = AssessmentDialog(session, instruments.get(loaded_id), user=NURSE, form=form)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    has_keyboard(qtbot, dialog)
    return dialog


def test_arrows_enter_tab_and_delete_move_and_change_answers(
    qtbot: QtBot, session: DoseSession, instruments: InstrumentCatalogue,
) -> None:
    dialog = screen(qtbot, session, "cadss", instruments, form="cadss-6")
    assert focused_item(dialog) == 1
    keys(qtbot, dialog, Qt.Key.Key_Right)
    assert dialog.rows[1].value == 0, "→ on an unanswered item starts at the first value"
    keys(qtbot, dialog, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert dialog.rows[1].value == 2 and focused_item(dialog) == 1, "arrows change, they do not move on"
    keys(qtbot, dialog, Qt.Key.Key_Left)
    assert dialog.rows[1].value == 1
    keys(qtbot, dialog, Qt.Key.Key_Tab)
    assert focused_item(dialog) == 2
    keys(qtbot, dialog, Qt.Key.Key_Down, Qt.Key.Key_Return)
    assert focused_item(dialog) == 7
    keys(qtbot, dialog, Qt.Key.Key_Up)
    assert focused_item(dialog) == 6
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused_item(dialog) == 2
    keys(qtbot, dialog, "9")
    assert dialog.rows[2].value is None and focused_item(dialog) == 2, "9 is not on the scale: ignored"
    keys(qtbot, dialog, "4", "4", "4", "4", "4")
    assert [dialog.rows[n].value for n in (2, 6, 7, 15, 22)] == [4, 4, 4, 4, 4]
    assert QApplication.focusWidget() is dialog.ui.submit_button
    qtbot.keyClick(dialog.ui.submit_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused_item(dialog) == 22, "Shift+Tab from Submit goes back to the last item"
    keys(qtbot, dialog, Qt.Key.Key_Delete)
    assert dialog.rows[22].value is None
    assert dialog.ui.missing_label.text() == "Not answered: item 22"
    assert not dialog.ui.submit_button.isEnabled()
    assert dialog.ui.submit_button.toolTip() == \
        "Answer more items: CADSS-6 cannot be scored with item(s) 22 unanswered"
    keys(qtbot, dialog, "0")
    assert focused_item(dialog) is None and QApplication.focusWidget() is dialog.ui.submit_button
    click(qtbot, dialog.rows[22].buttons[0])
    assert dialog.rows[22].value is None, "pressing the chosen answer again clears it"
    click(qtbot, dialog.rows[22].buttons[3])
    assert dialog.rows[22].value == 3 and focused_item(dialog) == 22
    assert [e.detail["answers"]["22"] for e in session_events(session)][-3:] == [0, None, 3]


def session_events(session: DoseSession) -> list[RecordedEvent]:
    """The draft events the screen saved (the recording sink is the fixture's controls)."""
    controls = session._sink.__self__  # the bound record_event of the RecordingControls fixture
    return [event for event in controls.events if event.kind == ASSESSMENT_DRAFT]


def test_after_the_last_item_the_focus_goes_to_the_first_unanswered_one(
    qtbot: QtBot, session: DoseSession, instruments: InstrumentCatalogue,
) -> None:
    dialog = screen(qtbot, session, "cadss", instruments, form="cadss-6")
    keys(qtbot, dialog, "1", Qt.Key.Key_Return, "1", "1", "1", "1")
    assert focused_item(dialog) == 2, "item 2 was skipped, so it is next"
    keys(qtbot, dialog, "2")
    assert QApplication.focusWidget() is dialog.ui.submit_button


def test_a_negative_rating_is_typed_with_a_minus_and_the_levels_change_with_up_and_down(
    qtbot: QtBot, session: DoseSession, instruments: InstrumentCatalogue, controls,
) -> None:
    dialog = screen(qtbot, session, "rass", instruments)
    row = dialog.rows[1]
    assert row.single and [b.text().split()[0] for b in row.buttons.values()][:6] == [
        "+4", "+3", "+2", "+1", "0", "-1"]
    keys(qtbot, dialog, "-", "3")
    assert row.value == -3
    assert dialog.ui.score_label.text() == "RASS -3 — Sedated, rousable by voice", \
        "no 'of 4' on a signed scale"
    row.setFocus()
    keys(qtbot, dialog, Qt.Key.Key_Up, Qt.Key.Key_Up)
    assert row.value == -1
    keys(qtbot, dialog, Qt.Key.Key_Down)
    assert row.value == -2
    keys(qtbot, dialog, "2")
    assert row.value == 2, "without a minus a number is positive"
    alt(qtbot, dialog, Qt.Key.Key_S)
    closed(qtbot, dialog)
    assert controls.last(ASSESSMENT_SUBMITTED).detail["answers"] == {"1": 2}


def test_alt_c_closes_without_submitting_and_nothing_is_saved_for_an_untouched_screen(
    qtbot: QtBot, session: DoseSession, instruments: InstrumentCatalogue, controls,
) -> None:
    dialog = screen(qtbot, session, "moaa-s", instruments)
    assert not dialog.ui.submit_button.isEnabled()
    assert dialog.ui.submit_button.toolTip() == "Choose the MOAA/S rating first"
    assert dialog.ui.score_label.text() == "MOAA/S: choose a rating" and dialog.ui.missing_label.isHidden()
    alt(qtbot, dialog, Qt.Key.Key_S)
    assert dialog.isVisible(), "Alt+S does nothing while nothing can be submitted"
    alt(qtbot, dialog, Qt.Key.Key_C)
    closed(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert [e.kind for e in controls.events] == ["treatment-selected"]


def test_answer_buttons_are_large_touch_targets_showing_value_and_anchor_words(
    qtbot: QtBot, session: DoseSession, instruments: InstrumentCatalogue,
) -> None:
    for instrument in ("cadss", "moaa-s", "rass", "modified-aldrete"):
        dialog = screen(qtbot, session, instrument, instruments)
        for row in dialog.rows.values():
            for value, button in row.buttons.items():
                assert min(button.width(), button.height()) >= MIN_TARGET_PX, (instrument, value)
                assert button.focusPolicy() == Qt.FocusPolicy.NoFocus, "Tab walks items, not 5 buttons each"
                assert button.sizeHint().height() <= button.height(), "the anchor words are not clipped"
        dialog.close()
    moaas = screen(qtbot, session, "moaa-s", instruments)
    assert moaas.rows[1].buttons[3].text() == "3   Reacts only when the voice is raised or the name repeated"


def test_licensed_item_text_is_shown_with_its_licence_when_the_site_installed_it(
    qtbot: QtBot, session: DoseSession, tmp_path: Path,
) -> None:
    text = tmp_path / "cadss.text.toml"
    text.write_text('instrument = "cadss"\nlicence = "Test licence 42"\n[items]\n"1" = "Licensed item one"\n',
                    encoding="utf-8")
    catalogue = load_instrument_catalogue(text_directory=tmp_path)
    dialog = screen(qtbot, session, "cadss", catalogue)
    assert dialog.ui.source_label.text() == "Version 2026.11-default · Item text: Test licence 42"
    assert NOT_INSTALLED_TEXT not in dialog.ui.source_label.text()
    assert dialog.rows[1].text_label.text() == "1. Licensed item one"
    assert dialog.rows[2].text_label.text() == "2. Derealisation item", "items without text keep our label"


def test_an_assessment_reviewed_on_a_changed_instrument_file_says_on_which_version_it_was_given(
    qtbot: QtBot, session: DoseSession, instruments: InstrumentCatalogue, tmp_path: Path,
) -> None:
    assessment_id = session.submit_assessment(instruments.get("moaa-s"), {1: 4}, user=NURSE)
    shipped = Path(instruments.get("moaa-s").source).read_text(encoding="utf-8")
    (tmp_path / "moaa-s.toml").write_text(shipped.replace('version = "2026.11-default"',
                                                          'version = "2027.01-site"'), encoding="utf-8")
    site = load_instrument_catalogue([Path(instruments.get("moaa-s").source).parent, tmp_path])
    dialog = AssessmentDialog(session, site.get("moaa-s"), user=NURSE, assessment_id=assessment_id)
    qtbot.addWidget(dialog)
    assert dialog.ui.source_label.text() == (
        "Version 2027.01-site (the answers were given on version 2026.11-default: the file has changed)")
    assert dialog.ui.source_label.property("attention") is True
    assert dialog.rows[1].value == 4


# --- the texts --------------------------------------------------------------------------------------

def test_event_labels_name_the_instrument_the_score_and_a_correction() -> None:
    full = {"short_name": "CADSS", "form": None, "form_name": None,
            "score": {"value": 12, "prorated": False, "short_forms": {"cadss-6": 5},
                      "names": {"cadss-6": "CADSS-6"}}}
    assert event_label(ASSESSMENT_SUBMITTED, full) == "CADSS 12 (CADSS-6 5)"
    prorated = {**full, "score": {**full["score"], "value": 23, "prorated": True,
                                  "short_forms": {"cadss-6": None}}}
    assert event_label(ASSESSMENT_SUBMITTED, prorated) == "CADSS 23 prorated"
    moaas = {"short_name": "MOAA/S", "form": None, "form_name": None,
             "score": {"value": 3, "prorated": False, "short_forms": {}, "names": {}}}
    assert event_label(ASSESSMENT_AMENDED, moaas) == "MOAA/S 3 (changed)"
    assert event_label(ASSESSMENT_DRAFT, moaas) == "MOAA/S 3 draft"
    assert event_label(ASSESSMENT_SUBMITTED, {"short_name": "RASS", "score": {"value": -2}}) == "RASS -2"


def test_the_banner_and_latest_scores_read_from_the_session_status(
    session: DoseSession, clock: ManualClock, instruments: InstrumentCatalogue,
) -> None:
    session.plan(plan_dose(session.profile, DoseRequest(dose_mg=56, lot="L")), user=NURSE)
    session.start_dosing(user=NURSE, overrides={"required-bp:bp-pre-dose": "cuff broken"})
    clock.advance(6 * 60 + 5)
    lines = banner_lines(session.status())
    assert [(line.text, line.state, line.instrument, line.form) for line in lines] == [
        ("MOAA/S OVERDUE 1:05", "overdue", "moaa-s", None)]
    session.submit_assessment(instruments.get("moaa-s"), {1: 2}, user=NURSE)
    clock.advance(24 * 60)
    assert [line.text for line in banner_lines(session.status())] == [
        "MOAA/S OVERDUE 4:00", "Dissociation (CADSS-6) at 40 min due in 4:55"], "overdue first"
    answers = dict.fromkeys((1, 2, 6, 7, 15, 22), 1)
    answers[22] = None
    with pytest.raises(ValueError):
        session.submit_assessment(instruments.get("cadss"), answers, user=NURSE, form="cadss-6")
    cadss = dict.fromkeys(range(1, 29), 1)
    cadss[5] = None
    session.submit_assessment(instruments.get("cadss"), cadss, user=NURSE)
    texts = [text for text, _ in latest_texts(session.status())]
    rated = local(clock.now().utc)
    earlier = local(clock.now().utc - timedelta(minutes=24))
    assert texts == [f"MOAA/S 2\nat {earlier}", f"CADSS ≈23\nat {rated}"]
