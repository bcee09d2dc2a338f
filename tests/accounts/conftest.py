"""Account tests run on a brand-new SQLite file and PostgreSQL database each, exactly like the storage
tests, whose fixtures (``database_url``, ``postgres_url``) are reused from ``tests/storage/conftest.py``.
The site directory is an empty temporary one, so the shipped ``roles.toml`` is in force."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from ketaconsole.accounts.users import UserDirectory
from ketaconsole.storage.database import Database

_spec = importlib.util.spec_from_file_location(
    "_storage_conftest", Path(__file__).resolve().parents[1] / "storage" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_storage = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_storage)

database_url = _storage.database_url
postgres_url = _storage.postgres_url


@pytest.fixture(autouse=True)
def empty_site_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    monkeypatch.setenv("KETACONSOLE_CONFIG_DIR", str(site))
    return site


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    yield db
    db.close()


@pytest.fixture
def directory(database: Database) -> UserDirectory:
    return UserDirectory(database)
