"""Signing session records and verifying them, with real keys, a real database and the real recorder:
who may sign what, the order of signatures, addenda, training sessions, and every tamper the issue
names (a value changed in the database, one byte of an export, an entry deleted, two entries
swapped, a signature moved to another record, a public key replaced)."""

from __future__ import annotations

import base64
import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from ketaconsole.accounts.errors import AccountError
from ketaconsole.accounts.roles import SignatureMeaning
from ketaconsole.accounts.users import UserDirectory
from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.core.clock import ManualClock
from ketaconsole.core.observations import Observation
from ketaconsole.records.signatures import SIGNATURE_KIND, SigningError, sign_session
from ketaconsole.records.signed_record import (
    export_bytes,
    export_document,
    verify_document,
    verify_export_bytes,
    verify_stored,
)
from ketaconsole.storage.database import Database

AUTHOR, REVIEW, ADDENDUM = SignatureMeaning.AUTHOR, SignatureMeaning.REVIEW, SignatureMeaning.ADDENDUM
PASSWORDS = {"admin": "keys to the kingdom 1", "nurse.anna": "anna's long secret",
             "dr.okafor": "okafor secret 99", "trainer.tom": "trainer password 7"}


@pytest.fixture(autouse=True)
def empty_site_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETACONSOLE_CONFIG_DIR", str(tmp_path / "site"))


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def directory(database: Database) -> UserDirectory:
    users = UserDirectory(database)
    admin = users.add("admin", "Ada Admin", "administrator", PASSWORDS["admin"], by=None)
    signed_in = users.authenticate(admin.id, PASSWORDS["admin"])
    users.add("nurse.anna", "Anna Berg", "nurse", PASSWORDS["nurse.anna"], by=signed_in)
    users.add("dr.okafor", "Chidi Okafor", "clinician", PASSWORDS["dr.okafor"], by=signed_in)
    users.add("trainer.tom", "Tom Reed", "trainer", PASSWORDS["trainer.tom"], by=signed_in)
    return users


def recorded_session(database: Database, clock: ManualClock, tmp_path: Path, *, training: bool = False,
                     end: bool = True) -> str:
    """A short session: manual vitals and a note, then ended (or left open)."""
    recorder = Recorder(database, port=str(tmp_path / "no-monitor"), protocol="masimo", clock=clock,
                        patient_identifier="MRN-7", training=training)
    session_id = recorder.start()
    clock.advance(60)
    recorder.add_manual_observations([Observation("NIBP_SYS", 128, clock.now(), "nurse", manual=True),
                                      Observation("NIBP_DIA", 82, clock.now(), "nurse", manual=True)])
    recorder.add_note("Patient settled, eyes closed", category="observation", user="nurse.anna")
    clock.advance(60)
    recorder.stop(end_session=end)
    return session_id


def sign(database: Database, directory: UserDirectory, clock: ManualClock, session_id: str, user: str,
         meaning: SignatureMeaning, addendum: str | None = None):
    clock.advance(30)
    return sign_session(database, directory, session_id, user_id=user, password=PASSWORDS[user],
                        meaning=meaning, clock=clock, addendum=addendum)


def test_the_nurse_signs_and_the_record_verifies_stored_and_exported(
        database: Database, directory: UserDirectory, clock: ManualClock, tmp_path: Path) -> None:
    session_id = recorded_session(database, clock, tmp_path)
    signed = sign(database, directory, clock, session_id, "nurse.anna", AUTHOR)
    statement = signed.statement
    assert (statement["printed_name"], statement["meaning"], statement["role"]) == (
        "Anna Berg", "author", "nurse")
    assert statement["signed_utc"] == "2026-03-02T09:02:30.000000Z" and statement["utc_offset"][0] in "+-"
    assert statement["training"] is False

    report = verify_stored(database, directory, session_id)
    assert report.verified, report
    (check,) = report.signatures
    assert check.valid and check.printed_name == "Anna Berg" and check.meaning == "author"
    exported = export_bytes(export_document(database, directory, session_id))
    assert verify_export_bytes(exported).verified


def test_a_wrong_password_cannot_sign_and_records_nothing(
        database: Database, directory: UserDirectory, clock: ManualClock, tmp_path: Path) -> None:
    session_id = recorded_session(database, clock, tmp_path)
    before = len(database.events(session_id))
    with pytest.raises(AccountError):
        sign_session(database, directory, session_id, user_id="nurse.anna", password="not her password",
                     meaning=AUTHOR, clock=clock)
    assert len(database.events(session_id)) == before


def test_a_nurse_cannot_sign_as_reviewer_and_review_needs_the_author_first(
        database: Database, directory: UserDirectory, clock: ManualClock, tmp_path: Path) -> None:
    session_id = recorded_session(database, clock, tmp_path)
    with pytest.raises(SigningError, match="author"):
        sign(database, directory, clock, session_id, "dr.okafor", REVIEW)
    sign(database, directory, clock, session_id, "nurse.anna", AUTHOR)
    with pytest.raises(SigningError, match="nurse"):
        sign(database, directory, clock, session_id, "nurse.anna", REVIEW)
    with pytest.raises(SigningError, match="already signed by Anna Berg"):
        sign(database, directory, clock, session_id, "dr.okafor", AUTHOR)
    sign(database, directory, clock, session_id, "dr.okafor", REVIEW)
    report = verify_stored(database, directory, session_id)
    assert report.verified and [c.meaning for c in report.signatures] == ["author", "review"]


def test_an_open_session_cannot_be_signed(
        database: Database, directory: UserDirectory, clock: ManualClock, tmp_path: Path) -> None:
    session_id = recorded_session(database, clock, tmp_path, end=False)
    with pytest.raises(SigningError, match="still open"):
        sign(database, directory, clock, session_id, "nurse.anna", AUTHOR)


def test_an_addendum_after_signing_verifies_and_keeps_the_original_intact(
        database: Database, directory: UserDirectory, clock: ManualClock, tmp_path: Path) -> None:
    session_id = recorded_session(database, clock, tmp_path)
    author = sign(database, directory, clock, session_id, "nurse.anna", AUTHOR).statement
    original = [(e.kind, e.detail) for e in database.events(session_id, recorded_order=True)]
    addendum = sign(database, directory, clock, session_id, "nurse.anna", ADDENDUM,
                    addendum="Note at 09:01 was about the second patient's chair; this patient was awake.")
    after = [(e.kind, e.detail) for e in database.events(session_id, recorded_order=True)]
    assert after[:len(original)] == original, "nothing before the addendum changed"
    assert [kind for kind, _ in after[len(original):]] == ["addendum", SIGNATURE_KIND]
    assert addendum.statement["head_seq"] > author["head_seq"]
    report = verify_stored(database, directory, session_id)
    assert report.verified and [c.meaning for c in report.signatures] == ["author", "addendum"]
    with pytest.raises(SigningError, match="needs its text"):
        sign(database, directory, clock, session_id, "nurse.anna", ADDENDUM, addendum="  ")


def test_a_training_session_says_so_and_cannot_take_a_clinical_meaning(
        database: Database, directory: UserDirectory, clock: ManualClock, tmp_path: Path) -> None:
    session_id = recorded_session(database, clock, tmp_path, training=True)
    for meaning in (AUTHOR, REVIEW):
        with pytest.raises(SigningError, match="training"):
            sign(database, directory, clock, session_id, "nurse.anna", meaning)
    signed = sign(database, directory, clock, session_id, "trainer.tom", SignatureMeaning.TRAINING)
    assert signed.statement["training"] is True
    assert signed.statement["meaning_text"].startswith("TRAINING SESSION, not a clinical record")
    report = verify_stored(database, directory, session_id)
    assert report.verified and report.training
    clinical = recorded_session(database, clock, tmp_path)
    with pytest.raises(SigningError, match="training sessions only"):
        sign(database, directory, clock, clinical, "nurse.anna", SignatureMeaning.TRAINING)


def test_a_deactivated_signer_cannot_sign_but_their_signature_still_verifies(
        database: Database, directory: UserDirectory, clock: ManualClock, tmp_path: Path) -> None:
    session_id = recorded_session(database, clock, tmp_path)
    sign(database, directory, clock, session_id, "nurse.anna", AUTHOR)
    admin = directory.authenticate("admin", PASSWORDS["admin"])
    directory.deactivate("nurse.anna", by=admin, reason="left the clinic")
    with pytest.raises(AccountError):
        sign(database, directory, clock, session_id, "nurse.anna", ADDENDUM, addendum="late note")
    assert verify_stored(database, directory, session_id).verified


class TestTampering:
    @pytest.fixture
    def signed_session(self, database: Database, directory: UserDirectory, clock: ManualClock,
                       tmp_path: Path) -> str:
        session_id = recorded_session(database, clock, tmp_path)
        sign(database, directory, clock, session_id, "nurse.anna", AUTHOR)
        assert verify_stored(database, directory, session_id).verified
        return session_id

    def test_one_value_changed_in_the_database(self, database: Database, directory: UserDirectory,
                                               signed_session: str) -> None:
        with database.engine.begin() as connection:
            changed = connection.execute(text(
                "UPDATE observations SET value = 118 WHERE session_id = :id AND parameter = 'NIBP_SYS'"),
                {"id": signed_session})
        assert changed.rowcount == 1
        report = verify_stored(database, directory, signed_session)
        assert not report.verified
        assert any("observations" in problem for problem in report.problems), report.problems
        assert not report.signatures[0].valid

    def test_one_byte_changed_in_an_exported_record(self, database: Database, directory: UserDirectory,
                                                    signed_session: str) -> None:
        exported = export_bytes(export_document(database, directory, signed_session))
        position = exported.index(b"eyes closed")
        tampered = exported[:position] + b"E" + exported[position + 1:]
        assert len(tampered) == len(exported) and tampered != exported
        report = verify_export_bytes(tampered)
        assert not report.verified and report.problems

    def test_a_byte_that_breaks_the_json_is_reported_not_raised(self, database: Database,
                                                                directory: UserDirectory,
                                                                signed_session: str) -> None:
        exported = export_bytes(export_document(database, directory, signed_session))
        report = verify_export_bytes(exported.replace(b"{", b"[", 1))
        assert not report.verified and "not a readable signed record" in report.problems[0]

    def test_an_audit_entry_deleted(self, database: Database, directory: UserDirectory,
                                    signed_session: str) -> None:
        document = export_document(database, directory, signed_session)
        events = document["record"]["events"]
        note = next(index for index, event in enumerate(events) if event["kind"] == "note")
        del events[note]
        report = verify_document(document)
        assert not report.verified and any("missing" in problem for problem in report.problems)

    def test_an_audit_entry_deleted_in_the_database(self, database: Database, directory: UserDirectory,
                                                    signed_session: str) -> None:
        with database.engine.begin() as connection:
            connection.execute(text("DELETE FROM session_events WHERE session_id = :id AND kind = 'note'"),
                               {"id": signed_session})
        assert not verify_stored(database, directory, signed_session).verified

    def test_two_entries_swapped(self, database: Database, directory: UserDirectory,
                                 signed_session: str) -> None:
        document = export_document(database, directory, signed_session)
        events = document["record"]["events"]
        events[1], events[2] = events[2], events[1]
        report = verify_document(document)
        assert not report.verified and report.problems

    def test_a_signature_moved_to_another_record(self, database: Database, directory: UserDirectory,
                                                 clock: ManualClock, tmp_path: Path,
                                                 signed_session: str) -> None:
        other = recorded_session(database, clock, tmp_path)
        signature = next(e for e in database.events(signed_session) if e.kind == SIGNATURE_KIND)
        database.append_event(other, SIGNATURE_KIND, clock.now(), dict(signature.detail), "nurse.anna")
        report = verify_stored(database, directory, other)
        assert not report.problems, "the chain itself is intact: the move is only visible in the signature"
        (check,) = report.signatures
        assert not check.valid and any("another session" in problem for problem in check.problems)

    def test_a_public_key_replaced(self, database: Database, directory: UserDirectory,
                                   signed_session: str) -> None:
        document = export_document(database, directory, signed_session)
        (fingerprint,) = document["signers"]
        someone_else = directory.get("dr.okafor").fingerprint
        stored = directory.public_key(someone_else)
        assert stored is not None
        forged = copy.deepcopy(document)
        forged["signers"][fingerprint]["public_key"] = base64.b64encode(stored.public_key).decode("ascii")
        report = verify_document(forged)
        assert not report.verified and not report.signatures[0].valid
        round_trip = json.loads(export_bytes(document))
        assert verify_document(round_trip).verified
