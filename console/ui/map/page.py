"""Builds the map page once, with folium, into a folder the web view loads by file URL.

Qt-free. Every script and stylesheet the page uses is copied next to it:
Leaflet and markercluster from the xstatic packages, ``qwebchannel.js`` (handed
in by the caller, who reads it from Qt's resources), the boundary layer and the
console's own API (``resources/map``). folium's default CDN links (jQuery,
Bootstrap, awesome-markers...) are dropped, so the page fetches nothing but tiles.
"""

from __future__ import annotations

import hashlib
import html
import json
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import folium
import xstatic.pkg.leaflet as xleaflet
import xstatic.pkg.leaflet_markercluster as xcluster
from branca.element import MacroElement
from jinja2 import Template

from console.core.geo import wgs84_to_gcj02
from console.core.map_tiles import TileSource
from console.paths import resource_path

__all__ = ["ASSETS", "DEFAULT_CENTRE", "DEFAULT_ZOOM", "build_map_page", "page_folder"]

DEFAULT_CENTRE = (34.5, 108.9)
"""Where the map opens: the middle of mainland China (WGS-84)."""
DEFAULT_ZOOM = 5

ASSETS = "assets"
"""The sub-folder of the page folder holding scripts, styles and images."""

_SCRIPTS = (
    ("leaflet", "leaflet.js"),
    ("markercluster", "leaflet.markercluster.js"),
    ("qwebchannel", "qwebchannel.js"),
    ("boundaries", "boundaries.js"),
    ("console_map", "console_map.js"),
)
_STYLES = (
    ("leaflet_css", "leaflet.css"),
    ("markercluster_css", "MarkerCluster.css"),
    ("markercluster_default_css", "MarkerCluster.Default.css"),
    ("console_map_css", "console_map.css"),
)


class _ConsoleLayers(MacroElement):
    """Hands the folium map and its tile layer to ``ConsoleMap.init`` with the config."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.ConsoleMap.init(
            {{ this._parent.get_name() }},
            {{ this.tiles_name }},
            {{ this.config_json }}
        );
        {% endmacro %}
        """
    )

    def __init__(self, tiles_name: str, config: Mapping[str, Any]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "ConsoleLayers"
        self.tiles_name = tiles_name
        self.config_json = json.dumps(config, ensure_ascii=False)


def build_map_page(
    folder: Path,
    tiles: TileSource,
    *,
    qwebchannel_js: bytes,
    labels: Mapping[str, Any],
    centre: tuple[float, float] = DEFAULT_CENTRE,
    zoom: int = DEFAULT_ZOOM,
) -> Path:
    """Write ``index.html`` and its assets into ``folder``; returns the page's path.

    ``centre`` is WGS-84; with GCJ-02 tiles it (and the boundary layer) is shifted
    to the tiles' datum here, as the markers are before they are sent.
    """
    assets = folder / ASSETS
    assets.mkdir(parents=True, exist_ok=True)
    _copy_assets(assets, qwebchannel_js)
    _write_boundaries(assets / "boundaries.js", gcj02=tiles.gcj02)

    lat, lon = wgs84_to_gcj02(*centre) if tiles.gcj02 else centre
    # folium hands min/max zoom only to its own tile layer; the map itself needs
    # them too (markercluster refuses a map without maxZoom).
    zoom_range: dict[str, Any] = {"minZoom": 3, "maxZoom": tiles.max_zoom}
    page = folium.Map(
        location=[lat, lon],
        zoom_start=zoom,
        tiles=None,
        prefer_canvas=True,
        # The page adds a metric-only scale itself (folium's also shows miles).
        control_scale=False,
        **zoom_range,
    )
    # Instance lists shadow folium's class-level CDN defaults.
    page.default_js = [(name, f"{ASSETS}/{file}") for name, file in _SCRIPTS]
    page.default_css = [(name, f"{ASSETS}/{file}") for name, file in _STYLES]
    tiles_name = "null"
    if tiles.has_tiles:
        layer = folium.TileLayer(
            tiles=tiles.url,
            attr=_attribution_html(tiles.attribution),
            name="tiles",
            max_zoom=tiles.max_zoom,
            subdomains=tiles.subdomains or "abc",
            overlay=False,
            control=False,
        )
        layer.add_to(page)
        tiles_name = layer.get_name()
    layers = _ConsoleLayers(tiles_name, {"labels": dict(labels)})
    layers.add_to(page)

    target = folder / "index.html"
    target.write_text(page.get_root().render(), encoding="utf-8")
    return target


def _attribution_html(text: str) -> str:
    """The attribution as HTML that shows it as text: Leaflet inserts it as markup.

    Entities such as ``&copy;`` in the shipped attributions (or typed in the
    configuration) keep their meaning; any tag is shown, not run.
    """
    return html.escape(html.unescape(text), quote=False) or " "


def page_folder(cache_root: Path, tiles: TileSource) -> Path:
    """A folder per tile configuration, so two consoles with different settings never clash."""
    key = hashlib.sha256(repr(tiles).encode("utf-8")).hexdigest()[:12]
    return cache_root / "map" / key


def _copy_assets(assets: Path, qwebchannel_js: bytes) -> None:
    leaflet = Path(xleaflet.BASE_DIR)
    cluster = Path(xcluster.BASE_DIR)
    shutil.copyfile(leaflet / "leaflet.js", assets / "leaflet.js")
    shutil.copyfile(leaflet / "leaflet.css", assets / "leaflet.css")
    shutil.copytree(leaflet / "images", assets / "images", dirs_exist_ok=True)
    for name in ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"):
        shutil.copyfile(cluster / name, assets / name)
    for name in ("console_map.js", "console_map.css"):
        shutil.copyfile(resource_path("map", name), assets / name)
    (assets / "qwebchannel.js").write_bytes(qwebchannel_js)


def _write_boundaries(target: Path, *, gcj02: bool) -> None:
    data = json.loads(resource_path("map", "boundaries.geojson").read_text(encoding="utf-8"))
    if gcj02:
        for feature in data["features"]:
            for polygon in feature["geometry"]["coordinates"]:
                for ring in polygon:
                    for point in ring:
                        glat, glon = wgs84_to_gcj02(point[1], point[0])
                        point[0], point[1] = round(glon, 5), round(glat, 5)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    target.write_text(f"window.CONSOLE_BOUNDARIES = {text};\n", encoding="utf-8")
