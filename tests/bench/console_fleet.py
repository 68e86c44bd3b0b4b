"""Many consoles following one PostgreSQL or SQLite database, each a process of its own.

Each console is ``python -m tests.bench.change_stream --follow``: the real
:class:`~console.ui.live_sync.LiveSync` over the real
:class:`~console.db.backend.DatabaseBackend` on a Qt event loop without a window.
A :class:`ConsoleFleet` starts them in waves, opens a measuring window, and
collects what each one used (its CPU, its fetches) and saw (the position
revision it held after each fetch), plus the CPU of the PostgreSQL server
processes that serve them (found by their ``application_name``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from console.core.kpi import percentile
from console.core.ports import ChangeKind
from console.db.changes import channel_of

__all__ = [
    "APP_PREFIX",
    "CONNECTIONS_PER_CONSOLE",
    "CommitClock",
    "ConsoleFleet",
    "FleetFigures",
    "conninfo",
    "free_connections",
    "process_cpu",
    "spent",
]

APP_PREFIX = "bench-console-"
"""``application_name`` prefix of the consoles' connections (how the server's processes are found)."""
CONNECTIONS_PER_CONSOLE = 2
"""The LISTEN connection and the pooled one the fetches use."""
READY_TIMEOUT_S = 300.0
"""How long a wave of consoles may take to start, load the fleet and connect the listener."""
WAVE = 5
"""Consoles started together (a machine busy starting 50 at once starves them all)."""


@dataclass(frozen=True, slots=True)
class FleetFigures:
    """What the consoles used and saw over the window."""

    consoles: int
    console_cpu: list[float]
    """Per console: % of one core over the window."""
    fetches_per_second: list[float]
    server_cpu: float | None
    """% of one core used by the server processes serving the consoles (PostgreSQL only)."""
    server_processes: int
    disconnected: int
    """Consoles whose backend was failing when the run ended."""
    seen: list[list[tuple[float, int]]]
    """Per console: (time, position revision held) after each positions fetch."""

    def delays_ms(self, committed: dict[int, float]) -> tuple[list[float], int]:
        """Milliseconds from each committed revision to each console holding it; how many never."""
        delays: list[float] = []
        missed = 0
        for seen in self.seen:
            for revision, at in committed.items():
                arrived = next((t for t, held in seen if held >= revision), None)
                if arrived is None:
                    missed += 1
                else:
                    delays.append((arrived - at) * 1000)
        return delays, missed

    def lines(self, committed: dict[int, float]) -> list[str]:
        """The figures as a few lines of text (``committed``: revision -> commit time)."""
        cpu = sorted(self.console_cpu)
        lines = [
            f"  console CPU: mean {sum(cpu) / len(cpu):.1f} %, max {cpu[-1]:.1f} % of a core; "
            f"fetches/s mean {sum(self.fetches_per_second) / len(cpu):.1f}, "
            f"max {max(self.fetches_per_second):.1f}"
        ]
        if self.server_cpu is not None:
            lines.append(
                f"  server CPU for the consoles: {self.server_cpu:.1f} % of a core "
                f"({self.server_cpu / self.consoles:.2f} % a console, "
                f"{self.server_processes} server processes)"
            )
        delays, missed = self.delays_ms(committed)
        lines.append(
            f"  commit -> console: p50 {percentile(delays, 50) or 0.0:.0f} ms, "
            f"p95 {percentile(delays, 95) or 0.0:.0f} ms, max {max(delays, default=0.0):.0f} ms "
            f"over {len(delays)} (console, batch) pairs; {missed} not seen; "
            f"{self.disconnected} consoles disconnected at the end"
        )
        return lines


class ConsoleFleet:
    """``count`` console processes following ``url``; their results go through ``folder``.

    Use: :meth:`start` (waits until every console listens), :meth:`open_window`,
    :meth:`window_started` and :meth:`window_ended` at those moments, then
    :meth:`finish` once the last change of interest is committed, and
    :meth:`stop` in any case.
    """

    def __init__(self, url: str, count: int, folder: Path, *, poll_ms: int = 1000) -> None:
        self.url = url
        self.names = [f"{APP_PREFIX}{i}" for i in range(count)]
        self.folder = folder
        self.poll_ms = poll_ms
        self.sqlite = url.startswith("sqlite")
        self._processes: list[subprocess.Popen[bytes]] = []
        self._server_pids: list[int] = []
        self._server0: dict[int, float] = {}
        self._server1: dict[int, float] = {}
        self._window = (0.0, 0.0)

    def start(self) -> None:
        """Start the consoles in waves; return once every one has loaded and listens."""
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        for first in range(0, len(self.names), WAVE):
            wave = self.names[first : first + WAVE]
            self._processes += [subprocess.Popen(self._command(name), env=env) for name in wave]
            self._wait_ready(wave)

    def open_window(self, start: float, end: float) -> None:
        """Tell the consoles the measuring window (Unix times)."""
        self._window = (start, end)
        # Written whole, then renamed: a console never reads half of it.
        (self.folder / "go.tmp").write_text(json.dumps({"start": start, "end": end}))
        (self.folder / "go.tmp").rename(self.folder / "go.json")
        self._server_pids = [] if self.sqlite else _server_pids(self.url, f"{APP_PREFIX}%")

    def window_started(self) -> None:
        """Call at the window's start: the server processes' CPU so far."""
        self._server0 = process_cpu(self._server_pids)
        if not self.sqlite:
            print(f"{len(self._server0)} server processes serve the consoles", file=sys.stderr)

    def window_ended(self) -> None:
        """Call at the window's end."""
        self._server1 = process_cpu(self._server_pids)

    def finish(self) -> FleetFigures:
        """Let the consoles write what they saw and end; their figures."""
        (self.folder / "done").touch()
        for process in self._processes:
            process.wait(timeout=60)
        results: list[dict[str, Any]] = [
            json.loads((self.folder / f"{name}.json").read_text()) for name in self.names
        ]
        window = self._window[1] - self._window[0]
        return FleetFigures(
            consoles=len(self.names),
            console_cpu=[r["cpu_s"] / window * 100 for r in results],
            fetches_per_second=[r["fetches"] / window for r in results],
            server_cpu=None if self.sqlite else spent(self._server0, self._server1) / window * 100,
            server_processes=len(self._server1),
            disconnected=sum(not r["connected"] for r in results),
            seen=[[(at, revision) for at, revision in r["seen"]] for r in results],
        )

    def stop(self) -> None:
        """Kill any console still running."""
        for process in self._processes:
            if process.poll() is None:
                process.kill()

    def _command(self, name: str) -> list[str]:
        url = self.url
        if not self.sqlite:
            url = (
                make_url(url).update_query_dict({"application_name": name}).render_as_string(False)
            )
        module = "tests.bench.change_stream"
        return [sys.executable, "-m", module, "--follow", url, "--name", name,
                "--folder", str(self.folder), "--poll-ms", str(self.poll_ms)]  # fmt: skip

    def _wait_ready(self, names: list[str]) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not all((self.folder / f"{n}.ready").exists() for n in names):
            if any(p.poll() is not None for p in self._processes):
                raise SystemExit("a console ended before it was ready (see its output above)")
            if time.monotonic() > deadline:
                raise SystemExit("the consoles did not get ready in time")
            time.sleep(0.2)


class CommitClock:
    """When each position batch of a PostgreSQL database was committed, as its notice arrives.

    For batches someone else writes (the gateway): LISTENs on the schema's change
    channel in a thread and notes the time each ``p:<n>`` notice arrives, the
    moment every console's listener could hear of it too.
    """

    def __init__(self, url: str) -> None:
        self.committed: dict[int, float] = {}
        self._url = url
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="commit-clock", daemon=True)

    def start(self) -> None:
        """Start listening; returns once the LISTEN is in place."""
        self._thread.start()
        if not self._listening.wait(30):
            raise SystemExit("could not LISTEN for the batches' notices")

    def stop(self) -> dict[int, float]:
        """Stop listening; position revision -> time its notice arrived."""
        self._stop.set()
        self._thread.join(5)
        return dict(self.committed)

    def _run(self) -> None:
        with psycopg.connect(conninfo(self._url), autocommit=True) as connection:
            schema = connection.execute("SELECT current_schema()").fetchone()
            assert schema is not None
            channel = sql.Identifier(channel_of(str(schema[0])))
            connection.execute(sql.SQL("LISTEN {}").format(channel))
            self._listening.set()
            while not self._stop.is_set():
                for note in connection.notifies(timeout=0.5):
                    kind, _, counter = note.payload.partition(":")
                    if kind == ChangeKind.POSITIONS.value and counter.isdigit():
                        self.committed.setdefault(int(counter), time.time())


def conninfo(url: str) -> str:
    """A psycopg connection string for a SQLAlchemy PostgreSQL URL."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def free_connections(url: str) -> int:
    """Connections the server still accepts."""
    with psycopg.connect(conninfo(url), autocommit=True) as connection:
        row = connection.execute(
            "SELECT current_setting('max_connections')::int, (SELECT count(*) FROM pg_stat_activity)"
        ).fetchone()
    assert row is not None
    return int(row[0]) - int(row[1])


def _server_pids(url: str, pattern: str) -> list[int]:
    with psycopg.connect(conninfo(url), autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name LIKE %s", (pattern,)
        ).fetchall()
    return [int(row[0]) for row in rows]


def process_cpu(pids: list[int]) -> dict[int, float]:
    """CPU seconds (user + system) of each process still there."""
    tick = os.sysconf("SC_CLK_TCK")
    found: dict[int, float] = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / tick
    return found


def spent(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds the processes of ``after`` used since ``before``."""
    return sum(after[pid] - before.get(pid, 0.0) for pid in after)
