"""Reading passwords for the commands that need them: never from the command line; from standard
input one per line (scripts), or asked without echo on a terminal (people)."""

from __future__ import annotations

import getpass
import sys
from dataclasses import dataclass


class UsageProblem(Exception):
    """Wrong use of the command (exit 2), e.g. a password line missing on standard input."""


@dataclass(frozen=True, slots=True)
class Secret:
    """One password to read: ``prompt`` for a terminal, ``new`` asks twice there."""

    prompt: str
    new: bool = False


def read_passwords(secrets: list[Secret]) -> list[str]:
    """One password per ``Secret``: asked without echo on a terminal, else one line each from
    standard input (the line ending removed, nothing else). :class:`UsageProblem` when lines are
    missing or a new password is not typed the same twice."""
    if sys.stdin.isatty():
        return [_ask(secret) for secret in secrets]
    passwords = []
    for number, secret in enumerate(secrets, start=1):
        line = sys.stdin.readline()
        if not line:
            raise UsageProblem(f"standard input ended before password line {number} of {len(secrets)} "
                               f"({secret.prompt.strip().rstrip(':')})")
        passwords.append(line.removesuffix("\n").removesuffix("\r"))
    return passwords


def _ask(secret: Secret) -> str:
    password = getpass.getpass(secret.prompt)
    if secret.new and getpass.getpass("Again: ") != password:
        raise UsageProblem("the two entries of the new password differ")
    return password
