"""Time ``verify`` (chain and replay of the rows) on a large generated ledger.

    python -m tests.bench.verify_runs --events 1000000 [--pg] [--keep FILE]

Builds the ledger (see :mod:`tests.bench.ledger_build`) in a throw-away SQLite
file or PostgreSQL schema, then times one full verification and prints the figures.
``--keep FILE`` builds the SQLite file there once and verifies it again on later runs.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sqlalchemy import Engine

from console.db.audit import verify_ledger, verify_resuming
from console.db.engine import make_engine
from console.db.records.resume import load_state, save_state
from console.db.services import Services
from tests.bench.databases import bench_database
from tests.bench.ledger_build import fill
from tests.db.helpers import draft
from tests.support.principals import desk

NEW_CALLS = 200
"""Calls taken after the resume point before the second ``verify --resume``."""


def main(argv: list[str] | None = None) -> int:
    """Build, verify, print the timings; exit 1 if the ledger did not verify."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--pg", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument("--keep", type=Path, metavar="FILE", help="SQLite file kept between runs")
    args = parser.parse_args(argv)
    with bench_database(args.pg, "ledger.db", keep=args.keep) as url:
        engine = make_engine(url)
        began = time.perf_counter()
        if args.keep is None or not args.keep.exists():
            fill(engine, args.events)
        built = time.perf_counter() - began
        began, cpu = time.perf_counter(), time.process_time()
        chain_only = verify_ledger(engine, records=False)
        chain_s, chain_cpu = time.perf_counter() - began, time.process_time() - cpu
        began, cpu = time.perf_counter(), time.process_time()
        report = verify_ledger(engine)
        full_s, full_cpu = time.perf_counter() - began, time.process_time() - cpu
        resume = _resume_figures(engine)
        engine.dispose()
    backend = "postgresql" if args.pg else "sqlite"
    print(
        f"{backend}: {args.events} events built in {built:.1f} s; "
        f"verify chain only {chain_s:.1f} s ({chain_cpu:.1f} s CPU), "
        f"chain and rows {full_s:.1f} s ({full_cpu:.1f} s CPU): "
        f"{'ok' if report.ok else report.problem}"
    )
    print(resume)
    return 0 if report.ok and chain_only.ok else 1


def _resume_figures(engine: Engine) -> str:
    """Time ``verify --resume``: keeping its state, reading it back, resuming with nothing new."""
    _, state = verify_resuming(engine, None)
    if state is None:
        return "resume: the ledger did not verify"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "resume.json"
        began = time.perf_counter()
        save_state(path, state)
        saved_s = time.perf_counter() - began
        size_mb = path.stat().st_size / 1e6
        began = time.perf_counter()
        loaded = load_state(path, state.database)
        loaded_s = time.perf_counter() - began
    began, cpu = time.perf_counter(), time.process_time()
    report, resumed = verify_resuming(engine, loaded)
    resumed_s, resumed_cpu = time.perf_counter() - began, time.process_time() - cpu
    services = Services(engine, principal=desk("bench:verify"))
    for _ in range(NEW_CALLS):
        services.take_call(draft())
    began, cpu = time.perf_counter(), time.process_time()
    after, _ = verify_resuming(engine, resumed)
    after_s, after_cpu = time.perf_counter() - began, time.process_time() - cpu
    return (
        f"resume: state {size_mb:.1f} MB kept in {saved_s:.1f} s, read in {loaded_s:.1f} s; "
        f"verify --resume with no new events {resumed_s:.2f} s ({resumed_cpu:.2f} s CPU): "
        f"{'ok' if report.ok else report.problem}; after {NEW_CALLS} new calls "
        f"{after_s:.2f} s ({after_cpu:.2f} s CPU): {'ok' if after.ok else after.problem}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
