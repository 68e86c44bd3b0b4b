"""One dashboard refresh (read the shift plus 7 days, compute every KPI) on seeded history.

No target is set by the issue; the figure tells whether a refresh on every live
sync (debounced to one per 2 s) is affordable. Run with
``pytest tests/bench --benchmark-enable``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pytest_benchmark.fixture import BenchmarkFixture

from console.core import kpi
from console.core.report import gather
from console.db import schema
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.db.seed import SeedOptions, seed_database
from tests.support.principals import desk

NOW = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
ZONE = ZoneInfo("Asia/Shanghai")


def test_dashboard_refresh_on_seven_days(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'console.db'}")
    schema.ensure_schema(engine, auto_upgrade=True)
    seed_database(engine, SeedOptions(requests=200, at=NOW, history_days=7))
    backend = DatabaseBackend(engine, principal=desk("bench"))
    start, end = kpi.shift_window(NOW, ZONE)

    def refresh() -> int:
        data = gather(backend, now=NOW, start=start, end=end, kind="shift", zone=ZONE)
        return data.snapshot.jobs_opened

    assert benchmark(refresh) > 100
