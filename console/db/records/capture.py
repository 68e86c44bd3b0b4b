"""Capturing every row a unit of work writes, for the changes its event carries.

A unit of work's session is marked with :func:`start`; from then on every flush
of ORM objects (``after_flush``) and every ORM-enabled ``insert()``,
``update()`` or ``delete()`` statement (``do_orm_execute``) is noted, per row.
:func:`take` returns the canonical JSON of the changes, in table and key order.
Bulk statements are read back from the database after they ran, so the
recorded values are exactly what was stored (defaults and expressions included).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.sql import Delete, Insert, Update

from console.core.ledger import canonical_json
from console.db.records.image import TableImage, image

_KEY = "records.capture"
_CHUNK = 500


class Capture:
    """The row changes of one unit of work so far, merged per row.

    ``concurrent``: other units of work write at the same time (PostgreSQL's
    dispatch path, see :mod:`console.db.sealing`), so a bulk statement's rows are
    locked and named before it runs instead of read around it.
    """

    def __init__(self, *, concurrent: bool = False) -> None:
        self.entries: dict[tuple[str, Any], tuple[str, dict[str, Any]]] = {}
        self.concurrent = concurrent

    def new(self, table: str, key: Any, values: dict[str, Any]) -> None:
        """Note a row as inserted with these (plain) values."""
        self.entries[(table, key)] = ("new", values)

    def set(self, table: str, key: Any, values: dict[str, Any]) -> None:
        """Note columns written to an existing row."""
        if not values:
            return
        found = self.entries.get((table, key))
        if found is None or found[0] == "deleted":
            self.entries[(table, key)] = ("set", dict(values))
        else:
            found[1].update(values)

    def deleted(self, table: str, key: Any) -> None:
        """Note a row as removed."""
        found = self.entries.get((table, key))
        if found is not None and found[0] == "new":
            # Inserted and removed in the same unit of work: the ledger needs neither.
            del self.entries[(table, key)]
            return
        self.entries[(table, key)] = ("deleted", {})

    def clear(self) -> None:
        """Forget everything noted (a reset that starts the ledger again)."""
        self.entries.clear()

    def json(self) -> str:
        """The canonical JSON of the changes, ordered by table and key."""
        items = []
        for (table, key), (action, values) in sorted(self.entries.items(), key=_order):
            entry: dict[str, Any] = {"t": table, "id": key}
            entry[action] = True if action == "deleted" else values
            items.append(entry)
        return canonical_json(items)

    def pieces(self, column: str, provisional: int) -> tuple[list[str], dict[str, list[Any]]]:
        """:meth:`json` cut where each row's ``column`` goes, and those rows' keys by table.

        For a writer that numbers its revision last: every row this unit of work
        stamped with the ``provisional`` value is stamped again with the real
        one in the sealing statement, and ``revision_text.join(pieces)`` is
        then exactly :meth:`json`. A row stamped with any other value is a
        mistake (it would be overwritten), so it raises.
        """
        while True:
            # A token no stored text holds: every occurrence is one of ours (counted).
            text, stamped, spelt = self.marked(column, provisional, "\x01" + secrets.token_hex(16))
            if text.count(spelt) == sum(len(keys) for keys in stamped.values()):
                return text.split(spelt), stamped

    def marked(
        self, column: str, provisional: int, token: str
    ) -> tuple[str, dict[str, list[Any]], str]:
        """:meth:`json` with ``token`` in each row's ``column``; those rows' keys; the token's spelling.

        Every row this unit of work stamped with the ``provisional`` value is
        stamped again with the real one when the event is sealed; a row stamped
        with any other value is a mistake (it would be overwritten), so it
        raises. The caller checks that the spelling occurs nowhere else
        (:meth:`pieces` does), then the revision replaces it.
        """
        stamped: dict[str, list[Any]] = {}
        for (table, key), (action, values) in self.entries.items():
            if action == "deleted" or column not in values:
                continue
            if values[column] != provisional:
                raise RuntimeError(f"{table} {key!r} was stamped with {values[column]!r}")
            stamped.setdefault(table, []).append(key)
        return self.entries_with(column, token).json(), stamped, canonical_json(token)

    def entries_with(self, column: str, value: Any) -> Capture:
        """A copy whose rows carrying ``column`` carry ``value`` in it instead."""
        copy = Capture()
        for found, (action, values) in self.entries.items():
            marked = (
                {**values, column: value} if action != "deleted" and column in values else values
            )
            copy.entries[found] = (action, marked)
        return copy


def _order(item: tuple[tuple[str, Any], Any]) -> tuple[str, str, Any]:
    (table, key), _ = item
    return (table, type(key).__name__, key)


def start(session: Session, *, concurrent: bool = False) -> Capture:
    """Capture every row ``session`` writes from now on (``concurrent``: see :class:`Capture`)."""
    capture = Capture(concurrent=concurrent)
    session.info[_KEY] = capture
    return capture


def current(session: Session) -> Capture | None:
    """The capture running on ``session``, if any."""
    found = session.info.get(_KEY)
    return found if isinstance(found, Capture) else None


def take(session: Session) -> str:
    """Flush ``session`` and return the canonical JSON of everything it wrote."""
    session.flush()
    capture = current(session)
    if capture is None:
        raise RuntimeError("no capture runs on this session")
    return capture.json()


def _mapped_table(obj: Any) -> TableImage | None:
    table = getattr(type(obj), "__table__", None)
    return None if table is None else image(table.name)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    capture = current(session)
    if capture is None:
        return
    for obj in list(session.new):
        found = _mapped_table(obj)
        if found is not None:
            values = {name: getattr(obj, name) for name in found.plain}
            capture.new(found.name, getattr(obj, found.key), found.row(values))
    for obj in list(session.dirty):
        found = _mapped_table(obj)
        if found is None:
            continue
        state = inspect(obj)
        # Only an attribute set since the last flush has an original value noted, and
        # only such an attribute can have changed: look at those, not at every column.
        changed = [
            name
            for name in state.committed_state
            if name in found.plain and state.attrs[name].history.has_changes()
        ]
        if changed:
            # Read after the flush: an expression (``version + 1``) is stored as its result.
            values = {name: getattr(obj, name) for name in changed}
            capture.set(found.name, getattr(obj, found.key), found.row(values))
    for obj in list(session.deleted):
        found = _mapped_table(obj)
        if found is not None:
            capture.deleted(found.name, getattr(obj, found.key))


@event.listens_for(Session, "do_orm_execute")
def _bulk(state: ORMExecuteState) -> Any:
    capture = current(state.session)
    if capture is None or not (state.is_insert or state.is_update or state.is_delete):
        return None
    statement = state.statement
    if not isinstance(statement, (Insert, Update, Delete)):
        return None
    found = image(statement.table.name)  # type: ignore[union-attr]
    if found is None:
        return None
    session = state.session
    column = found.table.c[found.key]
    if capture.concurrent:
        return _locked_bulk(state, capture, found)
    if isinstance(statement, Insert):
        given = _given_keys(state.parameters, found.key)
        floor = None
        if given is None:
            floor = session.execute(select(column).order_by(column.desc()).limit(1)).scalar()
        result = state.invoke_statement()
        rows: Iterable[Any]
        if given is None:
            query = select(found.table)
            if floor is not None:
                query = query.where(column > floor)
            rows = session.execute(query).mappings()
        else:
            rows = _rows(session, found, given)
        for row in rows:
            capture.new(found.name, row[found.key], found.row(row))
        return result
    where = statement.whereclause
    query = select(column) if where is None else select(column).where(where)
    keys = list(session.execute(query).scalars())
    result = state.invoke_statement()
    if isinstance(statement, Delete):
        for key in keys:
            capture.deleted(found.name, key)
        return result
    # Every column as read back: exact whatever the statement's values were.
    for row in _rows(session, found, keys):
        capture.set(found.name, row[found.key], found.row(row))
    return result


def _locked_bulk(state: ORMExecuteState, capture: Capture, found: TableImage) -> Any:
    """A bulk statement while others write: lock its rows, run it on exactly those, read them."""
    statement = state.statement
    session = state.session
    column = found.table.c[found.key]
    if isinstance(statement, Insert):
        given = _given_keys(state.parameters, found.key)
        if given is None:
            # "Rows after the highest key" would take in other writers' rows.
            raise RuntimeError(f"a concurrent bulk insert into {found.name} must name its keys")
        result = state.invoke_statement()
        for row in _rows(session, found, given):
            capture.new(found.name, row[found.key], found.row(row))
        return result
    assert isinstance(statement, (Update, Delete))
    where = statement.whereclause
    query = select(column) if where is None else select(column).where(where)
    keys = list(session.execute(query.with_for_update(key_share=True)).scalars())
    # Locked rows match until commit; rows that start matching meanwhile are left alone.
    result = state.invoke_statement(statement=statement.where(column.in_(keys)))
    if isinstance(statement, Delete):
        for key in keys:
            capture.deleted(found.name, key)
        return result
    for row in _rows(session, found, keys):
        capture.set(found.name, row[found.key], found.row(row))
    return result


def _given_keys(parameters: Any, key: str) -> list[Any] | None:
    """The primary keys an insert names for every row, or None if any row lacks one."""
    rows: Sequence[Any] = parameters if isinstance(parameters, list) else [parameters or {}]
    keys = []
    for row in rows:
        if not isinstance(row, dict) or row.get(key) is None:
            return None
        keys.append(row[key])
    return keys


def _rows(session: Session, found: TableImage, keys: Iterable[Any]) -> Iterable[Any]:
    column = found.table.c[found.key]
    wanted = list(keys)
    for start_at in range(0, len(wanted), _CHUNK):
        chunk = wanted[start_at : start_at + _CHUNK]
        yield from session.execute(select(found.table).where(column.in_(chunk))).mappings()
