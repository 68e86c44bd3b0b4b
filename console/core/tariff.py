"""Tariffs as data: what each service costs, and the surcharges, by region.

A tariff file (``resources/pricing/tariffs.json``) carries a version and the
date it takes effect, a base fee per service type, the kilometres of towing
the base fee includes and the rate per kilometre beyond them, and the
surcharges (night, expressway, heavy vehicle, winch time, waiting time).
Regions (province or city codes such as ``"31"`` or ``"4403"``) override any of
these; the longest matching code wins, as for the ETA model.

Money is :class:`decimal.Decimal` in CNY, never a float: file numbers are read
as decimals (``parse_float=Decimal``) and every amount is quantised to the fen
with :data:`ROUNDING`. A file that is not right is refused with a
:class:`ConfigError` naming the file and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.core.errors import ConfigError
from console.core.inputs import DocumentError, parse_json, read_text
from console.core.vocab import ServiceType

CENT = Decimal("0.01")
"""Amounts are kept to the fen (分)."""
ROUNDING = ROUND_HALF_UP
"""The one rounding rule for money: half a fen rounds up (commercial rounding)."""
MAX_AMOUNT = Decimal("100000")
"""No single fee or rate in a tariff may reach this (a typo guard)."""


def money(value: Decimal | int) -> Decimal:
    """``value`` rounded to the fen with :data:`ROUNDING`."""
    return Decimal(value).quantize(CENT, rounding=ROUNDING)


def yuan(value: Decimal) -> str:
    """``¥1,234.50``: an amount as shown to people (sign kept)."""
    sign = "-" if value < 0 else ""
    return f"{sign}¥{abs(money(value)):,.2f}"


@dataclass(frozen=True)
class ServiceFee:
    """What one service type costs: a base fee, and for towing the kilometre rate."""

    base: Decimal
    included_km: int = 0
    """Towing kilometres the base fee already pays for."""
    per_km: Decimal = Decimal("0.00")
    """Rate per (started) kilometre beyond ``included_km``."""


@dataclass(frozen=True)
class Surcharges:
    """Extras on top of the base fee."""

    night: Decimal
    expressway: Decimal
    heavy_vehicle: Decimal
    winch_per_15_min: Decimal
    """Per started 15 minutes of winching."""
    waiting_free_minutes: int
    waiting_per_minute: Decimal
    """Per minute of waiting beyond ``waiting_free_minutes``."""


@dataclass(frozen=True)
class NightWindow:
    """Local times from ``start`` (inclusive) to ``end`` (exclusive), may wrap midnight."""

    start: time
    end: time

    def contains(self, moment: time) -> bool:
        """True when the local clock time ``moment`` falls in the window."""
        moment = moment.replace(second=0, microsecond=0, tzinfo=None)
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


@dataclass(frozen=True)
class TariffRates:
    """Every price of one region (or of the default)."""

    services: Mapping[ServiceType, ServiceFee]
    surcharges: Surcharges
    night: NightWindow


@dataclass(frozen=True)
class Tariff:
    """A versioned tariff: default rates plus regional overrides."""

    version: str
    effective_from: date
    timezone: ZoneInfo
    default: TariffRates
    regions: Mapping[str, TariffRates]
    region_names: Mapping[str, tuple[str, str]]
    """Region code -> (Chinese, English) name, for explanations."""
    terms_zh: str
    terms_en: str
    """Pay-as-you-go terms shown when no programme covers the job."""

    def rates_for(self, region: str | None) -> tuple[str | None, TariffRates]:
        """(matching region code or None, its rates): the longest code prefix wins."""
        if region:
            for length in range(len(region), 0, -1):
                rates = self.regions.get(region[:length])
                if rates is not None:
                    return region[:length], rates
        return None, self.default


# ---------------------------------------------------------------- loading


class _Checker:
    """Reads values out of a parsed file; each mistake names the file and the field."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)

    def fail(self, field: str, detail: str) -> ConfigError:
        return ConfigError("pricing.invalid", path=self.path, field_path=field, detail=detail)

    def table(self, data: Any, field: str) -> Mapping[str, Any]:
        if not isinstance(data, Mapping):
            raise self.fail(field, "must be an object")
        return data

    def get(self, data: Mapping[str, Any], key: str, field: str) -> Any:
        if key not in data:
            raise self.fail(f"{field}.{key}" if field else key, "is missing")
        return data[key]

    def known(self, data: Mapping[str, Any], keys: set[str], field: str) -> None:
        unknown = sorted(set(data) - keys)
        if unknown:
            where = f"{field}.{unknown[0]}" if field else unknown[0]
            raise self.fail(where, "is not a known setting")

    def amount(self, value: Any, field: str) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            raise self.fail(field, 'must be an amount in yuan, e.g. "120.00"')
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise self.fail(field, f"{str(value)[:20]!r} is not an amount") from None
        if not number.is_finite() or number < 0 or number >= MAX_AMOUNT:
            raise self.fail(field, f"must be from 0 to {MAX_AMOUNT - CENT}")
        if number != number.quantize(CENT):
            raise self.fail(field, "has more than two decimal places (fen)")
        return money(number)

    def whole(self, value: Any, field: str, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
            raise self.fail(field, f"must be a whole number from 0 to {high}")
        return value

    def text(self, value: Any, field: str, *, required: bool = True) -> str:
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(field, "must be a non-empty text")
        return value.strip()

    def day(self, value: Any, field: str) -> date:
        if not isinstance(value, str):
            raise self.fail(field, "must be a date like 2026-01-01")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(field, f"{value[:20]!r} is not a date like 2026-01-01") from None

    def clock(self, value: Any, field: str) -> time:
        if not isinstance(value, str) or len(value) != 5:
            raise self.fail(field, "must be a time like 22:00")
        try:
            return time.fromisoformat(value)
        except ValueError:
            raise self.fail(field, f"{value!r} is not a time like 22:00") from None


def read_json(path: Path, checker: _Checker) -> Any:
    """Parse ``path`` as JSON with decimals for every fractional number."""
    text = read_text(path)
    try:
        return parse_json(text, parse_float=Decimal)
    except DocumentError as exc:
        raise checker.fail("(file)", str(exc)) from None
    except ValueError as exc:
        line = getattr(exc, "lineno", "?")
        raise checker.fail(f"line {line}", "is not valid JSON") from None


_SURCHARGE_AMOUNTS = ("night", "expressway", "heavy_vehicle", "winch_per_15_min",
                      "waiting_per_minute")  # fmt: skip
_SURCHARGE_KEYS = {*_SURCHARGE_AMOUNTS, "waiting_free_minutes"}


def _rates(raw: Mapping[str, Any], field: str, check: _Checker) -> TariffRates:
    services_raw = check.table(check.get(raw, "services", field), f"{field}services")
    unknown = sorted(set(services_raw) - {s.value for s in ServiceType})
    if unknown:
        raise check.fail(f"{field}services.{unknown[0]}", "is not a service type")
    services: dict[ServiceType, ServiceFee] = {}
    for service in ServiceType:
        where = f"{field}services.{service.value}"
        fee = check.table(check.get(services_raw, service.value, f"{field}services"), where)
        check.known(fee, {"base", "included_km", "per_km"}, where)
        services[service] = ServiceFee(
            base=check.amount(check.get(fee, "base", where), f"{where}.base"),
            included_km=check.whole(fee.get("included_km", 0), f"{where}.included_km", 1000),
            per_km=check.amount(fee.get("per_km", "0"), f"{where}.per_km"),
        )
    where = f"{field}surcharges"
    extras = check.table(check.get(raw, "surcharges", field), where)
    check.known(extras, _SURCHARGE_KEYS, where)
    amounts = {
        key: check.amount(check.get(extras, key, where), f"{where}.{key}")
        for key in _SURCHARGE_AMOUNTS
    }
    free = check.whole(
        check.get(extras, "waiting_free_minutes", where), f"{where}.waiting_free_minutes", 24 * 60
    )
    where = f"{field}night"
    window = check.table(check.get(raw, "night", field), where)
    check.known(window, {"start", "end"}, where)
    night = NightWindow(
        start=check.clock(check.get(window, "start", where), f"{where}.start"),
        end=check.clock(check.get(window, "end", where), f"{where}.end"),
    )
    if night.start == night.end:
        raise check.fail(f"{where}.end", "must differ from night.start")
    return TariffRates(
        services=services,
        surcharges=Surcharges(waiting_free_minutes=free, **amounts),
        night=night,
    )


def _merged(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``override`` laid over it, table by table."""
    result = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(result.get(key), Mapping):
            result[key] = _merged(result[key], value)
        else:
            result[key] = value
    return result


def parse_tariff(data: Any, path: Path | str) -> Tariff:
    """Validate parsed tariff data; ``path`` only names the file in messages."""
    check = _Checker(path)
    raw = check.table(data, "(top level)")
    check.known(
        raw,
        {"version", "effective_from", "currency", "timezone", "terms", "night", "services",
         "surcharges", "regions"},
        "",
    )  # fmt: skip
    version = check.text(check.get(raw, "version", ""), "version")
    effective = check.day(check.get(raw, "effective_from", ""), "effective_from")
    if raw.get("currency", "CNY") != "CNY":
        raise check.fail("currency", "must be CNY")
    zone_name = check.text(raw.get("timezone", "Asia/Shanghai"), "timezone")
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise check.fail("timezone", f"{zone_name[:40]!r} is not a known time zone") from None
    terms = check.table(check.get(raw, "terms", ""), "terms")
    terms_zh = check.text(check.get(terms, "zh", "terms"), "terms.zh")
    terms_en = check.text(check.get(terms, "en", "terms"), "terms.en")
    default = _rates(raw, "", check)
    regions: dict[str, TariffRates] = {}
    names: dict[str, tuple[str, str]] = {}
    regions_raw = check.table(raw.get("regions", {}), "regions")
    for code, override in regions_raw.items():
        where = f"regions.{code}"
        if not (code.isdigit() and 2 <= len(code) <= 6):
            raise check.fail(where, "must be named by a province or city code (2-6 digits)")
        table = check.table(override, where)
        check.known(table, {"name_zh", "name_en", "services", "surcharges", "night"}, where)
        names[code] = (
            check.text(check.get(table, "name_zh", where), f"{where}.name_zh"),
            check.text(check.get(table, "name_en", where), f"{where}.name_en"),
        )
        layered = _merged(
            {k: raw[k] for k in ("services", "surcharges", "night")},
            {k: v for k, v in table.items() if k in ("services", "surcharges", "night")},
        )
        regions[code] = _rates(layered, f"{where}.", check)
    return Tariff(version, effective, zone, default, regions, names, terms_zh, terms_en)


def load_tariff(path: Path) -> Tariff:
    """Read and validate a tariff file (JSON)."""
    check = _Checker(path)
    return parse_tariff(read_json(path, check), path)


def checker(path: Path | str) -> _Checker:
    """A field checker that names ``path`` in its messages (shared with the coverage loader)."""
    return _Checker(path)
