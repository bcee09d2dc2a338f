"""The signing dialog and the verification banner, on a real SQLite file, real users with real keys and
a real recorded session: the author signs by typing, a wrong password records nothing, each role is
offered only its meanings, an addendum needs its text and verifies, a training session offers only
"training", and a record changed with raw SQL shows NOT VERIFIED (dialog and window) and cannot be
signed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from ketaconsole.accounts.roles import SignatureMeaning
from ketaconsole.accounts.users import NOT_ACCEPTED, UserDirectory
from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import Observation
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.gui.main_window import CloseChoice, MainWindow
from ketaconsole.gui.sign_record_dialog import ADDENDUM_NEEDS_TEXT, NOT_VERIFIED_REFUSAL, SignRecordDialog
from ketaconsole.gui.verification_banner import TRAINING_TEXT
from ketaconsole.records.signatures import SIGNATURE_KIND
from ketaconsole.records.signed_record import verify_stored
from ketaconsole.storage.database import Database

AUTHOR, REVIEW, ADDENDUM, TRAINING = (SignatureMeaning.AUTHOR, SignatureMeaning.REVIEW,
                                      SignatureMeaning.ADDENDUM, SignatureMeaning.TRAINING)
PASSWORDS = {"admin": "keys to the kingdom 1", "nurse.anna": "anna's long secret",
             "dr.okafor": "okafor secret 99", "trainer.tom": "trainer password 7"}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{(tmp_path / 'signing.sqlite3').as_posix()}")
    yield db
    db.close()


@pytest.fixture
def directory(database: Database) -> UserDirectory:
    users = UserDirectory(database)
    admin = users.add("admin", "Ada Admin", "administrator", PASSWORDS["admin"], by=None)
    by = users.authenticate(admin.id, PASSWORDS["admin"])
    users.add("nurse.anna", "Anna Berg", "nurse", PASSWORDS["nurse.anna"], by=by)
    users.add("dr.okafor", "Chidi Okafor", "clinician", PASSWORDS["dr.okafor"], by=by)
    users.add("trainer.tom", "Tom Reed", "trainer", PASSWORDS["trainer.tom"], by=by)
    return users


def recorded_session(database: Database, clock: ManualClock, tmp_path: Path, *,
                     training: bool = False) -> str:
    """A short ended session: manual blood pressure and a note."""
    recorder = Recorder(database, port=str(tmp_path / "no-monitor"), protocol="masimo", clock=clock,
                        patient_identifier="MRN-7", training=training)
    session_id = recorder.start()
    clock.advance(60)
    recorder.add_manual_observations([Observation("NIBP_SYS", 128, clock.now(), "nurse", manual=True),
                                      Observation("NIBP_DIA", 82, clock.now(), "nurse", manual=True)])
    recorder.add_note("Patient settled, eyes closed", category="observation", user="nurse.anna")
    clock.advance(60)
    recorder.stop(end_session=True)
    clock.advance(30)
    return session_id


def open_dialog(qtbot: QtBot, database: Database, directory: UserDirectory, clock: ManualClock,
                session_id: str, user_id: str) -> SignRecordDialog:
    dialog = SignRecordDialog(database, directory, session_id, user=directory.get(user_id), clock=clock,
                              patient="Ada Lovelace")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.busy)
    return dialog


def offered(dialog: SignRecordDialog) -> list[SignatureMeaning]:
    return [meaning for meaning, radio in dialog._radios.items() if radio.isVisibleTo(dialog)]


def type_password_and_sign(qtbot: QtBot, dialog: SignRecordDialog, password: str) -> None:
    qtbot.keyClicks(dialog.ui.password_edit, password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def signatures(database: Database, session_id: str) -> list:
    return [event for event in database.events(session_id) if event.kind == SIGNATURE_KIND]


def test_the_nurse_signs_as_author_by_typing_her_password(qtbot, database, directory, clock, tmp_path):
    session_id = recorded_session(database, clock, tmp_path)
    dialog = open_dialog(qtbot, database, directory, clock, session_id, "nurse.anna")
    ui = dialog.ui
    assert ui.verification_banner.property("verification") == "verified"
    banner = ui.verification_banner.text()
    assert "Record verified" in banner and "Not signed yet" in banner
    assert ui.signer_value.text() == "Anna Berg (nurse, nurse.anna)"
    assert ui.patient_value.text() == "Ada Lovelace" and session_id in ui.session_value.text()
    assert "09:02:30 UTC" in ui.time_value.text(), "the moment that will be recorded"
    assert ui.training_banner.isHidden()
    assert ui.password_edit.echoMode() == ui.password_edit.EchoMode.Password
    assert dialog.meaning() is AUTHOR and not ui.addendum_edit.isVisible()

    type_password_and_sign(qtbot, dialog, PASSWORDS["nurse.anna"])
    qtbot.waitUntil(lambda: ui.statement_label.text().startswith("Signed and stored"))
    assert "Anna Berg (nurse, nurse.anna) – Administered and recorded by (author) – 2026-03-02T09:02:30" in \
        ui.statement_label.text()
    assert ui.password_edit.text() == "", "the password is typed again for every signature"
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "✔ Anna Berg (nurse, nurse.anna) — Administered and recorded by (author)" in \
        ui.verification_banner.text()
    [stored] = signatures(database, session_id)
    assert stored.user == "nurse.anna" and stored.detail["statement"]["meaning"] == "author"
    assert verify_stored(database, directory, session_id).verified


def test_a_wrong_password_is_shown_beside_the_field_and_records_nothing(qtbot, database, directory, clock,
                                                                         tmp_path):
    session_id = recorded_session(database, clock, tmp_path)
    before = len(database.events(session_id))
    dialog = open_dialog(qtbot, database, directory, clock, session_id, "nurse.anna")
    type_password_and_sign(qtbot, dialog, "not her password")
    qtbot.waitUntil(lambda: dialog.ui.password_error.text() == NOT_ACCEPTED)
    assert dialog.ui.password_edit.property("invalid") is True
    assert dialog.ui.statement_label.text() == ""
    assert len(database.events(session_id)) == before


def test_each_role_is_offered_only_the_meanings_it_may_sign(qtbot, database, directory, clock, tmp_path):
    session_id = recorded_session(database, clock, tmp_path)
    nurse = open_dialog(qtbot, database, directory, clock, session_id, "nurse.anna")
    assert offered(nurse) == [AUTHOR, ADDENDUM], "a nurse is not offered review, nor training here"
    clinician = open_dialog(qtbot, database, directory, clock, session_id, "dr.okafor")
    assert offered(clinician) == [AUTHOR, REVIEW, ADDENDUM]
    trainer = open_dialog(qtbot, database, directory, clock, session_id, "trainer.tom")
    assert offered(trainer) == [] and "may not sign" in trainer.ui.meaning_error.text()
    assert not trainer.ok_button.isEnabled()


def test_a_review_before_the_author_is_refused_beside_the_meaning(qtbot, database, directory, clock,
                                                                   tmp_path):
    session_id = recorded_session(database, clock, tmp_path)
    dialog = open_dialog(qtbot, database, directory, clock, session_id, "dr.okafor")
    dialog.choose(REVIEW)
    type_password_and_sign(qtbot, dialog, PASSWORDS["dr.okafor"])
    qtbot.waitUntil(lambda: "no author signature yet" in dialog.ui.meaning_error.text())
    assert signatures(database, session_id) == []


def test_an_addendum_needs_its_text_and_verifies_afterwards(qtbot, database, directory, clock, tmp_path):
    session_id = recorded_session(database, clock, tmp_path)
    first = open_dialog(qtbot, database, directory, clock, session_id, "nurse.anna")
    type_password_and_sign(qtbot, first, PASSWORDS["nurse.anna"])
    qtbot.waitUntil(lambda: bool(first.signed) and not first.busy)
    first.close()

    clock.advance(600)
    dialog = open_dialog(qtbot, database, directory, clock, session_id, "nurse.anna")
    assert dialog.meaning() is ADDENDUM, "the author signed already: the addendum is what is left"
    ui = dialog.ui
    assert ui.addendum_edit.isVisible()
    type_password_and_sign(qtbot, dialog, PASSWORDS["nurse.anna"])
    assert ui.addendum_error.text() == ADDENDUM_NEEDS_TEXT
    assert len(signatures(database, session_id)) == 1
    qtbot.keyClicks(ui.addendum_edit, "The note at 09:01 was about the other chair.")
    assert ui.addendum_error.text() == "" and ui.password_edit.text(), "the password typed is kept"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Addendum by" in ui.statement_label.text())
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.report is not None and dialog.report.verified
    assert [check.meaning for check in dialog.report.signatures] == ["author", "addendum"]
    addendum = [e for e in database.events(session_id) if e.kind == "addendum"]
    assert [e.detail["text"] for e in addendum] == ["The note at 09:01 was about the other chair."]


def test_a_training_session_says_so_and_offers_only_training(qtbot, database, directory, clock, tmp_path):
    session_id = recorded_session(database, clock, tmp_path, training=True)
    for user_id in ("nurse.anna", "trainer.tom"):
        dialog = open_dialog(qtbot, database, directory, clock, session_id, user_id)
        assert offered(dialog) == [TRAINING]
        assert dialog.ui.training_banner.isVisible() and dialog.ui.training_banner.text() == TRAINING_TEXT
    type_password_and_sign(qtbot, dialog, PASSWORDS["trainer.tom"])
    qtbot.waitUntil(lambda: "TRAINING SESSION, not a clinical record" in dialog.ui.statement_label.text())
    qtbot.waitUntil(lambda: not dialog.busy)  # the check after signing reads the database too
    report = verify_stored(database, directory, session_id)
    assert report.verified and report.training


def tamper(database: Database, session_id: str) -> None:
    with database.engine.begin() as connection:
        changed = connection.execute(text(
            "UPDATE observations SET value = 118 WHERE session_id = :id AND parameter = 'NIBP_SYS'"),
            {"id": session_id})
    assert changed.rowcount == 1


def test_a_record_changed_in_the_database_is_not_verified_and_cannot_be_signed(qtbot, database, directory,
                                                                                 clock, tmp_path):
    session_id = recorded_session(database, clock, tmp_path)
    tamper(database, session_id)
    dialog = open_dialog(qtbot, database, directory, clock, session_id, "nurse.anna")
    banner = dialog.ui.verification_banner
    assert banner.property("verification") == "not-verified"
    assert banner.text().startswith("✘ NOT VERIFIED") and "observations" in banner.text()
    assert dialog.ui.form_message.text() == NOT_VERIFIED_REFUSAL
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.ui.password_edit, PASSWORDS["nurse.anna"])
    assert not dialog.ok_button.isEnabled()
    assert signatures(database, session_id) == []


def test_the_window_of_a_resumed_session_shows_its_verification(qtbot, database, directory, clock, tmp_path):
    session_id = recorded_session(database, clock, tmp_path)
    tamper(database, session_id)
    window = MainWindow(LiveFeed(), clock, verification=verify_stored(database, directory, session_id))
    qtbot.addWidget(window)
    window.close_choice = CloseChoice.END_SESSION
    window.show()
    banner = window.ui.verification_banner
    assert banner.isVisible() and banner.property("verification") == "not-verified"
    assert "NOT VERIFIED" in banner.text()

    clean = recorded_session(database, clock, tmp_path)
    verified = MainWindow(LiveFeed(), clock, verification=verify_stored(database, directory, clean),
                          training_text=TRAINING_TEXT)
    qtbot.addWidget(verified)
    verified.show()
    assert verified.ui.verification_banner.property("verification") == "verified"
    assert verified.ui.training_banner.isVisible() and verified.ui.training_banner.text() == TRAINING_TEXT


def test_closing_waits_for_a_signature_under_way(qtbot, database, directory, clock, tmp_path):
    session_id = recorded_session(database, clock, tmp_path)
    dialog = open_dialog(qtbot, database, directory, clock, session_id, "nurse.anna")
    type_password_and_sign(qtbot, dialog, PASSWORDS["nurse.anna"])
    dialog.close()  # at once, while the signature is being made: the caller closes the database next
    assert not [t for t in threading.enumerate() if t.name.startswith("ketaconsole-") and t.is_alive()]
    assert len(signatures(database, session_id)) == 1
