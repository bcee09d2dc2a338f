"""``ketaconsole users`` end to end through ``ketaconsole.cli.main`` on a real SQLite file, passwords
on standard input; and once as a real process with the password piped in."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from ketaconsole.accounts import keys
from ketaconsole.accounts.users import UserDirectory
from ketaconsole.cli import main
from ketaconsole.storage.database import Database

ADMIN_PASSWORD = "first admin secret"
NURSE_PASSWORD = "nurse secret 123"


@pytest.fixture(autouse=True)
def empty_site_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    monkeypatch.setenv("KETACONSOLE_CONFIG_DIR", str(site))
    return site


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{(tmp_path / 'users.sqlite3').as_posix()}"


@pytest.fixture
def users(db_url: str, monkeypatch: pytest.MonkeyPatch):
    """``users(*arguments, stdin="")``: run ``ketaconsole --db URL users …`` with that standard input."""

    def run(*arguments: str, stdin: str = "") -> int:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        return main(["--db", db_url, "users", *arguments])

    return run


def _add_admin(users) -> None:
    assert users("add", "--id", "ada", "--name", "Ada Admin", "--role", "administrator", "--password-stdin",
                 stdin=f"{ADMIN_PASSWORD}\n") == 0


def _add_nurse(users) -> None:
    assert users("add", "--id", "nora.b", "--name", "Nora Brown", "--role", "nurse", "--password-stdin",
                 "--by", "ada", stdin=f"{NURSE_PASSWORD}\n{ADMIN_PASSWORD}\n") == 0


def _directory(db_url: str) -> tuple[Database, UserDirectory]:
    database = Database(db_url)
    return database, UserDirectory(database)


def test_provisioning_listing_password_change_and_deactivation(
        users, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert users("list") == 0
    assert "No users yet" in capsys.readouterr().out
    _add_admin(users)
    assert "added ada (Ada Admin, administrator); signing key " in capsys.readouterr().out
    _add_nurse(users)
    added = capsys.readouterr().out
    fingerprint = added.split("signing key ")[1].strip()
    assert len(fingerprint) == 64

    assert users("passwd", "nora.b", "--password-stdin", stdin=f"{NURSE_PASSWORD}\nnew nurse secret\n") == 0
    assert f"password changed for nora.b; signing key {fingerprint} unchanged" in capsys.readouterr().out
    assert users("deactivate", "nora.b", "--by", "ada", "--reason", "left the clinic", "--password-stdin",
                 stdin=f"{ADMIN_PASSWORD}\n") == 0
    assert "deactivated nora.b (Nora Brown)" in capsys.readouterr().out

    assert users("list") == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "ROLE", "ACTIVE", "KEY", "FINGERPRINT", "(SHA-256)", "CREATED",
                                "(local)", "FAILED", "SIGN-INS"]
    assert lines[1].split()[:5] == ["ada", "Ada", "Admin", "administrator", "yes"]
    assert lines[2].split()[:6] == ["nora.b", "Nora", "Brown", "nurse", "no", "(since"]
    assert fingerprint in lines[2]
    assert "shipped defaults, not yet confirmed" in captured.err

    database, directory = _directory(db_url)
    with database:
        kinds = [(event.kind, event.user_id, event.by_user) for event in directory.events()]
        assert ("user-deactivated", "nora.b", "ada") in kinds
        assert ("password-changed", "nora.b", "nora.b") in kinds
        stored = directory.public_key(fingerprint)
        assert stored is not None and stored.user_id == "nora.b"


def test_the_first_user_must_be_an_administrator_and_takes_no_by(
        users, capsys: pytest.CaptureFixture[str]) -> None:
    assert users("add", "--id", "nora.b", "--name", "Nora Brown", "--role", "nurse", "--password-stdin",
                 stdin=f"{NURSE_PASSWORD}\n") == 1
    assert "refused: the first user must be an administrator" in capsys.readouterr().err
    assert users("add", "--id", "ada", "--name", "Ada Admin", "--role", "administrator", "--password-stdin",
                 "--by", "someone", stdin=f"{ADMIN_PASSWORD}\nx\n") == 2
    assert "there are no users yet: add the first administrator without --by" in capsys.readouterr().err


def test_later_additions_need_an_administrator_with_the_right_password(
        users, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _add_admin(users)
    _add_nurse(users)
    capsys.readouterr()
    new = ["add", "--id", "carl", "--name", "Carl Clinician", "--role", "clinician", "--password-stdin"]
    assert users(*new, stdin="clinician secret\n") == 2
    assert "give --by ADMIN_ID" in capsys.readouterr().err
    assert users(*new, "--by", "ada", stdin="clinician secret\nnot the admin password\n") == 1
    assert "refused: user id or password not accepted" in capsys.readouterr().err
    assert users(*new, "--by", "nora.b", stdin=f"clinician secret\n{NURSE_PASSWORD}\n") == 1
    assert "only an active administrator may add users; nora.b may not" in capsys.readouterr().err
    assert users(*new, "--by", "ada", stdin=f"clinician secret\n{ADMIN_PASSWORD}\n") == 0
    captured = capsys.readouterr()
    assert "1 failed sign-in(s) for ada since the last successful one" in captured.err
    assert "added carl (Carl Clinician, clinician)" in captured.out
    database, directory = _directory(db_url)
    with database:
        failed = [event.detail for event in directory.events("ada") if event.kind == "auth-failed"]
        assert failed == [{"reason": "wrong-password", "consecutive": 1}]


@pytest.mark.parametrize(("arguments", "stdin", "message"), [
    (["--id", "carl", "--role", "clinician", "--name", "Carl"], "short\n", "at least 10 characters"),
    (["--id", "Carl", "--role", "clinician", "--name", "Carl"], "clinician secret\n", "lowercase letters"),
    (["--id", "ada", "--role", "clinician", "--name", "Carl"], "clinician secret\n", "'ada' is taken"),
])
def test_refusals_name_the_problem_and_exit_1(users, capsys: pytest.CaptureFixture[str], arguments: list[str],
                                              stdin: str, message: str) -> None:
    _add_admin(users)
    capsys.readouterr()
    stdin = f"{stdin}{ADMIN_PASSWORD}\n"
    assert users("add", *arguments, "--password-stdin", "--by", "ada", stdin=stdin) == 1
    assert message in capsys.readouterr().err


def test_usage_problems_exit_2(users, capsys: pytest.CaptureFixture[str]) -> None:
    _add_admin(users)
    capsys.readouterr()
    assert users("passwd", "ada", "--password-stdin", stdin=f"{ADMIN_PASSWORD}\n") == 2
    assert "standard input ended before password line 2 of 2" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        users("passwd", "ada", stdin=f"{ADMIN_PASSWORD}\nanother secret\n")
    assert exit_info.value.code == 2
    assert "--password-stdin" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        users("add", "--id", "x", "--name", "X", "--role", "surgeon", "--password-stdin")
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        users("deactivate", "ada", "--by", "ada", "--password-stdin")
    assert exit_info.value.code == 2
    assert "--reason" in capsys.readouterr().err


def test_wrong_old_password_and_unknown_users_are_refused(users, capsys: pytest.CaptureFixture[str]) -> None:
    _add_admin(users)
    _add_nurse(users)
    capsys.readouterr()
    assert users("passwd", "nora.b", "--password-stdin", stdin="wrong old secret\nnew nurse secret\n") == 1
    assert "user id or password not accepted" in capsys.readouterr().err
    assert users("deactivate", "nobody", "--by", "ada", "--reason", "typo", "--password-stdin",
                 stdin=f"{ADMIN_PASSWORD}\n") == 1
    assert "no user 'nobody'" in capsys.readouterr().err
    assert users("deactivate", "ada", "--by", "ada", "--reason", "leaving", "--password-stdin",
                 stdin=f"{ADMIN_PASSWORD}\n") == 1
    assert "ada is the last active administrator" in capsys.readouterr().err


def test_a_password_with_spaces_and_a_windows_line_ending_is_read_exactly(users, db_url: str) -> None:
    assert users("add", "--id", "ada", "--name", "Ada Admin", "--role", "administrator", "--password-stdin",
                 stdin="  spaced out secret  \r\n") == 0
    database, directory = _directory(db_url)
    with database:
        assert directory.authenticate("ada", "  spaced out secret  ").id == "ada"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_passwords_are_asked_without_echo_and_a_new_one_twice(
        db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter([ADMIN_PASSWORD, ADMIN_PASSWORD, NURSE_PASSWORD, NURSE_PASSWORD + "typo"])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "Password: ") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr("getpass.getpass", fake_getpass)
    add = ["--db", db_url, "users", "add", "--role", "administrator", "--password-stdin"]
    assert main([*add, "--id", "ada", "--name", "Ada Admin"]) == 0
    assert main([*add, "--id", "bob", "--name", "Bob Admin", "--by", "ada"]) == 2
    assert prompts == ["Password for ada: ", "Again: ", "Password for bob: ", "Again: "]
    assert "the two entries of the new password differ" in capsys.readouterr().err


def test_the_installed_command_reads_the_password_from_a_pipe(tmp_path: Path, db_url: str) -> None:
    environment = {"KETACONSOLE_DB": db_url, "KETACONSOLE_CONFIG_DIR": str(tmp_path / "site"),
                   "PATH": str(Path(sys.executable).parent)}
    result = subprocess.run(
        [sys.executable, "-m", "ketaconsole", "users", "add", "--id", "ada", "--name", "Ada Admin", "--role",
         "administrator", "--password-stdin"],
        input=f"{ADMIN_PASSWORD}\n", capture_output=True, text=True, timeout=60, env=environment,
    )
    assert result.returncode == 0, result.stderr
    assert ADMIN_PASSWORD not in result.stdout + result.stderr
    database, directory = _directory(db_url)
    with database:
        unlocked = directory.unlock_signing_key("ada", ADMIN_PASSWORD)
        assert keys.verify(unlocked.user.public_key, unlocked.sign(b"piped"), b"piped")
        assert unlocked.fingerprint in result.stdout
