"""``ketaconsole instruments``: the rating instruments in use, and checking a clinic's instrument and
licensed item-text files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ketaconsole.core.data_files import read_toml
from ketaconsole.core.instruments import (
    TEXT_SUFFIX,
    InstrumentCatalogue,
    InstrumentError,
    LoadedInstrument,
    load_instrument_bytes,
    load_instrument_catalogue,
    load_item_text,
)
from ketaconsole.paths import site_config_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    site = site_config_dir() / "instruments"
    parser = subparsers.add_parser(
        "instruments",
        help="list the rating instruments, or check instrument and item-text files",
        description="List the rating instruments the console uses (dissociation, sedation, agitation, "
        f"discharge): the shipped ones, replaced or added to by files in the site directory ({site}; "
        "$KETACONSOLE_CONFIG_DIR moves it), and whether the site's licensed item text is installed. "
        "Files that are refused are named with the reason, and the exit status is 1. With --check, "
        f"validate the given files instead: instrument files, and item-text files (*{TEXT_SUFFIX}), "
        "which are checked against the instrument they name. The formats are in docs/INSTRUMENTS.md.",
    )
    parser.add_argument("--check", nargs="+", type=Path, metavar="FILE",
                        help=f"validate these instrument or item-text (*{TEXT_SUFFIX}) files, e.g. before "
                        "copying them to the site directory")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    catalogue = load_instrument_catalogue()
    if args.check:
        return _check(args.check, catalogue)
    for loaded in sorted(catalogue.instruments.values(), key=lambda item: item.instrument.id):
        instrument = loaded.instrument
        print(f"{instrument.id}  {instrument.version}  {instrument.name}  "
              f"[{_items(len(instrument.items))}; {_text_status(loaded)}]")
        print(f"    {loaded.source}  sha256 {loaded.sha256}")
    _report(catalogue.problems)
    return 1 if catalogue.problems else 0


def _items(count: int) -> str:
    """``"1 item"``, ``"28 items"``."""
    return f"{count} item" if count == 1 else f"{count} items"


def _text_status(loaded: LoadedInstrument) -> str:
    """How the items are labelled: the site's licensed text (with its licence) or our neutral labels."""
    if loaded.instrument.licensed_text is None:
        return "labels shipped, no licensed text needed"
    if loaded.licence is None:
        return f"licensed text not installed ({loaded.instrument.licensed_text}{TEXT_SUFFIX}): neutral labels"
    return f"licensed text installed, licence: {loaded.licence}"


def _check(paths: list[Path], catalogue: InstrumentCatalogue) -> int:
    """Check each file (an instrument, or item text by its ``.text.toml`` name); 1 if any is refused."""
    failed = False
    for path in paths:
        try:
            if path.name.endswith(TEXT_SUFFIX):
                message = _check_text(path, catalogue)
            else:
                message = _check_instrument(path)
        except (InstrumentError, OSError) as error:
            _report([str(error)])
            failed = True
            continue
        print(f"{path}: ok ({message})")
    return 1 if failed else 0


def _check_instrument(path: Path) -> str:
    """Validate an instrument file on its own; returns a one-line summary."""
    instrument = load_instrument_bytes(path.read_bytes(), source=str(path)).instrument
    return f"{instrument.id} {instrument.version}, {_items(len(instrument.items))}"


def _check_text(path: Path, catalogue: InstrumentCatalogue) -> str:
    """Validate an item-text file against the catalogue instrument named in its ``instrument`` field."""
    data = path.read_bytes()
    named = read_toml(data, source=str(path), error=InstrumentError).get("instrument")
    if not isinstance(named, str) or named not in catalogue.instruments:
        known = ", ".join(sorted(catalogue.instruments)) or "none"
        raise InstrumentError(f"{path}: instrument: {named!r} is not a known instrument (known: {known})")
    instrument = catalogue.instruments[named].instrument
    text = load_item_text(data, instrument, source=str(path))
    summary = (f"text for {instrument.id}, {len(text.items)} of {len(instrument.items)} items, "
               f"licence: {text.licence}")
    if instrument.licensed_text is None:
        return f"{summary}; but {instrument.id} does not read licensed text"
    expected = f"{instrument.licensed_text}{TEXT_SUFFIX}"
    return summary if path.name == expected else f"{summary}; install it as {expected} to be used"


def _report(problems: tuple[str, ...] | list[str]) -> None:
    """Name each refused file and why on stderr."""
    for problem in problems:
        print(f"ketaconsole instruments: refused: {problem}", file=sys.stderr)
