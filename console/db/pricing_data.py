"""Reads for pricing: entitlement look-ups, uses this year, quotes, stored charges, revenue.

Shared by the pricing service (which prices again inside its transaction, so a
stored quote never trusts what the screen showed) and the backend's read side.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from console.core.coverage import (
    VIN_TAIL,
    Coverage,
    CoverageStatus,
    decide,
)
from console.core.coverage import (
    Entitlement as EntitlementInfo,
)
from console.core.eta import EstimatedRouting, RoutingProvider
from console.core.pricing import (
    ChargeRecord,
    PricingBook,
    ProgrammeRevenue,
    QuoteQuery,
    QuoteView,
)
from console.core.quote import JobFacts, charge_from_dict
from console.core.vocab import RequestStatus, ServiceType
from console.db.models import Depot, Entitlement, Request, RequestCharge, RequestDestination

TOW_KM_STEP = Decimal("0.1")


def entitlement_info(row: Entitlement) -> EntitlementInfo:
    """Copy an ORM entitlement into the core's plain record."""
    return EntitlementInfo(
        id=row.id,
        programme=row.programme,
        holder=row.holder,
        number=row.number,
        plate=row.plate,
        vin=row.vin,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
    )


def compact(text: str) -> str:
    """Upper case without spaces (how numbers, plates and VINs are stored and compared)."""
    return "".join(text.split()).upper()


def find_entitlements(session: Session, key: str, limit: int = 10) -> list[Entitlement]:
    """Entitlements whose number, plate or VIN tail is ``key`` (a full VIN matches too)."""
    wanted = compact(key)
    if not wanted:
        return []
    conditions = [Entitlement.number == wanted, Entitlement.plate == wanted]
    if len(wanted) == VIN_TAIL:
        conditions.append(Entitlement.vin_tail == wanted)
    if len(wanted) == 17:
        conditions.append(Entitlement.vin == wanted)
    return list(
        session.scalars(
            select(Entitlement).where(or_(*conditions)).order_by(Entitlement.id).limit(limit)
        )
    )


def uses_this_year(
    session: Session, entitlement_id: int, year: int, zone: ZoneInfo, exclude: int | None
) -> int:
    """Covered, not cancelled requests that used the entitlement in ``year`` (local time)."""
    start = datetime(year, 1, 1, tzinfo=zone)
    end = datetime(year + 1, 1, 1, tzinfo=zone)
    query = (
        select(func.count())
        .select_from(RequestCharge)
        .join(Request, Request.id == RequestCharge.request_id)
        .where(
            RequestCharge.entitlement_id == entitlement_id,
            RequestCharge.coverage == CoverageStatus.COVERED.value,
            Request.status != RequestStatus.CANCELLED.value,
            Request.created_at >= start,
            Request.created_at < end,
        )
    )
    if exclude is not None:
        query = query.where(RequestCharge.request_id != exclude)
    return int(session.scalar(query) or 0)


def region_of(session: Session, city: str) -> str | None:
    """The administrative code of a city (by its Chinese name), from the depots."""
    if not city:
        return None
    return session.scalar(select(Depot.adcode).where(Depot.city_zh == city).limit(1))


def estimate_tow_km(
    query: QuoteQuery, routing: RoutingProvider | None, hour: int
) -> Decimal | None:
    """Road kilometres from the scene to the destination (None without a destination)."""
    if query.dest_lat is None or query.dest_lon is None:
        return None
    provider = routing or EstimatedRouting()
    _, km = provider.travel_minutes(
        np.array([query.lat]),
        np.array([query.lon]),
        query.dest_lat,
        query.dest_lon,
        road=query.road_type,
        local_hour=hour,
    )
    return Decimal(str(float(km[0]))).quantize(TOW_KM_STEP, rounding=ROUND_HALF_UP)


def coverage_for(
    session: Session,
    book: PricingBook,
    query: QuoteQuery,
    *,
    on: date,
    zone: ZoneInfo,
    request_id: int | None,
) -> Coverage:
    """The best coverage among the entitlements the look-up key (or else the plate) finds."""
    found = find_entitlements(session, query.lookup) if query.lookup.strip() else []
    if not found and query.plate.strip():
        found = find_entitlements(session, query.plate)
    best = Coverage(CoverageStatus.NO_ENTITLEMENT)
    for row in found:
        decision = decide(
            entitlement_info(row),
            book.programmes.get(row.programme),
            service=query.service,
            powertrain=query.powertrain,
            on=on,
            uses_this_year=uses_this_year(session, row.id, on.year, zone, request_id),
        )
        if decision.covered:
            return decision
        if best.status is CoverageStatus.NO_ENTITLEMENT:
            best = decision
    return best


def price_query(
    session: Session,
    book: PricingBook,
    query: QuoteQuery,
    *,
    now: datetime,
    routing: RoutingProvider | None,
    request_id: int | None = None,
) -> QuoteView:
    """Price ``query`` as of ``query.at`` (or ``now``); nothing is written."""
    zone = book.tariff.timezone
    at = query.at or now
    local = at.astimezone(zone)
    estimated = estimate_tow_km(query, routing, local.hour)
    tow_km = query.tow_km if query.tow_km is not None else (estimated or Decimal(0))
    if query.service is not ServiceType.TOW or query.remote:
        tow_km = Decimal(0)
    coverage = coverage_for(session, book, query, on=local.date(), zone=zone, request_id=request_id)
    facts = JobFacts(
        service=query.service,
        at=at,
        road_type=query.road_type,
        vehicle_class=query.vehicle_class,
        tow_km=tow_km,
        region=region_of(session, query.city),
        remote=query.remote,
    )
    programme = coverage.programme if coverage.covered else None
    return QuoteView(
        charge=book.quote(facts, coverage),
        coverage=coverage,
        estimated_km=estimated,
        terms_zh=programme.terms_zh if programme else book.tariff.terms_zh,
        terms_en=programme.terms_en if programme else book.tariff.terms_en,
    )


def charge_record(session: Session, book: PricingBook, request_id: int) -> ChargeRecord | None:
    """The stored quote and bill of a request, as a plain record."""
    row = session.scalar(select(RequestCharge).where(RequestCharge.request_id == request_id))
    if row is None:
        return None
    request = session.get(Request, request_id)
    destination = session.get(RequestDestination, request_id)
    quote = charge_from_dict(json.loads(row.quote))
    bill = charge_from_dict(json.loads(row.bill)) if row.bill else None
    programme = book.programmes.get(row.programme) if row.programme else None
    return ChargeRecord(
        request_id=request_id,
        reference=request.reference if request else "",
        programme=row.programme,
        entitlement_id=row.entitlement_id,
        coverage=CoverageStatus(row.coverage),
        quote=quote,
        quoted_at=row.quoted_at,
        dest_lat=destination.lat if destination else None,
        dest_lon=destination.lon if destination else None,
        dest_address=destination.address if destination else "",
        bill=bill,
        billed_at=row.billed_at,
        differences=tuple(book.explain(quote, bill)) if bill else (),
        disputed=row.disputed,
        dispute_reason=row.dispute_reason,
        terms_zh=programme.terms_zh if programme else book.tariff.terms_zh,
        terms_en=programme.terms_en if programme else book.tariff.terms_en,
        revision=row.revision,
        programme_zh=programme.name_zh if programme else "",
        programme_en=programme.name_en if programme else "",
    )


def revenue_by_programme(session: Session, book: PricingBook) -> list[ProgrammeRevenue]:
    """Billed jobs per programme (pay-as-you-go as ``None``), biggest covered cost first."""
    result = session.execute(
        select(
            RequestCharge.programme,
            func.count(),
            func.sum(RequestCharge.bill_total),
            func.sum(RequestCharge.bill_covered),
            func.sum(RequestCharge.bill_caller),
        )
        .where(RequestCharge.billed_at.is_not(None))
        .group_by(RequestCharge.programme)
    )
    disputed: dict[str | None, list[str]] = {}
    for programme, reference in session.execute(
        select(RequestCharge.programme, Request.reference)
        .join(Request, Request.id == RequestCharge.request_id)
        .where(RequestCharge.disputed.is_(True))
        .order_by(Request.reference)
    ):
        disputed.setdefault(programme, []).append(reference)
    names = {code: (p.name_zh, p.name_en) for code, p in book.programmes.items()}
    rows = [
        ProgrammeRevenue(
            programme=programme,
            jobs=int(jobs),
            total=_cny(total),
            covered=_cny(covered),
            caller=_cny(caller),
            disputed=len(disputed.get(programme, [])),
            disputed_references=tuple(disputed.get(programme, [])),
            name_zh=names.get(programme or "", ("", ""))[0],
            name_en=names.get(programme or "", ("", ""))[1],
        )
        for programme, jobs, total, covered, caller in result
    ]
    return sorted(rows, key=lambda r: (-r.covered, r.programme or "~"))


def _cny(value: object) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def with_destination_estimate(query: QuoteQuery, view: QuoteView) -> QuoteQuery:
    """``query`` with the tow kilometres the quote used pinned (what the caller accepted)."""
    return replace(query, tow_km=view.charge.facts.tow_km)
