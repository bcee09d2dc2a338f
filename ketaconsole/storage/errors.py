"""Errors raised by the storage layer; every message is meant to be shown to a person as is."""

from __future__ import annotations


class StorageError(Exception):
    """Base class of every storage error."""


class DatabaseUnavailable(StorageError):
    """The database cannot be opened: bad URL, unreachable server, unwritable file."""


class SessionNotFound(StorageError):
    """No session matches the given id or id prefix."""


class AmbiguousSessionPrefix(StorageError):
    """More than one session id starts with the given prefix."""


class SessionStateError(StorageError):
    """The session is not in a state that allows the requested change (e.g. resuming a live one)."""


class WriterCloseTimeout(StorageError):
    """``SessionWriter.close`` ran out of time with rows still unwritten; the writer keeps retrying."""
