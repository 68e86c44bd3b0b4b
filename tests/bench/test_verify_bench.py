"""Verifying a 100,000-event ledger: under 5 s (issue 10, acceptance 2).

The ledger is built once per backend straight from the core hash functions and
bulk-inserted (100,000 service calls would take minutes). Run with
``pytest tests/bench --benchmark-enable``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import Engine, insert, update

from console.core.ledger import GENESIS_HASH, EventContent, canonical_json, chain_hash
from console.db import schema
from console.db.audit import verify_ledger
from console.db.engine import make_engine
from console.db.models import ChainHead, Event
from tests.support.databases import postgres_schema_url, postgres_unavailable_reason

EVENTS = 100_000
START = datetime(2026, 11, 23, tzinfo=UTC)
KINDS = ("request.created", "request.queued", "request.assigned", "request.en_route",
         "request.on_scene", "request.completed", "crew.position")  # fmt: skip


def ledger_rows(count: int) -> tuple[list[dict[str, object]], str]:
    """``count`` chained events shaped like a busy shift's, and the head hash."""
    rows: list[dict[str, object]] = []
    prev = GENESIS_HASH
    for seq in range(1, count + 1):
        request_id = seq // 7 + 1
        payload = {"reference": f"RA-20261123-{request_id:04d}", "crew": f"3301-1{seq % 40:02d}",
                   "from_status": "QUEUED", "to_status": "ASSIGNED", "eta_minutes": seq % 50,
                   "reason": "客户已自行离开"}  # fmt: skip
        content = EventContent(seq, START + timedelta(seconds=seq), f"console:dispatcher{seq % 9}",
                               KINDS[seq % len(KINDS)], request_id, seq % 400 or None, payload,
                               revision=seq + 1)  # fmt: skip
        digest = chain_hash(prev, content)
        rows.append({"seq": seq, "at": content.at, "actor": content.actor, "kind": content.kind,
                     "request_id": request_id, "crew_id": content.crew_id,
                     "payload": canonical_json(payload), "prev_hash": prev, "hash": digest,
                     "revision": content.revision})  # fmt: skip
        prev = digest
    return rows, prev


def fill(engine: Engine) -> None:
    schema.ensure_schema(engine, auto_upgrade=True)
    rows, head = ledger_rows(EVENTS)
    with engine.begin() as connection:
        for start in range(0, len(rows), 10_000):
            connection.execute(insert(Event), rows[start : start + 10_000])
        connection.execute(
            update(ChainHead).values(event_count=EVENTS, head_hash=head, revision=EVENTS + 1)
        )


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def big_ledger(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('bench') / 'ledger.db'}")
        fill(engine)
        yield engine
        engine.dispose()
        return
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with postgres_schema_url() as url:
        engine = make_engine(url)
        fill(engine)
        yield engine
        engine.dispose()


def test_verifying_a_hundred_thousand_events(
    benchmark: BenchmarkFixture, big_ledger: Engine
) -> None:
    report = benchmark.pedantic(verify_ledger, args=(big_ledger,), rounds=3, iterations=1)
    assert report.ok and report.count == EVENTS
    assert benchmark.stats.stats.median < 5.0
