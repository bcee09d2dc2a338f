"""Session writer throughput with the audit chain against the same writer without it, same run.

Workload: a backlog of ``--seconds`` of a GE S/5 (11 numerics at 1 Hz; ECG 300 Hz, pleth 100 Hz and
CO2 25 Hz in 0.25 s chunks: 23 rows per second) submitted at once, then ``close()``: the writer
drains it in back-to-back full transactions, its fastest path, where the chain's share of the cost is
largest. Time is from the first submit to ``close()`` returning, so encoding is included for both.

The reference is a :class:`SessionWriter` whose batches skip the chain (no canonical forms, no
digests, plain inserts without ``RETURNING``, no data-batch entry): the writer as it was before the
chain. Runs alternate between the two on fresh databases; medians are reported.

    .venv/bin/python benchmarks/bench_writer_chain.py                  # SQLite, 600 s backlog, 5 runs
    .venv/bin/python benchmarks/bench_writer_chain.py --url postgresql+psycopg://…  # an empty database
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import insert, text, update

from ketaconsole.core.clock import ManualClock, Stamp
from ketaconsole.core.observations import DeviceOutput, Observation, WaveformChunk
from ketaconsole.storage.database import Database
from ketaconsole.storage.models import Base, SessionRow
from ketaconsole.storage.writer import SessionWriter, _Batch

T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
NUMERICS = ("HR", "SPO2", "PR_SPO2", "RR", "ETCO2", "FICO2", "NIBP_SYS", "NIBP_DIA", "NIBP_MEAN", "TEMP1",
            "PI")
WAVES = (("ECG2", 300.0), ("PLETH", 100.0), ("CO2", 25.0))
CHUNK_S = 0.25


class UnchainedWriter(SessionWriter):
    """The reference: the session writer's batches without the audit chain."""

    def _take_batch(self) -> _Batch:
        batch = _Batch(id=f"{self._batch_prefix}:{next(self._batch_numbers)}")
        while batch.size < 2000 and not self._queue.empty():
            table, row = self._queue.get_nowait()
            batch.rows_by_table.setdefault(table, []).append(row)
            batch.size += 1
        return batch

    def _commit(self, batch: _Batch) -> None:
        sessions = SessionRow.__table__
        with self._database.session_factory() as session:
            for table, rows in batch.rows_by_table.items():
                session.execute(insert(Base.metadata.tables[table]), rows)
            session.execute(update(sessions).where(sessions.c.id == self.session_id)
                            .values(last_heartbeat_utc=self._clock.now().utc, last_batch_id=batch.id))
            session.commit()


def workload(seconds: int) -> list[DeviceOutput]:
    def at(s: float) -> Stamp:
        return Stamp(T0 + timedelta(seconds=s), round(s * 1e9))

    source = "datex-s5@/dev/ttyUSB0"
    outputs: list[DeviceOutput] = []
    for second in range(seconds):
        outputs += [Observation(name, 50.0 + n + second % 7, at(second), source)
                    for n, name in enumerate(NUMERICS)]
        for quarter in range(int(1 / CHUNK_S)):
            start = second + quarter * CHUNK_S
            outputs += [WaveformChunk(wave, at(start), rate, np.sin(np.arange(int(rate * CHUNK_S),
                                                                             dtype=np.float32)), source)
                        for wave, rate in WAVES]
    return outputs


def run_once(url: str, writer_class: type[SessionWriter], outputs: list[DeviceOutput]) -> float:
    with Database(url) as database:
        session_id = database.start_session(protocol="datex-s5", port="p", started=Stamp(T0, 0),
                                            patient_id=None)
        writer = writer_class(database, session_id, clock=ManualClock(start=T0), flush_interval_s=0.05)
        started = time.perf_counter()
        writer.submit(outputs)
        writer.close(timeout=None)
        elapsed = time.perf_counter() - started
        with database.engine.begin() as connection:
            for table in ("session_events", "waveform_chunks", "observations", "sessions"):
                connection.execute(text(f"DELETE FROM {table}"))
    return elapsed


def machine() -> str:
    return (f"{platform.platform()}, {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, "
            f"Python {platform.python_version()}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=600, help="seconds of recording in the backlog")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each writer")
    parser.add_argument("--url", help="an empty database to use (default: a fresh SQLite file)")
    args = parser.parse_args(argv)
    outputs = workload(args.seconds)
    with tempfile.TemporaryDirectory() as directory:
        url = args.url or f"sqlite:///{Path(directory) / 'bench.sqlite3'}"
        times: dict[str, list[float]] = {"chained": [], "unchained": []}
        run_once(url, SessionWriter, outputs[:2000])  # warm up: schema, imports, caches
        for _ in range(args.runs):
            times["unchained"].append(run_once(url, UnchainedWriter, outputs))
            times["chained"].append(run_once(url, SessionWriter, outputs))
    print(f"machine: {machine()}")
    print(f"database: {url.split(':')[0]}; backlog: {args.seconds} s = {len(outputs)} rows; "
          f"{args.runs} runs each")
    rates = {name: len(outputs) / statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"{name:>10}: median {statistics.median(values):.3f} s  ({rates[name]:,.0f} rows/s)  "
              f"runs {', '.join(f'{v:.3f}' for v in values)}")
    print(f"throughput with / without the chain: {rates['chained'] / rates['unchained']:.2f}")
    print(f"rows per second at the bedside: {len(outputs) / args.seconds:.0f}; the chained writer keeps up "
          f"{rates['chained'] / (len(outputs) / args.seconds):,.0f}× over")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
