"""The map page folium builds: local files only, the configured tiles, the right datum."""

from __future__ import annotations

import json
import re
from pathlib import Path

from console.core.geo import wgs84_to_gcj02
from console.core.map_tiles import TileSource
from console.paths import resource_path
from console.ui.map.page import build_map_page

CHANNEL_JS = b"/* qwebchannel stand-in */"


def _build(folder: Path, tiles: TileSource) -> str:
    page = build_map_page(folder, tiles, qwebchannel_js=CHANNEL_JS, labels={"lang": "en"})
    return page.read_text(encoding="utf-8")


def _references(html: str) -> list[str]:
    return re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)


def test_every_script_and_stylesheet_is_a_local_file(tmp_path: Path) -> None:
    html = _build(tmp_path, TileSource())

    references = _references(html)
    assert {Path(r).name for r in references} >= {
        "leaflet.js",
        "leaflet.markercluster.js",
        "qwebchannel.js",
        "console_map.js",
        "leaflet.css",
        "MarkerCluster.css",
    }
    for reference in references:
        assert not reference.startswith(("http:", "https:", "//")), reference
        assert (tmp_path / reference).is_file(), reference
    assert (tmp_path / "assets" / "qwebchannel.js").read_bytes() == CHANNEL_JS
    assert not re.search(r"jquery|bootstrap|awesome", html, re.IGNORECASE)


def test_the_page_uses_canvas_and_the_configured_tiles(tmp_path: Path) -> None:
    custom = TileSource("custom", "https://gis.example.cn/{z}/{x}/{y}.png", "GIS", "abc", 18)

    html = _build(tmp_path / "custom", custom)
    bare = _build(tmp_path / "none", TileSource.named("none"))

    assert '"preferCanvas": true' in html
    assert "https://gis.example.cn/{z}/{x}/{y}.png" in html
    assert "L.tileLayer" in html and "L.tileLayer" not in bare
    assert "http" not in " ".join(re.findall(r"L\.tileLayer\([^)]*\)", bare))


def _boundaries(folder: Path) -> dict[str, object]:
    text = (folder / "assets" / "boundaries.js").read_text(encoding="utf-8")
    return json.loads(text.split("=", 1)[1].rstrip().rstrip(";"))


def test_gcj02_tiles_get_a_shifted_boundary_layer(tmp_path: Path) -> None:
    _build(tmp_path / "wgs", TileSource.named("none"))
    _build(tmp_path / "gcj", TileSource.named("amap"))
    wgs, gcj = _boundaries(tmp_path / "wgs"), _boundaries(tmp_path / "gcj")

    lon, lat = wgs["features"][1]["geometry"]["coordinates"][0][0][0]  # type: ignore[index]
    shifted = gcj["features"][1]["geometry"]["coordinates"][0][0][0]  # type: ignore[index]

    glat, glon = wgs84_to_gcj02(lat, lon)
    assert shifted == [round(glon, 5), round(glat, 5)]
    assert shifted != [lon, lat]


def test_the_boundary_layer_has_chinas_outline_and_every_province() -> None:
    data = json.loads(resource_path("map", "boundaries.geojson").read_text(encoding="utf-8"))
    kinds = [f["properties"]["kind"] for f in data["features"]]
    provinces = [f["properties"] for f in data["features"] if f["properties"]["kind"] == "province"]

    assert kinds.count("country") == 1
    assert len(provinces) == 31
    assert {"Beijing", "Xinjiang", "Hainan", "Inner Mongolia"} <= {p["name_en"] for p in provinces}
    assert {"北京", "新疆", "海南", "内蒙古"} <= {p["name_zh"] for p in provinces}
    assert "Natural Earth" in data["source"]
