"""Coverage: programmes (a car maker's free assistance, an insurer's policy, a
paid membership), the entitlements that put a caller's vehicle under one, and
the decision whether a given job is covered.

Programmes are data (``resources/pricing/programmes.json``); entitlements are
rows in the database, looked up at intake by policy or member number, plate or
the last six characters of the VIN. Uses per year are counted by the caller of
:func:`decide` from the requests that already used the entitlement in the same
calendar year (local time).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from console.core.tariff import checker, read_json
from console.core.vocab import Powertrain, ServiceType

E = TypeVar("E", bound=StrEnum)

VIN_TAIL = 6
"""Characters of the VIN a caller is asked for (the end of the VIN)."""


class ProgrammeKind(StrEnum):
    """Who pays for a programme's covered part."""

    MAKER = "MAKER"
    INSURER = "INSURER"
    MEMBERSHIP = "MEMBERSHIP"


class Extra(StrEnum):
    """Surcharges a programme may also pay for."""

    NIGHT = "NIGHT"
    EXPRESSWAY = "EXPRESSWAY"
    HEAVY = "HEAVY"
    WINCH = "WINCH"
    WAITING = "WAITING"


class CoverageStatus(StrEnum):
    """The outcome of a coverage check."""

    COVERED = "COVERED"
    NO_ENTITLEMENT = "NO_ENTITLEMENT"
    NOT_YET_VALID = "NOT_YET_VALID"
    EXPIRED = "EXPIRED"
    SERVICE_NOT_COVERED = "SERVICE_NOT_COVERED"
    VEHICLE_NOT_ELIGIBLE = "VEHICLE_NOT_ELIGIBLE"
    USES_EXHAUSTED = "USES_EXHAUSTED"


@dataclass(frozen=True)
class Programme:
    """What one programme covers, and for how long it is offered."""

    code: str
    kind: ProgrammeKind
    name_zh: str
    name_en: str
    services: frozenset[ServiceType]
    included_tow_km: int
    """Towing kilometres the programme pays for (counted from the pick-up)."""
    uses_per_year: int | None
    """Covered jobs per calendar year; None: unlimited."""
    extras: frozenset[Extra]
    powertrains: frozenset[Powertrain] | None
    """Only vehicles with these powertrains (an EV maker's programme); None: any."""
    valid_from: date
    valid_to: date | None
    terms_zh: str
    terms_en: str

    def name(self, language: str) -> str:
        """The programme's name in ``language`` ("zh" or "en")."""
        return self.name_zh if language == "zh" else self.name_en

    def terms(self, language: str) -> str:
        """The terms text in ``language``."""
        return self.terms_zh if language == "zh" else self.terms_en


@dataclass(frozen=True)
class Entitlement:
    """One vehicle or holder under one programme."""

    id: int
    programme: str
    holder: str
    number: str
    """Policy or member number."""
    plate: str
    vin: str
    valid_from: date
    valid_to: date


@dataclass(frozen=True)
class Coverage:
    """The decision for one job: covered or not, and why."""

    status: CoverageStatus
    programme: Programme | None = None
    entitlement: Entitlement | None = None
    uses_left: int | None = None
    """Covered uses left this year after this one (None: unlimited or not covered)."""

    @property
    def covered(self) -> bool:
        """True when the programme pays its part of the job."""
        return self.status is CoverageStatus.COVERED


NOT_COVERED = Coverage(CoverageStatus.NO_ENTITLEMENT)
"""The decision when no entitlement was found: the caller pays everything."""


def decide(
    entitlement: Entitlement | None,
    programme: Programme | None,
    *,
    service: ServiceType,
    powertrain: Powertrain,
    on: date,
    uses_this_year: int,
) -> Coverage:
    """Whether ``programme`` pays for a ``service`` job on ``on`` (local date).

    Validity dates are inclusive at both ends (an entitlement valid to 31 Dec
    still covers a job on 31 Dec). ``uses_this_year`` counts earlier covered
    jobs of the entitlement in the calendar year of ``on``.
    """
    if entitlement is None or programme is None:
        return NOT_COVERED

    def verdict(status: CoverageStatus, uses_left: int | None = None) -> Coverage:
        return Coverage(status, programme, entitlement, uses_left)

    starts = max(entitlement.valid_from, programme.valid_from)
    ends = min(d for d in (entitlement.valid_to, programme.valid_to) if d is not None)
    if on < starts:
        return verdict(CoverageStatus.NOT_YET_VALID)
    if on > ends:
        return verdict(CoverageStatus.EXPIRED)
    if service not in programme.services:
        return verdict(CoverageStatus.SERVICE_NOT_COVERED)
    if programme.powertrains is not None and powertrain not in programme.powertrains:
        return verdict(CoverageStatus.VEHICLE_NOT_ELIGIBLE)
    if programme.uses_per_year is None:
        return verdict(CoverageStatus.COVERED)
    left = programme.uses_per_year - uses_this_year
    if left <= 0:
        return verdict(CoverageStatus.USES_EXHAUSTED, 0)
    return verdict(CoverageStatus.COVERED, left - 1)


def matches(entitlement: Entitlement, key: str) -> bool:
    """True when ``key`` is the entitlement's number, plate or VIN tail (case-insensitive)."""
    wanted = _compact(key)
    if not wanted:
        return False
    vin = _compact(entitlement.vin)
    return wanted in (
        _compact(entitlement.number),
        _compact(entitlement.plate),
        vin[-VIN_TAIL:],
    ) or (len(wanted) > VIN_TAIL and wanted == vin)


def _compact(text: str) -> str:
    """Upper case without spaces: how numbers, plates and VINs are compared."""
    return "".join(text.split()).upper()


# ---------------------------------------------------------------- loading


def parse_programmes(data: Any, path: Path | str) -> dict[str, Programme]:
    """Validate parsed programme data; ``path`` only names the file in messages."""
    check = checker(path)
    raw = check.table(data, "(top level)")
    check.known(raw, {"version", "programmes"}, "")
    check.text(check.get(raw, "version", ""), "version")
    items = check.get(raw, "programmes", "")
    if not isinstance(items, list) or not items:
        raise check.fail("programmes", "must be a non-empty list")
    found: dict[str, Programme] = {}
    for index, item in enumerate(items):
        where = f"programmes[{index}]"
        entry = check.table(item, where)
        check.known(
            entry,
            {"code", "kind", "name", "services", "included_tow_km", "uses_per_year", "extras",
             "powertrains", "valid_from", "valid_to", "terms"},
            where,
        )  # fmt: skip
        code = check.text(check.get(entry, "code", where), f"{where}.code")
        if not code.replace("-", "").replace("_", "").isalnum() or len(code) > 32:
            raise check.fail(f"{where}.code", "use letters, digits, - and _ (at most 32)")
        if code in found:
            raise check.fail(f"{where}.code", f"{code} appears twice")
        name = check.table(check.get(entry, "name", where), f"{where}.name")
        terms = check.table(check.get(entry, "terms", where), f"{where}.terms")
        uses = entry.get("uses_per_year")
        valid_to = entry.get("valid_to")
        powertrains = entry.get("powertrains")
        programme = Programme(
            code=code,
            kind=_choice(check, ProgrammeKind, check.get(entry, "kind", where), f"{where}.kind"),
            name_zh=check.text(check.get(name, "zh", f"{where}.name"), f"{where}.name.zh"),
            name_en=check.text(check.get(name, "en", f"{where}.name"), f"{where}.name.en"),
            services=frozenset(
                _choices(
                    check, ServiceType, check.get(entry, "services", where), f"{where}.services"
                )
            ),
            included_tow_km=check.whole(
                entry.get("included_tow_km", 0), f"{where}.included_tow_km", 1000
            ),
            uses_per_year=None
            if uses is None
            else check.whole(uses, f"{where}.uses_per_year", 365),
            extras=frozenset(_choices(check, Extra, entry.get("extras", []), f"{where}.extras")),
            powertrains=None
            if powertrains is None
            else frozenset(_choices(check, Powertrain, powertrains, f"{where}.powertrains")),
            valid_from=check.day(check.get(entry, "valid_from", where), f"{where}.valid_from"),
            valid_to=None if valid_to is None else check.day(valid_to, f"{where}.valid_to"),
            terms_zh=check.text(check.get(terms, "zh", f"{where}.terms"), f"{where}.terms.zh"),
            terms_en=check.text(check.get(terms, "en", f"{where}.terms"), f"{where}.terms.en"),
        )
        if programme.valid_to is not None and programme.valid_to < programme.valid_from:
            raise check.fail(f"{where}.valid_to", "is before valid_from")
        found[code] = programme
    return found


def load_programmes(path: Path) -> dict[str, Programme]:
    """Read and validate a programmes file (JSON)."""
    return parse_programmes(read_json(path, checker(path)), path)


def _choice(check: Any, enum_type: type[E], value: Any, field: str) -> E:
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_type)
        raise check.fail(field, f"{str(value)[:30]!r} is not one of {allowed}") from None


def _choices(check: Any, enum_type: type[E], values: Any, field: str) -> list[E]:
    if not isinstance(values, list):
        raise check.fail(field, "must be a list")
    return [_choice(check, enum_type, v, f"{field}[{i}]") for i, v in enumerate(values)]


def programmes_by_code(programmes: Iterable[Programme]) -> Mapping[str, Programme]:
    """Programmes keyed by code."""
    return {p.code: p for p in programmes}
