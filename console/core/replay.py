"""Replaying the ledger: the rows its events imply, compared with the rows stored.

Every event written since the ledger began recording row changes carries
them (``changes``, canonical JSON): a list of entries, one per row the event
wrote, each ``{"t": table, "id": key}`` plus one of

* ``"new": {column: value}`` the row as inserted (every column),
* ``"set": {column: value}`` the columns an update wrote,
* ``"deleted": true`` the row was removed.

A baseline event (written when an older database is upgraded) holds every row
as ``new``. Folding the entries in ``seq`` order gives the state the ledger
vouches for; :meth:`Replay.compare` names every stored row that differs from it.
Values are plain JSON values in one spelling (times as :func:`format_time`,
decimals as fixed-point text), produced by the data layer for both sides.
Pure Python: no database here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]
"""One row: column name -> plain JSON value."""


class ReplayError(ValueError):
    """An event's recorded changes cannot be read (names the event)."""


@dataclass(frozen=True, slots=True)
class Difference:
    """One stored row that is not what the ledger says."""

    table: str
    key: Any
    column: str | None = None
    found: Any = None
    expected: Any = None
    kind: str = "differs"
    """``differs`` (a column), ``extra`` (row not in the ledger), ``missing`` (row deleted)."""
    secret: bool = False
    """The column holds a secret (a password hash): say that it differs, never the values."""

    def text(self) -> str:
        """One line naming the table, the row and what differs."""
        where = f"{self.table} id {self.key}"
        if self.kind == "extra":
            return f"{where} is not in the ledger"
        if self.kind == "missing":
            return f"{where} was deleted without an event"
        if self.secret:
            return f"{where}: {self.column} differs from the ledger"
        return (
            f"{where}: {self.column} is {_shown(self.found)}, "
            f"the ledger says {_shown(self.expected)}"
        )


def _shown(value: Any) -> str:
    if value is None:
        return "empty"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if text == "":
        return '""'
    return text if len(text) <= 80 else text[:79] + "…"


@dataclass
class Replay:
    """The state of the ledgered tables as implied by the events folded so far."""

    tables: frozenset[str]
    secrets: frozenset[tuple[str, str]] = frozenset()
    """(table, column) pairs whose values a difference never shows."""
    state: dict[str, dict[Any, Row]] = field(default_factory=dict)
    started: bool = False
    """True once an event carrying changes has been folded (older events carry none)."""
    gaps: list[int] = field(default_factory=list)
    """Events after the start that carry no changes (their writes cannot be replayed)."""
    touched: dict[str, set[Any]] | None = None
    """When a dict, the keys of every row folded from now on, by table (never kept)."""

    def __post_init__(self) -> None:
        for table in self.tables:
            self.state.setdefault(table, {})

    def apply(self, seq: int, changes_json: str | None) -> None:
        """Fold one event's recorded changes (``None``: the event recorded none)."""
        if changes_json is None:
            if self.started:
                self.gaps.append(seq)
            return
        self.started = True
        try:
            entries = json.loads(changes_json)
        except ValueError as exc:
            raise ReplayError(f"event {seq} has unreadable changes ({exc})") from None
        except RecursionError:
            raise ReplayError(f"event {seq} has unreadable changes (nested too deep)") from None
        if not isinstance(entries, list):
            raise ReplayError(f"event {seq} has unreadable changes (not a list)")
        for entry in entries:
            self._fold(seq, entry)

    def apply_many(self, events: list[tuple[int, str | None]]) -> None:
        """:meth:`apply` each ``(seq, changes_json)`` in order, decoding them in one go."""
        texts: list[str] = []
        for seq, changes in events:
            if changes is None:
                if self.started or texts:
                    self.gaps.append(seq)
            else:
                texts.append(changes)
        if not texts:
            return
        try:
            decoded = json.loads("[" + ",".join(texts) + "]")
        except (ValueError, RecursionError):
            decoded = None
        if not isinstance(decoded, list) or len(decoded) != len(texts):
            # One of them is unreadable: go one by one to name it.
            gaps = len(self.gaps)
            for seq, changes in events:
                if changes is not None:
                    self.apply(seq, changes)
            del self.gaps[gaps:]
            return
        self.started = True
        entries_of = iter(decoded)
        for seq, changes in events:
            if changes is None:
                continue
            entries = next(entries_of)
            if not isinstance(entries, list):
                raise ReplayError(f"event {seq} has unreadable changes (not a list)")
            for entry in entries:
                self._fold(seq, entry)

    def _fold(self, seq: int, entry: Any) -> None:
        if not isinstance(entry, dict):
            raise ReplayError(f"event {seq} has an unreadable change entry")
        table = entry.get("t")
        key = entry.get("id")
        rows = self.state.get(table) if isinstance(table, str) else None
        if rows is None:
            raise ReplayError(f"event {seq} changes an unknown table {table!r}")
        if isinstance(key, (dict, list)):
            raise ReplayError(f"event {seq} names a row of {table} by an unusable key")
        if self.touched is not None:
            self.touched.setdefault(str(table), set()).add(key)
        if "new" in entry:
            values = entry["new"]
            if not isinstance(values, dict):
                raise ReplayError(f"event {seq} has an unreadable new row of {table}")
            rows[key] = dict(values)
        elif "set" in entry:
            values = entry["set"]
            if not isinstance(values, dict):
                raise ReplayError(f"event {seq} has an unreadable update of {table}")
            row = rows.get(key)
            if row is None:
                rows[key] = dict(values)
            else:
                row.update(values)
        elif entry.get("deleted") is True:
            rows.pop(key, None)
        else:
            raise ReplayError(f"event {seq} has a change entry of {table} without an action")

    def fold_all(self, events: Iterable[tuple[int, str | None]]) -> None:
        """:meth:`apply` every ``(seq, changes_json)`` in order."""
        for seq, changes in events:
            self.apply(seq, changes)

    def compare(
        self, table: str, stored: Iterable[tuple[Any, Mapping[str, Any]]]
    ) -> Iterator[Difference]:
        """Every difference between ``stored`` rows (key, row) of ``table`` and the replay.

        Columns the ledger never recorded for a row (an update of a row it does
        not otherwise know) are not compared.
        """
        return self._compare(table, stored, None)

    def compare_rows(
        self, table: str, keys: set[Any], stored: Iterable[tuple[Any, Mapping[str, Any]]]
    ) -> Iterator[Difference]:
        """:meth:`compare` limited to the rows of ``keys`` (``stored``: those of them that exist)."""
        return self._compare(table, stored, keys)

    def _compare(
        self,
        table: str,
        stored: Iterable[tuple[Any, Mapping[str, Any]]],
        keys: set[Any] | None,
    ) -> Iterator[Difference]:
        expected = self.state.get(table, {})
        seen: set[Any] = set()
        for key, row in stored:
            if keys is not None and key not in keys:
                continue
            seen.add(key)
            wanted = expected.get(key)
            if wanted is None:
                yield Difference(table, key, kind="extra")
                continue
            for column, value in wanted.items():
                if column in row and row[column] != value:
                    yield self._differs(table, key, column, row[column], value)
        wanted_keys = expected.keys() if keys is None else keys & expected.keys()
        for key in sorted(wanted_keys - seen, key=_order):
            yield Difference(table, key, kind="missing")

    def _differs(self, table: str, key: Any, column: str, found: Any, value: Any) -> Difference:
        if (table, column) in self.secrets:
            return Difference(table, key, column, secret=True)
        return Difference(table, key, column, found, value)


def _order(key: Any) -> tuple[str, Any]:
    return (type(key).__name__, key)
