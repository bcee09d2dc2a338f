"""``ketaconsole scenarios``: the shipped simulator scenarios with their timelines, and checking files.

Scenarios are checked against the simulated patient they will run with (``--patient``, else the shipped
default), because a target's room for drift depends on the patient's drift limits.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from ketaconsole.simulator.config import load_simulator_config
from ketaconsole.simulator.scenario import (
    Scenario,
    ScenarioError,
    load_scenario,
    shipped_scenario_paths,
)

_INDENT = "    "


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "scenarios",
        help="list the simulator's scripted scenarios, or check scenario files",
        description="List the scenarios shipped for the simulated monitor (TRAINING ONLY) in "
        "resources/scenarios, each with its description and timeline. Run one with 'ketaconsole sim "
        "--scenario NAME' (or 'ketaconsole gui --simulated PROTOCOL --scenario NAME'). With --check, "
        "validate your own scenario files instead; the format is described in docs/SCENARIOS.md. "
        "Exit status 1 when a file is refused.",
    )
    parser.add_argument("--check", nargs="+", type=Path, metavar="FILE",
                        help="validate these scenario files and show their timelines")
    parser.add_argument("--patient", type=Path, metavar="FILE",
                        help="check against this simulated patient file (default: the shipped "
                        "resources/simulator/default.toml), as 'ketaconsole sim --patient' would use it")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        config = load_simulator_config(args.patient)
    except (OSError, ValueError) as error:
        print(f"ketaconsole scenarios: error: {error}", file=sys.stderr)
        return 1
    failed = False
    for path in args.check or shipped_scenario_paths():
        try:
            scenario = load_scenario(path, config)
        except ScenarioError as error:
            print(f"ketaconsole scenarios: refused: {error}", file=sys.stderr)
            failed = True
            continue
        print("\n".join(_describe(scenario, path, checking=bool(args.check))))
    return 1 if failed else 0


def _describe(scenario: Scenario, path: Path, *, checking: bool) -> list[str]:
    """The scenario as text: heading, wrapped description and one line per step, in time order."""
    heading = f"{path}: ok ({scenario.id})" if checking else f"{scenario.id}  {scenario.name}"
    lines = [heading, *textwrap.wrap(scenario.description, width=96, initial_indent=_INDENT,
                                     subsequent_indent=_INDENT, break_on_hyphens=False)]
    lines.append(f"{_INDENT}timeline (simulated min:s after the start):")
    lines += [f"{_INDENT}  {_clock(step.at_s)}  {step.describe()}" for step in scenario.timeline()]
    if not checking:
        lines.append(f"{_INDENT}file: {path}")
    return [*lines, ""]


def _clock(seconds: float) -> str:
    """``90`` → ``"1:30"``; fractions of a second are kept (``"0:02.5"``)."""
    minutes, rest = divmod(seconds, 60)
    text = f"{rest:04.1f}" if rest != int(rest) else f"{int(rest):02d}"
    return f"{int(minutes)}:{text}"
