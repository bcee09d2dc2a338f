"""Engines for the two supported databases, configured for a bedside recorder.

* SQLite (``sqlite:///PATH``): every connection runs in WAL journal mode (readers never block the
  writer), ``synchronous=NORMAL`` (a commit survives a crash of the process; WAL keeps the file
  consistent even on power loss), foreign keys on, and waits up to ``SQLITE_BUSY_TIMEOUT_MS`` for a
  lock before failing with "database is locked".
* PostgreSQL through psycopg 3 (``postgresql+psycopg://user@host/db``; a bare ``postgresql://`` is
  taken to mean the same). Connections are checked before use, so a restarted server is survived.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from ketaconsole.storage.errors import DatabaseUnavailable

SQLITE_BUSY_TIMEOUT_MS = 5000
POSTGRES_CONNECT_TIMEOUT_S = 5
SUPPORTED = "use sqlite:///PATH or postgresql+psycopg://USER@HOST/DATABASE"


def parse_database_url(text: str) -> URL:
    """Parse and check a database URL; ``DatabaseUnavailable`` says what is wrong with it."""
    try:
        url = make_url(text)
    except ArgumentError as error:
        raise DatabaseUnavailable(f"invalid database URL {text!r}: {error}; {SUPPORTED}") from None
    backend, _, driver = url.drivername.partition("+")
    if backend == "postgresql" and driver in ("", "psycopg"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        if not url.database:
            raise DatabaseUnavailable(f"database URL {text!r} names no file; {SUPPORTED}")
        return url
    raise DatabaseUnavailable(f"unsupported database URL {safe_url(url)!r}; {SUPPORTED}")


def safe_url(url: URL) -> str:
    """The URL as text with any password masked, for messages and logs."""
    return url.render_as_string(hide_password=True)


def create_database_engine(url: URL) -> Engine:
    """An engine for a URL returned by :func:`parse_database_url`."""
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url)
        event.listen(engine, "connect", _configure_sqlite_connection)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S},
    )


def _configure_sqlite_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def explain_open_failure(url: URL, error: BaseException) -> str:
    """A message for a person on why the database at ``url`` could not be opened."""
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    message = f"cannot open database {safe_url(url)}: {reason}"
    if url.get_backend_name() == "sqlite":
        directory = Path(url.database or "").expanduser().resolve().parent
        if not directory.is_dir():
            message += f" (folder {directory} does not exist)"
        elif not os.access(directory, os.W_OK):
            message += f" (folder {directory} is not writable)"
    return message
