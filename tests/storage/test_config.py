"""Which database URL is used: --db, else $KETACONSOLE_DB, else a file in the user data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketaconsole.storage.config import default_database_url, resolve_database_url


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("KETACONSOLE_DB", raising=False)
    return tmp_path / "data"


def test_default_url_is_a_sqlite_file_in_the_created_user_data_folder(data_home: Path) -> None:
    url = default_database_url()
    expected = data_home / "ketaconsole" / "ketaconsole.sqlite3"
    assert url == f"sqlite:///{expected.as_posix()}"
    assert expected.parent.is_dir()


def test_command_line_wins_over_environment(data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETACONSOLE_DB", "sqlite:///from-env.sqlite3")
    assert resolve_database_url("sqlite:///from-cli.sqlite3") == "sqlite:///from-cli.sqlite3"


def test_environment_wins_over_default(data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETACONSOLE_DB", "sqlite:///from-env.sqlite3")
    assert resolve_database_url(None) == "sqlite:///from-env.sqlite3"


def test_default_when_neither_is_given(data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETACONSOLE_DB", "")
    assert resolve_database_url(None) == default_database_url()
