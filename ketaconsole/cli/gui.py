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

Alarms are evaluated by an :class:`~ketaconsole.acquisition.alarm_monitor.AlarmMonitor` started
with the recording (the treatment profile's ``alarm_preset``, else the default preset; a resumed
session keeps its stored one) and stopped before it; the window shows and sounds them.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
import threading
from pathlib import Path

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
from ketaconsole.core.treatment_profiles import ProfileCatalogue, ProfileError, load_catalogue
from ketaconsole.devices.base import available_drivers
from ketaconsole.gui.live_feed import HistoryBatch, LiveFeed
from ketaconsole.simulator.launcher import SimulatorStartError, launch_simulator
from ketaconsole.storage.config import resolve_database_url
from ketaconsole.storage.database import Database
from ketaconsole.storage.errors import StorageError

SIMULATED_PROTOCOLS = ("masimo", "datex-s5")


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
    parser.add_argument("--operator", metavar="NAME",
                        help="who runs the session, recorded with notes and manual values "
                        "(default: the login name)")
    parser.add_argument("--resume", metavar="SESSION",
                        help="continue an interrupted session (id or unique prefix) instead of starting one")
    parser.add_argument("--treatment", metavar="PROFILE",
                        help="treatment profile of a new session, e.g. iv-ketamine or esketamine-intranasal "
                        "(see 'ketaconsole protocols'); without it the nurse chooses in the window")
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
    if args.screenshot is not None and args.quit_after is None:
        args.gui_parser.error("--screenshot needs --quit-after (the picture is taken when the window closes)")
    with contextlib.ExitStack() as cleanup:
        try:
            return _record_with_window(args, cleanup)
        except (SimulatorStartError, StorageError, LookupError, OSError, ProfileError) as error:
            print(f"ketaconsole gui: {error}", file=sys.stderr)
            return 1


def _record_with_window(args: argparse.Namespace, cleanup: contextlib.ExitStack) -> int:
    from ketaconsole.gui.app import create_application, run_window  # imports PySide6
    from ketaconsole.gui.main_window import CloseChoice, MainWindow

    app = create_application()
    database = cleanup.enter_context(Database(resolve_database_url(args.db)))
    clock = SystemClock()
    catalogue = load_catalogue()
    for problem in catalogue.problems:
        print(f"ketaconsole gui: treatment profile refused: {problem}", file=sys.stderr)
    if args.port or args.simulated:
        request, entered_patient = _request_from_arguments(args), None
    else:
        request = _ask_for_session(database, catalogue)
        if request is None:
            return 0
        # The form validated a complete patient record; it is filed (and updates a known patient).
        entered_patient = request.patient if request.resume_session_id is None else None
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
    window = MainWindow(feed, clock, controls=recorder, operator=request.operator,
                        status_message=f"{patient} · operator {request.operator} · {monitor} · "
                        f"session {session_id[:8]}",
                        treatment=treatment, awaiting_history=request.resume_session_id is not None,
                        patient_weight_kg=request.patient.weight_kg, alarms=alarms)
    window.setWindowTitle(f"KetaConsole – {patient} – {monitor}")
    try:
        return run_window(app, window, quit_after_s=args.quit_after, screenshot=args.screenshot)
    finally:
        alarms.stop()
        recorder.stop(end_session=window.close_choice is not CloseChoice.RESUME_LATER)


def _request_from_arguments(args: argparse.Namespace) -> SessionRequest:
    """The session the command line asks for; only the patient's identifier is known, so the
    recorder files the session under it without touching the patient's record."""
    patient = PatientDetails(args.patient or "", "", None, None, "", "")
    return SessionRequest(
        patient=patient,
        operator=args.operator or getpass.getuser(),
        port=None if args.simulated else args.port,
        protocol=args.simulated or args.protocol,
        simulated=args.simulated is not None,
        resume_session_id=args.resume,
        treatment_profile_id=args.treatment,
    )


def _ask_for_session(database: Database, catalogue: ProfileCatalogue) -> SessionRequest | None:
    """The start-session dialog; ``None`` when the person cancels."""
    from ketaconsole.gui.start_session_dialog import StartSessionDialog

    dialog = StartSessionDialog(
        load_patients=database.list_patients,
        interrupted=database.interrupted_sessions(database.clock.now()),
        protocols=sorted(available_drivers()),
        operator=getpass.getuser(),
        treatments=[(loaded.profile.id, loaded.profile.name) for loaded in catalogue.profiles.values()],
    )
    return dialog.request() if dialog.exec() else None


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
