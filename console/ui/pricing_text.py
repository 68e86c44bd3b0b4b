"""Pricing in the UI language: line names, coverage outcomes, differences, and the charge table.

Amounts come from the core as exact decimals and are only formatted here
(¥1,234.50); nothing in the UI does arithmetic on money.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from console.core.coverage import CoverageStatus
from console.core.quote import Charge, Difference, DifferenceKind, LineKind
from console.core.tariff import yuan
from console.ui.labels import QT_TRANSLATE_NOOP

CONTEXT = "Pricing"

LINE_NAMES: dict[LineKind, str] = {
    LineKind.BASE: QT_TRANSLATE_NOOP("Pricing", "Base fee"),
    LineKind.TOW_KM: QT_TRANSLATE_NOOP("Pricing", "Tow beyond the included km"),
    LineKind.NIGHT: QT_TRANSLATE_NOOP("Pricing", "Night surcharge"),
    LineKind.EXPRESSWAY: QT_TRANSLATE_NOOP("Pricing", "Expressway surcharge"),
    LineKind.HEAVY: QT_TRANSLATE_NOOP("Pricing", "Heavy vehicle surcharge"),
    LineKind.WINCH: QT_TRANSLATE_NOOP("Pricing", "Winching (per started 15 min)"),
    LineKind.WAITING: QT_TRANSLATE_NOOP("Pricing", "Waiting beyond the free minutes"),
}
"""Line kind -> English source name."""

SHORT_NAMES: dict[LineKind, str] = {
    LineKind.BASE: QT_TRANSLATE_NOOP("Pricing", "Base fee"),
    LineKind.TOW_KM: QT_TRANSLATE_NOOP("Pricing", "Tow"),
    LineKind.NIGHT: QT_TRANSLATE_NOOP("Pricing", "Night surcharge"),
    LineKind.EXPRESSWAY: QT_TRANSLATE_NOOP("Pricing", "Expressway surcharge"),
    LineKind.HEAVY: QT_TRANSLATE_NOOP("Pricing", "Heavy vehicle surcharge"),
    LineKind.WINCH: QT_TRANSLATE_NOOP("Pricing", "Winching"),
    LineKind.WAITING: QT_TRANSLATE_NOOP("Pricing", "Waiting"),
}
"""Line kind -> English name used inside difference sentences."""

UNITS: dict[LineKind, str] = {
    LineKind.BASE: QT_TRANSLATE_NOOP("Pricing", "job"),
    LineKind.TOW_KM: QT_TRANSLATE_NOOP("Pricing", "km"),
    LineKind.NIGHT: QT_TRANSLATE_NOOP("Pricing", "job"),
    LineKind.EXPRESSWAY: QT_TRANSLATE_NOOP("Pricing", "job"),
    LineKind.HEAVY: QT_TRANSLATE_NOOP("Pricing", "job"),
    LineKind.WINCH: QT_TRANSLATE_NOOP("Pricing", "× 15 min"),
    LineKind.WAITING: QT_TRANSLATE_NOOP("Pricing", "min"),
}

COVERAGE_TEXT: dict[CoverageStatus, str] = {
    CoverageStatus.COVERED: QT_TRANSLATE_NOOP("Pricing", "Covered by {programme}"),
    CoverageStatus.NO_ENTITLEMENT: QT_TRANSLATE_NOOP(
        "Pricing", "No programme found: the caller pays the tariff"
    ),
    CoverageStatus.NOT_YET_VALID: QT_TRANSLATE_NOOP(
        "Pricing", "{programme} is not valid yet: the caller pays"
    ),
    CoverageStatus.EXPIRED: QT_TRANSLATE_NOOP(
        "Pricing", "{programme} has expired: the caller pays"
    ),
    CoverageStatus.SERVICE_NOT_COVERED: QT_TRANSLATE_NOOP(
        "Pricing", "{programme} does not cover this service: the caller pays"
    ),
    CoverageStatus.VEHICLE_NOT_ELIGIBLE: QT_TRANSLATE_NOOP(
        "Pricing", "{programme} does not cover this vehicle: the caller pays"
    ),
    CoverageStatus.USES_EXHAUSTED: QT_TRANSLATE_NOOP(
        "Pricing", "{programme}: this year's free uses are used up; the caller pays"
    ),
}


TEXT: dict[str, str] = {
    "quantity": QT_TRANSLATE_NOOP(
        "Pricing",
        "{item} {billed} instead of {quoted}: {step} {unit} × {price} = {delta} "
        "(caller's part {caller})",
    ),
    "added": QT_TRANSLATE_NOOP(
        "Pricing",
        "{item} added ({billed}): {step} {unit} × {price} = {delta} (caller's part {caller})",
    ),
    "dropped": QT_TRANSLATE_NOOP(
        "Pricing", "{item} not needed: {step} {unit} × {price} = {delta} (caller's part {caller})"
    ),
    "item": QT_TRANSLATE_NOOP("Pricing", "Item"),
    "quantity_header": QT_TRANSLATE_NOOP("Pricing", "Quantity"),
    "unit_price": QT_TRANSLATE_NOOP("Pricing", "Unit price"),
    "amount": QT_TRANSLATE_NOOP("Pricing", "Amount"),
    "covered": QT_TRANSLATE_NOOP("Pricing", "Covered"),
    "caller": QT_TRANSLATE_NOOP("Pricing", "Caller pays"),
    "total": QT_TRANSLATE_NOOP("Pricing", "Total"),
}
"""Fixed texts of this module by key -> English source."""


def translated(text: str) -> str:
    """``text`` translated in the pricing context."""
    return QCoreApplication.translate(CONTEXT, text)


def coverage_text(status: CoverageStatus, programme: str) -> str:
    """One line saying who pays, e.g. "Covered by EV owner free roadside assistance"."""
    return translated(COVERAGE_TEXT[status]).format(programme=programme or "-")


def quantity_text(value: Decimal) -> str:
    """A quantity without trailing zeros (70, 2.5)."""
    return f"{value.normalize():f}"


def difference_text(difference: Difference) -> str:
    """A difference in the UI language, e.g. "Tow 83 km instead of 80 km: +3 km × ¥8.00 = ¥24.00"."""
    step = difference.billed_quantity - difference.quoted_quantity
    unit = translated(UNITS[difference.line])
    key = {DifferenceKind.QUANTITY: "quantity", DifferenceKind.ADDED: "added",
           DifferenceKind.DROPPED: "dropped"}[difference.kind]  # fmt: skip
    template = translated(TEXT[key])
    return template.format(
        item=translated(SHORT_NAMES[difference.line]),
        billed=difference.billed_facts or quantity_text(difference.billed_quantity),
        quoted=difference.quoted_facts or quantity_text(difference.quoted_quantity),
        step=("+" if step >= 0 else "-") + quantity_text(abs(step)),
        unit=unit,
        price=yuan(difference.unit_price),
        delta=yuan(difference.delta),
        caller=("+" if difference.caller_delta >= 0 else "") + yuan(difference.caller_delta),
    )


class ChargeTable(QTableWidget):
    """A priced job, line by line: amount, covered part, caller's part, and the totals."""

    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._charge: Charge | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Headers and lines in the current language."""
        self.setHorizontalHeaderLabels(
            [
                translated(TEXT[k])
                for k in ("item", "quantity_header", "unit_price", "amount", "covered", "caller")
            ]
        )
        self.show_charge(self._charge)

    def show_charge(self, charge: Charge | None) -> None:
        """Show ``charge`` (None: empty)."""
        self._charge = charge
        lines = charge.lines if charge else ()
        self.setRowCount(len(lines) + (1 if charge else 0))
        for row, line in enumerate(lines):
            unit = translated(UNITS[line.kind])
            self._put(row, 0, translated(LINE_NAMES[line.kind]))
            self._put(row, 1, f"{quantity_text(line.quantity)} {unit}")
            self._put(row, 2, yuan(line.unit_price))
            self._put(row, 3, yuan(line.amount))
            self._put(row, 4, yuan(line.covered))
            self._put(row, 5, yuan(line.caller))
        if charge is not None:
            row = len(lines)
            for column, text in enumerate(
                [
                    translated(TEXT["total"]),
                    "",
                    "",
                    yuan(charge.total),
                    yuan(charge.covered_total),
                    yuan(charge.caller_total),
                ]
            ):
                self._put(row, column, text, bold=True)
        height = self.horizontalHeader().sizeHint().height() + self.verticalHeader().length()
        self.setFixedHeight(max(height + 2 * self.frameWidth() + 2, 60))

    def text(self, row: int, column: int) -> str:
        """The text of one cell ("" when empty), for tests and screen readers."""
        item = self.item(row, column)
        return item.text() if item else ""

    def _put(self, row: int, column: int, text: str, *, bold: bool = False) -> None:
        item = QTableWidgetItem(text)
        if column:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        self.setItem(row, column, item)
