"""``ketaconsole verify FILE`` or ``ketaconsole verify --session SESSION``: check a signed record.

Checks the audit chain, the record's digests and every signature, and prints who signed what and
when. Against the database (``--session``) the stored observations and waveforms are recomputed too,
and every key must be the signer's registered key. Exit status: 0 verified, 1 NOT VERIFIED (or the
file cannot be read), 2 wrong usage or unknown session.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from ketaconsole.accounts.users import UserDirectory
from ketaconsole.records.signatures import describe
from ketaconsole.records.signed_record import verify_export_bytes, verify_stored
from ketaconsole.storage.config import resolve_database_url
from ketaconsole.storage.database import Database
from ketaconsole.storage.errors import AmbiguousSessionPrefix, SessionNotFound, StorageError

PROG = "ketaconsole verify"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="verify a signed record (an exported file or a stored session)",
        description="Verify the audit chain, the record's digests and every signature of an exported "
        "record (FILE) or of a stored session (--session), and print who signed what and when. Exit "
        "status 1 on any failure.",
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("file", nargs="?", type=Path, metavar="FILE",
                       help="a record written by 'ketaconsole export --format record'")
    where.add_argument("--session", metavar="SESSION", help="a stored session (id or unique prefix)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.file is not None:
        try:
            report = verify_export_bytes(args.file.read_bytes())
        except OSError as error:
            print(f"{PROG}: cannot read {args.file}: {error}", file=sys.stderr)
            return 1
    else:
        try:
            with Database(resolve_database_url(args.db)) as database:
                report = verify_stored(database, UserDirectory(database), args.session)
        except (SessionNotFound, AmbiguousSessionPrefix) as error:
            print(f"{PROG}: {error}", file=sys.stderr)
            return 2
        except (StorageError, SQLAlchemyError) as error:
            print(f"{PROG}: {error}", file=sys.stderr)
            return 1
    print("\n".join(describe(report)))
    return 0 if report.verified else 1
