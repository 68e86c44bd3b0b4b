"""Field load: thousands of simulated vehicles reporting to a real gateway process.

    python -m tests.bench.field_load --transport http|mqtt --devices 10000 --interval 5 \\
        --duration 300 [--db URL | --sqlite] [--connections 800] [--dispatch-rate 2] \\
        [--consoles 50] [--profile FILE] [--json FILE]

Registers one device per crew (the demo seed's crews, plus bench crews when
more devices are asked for), starts ``roadside-console gateway`` as a process of
its own, and has every device report its position every ``--interval`` seconds
along a loop around its crew's place (see :mod:`tests.bench.field_tracks`),
over HTTP keep-alive connections (the OsmAnd protocol) or MQTT QoS 1. Every
acknowledged fix (HTTP 200, or the broker's PUBACK for MQTT once the gateway
drained the broker) is recorded, and afterwards looked up in ``position_fixes``:
the run reports how many were lost (goal 0), the fixes a second achieved, the
acknowledgement latency, the ledger events added (and per day at that rate),
the database's growth, and the CPU the gateway used. Meanwhile a dispatcher in a
process of its own works jobs against the same database
(:mod:`tests.bench.field_dispatcher`) and its assign p99 is reported. With
``--consoles N``, N consoles (:mod:`tests.bench.console_fleet`) follow the
database through the load: their CPU, the server's CPU for them, and how soon
each holds each batch after its notice.

Without ``--db`` the run uses a throw-away PostgreSQL schema (``--sqlite``: a
throw-away SQLite file). ``--profile FILE`` runs the gateway under cProfile and
writes its statistics to FILE (read them with ``python -m pstats FILE``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, text, true

from console.core.kpi import percentile
from console.db.engine import make_engine
from console.db.models import Event, PositionFix
from console.ui.live_sync import POSITIONS_GAP_S
from tests.bench.console_fleet import (
    CONNECTIONS_PER_CONSOLE,
    CommitClock,
    ConsoleFleet,
    free_connections,
)
from tests.bench.databases import bench_database
from tests.bench.field_fleet import prepare_fleet
from tests.bench.field_http import Answer, HttpSender
from tests.bench.field_mqtt import MqttSender
from tests.bench.field_tracks import Device, Sample, Tracks, schedule
from tests.support.broker import Broker, mosquitto_binary, start_broker

ROOT = Path(__file__).resolve().parents[2]
"""The repository root: the gateway and the probes run from here, on this checkout's code."""
TICK_S = 0.01
"""How often the scheduler hands due reports to the senders."""


@dataclass
class Recorder:
    """Every answer of a run: acknowledged fixes, refusals by status, latencies."""

    acked: list[tuple[int, int]] = field(default_factory=list)
    """(device index, fix time in Unix ms) of every acknowledged fix."""
    acked_at: list[float] = field(default_factory=list)
    """When each of ``acked`` was acknowledged (Unix seconds)."""
    latency_ms: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    """Answers by HTTP status (0: none) and settled refusal (``200 stale``)."""
    first_sent: float = 0.0
    last_answered: float = 0.0
    skipped: int = 0
    """Reports not sent because the client was a whole interval behind."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, answer: Answer) -> None:
        """Note one answer (called by the sender, from any thread)."""
        with self.lock:
            self._note(answer)

    def _note(self, answer: Answer) -> None:
        self.statuses[f"{answer.status} {answer.verdict}".strip()] += 1
        if not self.first_sent or answer.sent < self.first_sent:
            self.first_sent = answer.sent
        self.last_answered = max(self.last_answered, answer.answered)
        if answer.status == 200 and not answer.verdict:
            self.acked.append((answer.sample.index, answer.sample.at_ms))
            self.acked_at.append(answer.answered)
            self.latency_ms.append((answer.answered - answer.sent) * 1000)


# ---------------------------------------------------------------- processes


def free_port() -> int:
    """A TCP port on the loopback interface nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    """Return once ``port`` accepts connections; fail when ``process`` died or time ran out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the gateway exited with status {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"the gateway did not listen on port {port} within {timeout:g} s")


def gateway_command(url: str, port: int, mqtt: str | None, profile: Path | None) -> list[str]:
    """The command line of ``roadside-console gateway`` (optionally under cProfile)."""
    command = [sys.executable]
    if profile is not None:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += ["-m", "console", "gateway", "--db", url, "--listen", f"127.0.0.1:{port}"]
    if mqtt:
        command += ["--mqtt", mqtt]
    return command


@contextlib.contextmanager
def gateway(
    url: str,
    port: int,
    *,
    mqtt: str | None = None,
    profile: Path | None = None,
    log: Path | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """The real gateway as a process of its own, listening on ``port``; stopped (SIGINT) after."""
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(log.open("ab")) if log is not None else subprocess.DEVNULL
        process = subprocess.Popen(
            gateway_command(url, port, mqtt, profile), cwd=ROOT, stdout=out, stderr=out
        )
        try:
            wait_for_port(port, process)
            yield process
        finally:
            stop_process(process)


def stop_process(process: subprocess.Popen[bytes], grace: float = 30.0) -> None:
    """SIGINT (a clean stop: queued fixes written, a profile saved), then SIGKILL after ``grace``."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_cpu_seconds() -> float:
    """CPU seconds of every PostgreSQL server process on this machine (other clients' too)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if (entry / "comm").read_text().strip() == "postgres":
                    total += cpu_seconds(int(entry.name))
    return total


def gateway_metrics(port: int) -> dict[str, Any]:
    """The gateway's ``/metrics`` (empty when it does not answer)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
            data = json.loads(answer.read())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


# ---------------------------------------------------------------- database figures


def database_bytes(engine: Engine) -> int:
    """The database's size: every table and index of the schema (PostgreSQL), or the files."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            return int(
                connection.scalar(
                    text(
                        "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
                    )
                )
                or 0
            )
    path = Path(engine.url.database or "")
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def event_counts(engine: Engine) -> Counter[str]:
    """Ledger events by kind."""
    with engine.connect() as connection:
        rows = connection.execute(select(Event.kind, func.count()).group_by(Event.kind)).all()
    return Counter({kind: int(count) for kind, count in rows})


def _unix_ms(at: datetime) -> int:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return round(at.timestamp() * 1000)


def stored_fixes(
    engine: Engine, devices: list[Device], since: datetime | None = None
) -> set[tuple[int, int]]:
    """(device row id, fix time in Unix ms) of every stored fix of ``devices`` (taken ``since``)."""
    ids = [device.device_id for device in devices]
    after = PositionFix.at >= since if since is not None else true()
    found: set[tuple[int, int]] = set()
    with engine.connect() as connection:
        for start in range(0, len(ids), 5000):
            rows = connection.execute(
                select(PositionFix.device_id, PositionFix.at).where(
                    PositionFix.device_id.in_(ids[start : start + 5000]), after
                )
            )
            found.update((device_id, _unix_ms(at)) for device_id, at in rows)
    return found


def lost_fixes(recorder: Recorder, devices: list[Device], stored: set[tuple[int, int]]) -> int:
    """How many acknowledged fixes are not in the database."""
    return sum((devices[index].device_id, at_ms) not in stored for index, at_ms in recorder.acked)


# ---------------------------------------------------------------- load


async def feed(tracks: Tracks, duration: float, send: Callable[[Sample], None]) -> None:
    """Hand every device's reports to ``send`` as they fall due, for ``duration`` seconds."""
    due_reports = schedule(tracks, time.time() + 0.2, duration)
    pending: tuple[float, int] | None = next(due_reports, None)
    while pending is not None:
        now = time.time()
        while pending is not None and pending[0] <= now:
            send(tracks.sample(pending[1], pending[0]))
            pending = next(due_reports, None)
        await asyncio.sleep(TICK_S)


async def drive_http(
    tracks: Tracks, port: int, connections: int, duration: float, recorder: Recorder
) -> int:
    """Every device's reports for ``duration`` seconds over HTTP; returns the deepest backlog."""
    sender = HttpSender("127.0.0.1", port, connections, recorder.answer)
    runner = asyncio.create_task(sender.run())
    backlog = 0

    def send(sample: Sample) -> None:
        nonlocal backlog
        waiting = sender.queue.qsize()
        if waiting >= len(tracks.devices):
            # A whole interval behind: the gateway cannot keep up. Dropping this report,
            # rather than queueing without end, keeps the run's length bounded.
            recorder.skipped += 1
            return
        sender.queue.put_nowait(sample)
        backlog = max(backlog, waiting + 1)

    await feed(tracks, duration, send)
    await sender.close()
    await runner
    return backlog


async def drive_mqtt(
    tracks: Tracks, broker: Broker, clients: int, duration: float, recorder: Recorder
) -> int:
    """Every device's reports for ``duration`` seconds over MQTT; returns the most unacknowledged."""
    sender = MqttSender(broker.host, broker.port, clients, recorder.answer)
    await sender.open()
    backlog = 0

    def send(sample: Sample) -> None:
        nonlocal backlog
        sender.send(sample)
        backlog = max(backlog, sender.unanswered())

    try:
        await feed(tracks, duration, send)
    finally:
        await sender.close()
    return backlog


UNSTORED_VERDICTS = ("duplicate", "outside_area", "future", "stale", "jump", "malformed")
"""Verdicts the MQTT door acknowledges without storing the fix (the broker keeps no copy)."""


def settled_unstored(port: int) -> int:
    """Fixes the gateway answered so far but will never store (``/metrics``)."""
    verdicts = gateway_metrics(port).get("verdicts", {})
    return sum(int(verdicts.get(verdict, 0)) for verdict in UNSTORED_VERDICTS)


def wait_drained(
    engine: Engine,
    devices: list[Device],
    acked: int,
    since: datetime,
    unstored: Callable[[], int],
    *,
    timeout: float = 120.0,
) -> tuple[set[tuple[int, int]], float]:
    """The stored fixes once ``acked`` are settled (or nothing came in for ``timeout`` s); the wait.

    For MQTT: the broker acknowledged them, the gateway may still be working through them.
    A fix the gateway settled without storing it (``unstored``: outside the area, stale)
    counts as done, else one such fix would hold the wait until the timeout.
    """
    began = last_change = time.monotonic()
    stored = stored_fixes(engine, devices, since)
    while len(stored) + unstored() < acked and time.monotonic() - last_change < timeout:
        time.sleep(1.0)
        now = stored_fixes(engine, devices, since)
        if len(now) != len(stored):
            last_change = time.monotonic()
        stored = now
    return stored, time.monotonic() - began


# ---------------------------------------------------------------- the run


@dataclass
class Figures:
    """What a run measured."""

    transport: str
    database: str
    devices: int
    interval: float
    duration: float
    offered_per_s: float
    acked: int
    acked_per_s: float
    stored: int
    """Fixes of the run's devices in the database afterwards."""
    stored_per_s: float
    """``stored`` over the run's wall time (the load, and for MQTT the drain after it)."""
    lost: int
    """Acknowledged fixes neither stored nor settled by the gateway's own refusal (goal 0)."""
    refused_after_ack: int
    """MQTT: fixes the broker acknowledged that the gateway then refused for good (outside the
    area, stale, ...): answered, never stored, not lost (over HTTP such answers are not 200s)."""
    drain_s: float
    """MQTT: seconds after the last publish until the gateway had stored what the broker took."""
    statuses: dict[str, int]
    ack_p50_ms: float
    ack_p99_ms: float
    backlog_max: int
    skipped: int
    ledger_events: dict[str, int]
    batch_events_per_day: float
    database_growth_bytes: int
    bytes_per_fix: float
    gateway_cpu_share: float
    gateway_cpu_s_per_1000: float
    """The gateway's CPU seconds per 1,000 stored fixes (steadier than shares on a shared machine)."""
    client_cpu_share: float
    postgres_cpu_share: float
    dispatch_ms: dict[str, dict[str, float]]
    gateway_verdicts: dict[str, int]
    """The gateway's own count of verdicts (``/metrics``)."""
    seen_fixes: int
    """Acknowledged fixes the console follower saw arrive."""
    seen_p50_s: float
    seen_p95_s: float
    seen_max_s: float
    """Seconds from a fix's acknowledgement until the follower had fetched it."""
    follower_cpu_share: float
    consoles: list[str]
    """With ``--consoles``: what the consoles following the database used and saw."""
    command: str

    def lines(self) -> list[str]:
        """The figures as a short human report."""
        d = self.dispatch_ms
        assign = d.get("assign", {})
        return [
            f"{self.transport} into {self.database}: {self.devices} devices every "
            f"{self.interval:g} s for {self.duration:g} s (offered {self.offered_per_s:.0f} fixes/s)",
            f"acknowledged {self.acked} fixes = {self.acked_per_s:.0f} fixes/s; stored "
            f"{self.stored} = {self.stored_per_s:.0f} fixes/s; lost {self.lost}"
            + (
                f" ({self.refused_after_ack} more the gateway refused after the broker took them)"
                if self.refused_after_ack
                else ""
            )
            + f"; answers {self.statuses}",
            f"{'broker PUBACK' if self.transport == 'mqtt' else 'HTTP 200'} latency p50 "
            f"{self.ack_p50_ms:.0f} ms, p99 {self.ack_p99_ms:.0f} ms; client backlog at most "
            f"{self.backlog_max}; {self.skipped} reports not sent (the client an interval behind)"
            + (f"; drained {self.drain_s:.1f} s after the last publish" if self.drain_s else ""),
            f"gateway verdicts {self.gateway_verdicts}",
            f"ledger events added {self.ledger_events} -> {self.batch_events_per_day:,.0f} "
            f"position-batch events a day at this rate",
            f"database grew {self.database_growth_bytes / 1e6:.1f} MB "
            f"({self.bytes_per_fix:.0f} bytes a fix)",
            f"CPU (share of one core): gateway {self.gateway_cpu_share:.2f} "
            f"({self.gateway_cpu_s_per_1000:.2f} s per 1,000 stored fixes), "
            f"load client {self.client_cpu_share:.2f}, PostgreSQL processes "
            f"{self.postgres_cpu_share:.2f}",
            f"a console sees a moved crew after the acknowledgement: p50 {self.seen_p50_s:.2f} s, "
            f"p95 {self.seen_p95_s:.2f} s, max {self.seen_max_s:.2f} s ({self.seen_fixes} fixes "
            f"seen; the follower used {self.follower_cpu_share:.2f} of a core)",
            "dispatcher under load: "
            + (
                f"assign p50 {assign.get('p50', 0):.0f} ms, p99 {assign.get('p99', 0):.0f} ms "
                f"({assign.get('n', 0):.0f} assigns); "
                + ", ".join(
                    f"{kind} p99 {v['p99']:.0f} ms" for kind, v in d.items() if kind != "assign"
                )
                if d
                else "not measured"
            ),
            *self.consoles,
        ]


def _summary(times: list[float]) -> dict[str, float]:
    if not times:
        return {"n": 0, "p50": 0.0, "p99": 0.0}
    return {"n": len(times), "p50": percentile(times, 50), "p99": percentile(times, 99)}


def fleet_devices(engine: Engine, count: int, saved: Path | None) -> list[Device]:
    """The run's devices: registered now, or read from ``saved`` (written there when new).

    A saved fleet lets several runs on one kept database skip registering
    10,000 devices each time; the file holds the devices' secret identifiers.
    """
    if saved is not None and saved.exists():
        devices = [Device(**entry) for entry in json.loads(saved.read_text())]
        if len(devices) < count:
            raise SystemExit(f"{saved} holds {len(devices)} devices, fewer than --devices {count}")
        return devices[:count]
    devices = prepare_fleet(engine, count).devices
    if saved is not None:
        saved.write_text(json.dumps([dataclasses.asdict(device) for device in devices]))
    return devices


def start_follower(url: str, seconds: float, out: Path) -> subprocess.Popen[bytes]:
    """The console follower probe as a process of its own, writing what it sees to ``out``."""
    command = [sys.executable, "-m", "tests.bench.field_follower", "--db", url]
    command += ["--seconds", str(seconds), "--out", str(out)]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE)


def wait_ready(process: subprocess.Popen[bytes] | None, what: str) -> None:
    """Wait for a probe's ``ready`` line."""
    if process is None:
        return
    assert process.stdout is not None
    if process.stdout.readline().strip() != b"ready":
        raise RuntimeError(f"the {what} did not start (status {process.wait()})")


def seen_latencies(
    recorder: Recorder, devices: list[Device], seen_file: Path
) -> tuple[list[float], float]:
    """Seconds from each acknowledgement to the follower seeing that fix; the follower's CPU share.

    Fixes the follower never saw (its crew moved again before it looked) are left out.
    """
    seen: dict[tuple[int, int], float] = {}
    share = 0.0
    for line in seen_file.read_text().splitlines():
        if line.startswith("# cpu"):
            parts = line.split()
            share = float(parts[2]) / max(1e-9, float(parts[4]))
        elif line:
            crew, at_ms, when = line.split()
            seen.setdefault((int(crew), int(at_ms)), float(when))
    latencies = []
    for (index, at_ms), acked_at in zip(recorder.acked, recorder.acked_at, strict=True):
        when = seen.get((devices[index].crew_id, at_ms))
        if when is not None:
            latencies.append(max(0.0, when - acked_at))
    return latencies, share


def start_consoles(
    stack: contextlib.ExitStack, url: str, count: int
) -> tuple[ConsoleFleet | None, CommitClock | None]:
    """``count`` consoles following ``url``, started and listening, and the batches' commit clock.

    The clock hears each batch's notice as the consoles' listeners do (PostgreSQL);
    on SQLite the consoles poll and nothing announces commits, so there is none.
    """
    if count <= 0:
        return None, None
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="field-consoles-")))
    fleet = ConsoleFleet(url, count, folder)
    stack.callback(fleet.stop)
    clock = None
    if not url.startswith("sqlite"):
        free = free_connections(url) // CONNECTIONS_PER_CONSOLE
        if free < count:
            raise SystemExit(
                f"{count} consoles need {count * CONNECTIONS_PER_CONSOLE} connections; "
                f"the server has {free * CONNECTIONS_PER_CONSOLE} free (raise max_connections)"
            )
        clock = CommitClock(url)
        clock.start()
        stack.callback(clock.stop)
    print(f"starting {count} consoles", file=sys.stderr, flush=True)
    fleet.start()
    return fleet, clock


def start_dispatcher(url: str, rate: float, seconds: float) -> subprocess.Popen[bytes] | None:
    """The dispatcher probe as a process of its own (None when ``rate`` is 0)."""
    if rate <= 0:
        return None
    command = [sys.executable, "-m", "tests.bench.field_dispatcher", "--db", url]
    command += ["--rate", str(rate), "--seconds", str(seconds)]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE)


def run(args: argparse.Namespace, url: str) -> Figures:
    """Prepare the fleet, start the gateway and the dispatcher, drive the load, measure."""
    engine = make_engine(url)
    devices = fleet_devices(engine, args.devices, args.fleet)
    tracks = Tracks(devices, args.interval)
    events_before = event_counts(engine)
    size_before = database_bytes(engine)
    port = free_port()
    recorder = Recorder()
    dispatch: dict[str, list[float]] = {}
    drain = 0.0
    with contextlib.ExitStack() as stack:
        broker = None
        if args.transport == "mqtt":
            binary = mosquitto_binary()
            if binary is None:
                raise SystemExit("Mosquitto is not installed: apt-get install mosquitto")
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="field-mqtt-")))
            broker = start_broker(folder, binary)
            stack.callback(broker.stop)
        process = stack.enter_context(
            gateway(
                url,
                port,
                mqtt=broker.url if broker else None,
                profile=args.profile,
                log=args.gateway_log,
            )
        )
        print(f"gateway pid {process.pid} on port {port}", file=sys.stderr, flush=True)
        dispatcher = start_dispatcher(url, args.dispatch_rate, args.duration)
        seen_file = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "seen.txt"
        follower = start_follower(url, args.duration + 600, seen_file)
        wait_ready(dispatcher, "dispatcher")
        wait_ready(follower, "console follower")
        consoles, clock = start_consoles(stack, url, args.consoles)
        began = time.time() + 2.0
        if consoles is not None:
            consoles.open_window(began, began + args.duration)
        time.sleep(max(0.0, began - time.time()))
        if consoles is not None:
            consoles.window_started()
        gateway_cpu, client_cpu, pg_cpu = (
            cpu_seconds(process.pid),
            time.process_time(),
            postgres_cpu_seconds(),
        )
        since = datetime.fromtimestamp(began - 1, UTC)
        if broker is None:
            backlog = asyncio.run(
                drive_http(tracks, port, args.connections, args.duration, recorder)
            )
            if consoles is not None:
                consoles.window_ended()
            stored = stored_fixes(engine, devices, since)
        else:
            backlog = asyncio.run(
                drive_mqtt(tracks, broker, args.mqtt_clients, args.duration, recorder)
            )
            if consoles is not None:
                consoles.window_ended()
            stored, drain = wait_drained(
                engine, devices, len(recorder.acked), since, lambda: settled_unstored(port)
            )
        elapsed = time.time() - began
        gateway_cpu = cpu_seconds(process.pid) - gateway_cpu
        client_cpu = time.process_time() - client_cpu
        # Server processes that ended meanwhile take their time with them: a floor.
        pg_cpu = max(0.0, postgres_cpu_seconds() - pg_cpu)
        if dispatcher is not None:
            out, _ = dispatcher.communicate(timeout=args.duration + 120)
            dispatch = json.loads(out.splitlines()[-1] if out else b"{}")
        metrics = gateway_metrics(port)
        time.sleep(2 * POSITIONS_GAP_S)  # the follower's next fetch of the last moves
        follower.terminate()
        follower.wait(60)
        seen, follower_share = seen_latencies(recorder, devices, seen_file)
        console_lines: list[str] = []
        if consoles is not None and clock is not None:
            committed = clock.stop()
            in_window = {
                n: at for n, at in committed.items() if began <= at <= began + args.duration
            }
            console_lines = [
                f"{args.consoles} consoles following the database during the load "
                f"({len(in_window)} batches committed in the window):",
                *consoles.finish().lines(in_window),
            ]
    events_after = event_counts(engine)
    added = {k: events_after[k] - events_before.get(k, 0) for k in events_after}
    added = {k: v for k, v in added.items() if v}
    growth = database_bytes(engine) - size_before
    engine.dispose()
    acked = len(recorder.acked)
    batches = added.get("positions.batch", 0)
    missing = lost_fixes(recorder, devices, stored)
    refused_after_ack = (
        sum(int(metrics.get("verdicts", {}).get(v, 0)) for v in UNSTORED_VERDICTS)
        if args.transport == "mqtt"
        else 0
    )
    return Figures(
        transport=args.transport,
        database=make_url_name(url),
        devices=args.devices,
        interval=args.interval,
        duration=args.duration,
        offered_per_s=args.devices / args.interval,
        acked=acked,
        acked_per_s=acked / max(1e-9, recorder.last_answered - recorder.first_sent),
        stored=len(stored),
        stored_per_s=len(stored) / max(1e-9, elapsed),
        lost=max(0, missing - refused_after_ack),
        refused_after_ack=refused_after_ack,
        drain_s=drain,
        statuses=dict(sorted(recorder.statuses.items())),
        ack_p50_ms=percentile(recorder.latency_ms, 50) if recorder.latency_ms else 0.0,
        ack_p99_ms=percentile(recorder.latency_ms, 99) if recorder.latency_ms else 0.0,
        backlog_max=backlog,
        skipped=recorder.skipped,
        ledger_events=added,
        batch_events_per_day=batches / args.duration * 86_400,
        database_growth_bytes=growth,
        bytes_per_fix=growth / max(1, len(stored)),
        gateway_cpu_share=gateway_cpu / elapsed,
        gateway_cpu_s_per_1000=gateway_cpu / max(1, len(stored)) * 1000,
        client_cpu_share=client_cpu / elapsed,
        postgres_cpu_share=pg_cpu / elapsed,
        dispatch_ms={kind: _summary(times) for kind, times in dispatch.items()},
        gateway_verdicts=metrics.get("verdicts", {}),
        seen_fixes=len(seen),
        seen_p50_s=percentile(seen, 50) if seen else 0.0,
        seen_p95_s=percentile(seen, 95) if seen else 0.0,
        seen_max_s=max(seen, default=0.0),
        follower_cpu_share=follower_share,
        consoles=console_lines,
        command=" ".join(["python -m tests.bench.field_load", *sys.argv[1:]]),
    )


def make_url_name(url: str) -> str:
    """The kind of database ``url`` names: ``postgresql`` or ``sqlite``."""
    return "postgresql" if url.startswith("postgresql") else "sqlite"


def main(argv: list[str] | None = None) -> int:
    """Run the load and print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transport", choices=("http", "mqtt"), default="http")
    parser.add_argument("--devices", type=int, default=1000)
    parser.add_argument(
        "--interval", type=float, default=5.0, help="seconds between a device's fixes"
    )
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", help="database URL (default: a throw-away PostgreSQL schema)")
    where.add_argument("--sqlite", action="store_true", help="a throw-away SQLite file")
    parser.add_argument("--connections", type=int, default=800, help="HTTP keep-alive connections")
    parser.add_argument("--mqtt-clients", type=int, default=20, help="MQTT publishing connections")
    parser.add_argument("--dispatch-rate", type=float, default=2.0, help="dispatcher jobs a second")
    parser.add_argument(
        "--consoles",
        type=int,
        default=0,
        help="consoles following the database during the load (each a process of its own)",
    )
    parser.add_argument("--profile", type=Path, help="run the gateway under cProfile into FILE")
    parser.add_argument("--gateway-log", type=Path, help="append the gateway's output to FILE")
    parser.add_argument(
        "--fleet",
        type=Path,
        help="with --db: keep the registered devices in FILE and reuse them on the next run",
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to FILE")
    args = parser.parse_args(argv)
    if args.devices < 1 or args.interval <= 0 or args.duration <= 0 or args.connections < 1:
        parser.error("--devices, --interval, --duration and --connections must be positive")
    if args.consoles < 0:
        parser.error("--consoles must be 0 or more")
    if args.consoles and args.sqlite:
        parser.error("--consoles follows PostgreSQL's notices (for SQLite: change_stream --sqlite)")
    if args.fleet and not args.db:
        parser.error("--fleet needs --db (a database kept between runs)")
    with contextlib.ExitStack() as stack:
        url = args.db or stack.enter_context(bench_database(not args.sqlite, "field-load.db"))
        figures = run(args, url)
    for line in figures.lines():
        print(line)
    if args.json:
        args.json.write_text(json.dumps(figures.__dict__, indent=2) + "\n")
    return 0 if figures.lost == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
