"""``ketaconsole sign SESSION``: sign a session's record (21 CFR Part 11: printed name, date and time,
meaning; the password is re-entered for every signature).

``--password-stdin`` reads the signer's password as one line from standard input (asked without
echo on a terminal). ``--meaning addendum`` needs ``--text``: the addendum is appended to the record
and signed. Exit status: 0 signed, 1 refused (wrong password, role, record not verified, order of
signatures), 2 wrong usage or unknown session.
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from ketaconsole.accounts.errors import AccountError
from ketaconsole.accounts.roles import RolesFileError, SignatureMeaning
from ketaconsole.accounts.users import UserDirectory
from ketaconsole.cli.passwords import Secret, UsageProblem, read_passwords
from ketaconsole.core.clock import SystemClock
from ketaconsole.records.signatures import SigningError, sign_session
from ketaconsole.storage.config import resolve_database_url
from ketaconsole.storage.database import Database
from ketaconsole.storage.errors import AmbiguousSessionPrefix, SessionNotFound, StorageError

PROG = "ketaconsole sign"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sign",
        help="sign a session's record (author, review or addendum)",
        description="Sign the record of an ended session with your signing key: the signature shows your "
        "printed name, the date and time (UTC with your local offset) and its meaning, and covers the "
        "record's digest and audit chain. The nurse who ran the session signs as author; a clinician may "
        "then sign as reviewer; corrections are addenda, signed themselves. Training sessions cannot take "
        "a clinical meaning.",
    )
    parser.add_argument("session", metavar="SESSION", help="session id, or a prefix that matches only one")
    parser.add_argument("--user", required=True, metavar="ID", help="your user id")
    parser.add_argument("--meaning", required=True, choices=[m.value for m in SignatureMeaning],
                        help="author (administered/recorded), review, or addendum (needs --text)")
    parser.add_argument("--text", metavar="TEXT", help="the addendum's text (with --meaning addendum)")
    parser.add_argument("--password-stdin", action="store_true", required=True,
                        help="read your password from standard input (asked without echo on a terminal)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        with Database(resolve_database_url(args.db)) as database:
            session_id = database.find_session(args.session).id
            (password,) = read_passwords([Secret(f"Password of {args.user}: ")])
            signed = sign_session(database, UserDirectory(database), session_id, user_id=args.user,
                                  password=password, meaning=SignatureMeaning(args.meaning),
                                  clock=SystemClock(), addendum=args.text)
    except (UsageProblem, SessionNotFound, AmbiguousSessionPrefix) as problem:
        print(f"{PROG}: {problem}", file=sys.stderr)
        return 2
    except (SigningError, AccountError, RolesFileError, StorageError, SQLAlchemyError) as refused:
        print(f"{PROG}: refused: {refused}", file=sys.stderr)
        return 1
    said = signed.statement
    print(f"signed session {said['session_id']}: {said['printed_name']} ({said['role']}) — "
          f"{said['meaning_text']} — {said['signed_utc']} (local offset {said['utc_offset']}); "
          f"record {said['record_sha256']}")
    return 0
