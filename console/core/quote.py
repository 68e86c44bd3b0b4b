"""Quotes and bills: one job priced line by line, split into covered part and caller's part.

The same function prices the quote (from the estimate at intake) and the bill
(from what actually happened); :func:`explain` then says, line by line, why
the bill differs from the quote ("tow 83 km instead of 80 km: +3 km x ¥8.00
= ¥24.00").

Quantities follow the tariff's rules, all exact:

- tow kilometres are counted in started kilometres (80.2 km is 81 km);
- the base fee of a tow includes the tariff's ``included_km``; the kilometres
  beyond them cost ``per_km`` each;
- a programme pays the base fee and every kilometre up to its
  ``included_tow_km`` (counted from the pick-up); the caller pays the rest;
- winching costs per started 15 minutes; waiting per minute beyond the free
  minutes;
- the night surcharge applies when the job's local time is in the tariff's
  night window (start inclusive, end exclusive);
- a phone-only job (remote guidance, or a call resolved by phone) is charged
  its base fee alone: no crew drives, so no road surcharge (night,
  expressway, heavy vehicle, winching, waiting) and no tow kilometres;
- every amount is rounded to the fen with ROUND_HALF_UP.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum
from typing import Any

from console.core.coverage import Coverage, CoverageStatus, Extra
from console.core.files import csv_text
from console.core.lifecycle import PHONE_ONLY_SERVICES
from console.core.tariff import Tariff, money, yuan
from console.core.vocab import RoadType, ServiceType, VehicleClass

WINCH_BLOCK_MINUTES = 15
"""Winching is charged per started block of this many minutes."""
ZERO = Decimal("0.00")


class LineKind(StrEnum):
    """What a charge line is for."""

    BASE = "BASE"
    TOW_KM = "TOW_KM"
    NIGHT = "NIGHT"
    EXPRESSWAY = "EXPRESSWAY"
    HEAVY = "HEAVY"
    WINCH = "WINCH"
    WAITING = "WAITING"


_EXTRA_OF = {
    LineKind.NIGHT: Extra.NIGHT,
    LineKind.EXPRESSWAY: Extra.EXPRESSWAY,
    LineKind.HEAVY: Extra.HEAVY,
    LineKind.WINCH: Extra.WINCH,
    LineKind.WAITING: Extra.WAITING,
}


@dataclass(frozen=True)
class JobFacts:
    """What a job consists of: the estimate (for a quote) or the actuals (for a bill)."""

    service: ServiceType
    at: datetime
    """When the job happens (timezone-aware); decides the night surcharge."""
    road_type: RoadType
    vehicle_class: VehicleClass
    tow_km: Decimal = ZERO
    """Road kilometres of towing (0 for jobs without a tow)."""
    winch_minutes: int = 0
    waiting_minutes: int = 0
    region: str | None = None
    """Province or city code of the scene, for regional rates."""
    remote: bool = False
    """Handled by phone (the call was resolved remotely): no crew goes out."""

    @property
    def phone_only(self) -> bool:
        """True when no crew goes out: remote guidance, or a call resolved by phone."""
        return self.remote or self.service in PHONE_ONLY_SERVICES

    def as_dict(self) -> dict[str, Any]:
        """Plain data for the ledger and exports."""
        data: dict[str, Any] = {
            "service": self.service.value,
            "at": self.at.isoformat(),
            "road_type": self.road_type.value,
            "vehicle_class": self.vehicle_class.value,
            "tow_km": str(self.tow_km),
            "winch_minutes": self.winch_minutes,
            "waiting_minutes": self.waiting_minutes,
            "region": self.region,
        }
        if self.remote:  # only then: earlier stored quotes read back unchanged
            data["remote"] = True
        return data


@dataclass(frozen=True)
class ChargeLine:
    """One line: ``quantity`` x ``unit_price`` = ``amount`` = ``covered`` + ``caller``."""

    kind: LineKind
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    covered: Decimal
    caller: Decimal
    covered_quantity: Decimal
    """How much of the quantity the programme pays for."""

    def as_dict(self) -> dict[str, str]:
        """Plain data (amounts as decimal strings)."""
        return {
            "kind": self.kind.value,
            "quantity": str(self.quantity),
            "unit_price": str(self.unit_price),
            "amount": str(self.amount),
            "covered": str(self.covered),
            "caller": str(self.caller),
            "covered_quantity": str(self.covered_quantity),
        }


@dataclass(frozen=True)
class Charge:
    """A priced job: its lines, totals, and who covers what."""

    tariff_version: str
    region: str | None
    facts: JobFacts
    coverage: CoverageStatus
    programme: str | None
    lines: tuple[ChargeLine, ...]

    @property
    def total(self) -> Decimal:
        """Everything the job costs."""
        return money(sum((line.amount for line in self.lines), ZERO))

    @property
    def covered_total(self) -> Decimal:
        """The programme's part."""
        return money(sum((line.covered for line in self.lines), ZERO))

    @property
    def caller_total(self) -> Decimal:
        """The caller's part."""
        return money(sum((line.caller for line in self.lines), ZERO))

    def line(self, kind: LineKind) -> ChargeLine | None:
        """The line of ``kind``, if the job has one."""
        return next((line for line in self.lines if line.kind is kind), None)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for storage, the ledger and exports (amounts as strings)."""
        return {
            "tariff_version": self.tariff_version,
            "region": self.region,
            "facts": self.facts.as_dict(),
            "coverage": self.coverage.value,
            "programme": self.programme,
            "lines": [line.as_dict() for line in self.lines],
            "total": str(self.total),
            "covered_total": str(self.covered_total),
            "caller_total": str(self.caller_total),
        }


def started_km(km: Decimal) -> int:
    """Road kilometres counted as started kilometres (80.2 -> 81)."""
    if km < 0:
        raise ValueError("negative distance")
    return int(km.to_integral_value(rounding=ROUND_CEILING))


def winch_blocks(minutes: int) -> int:
    """Started 15-minute blocks of winching (1..15 -> 1, 16 -> 2)."""
    return -(-minutes // WINCH_BLOCK_MINUTES)


def price(tariff: Tariff, facts: JobFacts, coverage: Coverage) -> Charge:
    """Price ``facts`` under ``tariff``, split by ``coverage``."""
    region, rates = tariff.rates_for(facts.region)
    fee = rates.services[facts.service]
    extras = rates.surcharges
    programme = coverage.programme if coverage.covered else None
    covered_extras = programme.extras if programme else frozenset()
    lines: list[ChargeLine] = []

    def add(kind: LineKind, quantity: int, unit: Decimal, covered_quantity: int) -> None:
        if quantity <= 0 or unit <= 0:
            return
        amount = money(unit * quantity)
        covered = money(unit * covered_quantity)
        lines.append(
            ChargeLine(kind, Decimal(quantity), unit, amount, covered, amount - covered,
                       Decimal(covered_quantity))
        )  # fmt: skip

    def extra(kind: LineKind, quantity: int, unit: Decimal) -> None:
        add(kind, quantity, unit, quantity if _EXTRA_OF[kind] in covered_extras else 0)

    add(LineKind.BASE, 1, fee.base, 1 if programme else 0)
    if facts.phone_only:
        return _charge(tariff, region, facts, coverage, lines)
    if facts.service is ServiceType.TOW:
        km = started_km(facts.tow_km)
        beyond = max(0, km - fee.included_km)
        covered_km = (
            max(0, min(km, programme.included_tow_km) - fee.included_km) if programme else 0
        )
        add(LineKind.TOW_KM, beyond, fee.per_km, covered_km)
    if rates.night.contains(facts.at.astimezone(tariff.timezone).time()):
        extra(LineKind.NIGHT, 1, extras.night)
    if facts.road_type is RoadType.EXPRESSWAY:
        extra(LineKind.EXPRESSWAY, 1, extras.expressway)
    if facts.vehicle_class is VehicleClass.HEAVY_TRUCK:
        extra(LineKind.HEAVY, 1, extras.heavy_vehicle)
    extra(LineKind.WINCH, winch_blocks(facts.winch_minutes), extras.winch_per_15_min)
    extra(
        LineKind.WAITING,
        max(0, facts.waiting_minutes - extras.waiting_free_minutes),
        extras.waiting_per_minute,
    )
    return _charge(tariff, region, facts, coverage, lines)


def _charge(
    tariff: Tariff,
    region: str | None,
    facts: JobFacts,
    coverage: Coverage,
    lines: list[ChargeLine],
) -> Charge:
    return Charge(
        tariff_version=tariff.version,
        region=region,
        facts=facts,
        coverage=coverage.status,
        programme=coverage.programme.code if coverage.covered and coverage.programme else None,
        lines=tuple(lines),
    )


# ---------------------------------------------------------------- differences


class DifferenceKind(StrEnum):
    """Why a bill line differs from the quote."""

    QUANTITY = "QUANTITY"
    """Same line, different quantity (83 km instead of 80 km)."""
    ADDED = "ADDED"
    """A line the quote did not have (waiting time)."""
    DROPPED = "DROPPED"
    """A quoted line that did not happen."""


@dataclass(frozen=True)
class Difference:
    """One line where the bill is not the quote."""

    kind: DifferenceKind
    line: LineKind
    quoted_quantity: Decimal
    billed_quantity: Decimal
    unit_price: Decimal
    delta: Decimal
    """Change of the line's amount (bill - quote)."""
    caller_delta: Decimal
    """Change of the caller's part of the line."""
    quoted_facts: str
    billed_facts: str
    """What the quantities came from, e.g. "80 km" / "83 km" (plain, language-free)."""

    def english(self) -> str:
        """One sentence in English, e.g. "Tow 83 km instead of 80 km: +3 km × ¥8.00 = ¥24.00"."""
        step = self.billed_quantity - self.quoted_quantity
        sign = "" if self.delta >= 0 else "-"
        unit = UNITS_EN[self.line]
        caller_sign = "+" if self.caller_delta >= 0 else "-"
        return (
            f"{LINE_NAMES_EN[self.line]} {self.billed_facts} instead of {self.quoted_facts}: "
            f"{'+' if step >= 0 else '-'}{abs(step):g} {unit} × {yuan(self.unit_price)} "
            f"= {sign}{yuan(abs(self.delta))} "
            f"(caller's part {caller_sign}{yuan(abs(self.caller_delta))})"
        )


LINE_NAMES_EN: dict[LineKind, str] = {
    LineKind.BASE: "Base fee",
    LineKind.TOW_KM: "Tow",
    LineKind.NIGHT: "Night surcharge",
    LineKind.EXPRESSWAY: "Expressway surcharge",
    LineKind.HEAVY: "Heavy vehicle surcharge",
    LineKind.WINCH: "Winching",
    LineKind.WAITING: "Waiting",
}
"""English line names for the CLI and exports (the UI translates its own)."""
UNITS_EN: dict[LineKind, str] = {
    LineKind.BASE: "job",
    LineKind.TOW_KM: "km",
    LineKind.NIGHT: "job",
    LineKind.EXPRESSWAY: "job",
    LineKind.HEAVY: "job",
    LineKind.WINCH: "× 15 min",
    LineKind.WAITING: "min",
}


def _facts_text(kind: LineKind, facts: JobFacts, tariff_included_km: int) -> str:
    """The raw fact behind a line, e.g. "83 km" for the tow line."""
    if kind is LineKind.TOW_KM:
        return f"{started_km(facts.tow_km)} km"
    if kind is LineKind.WINCH:
        return f"{facts.winch_minutes} min"
    if kind is LineKind.WAITING:
        return f"{facts.waiting_minutes} min"
    return ""


def explain(quote: Charge, bill: Charge, tariff: Tariff) -> list[Difference]:
    """Every line where ``bill`` differs from ``quote``, in line order."""
    _, rates = tariff.rates_for(bill.facts.region)
    included = rates.services[bill.facts.service].included_km
    found: list[Difference] = []
    for kind in LineKind:
        before, after = quote.line(kind), bill.line(kind)
        if before is None and after is None:
            continue
        if before and after and before.amount == after.amount and before.caller == after.caller:
            continue
        zero = Decimal(0)
        found.append(
            Difference(
                kind=DifferenceKind.QUANTITY
                if before and after
                else (DifferenceKind.ADDED if after else DifferenceKind.DROPPED),
                line=kind,
                quoted_quantity=before.quantity if before else zero,
                billed_quantity=after.quantity if after else zero,
                unit_price=(after or before).unit_price,  # type: ignore[union-attr]
                delta=(after.amount if after else ZERO) - (before.amount if before else ZERO),
                caller_delta=(after.caller if after else ZERO)
                - (before.caller if before else ZERO),
                quoted_facts=_facts_text(kind, quote.facts, included),
                billed_facts=_facts_text(kind, bill.facts, included),
            )
        )
    return found


# ---------------------------------------------------------------- export


def bill_document(
    reference: str,
    quote: Charge | None,
    bill: Charge,
    differences: Sequence[Difference],
    *,
    disputed: bool = False,
    dispute_reason: str = "",
) -> dict[str, Any]:
    """The bill as one plain document (JSON export)."""
    return {
        "reference": reference,
        "currency": "CNY",
        "bill": bill.as_dict(),
        "quote": quote.as_dict() if quote else None,
        "differences": [
            {
                "line": d.line.value,
                "kind": d.kind.value,
                "quoted_quantity": str(d.quoted_quantity),
                "billed_quantity": str(d.billed_quantity),
                "unit_price": str(d.unit_price),
                "delta": str(d.delta),
                "caller_delta": str(d.caller_delta),
                "explanation": d.english(),
            }
            for d in differences
        ],
        "disputed": disputed,
        "dispute_reason": dispute_reason,
    }


def bill_json(document: dict[str, Any]) -> str:
    """The bill document as pretty UTF-8 JSON."""
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def bill_csv(reference: str, bill: Charge, differences: Sequence[Difference]) -> str:
    """The bill as CSV: one row per line, the totals, then the explained differences."""
    rows: list[list[object]] = [["reference", "line", "quantity", "unit_price_cny", "amount_cny",
                                 "covered_cny", "caller_cny", "note"]]  # fmt: skip
    for line in bill.lines:
        rows.append([reference, LINE_NAMES_EN[line.kind], line.quantity, line.unit_price,
                     line.amount, line.covered, line.caller, ""])  # fmt: skip
    rows.append([reference, "Total", "", "", bill.total, bill.covered_total,
                 bill.caller_total, ""])  # fmt: skip
    for difference in differences:
        rows.append([reference, "Difference", "", "", difference.delta, "",
                     difference.caller_delta, difference.english()])  # fmt: skip
    # Amounts stay numbers; text that a spreadsheet would run is quoted.
    return csv_text(rows, lineterminator="\n")


def charge_from_dict(data: dict[str, Any]) -> Charge:
    """A :class:`Charge` back from :meth:`Charge.as_dict` (stored quotes and bills)."""
    facts = data["facts"]
    return Charge(
        tariff_version=str(data["tariff_version"]),
        region=data.get("region"),
        facts=JobFacts(
            service=ServiceType(facts["service"]),
            at=datetime.fromisoformat(facts["at"]),
            road_type=RoadType(facts["road_type"]),
            vehicle_class=VehicleClass(facts["vehicle_class"]),
            tow_km=Decimal(facts["tow_km"]),
            winch_minutes=int(facts["winch_minutes"]),
            waiting_minutes=int(facts["waiting_minutes"]),
            region=facts.get("region"),
            remote=bool(facts.get("remote", False)),
        ),
        coverage=CoverageStatus(data["coverage"]),
        programme=data.get("programme"),
        lines=tuple(
            ChargeLine(
                kind=LineKind(line["kind"]),
                quantity=Decimal(line["quantity"]),
                unit_price=Decimal(line["unit_price"]),
                amount=Decimal(line["amount"]),
                covered=Decimal(line["covered"]),
                caller=Decimal(line["caller"]),
                covered_quantity=Decimal(line["covered_quantity"]),
            )
            for line in data["lines"]
        ),
    )
