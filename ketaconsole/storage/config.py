"""Which database KetaConsole uses: ``--db`` on the command line, else ``$KETACONSOLE_DB``, else a
SQLite file in the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATABASE_ENV_VAR = "KETACONSOLE_DB"
DEFAULT_DATABASE_FILENAME = "ketaconsole.sqlite3"


def default_database_url() -> str:
    """SQLite URL of ``ketaconsole.sqlite3`` in the user data directory, which is created if missing."""
    directory = Path(platformdirs.user_data_dir("ketaconsole"))
    directory.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(directory / DEFAULT_DATABASE_FILENAME).as_posix()}"


def resolve_database_url(cli_value: str | None) -> str:
    """The database URL to use: ``cli_value`` when given, else ``$KETACONSOLE_DB``, else the default.

    An empty environment variable counts as unset.
    """
    if cli_value:
        return cli_value
    from_env = os.environ.get(DATABASE_ENV_VAR, "").strip()
    if from_env:
        return from_env
    return default_database_url()
