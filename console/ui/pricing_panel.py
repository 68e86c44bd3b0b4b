"""The price of one request on its detail panel: quote, bill, differences, terms, dispute.

Also the dialogs it opens: re-quoting a request (:class:`QuoteDialog`), the
crew's actuals on completion (:class:`CompletionDialog`), and the bill export
(JSON or CSV, chosen by the file name). A dispute is a flag with a reason on
the bill; complaints (handled elsewhere) link to it by the request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.core.errors import DomainError
from console.core.files import write_text
from console.core.lifecycle import TERMINAL
from console.core.ports import PricingDesk
from console.core.pricing import ActualFacts, ChargeRecord
from console.core.quote import bill_csv, bill_document, bill_json
from console.core.records import RequestRow
from console.core.tariff import yuan
from console.core.vocab import ServiceType
from console.ui.i18n import current_language
from console.ui.icons import colour, icon
from console.ui.labels import error_text
from console.ui.pricing_text import ChargeTable, coverage_text, difference_text
from console.ui.quote_widget import QuoteWidget
from console.ui.save_dialog import ask_save_path

__all__ = ["CompletionDialog", "PricingSection", "QuoteDialog", "export_bill"]

logger = logging.getLogger(__name__)


def export_bill(record: ChargeRecord, path: Path) -> None:
    """Write the bill of ``record`` to ``path``: CSV for ``.csv``, else JSON."""
    if record.bill is None:
        raise ValueError("no bill")
    if path.suffix.lower() == ".csv":
        text = bill_csv(record.reference, record.bill, record.differences)
    else:
        text = bill_json(
            bill_document(
                record.reference, record.quote, record.bill, record.differences,
                disputed=record.disputed, dispute_reason=record.dispute_reason,
            )
        )  # fmt: skip
    write_text(path, text)


class CompletionDialog(QDialog):
    """What the crew reports when a quoted job is done: tow km, waiting and winch minutes."""

    def __init__(
        self, row: RequestRow, record: ChargeRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("completionDialog")
        self._row = row
        self._quoted_km = record.quote.facts.tow_km
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.tow_km = QLineEdit(f"{self._quoted_km.normalize():f}", self)
        self.tow_km.setObjectName("completion_tow_km")
        self.tow_km.setEnabled(record.quote.facts.service is ServiceType.TOW)
        self.waiting = QSpinBox(self)
        self.waiting.setRange(0, 24 * 60)
        self.winch = QSpinBox(self)
        self.winch.setRange(0, 24 * 60)
        self.hint = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._names = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for name, field in zip(self._names, (self.tow_km, self.waiting, self.winch), strict=True):
            form.addRow(name, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.tow_km.textChanged.connect(self._validate)
        self.retranslate_ui()

    def actual(self) -> ActualFacts | None:
        """The reported facts, or None while the distance is not a number."""
        try:
            km = Decimal(self.tow_km.text().strip().replace(",", "."))
        except InvalidOperation:
            return None
        if not km.is_finite() or km < 0:
            return None
        return ActualFacts(km, self.waiting.value(), self.winch.value())

    def _validate(self) -> None:
        ok = self.actual() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.hint.setText("" if ok else self.tr("Enter the towed distance in km."))

    def retranslate_ui(self) -> None:
        """Every string in the current language."""
        self.setWindowTitle(self.tr("Complete and bill"))
        self.prompt.setText(
            self.tr("What happened on {reference}? The bill is made from these figures.").format(
                reference=self._row.reference
            )
        )
        for name, text in zip(
            self._names,
            (self.tr("Actual tow distance (km)"), self.tr("Waiting on scene (min)"),
             self.tr("Winching (min)")),
            strict=True,
        ):  # fmt: skip
            name.setText(text)
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class QuoteDialog(QDialog):
    """Quote (again) an open request: the caller accepts, and the quote is stored."""

    def __init__(
        self,
        backend: PricingDesk,
        row: RequestRow,
        record: ChargeRecord | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quoteDialog")
        self._backend = backend
        self._row = row
        self.stored: ChargeRecord | None = None
        self.quote = QuoteWidget(backend, self)
        if record is not None:
            self.quote.set_destination(record.dest_lat, record.dest_lon, record.dest_address)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.store)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.quote.accept_box.toggled.connect(self._validate)
        self.quote.sig_quoted.connect(self._validate)
        self.quote.bind(self._job, row.id)
        self.quote.requote()
        self.retranslate_ui()
        self.resize(720, 640)

    def _job(self) -> dict[str, Any]:
        row = self._row
        return {
            "service": row.service_type.value, "road": row.road_type.value,
            "vehicle_class": row.vehicle_class.value, "powertrain": row.powertrain.value,
            "lat": row.lat, "lon": row.lon, "city": row.city, "plate": row.plate,
        }  # fmt: skip

    def _validate(self, *_args: object) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(self.quote.accepted_query() is not None)

    def store(self) -> ChargeRecord | None:
        """Store the accepted quote with the request."""
        query = self.quote.accepted_query()
        if query is None:
            return None
        try:
            self.stored = self._backend.accept_quote(self._row.id, query)
        except DomainError as exc:
            self.message.setText(error_text(exc))
            return None
        self.accept()
        return self.stored

    def retranslate_ui(self) -> None:
        """Every string in the current language."""
        self.setWindowTitle(self.tr("Quote {reference}").format(reference=self._row.reference))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Store quote"))
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


CompletionPrompt = Callable[[RequestRow, ChargeRecord], "ActualFacts | None"]
DisputePrompt = Callable[[RequestRow], "str | None"]
SavePrompt = Callable[[RequestRow], "Path | None"]


class PricingSection(QWidget):
    """Quote, bill and the differences of the request shown on the detail panel."""

    sig_changed = Signal(object)
    """Emitted with the request id after this section stored a quote or a dispute."""

    def __init__(self, backend: PricingDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pricingSection")
        self._backend = backend
        self._row: RequestRow | None = None
        self.record: ChargeRecord | None = None
        """The stored quote and bill of the request shown."""
        self.ask_dispute: DisputePrompt = self._prompt_dispute
        self.ask_export_path: SavePrompt = self._prompt_path
        self.open_quote: Callable[[RequestRow, ChargeRecord | None], object] = self._quote_dialog

        self.title = QLabel(self)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.coverage = QLabel(self)
        self.coverage.setObjectName("pricingCoverage")
        self.coverage.setWordWrap(True)
        self.destination = QLabel(self)
        self.destination.setWordWrap(True)
        self.destination.setTextFormat(Qt.TextFormat.PlainText)
        self.quote_title = QLabel(self)
        self.quote_table = ChargeTable(self)
        self.quote_table.setObjectName("detailQuoteTable")
        self.quote_table.setTabKeyNavigation(False)  # Tab moves on, not round the cells
        self.bill_title = QLabel(self)
        self.bill_table = ChargeTable(self)
        self.bill_table.setObjectName("detailBillTable")
        self.bill_table.setTabKeyNavigation(False)
        self.differences = QLabel(self)
        self.differences.setObjectName("billDifferences")
        self.differences.setWordWrap(True)
        self.dispute = QLabel(self)
        self.dispute.setObjectName("billDispute")
        self.dispute.setWordWrap(True)
        self.dispute.setTextFormat(Qt.TextFormat.PlainText)
        self.terms = QLabel(self)
        self.terms.setWordWrap(True)
        self.terms.setTextFormat(Qt.TextFormat.PlainText)
        self.terms.setObjectName("pricingTerms")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.quote_button = QPushButton(icon("request.new"), "", self)
        self.quote_button.clicked.connect(self.quote_request)
        self.export_button = QPushButton(icon("app.save"), "", self)
        self.export_button.clicked.connect(self.export)
        self.dispute_button = QPushButton(icon("app.warning"), "", self)
        self.dispute_button.clicked.connect(self.flag_dispute)
        buttons = QHBoxLayout()
        for button in (self.quote_button, self.export_button, self.dispute_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        for widget in (self.title, self.coverage, self.destination, self.quote_title,
                       self.quote_table, self.bill_title, self.bill_table, self.differences,
                       self.dispute, self.terms, self.message):  # fmt: skip
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.retranslate_ui()

    # -- showing -----------------------------------------------------------------

    def show_row(self, row: RequestRow | None) -> None:
        """Show the price of ``row`` (reads its stored quote and bill)."""
        self._row = row
        self.record = None
        self.message.clear()
        if row is not None:
            try:
                self.record = self._backend.charges(row.id)
            except DomainError as exc:
                self.message.setText(error_text(exc))
            except Exception:  # the data layer failing must not kill the panel
                logger.warning("could not read the charges of %s", row.id, exc_info=True)
        self._render()

    def _render(self) -> None:
        row, record = self._row, self.record
        language = current_language()
        self.quote_button.setEnabled(
            row is not None
            and row.status not in TERMINAL
            and (record is None or record.bill is None)
        )
        self.export_button.setEnabled(record is not None and record.bill is not None)
        self.dispute_button.setEnabled(record is not None and record.bill is not None)
        self.message.setVisible(bool(self.message.text()))
        has_quote = record is not None
        for widget in (self.quote_title, self.quote_table, self.terms, self.destination):
            widget.setVisible(has_quote)
        has_bill = record is not None and record.bill is not None
        for widget in (self.bill_title, self.bill_table, self.differences):
            widget.setVisible(has_bill)
        self.dispute.setVisible(record is not None and record.disputed)
        if record is None:
            self.coverage.setText(self.tr("No quote accepted yet."))
            self.coverage.setStyleSheet("")
            self.quote_table.show_charge(None)
            self.bill_table.show_charge(None)
            return
        self.coverage.setText(coverage_text(record.coverage, record.programme_name(language)))
        tone = "ok" if record.programme else "warn"
        self.coverage.setStyleSheet(f"color: {colour(tone).name()};")
        km = record.quote.facts.tow_km
        self.destination.setText(
            self.tr("Tow to: {address} · {km} km quoted").format(
                address=record.dest_address or "-", km=f"{km.normalize():f}"
            )
        )
        self.quote_title.setText(
            self.tr("Quote accepted: caller pays {caller} of {total}").format(
                caller=yuan(record.quote.caller_total), total=yuan(record.quote.total)
            )
        )
        self.quote_table.show_charge(record.quote)
        self.terms.setText(self.tr("Terms: {terms}").format(terms=record.terms(language)))
        if record.bill is not None:
            self.bill_title.setText(
                self.tr("Bill: caller pays {caller} of {total}").format(
                    caller=yuan(record.bill.caller_total), total=yuan(record.bill.total)
                )
            )
            self.bill_table.show_charge(record.bill)
            lines = [difference_text(d) for d in record.differences]
            self.differences.setText(
                "\n".join(f"• {line}" for line in lines)
                if lines
                else self.tr("The bill is the quote: nothing changed.")
            )
        if record.disputed:
            self.dispute.setText(
                self.tr("Disputed by the caller: {reason}").format(reason=record.dispute_reason)
            )
            self.dispute.setStyleSheet(f"color: {colour('danger').name()};")

    # -- actions ------------------------------------------------------------------

    def quote_request(self) -> None:
        """Open the quote for the shown request; store what the caller accepts."""
        if self._row is None:
            return
        self.open_quote(self._row, self.record)
        self.show_row(self._row)
        self.sig_changed.emit(self._row.id)

    def export(self) -> Path | None:
        """Export the bill (JSON or CSV, by the file name chosen)."""
        if self._row is None or self.record is None or self.record.bill is None:
            return None
        path = self.ask_export_path(self._row)
        if path is None:
            return None
        try:
            export_bill(self.record, path)
        except OSError as exc:
            self.message.setText(
                self.tr("Cannot write {path}: {detail}").format(path=path, detail=exc.strerror)
            )
            self.message.setVisible(True)
            return None
        self.message.setText(self.tr("Bill written to {path}").format(path=path))
        self.message.setVisible(True)
        return path

    def flag_dispute(self) -> None:
        """Mark the bill as disputed by the caller, with a reason."""
        if self._row is None:
            return
        reason = self.ask_dispute(self._row)
        if reason is None:
            return
        try:
            self.record = self._backend.flag_dispute(self._row.id, reason)
        except DomainError as exc:
            self.message.setText(error_text(exc))
        self._render()
        self.sig_changed.emit(self._row.id)

    def _quote_dialog(self, row: RequestRow, record: ChargeRecord | None) -> object:
        dialog = QuoteDialog(self._backend, row, record, self)
        try:
            dialog.exec()
            return dialog.stored
        finally:
            dialog.deleteLater()

    def _prompt_dispute(self, row: RequestRow) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Dispute bill"),
            self.tr("Why does the caller dispute the bill of {reference}?").format(
                reference=row.reference
            ),
        )
        return text if ok else None

    def _prompt_path(self, row: RequestRow) -> Path | None:
        return ask_save_path(
            self,
            "bill",
            self.tr("Export bill"),
            f"{row.reference}-bill.json",
            self.tr("JSON (*.json);;CSV (*.csv)"),
        )

    # -- text -----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Every string in the current language."""
        self.title.setText(self.tr("Price and coverage"))
        self.quote_button.setText(self.tr("Quote…"))
        self.quote_button.setToolTip(
            self.tr("Price the job again and store what the caller accepts")
        )
        self.export_button.setText(self.tr("Export bill…"))
        self.dispute_button.setText(self.tr("Dispute…"))
        self.quote_table.retranslate_ui()
        self.bill_table.retranslate_ui()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def ask_completion(parent: QWidget, row: RequestRow, record: ChargeRecord) -> ActualFacts | None:
    """Ask for the actual figures of a quoted job (None: cancelled)."""
    dialog = CompletionDialog(row, record, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.actual()
    finally:
        dialog.deleteLater()
