"""Signing an ended session's record (21 CFR 11.50, 11.200; form ``ui/sign_record.ui``).

The dialog shows what is signed and by whom before anything is asked: the session (id, patient,
recorded from and to), the training marker for a training session, the verification of the stored
record (:class:`~ketaconsole.gui.verification_banner.VerificationBanner`: VERIFIED with the
signatures it has, or NOT VERIFIED with every problem), the signer's printed name and role, the
meanings the role may sign on this kind of session (:meth:`RoleRules.may_sign`; a training session
offers only "training", a clinical one never), the addendum text when the meaning is addendum, the
date and time that will be recorded, and the password, typed again for every signature.

**Sign** calls :func:`~ketaconsole.records.signatures.sign_session`, which unlocks the signer's key
with the password and refuses anything the rules forbid; nothing is recorded then, and the reason is
shown beside the field it is about (the password, or the meaning for a refusal of the rules). Signing
is refused while the record is being checked or does not verify. On success the stored statement is
shown and the record is checked again, so the banner lists the new signature. Checking and signing
read the whole record, which takes a moment on a long session, so both run off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QRadioButton, QWidget

from ketaconsole.accounts.errors import AccountError
from ketaconsole.accounts.roles import SessionKind, SignatureMeaning
from ketaconsole.accounts.users import User, UserDirectory
from ketaconsole.core.clock import Clock
from ketaconsole.gui.background import BackgroundCalls
from ketaconsole.gui.field_messages import mark_message_label, show_field_message
from ketaconsole.gui.generated.ui_sign_record import Ui_SignRecordDialog
from ketaconsole.gui.verification_banner import mark_training
from ketaconsole.records.signatures import MEANING_TEXT, SignedEntry, SigningError, sign_session
from ketaconsole.records.signed_record import VerificationReport, verify_stored
from ketaconsole.storage.database import Database

log = logging.getLogger(__name__)

CLOCK_INTERVAL_MS = 1000
CLOSE_WAIT_S = 30.0
"""How long closing waits for a check or signature under way (a long session takes a few seconds)."""
MEANING_ORDER = (SignatureMeaning.AUTHOR, SignatureMeaning.REVIEW, SignatureMeaning.ADDENDUM,
                 SignatureMeaning.TRAINING)
ADDENDUM_NEEDS_TEXT = "an addendum needs its text: what is corrected or added, and why"
PASSWORD_NEEDED = "type your password: it is asked again for every signature"
NOT_VERIFIED_REFUSAL = "Signing is refused: the record is NOT VERIFIED (see above)"


def offered_meanings(directory: UserDirectory, user: User, training: bool) -> list[SignatureMeaning]:
    """The meanings ``user`` may sign a session of this kind with, in the usual order."""
    kind = SessionKind.TRAINING if training else SessionKind.CLINICAL
    return [meaning for meaning in MEANING_ORDER
            if (meaning is SignatureMeaning.TRAINING) == training
            and directory.rules.may_sign(user.role, meaning, kind)]


def statement_text(statement: dict[str, Any]) -> str:
    """The stored statement, for people."""
    who = f"{statement['printed_name']} ({statement['role']}, {statement['signer_id']})"
    return (f"Signed and stored: {who} – {statement['meaning_text']} – {statement['signed_utc']} "
            f"(local offset {statement['utc_offset']}).\n"
            f"Covers the record up to entry {statement['head_seq']}, SHA-256 "
            f"{statement['record_sha256'][:16]}…, key {statement['key_fingerprint'][:16]}….")


def moment_text(utc: datetime) -> str:
    """``2026-03-02 10:02:30 local (UTC+01:00) · 2026-03-02 09:02:30 UTC``."""
    local = utc.astimezone()
    offset = local.strftime("%z")
    return (f"{local:%Y-%m-%d %H:%M:%S} local (UTC{offset[:3]}:{offset[3:]}) · "
            f"{utc:%Y-%m-%d %H:%M:%S} UTC")


class SignRecordDialog(QDialog):
    """Signs the ended session ``session_id`` of ``database`` as ``user`` (signed in), at ``clock``'s
    time. ``patient`` is how the session's patient is shown. :attr:`signed` lists what was signed."""

    def __init__(self, database: Database, directory: UserDirectory, session_id: str, *, user: User,
                 clock: Clock, patient: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignRecordDialog()
        self.ui.setupUi(self)
        self._database = database
        self._directory = directory
        self._user = user
        self._clock = clock
        self._calls = BackgroundCalls(self)
        self._radios: dict[SignatureMeaning, QRadioButton] = {}
        self.signed: list[SignedEntry] = []
        summary = database.find_session(session_id)
        self._session_id = summary.id
        ui = self.ui
        for label in (ui.meaning_error, ui.addendum_error, ui.password_error, ui.form_message):
            mark_message_label(label)
        ui.training_banner.hide()
        ui.session_value.setText(f"{summary.id}  ({summary.protocol} on {summary.port})")
        ui.patient_value.setText(patient or summary.patient_identifier or "no patient recorded")
        ended = f"{summary.ended_utc.astimezone():%Y-%m-%d %H:%M}" if summary.ended_utc else "still open"
        ui.times_value.setText(f"{summary.started_utc.astimezone():%Y-%m-%d %H:%M} – {ended}")
        label = directory.rules.roles[user.role].label
        ui.signer_value.setText(f"{user.printed_name} ({label.lower()}, {user.id})")
        self.ok_button.setText("&Sign")
        self.ok_button.setAutoDefault(False)
        ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")
        ui.button_box.accepted.connect(self.sign)
        ui.button_box.rejected.connect(self.reject)
        ui.password_edit.textEdited.connect(self._update)
        ui.password_edit.returnPressed.connect(self.sign)
        ui.addendum_edit.textChanged.connect(self._update)
        ui.verification_banner.checked.connect(self._checked)
        self._tick = QTimer(self)
        self._tick.setInterval(CLOCK_INTERVAL_MS)
        self._tick.timeout.connect(self._show_time)
        self._tick.start()
        self._show_time()
        self._show_meanings(())
        self._verify()
        ui.password_edit.setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def report(self) -> VerificationReport | None:
        """The last verification of the record (``None`` while it is being checked)."""
        return self.ui.verification_banner.report

    @property
    def busy(self) -> bool:
        """Whether the record is being checked or signed."""
        return self.ui.verification_banner.checking or self._calls.is_pending("sign")

    def done(self, result: int) -> None:
        """Close only once a signature or check under way has returned: the caller closes the database
        after the dialog, and a call still reading it then would run on a closed connection."""
        finished = self._calls.wait(CLOSE_WAIT_S)
        finished = self.ui.verification_banner.wait(CLOSE_WAIT_S) and finished
        if not finished:
            log.warning("the signing dialog closed with a record check still running")
        super().done(result)

    def meaning(self) -> SignatureMeaning | None:
        """The meaning chosen."""
        return next((meaning for meaning, radio in self._radios.items() if radio.isChecked()), None)

    def choose(self, meaning: SignatureMeaning) -> None:
        """Choose ``meaning`` (it must be offered)."""
        self._radios[meaning].setChecked(True)

    def sign(self) -> None:
        """Sign with what the form says (off the GUI thread), or say beside the field what is missing."""
        ui = self.ui
        if not self.ok_button.isEnabled():
            return
        meaning = self.meaning()
        addendum = ui.addendum_edit.toPlainText().strip()
        password = ui.password_edit.text()
        if meaning is SignatureMeaning.ADDENDUM and not addendum:
            show_field_message(ui.addendum_edit, ui.addendum_error, ADDENDUM_NEEDS_TEXT)
            ui.addendum_edit.setFocus()
            return
        if not password:
            show_field_message(ui.password_edit, ui.password_error, PASSWORD_NEEDED)
            ui.password_edit.setFocus()
            return
        assert meaning is not None
        ui.password_edit.clear()
        ui.form_message.setText("Signing…")

        def call() -> SignedEntry:
            return sign_session(self._database, self._directory, self._session_id, user_id=self._user.id,
                                password=password, meaning=meaning, clock=self._clock,
                                rules=self._directory.rules,
                                addendum=addendum if meaning is SignatureMeaning.ADDENDUM else None)

        self._calls.start("sign", call, self._signed, self._refused)
        self._update()

    def _signed(self, entry: SignedEntry) -> None:
        ui = self.ui
        self.signed.append(entry)
        ui.form_message.clear()
        ui.statement_label.setText(statement_text(entry.statement))
        ui.addendum_edit.clear()
        show_field_message(ui.addendum_edit, ui.addendum_error, None)
        self._verify()

    def _refused(self, error: Exception) -> None:
        ui = self.ui
        ui.form_message.clear()
        if isinstance(error, AccountError):
            show_field_message(ui.password_edit, ui.password_error, str(error))
            ui.password_edit.setFocus()
        elif isinstance(error, SigningError):
            ui.meaning_error.setText(str(error))
        else:
            ui.form_message.setText(f"The record could not be signed: {error}")
        self._update()

    def _verify(self) -> None:
        self.ui.verification_banner.verify(
            lambda: verify_stored(self._database, self._directory, self._session_id))
        self._update()

    def _checked(self, report: VerificationReport) -> None:
        ui = self.ui
        if report.training:
            mark_training(ui.training_banner)
        if not self._radios:
            self._show_meanings(offered_meanings(self._directory, self._user, report.training))
            self._choose_default(report)
        ui.form_message.setText("" if report.verified else NOT_VERIFIED_REFUSAL)
        self._update()

    def _show_meanings(self, meanings: Sequence[SignatureMeaning]) -> None:
        ui = self.ui
        for meaning in meanings:
            radio = QRadioButton(f"{meaning.value.capitalize()} – {MEANING_TEXT[meaning]}", ui.meaning_box)
            radio.setAccessibleName(f"Sign as {meaning.value}")
            radio.toggled.connect(self._meaning_toggled)
            ui.meaning_layout.addWidget(radio)
            radio.show()  # the layout would only show it at the next turn of the event loop
            self._radios[meaning] = radio
        if meanings or self.ui.verification_banner.checking:
            ui.meaning_error.clear()
        else:
            ui.meaning_error.setText(f"a {self._user.role.value} may not sign this record")

    def _meaning_toggled(self, checked: bool) -> None:
        if checked:
            self.ui.meaning_error.clear()
        self._update()

    def _choose_default(self, report: VerificationReport) -> None:
        """Author when nobody has signed as author yet, else review, else the first offered."""
        authored = any(check.meaning == SignatureMeaning.AUTHOR for check in report.signatures)
        for meaning in (SignatureMeaning.TRAINING, SignatureMeaning.AUTHOR if not authored else None,
                        SignatureMeaning.REVIEW, SignatureMeaning.ADDENDUM):
            if meaning in self._radios:
                self.choose(meaning)
                return

    def _show_time(self) -> None:
        self.ui.time_value.setText(moment_text(self._clock.now().utc))

    def _update(self) -> None:
        ui = self.ui
        meaning = self.meaning()
        addendum = meaning is SignatureMeaning.ADDENDUM
        for widget in (ui.addendum_label, ui.addendum_edit, ui.addendum_error):
            widget.setVisible(addendum)
        if ui.addendum_edit.toPlainText().strip():
            show_field_message(ui.addendum_edit, ui.addendum_error, None)
        if ui.password_edit.text():
            show_field_message(ui.password_edit, ui.password_error, None)
        report = self.report
        why = ("the record is being checked" if self.busy else
               "the record is NOT VERIFIED" if report is None or not report.verified else
               "choose a meaning" if meaning is None else "")
        self.ok_button.setEnabled(not why)
        self.ok_button.setToolTip(f"Not now: {why}" if why else "Sign with your password")
