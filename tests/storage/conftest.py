"""Storage tests run against SQLite and PostgreSQL, each test on a brand-new, empty database.

PostgreSQL comes from ``$KETACONSOLE_TEST_PG_URL`` (a role allowed to create databases, e.g.
``postgresql+psycopg://ketaconsole:secret@127.0.0.1/ketaconsole_test``); every test gets its own
database created and dropped through that connection. Without the variable the PostgreSQL cases
are skipped, except under ``CI=true`` where they fail: CI must run them.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ketaconsole.core.clock import Stamp
from ketaconsole.storage.database import Database

PG_URL_ENV_VAR = "KETACONSOLE_TEST_PG_URL"
T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


def stamp_at(seconds: float) -> Stamp:
    """A stamp ``seconds`` after a fixed morning, on both clocks."""
    return Stamp(T0 + timedelta(seconds=seconds), round(seconds * 1_000_000_000))


@pytest.fixture
def at() -> Callable[[float], Stamp]:
    """``at(seconds)``: a stamp that many seconds after a fixed morning (2026-03-02 08:30 UTC)."""
    return stamp_at


def _postgres_admin_url() -> str:
    url = os.environ.get(PG_URL_ENV_VAR, "").strip()
    if not url:
        reason = f"PostgreSQL not configured: set {PG_URL_ENV_VAR}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI=true requires the PostgreSQL tests)")
        pytest.skip(reason)
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """URL of a fresh, empty PostgreSQL database, dropped after the test."""
    admin_url = make_url(_postgres_admin_url())
    name = f"kc_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield admin_url.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """URL of an empty database of each supported kind."""
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'ketaconsole.sqlite3').as_posix()}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    yield db
    db.close()


def poll_until(predicate: Callable[[], bool], timeout_s: float = 30.0, what: str = "condition") -> None:
    """Wait (really, 20 ms steps) until ``predicate()`` is true; fail after ``timeout_s`` seconds."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout_s} s waiting for {what}")
        time.sleep(0.02)


@pytest.fixture
def wait_until() -> Callable[..., None]:
    """``wait_until(predicate, timeout_s=30, what="…")``: poll a real condition with a deadline."""
    return poll_until
