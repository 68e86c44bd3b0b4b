"""What one write sends while it holds the writer lock (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event

from console.db.audit import verify_ledger
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
        # One round trip under the writer lock: the event, the new head and the announcement.
        assert all("UPDATE chain_head" in text and "pg_notify" in text for text in appends)
        assert sum("pg_notify" in text for text in seen) == 2
    else:
        assert sum(text.startswith("UPDATE chain_head") for text in seen) == 2
    assert verify_ledger(engine).ok
