"""How long a quote takes: the intake form re-prices shortly after every change.

No target is set by the issue; these numbers keep an eye on it. Run with
``pytest tests/bench --benchmark-enable``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from console.core.coverage import Coverage, CoverageStatus
from console.core.pricing import QuoteQuery
from console.core.quote import JobFacts, price
from console.core.vocab import Powertrain, RoadType, ServiceType, VehicleClass
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.db.pricing_backend import default_book
from tests.support.principals import desk
from tests.support.workspace import seeded_sqlite

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def test_pricing_maths(benchmark: BenchmarkFixture) -> None:
    book = default_book()
    facts = JobFacts(ServiceType.TOW, NOW, RoadType.EXPRESSWAY, VehicleClass.HEAVY_TRUCK,
                     Decimal("83.4"), winch_minutes=20, waiting_minutes=50, region="310101")  # fmt: skip
    charge = benchmark(price, book.tariff, facts, Coverage(CoverageStatus.NO_ENTITLEMENT))
    assert len(charge.lines) == 7


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[DatabaseBackend]:
    engine = make_engine(seeded_sqlite(tmp_path, requests=0))
    yield DatabaseBackend(engine, principal=desk("bench"), clock=lambda: NOW)
    engine.dispose()


def test_quote_with_lookup_on_a_seeded_database(
    benchmark: BenchmarkFixture, backend: DatabaseBackend
) -> None:
    query = QuoteQuery(ServiceType.TOW, RoadType.URBAN, VehicleClass.CAR, Powertrain.EV, 30.27,
                       120.15, city="杭州", lookup="123456", dest_lat=30.75, dest_lon=120.76)  # fmt: skip
    view = benchmark(backend.quote, query)
    assert view.coverage.covered
