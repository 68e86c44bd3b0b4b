"""Accepting a quote and billing a completed job: one transaction, one ledger event each."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.core.coverage import CoverageStatus
from console.core.errors import Conflict, IllegalTransition, NotFound, ValidationError
from console.core.pricing import ActualFacts, QuoteQuery
from console.core.quote import LineKind
from console.core.vocab import Powertrain, RequestStatus, RoadType, ServiceType, VehicleClass
from console.db.audit import verify_ledger
from console.db.backend import DatabaseBackend
from console.db.models import Event, RequestCharge
from tests.db.conftest import FakeClock
from tests.db.helpers import draft, state
from tests.support.principals import desk


@pytest.fixture
def backend(engine: Engine, clock: FakeClock, fleet: list[int]) -> DatabaseBackend:
    """A backend (02:00 UTC = 10:00 in Hangzhou, no night surcharge) with one EV entitlement."""
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"), clock=clock)
    backend.pricing.add_entitlement(
        programme="MAKER-EV", number="EV-2026-0001", holder="林晓", plate="浙A D12345",
        vin="LGXCE4CB0N0123456", valid_from=date(2026, 1, 1), valid_to=date(2026, 12, 31),
    )  # fmt: skip
    return backend


def ev_tow(**changes: object) -> QuoteQuery:
    values: dict[str, object] = {
        "service": ServiceType.TOW, "road_type": RoadType.URBAN,
        "vehicle_class": VehicleClass.CAR, "powertrain": Powertrain.EV,
        "lat": 30.26, "lon": 120.17, "city": "杭州", "plate": "浙AD12345",
        "dest_lat": 30.80, "dest_lon": 120.70, "dest_address": "嘉兴 授权服务中心",
        "tow_km": Decimal("80"),
    }  # fmt: skip
    values.update(changes)
    return QuoteQuery(**values)  # type: ignore[arg-type]


def take_to_scene(backend: DatabaseBackend) -> int:
    row = backend.take_call(draft(plate="浙AD12345", powertrain="EV"))
    backend.assign(row.id, 1)
    backend.move(row.id, RequestStatus.EN_ROUTE)
    backend.move(row.id, RequestStatus.ON_SCENE)
    backend.move(row.id, RequestStatus.TOWING)
    return row.id


def test_entitlement_found_by_number_plate_or_vin_tail(backend: DatabaseBackend) -> None:
    for key in ("ev-2026-0001", "浙AD12345", "123456", "LGXCE4CB0N0123456"):
        (match,) = backend.find_entitlements(key)
        assert match.programme is not None and match.programme.code == "MAKER-EV"
    assert backend.find_entitlements("23456") == []


def test_quote_preview_writes_nothing_and_estimates_the_tow(
    backend: DatabaseBackend, engine: Engine
) -> None:
    before = state(engine)
    view = backend.quote(ev_tow(tow_km=None))
    assert state(engine) == before
    assert view.estimated_km is not None and Decimal(60) < view.estimated_km < Decimal(110)
    assert view.charge.facts.tow_km == view.estimated_km
    assert view.coverage.status is CoverageStatus.COVERED
    assert "50" in view.terms("en")


def test_accepting_a_quote_stores_it_with_the_request_and_in_the_ledger(
    backend: DatabaseBackend, engine: Engine
) -> None:
    request_id = take_to_scene(backend)
    revision, events, _ = state(engine)
    record = backend.accept_quote(request_id, ev_tow())
    assert state(engine)[:2] == (revision + 1, events + 1)
    assert (record.quote.total, record.quote.covered_total, record.quote.caller_total) == (
        Decimal("860.00"), Decimal("620.00"), Decimal("240.00"))  # fmt: skip
    assert record.programme == "MAKER-EV" and record.dest_address == "嘉兴 授权服务中心"
    row = backend.request(request_id)
    assert row is not None and row.quote_cny == Decimal("240.00")
    with Session(engine) as session:
        event = session.scalars(select(Event).order_by(Event.seq.desc())).first()
    assert event is not None and event.kind == "pricing.quote_accepted"
    assert json.loads(event.payload)["quote"]["caller_total"] == "240.00"
    assert verify_ledger(engine).ok


def test_completion_bills_the_actual_km_and_explains_the_difference(
    backend: DatabaseBackend, engine: Engine
) -> None:
    request_id = take_to_scene(backend)
    backend.accept_quote(request_id, ev_tow())
    _, events, _ = state(engine)
    row = backend.complete_with_bill(request_id, ActualFacts(Decimal("83"), waiting_minutes=10))
    assert row.status is RequestStatus.COMPLETED
    assert state(engine)[1] == events + 1, "one event for the move and the bill"
    record = backend.charges(request_id)
    assert record is not None and record.bill is not None
    assert record.bill.caller_total == Decimal("264.00")
    (difference,) = record.differences
    assert difference.line is LineKind.TOW_KM
    assert difference.english().startswith("Tow 83 km instead of 80 km: +3 km × ¥8.00 = ¥24.00")
    assert backend.crews()[0].current_request_id is None
    (revenue,) = backend.revenue_by_programme()
    assert (revenue.programme, revenue.jobs, revenue.covered, revenue.caller) == (
        "MAKER-EV", 1, Decimal("620.00"), Decimal("264.00"))  # fmt: skip
    with pytest.raises(Conflict):
        backend.accept_quote(request_id, ev_tow())


def test_a_bad_completion_changes_nothing(backend: DatabaseBackend, engine: Engine) -> None:
    request_id = take_to_scene(backend)
    before = state(engine)
    with pytest.raises(NotFound):  # no quote accepted yet
        backend.complete_with_bill(request_id, ActualFacts(Decimal("83")))
    backend.accept_quote(request_id, ev_tow())
    before = state(engine)
    for bad in (ActualFacts(Decimal("-1")), ActualFacts(Decimal("80"), waiting_minutes=-5)):
        with pytest.raises(ValidationError):
            backend.complete_with_bill(request_id, bad)
    assert state(engine) == before
    assert backend.request(request_id).status is RequestStatus.TOWING  # type: ignore[union-attr]


def test_uses_per_year_count_the_requests_that_used_the_entitlement(
    backend: DatabaseBackend, clock: FakeClock
) -> None:
    for _ in range(4):  # the EV programme gives 4 a year
        row = backend.take_call(draft(plate="浙AD12345", powertrain="EV"))
        assert backend.accept_quote(row.id, ev_tow()).coverage is CoverageStatus.COVERED
        clock.advance(minutes=1)
    fifth = backend.take_call(draft(plate="浙AD12345", powertrain="EV"))
    record = backend.accept_quote(fifth.id, ev_tow())
    assert record.coverage is CoverageStatus.USES_EXHAUSTED
    assert record.quote.caller_total == Decimal("860.00")
    # Re-quoting a covered request does not count the request against itself.
    first = backend.open_requests().requests[0]
    assert backend.accept_quote(first.id, ev_tow()).coverage is CoverageStatus.COVERED


def test_a_cancelled_request_gives_its_use_back(backend: DatabaseBackend) -> None:
    ids = []
    for _ in range(4):
        row = backend.take_call(draft(plate="浙AD12345", powertrain="EV"))
        backend.accept_quote(row.id, ev_tow())
        ids.append(row.id)
    backend.move(ids[0], RequestStatus.CANCELLED, reason="Caller cancelled")
    fifth = backend.take_call(draft(plate="浙AD12345", powertrain="EV"))
    assert backend.accept_quote(fifth.id, ev_tow()).coverage is CoverageStatus.COVERED
    with pytest.raises(IllegalTransition):
        backend.accept_quote(ids[0], ev_tow())


def test_dispute_needs_a_bill_and_a_reason(backend: DatabaseBackend, engine: Engine) -> None:
    request_id = take_to_scene(backend)
    backend.accept_quote(request_id, ev_tow())
    with pytest.raises(NotFound):
        backend.flag_dispute(request_id, "too expensive")
    backend.complete_with_bill(request_id, ActualFacts(Decimal("83")))
    with pytest.raises(ValidationError):
        backend.flag_dispute(request_id, "  ")
    record = backend.flag_dispute(request_id, "Caller says the tow was 80 km")
    assert record.disputed and record.dispute_reason == "Caller says the tow was 80 km"
    (revenue,) = backend.revenue_by_programme()
    assert revenue.disputed == 1
    with Session(engine) as session:
        charge = session.scalars(select(RequestCharge)).one()
    assert charge.disputed


def test_a_request_without_coverage_pays_the_tariff(backend: DatabaseBackend) -> None:
    row = backend.take_call(draft())
    record = backend.accept_quote(row.id, ev_tow(plate="浙B99999", powertrain=Powertrain.ICE))
    assert record.coverage is CoverageStatus.NO_ENTITLEMENT
    assert record.quote.caller_total == record.quote.total == Decimal("860.00")
    assert "Pay as you go" in record.terms("en")
