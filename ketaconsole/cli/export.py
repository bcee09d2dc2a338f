"""``ketaconsole export SESSION``: write a session's observations as CSV, or its self-contained
signed record (``--format record``: canonical content, audit chain, signatures and the signers'
public keys, see :mod:`ketaconsole.records.signed_record`), to a file or stdout.

Exit codes: 0 done, 1 database or file error, 2 unknown or ambiguous session.
A file is written under a temporary name beside it and renamed when complete, so a failed export
never leaves a partial file; to stdout the export is assembled first and written in one go.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from sqlalchemy.exc import SQLAlchemyError

from ketaconsole.accounts.users import UserDirectory
from ketaconsole.records.csv_export import write_observations_csv
from ketaconsole.records.signed_record import export_bytes, export_document
from ketaconsole.storage.config import resolve_database_url
from ketaconsole.storage.database import Database
from ketaconsole.storage.errors import AmbiguousSessionPrefix, SessionNotFound, StorageError

EXIT_FAILED = 1
EXIT_UNKNOWN_SESSION = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a session's observations",
        description="Export the observations of one session. Exit status 2 when the session is "
        "unknown or the prefix matches several sessions.",
    )
    parser.add_argument(
        "session", metavar="SESSION", help="session id, or a prefix that matches only one session"
    )
    parser.add_argument("--format", choices=("csv", "record"), default="csv",
                        help="csv: the observations; record: the signed session record as JSON, for "
                        "'ketaconsole verify' (default: csv)")
    parser.add_argument(
        "--out",
        metavar="FILE",
        type=Path,
        help="file to write (default: standard output); replaced only once the export is complete",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        with Database(resolve_database_url(args.db)) as db:
            try:
                session_id = db.find_session(args.session).id
            except (SessionNotFound, AmbiguousSessionPrefix) as error:
                print(f"ketaconsole export: {error}", file=sys.stderr)
                return EXIT_UNKNOWN_SESSION

            def write(out: TextIO) -> None:
                if args.format == "record":
                    document = export_document(db, UserDirectory(db), session_id)
                    out.write(export_bytes(document).decode("utf-8"))
                else:
                    write_observations_csv(db, session_id, out)

            if args.out is None:
                buffer = io.StringIO(newline="")
                write(buffer)
                sys.stdout.write(buffer.getvalue())
                sys.stdout.flush()
            else:
                write_file_atomically(args.out, write)
                print(f"exported session {session_id} to {args.out}", file=sys.stderr)
    except (StorageError, SQLAlchemyError, OSError, KeyError) as error:
        print(f"ketaconsole export: export failed: {error}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def write_file_atomically(path: Path, write: Callable[[TextIO], None]) -> None:
    """Create or replace ``path`` with what ``write`` writes (UTF-8), all or nothing.

    The data goes to a temporary file in the same folder, is flushed to disk, and is then renamed
    over ``path``; if anything fails the temporary file is removed and ``path`` is untouched.
    The file is created readable by its owner only (it holds patient data).
    """
    descriptor, temporary_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(temporary_name)
    try:
        with open(descriptor, "w", encoding="utf-8", newline="") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
