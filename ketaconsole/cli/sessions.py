"""``ketaconsole sessions``: list the recorded sessions as a table, interrupted ones marked."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from sqlalchemy.exc import SQLAlchemyError

from ketaconsole.storage.config import resolve_database_url
from ketaconsole.storage.database import Database
from ketaconsole.storage.errors import StorageError
from ketaconsole.storage.stored import SessionSummary

INTERRUPTED_MARKER = "INTERRUPTED"
COLUMNS = ("ID", "PATIENT", "PROTOCOL", "PORT", "STARTED (local)", "ENDED (local)", "OBSERVATIONS")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sessions",
        help="list recorded sessions",
        description="List the recorded sessions, newest first. A session marked INTERRUPTED was "
        "still recording when the recorder stopped; it can be resumed.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        with Database(resolve_database_url(args.db)) as db:
            summaries = db.list_sessions()
            location = db.display_url
    except (StorageError, SQLAlchemyError) as error:
        print(f"ketaconsole sessions: {error}", file=sys.stderr)
        return 1
    if not summaries:
        print(f"No sessions in {location}.")
        return 0
    print(f"Sessions in {location}:")
    print(render_table(summaries))
    interrupted = [summary for summary in summaries if summary.interrupted]
    if interrupted:
        print()
        print(f"{INTERRUPTED_MARKER}: the recorder stopped without ending these sessions. Resume with:")
        for summary in interrupted:
            print(f"  ketaconsole record --resume {summary.id} ...")
    return 0


def render_table(summaries: list[SessionSummary]) -> str:
    """The sessions as aligned text columns with a header line."""
    rows = [COLUMNS, *(_row(summary) for summary in summaries)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def _row(summary: SessionSummary) -> tuple[str, ...]:
    if summary.interrupted:
        ended = INTERRUPTED_MARKER
    elif summary.ended_utc is None:
        ended = summary.status
    else:
        ended = _local(summary.ended_utc)
    return (
        summary.id,
        summary.patient_identifier or "-",
        summary.protocol,
        summary.port,
        _local(summary.started_utc),
        ended,
        str(summary.observation_count),
    )


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
