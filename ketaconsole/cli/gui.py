"""``ketaconsole gui``: the console window on a monitor, or on a simulated monitor started for it.

This module is the one place where the window meets the recorder: it opens the database, starts the
recording, passes the recorder's outputs and link states to a ``LiveFeed`` and hands that to the
window. PySide6 is imported only when the window opens, so ``ketaconsole --help`` and the headless
subcommands never load Qt. The database is opened and the session started before the event loop,
and the session is ended after it, so the running window never waits on I/O.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from ketaconsole.acquisition.recorder import Recorder
from ketaconsole.acquisition.resume import interrupted_session_offers
from ketaconsole.cli.common import positive_float
from ketaconsole.core.clock import SystemClock
from ketaconsole.devices.link import LinkState, LinkStatus
from ketaconsole.gui.live_feed import LiveFeed
from ketaconsole.simulator.launcher import SimulatorStartError, launch_simulator
from ketaconsole.storage.config import resolve_database_url
from ketaconsole.storage.database import Database
from ketaconsole.storage.errors import StorageError

SIMULATED_PROTOCOLS = ("masimo", "datex-s5")
NO_MONITOR_HINT = ("no monitor chosen, not recording – start with: ketaconsole gui --port PATH "
                   "--protocol NAME, or ketaconsole gui --simulated datex-s5 for training")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gui",
        help="open the console window (the default command)",
        description="Open the console window and record the monitor into a new session until the "
        "window closes. Use --simulated to start a simulated monitor for training and testing.",
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
    parser.add_argument("--resume", metavar="SESSION",
                        help="continue an interrupted session (id or unique prefix) instead of starting one")
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="save a picture of the window to PNG just before --quit-after ends it")
    parser.add_argument("--quit-after", type=positive_float, metavar="SECONDS",
                        help="close the window after SECONDS (for checks and screenshots)")
    parser.set_defaults(func=run, gui_parser=parser)


def run(args: argparse.Namespace) -> int:
    if args.port is not None and args.protocol is None:
        args.gui_parser.error("--port needs --protocol")
    if args.simulated is not None and args.protocol is not None:
        args.gui_parser.error("--protocol goes with --port; --simulated names its own protocol")
    if args.screenshot is not None and args.quit_after is None:
        args.gui_parser.error("--screenshot needs --quit-after (the picture is taken when the window closes)")
    with contextlib.ExitStack() as cleanup:
        try:
            return _record_with_window(args, cleanup)
        except (SimulatorStartError, StorageError, LookupError, OSError) as error:
            print(f"ketaconsole gui: {error}", file=sys.stderr)
            return 1


def _record_with_window(args: argparse.Namespace, cleanup: contextlib.ExitStack) -> int:
    from ketaconsole.gui.app import run_console  # imports PySide6, so only when the window opens

    clock = SystemClock()
    feed = LiveFeed()
    if args.simulated is None and args.port is None:
        feed.put_link_status(LinkStatus(LinkState.DISCONNECTED, clock.now(), NO_MONITOR_HINT))
        return run_console(feed, clock, title="KetaConsole – no monitor", status_message="Not recording",
                           quit_after_s=args.quit_after, screenshot=args.screenshot)
    if args.simulated is not None:
        simulator = cleanup.enter_context(launch_simulator(args.simulated))
        port, protocol = simulator.port, args.simulated
    else:
        port, protocol = args.port, args.protocol
    database = cleanup.enter_context(Database(resolve_database_url(args.db)))
    if args.resume is None:
        for offer in interrupted_session_offers(database, clock.now()):
            print(f"ketaconsole gui: {offer}", file=sys.stderr)
    recorder = Recorder(database, port=port, protocol=protocol, clock=clock, resume_session_id=args.resume)
    feed.put_link_status(recorder.link_status)
    recorder.add_output_listener(feed.put_outputs)
    recorder.add_link_state_listener(feed.put_link_status)
    session_id = recorder.start()
    cleanup.callback(recorder.stop)
    print(f"SESSION {session_id}", flush=True)
    monitor = f"{protocol} on {port}" + (" – SIMULATED MONITOR, training values" if args.simulated else "")
    return run_console(
        feed,
        clock,
        title=f"KetaConsole – {monitor}",
        status_message=f"Session {session_id} · {monitor} · database {database.display_url}",
        quit_after_s=args.quit_after,
        screenshot=args.screenshot,
    )
