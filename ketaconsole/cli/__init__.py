"""The ``ketaconsole`` command: one entry point with subcommands.

Each subcommand lives in its own module exposing ``register(subparsers)``, which adds a parser and
sets ``func(args) -> int`` on it. ``ketaconsole`` with no subcommand opens the GUI.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ketaconsole import __version__
from ketaconsole.cli import (
    alarms,
    dose,
    export,
    gui,
    instruments,
    protocols,
    record,
    scenarios,
    sessions,
    sign,
    sim,
    users,
    verify,
)

SUBCOMMAND_MODULES = (gui, sim, scenarios, record, sessions, export, sign, verify, protocols, alarms,
                      instruments, dose, users)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ketaconsole",
        description="Bedside console for ketamine and esketamine treatment sessions. "
        "Without a subcommand it opens the console window.",
    )
    parser.add_argument("--version", action="version", version=f"ketaconsole {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy database URL (default: $KETACONSOLE_DB, else a SQLite file in the user data "
        "directory). Example: postgresql+psycopg://user@host/ketaconsole",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUBCOMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    return args.func(args)
