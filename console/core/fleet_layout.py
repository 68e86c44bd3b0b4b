"""The seeded fleet's layout: partners, depots and crews from the city list.

Pure Python, so the database seeder and the simulator (which needs the same
fleet without a database) build identical rows from the same seed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from console.core.errors import DomainError, StorageError
from console.core.geo import ServiceArea
from console.core.inputs import parse_json, read_text
from console.core.vocab import CrewStatus, Shift, Skill, VehicleKind
from console.paths import resource_path

PARTNER_BRANDS = (
    ("安途", "Antu"), ("顺达", "Shunda"), ("路援", "Luyuan"), ("速通", "Sutong"),
    ("畅行", "Changxing"), ("华运", "Huayun"), ("捷安", "Jie'an"), ("恒信", "Hengxin"),
)  # fmt: skip
DEPOT_AREAS = (
    ("中心", "Central"), ("东", "East"), ("西", "West"), ("南", "South"), ("北", "North"),
    ("高新区", "Hi-Tech Zone"), ("机场", "Airport"), ("港区", "Port"),
)  # fmt: skip
DEPOTS_PER_TIER = {1: 6, 2: 3, 3: 1}
CREWS_PER_DEPOT = {1: (4, 6), 2: (3, 5), 3: (3, 5)}
VEHICLE_MIX = (
    (VehicleKind.FLATBED, 0.35),
    (VehicleKind.WHEEL_LIFT, 0.15),
    (VehicleKind.SERVICE_VAN, 0.28),
    (VehicleKind.EV_SERVICE_VAN, 0.14),
    (VehicleKind.HEAVY_WRECKER, 0.08),
)
BILINGUAL_SHARE = {1: 0.18, 2: 0.10, 3: 0.04}
TIER_WEIGHT = {1: 12.0, 2: 4.0, 3: 1.0}
"""Calls per city by tier, as in the demo seed (a first-tier city has far more cars).

One definition for the twin's demand model and the console's coverage figures."""


@dataclass(frozen=True)
class City:
    """One prefecture-level city from resources/seed/cities.json."""

    adcode: str
    name_zh: str
    name_en: str
    province_code: str
    province_zh: str
    province_en: str
    lat: float
    lon: float
    tier: int


def load_cities(path: Path | None = None) -> list[City]:
    """Read the bundled city list (built by tools/build_seed_data.py)."""
    source = path or resource_path("seed", "cities.json")
    try:
        document = parse_json(read_text(source))
        return [
            City(
                adcode=c["adcode"],
                name_zh=c["name_zh"],
                name_en=c["name_en"],
                province_code=c["province_code"],
                province_zh=c["province_zh"],
                province_en=c["province_en"],
                lat=float(c["lat"]),
                lon=float(c["lon"]),
                tier=int(c["tier"]),
            )
            for c in document["cities"]
        ]
    except DomainError as exc:
        raise StorageError("seed.data_missing", path=str(source), detail=exc.english()) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise StorageError("seed.data_missing", path=str(source), detail=str(exc)) from None


def offset(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) in direction ``bearing`` (radians from north)."""
    dlat = km / 111.2 * math.cos(bearing)
    dlon = km / (111.2 * math.cos(math.radians(lat))) * math.sin(bearing)
    return round(lat + dlat, 6), round(lon + dlon, 6)


def scatter(
    rng: random.Random, area: ServiceArea, lat: float, lon: float, max_km: float
) -> tuple[float, float]:
    """A point within ``max_km`` of the centre that is still on land in the service area."""
    for _ in range(30):
        point = offset(lat, lon, max_km * math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi))
        if area.contains(*point):
            return point
    return lat, lon


def weighted(rng: random.Random, options: Sequence[tuple[Any, float]]) -> Any:
    """One of ``options`` (value, weight), drawn with ``rng``."""
    values = [v for v, _ in options]
    weights = [w for _, w in options]
    return rng.choices(values, weights=weights, k=1)[0]


@dataclass
class FleetLayout:
    """Partners, depots and crews as plain rows (dicts ready for bulk insert)."""

    partners: list[dict[str, Any]]
    depots: list[dict[str, Any]]
    crews: list[dict[str, Any]]


def layout_fleet(seed: int, at: datetime, cities: Sequence[City], area: ServiceArea) -> FleetLayout:
    """Deterministically lay out partners, depots and crews for ``seed``."""
    rng = random.Random(seed)
    partners: list[dict[str, Any]] = [
        {"id": 1, "code": "OWN", "name_zh": "全国自营车队", "name_en": "In-house Fleet",
         "phone": "4008100100"},
    ]  # fmt: skip
    provinces = sorted({(c.province_code, c.province_zh, c.province_en) for c in cities})
    province_partners: dict[str, list[int]] = {}
    for code, name_zh, name_en in provinces:
        for brand_zh, brand_en in rng.sample(PARTNER_BRANDS, 2):
            pid = len(partners) + 1
            partners.append(
                {
                    "id": pid,
                    "code": f"P{code}{len(province_partners.get(code, [])) + 1}",
                    "name_zh": f"{name_zh}{brand_zh}道路救援有限公司",
                    "name_en": f"{name_en} {brand_en} Roadside Services Co., Ltd.",
                    "phone": f"400{rng.randrange(10**6, 10**7)}",
                }
            )
            province_partners.setdefault(code, []).append(pid)

    depots: list[dict[str, Any]] = []
    crews: list[dict[str, Any]] = []
    for city in cities:
        count = DEPOTS_PER_TIER[city.tier] + (1 if city.tier == 3 and rng.random() < 0.3 else 0)
        for n, (area_zh, area_en) in enumerate(DEPOT_AREAS[:count], start=1):
            radius = 3.0 if n == 1 else (18.0 if city.tier == 1 else 10.0)
            lat, lon = scatter(rng, area, city.lat, city.lon, radius)
            own = city.tier < 3 and rng.random() < 0.4
            depot_id = len(depots) + 1
            depots.append(
                {
                    "id": depot_id,
                    "code": f"D{city.adcode}-{n:02d}",
                    "name_zh": f"{city.name_zh}{area_zh}救援站",
                    "name_en": f"{city.name_en} {area_en} Depot",
                    "city_zh": city.name_zh,
                    "city_en": city.name_en,
                    "province_zh": city.province_zh,
                    "province_en": city.province_en,
                    "adcode": city.adcode,
                    "lat": lat,
                    "lon": lon,
                    "partner_id": 1 if own else rng.choice(province_partners[city.province_code]),
                    "phone": f"1{rng.choice('3589')}{rng.randrange(10**8, 10**9)}",
                    "revision": 1,
                }
            )
            low, high = CREWS_PER_DEPOT[city.tier]
            for k in range(1, rng.randint(low, high) + 1):
                kind: VehicleKind = weighted(rng, VEHICLE_MIX)
                skills = []
                if kind is VehicleKind.EV_SERVICE_VAN or rng.random() < 0.3:
                    skills.append(Skill.EV_HV_CERTIFIED.value)
                if rng.random() < BILINGUAL_SHARE[city.tier]:
                    skills.append(Skill.BILINGUAL.value)
                roll = rng.random()
                status = (
                    CrewStatus.OUT_OF_SERVICE if roll < 0.03
                    else CrewStatus.OFF_DUTY if roll < 0.15
                    else CrewStatus.AVAILABLE
                )  # fmt: skip
                crew_lat, crew_lon = scatter(rng, area, lat, lon, 6.0)
                crews.append(
                    {
                        "id": len(crews) + 1,
                        "call_sign": f"{city.adcode[:4]}-{n}{k:02d}",
                        "depot_id": depot_id,
                        "vehicle_kind": kind.value,
                        "skills": skills,
                        "status": status.value,
                        "lat": crew_lat,
                        "lon": crew_lon,
                        "gps_at": at - timedelta(seconds=rng.randrange(5, 300)),
                        # Derived from the id, not drawn, so the fleet stays as seeded before.
                        "status_since": at - timedelta(minutes=(len(crews) * 37) % 240 + 3),
                        "shift": weighted(
                            rng,
                            ((Shift.DAY, 0.45), (Shift.NIGHT, 0.35), (Shift.ROUND_THE_CLOCK, 0.2)),
                        ).value,
                        "current_request_id": None,
                        "version": 1,
                        "revision": 1,
                    }
                )
    return FleetLayout(partners, depots, crews)
