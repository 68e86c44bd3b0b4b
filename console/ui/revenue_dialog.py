"""Supervisor view: billed revenue and covered cost by programme, with disputed bills.

Opened from View ▸ Revenue by programme… when the backend can price. Disputed
bills are listed by request reference: the complaints workflow links to them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.errors import DomainError
from console.core.ports import PricingDesk
from console.core.pricing import ProgrammeRevenue
from console.core.tariff import yuan
from console.ui.i18n import current_language
from console.ui.icons import icon
from console.ui.labels import error_text
from console.ui.plain_text import make_plain
from console.ui.screen_fit import fit_to_screen

__all__ = ["RevenueDialog", "RevenueMenu"]

logger = logging.getLogger(__name__)


class RevenueDialog(QDialog):
    """A table of billed jobs per programme (pay-as-you-go on its own row)."""

    def __init__(self, backend: PricingDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revenueDialog")
        self._backend = backend
        self.rows: list[ProgrammeRevenue] = []
        self.table = QTableWidget(0, 6, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel(self)
        make_plain(self.message)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.refresh_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.setIcon(icon("app.refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.refresh()
        self.resize(860, 360)
        fit_to_screen(self)

    def refresh(self) -> None:
        """Read the figures again."""
        try:
            self.rows = self._backend.revenue_by_programme()
        except DomainError as exc:
            self.message.setText(error_text(exc))
            return
        except Exception:  # the data layer failing must not kill the dialog
            logger.warning("revenue report failed", exc_info=True)
            self.message.setText(
                self.tr("The figures could not be read; the connection may be down.")
            )
            return
        self.message.setText("" if self.rows else self.tr("No bills yet."))
        self._fill()

    def _fill(self) -> None:
        english = current_language() == "en"
        self.table.setRowCount(len(self.rows))
        for row, item in enumerate(self.rows):
            name = (item.name_en if english else item.name_zh) or item.programme
            texts = [
                name or self.tr("Pay as you go"),
                str(item.jobs),
                yuan(item.total),
                yuan(item.covered),
                yuan(item.caller),
                ", ".join(item.disputed_references) or "-",
            ]
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if column in (1, 2, 3, 4):
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)

    def retranslate_ui(self) -> None:
        """Every string in the current language."""
        self.setWindowTitle(self.tr("Revenue and covered cost by programme"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Programme"), self.tr("Jobs billed"), self.tr("Billed"),
             self.tr("Covered cost"), self.tr("Paid by callers"), self.tr("Disputed bills")]
        )  # fmt: skip
        self.refresh_button.setText(self.tr("Refresh"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class RevenueMenu(QObject):
    """Puts "Revenue by programme…" in a window's menu and keeps its text translated."""

    def __init__(self, window: QMainWindow, menu: QMenu, backend: PricingDesk) -> None:
        super().__init__(window)
        self._window = window
        self._backend = backend
        self.action = QAction(icon("app.filter"), "", window)
        self.action.setObjectName("revenueAction")
        self.action.triggered.connect(self.open)
        menu.addSeparator()
        menu.addAction(self.action)
        window.installEventFilter(self)
        self.retranslate_ui()

    def open(self) -> RevenueDialog:
        """Show the revenue dialog."""
        dialog = RevenueDialog(self._backend, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def retranslate_ui(self) -> None:
        """The action's text in the current language."""
        self.action.setText(self.tr("Revenue by programme…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the window's language changes."""
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False
