"""Errors of the accounts layer; every message is meant to be shown to a person as is and never
contains a password."""

from __future__ import annotations


class AccountError(Exception):
    """Base class: a request about a user that is refused."""


class AuthenticationFailed(AccountError):
    """Wrong user id or password, or a deactivated user: one message for all, so a guesser learns
    nothing about which ids exist."""


class WrongPassword(AuthenticationFailed):
    """The password does not decrypt this private key."""


class PasswordRefused(AccountError):
    """A new password breaks the password policy; the message says which rule."""


class InvalidUserField(AccountError):
    """A user id, printed name, role or reason that cannot be used; the message says why."""


class UserIdTaken(AccountError):
    """The id belongs, or belonged, to someone: ids are never reused (21 CFR 11.100)."""


class UnknownUser(AccountError):
    """No user has this id (for administrative requests, where saying so gives nothing away)."""


class NotPermitted(AccountError):
    """The user's role does not allow the request."""
