"""Verifying a 100,000-event ledger, chain and replay of the rows it implies.

The ledger is built once per backend straight from the core hash functions
(:mod:`tests.bench.ledger_build`) and bulk-inserted, with the rows its events
leave: 100,000 service calls would take minutes. Run with
``pytest tests/bench --benchmark-enable``; a million events:
``python -m tests.bench.verify_runs --events 1000000 [--pg]``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import Engine

from console.db.audit import verify_ledger
from tests.bench.databases import filled_engine
from tests.bench.ledger_build import fill

EVENTS = 100_000


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def big_ledger(request: pytest.FixtureRequest) -> Iterator[Engine]:
    with filled_engine(request.param, "ledger.db", lambda e: fill(e, EVENTS)) as engine:
        yield engine


def test_verifying_a_hundred_thousand_events_and_their_rows(
    benchmark: BenchmarkFixture, big_ledger: Engine
) -> None:
    report = benchmark.pedantic(verify_ledger, args=(big_ledger,), rounds=3, iterations=1)
    assert report.ok and report.count == EVENTS, report.problem
    # A million events must verify under 60 s: a tenth of that here, with room to spare.
    assert benchmark.stats.stats.median < 6.0


def test_verifying_the_chain_alone(benchmark: BenchmarkFixture, big_ledger: Engine) -> None:
    report = benchmark.pedantic(
        verify_ledger, args=(big_ledger,), kwargs={"records": False}, rounds=3, iterations=1
    )
    assert report.ok and report.count == EVENTS
    assert benchmark.stats.stats.median < 5.0
