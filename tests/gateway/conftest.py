"""Fixtures for the gateway's tests: the data layer's databases (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from console.db import schema
from console.db.telemetry.devices import DeviceRegistry
from tests.db.conftest import clock, db_url, engine, fleet, install_fleet
from tests.support.principals import SYSTEM

__all__ = ["clock", "db_url", "engine", "fleet", "register_device", "registry"]


def registry(engine: Engine) -> DeviceRegistry:
    """The data layer's device registry on ``engine``, as the gateway and administrators use it."""
    return DeviceRegistry(engine, principal=SYSTEM)


def register_device(engine: Engine, crew_id: int, *, revoked: bool = False) -> str:
    """Register a phone for ``crew_id`` (revoked at once if asked); its secret identifier."""
    devices = registry(engine)
    row, token = devices.add_for_crew(crew_id)
    if revoked:
        devices.revoke(row.id)
    return token


@pytest.fixture
def seeded_sqlite(tmp_path: Path) -> str:
    """The URL of an SQLite database at the head schema with a small fleet."""
    url = f"sqlite:///{tmp_path / 'gateway.db'}"
    engine = schema.open_database(url, create=True)
    install_fleet(engine)
    engine.dispose()
    return url
