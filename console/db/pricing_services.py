"""Writes for pricing: accept a quote, complete with a bill, flag a dispute, add an entitlement.

Each is one unit of work of :class:`console.db.services.Services` (writer
lock, exactly one ledger event, revision bump): a quote is priced again inside
the transaction, so what is stored is what the tariff says, not what a screen
showed; completing a quoted request stores its bill in the same transaction
and the same ``request.completed`` event as the move itself.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.core import lifecycle
from console.core.coverage import VIN_TAIL, Coverage, CoverageStatus
from console.core.errors import Conflict, IllegalTransition, NotFound, ValidationError
from console.core.eta import RoutingProvider
from console.core.pricing import ActualFacts, ChargeRecord, PricingBook, QuoteQuery
from console.core.quote import Charge, charge_from_dict
from console.core.records import RequestRow
from console.core.roles import Permission, Principal
from console.core.sla import SlaTargets
from console.core.validation import require_text, validate_coordinates, whole_number
from console.core.vocab import RequestStatus
from console.db import pricing_data
from console.db.models import Entitlement, RequestCharge, RequestDestination
from console.db.permits import reads
from console.db.services import Clock, Services, WriteContext, requires, utc_now

MAX_TOW_KM = Decimal("2000")
"""Longest tow a dispatcher may record (a typo guard)."""
MAX_MINUTES = 24 * 60
"""Longest waiting or winching time a crew may report."""


def tow_km(value: object, field: str = "tow_km") -> Decimal:
    """A tow distance in km (text or number, at most one decimal place), or ValidationError."""
    if isinstance(value, bool):
        raise ValidationError("field.not_a_number", field=field)
    try:
        km = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError("field.not_a_number", field=field) from None
    if not km.is_finite() or km < 0 or km > MAX_TOW_KM:
        raise ValidationError("field.range", field=field, low=0, high=int(MAX_TOW_KM))
    return km.quantize(Decimal("0.1"))


class PricingServices(Services):
    """Pricing writes for one acting user, on the service layer's unit of work."""

    def __init__(
        self,
        engine: Engine,
        book: PricingBook,
        *,
        principal: Principal,
        sla: SlaTargets | None = None,
        clock: Clock = utc_now,
        timezone: str = "Asia/Shanghai",
        routing: RoutingProvider | None = None,
    ) -> None:
        super().__init__(engine, principal=principal, sla=sla, clock=clock, timezone=timezone)
        self.book = book
        self.routing = routing

    @requires(Permission.QUOTE)
    def accept_quote(self, request_id: int, query: QuoteQuery) -> ChargeRecord:
        """The caller accepts the quote: store it with the request (replacing an earlier one)."""
        if query.dest_lat is not None or query.dest_lon is not None:
            validate_coordinates(query.dest_lat, query.dest_lon)
        address = require_text("address", query.dest_address, limit=300, required=False)
        if query.tow_km is not None:
            query = replace(query, tow_km=tow_km(query.tow_km))
        with self.unit_of_work(Permission.QUOTE) as uow:
            request = self._load_request(uow, request_id, None)
            status = RequestStatus(request.status)
            charge = self._charge_row(uow, request.id)
            if charge is not None and charge.bill is not None:
                raise Conflict("pricing.billed", reference=request.reference)
            if status in lifecycle.TERMINAL:
                raise IllegalTransition("pricing.closed", reference=request.reference)
            view = pricing_data.price_query(
                uow.session,
                self.book,
                replace(query, at=request.created_at),
                now=uow.now,
                routing=self.routing,
                request_id=request.id,
            )
            quote = view.charge
            entitlement = view.coverage.entitlement
            if charge is None:
                charge = RequestCharge(request_id=request.id, version=0, disputed=False)
                uow.session.add(charge)
            charge.entitlement_id = entitlement.id if entitlement else None
            charge.programme = view.coverage.programme.code if view.coverage.programme else None
            charge.coverage = view.coverage.status.value
            charge.tariff_version = quote.tariff_version
            charge.quote = json.dumps(quote.as_dict(), sort_keys=True)
            charge.quote_total = quote.total
            charge.quote_caller = quote.caller_total
            charge.quoted_at = uow.now
            charge.dispute_reason = ""
            charge.version += 1
            charge.revision = uow.revision
            destination = uow.session.get(RequestDestination, request.id)
            if destination is None:
                destination = RequestDestination(request_id=request.id)
                uow.session.add(destination)
            destination.lat = query.dest_lat
            destination.lon = query.dest_lon
            destination.address = address
            destination.estimated_tow_km = view.estimated_km
            destination.revision = uow.revision
            request.quote_cny = quote.caller_total
            request.version += 1
            request.revision = uow.revision
            request.updated_at = uow.now
            uow.record(
                "pricing.quote_accepted",
                request_id=request.id,
                reference=request.reference,
                entitlement_id=charge.entitlement_id,
                destination={"lat": query.dest_lat, "lon": query.dest_lon, "address": address},
                quote=quote.as_dict(),
            )
        record = self.record(request_id)
        assert record is not None
        return record

    @requires(Permission.PROGRESS)
    def complete_with_bill(
        self, request_id: int, actual: ActualFacts, *, expected_version: int | None = None
    ) -> RequestRow:
        """ON_SCENE / TOWING -> COMPLETED with the bill from what actually happened."""
        km = tow_km(actual.tow_km, "actual_tow_km")
        waiting = whole_number("waiting_minutes", actual.waiting_minutes, 0, MAX_MINUTES)
        winch = whole_number("winch_minutes", actual.winch_minutes, 0, MAX_MINUTES)
        with self.unit_of_work(Permission.PROGRESS) as uow:
            request = self._load_request(uow, request_id, expected_version)
            current = RequestStatus(request.status)
            lifecycle.check_move(current, RequestStatus.COMPLETED)
            charge = self._charge_row(uow, request.id)
            if charge is None:
                raise NotFound("pricing.no_quote", reference=request.reference)
            if charge.bill is not None:
                raise Conflict("pricing.billed", reference=request.reference)
            quote = charge_from_dict(json.loads(charge.quote))
            facts = replace(
                quote.facts,
                tow_km=km,
                waiting_minutes=waiting,
                winch_minutes=winch,
            )
            bill = self.book.quote(facts, self._stored_coverage(quote))
            differences = self.book.explain(quote, bill)
            charge.bill = json.dumps(bill.as_dict(), sort_keys=True)
            charge.bill_total = bill.total
            charge.bill_covered = bill.covered_total
            charge.bill_caller = bill.caller_total
            charge.billed_at = uow.now
            charge.version += 1
            charge.revision = uow.revision
            crew = self._release(uow, request)
            self._set_status(uow, request, RequestStatus.COMPLETED)
            uow.record(
                "request.completed",
                request_id=request.id,
                crew_id=crew.id if crew else None,
                reference=request.reference,
                from_status=current.value,
                to_status=RequestStatus.COMPLETED.value,
                bill=bill.as_dict(),
                differences=[d.english() for d in differences],
            )
        return self._row(request_id)

    @requires(Permission.DISPUTE)
    def flag_dispute(self, request_id: int, reason: str) -> ChargeRecord:
        """The caller disputes the bill: flag it with a reason (complaints link here)."""
        text = require_text("reason", reason, limit=300, required=False)
        if not text:
            raise ValidationError("reason.required", field="reason")
        with self.unit_of_work(Permission.DISPUTE) as uow:
            request = self._load_request(uow, request_id, None)
            charge = self._charge_row(uow, request.id)
            if charge is None or charge.bill is None:
                raise NotFound("pricing.not_billed", reference=request.reference)
            charge.disputed = True
            charge.dispute_reason = text
            charge.version += 1
            charge.revision = uow.revision
            request.revision = uow.revision
            uow.record(
                "pricing.dispute",
                request_id=request.id,
                reference=request.reference,
                reason=text,
                bill_caller=str(charge.bill_caller),
            )
        record = self.record(request_id)
        assert record is not None
        return record

    @requires(Permission.MANAGE_COVERAGE)
    def add_entitlement(
        self,
        *,
        programme: str,
        number: str,
        valid_from: date,
        valid_to: date,
        holder: str = "",
        plate: str = "",
        vin: str = "",
    ) -> int:
        """Put a vehicle or holder under a programme; returns the entitlement id."""
        if programme not in self.book.programmes:
            raise ValidationError("field.invalid_choice", field="programme", value=programme)
        key = pricing_data.compact(require_text("number", number, limit=40))
        if valid_to < valid_from:
            raise ValidationError("field.invalid_choice", field="valid_to", value=str(valid_to))
        with self.unit_of_work(Permission.MANAGE_COVERAGE) as uow:
            row = Entitlement(
                programme=programme,
                holder=require_text("holder", holder, limit=100, required=False),
                number=key,
                plate=pricing_data.compact(plate)[:16],
                vin=pricing_data.compact(vin)[:17],
                vin_tail=pricing_data.compact(vin)[-VIN_TAIL:],
                valid_from=valid_from,
                valid_to=valid_to,
                revision=uow.revision,
            )
            uow.session.add(row)
            uow.session.flush()
            uow.record(
                "pricing.entitlement_added",
                entitlement_id=row.id,
                programme=programme,
                number=key,
                valid_from=valid_from.isoformat(),
                valid_to=valid_to.isoformat(),
            )
            return row.id

    @reads(Permission.QUOTE)
    def record(self, request_id: int) -> ChargeRecord | None:
        """The stored quote and bill of a request."""
        with Session(self._engine) as session:
            return pricing_data.charge_record(session, self.book, request_id)

    # ------------------------------------------------------------ helpers

    @staticmethod
    def _charge_row(uow: WriteContext, request_id: int) -> RequestCharge | None:
        return uow.session.scalar(
            select(RequestCharge).where(RequestCharge.request_id == request_id)
        )

    def _stored_coverage(self, quote: Charge) -> Coverage:
        """The coverage the accepted quote was given (a bill does not use up another use)."""
        programme = self.book.programmes.get(quote.programme) if quote.programme else None
        if quote.coverage is CoverageStatus.COVERED and programme is not None:
            return Coverage(CoverageStatus.COVERED, programme)
        return Coverage(quote.coverage)


__all__ = ["PricingServices", "tow_km"]
