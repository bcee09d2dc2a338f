"""Every subcommand answers ``--help`` and documents its options."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from ketaconsole.cli import build_parser, main

EXPECTED_OPTIONS = {
    "gui": ["--simulated", "--port", "--protocol", "--treatment", "--screenshot", "--quit-after",
            "--scenario"],
    "sim": ["--protocol", "--pty", "--port", "--link", "--seed", "--speed", "--duration", "--scenario"],
    "scenarios": ["--check", "--patient"],
    "record": ["--port", "--protocol", "--duration", "--patient", "--resume", "--training"],
    "sessions": [],
    "export": ["SESSION", "--format", "--out"],
    "sign": ["SESSION", "--user", "--meaning", "--text", "--password-stdin"],
    "verify": ["FILE", "--session"],
    "protocols": ["--check"],
    "alarms": ["--check"],
    "instruments": ["--check"],
    "dose": ["profile", "--weight", "--mg-per-kg", "--dose-mg", "--vial", "--diluent", "--duration", "--lot"],
    "users": ["add", "list", "deactivate", "passwd"],
}


def subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_the_expected_subcommands_exist() -> None:
    assert sorted(subcommands()) == sorted(EXPECTED_OPTIONS)


@pytest.mark.parametrize("command", sorted(EXPECTED_OPTIONS))
def test_help_exits_zero_and_lists_every_option(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    shown = capsys.readouterr().out
    declared = [
        option
        for action in subcommands()[command]._actions
        for option in action.option_strings or [action.metavar or action.dest]
    ]
    for option in [*EXPECTED_OPTIONS[command], *declared]:
        assert option in shown, f"'ketaconsole {command} --help' does not mention {option}"


def test_top_level_help_runs_without_qt() -> None:
    script = (
        "import contextlib, io, json, sys\n"
        "from ketaconsole.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "print(json.dumps([out.getvalue(), 'PySide6' in sys.modules]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    shown, qt_loaded = json.loads(result.stdout)
    assert all(command in shown for command in EXPECTED_OPTIONS)
    assert not qt_loaded
