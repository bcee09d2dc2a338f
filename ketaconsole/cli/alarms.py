"""``ketaconsole alarms``: the alarm presets in use with their limits, and checking a site's preset files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ketaconsole.core.alarm_presets import AlarmPreset, PresetError, load_preset_bytes, load_preset_catalogue
from ketaconsole.core.dosing import format_number
from ketaconsole.core.treatment_profiles import load_catalogue
from ketaconsole.paths import site_config_dir

NOT_CONFIRMED = "NOT CONFIRMED (shipped defaults)"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "alarms",
        help="list the alarm presets and their limits, or check preset files",
        description="List the alarm presets: the shipped defaults, replaced by files with the same id in "
        f"the site directory ({site_config_dir() / 'alarms'}; $KETACONSOLE_CONFIG_DIR moves it), each "
        "with its limits, delays and technical-alarm settings, and the treatment profiles that use it. "
        "Refused files, a missing or doubled default, and a profile naming an unknown preset are "
        "reported and make the exit status 1. With --check, validate the given files instead.",
    )
    parser.add_argument("--check", nargs="+", type=Path, metavar="FILE",
                        help="validate these preset files (e.g. before copying them to the site directory)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.check:
        return _check(args.check)
    catalogue = load_preset_catalogue()
    problems = [f"refused: {problem}" for problem in catalogue.problems]
    try:
        catalogue.default()
    except LookupError as error:
        problems.append(str(error))
    users: dict[str, list[str]] = {}
    for loaded in load_catalogue().profiles.values():
        users.setdefault(loaded.profile.alarm_preset, []).append(loaded.profile.id)
        if loaded.profile.alarm_preset not in catalogue.presets:
            problems.append(f"treatment profile {loaded.profile.id} names the unknown alarm preset "
                            f"{loaded.profile.alarm_preset!r}")
    for loaded in sorted(catalogue.presets.values(), key=lambda item: item.preset.id):
        _describe(loaded.preset, users.get(loaded.preset.id, []))
        print(f"    {loaded.source}  sha256 {loaded.sha256}")
    for problem in problems:
        print(f"ketaconsole alarms: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _describe(preset: AlarmPreset, profiles: list[str]) -> None:
    confirmed = f"confirmed by {preset.confirmed_by}" if preset.is_confirmed else NOT_CONFIRMED
    default = ", default" if preset.default else ""
    print(f"{preset.id}  {preset.version}  {preset.name}  [{confirmed}{default}]")
    print(f"    used by: {', '.join(sorted(profiles)) or 'no treatment profile'}")
    for rule in preset.limit:
        tiers = ", ".join(f"{'<' if rule.direction == 'low' else '>'} {format_number(tier.threshold)} "
                          f"{tier.priority}" for tier in rule.tiers)
        extras = f"onset {format_number(rule.onset_delay_s)} s, hysteresis {format_number(rule.hysteresis)}"
        latching = ", latching" if rule.latching else ""
        print(f"    {rule.label} ({'/'.join(rule.parameters)}): {tiers}; {extras}{latching}")
    technical = preset.technical
    print(f"    stale after {format_number(technical.stale_after_s)} s; no data alarm after "
          f"{format_number(technical.no_data_after_s)} s ({technical.no_data_priority}); disconnected alarm "
          f"after {format_number(technical.disconnected_after_s)} s ({technical.disconnected_priority}); "
          f"audio pause {format_number(preset.audio.pause_s)} s")
    for step in preset.blood_pressure_step:
        print(f"    blood pressure above {format_number(step.systolic_above)}/"
              f"{format_number(step.diastolic_above)} on {step.readings} reading(s): {step.action.value}")


def _check(paths: list[Path]) -> int:
    failed = False
    for path in paths:
        try:
            loaded = load_preset_bytes(path.read_bytes(), source=str(path))
        except (PresetError, OSError) as error:
            print(f"ketaconsole alarms: refused: {error}", file=sys.stderr)
            failed = True
            continue
        print(f"{path}: ok ({loaded.preset.id} {loaded.preset.version})")
    return 1 if failed else 0
