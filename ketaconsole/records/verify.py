"""Checking a session's audit chain and the data it covers (definitions: docs/RECORD_FORMAT.md).

Problems are data — a :class:`ProblemKind`, the ``seq`` it concerns (``None`` for rows no entry
covers) and a sentence for people — so the command line and the window show the same findings.
A clean session gives an empty list.

What the chain can and cannot show: any change, insertion, removal or reordering *inside* the chain
breaks a hash or a link and is reported. Removing the *last* entries, or rewriting every entry from
some point on with recomputed hashes, leaves a shorter or different but consistent chain; only a
head recorded elsewhere (a signed record, an export) reveals that, which is what ``anchor`` is for.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ketaconsole.storage.audit_chain import (
    CANONICAL_ROW,
    DATA_BATCH_KIND,
    GENESIS_HASH,
    ChainEntry,
    ChainHead,
    RowDigest,
)
from ketaconsole.storage.database import Database

RELOCATION_WINDOW = 16
"""A broken entry is matched against this many other broken entries on each side to tell an entry
moved to another place (reordered) from one whose content changed."""


class ProblemKind(StrEnum):
    CHANGED = "changed"
    """An entry's content no longer gives its stored hash (or differs from the anchored head)."""
    MISSING = "missing"
    """Entries are missing: a gap in ``seq``, a ``prev_hash`` that names no stored entry before it,
    or a chain that ends before the anchored head."""
    REORDERED = "reordered"
    """An entry sits at another place than the one it was recorded at (swapped, renumbered, duplicated)."""
    DATA_CHANGED = "data-changed"
    """The stored observations or waveform chunks of a data batch no longer give its digest."""
    UNCHAINED_DATA = "unchained-data"
    """Stored observations or waveform chunks that no data batch covers (added afterwards)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: what kind, at which chain entry (``None`` when no entry is concerned), and why."""

    kind: ProblemKind
    seq: int | None
    message: str


def verify_chain(entries: Sequence[ChainEntry], *, anchor: ChainHead | None = None) -> list[Problem]:
    """Recompute every hash and link of one session's chain; the problems found, by ``seq``.

    ``entries`` are the session's stored entries in any order. ``anchor``, a head recorded
    elsewhere (e.g. in a signed record), must be an entry of the chain: otherwise the entries after
    the chain's end are reported missing, or the entry at its ``seq`` changed.
    """
    ordered = sorted(entries, key=lambda entry: entry.seq)
    broken = [entry for entry in ordered if entry.recomputed_hash() != entry.entry_hash]
    broken_ids = {id(entry) for entry in broken}
    recorded_at = _relocations(broken)
    problems: list[Problem] = []
    previous: ChainEntry | None = None
    for entry in ordered:
        moved = id(entry) in recorded_at or (previous is not None and id(previous) in recorded_at)
        if id(entry) in recorded_at:
            problems.append(Problem(ProblemKind.REORDERED, entry.seq,
                                    f"entry {entry.seq} ({entry.kind}) was recorded as entry "
                                    f"{recorded_at[id(entry)]}: entries were swapped or renumbered"))
        elif id(entry) in broken_ids:
            problems.append(Problem(ProblemKind.CHANGED, entry.seq,
                                    f"entry {entry.seq} ({entry.kind}) was changed: its content no longer "
                                    f"gives its hash"))
        expected_seq = 1 if previous is None else previous.seq + 1
        if entry.seq < expected_seq:
            problems.append(Problem(ProblemKind.REORDERED, entry.seq,
                                    f"entry {entry.seq} ({entry.kind}) is out of place: "
                                    f"entry {expected_seq} was expected"))
            continue
        if entry.seq > expected_seq:
            missing = _entries(expected_seq, entry.seq - 1)
            problems.append(Problem(ProblemKind.MISSING, expected_seq,
                                    f"{missing} missing before entry {entry.seq}"))
        elif entry.prev_hash != (GENESIS_HASH if previous is None else previous.entry_hash) and not moved:
            problems.append(Problem(ProblemKind.MISSING, entry.seq,
                                    f"entry {entry.seq} ({entry.kind}) does not follow the entry before it: "
                                    f"the entry it was chained to was removed or replaced"))
        previous = entry
    if anchor is not None:
        problems.extend(_anchor_problems(ordered, anchor))
    return sorted(problems, key=lambda problem: problem.seq or 0)


def verify_stored_session(database: Database, session_id: str, *,
                          anchor: ChainHead | None = None) -> list[Problem]:
    """:func:`verify_chain` on the stored session, then every data batch's digest recomputed from the
    stored rows: a changed, added or removed observation or waveform chunk is reported."""
    entries = database.chain_entries(session_id)
    problems = verify_chain(entries, anchor=anchor)
    untrusted = {problem.seq for problem in problems if problem.kind is not ProblemKind.MISSING}
    batches = [entry for entry in entries if entry.kind == DATA_BATCH_KIND]
    for table in CANONICAL_ROW:
        parts = [(entry, entry.detail[table]) for entry in batches if table in entry.detail]
        problems.extend(_data_problems(table, parts, database.data_rows(session_id, table), untrusted))
    return problems


def _relocations(broken: Sequence[ChainEntry]) -> dict[int, int]:
    """``id(entry)`` → the ``seq`` it was recorded at, for broken entries that hash correctly at
    another broken entry's place: renumbered (right with the other ``seq``) or moved (right with the
    other's ``seq`` and ``prev_hash``, giving the other's hash)."""
    found: dict[int, int] = {}
    for index, entry in enumerate(broken):
        nearby = broken[max(0, index - RELOCATION_WINDOW):index + RELOCATION_WINDOW + 1]
        for other in nearby:
            if other is entry:
                continue
            if (entry.recomputed_hash(seq=other.seq) == entry.entry_hash
                    or entry.recomputed_hash(seq=other.seq, prev_hash=other.prev_hash) == other.entry_hash):
                found[id(entry)] = other.seq
                break
    return found


def _anchor_problems(ordered: Sequence[ChainEntry], anchor: ChainHead) -> list[Problem]:
    last_seq = ordered[-1].seq if ordered else 0
    if anchor.seq > last_seq:
        return [Problem(ProblemKind.MISSING, last_seq + 1,
                        f"{_entries(last_seq + 1, anchor.seq)} missing: the chain ends at entry {last_seq} "
                        f"but was anchored at entry {anchor.seq}")]
    at_anchor = [entry for entry in ordered if entry.seq == anchor.seq]
    if not any(entry.entry_hash == anchor.entry_hash for entry in at_anchor):
        return [Problem(ProblemKind.CHANGED, anchor.seq,
                        f"entry {anchor.seq} is not the entry that was anchored (its hash differs)")]
    return []


def _data_problems(table: str, parts: Sequence[tuple[ChainEntry, Any]], rows: Iterator[Mapping[str, Any]],
                   untrusted: set[int | None]) -> list[Problem]:
    """Walk the table's rows (id order) through the data batches' id ranges (seq order)."""
    canonical = CANONICAL_ROW[table]
    what = table.replace("_", " ")
    problems: list[Problem] = []
    unchained: list[int] = []
    row = next(rows, None)
    for entry, part in parts:
        try:
            first_id, last_id = part["first_id"], part["last_id"]
            count, sha256 = part["count"], part["sha256"]
        except (KeyError, TypeError):
            problems.append(Problem(ProblemKind.DATA_CHANGED, entry.seq,
                                    f"data batch {entry.seq} does not describe its {what} readably"))
            continue
        digest = RowDigest()
        while row is not None and row["id"] < first_id:
            unchained.append(row["id"])
            row = next(rows, None)
        while row is not None and row["id"] <= last_id:
            digest.add(canonical(row))
            row = next(rows, None)
        if entry.seq in untrusted or (digest.count, digest.sha256) == (count, sha256):
            continue
        change = ("a value differs" if digest.count == count
                  else f"{digest.count} are stored where {count} were recorded")
        problems.append(Problem(ProblemKind.DATA_CHANGED, entry.seq,
                                f"the {what} of data batch {entry.seq} (ids {first_id}–{last_id}) no longer "
                                f"match its digest: {change}"))
    while row is not None:
        unchained.append(row["id"])
        row = next(rows, None)
    if unchained:
        problems.append(Problem(ProblemKind.UNCHAINED_DATA, None,
                                f"{len(unchained)} {what} (ids {_id_list(unchained)}) are covered by no data "
                                f"batch: they were added outside the recorder"))
    return problems


def _entries(first: int, last: int) -> str:
    return f"entry {first} is" if first == last else f"entries {first}–{last} are"


def _id_list(ids: Sequence[int], shown: int = 5) -> str:
    listed = ", ".join(str(row_id) for row_id in ids[:shown])
    return listed + (", …" if len(ids) > shown else "")
