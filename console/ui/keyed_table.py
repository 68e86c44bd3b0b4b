"""A Qt table model over immutable rows keyed by id, updated in place.

Both live tables (the request queue and the crew board) keep their rows in a
list plus an id -> position index and apply changes from the data layer as
inserts, ``dataChanged`` for the rows that really changed, and removals. The
model is never reset, so a view's selection and scroll position survive every
update. Subclasses add the columns, ``data()`` and what an update means.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

__all__ = ["KeyedRow", "KeyedRowsModel", "RowFilterProxy", "runs"]


class KeyedRow(Protocol):
    """An immutable row with a stable id and a revision that grows with each change."""

    @property
    def id(self) -> int:
        """The row's key."""

    @property
    def revision(self) -> int:
        """Higher for newer versions of the same row."""


RowT = TypeVar("RowT", bound=KeyedRow)
FilterT = TypeVar("FilterT")


def runs(positions: Iterable[int]) -> list[tuple[int, int]]:
    """Group row positions into ascending (first, last) runs of consecutive rows."""
    found: list[tuple[int, int]] = []
    for pos in sorted(set(positions)):
        if found and found[-1][1] == pos - 1:
            found[-1] = (found[-1][0], pos)
        else:
            found.append((pos, pos))
    return found


class KeyedRowsModel(QAbstractTableModel, Generic[RowT]):
    """A flat table of ``RowT`` rows, one per id, with in-place upsert and removal."""

    def __init__(self, column_count: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._column_count = column_count
        self._rows: list[RowT] = []
        self._index: dict[int, int] = {}

    # -- reading -----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of rows (zero below the root: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else self._column_count

    def row_at(self, position: int) -> RowT:
        """The row shown at model row ``position``."""
        return self._rows[position]

    def position_of(self, row_id: int) -> int | None:
        """The model row of the row with id ``row_id``, or ``None`` if it is not shown."""
        return self._index.get(row_id)

    def rows(self) -> Sequence[RowT]:
        """All rows in model order (read-only view)."""
        return tuple(self._rows)

    def _row_for(self, index: QModelIndex | QPersistentModelIndex) -> RowT | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    # -- updating ----------------------------------------------------------

    def _keeps(self, row: RowT) -> bool:
        """Whether ``row`` belongs in the table (a row that stops belonging is removed)."""
        del row
        return True

    def _retain_only(self, present: Container[int]) -> None:
        """Remove every row whose id is not in ``present``."""
        self._remove_positions(pos for rid, pos in self._index.items() if rid not in present)

    def _upsert(self, rows: Iterable[RowT]) -> None:
        """Insert new rows, update changed ones, drop those :meth:`_keeps` rejects.

        A row older (by revision) than the one shown is ignored.
        """
        latest: dict[int, RowT] = {}
        for row in rows:
            seen = latest.get(row.id)
            if seen is None or row.revision >= seen.revision:
                latest[row.id] = row

        changed: list[int] = []
        dropped: list[int] = []
        added: list[RowT] = []
        for row in latest.values():
            pos = self._index.get(row.id)
            if pos is None:
                if self._keeps(row):
                    added.append(row)
                continue
            current = self._rows[pos]
            if row.revision < current.revision:
                continue
            if not self._keeps(row):
                dropped.append(pos)
            elif row != current:
                self._rows[pos] = row
                changed.append(pos)

        last_column = self._column_count - 1
        for first, last in runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        self._remove_positions(dropped)
        self._append(added)

    def _refresh_all(self) -> None:
        """Tell views that every cell may look different (language or theme switch)."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self._column_count - 1)
            )

    def _refresh_column(self, column: int, roles: list[Any]) -> None:
        """Tell views that ``roles`` of every cell in ``column`` changed."""
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, column), self.index(last, column), roles)

    def _append(self, rows: Sequence[RowT]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        for offset, row in enumerate(rows):
            self._index[row.id] = first + offset
        self._rows.extend(rows)
        self.endInsertRows()

    def _remove_positions(self, positions: Iterable[int]) -> None:
        found = runs(positions)
        if not found:
            return
        # Last run first, so the positions of the runs still to go stay valid.
        for first, last in reversed(found):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        self._index = {row.id: pos for pos, row in enumerate(self._rows)}


class RowFilterProxy(QSortFilterProxyModel, Generic[FilterT]):
    """Sorts a keyed table by a raw-value role and filters it with a ``FilterT`` value.

    The filter role is the row role, so a clock tick that only touches display
    roles never re-runs the filter. Subclasses implement ``filterAcceptsRow``.
    """

    def __init__(
        self, sort_role: int, row_role: int, initial: FilterT, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._filter = initial
        self.setSortRole(sort_role)
        self.setFilterRole(row_role)
        self.setDynamicSortFilter(True)
        self.setSortLocaleAware(True)

    @property
    def row_filter(self) -> FilterT:
        """The filter in force."""
        return self._filter

    def set_row_filter(self, new: FilterT) -> None:
        """Show only rows that pass ``new``."""
        if new == self._filter:
            return
        with self._changing_filter():
            self._filter = new

    @contextmanager
    def _changing_filter(self) -> Iterator[None]:
        """Wrap a change of what the filter accepts (rows may appear or disappear)."""
        self.beginFilterChange()
        try:
            yield
        finally:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
