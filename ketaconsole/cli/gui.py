"""``ketaconsole gui``: the bedside console window (the default command).

This module is the one place where the window meets the recorder. Without ``--port`` or
``--simulated`` it asks for the session in the start-session dialog (patient, operator, monitor, or
an interrupted session to resume). It then starts the recording, connects the recorder's outputs,
link states and events to a ``LiveFeed`` the window drains, and after the window closes stops the
recorder: the session ends, or stays open to be resumed when the nurse chose "resume later".

PySide6 is imported only when the window opens, so ``ketaconsole --help`` and the headless
subcommands never load Qt. The database is opened and the session started before the window's
event loop, and stopped after it, so the running window never waits on I/O; the history of a
resumed session, and its treatment rebuilt from the stored dose events, are loaded by a background
thread. A new session's treatment profile (``--treatment`` or the dialog's choice) is recorded as
soon as the session starts; without one the nurse chooses it in the window.

**Who runs the session.** After the database opens and before the session starts, a person signs in
(:mod:`ketaconsole.gui.sign_in_dialog`; ``--operator ID`` fills in the id) and their user id is the
operator. A first start on an empty user directory creates the first administrator instead, then
asks a nurse, clinician or trainer to sign in: an administrator does not run sessions, and a role
runs only the session kinds ``roles.toml`` gives it (a trainer: training). One escape keeps the
quick start and scripted checks working without typing: ``--simulated`` on a database with **no
users at all** runs a training session without sign-in, as operator ``trainee``, and the window says
"TRAINING – not signed in"; it never locks (there is nobody to unlock it). Once a user exists, every
session needs a sign-in. A signed-in window locks after the site's ``lock_after_min``.

A resumed session's stored record is verified before its recording resumes (while the record
cannot change under the check) and the window shows the result. After the window closes with
"End session", the signed-in person is offered the signing dialog for the ended record;
``--sign SESSION`` opens that dialog alone, for a clinician's review or a later signature.

Alarms are evaluated by an :class:`~ketaconsole.acquisition.alarm_monitor.AlarmMonitor` started
with the recording (the treatment profile's ``alarm_preset``, else the default preset; a resumed
session keeps its stored one) and stopped before it; the window shows and sounds them.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ketaconsole.accounts.roles import RoleRules, SessionKind
from ketaconsole.accounts.users import User, UserDirectory
from ketaconsole.acquisition.recorder import RecordedEvent, Recorder
from ketaconsole.acquisition.resume import interrupted_session_offers
from ketaconsole.acquisition.session_request import SessionRequest
from ketaconsole.acquisition.treatment import rebuild_treatment
from ketaconsole.cli.common import choose_alarm_preset, positive_float, start_alarm_monitor
from ketaconsole.core.clock import SystemClock
from ketaconsole.core.data_files import DataFileError
from ketaconsole.core.dose_session import DoseSession
from ketaconsole.core.dose_timer import TimerError
from ketaconsole.core.patient import PatientDetails
from ketaconsole.core.treatment_profiles import ProfileCatalogue, load_catalogue
from ketaconsole.devices.base import available_drivers
from ketaconsole.gui.live_feed import HistoryBatch, LiveFeed
from ketaconsole.records.signed_record import verify_stored
from ketaconsole.simulator.launcher import SimulatorStartError, launch_simulator
from ketaconsole.storage.config import resolve_database_url
from ketaconsole.storage.database import TRAINING_SESSION_KIND, Database
from ketaconsole.storage.errors import StorageError

if TYPE_CHECKING:
    from ketaconsole.gui.main_window import ConsoleAccess

SIMULATED_PROTOCOLS = ("masimo", "datex-s5")
UNSIGNED_TRAINEE = "trainee"
"""The operator of a training session run without sign-in (only while no user exists)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gui",
        help="open the console window (the default command)",
        description="Open the bedside console. Without --port or --simulated it asks for the patient, "
        "the operator and the monitor; with them it starts recording at once.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--simulated", choices=SIMULATED_PROTOCOLS, metavar="PROTOCOL",
                        help="start a simulated monitor speaking PROTOCOL (masimo or datex-s5) on a "
                        "pseudo-terminal and connect to it; its values are NOT from a patient")
    source.add_argument("--port", metavar="PATH",
                        help="serial device or pyserial URL of the monitor, e.g. /dev/ttyUSB0 "
                        "(needs --protocol)")
    parser.add_argument("--protocol", metavar="NAME",
                        help="protocol of the monitor on --port, e.g. masimo or datex-s5")
    parser.add_argument("--scenario", metavar="NAME|FILE",
                        help="with --simulated: the simulated patient follows this scripted scenario, a "
                        "shipped one by name or a .toml file (see 'ketaconsole scenarios')")
    parser.add_argument("--patient", metavar="ID", help="patient identifier (MRN) to file the session under")
    parser.add_argument("--operator", metavar="ID",
                        help="the user id filled in at sign-in (the signed-in user runs the session and "
                        "is recorded with every action)")
    parser.add_argument("--resume", metavar="SESSION",
                        help="continue an interrupted session (id or unique prefix) instead of starting one")
    parser.add_argument("--treatment", metavar="PROFILE",
                        help="treatment profile of a new session, e.g. iv-ketamine or esketamine-intranasal "
                        "(see 'ketaconsole protocols'); without it the nurse chooses in the window")
    parser.add_argument("--sign", metavar="SESSION",
                        help="sign in and open the signing dialog for an ended session (id or unique "
                        "prefix): verify it, review it, co-sign it or add an addendum")
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="save a picture of the window to PNG just before --quit-after ends it")
    parser.add_argument("--quit-after", type=positive_float, metavar="SECONDS",
                        help="end the session and close the window after SECONDS (for checks and "
                        "screenshots)")
    parser.set_defaults(func=run, gui_parser=parser)


def run(args: argparse.Namespace) -> int:
    if args.port is not None and args.protocol is None:
        args.gui_parser.error("--port needs --protocol")
    if args.simulated is not None and args.protocol is not None:
        args.gui_parser.error("--protocol goes with --port; --simulated names its own protocol")
    if args.scenario is not None and args.simulated is None:
        args.gui_parser.error("--scenario needs --simulated (a real monitor follows no script)")
    if args.resume is not None and args.treatment is not None:
        args.gui_parser.error("--treatment is for a new session; a resumed session keeps its own")
    if args.sign is not None and (args.port or args.simulated or args.resume or args.treatment):
        args.gui_parser.error("--sign opens an ended session for signing; it starts no recording")
    if args.screenshot is not None and args.quit_after is None:
        args.gui_parser.error("--screenshot needs --quit-after (the picture is taken when the window closes)")
    with contextlib.ExitStack() as cleanup:
        try:
            return _record_with_window(args, cleanup)
        except (SimulatorStartError, StorageError, LookupError, OSError, DataFileError) as error:
            print(f"ketaconsole gui: {error}", file=sys.stderr)
            return 1


def _record_with_window(args: argparse.Namespace, cleanup: contextlib.ExitStack) -> int:
    from ketaconsole.gui.app import create_application, run_window  # imports PySide6
    from ketaconsole.gui.main_window import CloseChoice, MainWindow
    from ketaconsole.gui.sign_in_dialog import failed_sign_ins_text
    from ketaconsole.gui.verification_banner import TRAINING_TEXT, UNSIGNED_TRAINING_TEXT

    app = create_application()
    database = cleanup.enter_context(Database(resolve_database_url(args.db)))
    clock = SystemClock()
    directory = UserDirectory(database)
    if args.sign is not None:
        return _sign_ended_session(database, directory, args.sign, args.operator or "", clock)
    catalogue = load_catalogue()
    for problem in catalogue.problems:
        print(f"ketaconsole gui: treatment profile refused: {problem}", file=sys.stderr)
    unsigned_training = args.simulated is not None and directory.is_empty()
    user: User | None = None
    if not unsigned_training:
        kind = (SessionKind.TRAINING if args.simulated else SessionKind.CLINICAL if args.port
                else _resumed_kind(database, args.resume))
        user = _sign_in(directory, args.operator or "", kind)
        if user is None:
            return 0
    operator = user.id if user is not None else UNSIGNED_TRAINEE
    if args.port or args.simulated:
        request, entered_patient = _request_from_arguments(args, operator), None
    else:
        assert user is not None
        request = _ask_for_session(database, catalogue, user, directory.rules)
        if request is None:
            return 0
        # The form validated a complete patient record; it is filed (and updates a known patient).
        entered_patient = request.patient if request.resume_session_id is None else None
    verification = None
    if request.resume_session_id is not None:
        print("ketaconsole gui: checking the stored record before resuming it", file=sys.stderr)
        verification = verify_stored(database, directory, request.resume_session_id)
    if request.resume_session_id is None:
        for offer in interrupted_session_offers(database, clock.now()):
            print(f"ketaconsole gui: {offer}", file=sys.stderr)
    port = request.port
    if request.simulated:
        port = cleanup.enter_context(launch_simulator(request.protocol, scenario=args.scenario)).port
    assert port is not None
    recorder = Recorder(database, port=port, protocol=request.protocol, clock=clock,
                        patient=entered_patient,
                        patient_identifier=args.patient if entered_patient is None else None,
                        resume_session_id=request.resume_session_id, training=request.simulated)
    feed = LiveFeed()
    feed.attach(recorder)
    treatment_profile = (catalogue.get(request.treatment_profile_id)
                         if request.treatment_profile_id is not None else None)
    preset = choose_alarm_preset(treatment_profile.profile.alarm_preset if treatment_profile else None,
                                 command="gui")
    session_id = recorder.start()
    print(f"SESSION {session_id}", flush=True)
    alarms = start_alarm_monitor(database, recorder, session_id, preset, user=request.operator,
                                 resumed=request.resume_session_id is not None)
    treatment = None
    if treatment_profile is not None:
        treatment = DoseSession.select(treatment_profile, clock=clock, sink=recorder.record_event,
                                       user=request.operator,
                                       blood_pressure_steps=alarms.preset.blood_pressure_step)
    if request.resume_session_id is not None:
        _load_history_in_background(database, session_id, feed, recorder)
    monitor = f"{request.protocol} on {port}" + (
        " – SIMULATED MONITOR, training values" if request.simulated else "")
    patient = request.patient.name or request.patient.identifier or "no patient recorded"
    operator_text = f"{user.printed_name} ({user.id})" if user is not None else "trainee, not signed in"
    notice = failed_sign_ins_text(user) if user is not None else None
    training = request.simulated or (verification is not None and verification.training)
    window = MainWindow(feed, clock, controls=recorder, operator=request.operator,
                        status_message=f"{patient} · operator {operator_text} · {monitor} · "
                        f"session {session_id[:8]}" + (f" · {notice}" if notice else ""),
                        treatment=treatment, awaiting_history=request.resume_session_id is not None,
                        patient_weight_kg=request.patient.weight_kg, alarms=alarms,
                        access=_access(directory, user, training),
                        training_text=(UNSIGNED_TRAINING_TEXT if user is None else TRAINING_TEXT)
                        if training else "",
                        verification=verification)
    window.setWindowTitle(f"KetaConsole – {patient} – {monitor}")
    try:
        status = run_window(app, window, quit_after_s=args.quit_after, screenshot=args.screenshot)
    finally:
        alarms.stop()
        ended = window.close_choice is not CloseChoice.RESUME_LATER
        recorder.stop(end_session=ended)
    signer = window.signed_in_user
    if ended and signer is not None and args.quit_after is None:
        _offer_signing(database, directory, session_id, signer, clock, patient)
    return status


def _sign_in(directory: UserDirectory, user_id: str, kind: SessionKind | None) -> User | None:
    """The person who runs the session (``None``: they cancelled). On an empty directory the first
    administrator is created first; an administrator, or a role that does not run sessions of
    ``kind`` (``None``: not known yet), is told so and asked to let someone else sign in."""
    from ketaconsole.gui.sign_in_dialog import SignInDialog

    intro = ""
    if directory.is_empty():
        first = SignInDialog(directory, first_administrator=True)
        if not first.exec() or first.user is None:
            return None
        intro = (f"{first.user.printed_name} is the administrator. Administrators do not run sessions: "
                 f"add the nurses, clinicians and trainers (ketaconsole users add … --by {first.user.id}), "
                 "then one of them signs in here.")
    rules = directory.rules
    dialog = SignInDialog(directory, user_id=user_id, intro=intro,
                          check=lambda user: rules.run_refusal(user.role, kind))
    return dialog.user if dialog.exec() else None


def _access(directory: UserDirectory, user: User | None, training: bool) -> ConsoleAccess | None:
    """How the window locks and who may take it over (``None`` without a signed-in user)."""
    from ketaconsole.gui.main_window import ConsoleAccess

    if user is None:
        return None
    kind = SessionKind.TRAINING if training else SessionKind.CLINICAL
    rules = directory.rules
    return ConsoleAccess(directory, user, rules.lock_after_s,
                         lambda other: rules.run_refusal(other.role, kind))


def _resumed_kind(database: Database, session: str | None) -> SessionKind | None:
    """The kind of the session ``--resume`` names (``None`` without one)."""
    if session is None:
        return None
    found = database.find_session(session)
    training = database.has_event(found.id, TRAINING_SESSION_KIND)
    return SessionKind.TRAINING if training else SessionKind.CLINICAL


def _offer_signing(database: Database, directory: UserDirectory, session_id: str, user: User,
                   clock: SystemClock, patient: str) -> None:
    """The signing dialog for an ended session (closing it signs nothing)."""
    from ketaconsole.gui.sign_record_dialog import SignRecordDialog

    SignRecordDialog(database, directory, session_id, user=user, clock=clock, patient=patient).exec()


def _sign_ended_session(database: Database, directory: UserDirectory, session: str, user_id: str,
                        clock: SystemClock) -> int:
    """``--sign``: a person signs in and the signing dialog opens for ``session``."""
    from ketaconsole.gui.sign_in_dialog import SignInDialog

    summary = database.find_session(session)
    if directory.is_empty():
        print("ketaconsole gui: there are no users yet: nobody can sign", file=sys.stderr)
        return 1
    rules = directory.rules
    dialog = SignInDialog(directory, user_id=user_id, intro=f"Sign in to sign session {summary.id[:8]}.",
                          check=lambda user: None if rules.roles[user.role].may_sign else
                          f"{rules.roles[user.role].label}s sign no session records")
    if not dialog.exec() or dialog.user is None:
        return 0
    filed = database.session_patient(summary.id)
    patient = (filed.name or filed.identifier) if filed is not None else ""
    _offer_signing(database, directory, summary.id, dialog.user, clock, patient)
    return 0


def _request_from_arguments(args: argparse.Namespace, operator: str) -> SessionRequest:
    """The session the command line asks for, run by ``operator``; only the patient's identifier
    is known, so the recorder files the session under it without touching the patient's record."""
    patient = PatientDetails(args.patient or "", "", None, None, "", "")
    return SessionRequest(
        patient=patient,
        operator=operator,
        port=None if args.simulated else args.port,
        protocol=args.simulated or args.protocol,
        simulated=args.simulated is not None,
        resume_session_id=args.resume,
        treatment_profile_id=args.treatment,
    )


def _ask_for_session(database: Database, catalogue: ProfileCatalogue, user: User,
                     rules: RoleRules) -> SessionRequest | None:
    """The start-session dialog for the signed-in ``user``, who is the operator (the field is
    filled in and read-only); ``None`` when the person cancels, or when the chosen session is of a
    kind ``user``'s role does not run (they are told so)."""
    from ketaconsole.gui.sign_in_dialog import explain_refusal
    from ketaconsole.gui.start_session_dialog import StartSessionDialog

    dialog = StartSessionDialog(
        load_patients=database.list_patients,
        interrupted=database.interrupted_sessions(database.clock.now()),
        protocols=sorted(available_drivers()),
        operator=user.id,
        treatments=[(loaded.profile.id, loaded.profile.name) for loaded in catalogue.profiles.values()],
    )
    dialog.ui.operator_edit.setReadOnly(True)
    while dialog.exec():
        request = dataclasses.replace(dialog.request(), operator=user.id)
        kind = (_resumed_kind(database, request.resume_session_id) if request.resume_session_id
                else SessionKind.TRAINING if request.simulated else SessionKind.CLINICAL)
        refusal = rules.run_refusal(user.role, kind)
        if refusal is None:
            return request
        explain_refusal(dialog, refusal)
    return None


def _load_history_in_background(database: Database, session_id: str, feed: LiveFeed,
                                 recorder: Recorder) -> None:
    """Read what the session recorded before this run, rebuild its treatment, and hand both to the
    window, off the GUI thread."""
    started = database.clock.now()

    def load() -> None:
        observations = [o for o in database.observations(session_id) if o.received.utc < started.utc]
        events = [RecordedEvent(e.kind, e.stamp, e.detail, e.user) for e in database.events(session_id)
                  if e.stamp.utc < started.utc]
        treatment, error = None, None
        try:
            treatment = rebuild_treatment(database, session_id, clock=recorder.clock,
                                          sink=recorder.record_event, observations=observations)
        except (TimerError, DataFileError) as failure:
            error = f"The stored dose record cannot be replayed: {failure}"
        feed.put_history(HistoryBatch(observations, events, treatment, error))

    threading.Thread(target=load, name=f"history {session_id[:8]}", daemon=True).start()
