"""Test databases: a fresh SQLite file, or a throw-away schema on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy.engine import make_url

PG_URL = os.environ.get("ROADSIDE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
"""The PostgreSQL server the integration tests use (CI: 127.0.0.1:5432, database test)."""


def _conninfo() -> str:
    url = make_url(PG_URL)
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def postgres_unavailable_reason() -> str | None:
    """None when the test server answers, else why not (for pytest.skip)."""
    try:
        with psycopg.connect(_conninfo(), connect_timeout=3):
            return None
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"PostgreSQL not reachable at {make_url(PG_URL).render_as_string()}: {first}"


@contextmanager
def postgres_schema_url() -> Iterator[str]:
    """A URL whose connections work in a new, empty schema; the schema is dropped after."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(_conninfo(), autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{name}"')
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={name}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with psycopg.connect(_conninfo(), autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{name}" CASCADE')
