"""Checking the stored rows against the ledger's replay."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, select

from console.core.replay import Difference, Replay
from console.db.records.image import (
    SECRET_COLUMNS,
    TELEMETRY_COLUMNS,
    TableImage,
    image,
    ledgered_tables,
    time_text,
)

KEPT = 10_000
"""Most difference lines a report keeps (the count covers them all)."""

_BATCH = 5000


def new_replay() -> Replay:
    """An empty replay of every ledgered table."""
    return Replay(frozenset(ledgered_tables()), SECRET_COLUMNS)


def _stored(
    connection: Connection, found: TableImage
) -> Iterator[tuple[object, dict[str, object]]]:
    key = found.table.c[found.key]
    columns: list[Any] = list(found.table.columns)
    if connection.dialect.name in ("sqlite", "postgresql"):
        # Times as text: far cheaper than building and formatting datetime objects.
        dialect = connection.dialect.name
        columns = [
            time_text(c, dialect).label(c.name) if c.name in found.times else c for c in columns
        ]
    result = connection.execution_options(yield_per=_BATCH).execute(select(*columns).order_by(key))
    telemetry = TELEMETRY_COLUMNS.get(found.name)
    for row in result.mappings():
        stored = found.stored(row)
        if telemetry and stored.get("position_revision"):
            # Written by a fix batch: left out here, checked against the trail instead.
            for name in telemetry:
                stored.pop(name, None)
        yield row[found.key], stored


def differences(connection: Connection, replay: Replay, event_count: int) -> Iterator[str]:
    """Every way the stored rows differ from ``replay`` (after folding all events), one line each."""
    if event_count and not replay.started:
        yield (
            "the ledger records no row changes yet, so the rows cannot be checked: "
            "run `roadside-console db upgrade`"
        )
        return
    for seq in replay.gaps:
        yield f"event {seq} carries no row changes (written by an older console?)"
    for name in sorted(ledgered_tables()):
        found = image(name)
        assert found is not None
        difference: Difference
        for difference in replay.compare(name, _stored(connection, found)):
            yield difference.text()
