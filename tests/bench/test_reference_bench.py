"""Taking a call with 500,000 requests stored: the day counter against the count scan.

Numbering by counting the day's references (``count(*) ... LIKE``) under the
writer lock grew with every request stored (take_call p50 6 ms -> 72 ms at
500,000 on PostgreSQL); the day counter should not. The requests are
bulk-inserted beside the ledger (:mod:`tests.bench.reference_runs`), so this
database is for timing only. Run with ``pytest tests/bench --benchmark-enable``;
percentiles: ``python -m tests.bench.reference_runs [--pg]``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import Engine

from tests.bench.databases import filled_engine
from tests.bench.reference_runs import fill_requests, timed_services
from tests.db.helpers import draft

REQUESTS = 500_000


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def stored(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A database holding REQUESTS requests."""
    with filled_engine(
        request.param, "requests.db", lambda e: fill_requests(e, REQUESTS)
    ) as engine:
        yield engine


@pytest.mark.parametrize("way", ["counter", "count"])
def test_taking_a_call_with_half_a_million_requests_stored(
    benchmark: BenchmarkFixture, stored: Engine, way: str
) -> None:
    # Each way numbers a day of its own, so neither continues the other's numbers.
    services = timed_services(stored, way)
    row = benchmark.pedantic(
        lambda: services.take_call(draft()), rounds=100, warmup_rounds=10, iterations=1
    )
    assert row.reference.endswith("-0110")  # 10 warm-up calls, then 100 timed
