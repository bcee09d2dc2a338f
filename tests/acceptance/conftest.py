"""Fixtures for acceptance tests that run the real ``ketaconsole`` commands as subprocesses."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from acceptance_support import Command, start_command


@pytest.fixture
def commands(tmp_path: Path) -> Iterator[Callable[..., Command]]:
    """Start ketaconsole commands; every one still running at the end of the test is killed."""
    started: list[Command] = []

    def start(*args: str) -> Command:
        command = start_command(args, tmp_path)
        started.append(command)
        return command

    yield start
    for command in started:
        if command.process.poll() is None:
            command.process.send_signal(signal.SIGKILL)
            command.process.wait(5)
