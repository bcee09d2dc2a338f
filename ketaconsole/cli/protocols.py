"""``ketaconsole protocols``: the treatment profiles in use, and checking a clinic's profile files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ketaconsole.core.treatment_profiles import ProfileError, load_catalogue, load_profile_bytes
from ketaconsole.paths import site_config_dir

NOT_CONFIRMED = "NOT CONFIRMED (shipped defaults)"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "protocols",
        help="list the treatment profiles, or check profile files",
        description="List the treatment profiles the console uses: the shipped defaults, replaced by "
        f"files with the same id in the site directory ({site_config_dir() / 'protocols'}; "
        "$KETACONSOLE_CONFIG_DIR moves it). Files that are refused are named with the reason, and the "
        "exit status is 1. With --check, validate the given files instead.",
    )
    parser.add_argument("--check", nargs="+", type=Path, metavar="FILE",
                        help="validate these profile files (e.g. before copying them to the site directory)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.check:
        return _check(args.check)
    catalogue = load_catalogue()
    for loaded in sorted(catalogue.profiles.values(), key=lambda item: item.profile.id):
        profile = loaded.profile
        confirmed = f"confirmed by {profile.confirmed_by}" if profile.confirmed else NOT_CONFIRMED
        print(f"{profile.id}  {profile.version}  {profile.name}  [{confirmed}]")
        print(f"    {loaded.source}  sha256 {loaded.sha256}")
    for problem in catalogue.problems:
        print(f"ketaconsole protocols: refused: {problem}", file=sys.stderr)
    return 1 if catalogue.problems else 0


def _check(paths: list[Path]) -> int:
    failed = False
    for path in paths:
        try:
            loaded = load_profile_bytes(path.read_bytes(), source=str(path))
        except (ProfileError, OSError) as error:
            print(f"ketaconsole protocols: refused: {error}", file=sys.stderr)
            failed = True
            continue
        print(f"{path}: ok ({loaded.profile.id} {loaded.profile.version})")
    return 1 if failed else 0
