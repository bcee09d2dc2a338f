"""Schema migrations with Alembic, configured in code: the revisions ship inside the package
(``ketaconsole/storage/migrations``), so an installed wheel can create and upgrade its database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Apply every revision not yet applied; a no-op on an up-to-date database."""
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")


def downgrade_to_base(engine: Engine) -> None:
    """Revert every revision: drops all KetaConsole tables (and their data)."""
    with engine.begin() as connection:
        command.downgrade(_config(connection), "base")


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, ``None`` for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
