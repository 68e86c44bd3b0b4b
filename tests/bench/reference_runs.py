"""Time taking a call on a database that already holds a great many requests.

    python -m tests.bench.reference_runs --requests 500000 [--pg] [--calls 300]

Fills a throw-away SQLite file or PostgreSQL schema with ``--requests`` closed
requests (25,000 a day on the days before the run, bulk-inserted: COPY on
PostgreSQL, executemany on SQLite), then times ``take_call`` numbered two ways:
by the day's counter (the console's way) and by counting the day's requests
with ``LIKE`` under the writer lock (the way before the counter), each on a
day of its own. The bulk rows go in beside the ledger, so ``verify`` does not
pass on this database: it is for timing only.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.engine import make_url

from console.core.intake import clean_request
from console.core.kpi import percentile
from console.core.vocab import RequestStatus
from console.db import schema
from console.db.engine import make_engine
from console.db.models import Request
from console.db.services import Services, WriteContext
from tests.bench.databases import bench_database
from tests.db.helpers import draft
from tests.support.principals import desk

ZONE = ZoneInfo("Asia/Shanghai")
PER_DAY = 25_000
"""Requests a day in the bulk history (a national centre's busy day)."""
START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
"""The first timed call: 09:00 in Beijing."""
_CHUNK = 20_000


def _bulk_rows(count: int) -> Iterator[dict[str, Any]]:
    """``count`` resolved requests, PER_DAY a day, on the days before START's local day."""
    clean = asdict(clean_request(draft()))
    base = {k: (v.value if hasattr(v, "value") else v) for k, v in clean.items()}
    base.update(guidance_path=[], cancel_reason="", notes=base.get("notes", ""))
    first_day = START.astimezone(ZONE).replace(hour=0, minute=0, second=0, microsecond=0)
    days = -(-count // PER_DAY)
    first_day -= timedelta(days=days)
    step = timedelta(seconds=86_400 / PER_DAY)
    for index in range(count):
        day, number = divmod(index, PER_DAY)
        created = (first_day + timedelta(days=day) + step * number).astimezone(UTC)
        yield dict(
            base, id=index + 1, status=RequestStatus.RESOLVED_REMOTELY.value,
            reference=f"RA-{(first_day + timedelta(days=day)):%Y%m%d}-{number + 1:04d}",
            created_at=created, updated_at=created, closed_at=created, version=3, revision=1,
        )  # fmt: skip


def fill_requests(engine: Engine, count: int) -> None:
    """Bulk-insert ``count`` requests beside the ledger (COPY on PostgreSQL)."""
    schema.ensure_schema(engine, auto_upgrade=True)
    if count <= 0:
        return
    rows = _bulk_rows(count)
    if engine.dialect.name == "postgresql":
        _copy(engine, rows)
        return
    with engine.begin() as connection:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _CHUNK:
                connection.execute(insert(Request), batch)
                batch = []
        if batch:
            connection.execute(insert(Request), batch)


def _copy(engine: Engine, rows: Iterator[dict[str, Any]]) -> None:
    first = next(rows)
    columns = list(first)
    names = ", ".join(f'"{c}"' for c in columns)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        with cursor.copy(f"COPY requests ({names}) FROM STDIN") as copy:  # type: ignore[attr-defined]
            for row in itertools.chain([first], rows):
                copy.write_row(["[]" if c == "guidance_path" else row[c] for c in columns])
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('requests', 'id'), max(id)) FROM requests"
        )
        raw.commit()
    finally:
        raw.close()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE requests"))


def reference_by_count(uow: WriteContext) -> str:
    """The numbering before the day counter: count the day's references with LIKE."""
    day = uow.now.astimezone(ZONE).strftime("%Y%m%d")
    prefix = f"RA-{day}-"
    taken = uow.session.scalar(
        select(func.count()).select_from(Request).where(Request.reference.like(prefix + "%"))
    )
    return f"{prefix}{(taken or 0) + 1:04d}"


class StepClock:
    """A clock one second further on at every reading, from START plus ``days``."""

    def __init__(self, days: int) -> None:
        self.now = START + timedelta(days=days)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def timed_services(engine: Engine, way: str) -> Services:
    """The service layer numbering references ``way`` ("counter" or "count"), on a day of its own."""
    services = Services(
        engine, principal=desk("bench"), clock=StepClock(0 if way == "counter" else 1)
    )
    if way == "count":
        services._next_reference = reference_by_count  # type: ignore[method-assign]
    return services


def time_calls(engine: Engine, way: str, calls: int, *, warm_up: int = 10) -> list[float]:
    """Milliseconds each of ``calls`` take_call needs, numbered ``way`` ("counter" or "count")."""
    services = timed_services(engine, way)
    timings = []
    for index in range(warm_up + calls):
        began = time.perf_counter()
        services.take_call(draft())
        if index >= warm_up:
            timings.append((time.perf_counter() - began) * 1000)
    return timings


def main(argv: list[str] | None = None) -> int:
    """Fill, time both ways of numbering, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500_000)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--pg", action="store_true", help="PostgreSQL instead of SQLite")
    args = parser.parse_args(argv)
    with bench_database(args.pg, "requests.db") as url:
        engine = make_engine(url)
        began = time.perf_counter()
        fill_requests(engine, args.requests)
        built = time.perf_counter() - began
        backend = make_url(url).get_backend_name()
        print(f"{backend}: {args.requests} requests bulk-inserted in {built:.1f} s")
        for way, label in (("count", "count(*) LIKE scan"), ("counter", "day counter")):
            timings = time_calls(engine, way, args.calls)
            print(
                f"  take_call, {label:>18}: p50 {statistics.median(timings):6.1f} ms, "
                f"p95 {percentile(timings, 95):6.1f} ms, p99 {percentile(timings, 99):6.1f} ms "
                f"({args.calls} calls)"
            )
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
