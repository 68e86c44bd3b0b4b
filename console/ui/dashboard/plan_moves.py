"""The "Plan moves" dialog: a coverage plan's changes as a table the depots can act on.

Opened from the dashboard with a plan file (``roadside-console plan ... --out``);
the planner names each moved crew's vehicle, and for an older file whose moves
do not, the vehicle comes from the live fleet; depot codes get their names. "Export CSV…" writes the table as shown with the console's CSV
writer (atomic, private, formula-safe).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.core.errors import DomainError
from console.core.reach.plan_file import ChangeKind, PlanChange, PlanMoves
from console.core.records import CrewRow, DepotRow
from console.core.vocab import VehicleKind
from console.ui.dashboard.tables import Cell, RecordTable
from console.ui.i18n import current_language
from console.ui.labels import QT_TRANSLATE_NOOP, error_text, label
from console.ui.plain_text import show_plain_message
from console.ui.save_dialog import ask_open_path, ask_save_path
from console.ui.screen_fit import fit_to_screen

__all__ = ["CHANGE_LABELS", "PlanMovesDialog", "ask_plan_file"]

CHANGE_LABELS: dict[ChangeKind, str] = {
    ChangeKind.MOVE: QT_TRANSLATE_NOOP("PlanMovesDialog", "Move"),
    ChangeKind.ADD: QT_TRANSLATE_NOOP("PlanMovesDialog", "New crew"),
    ChangeKind.RESKILL: QT_TRANSLATE_NOOP("PlanMovesDialog", "Train"),
}


class PlanMovesDialog(QDialog):
    """A plan's moves, new crews and training, one row each, exportable as CSV."""

    def __init__(
        self,
        plan: PlanMoves,
        source: Path,
        crews: Sequence[CrewRow],
        depots: Sequence[DepotRow],
        *,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PlanMovesDialog")
        self.plan = plan
        self.source = source
        self._kinds: Mapping[str, VehicleKind] = {c.call_sign: c.vehicle_kind for c in crews}
        self._depots: Mapping[str, DepotRow] = {d.code: d for d in depots}
        self._settings = settings
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.table = RecordTable("planMovesTable", self)
        # The plan's own order (moves, new crews, training) until the user sorts;
        # one line per change (long depot names scroll rather than wrap).
        self.table.sort_by(0, Qt.SortOrder.AscendingOrder)
        self.table.view.setWordWrap(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportPlanCsv")
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(lambda _c=False: self.ask_export())
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(1200, 560)
        fit_to_screen(self)

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.setWindowTitle(self.tr("Plan moves"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.heading.setText(
            self.tr(
                "{file} (scenario {scenario}) · moves: {moves} · new crews: {additions} · "
                "crews to train: {training}"
            ).format(
                file=self.source.name,
                scenario=self.plan.scenario or "–",
                moves=self.plan.count(ChangeKind.MOVE),
                additions=self.plan.count(ChangeKind.ADD),
                training=self.plan.count(ChangeKind.RESKILL),
            )
        )
        self.table.set_headers([
            self.tr("Change"), self.tr("Call sign"), self.tr("Vehicle"), self.tr("Skills"),
            self.tr("From depot"), self.tr("To depot"),
        ])  # fmt: skip
        self.table.set_rows([(n, self._cells(n, c)) for n, c in enumerate(self.plan.changes)])

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _cells(self, order: int, change: PlanChange) -> list[Cell]:
        kind = change.vehicle_kind or self._kinds.get(change.call_sign)
        skills = " · ".join(label(s) for s in sorted(change.skills))
        return [
            Cell(self.tr(CHANGE_LABELS[change.kind]), order),
            Cell(change.call_sign),
            Cell(label(kind) if kind is not None else "–"),
            Cell(skills),
            Cell(self._depot(change.from_depot)),
            Cell(self._depot(change.to_depot)),
        ]

    def _depot(self, code: str) -> str:
        if not code:
            return ""
        depot = self._depots.get(code)
        if depot is None:
            return code
        return f"{code} {depot.name_zh if current_language() == 'zh' else depot.name_en}"

    def rows(self) -> list[list[str]]:
        """Header and rows as shown."""
        return self.table.visible_rows()

    def export_csv(self, path: Path) -> None:
        """Write the table as shown to ``path`` (raises ``StorageError`` when it cannot)."""
        self.table.export_csv(path)

    def ask_export(self) -> Path | None:
        """Ask where to save the CSV and write it; returns the path written, if any."""
        chosen = ask_save_path(
            self, "plan", self.tr("Export plan moves"), f"{self.source.stem}-moves.csv",
            self.tr("CSV (*.csv)"), settings=self._settings,
        )  # fmt: skip
        if chosen is None:
            return None
        try:
            self.export_csv(chosen)
        except DomainError as exc:
            show_plain_message(
                self, QMessageBox.Icon.Warning, self.tr("Not saved"), error_text(exc)
            )
            return None
        show_plain_message(
            self, QMessageBox.Icon.Information, self.tr("Plan moves"),
            self.tr("Saved {path}").format(path=chosen),
        )  # fmt: skip
        return chosen


def ask_plan_file(parent: QWidget, settings: QSettings | None = None) -> Path | None:
    """Ask for a plan file to open (Qt's own dialog, in the console's language); None: cancelled."""
    return ask_open_path(
        parent,
        "plan",
        QCoreApplication.translate("PlanMovesDialog", "Open a coverage plan"),
        QCoreApplication.translate("PlanMovesDialog", "Coverage plans (*.json)"),
        settings=settings,
    )
