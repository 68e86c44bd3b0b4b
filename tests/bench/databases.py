"""Benchmark databases: a throw-away SQLite file or PostgreSQL schema, for CLIs and fixtures."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import pytest
from sqlalchemy import Engine

from console.db.engine import make_engine
from tests.support.databases import postgres_schema_url, postgres_unavailable_reason


def _exit(reason: str) -> NoReturn:
    raise SystemExit(f"PostgreSQL unavailable: {reason}")


@contextmanager
def bench_database(
    pg: bool,
    file_name: str,
    *,
    keep: Path | None = None,
    unavailable: Callable[[str], NoReturn] = _exit,
) -> Iterator[str]:
    """The URL of a throw-away PostgreSQL schema (``pg``) or SQLite file ``file_name``.

    ``keep`` names an SQLite file kept between runs instead. Without a reachable
    PostgreSQL server, ``unavailable`` is called with the reason (a CLI exits).
    """
    if keep is not None:
        yield f"sqlite:///{keep}"
        return
    if pg:
        reason = postgres_unavailable_reason()
        if reason:
            unavailable(reason)
        with postgres_schema_url() as url:
            yield url
        return
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{Path(folder) / file_name}"


@contextmanager
def filled_engine(backend: str, file_name: str, fill: Callable[[Engine], None]) -> Iterator[Engine]:
    """An engine on a new ``backend`` ("sqlite" or "postgresql") database, filled by ``fill``.

    For module-scoped benchmark fixtures: the test is skipped when PostgreSQL is unavailable.
    """
    with bench_database(backend == "postgresql", file_name, unavailable=pytest.skip) as url:
        engine = make_engine(url)
        try:
            fill(engine)
            yield engine
        finally:
            engine.dispose()
