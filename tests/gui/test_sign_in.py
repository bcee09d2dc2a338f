"""The sign-in dialog on a real SQLite file with real users: the right password signs in, a wrong
password and an unknown id get the same message beside the fields and the dialog stays open, an
administrator is told to let someone else run the session, and an empty directory creates the first
administrator (passwords typed twice, the role fixed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from ketaconsole.accounts.roles import Role
from ketaconsole.accounts.users import NOT_ACCEPTED, UserDirectory
from ketaconsole.gui.sign_in_dialog import PASSWORDS_DIFFER, SignInDialog, failed_sign_ins_text
from ketaconsole.storage.database import Database

NURSE_PASSWORD = "anna's long secret"
ADMIN_PASSWORD = "keys to the kingdom 1"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{(tmp_path / 'users.sqlite3').as_posix()}")
    yield db
    db.close()


@pytest.fixture
def directory(database: Database) -> UserDirectory:
    users = UserDirectory(database)
    admin = users.add("admin", "Ada Admin", "administrator", ADMIN_PASSWORD, by=None)
    by = users.authenticate(admin.id, ADMIN_PASSWORD)
    users.add("nurse.anna", "Anna Berg", "nurse", NURSE_PASSWORD, by=by)
    return users


def sign_in_dialog(qtbot: QtBot, directory: UserDirectory, **options: object) -> SignInDialog:
    dialog = SignInDialog(directory, check=lambda user: directory.rules.run_refusal(user.role), **options)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_in(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)


def submit(qtbot: QtBot, dialog: SignInDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_the_right_password_signs_in(qtbot, directory):
    dialog = sign_in_dialog(qtbot, directory, user_id="nurse.anna")
    ui = dialog.ui
    assert ui.user_id_edit.text() == "nurse.anna" and dialog.focusWidget() is ui.password_edit
    assert ui.password_edit.echoMode() is QLineEdit.EchoMode.Password
    assert not dialog.ok_button.isEnabled() and dialog.ok_button.text() == "Sign in"
    qtbot.keyClicks(ui.password_edit, NURSE_PASSWORD)
    qtbot.keyClick(ui.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == SignInDialog.DialogCode.Accepted)
    assert dialog.user is not None and (dialog.user.id, dialog.user.role) == ("nurse.anna", Role.NURSE)


@pytest.mark.parametrize("user_id, password", [("nurse.anna", "not her password"),
                                               ("nobody.here", NURSE_PASSWORD)])
def test_a_wrong_password_and_an_unknown_user_get_the_same_message(qtbot, directory, user_id, password):
    dialog = sign_in_dialog(qtbot, directory)
    ui = dialog.ui
    type_in(qtbot, ui.user_id_edit, user_id)
    type_in(qtbot, ui.password_edit, password)
    submit(qtbot, dialog)
    assert ui.credentials_error.text() == NOT_ACCEPTED
    assert dialog.isVisible() and dialog.user is None, "the dialog stays open"
    assert ui.password_edit.text() == "" and dialog.focusWidget() is ui.password_edit
    qtbot.keyClicks(ui.password_edit, "x")
    assert ui.credentials_error.text() == "", "typing again clears the refusal"


def test_after_failed_attempts_the_person_is_told_how_many(qtbot, directory):
    dialog = sign_in_dialog(qtbot, directory, user_id="nurse.anna")
    for _ in range(2):
        type_in(qtbot, dialog.ui.password_edit, "a wrong guess")
        submit(qtbot, dialog)
    type_in(qtbot, dialog.ui.password_edit, NURSE_PASSWORD)
    submit(qtbot, dialog)
    assert dialog.user is not None
    assert failed_sign_ins_text(dialog.user) == (
        "2 failed sign-ins for nurse.anna since the last successful one: "
        "if that was not you, tell the administrator")


def test_an_administrator_is_asked_to_let_someone_else_run_the_session(qtbot, directory):
    dialog = sign_in_dialog(qtbot, directory, user_id="admin")
    qtbot.keyClicks(dialog.ui.password_edit, ADMIN_PASSWORD)
    submit(qtbot, dialog)
    assert dialog.user is None and dialog.isVisible()
    assert "Administrators do not run treatment sessions" in dialog.ui.form_message.text()
    type_in(qtbot, dialog.ui.user_id_edit, "nurse.anna")
    assert dialog.ui.form_message.text() == ""
    qtbot.keyClicks(dialog.ui.password_edit, NURSE_PASSWORD)
    submit(qtbot, dialog)
    assert dialog.user is not None and dialog.user.id == "nurse.anna"


def test_an_empty_directory_creates_the_first_administrator(qtbot, database):
    directory = UserDirectory(database)
    dialog = SignInDialog(directory, first_administrator=True)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    assert ui.pages.currentWidget() is ui.first_admin_page
    assert ui.role_value.text() == "Administrator" and dialog.ok_button.text() == "Create administrator"
    type_in(qtbot, ui.new_id_edit, "Ada Lovelace")
    type_in(qtbot, ui.name_edit, "Ada Lovelace")
    type_in(qtbot, ui.new_password_edit, "short")
    type_in(qtbot, ui.repeat_edit, "shorter")
    submit(qtbot, dialog)
    assert ui.repeat_error.text() == PASSWORDS_DIFFER
    type_in(qtbot, ui.repeat_edit, "short")
    submit(qtbot, dialog)
    assert "user id" in ui.new_id_error.text() and ui.repeat_error.text() == ""
    type_in(qtbot, ui.new_id_edit, "ada")
    submit(qtbot, dialog)
    assert "too short" in ui.new_password_error.text() and ui.new_id_error.text() == ""
    assert directory.is_empty()
    type_in(qtbot, ui.new_password_edit, ADMIN_PASSWORD)
    type_in(qtbot, ui.repeat_edit, ADMIN_PASSWORD)
    submit(qtbot, dialog)
    assert dialog.user is not None and dialog.user.role is Role.ADMINISTRATOR
    assert [(user.id, user.printed_name) for user in directory.list()] == [("ada", "Ada Lovelace")]
    assert directory.authenticate("ada", ADMIN_PASSWORD).id == "ada"
