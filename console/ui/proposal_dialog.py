"""The whole-queue proposal: review the optimiser's crews, accept all or some.

Each row compares the proposed crew with what "nearest free crew in queue
order" would give. Accepting assigns the ticked rows one by one through the
ordinary assign command, so a crew another dispatcher took meanwhile is
reported for that row and the others still go through.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.dispatch import Proposal, ProposalItem
from console.core.errors import DomainError
from console.core.ports import DispatchAdvisor, RequestCommands
from console.ui.labels import error_text, label
from console.ui.plain_text import make_plain
from console.ui.screen_fit import fit_to_screen


class ProposalBackend(DispatchAdvisor, RequestCommands, Protocol):
    """What the dialog needs: a proposal and the assign command."""


def _minutes(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


class ProposalDialog(QDialog):
    """Shows a :class:`Proposal` and applies the rows the dispatcher accepts."""

    def __init__(self, backend: ProposalBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._proposal: Proposal = backend.propose()
        self.outcome: dict[int, str] = {}
        """Request id -> "assigned" or the translated reason it failed, after accepting."""

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.result_label = QLabel()
        make_plain(self.result_label)
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.accept_selected = QPushButton()
        self.accept_all = QPushButton()
        self.buttons.addButton(self.accept_selected, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.accept_all, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.accept_selected.clicked.connect(lambda: self.apply(only_ticked=True))
        self.accept_all.clicked.connect(lambda: self.apply(only_ticked=False))

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        fit_to_screen(self)
        self._fill()
        self.retranslate_ui()

    @property
    def proposal(self) -> Proposal:
        """The proposal on display."""
        return self._proposal

    def set_ticked(self, request_id: int, ticked: bool) -> None:
        """Tick or untick one row (tests and keyboard users)."""
        for row, item in enumerate(self._proposal.items):
            if item.request_id == request_id:
                cell = self.table.item(row, 0)
                if cell is not None:
                    cell.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def apply(self, *, only_ticked: bool) -> None:
        """Assign the accepted rows; report each one that could not be done."""
        assigned = 0
        failures: list[str] = []
        for row, item in enumerate(self._proposal.items):
            cell = self.table.item(row, 0)
            if item.crew_id is None or item.request_id in self.outcome:
                continue
            if only_ticked and (cell is None or cell.checkState() != Qt.CheckState.Checked):
                continue
            try:
                self._backend.assign(
                    item.request_id,
                    item.crew_id,
                    expected_crew_version=item.crew_version,
                    eta_minutes=round(item.eta_minutes) if item.eta_minutes is not None else None,
                )
            except DomainError as exc:
                reason = error_text(exc)
                self.outcome[item.request_id] = reason
                failures.append(f"{item.reference}: {reason}")
                continue
            self.outcome[item.request_id] = "assigned"
            assigned += 1
            if cell is not None:
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        text = self.tr("Crews assigned: {count}.").format(count=assigned)
        if failures:
            text += "\n" + self.tr("Not assigned:") + "\n" + "\n".join(failures)
        self.result_label.setText(text)

    def _fill(self) -> None:
        items = self._proposal.items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            self._fill_row(row, item)

    def _fill_row(self, row: int, item: ProposalItem) -> None:
        reference = QTableWidgetItem(item.reference)
        if item.crew_id is not None:
            reference.setFlags(reference.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            reference.setCheckState(Qt.CheckState.Checked)
        change = item.eta_change
        cells = [
            reference,
            QTableWidgetItem(label(item.priority)),
            QTableWidgetItem(item.call_sign or "-"),
            QTableWidgetItem(_minutes(item.eta_minutes)),
            QTableWidgetItem(item.baseline_call_sign or "-"),
            QTableWidgetItem(_minutes(item.baseline_eta_minutes)),
            QTableWidgetItem("" if change is None else f"{change:+.0f}"),
        ]
        for column, cell in enumerate(cells):
            if column in (3, 5, 6):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, cell)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Queue proposal"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Request"),
                self.tr("Priority"),
                self.tr("Proposed crew"),
                self.tr("ETA (min)"),
                self.tr("Nearest free crew"),
                self.tr("Its ETA (min)"),
                self.tr("Change"),
            ]
        )
        for row, item in enumerate(self._proposal.items):
            cell = self.table.item(row, 1)
            if cell is not None:
                cell.setText(label(item.priority))
            if item.crew_id is None:
                crew = self.table.item(row, 2)
                if crew is not None:
                    crew.setText(self.tr("later"))
        proposal = self._proposal
        self.summary.setText(
            self.tr(
                "{assigned} of {total} queued requests get a crew. Priority-weighted ETA "
                "{ours:.0f} min, against {theirs:.0f} min for the nearest free crew in queue order."
            ).format(
                assigned=proposal.assigned,
                total=len(proposal.items),
                ours=proposal.weighted_eta,
                theirs=proposal.baseline_weighted_eta,
            )
        )
        self.accept_selected.setText(self.tr("Accept ticked"))
        self.accept_all.setText(self.tr("Accept all"))

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
