"""``ketaconsole gui``: placeholder until the console window is wired in."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gui", help="open the console window (not implemented yet)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    print("ketaconsole gui: not implemented yet", file=sys.stderr)
    return 1
