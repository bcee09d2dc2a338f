"""Property tests of the chain on its own: any event sequence verifies; any single mutation is caught."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ketaconsole.records.verify import ProblemKind, verify_chain
from ketaconsole.storage.audit_chain import GENESIS, ChainEntry, ChainHead, chained_event_row

SESSION = "33333333-3333-4333-8333-333333333333"
T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)

json_scalars = st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.text(max_size=8) | \
    st.floats(allow_nan=False, allow_infinity=False)
details = st.dictionaries(st.text(max_size=6), st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                             max_size=3), max_leaves=6),
    max_size=4)
events = st.lists(st.tuples(st.sampled_from(["note", "dose-planned", "alarm-limit-changed", "data-batch"]),
                            st.integers(0, 10**6), st.integers(0, 2**62), st.none() | st.text(max_size=10),
                            details), min_size=2, max_size=12)


def chain(raw: list[tuple[str, int, int, str | None, dict]]) -> list[ChainEntry]:
    head, entries = GENESIS, []
    for kind, milliseconds, monotonic_ns, user, detail in raw:
        row = {"session_id": SESSION, "kind": kind, "utc": T0 + timedelta(milliseconds=milliseconds),
               "monotonic_ns": monotonic_ns, "user": user, "detail": detail}
        chained, head = chained_event_row(row, head)
        entries.append(ChainEntry(**chained))
    return entries


@given(events)
def test_a_recorded_chain_verifies(raw) -> None:
    assert verify_chain(chain(raw)) == []


MUTATIONS = ["detail", "kind", "user", "utc", "monotonic", "delete", "swap", "prev_hash", "entry_hash"]


@given(events, st.sampled_from(MUTATIONS), st.data())
def test_any_single_mutation_is_detected(raw, mutation: str, data) -> None:
    entries = chain(raw)
    last = len(entries) - 1
    index = data.draw(st.integers(0, last - 1 if mutation in ("delete", "swap") else last))
    entry = entries[index]
    seq = entry.seq
    if mutation == "delete":
        del entries[index]
    elif mutation == "swap":
        following = entries[index + 1]
        entries[index], entries[index + 1] = (dataclasses.replace(following, seq=seq),
                                              dataclasses.replace(entry, seq=following.seq))
    else:
        changed = {
            "detail": {"detail": {**entry.detail, "\u0000tampered": True}},
            "kind": {"kind": entry.kind + "!"},
            "user": {"user": (entry.user or "") + "x"},
            "utc": {"utc": entry.utc + timedelta(microseconds=1)},
            "monotonic": {"monotonic_ns": entry.monotonic_ns + 1},
            "prev_hash": {"prev_hash": f"{int(entry.prev_hash, 16) ^ 1:064x}"},
            "entry_hash": {"entry_hash": f"{int(entry.entry_hash, 16) ^ 1:064x}"},
        }[mutation]
        entries[index] = dataclasses.replace(entry, **changed)

    problems = verify_chain(entries)
    assert problems
    expected = {"delete": ProblemKind.MISSING, "swap": ProblemKind.REORDERED}.get(mutation,
                                                                                  ProblemKind.CHANGED)
    assert (expected, seq) in {(problem.kind, problem.seq) for problem in problems}


@given(events)
def test_removing_the_last_entries_is_seen_only_against_an_anchor(raw) -> None:
    entries = chain(raw)
    anchor = ChainHead(entries[-1].seq, entries[-1].entry_hash)
    assert verify_chain(entries[:-1]) == []
    assert [(p.kind, p.seq) for p in verify_chain(entries[:-1], anchor=anchor)] == [
        (ProblemKind.MISSING, anchor.seq)]
