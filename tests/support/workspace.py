"""Seeded SQLite files for the workspace tests (a test-only use of the data layer).

Seeding the reference data takes a second or two, so each kind of database is
seeded once per test process into a template and copied for every test.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from console.core.intake import RequestDraft
from console.core.vocab import RoadType, ServiceType
from console.db import schema
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.db.seed import SeedOptions, seed_database
from tests.support.databases import postgres_schema_url
from tests.support.principals import desk

SEED_AT = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)
"""The demo shift's clock (08:30 in Shanghai)."""


@functools.cache
def _template(requests: int) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="roadside-template-"))
    path = folder / "console.db"
    engine = make_engine(f"sqlite:///{path}")
    schema.ensure_schema(engine, auto_upgrade=True)
    seed_database(engine, SeedOptions(requests=requests, at=SEED_AT))
    # Closing every connection checkpoints the WAL into the main file.
    engine.dispose()
    return path


def seeded_sqlite(folder: Path, *, requests: int = 20) -> str:
    """A fresh copy of a seeded database in ``folder``; returns its URL."""
    target = folder / "console.db"
    shutil.copyfile(_template(requests), target)
    return f"sqlite:///{target}"


def open_backend(url: str, actor: str) -> tuple[Engine, DatabaseBackend]:
    """An engine and a backend acting as ``actor`` on ``url``."""
    engine = make_engine(url)
    return engine, DatabaseBackend(engine, principal=desk(actor))


@contextmanager
def seeded_postgres(*, requests: int = 20) -> Iterator[str]:
    """A throw-away PostgreSQL schema seeded like :func:`seeded_sqlite`; yields its URL."""
    with postgres_schema_url() as url:
        engine = make_engine(url)
        try:
            schema.ensure_schema(engine, auto_upgrade=True)
            seed_database(engine, SeedOptions(requests=requests, at=SEED_AT))
        finally:
            engine.dispose()
        yield url


def new_call(backend: DatabaseBackend) -> int:
    """Take a call through ``backend``; returns the new request's id."""
    return backend.create_request(
        RequestDraft(
            caller_phone="13912345678",
            lat=30.27,
            lon=120.15,
            city="杭州",
            road_type=RoadType.URBAN,
            service_type=ServiceType.JUMP_START,
        )
    ).id
