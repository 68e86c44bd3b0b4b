"""A dispatcher working jobs against a database under field load, timing each write.

    python -m tests.bench.field_dispatcher --db URL [--rate 2] [--seconds 60]

A process of its own (its timings must not wait for the load generator's GIL):
``--rate`` times a second it takes a call, assigns an available crew, releases
the crew and cancels the call, each one unit of work through the real
:class:`~console.db.services.Services`. Prints ``ready`` once connected, then
at the end one JSON object: the times (ms) of every write by kind.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

from sqlalchemy import select

from console.core.records import RequestRow
from console.core.vocab import CrewStatus
from console.db.engine import make_engine
from console.db.models import Crew
from console.db.services import Services
from tests.db.helpers import draft
from tests.support.principals import desk

KINDS = ("take_call", "assign", "release", "cancel")


def work(url: str, rate: float, seconds: float) -> dict[str, list[float]]:
    """Every write's time (ms) by kind, ``rate`` jobs a second for ``seconds``."""
    engine = make_engine(url)
    services = Services(engine, principal=desk("bench:dispatcher"))
    with engine.connect() as connection:
        crews = list(
            connection.scalars(
                select(Crew.id)
                .where(Crew.status == CrewStatus.AVAILABLE.value)
                .order_by(Crew.id)
                .limit(50)
            )
        )
    if not crews:
        raise SystemExit("no available crew to assign")
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}

    def timed(kind: str, write: Callable[..., RequestRow], *args: object) -> RequestRow:
        began = time.perf_counter()
        result = write(*args)
        times[kind].append((time.perf_counter() - began) * 1000)
        return result

    services.take_call(draft())  # connected and warm before the clock starts
    print("ready", flush=True)
    start = time.perf_counter()
    job = 0
    while (due := start + job / rate) < start + seconds:
        time.sleep(max(0.0, due - time.perf_counter()))
        crew = crews[job % len(crews)]
        request_id = timed("take_call", services.take_call, draft()).id
        timed("assign", services.assign, request_id, crew)
        timed("release", services.release_crew, request_id, "field-load bench")
        timed("cancel", services.cancel, request_id, "field-load bench")
        job += 1
    engine.dispose()
    return times


def main(argv: list[str] | None = None) -> int:
    """Work jobs and print the timings as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL")
    parser.add_argument("--rate", type=float, default=2.0, help="jobs a second")
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    print(json.dumps(work(args.db, args.rate, args.seconds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
