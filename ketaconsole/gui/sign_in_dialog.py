"""Signing in to the console, and creating the first administrator of a new database (form
``ui/sign_in.ui``, one page for each).

* **Sign in**: user id and password (masked). A refusal shows the directory's one message beside the
  fields ("user id or password not accepted"), never which of the two was wrong; the dialog stays
  open with the password cleared. ``check`` says why a person who did authenticate may still not go
  on (an administrator does not run sessions): the dialog says so and asks again.
* **First administrator**: on an empty directory the console enrols the first user, who is an
  administrator (the role is fixed, not offered): id, printed name, the password twice. Every
  refusal of the directory is shown beside the field it is about.

Both pages call the Qt-free :class:`~ketaconsole.accounts.users.UserDirectory`; its messages are
shown as they are. Hashing a password takes a fraction of a second, so the calls stay on the GUI
thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from ketaconsole.accounts.errors import (
    AccountError,
    AuthenticationFailed,
    InvalidUserField,
    PasswordRefused,
    UserIdTaken,
)
from ketaconsole.accounts.roles import Role
from ketaconsole.accounts.users import User, UserDirectory, check_user_id
from ketaconsole.gui.field_messages import mark_message_label, show_field_message
from ketaconsole.gui.generated.ui_sign_in import Ui_SignInDialog

Check = Callable[[User], "str | None"]
"""Why an authenticated user may not go on (``None``: they may)."""

PASSWORDS_DIFFER = "the two passwords are not the same"


def failed_sign_ins_text(user: User) -> str | None:
    """What to tell a person who signed in after failed attempts (``None`` when there were none)."""
    count = user.consecutive_failures
    if count == 0:
        return None
    attempts = "1 failed sign-in" if count == 1 else f"{count} failed sign-ins"
    return (f"{attempts} for {user.id} since the last successful one: "
            "if that was not you, tell the administrator")


def explain_refusal(parent: QWidget, refusal: str) -> None:
    """Tell the signed-in person why they may not run the session they chose (e.g. a trainer and a
    clinical session), and let them choose again."""
    QMessageBox.warning(parent, "KetaConsole", f"{refusal}.")


class SignInDialog(QDialog):
    """Signs a person in against ``directory`` (``user_id`` pre-fills the id; ``intro`` says why;
    ``check`` may refuse an authenticated user). With ``first_administrator`` it instead enrols the
    first user of an empty directory as administrator. After ``exec()`` returns true, :attr:`user` is
    the person signed in or enrolled."""

    def __init__(self, directory: UserDirectory, *, user_id: str = "", intro: str = "",
                 check: Check | None = None, first_administrator: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignInDialog()
        self.ui.setupUi(self)
        self._directory = directory
        self._check = check
        self._first = first_administrator
        self.user: User | None = None
        ui = self.ui
        for label in (ui.credentials_error, ui.new_id_error, ui.name_error, ui.new_password_error,
                      ui.repeat_error, ui.form_message):
            mark_message_label(label)
        ui.pages.setCurrentWidget(ui.first_admin_page if first_administrator else ui.sign_in_page)
        if first_administrator:
            self.setWindowTitle("KetaConsole – first administrator")
            ui.header_label.setText("Create the first administrator")
            ui.intro_label.setText(
                intro or "No one can use this console yet. The first user is an administrator, who then "
                "adds the nurses, clinicians and trainers. Choose a user id that is yours for good, your "
                "name as it will be printed, and a password of at least "
                f"{directory.rules.passwords.min_length} characters.")
            ui.role_value.setText(directory.rules.roles[Role.ADMINISTRATOR].label)
            self.ok_button.setText("Create administrator")
            ui.new_id_edit.setFocus()
        else:
            ui.intro_label.setText(intro)
            ui.intro_label.setVisible(bool(intro))
            ui.user_id_edit.setText(user_id)
            self.ok_button.setText("Sign in")
            (ui.password_edit if user_id else ui.user_id_edit).setFocus()
        ui.button_box.accepted.connect(self.accept)
        ui.button_box.rejected.connect(self.reject)
        for field in self._fields():
            field.textEdited.connect(self._update)
        self._update()

    @property
    def ok_button(self) -> QPushButton:
        return self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)

    def accept(self) -> None:
        """Sign in (or enrol the first administrator) and close, or stay open saying why not."""
        if not self.ok_button.isEnabled():
            return
        user = self._enrol() if self._first else self._sign_in()
        if user is not None:
            self.user = user
            super().accept()

    def _sign_in(self) -> User | None:
        ui = self.ui
        try:
            user = self._directory.authenticate(ui.user_id_edit.text().strip(), ui.password_edit.text())
        except AuthenticationFailed as refused:
            self._refuse(ui.credentials_error, str(refused))
            return None
        refusal = self._check(user) if self._check is not None else None
        if refusal is not None:
            self._refuse(ui.form_message, refusal)
            ui.user_id_edit.selectAll()
            ui.user_id_edit.setFocus()
            return None
        return user

    def _refuse(self, label: QLabel, message: str) -> None:
        ui = self.ui
        ui.password_edit.clear()
        self._update()
        if label is ui.credentials_error:
            self._show_message(ui.password_edit, label, message)
            ui.password_edit.setFocus()
        else:
            label.setText(message)

    def _enrol(self) -> User | None:
        ui = self.ui
        user_id = ui.new_id_edit.text().strip()
        password = ui.new_password_edit.text()
        self._clear_messages()
        if password != ui.repeat_edit.text():
            self._show_message(ui.repeat_edit, ui.repeat_error, PASSWORDS_DIFFER)
            ui.repeat_edit.setFocus()
            return None
        try:
            check_user_id(user_id)
        except InvalidUserField as refused:
            return self._enrol_refused(ui.new_id_edit, ui.new_id_error, refused)
        try:
            return self._directory.add(user_id, ui.name_edit.text(), Role.ADMINISTRATOR, password, by=None)
        except UserIdTaken as refused:
            return self._enrol_refused(ui.new_id_edit, ui.new_id_error, refused)
        except InvalidUserField as refused:  # the id was checked above: this is about the name
            return self._enrol_refused(ui.name_edit, ui.name_error, refused)
        except PasswordRefused as refused:
            return self._enrol_refused(ui.new_password_edit, ui.new_password_error, refused)
        except AccountError as refused:
            ui.form_message.setText(str(refused))
            return None

    def _enrol_refused(self, field: QLineEdit, label: QLabel, refused: AccountError) -> None:
        self._show_message(field, label, str(refused))
        field.setFocus()

    def _show_message(self, field: QLineEdit, label: QLabel, message: str) -> None:
        """The message under ``field``, as tall as its wrapped text at the width the form gives it."""
        show_field_message(field, label, message)
        self.layout().activate()
        label.setMinimumHeight(label.heightForWidth(label.width()))
        QTimer.singleShot(0, self._fit_page)

    def _fit_page(self) -> None:
        """Grow the page stack, and the dialog, to the shown page's new height (once the message's
        height has reached the page's layout): a stack does not grow by itself."""
        page = self.ui.pages.currentWidget()
        page.layout().activate()
        self.ui.pages.setMinimumHeight(max(page.sizeHint().height(), page.minimumSizeHint().height()))
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.layout().minimumSize().height()))

    def _clear_messages(self) -> None:
        ui = self.ui
        ui.form_message.clear()
        pairs = ((ui.new_id_edit, ui.new_id_error), (ui.name_edit, ui.name_error),
                 (ui.new_password_edit, ui.new_password_error), (ui.repeat_edit, ui.repeat_error))
        for field, label in pairs:
            show_field_message(field, label, None)

    def _fields(self) -> tuple[QLineEdit, ...]:
        ui = self.ui
        if self._first:
            return ui.new_id_edit, ui.name_edit, ui.new_password_edit, ui.repeat_edit
        return ui.user_id_edit, ui.password_edit

    def _update(self) -> None:
        """OK once every field has something in it; typing clears the last refusal."""
        ui = self.ui
        ui.form_message.clear()
        if ui.password_edit.text():
            show_field_message(ui.password_edit, ui.credentials_error, None)
        missing = [field.accessibleName() for field in self._fields() if not field.text().strip()]
        self.ok_button.setEnabled(not missing)
        self.ok_button.setToolTip(f"Fill in: {', '.join(missing)}" if missing else "")
