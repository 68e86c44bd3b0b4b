"""The backend's pricing side: implements ``console.core.ports.PricingDesk``.

Mixed into :class:`console.db.backend.DatabaseBackend`; reads use plain
sessions, writes go through :class:`console.db.pricing_services.PricingServices`.
"""

from __future__ import annotations

from functools import cached_property

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from console.core.eta import RoutingProvider
from console.core.pricing import (
    ActualFacts,
    ChargeRecord,
    EntitlementMatch,
    PricingBook,
    ProgrammeRevenue,
    QuoteQuery,
    QuoteView,
    load_book,
)
from console.core.records import RequestRow
from console.core.roles import Permission, Principal
from console.db import pricing_data
from console.db.permits import reads
from console.db.pricing_services import PricingServices
from console.db.services import Services
from console.paths import resource_path


def default_book() -> PricingBook:
    """The tariff and programmes shipped in ``resources/pricing``."""
    return load_book(resource_path("pricing"))


class PricingAccess:
    """Quotes, bills and the revenue report over the backend's engine."""

    _engine: Engine
    principal: Principal
    services: Services
    routing: RoutingProvider | None
    pricing_book: PricingBook | None

    @cached_property
    def book(self) -> PricingBook:
        """The pricing book in use (the shipped one unless the backend was given another)."""
        return self.pricing_book or default_book()

    @cached_property
    def pricing(self) -> PricingServices:
        """The pricing writes, acting as the backend's user."""
        return PricingServices(
            self._engine,
            self.book,
            principal=self.services.principal,
            sla=self.services.sla,
            clock=self.services.clock,
            timezone=self.book.tariff.timezone.key,
            routing=self.routing,
        )

    @reads(Permission.QUOTE)
    def find_entitlements(self, key: str) -> list[EntitlementMatch]:
        """Entitlements whose policy/member number, plate or VIN tail is ``key``."""
        with Session(self._engine) as session:
            rows = pricing_data.find_entitlements(session, key)
            return [
                EntitlementMatch(
                    pricing_data.entitlement_info(row), self.book.programmes.get(row.programme)
                )
                for row in rows
            ]

    @reads(Permission.QUOTE)
    def quote(self, query: QuoteQuery, request_id: int | None = None) -> QuoteView:
        """Price a job; nothing is written."""
        with Session(self._engine) as session:
            return pricing_data.price_query(
                session,
                self.book,
                query,
                now=self.services.clock(),
                routing=self.routing,
                request_id=request_id,
            )

    def accept_quote(self, request_id: int, query: QuoteQuery) -> ChargeRecord:
        """Store the accepted quote with the request (one ledger event)."""
        return self.pricing.accept_quote(request_id, query)

    @reads(Permission.QUOTE)
    def charges(self, request_id: int) -> ChargeRecord | None:
        """The stored quote and bill of a request."""
        return self.pricing.record(request_id)

    def complete_with_bill(self, request_id: int, actual: ActualFacts) -> RequestRow:
        """Complete a quoted request and store its bill."""
        return self.pricing.complete_with_bill(request_id, actual)

    def flag_dispute(self, request_id: int, reason: str) -> ChargeRecord:
        """Flag a bill as disputed."""
        return self.pricing.flag_dispute(request_id, reason)

    @reads(Permission.VIEW_QUALITY)
    def revenue_by_programme(self) -> list[ProgrammeRevenue]:
        """Billed revenue and covered cost per programme."""
        with Session(self._engine) as session:
            return pricing_data.revenue_by_programme(session, self.book)
