"""The change feed at fleet scale: one session per fetch, positions apart from business changes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, event

from console.core.ports import ChangeHeads
from console.core.vocab import CrewStatus
from console.db.backend import DatabaseBackend
from console.db.services import Services
from tests.db.conftest import FakeClock
from tests.db.helpers import draft
from tests.support.fix_batches import store_positions
from tests.support.principals import desk


class Traffic:
    """The connections checked out and the statements sent while it watched."""

    def __init__(self) -> None:
        self.checkouts = 0
        self.statements: list[str] = []

    @property
    def queries(self) -> list[str]:
        """The statements that read rows (not the transaction control SQLite sends)."""
        return [s for s in self.statements if s.lstrip().upper().startswith("SELECT")]


@contextmanager
def watching(engine: Engine) -> Iterator[Traffic]:
    """Count connection checkouts and record SQL on ``engine`` inside the block."""
    seen = Traffic()

    def checkout(*_: Any) -> None:
        seen.checkouts += 1

    def statement(_conn: Any, _cursor: Any, text: str, *_: Any) -> None:
        seen.statements.append(text)

    event.listen(engine, "checkout", checkout)
    event.listen(engine, "before_cursor_execute", statement)
    try:
        yield seen
    finally:
        event.remove(engine, "checkout", checkout)
        event.remove(engine, "before_cursor_execute", statement)


def test_a_fetch_reads_both_heads_and_what_changed_in_one_session(
    engine: Engine, services: Services, fleet: list[int]
) -> None:
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"))
    first = backend.changes_since(None)
    assert first.snapshot
    assert {c.id for c in first.crews} == set(fleet)
    heads = first.heads

    with watching(engine) as quiet:
        nothing = backend.changes_since(heads)
    assert (nothing.requests, nothing.crews, nothing.positions) == ((), (), ())
    assert nothing.heads == heads
    assert quiet.checkouts == 1
    assert len(quiet.queries) == 1  # the heads, nothing else

    services.create_request(draft())
    services.set_crew_status(fleet[0], CrewStatus.OFF_DUTY)
    store_positions(engine, {fleet[1]: (30.3, 120.2)})
    with watching(engine) as busy:
        both = backend.changes_since(heads)
    assert busy.checkouts == 1
    assert len(both.requests) == 1
    assert [c.id for c in both.crews] == [fleet[0]]
    assert [(p.id, p.lat, p.lon) for p in both.positions] == [(fleet[1], 30.3, 120.2)]
    assert both.heads == ChangeHeads(heads.revision + 2, heads.position_revision + 1)


def test_a_positions_only_change_reads_only_the_moved_crews_positions(
    engine: Engine, services: Services, fleet: list[int]
) -> None:
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"))
    services.create_request(draft())
    heads = backend.change_heads()
    store_positions(engine, {fleet[0]: (30.31, 120.21), fleet[2]: (30.33, 120.23)})
    with watching(engine) as seen:
        moved = backend.changes_since(heads)
    assert moved.requests == () and moved.crews == ()
    assert {p.id: (p.lat, p.lon) for p in moved.positions} == {
        fleet[0]: (30.31, 120.21),
        fleet[2]: (30.33, 120.23),
    }
    assert moved.heads == ChangeHeads(heads.revision, heads.position_revision + 1)
    assert not any("requests" in text for text in seen.statements)
    assert seen.checkouts == 1

    held_back = backend.changes_since(heads, positions=False)
    assert held_back.positions == ()
    assert held_back.heads == heads  # the moved crews stay due for a later fetch


def test_the_advisor_keeps_its_fleet_across_fixes_but_ranks_by_the_live_position(
    engine: Engine, services: Services, fleet: list[int], clock: FakeClock
) -> None:
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"), clock=clock)
    request = services.create_request(draft(lat=30.26, lon=120.17))
    near, far = fleet[0], fleet[1]  # a flatbed and a wheel-lift: both can tow
    earlier = clock.now - timedelta(minutes=9)
    store_positions(engine, {near: (30.2601, 120.1701), far: (30.45, 120.17)}, earlier)
    cache = backend.fleet_cache

    assert backend.suggest(request.id).suggestions[0].crew_id == near
    assert cache.full_reads == 1

    # Nine minutes on, the crews have swapped places: fixes only, the fleet is not read again.
    store_positions(engine, {near: (30.45, 120.17), far: (30.2601, 120.1701)}, clock.now)
    assert backend.suggest(request.id).suggestions[0].crew_id == far
    assert (cache.full_reads, cache.position_reads) == (1, 1)
    backend.suggest(request.id)
    assert (cache.full_reads, cache.position_reads) == (1, 1)  # nothing moved since

    services.set_crew_status(far, CrewStatus.OFF_DUTY)  # a business change: read it all
    assert backend.suggest(request.id).suggestions[0].crew_id == near
    assert cache.full_reads == 2
