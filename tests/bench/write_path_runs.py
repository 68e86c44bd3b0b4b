"""Dispatch writes a second on PostgreSQL with the server a round trip away.

    python -m tests.bench.write_path_runs [--delay-ms 1] [--writers 8] [--seconds 20]

Each writer (a thread with its own crew) works jobs through their lifecycle:
take the call (queued), assign its crew, en route, on scene, completed: five
writes, each one unit of work through the service layer. The database is a
throw-away PostgreSQL schema reached through :mod:`tests.bench.delay_proxy`,
which adds ``--delay-ms`` to every round trip (0: straight to the server).
Prints writes a second, each write's p50 / p99 and the statements one write sends.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event, insert, text
from sqlalchemy.engine import make_url

from console.core.roles import Permission
from console.core.vocab import CrewStatus, Shift, VehicleKind
from console.db import schema
from console.db.engine import make_engine
from console.db.models import Crew, Depot, Partner
from console.db.services import Services
from tests.bench.delay_proxy import delayed
from tests.bench.reference_runs import percentile
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


def run_writers(engine: Engine, crews: list[int], seconds: float) -> list[float]:
    """Every writer's write times (ms) over ``seconds``."""
    stop = time.perf_counter() + seconds
    timings: list[list[float]] = [[] for _ in crews]

    def work(index: int) -> None:
        services = Services(engine, principal=desk(f"bench:{index}"))
        while time.perf_counter() < stop:
            _job(services, crews[index], timings[index])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(crews))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [t for per_writer in timings for t in per_writer]


def statements_per_write(engine: Engine, crew_id: int) -> float:
    """How many statements one write sends (BEGIN and COMMIT included), over one job."""
    count = 0

    def note(*_: Any) -> None:
        nonlocal count
        count += 1

    events = ("before_cursor_execute", "begin", "commit")
    for name in events:
        event.listen(engine, name, note)
    try:
        _job(Services(engine, principal=desk("count")), crew_id, [])
    finally:
        for name in events:
            event.remove(engine, name, note)
    return count / 5


def main(argv: list[str] | None = None) -> int:
    """Fill a fleet, run the writers through the delay proxy, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay-ms", type=float, default=1.0)
    parser.add_argument("--writers", type=int, default=8)
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
            if args.delay_ms > 0:
                port = stack.enter_context(
                    delayed(server.host or "127.0.0.1", server.port or 5432, args.delay_ms)
                )
                server = server.set(host="127.0.0.1", port=port)
            engine = make_engine(server.render_as_string(hide_password=False))
            began = time.perf_counter()
            with engine.connect() as connection:
                for _ in range(20):
                    connection.execute(text("SELECT 1"))
            round_trip = (time.perf_counter() - began) / 20 * 1000
            per_write = statements_per_write(engine, crews[-1])
            timings = run_writers(engine, crews[:-1], args.seconds)
            engine.dispose()
    print(
        f"postgresql, {args.delay_ms:g} ms added ({round_trip:.2f} ms a SELECT 1), "
        f"{args.writers} writers: {len(timings) / args.seconds:.0f} writes/s, "
        f"p50 {statistics.median(timings):.1f} ms, p99 {percentile(timings, 0.99):.1f} ms; "
        f"{per_write:.1f} statements a write"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
