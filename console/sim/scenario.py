"""Scenarios: which part of the fleet, how many calls, what mix; loaded from YAML.

A scenario file lives in ``resources/scenarios/NAME.yaml`` (or anywhere, given
by path). Every key is optional except ``name`` and ``regions``; defaults come
from published motor-club figures (AAA's service mix). Any mistake is reported
as a :class:`ConfigError` naming the file and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import yaml

from console.core.errors import ConfigError, DomainError
from console.core.inputs import DocumentError, parse_yaml, read_text
from console.core.vocab import RoadType, ServiceType
from console.paths import resource_path

HOURS = 24
BORDER_MINUTES = 5.0
"""Default coordination cost of sending a crew across a provincial border (minutes)."""

DEFAULT_PROFILE: tuple[float, ...] = (
    1.6, 1.2, 1.0, 0.9, 1.0, 1.6, 2.8, 5.0, 6.6, 6.0, 5.4, 5.2,
    5.0, 4.8, 4.9, 5.2, 5.8, 6.8, 7.2, 6.0, 4.6, 3.6, 2.6, 2.0,
)  # fmt: skip
"""Relative calls per local hour: morning and evening commuter peaks."""

DEFAULT_MIX: Mapping[ServiceType, float] = {
    ServiceType.TOW: 40.0,
    ServiceType.JUMP_START: 18.0,
    ServiceType.LOCKOUT: 16.0,
    ServiceType.TYRE_CHANGE: 10.0,
    ServiceType.FUEL_DELIVERY: 4.0,
    ServiceType.EXTRACTION: 4.0,
    ServiceType.EV_CHARGING: 3.0,
    ServiceType.EV_HV_CHECK: 1.0,
    ServiceType.REMOTE_GUIDANCE: 4.0,
}
"""Share of calls by service (AAA: ~40 % tows, ~20 % battery, 16 % lockouts, 10 % tyres)."""

DEFAULT_REMOTE_FIX: Mapping[ServiceType, float] = {
    ServiceType.TOW: 0.02,
    ServiceType.JUMP_START: 0.08,
    ServiceType.LOCKOUT: 0.12,
    ServiceType.TYRE_CHANGE: 0.05,
    ServiceType.FUEL_DELIVERY: 0.0,
    ServiceType.EXTRACTION: 0.0,
    ServiceType.EV_CHARGING: 0.10,
    ServiceType.EV_HV_CHECK: 0.15,
    ServiceType.REMOTE_GUIDANCE: 1.0,
}
"""Share of each service fixed over the phone by guidance (no crew sent)."""

DEFAULT_ON_SCENE: Mapping[ServiceType, tuple[float, float]] = {
    ServiceType.TOW: (15.0, 0.4),
    ServiceType.JUMP_START: (12.0, 0.4),
    ServiceType.LOCKOUT: (14.0, 0.5),
    ServiceType.TYRE_CHANGE: (22.0, 0.4),
    ServiceType.FUEL_DELIVERY: (10.0, 0.3),
    ServiceType.EXTRACTION: (30.0, 0.5),
    ServiceType.EV_CHARGING: (35.0, 0.4),
    ServiceType.EV_HV_CHECK: (30.0, 0.4),
    ServiceType.REMOTE_GUIDANCE: (0.0, 0.0),
}
"""On-scene minutes per service: lognormal (median, sigma); a tow's loading time."""

DEFAULT_ROADS: Mapping[RoadType, float] = {
    RoadType.URBAN: 0.7,
    RoadType.EXPRESSWAY: 0.15,
    RoadType.RURAL: 0.15,
}


@dataclass(frozen=True)
class Region:
    """Calls from one area: an administrative-code prefix ("31", "4403", "" = all)."""

    code: str
    calls: float
    """Expected calls in the day (before ``demand_scale``)."""
    profile: tuple[float, ...] = DEFAULT_PROFILE


@dataclass(frozen=True)
class Scenario:
    """Everything that defines one simulated day."""

    name: str
    title_en: str
    title_zh: str
    regions: tuple[Region, ...]
    day: date = date(2026, 11, 23)
    fleet_seed: int = 2026
    fleet_regions: tuple[str, ...] | None = None
    """Code prefixes of the depots in play (default: the demand regions)."""
    service_mix: Mapping[ServiceType, float] = field(default_factory=lambda: dict(DEFAULT_MIX))
    remote_fix: Mapping[ServiceType, float] = field(
        default_factory=lambda: dict(DEFAULT_REMOTE_FIX)
    )
    on_scene: Mapping[ServiceType, tuple[float, float]] = field(
        default_factory=lambda: dict(DEFAULT_ON_SCENE)
    )
    roads: Mapping[RoadType, float] = field(default_factory=lambda: dict(DEFAULT_ROADS))
    ev_share: float = 0.12
    hev_share: float = 0.08
    p1_share: float = 0.05
    """P1 share off expressways (every expressway breakdown is P1)."""
    p3_share: float = 0.05
    english_share: float = 0.03
    triage_minutes: tuple[float, float] = (2.5, 0.4)
    """Call handling until the request is queued: lognormal (median, sigma)."""
    tow_km: tuple[float, float] = (12.0, 0.6)
    """Transport leg of a tow, road km: lognormal (median, sigma)."""
    unload_minutes: float = 8.0
    drain_hours: float = 6.0
    """How long after midnight open jobs may still be served."""
    border_minutes: float = BORDER_MINUTES
    """Coordination cost of a crew sent over a provincial border (added to its arrival)."""
    demand_scale: float = 1.0
    remove_depots: tuple[str, ...] = ()
    add_crews: int = 0
    remove_crews: int = 0
    source: str = "<scenario>"

    @property
    def expected_calls(self) -> float:
        """Expected calls in the day, after scaling."""
        return sum(r.calls for r in self.regions) * self.demand_scale


@dataclass(frozen=True)
class WhatIf:
    """Changes asked for on the command line, applied over a scenario."""

    demand_scale: float | None = None
    ev_share: float | None = None
    remove_depots: tuple[str, ...] = ()
    add_crews: int | None = None
    """Crews added on top of the scenario's own."""
    remove_crews: int | None = None
    """Crews taken off on top of the scenario's own."""

    def apply(self, scenario: Scenario) -> Scenario:
        """``scenario`` with these changes."""
        changes: dict[str, Any] = {}
        if self.demand_scale is not None:
            changes["demand_scale"] = scenario.demand_scale * self.demand_scale
        if self.ev_share is not None:
            changes["ev_share"] = self.ev_share
        if self.remove_depots:
            changes["remove_depots"] = (*scenario.remove_depots, *self.remove_depots)
        if self.add_crews is not None:
            changes["add_crews"] = scenario.add_crews + self.add_crews
        if self.remove_crews is not None:
            changes["remove_crews"] = scenario.remove_crews + self.remove_crews
        return _checked(replace(scenario, **changes)) if changes else scenario


def scenario_names() -> list[str]:
    """Names of the bundled scenarios."""
    return sorted(p.stem for p in resource_path("scenarios").glob("*.yaml"))


def load_scenario(name_or_path: str) -> Scenario:
    """Load a bundled scenario by name, or a scenario file by path."""
    path = Path(name_or_path)
    if path.suffix not in {".yaml", ".yml", ".json"}:
        path = resource_path("scenarios", f"{name_or_path}.yaml")
        if not path.is_file():
            raise ConfigError(
                "config.invalid",
                path=name_or_path,
                detail="no such scenario; bundled: " + ", ".join(scenario_names()),
            )
    try:
        document = parse_yaml(read_text(path))
    except DomainError as exc:
        raise ConfigError("config.invalid", path=str(path), detail=exc.english()) from None
    except DocumentError as exc:
        raise ConfigError("config.invalid", path=str(path), detail=str(exc)) from None
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())
        raise ConfigError("config.invalid", path=str(path), detail=detail) from None
    return parse_scenario(document, str(path))


def parse_scenario(document: object, source: str) -> Scenario:
    """Validate a parsed scenario document; errors name ``source`` and the field."""
    reader = _Reader(source)
    table = reader.table("(top level)", document)
    known = set(Scenario.__dataclass_fields__) - {"source", "day"} | {"date"}
    for key in table:
        if key not in known:
            reader.fail(str(key), "unknown key")
    name = reader.text("name", table.get("name"))
    regions_raw = table.get("regions")
    if not isinstance(regions_raw, list) or not regions_raw:
        reader.fail("regions", "a non-empty list of {code, calls[, profile]}")
    regions = []
    for i, item in enumerate(regions_raw):
        where = f"regions[{i}]"
        entry = reader.table(where, item)
        for key in entry:
            if key not in {"code", "calls", "profile"}:
                reader.fail(f"{where}.{key}", "unknown key")
        code = str(entry.get("code", ""))
        if not (code == "" or (code.isdigit() and len(code) <= 6)):
            reader.fail(f"{where}.code", "an administrative-code prefix of up to 6 digits")
        calls = reader.number(f"{where}.calls", entry.get("calls"), 0, 1e6)
        profile = DEFAULT_PROFILE
        if "profile" in entry:
            profile = reader.profile(f"{where}.profile", entry["profile"])
        regions.append(Region(code, calls, profile))
    values: dict[str, Any] = {
        "name": name,
        "title_en": reader.text("title_en", table.get("title_en", name)),
        "title_zh": reader.text("title_zh", table.get("title_zh", name)),
        "regions": tuple(regions),
    }
    if "date" in table:
        raw = table["date"]
        if isinstance(raw, date):
            values["day"] = raw
        else:
            try:
                values["day"] = date.fromisoformat(str(raw))
            except ValueError:
                reader.fail("date", "a date such as 2026-11-23")
    if "fleet_seed" in table:
        values["fleet_seed"] = int(reader.number("fleet_seed", table["fleet_seed"], 0, 2**62))
    if "fleet_regions" in table:
        raw_regions = table["fleet_regions"]
        if not isinstance(raw_regions, list) or not all(
            str(c).isdigit() or str(c) == "" for c in raw_regions
        ):
            reader.fail("fleet_regions", "a list of administrative-code prefixes")
        values["fleet_regions"] = tuple(str(c) for c in raw_regions)
    if "service_mix" in table:
        values["service_mix"] = reader.by_enum("service_mix", table["service_mix"], ServiceType)
        if sum(values["service_mix"].values()) <= 0:
            reader.fail("service_mix", "at least one share must be positive")
    if "remote_fix" in table:
        fix = reader.by_enum("remote_fix", table["remote_fix"], ServiceType, high=1.0)
        values["remote_fix"] = {**DEFAULT_REMOTE_FIX, **fix}
    if "roads" in table:
        values["roads"] = reader.by_enum("roads", table["roads"], RoadType)
        if sum(values["roads"].values()) <= 0:
            reader.fail("roads", "at least one share must be positive")
    if "on_scene" in table:
        on_scene = reader.table("on_scene", table["on_scene"])
        merged = dict(DEFAULT_ON_SCENE)
        for key, pair in on_scene.items():
            service = reader.member(f"on_scene.{key}", key, ServiceType)
            merged[service] = reader.lognormal(f"on_scene.{key}", pair)
        values["on_scene"] = merged
    for key in ("triage_minutes", "tow_km"):
        if key in table:
            values[key] = reader.lognormal(key, table[key])
    limits = {
        "ev_share": (0, 1), "hev_share": (0, 1), "p1_share": (0, 1), "p3_share": (0, 1),
        "english_share": (0, 1), "unload_minutes": (0, 240), "drain_hours": (0, 48),
        "demand_scale": (0, 100), "border_minutes": (0, 240),
    }  # fmt: skip
    for key, (low, high) in limits.items():
        if key in table:
            values[key] = reader.number(key, table[key], low, high)
    if "remove_depots" in table:
        raw_depots = table["remove_depots"]
        if not isinstance(raw_depots, list) or not all(isinstance(d, str) for d in raw_depots):
            reader.fail("remove_depots", "a list of depot codes")
        values["remove_depots"] = tuple(raw_depots)
    for key in ("add_crews", "remove_crews"):
        if key in table:
            values[key] = int(reader.number(key, table[key], 0, 100_000, whole=True))
    return _checked(Scenario(**values, source=source))


def _checked(scenario: Scenario) -> Scenario:
    reader = _Reader(scenario.source)
    if scenario.ev_share + scenario.hev_share > 1:
        reader.fail("ev_share", "ev_share + hev_share must not exceed 1")
    if scenario.p1_share + scenario.p3_share > 1:
        reader.fail("p1_share", "p1_share + p3_share must not exceed 1")
    if not 0 <= scenario.ev_share <= 1:
        reader.fail("ev_share", "a number from 0 to 1")
    if not 0 < scenario.demand_scale <= 100:
        reader.fail("demand_scale", "a number above 0 and at most 100")
    if scenario.add_crews < 0 or scenario.remove_crews < 0:
        reader.fail("add_crews", "crews to add or remove must not be negative")
    return scenario


class _Reader:
    """Typed reads from a parsed document, each failure naming file and field."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, detail: str) -> NoReturn:
        raise ConfigError("config.invalid", path=self.source, detail=f"{where}: {detail}")

    def table(self, where: str, value: object) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, "a mapping of keys to values")
        return {str(k): v for k, v in value.items()}

    def text(self, where: str, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(where, "a non-empty text")
        return str(value).strip()

    def number(
        self, where: str, value: object, low: float, high: float, *, whole: bool = False
    ) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(where, f"a number from {low:g} to {high:g}")
        number = float(value)
        if not low <= number <= high or (whole and not number.is_integer()):
            kind = "a whole number" if whole else "a number"
            self.fail(where, f"{kind} from {low:g} to {high:g}")
        return number

    def member(self, where: str, key: str, enum: type[Any]) -> Any:
        try:
            return enum(key)
        except ValueError:
            choices = ", ".join(m.value for m in enum)
            return self.fail(where, f"unknown {enum.__name__}; use one of {choices}")

    def by_enum(
        self, where: str, value: object, enum: type[Any], high: float = 1e6
    ) -> dict[Any, float]:
        table = self.table(where, value)
        return {
            self.member(f"{where}.{k}", k, enum): self.number(f"{where}.{k}", v, 0, high)
            for k, v in table.items()
        }

    def profile(self, where: str, value: object) -> tuple[float, ...]:
        if not isinstance(value, list) or len(value) != HOURS:
            self.fail(where, f"a list of {HOURS} hourly weights")
        weights = tuple(self.number(f"{where}[{i}]", v, 0, 1e6) for i, v in enumerate(value))
        if sum(weights) <= 0:
            self.fail(where, "at least one hour must have calls")
        return weights

    def lognormal(self, where: str, value: object) -> tuple[float, float]:
        table = self.table(where, value)
        if set(table) != {"median", "sigma"}:
            self.fail(where, "a mapping {median: minutes, sigma: spread}")
        return (
            self.number(f"{where}.median", table["median"], 0, 10_000),
            self.number(f"{where}.sigma", table["sigma"], 0, 3),
        )
