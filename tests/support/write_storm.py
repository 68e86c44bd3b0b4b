"""Runs in a separate process: one dispatcher working jobs while others do the same."""

from __future__ import annotations

import random
import time
import traceback
from collections.abc import Callable
from typing import Any

from console.core.errors import Conflict
from console.core.vocab import CrewStatus
from console.db.engine import make_engine
from console.db.services import Services
from tests.db.helpers import draft
from tests.support.principals import desk


def work(url: str, worker: int, crews: list[int], start_at: float, rounds: int) -> dict[str, Any]:
    """From ``start_at``: ``rounds`` jobs taken, assigned to any free crew of ``crews`` and
    driven to completion, with a position fix and now and then a duty change of a random crew.

    Returns how many writes were stored and how many lost a race (a Conflict);
    anything else that went wrong comes back as ``error`` (its traceback).
    """
    engine = make_engine(url)
    services = Services(engine, principal=desk(f"storm:{worker}"))
    pick = random.Random(worker)
    counts: dict[str, Any] = {"stored": 0, "conflicts": 0}

    def attempt(write: Callable[..., object], *args: object) -> bool:
        try:
            write(*args)
        except Conflict:
            counts["conflicts"] += 1
            return False
        counts["stored"] += 1
        return True

    try:
        engine.connect().close()
        while time.time() < start_at:
            time.sleep(0.001)
        for _ in range(rounds):
            request = services.take_call(draft())
            counts["stored"] += 1
            order = pick.sample(crews, len(crews))
            if not any(attempt(services.assign, request.id, crew) for crew in order):
                attempt(services.cancel, request.id, "no crew free")
                continue
            for step in (services.start_journey, services.arrive, services.complete):
                if not attempt(step, request.id):
                    raise AssertionError(f"{step.__name__} of the worker's own job lost a race")
            crew = pick.choice(crews)
            attempt(services.update_crew_position, crew, 30.2 + pick.random() / 10, 120.1)
            if pick.random() < 0.3 and attempt(services.set_crew_status, crew, CrewStatus.OFF_DUTY):
                attempt(services.set_crew_status, crew, CrewStatus.AVAILABLE)
    except Exception:
        counts["error"] = traceback.format_exc()
    finally:
        engine.dispose()
    return counts
