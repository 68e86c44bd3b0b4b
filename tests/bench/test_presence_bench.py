"""What the database-file check costs: one ``stat`` per commit and per change poll.

Run with ``pytest tests/bench --benchmark-enable``. The check alone and a whole
new call with the check are measured; the check is a few microseconds against
a write of several milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import Engine

from console.db import schema
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.db.presence import FileGuard, guard_for
from tests.db.test_presence import _draft
from tests.support.principals import desk


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'console.db'}")
    schema.ensure_schema(engine, auto_upgrade=True)
    yield engine
    engine.dispose()


def test_the_file_check_alone(benchmark: BenchmarkFixture, sqlite_engine: Engine) -> None:
    guard = guard_for(sqlite_engine)
    assert isinstance(guard, FileGuard)
    benchmark(lambda: guard_for(sqlite_engine).check())
    assert benchmark.stats is not None and benchmark.stats.stats.median < 0.001


def test_a_new_call_with_the_file_check(benchmark: BenchmarkFixture, sqlite_engine: Engine) -> None:
    backend = DatabaseBackend(sqlite_engine, principal=desk("dispatcher:a"))
    benchmark.pedantic(lambda: backend.create_request(_draft()), rounds=200, warmup_rounds=5)
