"""``ketaconsole record``: record a monitor headlessly into a session until stopped."""

from __future__ import annotations

import argparse
import sys
import threading

from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.acquisition.resume import interrupted_session_offers
from ketaconsole.cli.common import positive_float, stop_on_signals
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
    if args.resume is None:
        for offer in interrupted_session_offers(database, clock.now(), command="record"):
            print(f"ketaconsole record: {offer}", file=sys.stderr)
    try:
        recorder = Recorder(database, port=args.port, protocol=args.protocol, clock=clock,
                            patient_identifier=args.patient, resume_session_id=args.resume)
    except UnknownProtocolError as error:
        print(f"ketaconsole record: {error}", file=sys.stderr)
        return 2
    recorder.add_link_state_listener(_print_link_status)
    stop = threading.Event()
    with stop_on_signals(stop):
        try:
            session_id = recorder.start()
        except StorageError as error:  # unknown, ambiguous or still-running session to resume
            print(f"ketaconsole record: {error}", file=sys.stderr)
            return 2
        print(f"SESSION {session_id}", flush=True)
        try:
            stop.wait(args.duration)
        finally:
            recorder.stop()
    print(f"ketaconsole record: session {session_id} saved", file=sys.stderr)
    return 0


def _print_link_status(status: LinkStatus) -> None:
    print(f"ketaconsole record: link {status.state.value}: {status.detail}", file=sys.stderr, flush=True)
