"""Demand places: where calls are expected, and how many (relative weights).

By default the service's cities, weighted by tier exactly as the twin draws its
calls (:data:`console.core.fleet_layout.TIER_WEIGHT`); a centre may supply any
weighted set instead (a call history grid, say).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from console.core.fleet_layout import TIER_WEIGHT, City


@dataclass(frozen=True, slots=True)
class DemandPlace:
    """One place calls come from: where, its names, its province code and its weight."""

    key: str
    name_zh: str
    name_en: str
    lat: float
    lon: float
    weight: float
    region: str = ""
    """Province code (regional travel-time settings); empty: the default model."""


def city_places(cities: Sequence[City]) -> list[DemandPlace]:
    """Every city as a demand place weighted by its tier."""
    return [
        DemandPlace(
            key=city.adcode,
            name_zh=city.name_zh,
            name_en=city.name_en,
            lat=city.lat,
            lon=city.lon,
            weight=TIER_WEIGHT[city.tier],
            region=city.province_code,
        )
        for city in cities
    ]
