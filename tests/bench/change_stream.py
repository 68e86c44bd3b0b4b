"""Consoles following one database while a fleet reports: their CPU, the server's, how soon crews move.

    python -m tests.bench.change_stream [--consoles 40] [--seconds 30] [--crews 10000]
        [--batch 500] [--batches-per-second 4] [--sqlite] [--poll-ms 1000]

A throw-away PostgreSQL schema (or, with ``--sqlite``, an SQLite file) gets a
fleet of ``--crews`` crews. Each console is its own process running the real
:class:`~console.ui.live_sync.LiveSync` over the real
:class:`~console.db.backend.DatabaseBackend` on a Qt event loop without a
window (LISTEN/NOTIFY on PostgreSQL, the timer poll on SQLite). While they
follow, this process stores ``--batches-per-second`` batches of ``--batch``
moved crews (on PostgreSQL 4 x 500 = 2,000 fixes a second), each one
transaction like the telemetry store's (crews moved, ``position_revision``
raised, ``p:<n>`` announced; no business revision).

Printed: each console's CPU (% of one core, from ``getrusage`` over the
measured window: listener, worker and GUI threads), its fetches a second, the
CPU of the PostgreSQL backends serving the consoles (``/proc/<pid>/stat`` of
the server processes whose ``application_name`` names a console: their LISTEN
and poll connections), and the time from a batch's commit to each console
holding it (its position revision reached the batch's), p50 / p95 / max.
Every console holds two connections (LISTEN and queries), so ``--consoles`` is
capped to what ``max_connections`` leaves free, saying so.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from console.core.kpi import percentile
from console.db import schema
from console.db.engine import make_engine
from tests.bench.console_fleet import (
    CONNECTIONS_PER_CONSOLE,
    ConsoleFleet,
    free_connections,
    process_cpu,
    spent,
)
from tests.bench.databases import bench_database
from tests.bench.write_path_runs import install_crews
from tests.support.fix_batches import store_positions

__all__ = ["StreamRun", "main", "run_stream"]

SPARE_CONNECTIONS = 12
"""Left free for the writer, the superuser reserve and whoever else uses the server."""
TAIL_S = 3.0
"""How long the consoles keep recording after the last batch was committed."""


@dataclass(frozen=True, slots=True)
class StreamRun:
    """What one run measured."""

    database: str
    consoles: int
    crews: int
    fixes_per_second: float
    seconds: float
    console_cpu: list[float]
    """Per console: % of one core over the window."""
    fetches_per_second: list[float]
    server_cpu: float | None
    """% of one core used by the server processes serving the consoles (PostgreSQL only)."""
    server_processes: int
    disconnected: int
    """Consoles whose backend was failing when the run ended."""
    writer_server_cpu: float | None
    latencies_ms: list[float]
    missed: int
    batches: int
    """Batches committed in the window (the writer may fall behind the rate asked)."""

    def report(self) -> str:
        """The figures as a few lines of text."""
        cpu = sorted(self.console_cpu)
        lines = [
            f"{self.database}: {self.consoles} consoles following {self.crews} crews, "
            f"{self.fixes_per_second:.0f} fixes/s asked for {self.seconds:.0f} s; "
            f"{self.batches} batches committed in the window",
            f"  console CPU: mean {sum(cpu) / len(cpu):.1f} %, max {cpu[-1]:.1f} % of a core; "
            f"fetches/s mean {sum(self.fetches_per_second) / len(cpu):.1f}, "
            f"max {max(self.fetches_per_second):.1f}",
        ]
        if self.server_cpu is not None:
            lines.append(
                f"  server CPU for the consoles: {self.server_cpu:.1f} % of a core "
                f"({self.server_cpu / self.consoles:.2f} % a console, "
                f"{self.server_processes} server processes); "
                f"the writer's backend {self.writer_server_cpu or 0:.1f} %"
            )
        p50 = percentile(self.latencies_ms, 50) or 0.0
        p95 = percentile(self.latencies_ms, 95) or 0.0
        worst = max(self.latencies_ms, default=0.0)
        lines.append(
            f"  commit -> console: p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {worst:.0f} ms "
            f"over {len(self.latencies_ms)} (console, batch) pairs; {self.missed} not seen; "
            f"{self.disconnected} consoles disconnected at the end"
        )
        return "\n".join(lines)


# -- a console --------------------------------------------------------------------------------


def follow(url: str, name: str, folder: Path, poll_ms: int) -> None:
    """One console: follow ``url`` until the run in ``folder`` ends, then write what it saw."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from console.db.backend import DatabaseBackend
    from console.ui.live_sync import LiveSync
    from tests.support.principals import desk

    app = QCoreApplication([])
    engine = make_engine(url)
    backend = DatabaseBackend(engine, principal=desk(f"bench:{name}"))
    sync = LiveSync(backend, poll_ms)
    seen: list[tuple[float, int]] = []
    sync.sig_positions.connect(lambda _moved: seen.append((time.time(), sync.position_revision)))
    sync.refresh()
    sync.start()
    state: dict[str, Any] = {}

    def tick() -> None:
        listener = backend.change_listener
        if "ready" not in state and (listener is None or listener.connected.is_set()):
            state["ready"] = True
            (folder / f"{name}.ready").touch()
        go = folder / "go.json"
        if "window" not in state and go.exists():
            state["window"] = json.loads(go.read_text())
        window = state.get("window")
        if window is None:
            return
        now = time.time()
        if "cpu0" not in state and now >= window["start"]:
            state["cpu0"] = _cpu_seconds()
            state["fetches0"] = sync.fetches
        if "cpu0" in state and "cpu_end" not in state and now >= window["end"]:
            state["cpu_end"] = _cpu_seconds()
            state["fetches_end"] = sync.fetches
        # After the window, positions are still recorded until the last batch is in.
        if "cpu_end" in state and (folder / "done").exists():
            result = {
                "cpu_s": state["cpu_end"] - state["cpu0"],
                "fetches": state["fetches_end"] - state["fetches0"],
                "seen": seen,
                "connected": sync.is_connected,
            }
            (folder / f"{name}.json").write_text(json.dumps(result))
            app.quit()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(tick)
    timer.start()
    app.exec()
    sync.stop()
    backend.close()
    engine.dispose()


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# -- the run ----------------------------------------------------------------------------------


def _write_batches(
    engine: Engine, crews: list[int], batch: int, rate: float, *, start: float, end: float
) -> dict[int, float]:
    """Store batches of ``batch`` moved crews ``rate`` times a second; each one's commit time."""
    committed: dict[int, float] = {}
    slot = 1.0 / rate
    n = 0
    time.sleep(max(0.0, start - time.time()))
    while (due := start + n * slot) < end:
        time.sleep(max(0.0, due - time.time()))
        first = (n * batch) % len(crews)
        chosen = [crews[(first + k) % len(crews)] for k in range(batch)]
        # Each visit moves a crew 11 m back or forth: a plausible drive between fixes.
        step = 0.0001 * ((n * batch) // len(crews) % 2)
        moves = {crew: (30.0 + crew / 10_000 + step, 120.0 + step) for crew in chosen}
        revision = store_positions(engine, moves)
        committed[revision] = time.time()
        n += 1
    return committed


def run_stream(
    *,
    sqlite: bool,
    consoles: int,
    seconds: float,
    crews: int,
    batch: int,
    rate: float,
    poll_ms: int,
) -> StreamRun:
    """Start the consoles, stream the batches, collect the figures."""
    with (
        bench_database(not sqlite, "stream.db") as url,
        tempfile.TemporaryDirectory() as temp,
    ):
        engine = make_engine(url)
        schema.ensure_schema(engine, auto_upgrade=True)
        fleet = install_crews(engine, crews)
        if not sqlite:
            fit = (free_connections(url) - SPARE_CONNECTIONS) // CONNECTIONS_PER_CONSOLE
            if fit < consoles:
                print(
                    f"only {fit} consoles fit in the server's free connections "
                    f"({CONNECTIONS_PER_CONSOLE} each): measuring {fit}",
                    file=sys.stderr,
                )
                consoles = max(1, fit)
        followers = ConsoleFleet(url, consoles, Path(temp), poll_ms=poll_ms)
        try:
            followers.start()
            start = time.time() + 2.0
            end = start + seconds
            followers.open_window(start, end)
            time.sleep(max(0.0, start - time.time()))
            followers.window_started()
            writer_pids = [] if sqlite else _writer_pids(engine)
            writer0 = process_cpu(writer_pids)
            committed = _write_batches(engine, fleet, batch, rate, start=start, end=end)
            written = time.time()
            time.sleep(max(0.0, end - time.time()))
            followers.window_ended()
            writer1 = process_cpu(writer_pids)
            time.sleep(max(0.0, written + TAIL_S - time.time()))
            figures = followers.finish()
        finally:
            followers.stop()
        engine.dispose()
    latencies, missed = figures.delays_ms(committed)
    return StreamRun(
        database="sqlite" if sqlite else "postgresql",
        consoles=consoles,
        crews=crews,
        fixes_per_second=batch * rate,
        seconds=seconds,
        console_cpu=figures.console_cpu,
        fetches_per_second=figures.fetches_per_second,
        server_cpu=figures.server_cpu,
        server_processes=figures.server_processes,
        disconnected=figures.disconnected,
        writer_server_cpu=None if sqlite else spent(writer0, writer1) / seconds * 100,
        latencies_ms=latencies,
        missed=missed,
        batches=sum(at <= end for at in committed.values()),
    )


def _writer_pids(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    return [int(pid)]


def main(argv: list[str] | None = None) -> int:
    """Run the consoles against a streaming fleet (or, with ``--follow``, be one of them)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consoles", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--crews", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=None, help="crews a batch (500; SQLite 50)")
    parser.add_argument("--batches-per-second", type=float, default=4.0)
    parser.add_argument("--sqlite", action="store_true", help="an SQLite file, followed by polls")
    parser.add_argument("--poll-ms", type=int, default=1000, help="the consoles' timer poll")
    parser.add_argument("--follow", help=argparse.SUPPRESS)
    parser.add_argument("--name", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.follow:
        follow(args.follow, args.name, Path(args.folder), args.poll_ms)
        return 0
    batch = args.batch or (50 if args.sqlite else 500)
    run = run_stream(
        sqlite=args.sqlite,
        consoles=args.consoles,
        seconds=args.seconds,
        crews=args.crews,
        batch=batch,
        rate=args.batches_per_second,
        poll_ms=args.poll_ms,
    )
    print(run.report())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
