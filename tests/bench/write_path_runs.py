"""Dispatch writes a second on PostgreSQL with the server a round trip away.

    python -m tests.bench.write_path_runs [--delay-ms 1] [--writers 4] [--seconds 20]

Each writer (a process with its own crew) works jobs through their lifecycle:
take the call (queued), assign its crew, en route, on scene, completed: five
writes, each one unit of work through the service layer. The database is a
throw-away PostgreSQL schema reached through :mod:`tests.bench.delay_proxy`,
which adds ``--delay-ms`` to every round trip (0: straight to the server).
Prints writes a second, each write's p50 / p99, the round trips one write
makes (every statement, a BEGIN the driver sends on its own, the pool's ping
and the COMMIT), how many statements it sends while it holds the chain-head
lock, and how long it holds it from the moment the locking statement's answer
arrives to the moment its commit returns (add about one round trip for that
answer's way back to get the server's figure). Then the CPU one write costs:
in its writer process, in its server process (the writers' own backends), and
in the delay proxy; on a machine of few cores these bound the rate.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, event, insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from console.core.kpi import percentile
from console.core.roles import Permission
from console.core.vocab import CrewStatus, Shift, VehicleKind
from console.db import schema
from console.db.engine import make_engine
from console.db.models import Crew, Depot, Partner
from console.db.services import Services
from tests.bench.delay_proxy import DelayProxy, delayed, process_cpu
from tests.db.helpers import draft
from tests.support.databases import postgres_schema_url, postgres_unavailable_reason
from tests.support.principals import SYSTEM, desk


def install_crews(engine: Engine, count: int) -> list[int]:
    """One partner, one Hangzhou depot and ``count`` available flatbeds; returns their ids."""
    with Services(engine, principal=SYSTEM).unit_of_work(Permission.MAINTAIN) as uow:
        uow.session.execute(insert(Partner), [
            {"id": 1, "code": "P1", "name_zh": "杭州安途", "name_en": "Hangzhou Antu",
             "phone": "4008100100", "revision": uow.revision}])  # fmt: skip
        uow.session.execute(insert(Depot), [
            {"id": 1, "code": "D330100-01", "name_zh": "杭州中心救援站",
             "name_en": "Hangzhou Central Depot", "city_zh": "杭州", "city_en": "Hangzhou",
             "province_zh": "浙江", "province_en": "Zhejiang", "adcode": "330100",
             "lat": 30.25, "lon": 120.16, "partner_id": 1, "phone": "13800000000",
             "revision": uow.revision}])  # fmt: skip
        uow.session.execute(insert(Crew), [
            {"id": i, "call_sign": f"HZ-{i:02d}", "depot_id": 1,
             "vehicle_kind": VehicleKind.FLATBED.value, "skills": [],
             "status": CrewStatus.AVAILABLE.value, "lat": 30.25 + i / 1000, "lon": 120.16,
             "shift": Shift.DAY.value, "version": 1, "revision": uow.revision}
            for i in range(1, count + 1)])  # fmt: skip
        uow.record("bench.fleet", crews=count)
    return list(range(1, count + 1))


def _job(services: Services, crew_id: int, timings: list[float]) -> None:
    steps: list[Callable[[int], Any]] = [
        lambda _: services.take_call(draft()),
        lambda request: services.assign(request, crew_id),
        services.start_journey,
        services.arrive,
        services.complete,
    ]
    request_id = 0
    for step in steps:
        began = time.perf_counter()
        row = step(request_id)
        timings.append((time.perf_counter() - began) * 1000)
        request_id = row.id


class LockWatch:
    """Notes, per write, the statements sent and the time spent holding the chain-head lock."""

    def __init__(self, engine: Engine) -> None:
        self.holds: list[float] = []
        self.under_lock: list[int] = []
        self._locked_at: float | None = None
        self._count = 0
        event.listen(engine, "after_cursor_execute", self._after)
        event.listen(Session, "after_commit", self._committed)

    def _after(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if self._locked_at is not None:
            self._count += 1
        elif "FROM chain_head" in statement and "FOR UPDATE" in statement:
            self._locked_at = time.perf_counter()
            self._count = 1

    def _committed(self, _session: Session) -> None:
        if self._locked_at is not None:
            self.holds.append((time.perf_counter() - self._locked_at) * 1000)
            self.under_lock.append(self._count + 1)  # and the COMMIT
            self._locked_at = None


@dataclass
class WriterRun:
    """What one writer process measured: write times, lock holds (ms) and CPU (s)."""

    timings: list[float]
    holds: list[float]
    under_lock: list[int]
    client_cpu: float
    server_cpu: float


def _writer(url: str, crew_id: int, start_at: float, seconds: float) -> WriterRun:
    """One writer process: jobs for ``crew_id`` from ``start_at`` for ``seconds``."""
    engine = make_engine(url)
    backends: list[int] = []
    event.listen(engine, "connect", lambda dbapi, _record: backends.append(dbapi.info.backend_pid))
    services = Services(engine, principal=desk(f"bench:{crew_id}"))
    services.take_call(draft())  # connected and warm before the clock starts
    watch = LockWatch(engine)
    timings: list[float] = []
    time.sleep(max(0.0, start_at - time.time()))
    watch.holds.clear()
    watch.under_lock.clear()
    known = list(backends)
    server_began = sum(process_cpu(pid) for pid in known)
    began = time.process_time()
    stop = time.perf_counter() + seconds
    while time.perf_counter() < stop:
        _job(services, crew_id, timings)
    client_cpu = time.process_time() - began
    # A backend that connected meanwhile counts from its start.
    server_cpu = sum(process_cpu(pid) for pid in backends) - server_began
    engine.dispose()
    return WriterRun(timings, watch.holds, watch.under_lock, client_cpu, server_cpu)


def run_writers(url: str, crews: list[int], seconds: float) -> list[WriterRun]:
    """Every writer's measurements, one process per crew.

    Processes, not threads: a writer holding the lock must never wait for another's GIL.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(len(crews), mp_context=context) as pool:
        start_at = time.time() + 5
        futures = [pool.submit(_writer, url, crew, start_at, seconds) for crew in crews]
        return [future.result(timeout=seconds + 120) for future in futures]


def round_trips_per_write(engine: Engine, crew_id: int) -> float:
    """How many round trips one write makes, over one job.

    Every statement and COMMIT; a BEGIN when the driver sends one of its own
    (not on a connection in autocommit mode, whose first statement opens the
    transaction itself); the pool's ping of each connection it hands out.
    """
    count = 0

    def note(*_: Any) -> None:
        nonlocal count
        count += 1

    def began(connection: Connection) -> None:
        if not connection.connection.dbapi_connection.autocommit:  # type: ignore[union-attr]
            note()

    dialect = engine.dialect
    ping = dialect.do_ping

    def counted_ping(dbapi_connection: Any) -> bool:
        note()
        return ping(dbapi_connection)

    events: list[tuple[str, Callable[..., None]]] = [
        ("before_cursor_execute", note), ("begin", began), ("commit", note), ("rollback", note)
    ]  # fmt: skip
    for name, listener in events:
        event.listen(engine, name, listener)
    dialect.do_ping = counted_ping  # type: ignore[method-assign]
    try:
        _job(Services(engine, principal=desk("count")), crew_id, [])
    finally:
        dialect.do_ping = ping  # type: ignore[method-assign]
        for name, listener in events:
            event.remove(engine, name, listener)
    return count / 5


def main(argv: list[str] | None = None) -> int:
    """Fill a fleet, run the writers through the delay proxy, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay-ms", type=float, default=1.0)
    parser.add_argument("--writers", type=int, default=4, help="writer processes, one crew each")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args(argv)
    reason = postgres_unavailable_reason()
    if reason:
        raise SystemExit(f"PostgreSQL unavailable: {reason}")
    with postgres_schema_url() as url:
        direct = make_engine(url)
        schema.ensure_schema(direct, auto_upgrade=True)
        crews = install_crews(direct, args.writers + 1)
        direct.dispose()
        server = make_url(url)
        with contextlib.ExitStack() as stack:
            proxy: DelayProxy | None = None
            if args.delay_ms > 0:
                proxy = stack.enter_context(
                    delayed(server.host or "127.0.0.1", server.port or 5432, args.delay_ms)
                )
                server = server.set(host="127.0.0.1", port=proxy.port)
            proxied = server.render_as_string(hide_password=False)
            engine = make_engine(proxied)
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
                trips = []
                for _ in range(50):
                    began = time.perf_counter()
                    connection.execute(text("SELECT 1"))
                    trips.append((time.perf_counter() - began) * 1000)
                round_trip = statistics.median(trips)
            per_write = round_trips_per_write(engine, crews[-1])
            engine.dispose()
            proxy_began = proxy.cpu() if proxy else 0.0
            runs = run_writers(proxied, crews[:-1], args.seconds)
            proxy_cpu = proxy.cpu() - proxy_began if proxy else 0.0
    timings = [t for run in runs for t in run.timings]
    holds = [t for run in runs for t in run.holds]
    under_lock = [n for run in runs for n in run.under_lock]
    writes = len(timings)
    client, server = (sum(getattr(run, part) for run in runs) * 1000 / writes
                      for part in ("client_cpu", "server_cpu"))  # fmt: skip
    print(
        f"postgresql, {args.delay_ms:g} ms added (SELECT 1 p50 {round_trip:.2f} ms), "
        f"{args.writers} writers: {writes / args.seconds:.0f} writes/s, "
        f"p50 {statistics.median(timings):.1f} ms, p99 {percentile(timings, 99):.1f} ms; "
        f"{per_write:.1f} round trips a write, {statistics.mean(under_lock):.1f} statements "
        f"under the chain-head lock, held p50 {statistics.median(holds):.1f} ms "
        f"p99 {percentile(holds, 99):.1f} ms after its answer; CPU a write: "
        f"writer {client:.2f} ms, server {server:.2f} ms, proxy {proxy_cpu * 1000 / writes:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
