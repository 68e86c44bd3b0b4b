"""The quote box: who covers the job, what it costs line by line, and the terms.

Embedded in the intake form and in the request's quote dialog. It asks the
backend (a :class:`console.core.ports.PricingDesk`) for a quote whenever the
job changes (service type, vehicle, location, destination, look-up key),
shortly after the last keystroke, and shows the covered part and the caller's
part in the UI language with the terms that apply. Nothing is stored until
the caller accepts and the owner of the box says so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from console.core.errors import DomainError, ValidationError
from console.core.ports import PricingDesk
from console.core.pricing import QuoteQuery, QuoteView
from console.core.tariff import yuan
from console.core.validation import validate_coordinates
from console.core.vocab import Powertrain, RoadType, ServiceType, VehicleClass
from console.ui.i18n import current_language
from console.ui.icons import colour
from console.ui.labels import error_text
from console.ui.pricing_text import ChargeTable, coverage_text

__all__ = ["REQUOTE_MS", "JobSource", "QuoteWidget"]

logger = logging.getLogger(__name__)

REQUOTE_MS = 250
"""Quiet time after the last change before the job is priced again."""

JobSource = Callable[[], dict[str, Any]]
"""Returns the job as the owner knows it: service, road, vehicle_class, powertrain,
lat, lon, city, plate (codes and text)."""


class QuoteWidget(QGroupBox):
    """Coverage look-up, destination, itemised quote and terms for one job."""

    sig_quoted = Signal(object)
    """Emitted with the new :class:`QuoteView` (or None when the job cannot be priced)."""

    def __init__(self, backend: PricingDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteBox")
        self._backend = backend
        self._job: JobSource = dict
        self._request_id: int | None = None
        self.view: QuoteView | None = None
        """The quote shown, as last priced."""

        self.lookup = QLineEdit(self)
        self.lookup.setObjectName("quote_lookup")
        self.coverage = QLabel(self)
        self.coverage.setObjectName("quoteCoverage")
        self.coverage.setWordWrap(True)
        bold = QFont(self.coverage.font())
        bold.setBold(True)
        self.coverage.setFont(bold)
        self.dest_address = QLineEdit(self)
        self.dest_address.setObjectName("quote_dest_address")
        self.dest_lat = QLineEdit(self)
        self.dest_lat.setObjectName("quote_dest_lat")
        self.dest_lon = QLineEdit(self)
        self.dest_lon.setObjectName("quote_dest_lon")
        coordinates = QWidget(self)
        row = QHBoxLayout(coordinates)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.dest_lat, 1)
        row.addWidget(self.dest_lon, 1)
        self.tow_km = QLineEdit(self)
        self.tow_km.setObjectName("quote_tow_km")
        self.table = ChargeTable(self)
        self.table.setObjectName("quoteTable")
        # Tab leaves the table (it would otherwise walk its cells for ever).
        self.table.setTabKeyNavigation(False)
        self.summary = QLabel(self)
        self.summary.setObjectName("quoteSummary")
        self.summary.setFont(bold)
        self.summary.setWordWrap(True)
        self.terms = QLabel(self)
        self.terms.setObjectName("quoteTerms")
        self.terms.setWordWrap(True)
        self.terms.setTextFormat(Qt.TextFormat.PlainText)
        self.terms.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_box = QCheckBox(self)
        self.accept_box.setObjectName("quote_accepted")
        self.message = QLabel(self)
        self.message.setObjectName("quoteMessage")
        self.message.setWordWrap(True)

        self._names: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, field in (
            ("lookup", self.lookup),
            ("dest_address", self.dest_address),
            ("dest_coordinates", coordinates),
            ("tow_km", self.tow_km),
        ):
            name = QLabel(self)
            name.setBuddy(field)
            self._names[key] = name
            form.addRow(name, field)
        self._tow_rows = [coordinates, self.dest_address, self.tow_km]
        form.addRow(self.coverage)
        form.addRow(self.message)
        form.addRow(self.table)
        form.addRow(self.summary)
        form.addRow(self.terms)
        form.addRow(self.accept_box)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REQUOTE_MS)
        self._timer.timeout.connect(self.requote)
        for edit in (self.lookup, self.dest_address, self.dest_lat, self.dest_lon, self.tow_km):
            edit.textChanged.connect(self.schedule)
        self.retranslate_ui()
        self._render()

    # -- wiring -------------------------------------------------------------------

    def bind(self, job: JobSource, request_id: int | None = None) -> None:
        """Price the job ``job()`` describes (for ``request_id`` when re-quoting a request)."""
        self._job = job
        self._request_id = request_id
        self.schedule()

    def tab_chain(self) -> list[QWidget]:
        """The box's inputs in the order Tab visits them."""
        return [
            self.lookup,
            self.dest_address,
            self.dest_lat,
            self.dest_lon,
            self.tow_km,
            self.table,
            self.accept_box,
        ]

    def schedule(self) -> None:
        """Price again shortly (the job or an input changed)."""
        self._timer.start()

    def set_destination(self, lat: float | None, lon: float | None, address: str) -> None:
        """Fill in a known destination (the request's stored one)."""
        self.dest_lat.setText("" if lat is None else f"{lat:.6f}")
        self.dest_lon.setText("" if lon is None else f"{lon:.6f}")
        self.dest_address.setText(address)

    # -- pricing --------------------------------------------------------------------

    def query(self) -> QuoteQuery | None:
        """The job as a quote query, or None while it cannot be priced (a message says why)."""
        job = self._job()
        try:
            lat, lon = validate_coordinates(job.get("lat"), job.get("lon"))
            service = ServiceType(str(job.get("service")))
        except (ValidationError, ValueError):
            self._say(self.tr("Enter the location and the service to see a quote."))
            return None
        dest_lat: float | None = None
        dest_lon: float | None = None
        if self.dest_lat.text().strip() or self.dest_lon.text().strip():
            try:
                dest_lat, dest_lon = validate_coordinates(
                    self.dest_lat.text(), self.dest_lon.text()
                )
            except ValidationError as exc:
                self._say(error_text(exc))
                return None
        km: Decimal | None = None
        if self.tow_km.text().strip():
            try:
                km = Decimal(self.tow_km.text().strip().replace(",", "."))
            except InvalidOperation:
                km = None
            if km is None or not km.is_finite() or km < 0 or km > 2000:
                self._say(self.tr("Tow distance must be a number of kilometres from 0 to 2000."))
                return None
        return QuoteQuery(
            service=service,
            road_type=_code(RoadType, job.get("road"), RoadType.URBAN),
            vehicle_class=_code(VehicleClass, job.get("vehicle_class"), VehicleClass.CAR),
            powertrain=_code(Powertrain, job.get("powertrain"), Powertrain.UNKNOWN),
            lat=lat,
            lon=lon,
            city=str(job.get("city", "")),
            plate=str(job.get("plate", "")),
            lookup=self.lookup.text(),
            dest_lat=dest_lat,
            dest_lon=dest_lon,
            dest_address=self.dest_address.text().strip(),
            tow_km=km,
            remote=bool(job.get("remote", False)),
        )

    def accepted_query(self) -> QuoteQuery | None:
        """What the caller accepted (the kilometres priced pinned), or None if not accepted."""
        if self._timer.isActive():
            self.requote()  # a change is pending: the caller accepted the price before it
        if not self.accept_box.isChecked() or self.view is None:
            return None
        query = self.query()
        if query is None:
            return None
        return replace(query, tow_km=self.view.charge.facts.tow_km)

    def requote(self) -> QuoteView | None:
        """Price the job now."""
        self._timer.stop()
        self.message.clear()
        query = self.query()
        towing = query is not None and query.service is ServiceType.TOW
        for widget in self._tow_rows:
            widget.setEnabled(towing)
        before = self.view
        if query is None:
            self.view = None
            self.accept_box.setChecked(False)
            self._render()
            self.sig_quoted.emit(None)
            return None
        try:
            self.view = self._backend.quote(query, self._request_id)
        except DomainError as exc:
            self.view = None
            self._say(error_text(exc))
        except Exception:  # a failing data layer must not break the form
            logger.warning("pricing a quote failed", exc_info=True)
            self.view = None
            self._say(self.tr("The quote could not be priced; the connection may be down."))
        if not _same_price(before, self.view):
            # The caller accepted another price: they must accept this one again.
            self.accept_box.setChecked(False)
        self._render()
        self.sig_quoted.emit(self.view)
        return self.view

    # -- text -----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Every string in the current language."""
        self.setTitle(self.tr("Price and coverage"))
        names = {
            "lookup": self.tr("Policy / member no."),
            "dest_address": self.tr("Tow destination"),
            "dest_coordinates": self.tr("Destination lat, lon"),
            "tow_km": self.tr("Tow distance (km)"),
        }
        for key, widget in self._names.items():
            widget.setText(names[key])
        self.lookup.setPlaceholderText(self.tr("Policy or member number, plate or last 6 of VIN"))
        self.dest_address.setPlaceholderText(self.tr("Workshop or address the vehicle goes to"))
        self.dest_lat.setPlaceholderText(self.tr("e.g. 30.80"))
        self.dest_lon.setPlaceholderText(self.tr("e.g. 120.70"))
        self.accept_box.setText(self.tr("Caller accepts this quote"))
        self.table.retranslate_ui()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour('warn').name()};")

    def _render(self) -> None:
        view = self.view
        self.table.show_charge(view.charge if view else None)
        self.table.setVisible(view is not None)
        self.accept_box.setEnabled(view is not None)
        self.message.setVisible(bool(self.message.text()))
        if view is None:
            self.coverage.clear()
            self.summary.clear()
            self.terms.clear()
            self.tow_km.setPlaceholderText(self.tr("estimated from the destination"))
            return
        language = current_language()
        programme = view.coverage.programme.name(language) if view.coverage.programme else ""
        text = coverage_text(view.coverage.status, programme)
        if view.coverage.covered and view.coverage.uses_left is not None:
            text += " · " + self.tr("{count} free uses left this year after this one").format(
                count=view.coverage.uses_left
            )
        self.coverage.setText(text)
        tone = "ok" if view.coverage.covered else "warn"
        self.coverage.setStyleSheet(f"color: {colour(tone).name()};")
        self.summary.setText(
            self.tr("Caller pays {caller} of {total} (programme pays {covered})").format(
                caller=yuan(view.charge.caller_total),
                total=yuan(view.charge.total),
                covered=yuan(view.charge.covered_total),
            )
        )
        self.terms.setText(self.tr("Terms: {terms}").format(terms=view.terms(language)))
        self.tow_km.setPlaceholderText(
            self.tr("estimated {km} km").format(km=view.estimated_km)
            if view.estimated_km is not None
            else self.tr("estimated from the destination")
        )


def _same_price(before: QuoteView | None, after: QuoteView | None) -> bool:
    """True when both quotes charge the same lines under the same coverage."""
    if before is None or after is None:
        return False
    return (
        before.charge.lines == after.charge.lines
        and before.coverage.status is after.coverage.status
        and before.charge.programme == after.charge.programme
    )


def _code(enum_type: Any, value: Any, default: Any) -> Any:
    try:
        return enum_type(value)
    except ValueError:
        return default
