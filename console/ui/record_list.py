"""The parts an administrator's record dialog shares: a read-only list and a message line."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QWidget

from console.ui.plain_text import make_plain

__all__ = ["message_line", "record_table"]


def record_table(columns: int, parent: QWidget) -> QTableWidget:
    """A read-only table that selects one whole row, columns sized to their contents."""
    table = QTableWidget(0, columns, parent)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def message_line(parent: QWidget) -> QLabel:
    """A hidden, wrapping plain-text line for the outcome of the last action."""
    message = QLabel(parent)
    make_plain(message)
    message.setWordWrap(True)
    message.setVisible(False)
    return message
