"""``ketaconsole record``: record a monitor headlessly into a session until stopped.

Alarms are evaluated as in the window (an :class:`~ketaconsole.acquisition.alarm_monitor.AlarmMonitor`
under the default alarm preset, or a resumed session's stored one) and logged in the session; there
is no sound. Each alarm start, end and change of priority is also printed to standard error as one
line, in exactly these formats (tests and scripts wait for them)::

    ketaconsole record: ALARM <priority> started: <label> <message>
    ketaconsole record: ALARM <priority> (was <previous priority>): <label>
    ketaconsole record: ALARM ended: <label>

e.g. ``ketaconsole record: ALARM high started: SpO2 low 86 % (below 88 %)``. ``<priority>`` is
``high``, ``medium`` or ``low``.
"""

from __future__ import annotations

import argparse
import sys
import threading

from ketaconsole.acquisition.recorder import RecordedEvent, Recorder
from ketaconsole.acquisition.resume import interrupted_session_offers
from ketaconsole.cli.common import choose_alarm_preset, positive_float, start_alarm_monitor, stop_on_signals
from ketaconsole.core.alarms import ALARM_ENDED, ALARM_PRIORITY_CHANGED, ALARM_STARTED
from ketaconsole.core.clock import SystemClock
from ketaconsole.devices.base import UnknownProtocolError, available_drivers
from ketaconsole.devices.link import LinkStatus
from ketaconsole.storage.config import resolve_database_url
from ketaconsole.storage.database import Database
from ketaconsole.storage.errors import StorageError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "record",
        help="record a monitor into a new session without the window",
        description="Record a patient monitor into a new session (or resume an interrupted one) until "
        "the duration ends or SIGINT/SIGTERM arrives. Prints 'SESSION <id>' as the first line on "
        "standard output; connection changes go to standard error.",
    )
    parser.add_argument("--port", required=True,
                        help="serial device or pyserial URL, e.g. /dev/ttyUSB0 or a simulator's PORT path")
    parser.add_argument("--protocol", required=True,
                        help=f"monitor protocol: {', '.join(sorted(available_drivers()))}")
    parser.add_argument("--duration", type=positive_float, metavar="S",
                        help="stop after S seconds (default: run until interrupted)")
    parser.add_argument("--patient", metavar="ID", help="patient identifier (MRN) to file the session under")
    parser.add_argument("--resume", metavar="SESSION",
                        help="continue an interrupted session (id or unique prefix) instead of starting one")
    parser.add_argument("--training", action="store_true",
                        help="mark the new session as training (e.g. recording 'ketaconsole sim'); its "
                        "record then says so and can never pass for a clinical one")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        database = Database(resolve_database_url(args.db))
    except StorageError as error:
        print(f"ketaconsole record: cannot open the database: {error}", file=sys.stderr)
        return 2
    try:
        return _record(args, database)
    finally:
        database.close()


def _record(args: argparse.Namespace, database: Database) -> int:
    clock = SystemClock()
    try:
        preset = choose_alarm_preset(None, command="record")
    except LookupError as error:
        print(f"ketaconsole record: {error}", file=sys.stderr)
        return 2
    if args.resume is None:
        for offer in interrupted_session_offers(database, clock.now(), command="record"):
            print(f"ketaconsole record: {offer}", file=sys.stderr)
    try:
        recorder = Recorder(database, port=args.port, protocol=args.protocol, clock=clock,
                            patient_identifier=args.patient, resume_session_id=args.resume,
                            training=args.training)
    except UnknownProtocolError as error:
        print(f"ketaconsole record: {error}", file=sys.stderr)
        return 2
    recorder.add_link_state_listener(_print_link_status)
    recorder.add_event_listener(_print_alarm)
    stop = threading.Event()
    with stop_on_signals(stop):
        try:
            session_id = recorder.start()
        except StorageError as error:  # unknown, ambiguous or still-running session to resume
            print(f"ketaconsole record: {error}", file=sys.stderr)
            return 2
        print(f"SESSION {session_id}", flush=True)
        alarms = start_alarm_monitor(database, recorder, session_id, preset, user=None,
                                     resumed=args.resume is not None)
        try:
            stop.wait(args.duration)
        finally:
            alarms.stop()
            recorder.stop()
    print(f"ketaconsole record: session {session_id} saved", file=sys.stderr)
    return 0


def _print_link_status(status: LinkStatus) -> None:
    print(f"ketaconsole record: link {status.state.value}: {status.detail}", file=sys.stderr, flush=True)


def alarm_line(event: RecordedEvent) -> str | None:
    """The standard-error line for an alarm start, end or priority change (see the module), else ``None``."""
    detail = event.detail
    label = detail.get("label", detail.get("key", "?"))
    if event.kind == ALARM_STARTED:
        return f"ALARM {detail.get('priority')} started: {label} {detail.get('message', '')}".rstrip()
    if event.kind == ALARM_PRIORITY_CHANGED:
        return f"ALARM {detail.get('to')} (was {detail.get('from')}): {label}"
    if event.kind == ALARM_ENDED:
        return f"ALARM ended: {label}"
    return None


def _print_alarm(event: RecordedEvent) -> None:
    line = alarm_line(event)
    if line is not None:
        print(f"ketaconsole record: {line}", file=sys.stderr, flush=True)
