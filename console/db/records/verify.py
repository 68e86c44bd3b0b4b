"""Checking the stored rows against the ledger's replay."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, func, select

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


def touched_differences(
    connection: Connection, replay: Replay, event_count: int, touched: dict[str, set[Any]]
) -> Iterator[str]:
    """:func:`differences` for the rows of ``touched`` only, and each table's row count.

    What ``verify --resume`` compares: the rows the new events wrote (read by
    key), and how many rows each ledgered table holds, so a row added or
    removed anywhere without an event is noticed (a full verify names it). A
    row altered without an event and untouched since the resume point is left
    to the full verify.
    """
    if event_count and not replay.started:
        yield from differences(connection, replay, event_count)
        return
    yield from _gaps(replay)
    for name, found in _images():
        stored_count = connection.execute(select(func.count()).select_from(found.table)).scalar()
        expected_count = len(replay.state.get(name, {}))
        if stored_count != expected_count:
            yield (
                f"{name} holds {stored_count} rows, the ledger {expected_count}: "
                "rows were added or removed without an event (a full verify names them)"
            )
        keys = sorted(touched.get(name, ()), key=lambda key: (type(key).__name__, key))
        for start in range(0, len(keys), _KEYS_PER_READ):
            chunk = keys[start : start + _KEYS_PER_READ]
            rows = list(_stored(connection, found, chunk))
            difference: Difference
            for difference in replay.compare_rows(name, set(chunk), rows):
                yield difference.text()


_KEYS_PER_READ = 500


def _gaps(replay: Replay) -> Iterator[str]:
    for seq in replay.gaps:
        yield f"event {seq} carries no row changes (written by an older console?)"


def _images() -> Iterator[tuple[str, TableImage]]:
    """Each ledgered table's name and image, in name order."""
    for name in sorted(ledgered_tables()):
        found = image(name)
        assert found is not None
        yield name, found


def _stored(
    connection: Connection, found: TableImage, keys: list[Any] | None = None
) -> Iterator[tuple[object, dict[str, object]]]:
    key = found.table.c[found.key]
    columns: list[Any] = list(found.table.columns)
    if connection.dialect.name in ("sqlite", "postgresql"):
        # Times as text: far cheaper than building and formatting datetime objects.
        dialect = connection.dialect.name
        columns = [
            time_text(c, dialect).label(c.name) if c.name in found.times else c for c in columns
        ]
    query = select(*columns).order_by(key)
    if keys is not None:
        query = query.where(key.in_(keys))
    result = connection.execution_options(yield_per=_BATCH).execute(query)
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
    yield from _gaps(replay)
    for name, found in _images():
        difference: Difference
        for difference in replay.compare(name, _stored(connection, found)):
            yield difference.text()
