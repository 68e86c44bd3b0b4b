"""Runs in a separate process: try to assign at a shared instant and report the outcome."""

from __future__ import annotations

import time

from sqlalchemy import Engine

from console.core.errors import Conflict, IllegalTransition
from console.db.engine import make_engine
from console.db.services import Services
from tests.support.principals import desk

_engines: dict[str, Engine] = {}


def warm_up(url: str) -> bool:
    """Import everything and open the engine before the race starts."""
    _engines.setdefault(url, make_engine(url)).connect().close()
    return True


def try_assign(url: str, request_id: int, crew_id: int, start_at: float, actor: str) -> str:
    """Wait for ``start_at`` then assign; returns 'won' or the error code."""
    engine = _engines.setdefault(url, make_engine(url))
    services = Services(engine, principal=desk(actor))
    while time.time() < start_at:
        pass
    try:
        services.assign(request_id, crew_id)
    except (Conflict, IllegalTransition) as exc:
        return exc.code
    return "won"
