"""Suggestion time while a fleet reports: the advisor's fleet kept across position-only changes.

    python -m tests.bench.suggest_stream [--crews 10000] [--seconds 20] [--batch 500]
        [--batches-per-second 4] [--sqlite] [--business]

A throw-away PostgreSQL schema (or SQLite file) gets ``--crews`` crews and one
open request. A writer process stores ``--batches-per-second`` batches of
``--batch`` moved crews (a transaction like the telemetry store's: positions
and ``position_revision`` only); with ``--business`` each batch also raises
the business revision, as when every fix was an ordinary unit of work, which
is what made every suggestion re-read the whole fleet. Meanwhile this process
asks for the request's suggestions every ``--every-ms`` (a dispatcher going
through the queue) and prints their p50 / p95, and how often the advisor read
the whole fleet or only the moved positions.
"""

from __future__ import annotations

import argparse
import multiprocessing
import time
from dataclasses import dataclass

from console.core.kpi import percentile
from console.db import schema
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.db.services import Services
from tests.bench.databases import bench_database
from tests.bench.write_path_runs import install_crews
from tests.db.helpers import draft
from tests.support.fix_batches import store_positions
from tests.support.principals import desk

__all__ = ["SuggestRun", "main", "run_suggest"]


@dataclass(frozen=True, slots=True)
class SuggestRun:
    """What one run measured."""

    database: str
    business: bool
    crews: int
    fixes_per_second: float
    timings_ms: list[float]
    full_reads: int
    position_reads: int

    def report(self) -> str:
        """The figures as one line."""
        feed = "fixes raising the business revision" if self.business else "position-only batches"
        return (
            f"{self.database}, {self.crews} crews, {self.fixes_per_second:.0f} fixes/s as {feed}: "
            f"suggest mean {sum(self.timings_ms) / max(1, len(self.timings_ms)):.1f} ms, "
            f"p50 {percentile(self.timings_ms, 50) or 0:.1f} ms, "
            f"p95 {percentile(self.timings_ms, 95) or 0:.1f} ms over {len(self.timings_ms)}; "
            f"fleet read whole {self.full_reads} times, positions only {self.position_reads}"
        )


def _writer(
    url: str, crews: int, batch: int, *, rate: float, seconds: float, business: bool
) -> int:
    """Store batches of moved crews for ``seconds`` from the first; how many."""
    engine = make_engine(url)
    n = 0
    start = time.time()
    while (due := start + n / rate) < start + seconds:
        time.sleep(max(0.0, due - time.time()))
        first = (n * batch) % crews
        # Each visit moves a crew 11 m back or forth (a plausible drive between fixes), and
        # every crew stays near Hangzhou, inside the service area.
        step = 0.0001 * ((n * batch) // crews % 2)
        chosen = [1 + (first + k) % crews for k in range(batch)]
        moves = {crew: (30.0 + crew / 10_000 + step, 120.0 + step) for crew in chosen}
        store_positions(engine, moves, business=business)
        n += 1
    engine.dispose()
    return n


def run_suggest(
    *,
    sqlite: bool,
    business: bool,
    crews: int,
    seconds: float,
    batch: int,
    rate: float,
    every_ms: float,
) -> SuggestRun:
    """Fill the fleet, stream the batches from another process, time the suggestions."""
    with bench_database(not sqlite, "suggest.db") as url:
        engine = make_engine(url)
        schema.ensure_schema(engine, auto_upgrade=True)
        install_crews(engine, crews)
        request = Services(engine, principal=desk("bench:intake")).take_call(draft())
        backend = DatabaseBackend(engine, principal=desk("bench:dispatcher"))
        backend.suggest(request.id)  # warm: the first read of the fleet is not what is measured
        cache = backend.fleet_cache
        full, moved = cache.full_reads, cache.position_reads
        context = multiprocessing.get_context("spawn")
        with context.Pool(1) as pool:
            writing = pool.apply_async(
                _writer,
                (url, crews, batch),
                {"rate": rate, "seconds": seconds + 2, "business": business},
            )
            # Timed only once the writer is running (starting a process takes a while).
            while backend.change_heads().position_revision == 0:
                time.sleep(0.05)
            until = time.time() + seconds
            timings: list[float] = []
            while time.time() < until:
                began = time.perf_counter()
                backend.suggest(request.id)
                timings.append((time.perf_counter() - began) * 1000)
                time.sleep(every_ms / 1000)
            writing.get(timeout=60)
        run = SuggestRun(
            database="sqlite" if sqlite else "postgresql",
            business=business,
            crews=crews,
            fixes_per_second=batch * rate,
            timings_ms=timings,
            full_reads=cache.full_reads - full,
            position_reads=cache.position_reads - moved,
        )
        backend.close()
        engine.dispose()
    return run


def main(argv: list[str] | None = None) -> int:
    """Time suggestions while batches of fixes stream in."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crews", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--batches-per-second", type=float, default=4.0)
    parser.add_argument("--every-ms", type=float, default=250.0)
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument(
        "--business", action="store_true", help="batches raise the business revision (as before)"
    )
    args = parser.parse_args(argv)
    run = run_suggest(
        sqlite=args.sqlite,
        business=args.business,
        crews=args.crews,
        seconds=args.seconds,
        batch=args.batch,
        rate=args.batches_per_second,
        every_ms=args.every_ms,
    )
    print(run.report())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
