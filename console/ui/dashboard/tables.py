"""Sortable, exportable tables of the dashboard (complaints, scorecards, jobs)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.report import write_csv
from console.ui.icons import colour

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: what it shows, how it sorts, and an optional semantic colour."""

    text: str
    sort: float | str | None = None
    tone: str | None = None


class RecordTable(QWidget):
    """A table view over a plain list of rows, sortable by any column, exportable as CSV.

    Rows are replaced wholesale on each refresh; the selected row (by key) is kept.
    """

    sig_context_requested = Signal(object, object)
    """Emitted with (row key, global QPoint) on a right click on a row."""

    sig_activated = Signal(object)
    """Emitted with the row key on a double click or Enter."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setObjectName(f"{name}View")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context)
        self.view.doubleClicked.connect(lambda index: self.sig_activated.emit(index.data(KEY_ROLE)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._sized = False

    def sort_by(self, column: int, order: Qt.SortOrder = Qt.SortOrder.DescendingOrder) -> None:
        """Sort by ``column`` (the user can re-sort by clicking a header)."""
        self.view.sortByColumn(column, order)

    def set_headers(self, headers: Sequence[str]) -> None:
        """Set the column titles (on every language change)."""
        self.model.setHorizontalHeaderLabels(list(headers))

    def set_rows(self, rows: Sequence[tuple[object, Sequence[Cell]]]) -> None:
        """Replace the rows: each is (key, cells); selection by key and sort order survive."""
        selected = self.selected_key()
        self.model.removeRows(0, self.model.rowCount())
        for key, cells in rows:
            items = []
            for cell in cells:
                item = QStandardItem(cell.text)
                item.setData(cell.sort if cell.sort is not None else cell.text, SORT_ROLE)
                item.setData(key, KEY_ROLE)
                if cell.tone:
                    item.setForeground(QBrush(colour(cell.tone)))
                items.append(item)
            self.model.appendRow(items)
        if not self._sized and rows:
            self.view.resizeColumnsToContents()
            self._sized = True
        if selected is not None:
            self.select_key(selected)

    def selected_key(self) -> object | None:
        """The key of the selected row, if any."""
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(KEY_ROLE) if rows else None

    def select_key(self, key: object) -> None:
        """Select the row with ``key``, if shown."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(KEY_ROLE) == key:
                self.view.selectRow(row)
                return

    def visible_rows(self) -> list[list[str]]:
        """Header plus rows as shown (sorted), for CSV export."""
        header = [
            str(self.model.headerData(c, Qt.Orientation.Horizontal))
            for c in range(self.model.columnCount())
        ]
        body = [
            [str(self.proxy.index(r, c).data()) for c in range(self.proxy.columnCount())]
            for r in range(self.proxy.rowCount())
        ]
        return [header, *body]

    def export_csv(self, path: Path) -> None:
        """Write the table as shown to ``path`` (UTF-8 CSV)."""
        write_csv(path, self.visible_rows())

    def _on_context(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        self.view.selectRow(index.row())
        self.sig_context_requested.emit(
            index.data(KEY_ROLE),
            self.view.viewport().mapToGlobal(point),
        )
