"""Which map tiles the live map draws under its markers, read from ``[map]`` in config.toml.

Providers: ``osm`` (OpenStreetMap, the default), ``amap`` (Gaode/AutoNavi, whose tiles
are in the GCJ-02 datum, so every WGS-84 point is converted before drawing), ``custom``
(an intranet tile server: ``url`` with ``{z}``, ``{x}``, ``{y}``) and ``none`` (only the
bundled boundary layer). The map page may fetch nothing from the network except
the tile hosts named here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from console.core.errors import ConfigError

__all__ = ["PROVIDERS", "TileSource", "tile_source_from"]

PROVIDERS = ("osm", "amap", "custom", "none")

_OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
_OSM_ATTRIBUTION = "&copy; OpenStreetMap contributors"
_AMAP_URL = (
    "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8"
    "&x={x}&y={y}&z={z}"
)
_AMAP_ATTRIBUTION = "&copy; AutoNavi 高德地图"


@dataclass(frozen=True, slots=True)
class TileSource:
    """A validated tile provider: URL template, attribution, datum, allowed hosts."""

    provider: str = "osm"
    url: str = _OSM_URL
    attribution: str = _OSM_ATTRIBUTION
    subdomains: str = "abc"
    max_zoom: int = 18
    gcj02: bool = False
    """True when the tiles are drawn in GCJ-02 (AMap): markers are shifted to match."""

    @classmethod
    def named(cls, provider: str) -> TileSource:
        """The built-in settings of ``osm``, ``amap`` or ``none``."""
        if provider == "amap":
            return cls("amap", _AMAP_URL, _AMAP_ATTRIBUTION, "1234", 18, gcj02=True)
        if provider == "none":
            return cls("none", "", "", "", 18)
        return cls()

    @property
    def has_tiles(self) -> bool:
        """False for ``none``: the page shows only the boundary layer."""
        return bool(self.url)

    def hosts(self) -> frozenset[str]:
        """Every host name the tile URL can expand to (``{s}`` filled with each subdomain)."""
        if not self.url:
            return frozenset()
        letters = self.subdomains or "a"
        return frozenset(
            (urlsplit(self.url.replace("{s}", letter)).hostname or "").lower() for letter in letters
        )


def tile_source_from(table: Any, origin: str) -> TileSource:
    """The :class:`TileSource` a ``[map]`` table asks for; raises :class:`ConfigError`."""
    if not isinstance(table, Mapping):
        raise ConfigError("config.invalid", path=origin, detail="[map] must be a table")
    unknown = sorted(set(table) - {"provider", "url", "attribution", "subdomains", "datum"})
    if unknown:
        raise ConfigError("config.invalid", path=origin, detail=f"unknown setting map.{unknown[0]}")
    provider = table.get("provider", "osm")
    if provider not in PROVIDERS:
        raise ConfigError(
            "config.invalid",
            path=origin,
            detail=f"map.provider must be one of {', '.join(PROVIDERS)}",
        )
    if provider != "custom":
        if "url" in table:
            raise ConfigError(
                "config.invalid", path=origin, detail='map.url is only for provider = "custom"'
            )
        return TileSource.named(str(provider))
    url = table.get("url")
    if not isinstance(url, str) or not _is_tile_template(url):
        raise ConfigError(
            "config.invalid",
            path=origin,
            detail="map.url must be an http(s) URL with {z}, {x} and {y}",
        )
    attribution = table.get("attribution", "")
    subdomains = table.get("subdomains", "abc")
    datum = table.get("datum", "wgs84")
    if not isinstance(attribution, str) or not isinstance(subdomains, str):
        raise ConfigError(
            "config.invalid", path=origin, detail="map.attribution and map.subdomains are text"
        )
    if datum not in ("wgs84", "gcj02"):
        raise ConfigError("config.invalid", path=origin, detail="map.datum must be wgs84 or gcj02")
    return TileSource("custom", url, attribution, subdomains, 18, gcj02=datum == "gcj02")


def _is_tile_template(url: str) -> bool:
    parts = urlsplit(url.replace("{s}", "a"))
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and all(token in url for token in ("{z}", "{x}", "{y}"))
    )
