"""What one write sends while it holds the writer lock (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, event

from console.db.audit import verify_ledger
from console.db.records import capture
from console.db.services import Services
from tests.db.helpers import draft


@contextmanager
def _statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(*args: Any) -> None:
        seen.append(" ".join(args[2].split()))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_the_event_and_the_new_head_go_in_one_statement_on_postgresql(
    services: Services, engine: Engine
) -> None:
    with _statements(engine) as seen:
        row = services.take_call(draft())
        services.assign(row.id, 1)
    appends = [text for text in seen if "INSERT INTO events" in text]
    assert len(appends) == 2
    if engine.dialect.name == "postgresql":
        # One round trip under the writer lock: the head taken, the event, the new head, the
        # revision stamped on the rows and the announcement; nothing else waits for the head.
        assert all("UPDATE chain_head" in text and "pg_notify" in text for text in appends)
        assert all("FOR UPDATE" in text for text in appends)
        assert sum("FROM chain_head" in text for text in seen) == 2
        assert sum("pg_notify" in text for text in seen) == 2
    else:
        assert sum(text.startswith("UPDATE chain_head") for text in seen) == 2
    assert verify_ledger(engine).ok


def test_the_changes_cut_where_the_revision_goes_join_back_to_the_recorded_changes() -> None:
    noted = capture.Capture(concurrent=True)
    # Texts that look like the cut's token must not be mistaken for it.
    noted.new("requests", 7, {"id": 7, "notes": "\x01" + "0" * 32, "revision": 0})
    noted.set("crews", 2, {"status": "ASSIGNED", "revision": 0})
    noted.set("crews", 3, {"lat": 30.1})
    noted.new("reference_counters", "20261123", {"day": "20261123", "last": 4})
    pieces, stamped = noted.pieces("revision", 0)
    assert stamped == {"requests": [7], "crews": [2]}
    assert "981".join(pieces) == noted.entries_with("revision", 981).json()
    noted.set("crews", 4, {"revision": 5})
    with pytest.raises(RuntimeError):
        noted.pieces("revision", 0)
