"""``ketaconsole users``: add, list and deactivate the people who use the console, and change a
password.

Passwords never appear on the command line. ``--password-stdin`` reads them from standard input,
one per line, in a fixed order:

* ``add``: the new user's password, then (with ``--by``) the administrator's own password;
* ``deactivate``: the administrator's password;
* ``passwd``: the old password, then the new one.

When standard input is a terminal they are asked for without echo instead, and a new password is
asked twice. Exit status: 0 done, 1 refused (authentication, permission, password policy, unknown
user, database), 2 wrong usage (including missing password lines).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from sqlalchemy.exc import SQLAlchemyError

from ketaconsole.accounts.errors import AccountError
from ketaconsole.accounts.roles import Role, RolesFileError
from ketaconsole.accounts.users import User, UserDirectory
from ketaconsole.cli.passwords import Secret, UsageProblem, read_passwords
from ketaconsole.storage.config import resolve_database_url
from ketaconsole.storage.database import Database
from ketaconsole.storage.errors import StorageError

COLUMNS = ("ID", "NAME", "ROLE", "ACTIVE", "KEY FINGERPRINT (SHA-256)", "CREATED (local)", "FAILED SIGN-INS")
PROG = "ketaconsole users"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "users",
        help="add, list and deactivate users; change a password",
        description="Manage the people who use the console and their signing keys. Passwords are read "
        "with --password-stdin, one per line (see each action's help); never give them as arguments.",
    )
    parser.set_defaults(func=run)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add", help="add a user (the first one must be an administrator)",
        description="Add a user with a new signing key. Standard input: line 1 the new user's password; "
        "line 2 (with --by) the administrator's own password. The first user of an empty database must "
        "be an administrator and is added without --by; every later one needs --by.",
    )
    add.add_argument("--id", required=True, dest="user_id", metavar="ID",
                     help="user id: lowercase letters, digits, dots and hyphens; never reused")
    add.add_argument("--name", required=True, help="printed name, as shown on signatures")
    add.add_argument("--role", required=True, choices=[role.value for role in Role], help="the user's role")
    _password_stdin(add)
    add.add_argument("--by", metavar="ADMIN_ID", help="the administrator adding the user")
    add.set_defaults(users_func=_add)

    listing = actions.add_parser("list", help="list every user with their key fingerprint",
                                 description="List every user, active or deactivated, with role, key "
                                 "fingerprint, creation time and failed sign-ins since the last success.")
    listing.set_defaults(users_func=_list)

    deactivate = actions.add_parser(
        "deactivate", help="deactivate a user for good",
        description="Deactivate a user: they can no longer sign in or sign, their id is never reused, "
        "and their public key stays so their signatures remain verifiable. Standard input: line 1 the "
        "administrator's own password.",
    )
    deactivate.add_argument("user_id", metavar="ID", help="the user to deactivate")
    deactivate.add_argument("--by", required=True, metavar="ADMIN_ID", help="the administrator doing it")
    deactivate.add_argument("--reason", required=True, metavar="TEXT", help="why (kept in the account log)")
    _password_stdin(deactivate)
    deactivate.set_defaults(users_func=_deactivate)

    passwd = actions.add_parser(
        "passwd", help="change your password",
        description="Change a user's password; the signing key is re-encrypted and keeps its fingerprint. "
        "Standard input: line 1 the old password, line 2 the new one.",
    )
    passwd.add_argument("user_id", metavar="ID", help="whose password")
    _password_stdin(passwd)
    passwd.set_defaults(users_func=_passwd)


def _password_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-stdin", action="store_true", required=True,
                        help="read the passwords from standard input, one per line (asked without echo "
                        "on a terminal)")


def _add(args: argparse.Namespace, directory: UserDirectory) -> int:
    first = directory.is_empty()
    if first and args.by:
        raise UsageProblem("there are no users yet: add the first administrator without --by")
    if not first and not args.by:
        raise UsageProblem("users exist already: give --by ADMIN_ID and the administrator's password")
    secrets = [Secret(f"Password for {args.user_id}: ", new=True)]
    if args.by:
        secrets.append(Secret(f"Password of {args.by}: "))
    passwords = read_passwords(secrets)
    admin = _authenticate(directory, args.by, passwords[1]) if args.by else None
    user = directory.add(args.user_id, args.name, args.role, passwords[0], by=admin)
    print(f"added {user.id} ({user.printed_name}, {user.role.value}); signing key {user.fingerprint}")
    return 0


def _list(args: argparse.Namespace, directory: UserDirectory) -> int:
    if not directory.rules.confirmed:
        print(f"{PROG}: note: the roles and password rules are shipped defaults, not yet confirmed by the "
              f"clinic ({directory.rules.source})", file=sys.stderr)
    users = directory.list()
    if not users:
        print("No users yet. Add the first administrator with: ketaconsole users add --id ID "
              "--name NAME --role administrator --password-stdin")
        return 0
    print(render_table(users))
    return 0


def _deactivate(args: argparse.Namespace, directory: UserDirectory) -> int:
    (password,) = read_passwords([Secret(f"Password of {args.by}: ")])
    admin = _authenticate(directory, args.by, password)
    user = directory.deactivate(args.user_id, by=admin, reason=args.reason)
    print(f"deactivated {user.id} ({user.printed_name}); public key {user.fingerprint} kept for verification")
    return 0


def _passwd(args: argparse.Namespace, directory: UserDirectory) -> int:
    old, new = read_passwords([Secret(f"Current password of {args.user_id}: "),
                               Secret("New password: ", new=True)])
    user = directory.change_password(args.user_id, old, new)
    print(f"password changed for {user.id}; signing key {user.fingerprint} unchanged")
    return 0


def run(args: argparse.Namespace) -> int:
    """Open the database and the role rules, then do the action; errors become exit codes."""
    try:
        with Database(resolve_database_url(args.db)) as db:
            return args.users_func(args, UserDirectory(db))
    except UsageProblem as problem:
        print(f"{PROG} {args.action}: {problem}", file=sys.stderr)
        return 2
    except (AccountError, RolesFileError, StorageError, SQLAlchemyError) as error:
        print(f"{PROG} {args.action}: refused: {error}", file=sys.stderr)
        return 1


def render_table(users: list[User]) -> str:
    """The users as aligned text columns with a header line."""
    rows = [COLUMNS, *(_row(user) for user in users)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def _row(user: User) -> tuple[str, ...]:
    active = "yes" if user.deactivated_utc is None else f"no (since {_local(user.deactivated_utc)})"
    return (user.id, user.printed_name, user.role.value, active, user.fingerprint, _local(user.created_utc),
            str(user.consecutive_failures))


def _authenticate(directory: UserDirectory, user_id: str, password: str) -> User:
    user = directory.authenticate(user_id, password)
    if user.consecutive_failures:
        print(f"{PROG}: warning: {user.consecutive_failures} failed sign-in(s) for {user_id} since the last "
              "successful one", file=sys.stderr)
    return user


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
