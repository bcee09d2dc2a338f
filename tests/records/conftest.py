"""The record tests use the storage tests' database fixtures (a fresh SQLite file and, with
``KETACONSOLE_TEST_PG_URL``, a fresh PostgreSQL database per test), loaded from their one definition."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "_storage_fixtures", Path(__file__).resolve().parent.parent / "storage" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_storage_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_storage_fixtures)

at = _storage_fixtures.at
database = _storage_fixtures.database
database_url = _storage_fixtures.database_url
postgres_url = _storage_fixtures.postgres_url
wait_until = _storage_fixtures.wait_until
stamp_at = _storage_fixtures.stamp_at
