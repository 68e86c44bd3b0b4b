"""The pricing book (tariff + programmes) and the plain records the pricing port hands out.

The book is loaded once from ``resources/pricing`` (or files named in the
settings); :func:`check_files` is what ``pricing check`` and the console run
before they use them, so a malformed file is refused with a message naming the
file and the field, and nothing is priced from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from console.core.coverage import (
    Coverage,
    CoverageStatus,
    Entitlement,
    Programme,
    load_programmes,
)
from console.core.quote import Charge, Difference, JobFacts, explain, price
from console.core.tariff import Tariff, load_tariff
from console.core.vocab import Powertrain, RoadType, ServiceType, VehicleClass

TARIFF_FILE = "tariffs.json"
PROGRAMMES_FILE = "programmes.json"


@dataclass(frozen=True)
class PricingBook:
    """The tariff in force and the coverage programmes."""

    tariff: Tariff
    programmes: Mapping[str, Programme]

    def quote(self, facts: JobFacts, coverage: Coverage) -> Charge:
        """Price ``facts`` split by ``coverage``."""
        return price(self.tariff, facts, coverage)

    def explain(self, quote: Charge, bill: Charge) -> list[Difference]:
        """Line-by-line differences between a quote and a bill."""
        return explain(quote, bill, self.tariff)


def load_book(folder: Path) -> PricingBook:
    """Load and validate ``tariffs.json`` and ``programmes.json`` from ``folder``."""
    return PricingBook(
        tariff=load_tariff(folder / TARIFF_FILE),
        programmes=load_programmes(folder / PROGRAMMES_FILE),
    )


def check_file(path: Path) -> str:
    """Validate one pricing file (which kind is told by its name); a one-line summary."""
    if path.name.startswith("programme"):
        programmes = load_programmes(path)
        return f"{path}: {len(programmes)} programmes ({', '.join(programmes)})"
    tariff = load_tariff(path)
    return (
        f"{path}: tariff {tariff.version}, effective {tariff.effective_from}, "
        f"{len(tariff.regions)} regional overrides"
    )


# ---------------------------------------------------------------- port records


@dataclass(frozen=True)
class QuoteQuery:
    """What the dispatcher knows at intake: enough to price the job."""

    service: ServiceType
    road_type: RoadType
    vehicle_class: VehicleClass
    powertrain: Powertrain
    lat: float
    lon: float
    city: str = ""
    plate: str = ""
    lookup: str = ""
    """Policy or member number, plate or VIN tail typed by the dispatcher."""
    dest_lat: float | None = None
    dest_lon: float | None = None
    dest_address: str = ""
    tow_km: Decimal | None = None
    """Tow distance the dispatcher typed; None: estimate it from the destination."""
    at: datetime | None = None
    """When the job is priced for; None: now."""
    remote: bool = False
    """The call is resolved by phone: priced as a phone-only job (no road surcharges)."""


@dataclass(frozen=True)
class QuoteView:
    """A priced quote with what it was based on (nothing stored yet)."""

    charge: Charge
    coverage: Coverage
    estimated_km: Decimal | None
    """Tow km estimated from the destination (None: no destination)."""
    terms_zh: str
    terms_en: str

    def terms(self, language: str) -> str:
        """The terms that apply, in ``language``."""
        return self.terms_zh if language == "zh" else self.terms_en


@dataclass(frozen=True)
class ActualFacts:
    """What the crew reports on completion."""

    tow_km: Decimal
    waiting_minutes: int = 0
    winch_minutes: int = 0


@dataclass(frozen=True)
class ChargeRecord:
    """The stored quote (and bill) of one request."""

    request_id: int
    reference: str
    programme: str | None
    entitlement_id: int | None
    coverage: CoverageStatus
    quote: Charge
    quoted_at: datetime
    dest_lat: float | None
    dest_lon: float | None
    dest_address: str
    bill: Charge | None = None
    billed_at: datetime | None = None
    differences: tuple[Difference, ...] = ()
    disputed: bool = False
    dispute_reason: str = ""
    terms_zh: str = ""
    terms_en: str = ""
    revision: int = 0
    programme_zh: str = ""
    programme_en: str = ""

    def terms(self, language: str) -> str:
        """The terms that applied, in ``language``."""
        return self.terms_zh if language == "zh" else self.terms_en

    def programme_name(self, language: str) -> str:
        """The programme's name in ``language`` ("" when none covers the job)."""
        return self.programme_zh if language == "zh" else self.programme_en


@dataclass(frozen=True)
class EntitlementMatch:
    """An entitlement found at intake, with its programme."""

    entitlement: Entitlement
    programme: Programme | None


@dataclass(frozen=True)
class ProgrammeRevenue:
    """Billed jobs of one programme (None: pay as you go) for the supervisor."""

    programme: str | None
    jobs: int
    total: Decimal
    covered: Decimal
    caller: Decimal
    disputed: int
    disputed_references: tuple[str, ...] = field(default_factory=tuple)
    name_zh: str = ""
    name_en: str = ""
