"""The web view that shows the map page and sends it diffs.

The page is loaded once, by file URL. Every later change is a ``ConsoleMap.*``
call through runJavaScript; calls made before the page has reported ready (over
the QWebChannel) wait in a queue and go in order, in one script, when it does.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFile, QIODevice, Qt, QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from console.core.field.trail import TrailPoint
from console.core.geo import gcj02_to_wgs84, wgs84_to_gcj02
from console.core.map_tiles import TileSource
from console.core.reach import Hole
from console.core.records import CrewRow, DepotRow, RequestRow
from console.ui.map.bridge import MapBridge
from console.ui.map.guard import NetworkGuard
from console.ui.map.page import build_map_page

__all__ = ["MapPage", "MapView", "hole_id", "network_guard"]

logger = logging.getLogger(__name__)

MICRO = 1_000_000
"""Crew positions travel to the page in micro-degrees."""
page_logger = logging.getLogger("console.ui.map.page.js")

_JS_LEVELS = {
    QWebEnginePage.JavaScriptConsoleMessageLevel.InfoMessageLevel: logging.INFO,
    QWebEnginePage.JavaScriptConsoleMessageLevel.WarningMessageLevel: logging.WARNING,
    QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel: logging.ERROR,
}


@functools.cache
def _shared_profile() -> tuple[QWebEngineProfile, NetworkGuard]:
    # Qt's default profile (off the record): Qt itself keeps it alive until the
    # last page is gone, which a profile of our own cannot promise at exit.
    profile = QWebEngineProfile.defaultProfile()
    guard = NetworkGuard(parent=profile)
    profile.setUrlRequestInterceptor(guard)
    return profile, guard


def network_guard() -> NetworkGuard:
    """The interceptor in front of every map page of this process."""
    return _shared_profile()[1]


def _qwebchannel_js() -> bytes:
    source = QFile(":/qtwebchannel/qwebchannel.js")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("Qt WebChannel's qwebchannel.js is missing from the Qt resources")
    try:
        return bytes(source.readAll().data())
    finally:
        source.close()


class MapPage(QWebEnginePage):
    """A page whose JavaScript console goes to Python logging."""

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line_number: int,
        source_id: str,
    ) -> None:
        """Log a console message of the page with its source line."""
        page_logger.log(
            _JS_LEVELS.get(level, logging.INFO),
            "%s (%s:%d)",
            message,
            Path(QUrl(source_id).path()).name or source_id,
            line_number,
        )


class MapView(QWebEngineView):
    """The map page in a web view, with a Python API that mirrors ``ConsoleMap``.

    All coordinates given to and emitted by this class are WGS-84; with GCJ-02
    tiles they are converted at this edge.
    """

    sig_ready = Signal()
    """The page has (re)loaded and taken every queued call."""

    def __init__(
        self,
        tiles: TileSource,
        folder: Path,
        labels: Mapping[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tiles = tiles
        self._ready = False
        self._pending: list[str] = []
        profile, guard = _shared_profile()
        guard.allow_tiles(tiles)
        guard.allow_folder(folder)
        page = MapPage(profile, self)
        settings = page.settings()
        # Needed for the page to load its own scripts and styles (files beside it);
        # the guard refuses every file outside the page's folder.
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, tiles.has_tiles
        )
        self.setPage(page)
        self.bridge = MapBridge(self)
        self._channel = QWebChannel(page)
        self._channel.registerObject("bridge", self.bridge)
        page.setWebChannel(self._channel)
        self.bridge.sig_ready.connect(self._on_ready)
        page.loadStarted.connect(self._on_load_started)
        page.renderProcessTerminated.connect(self._on_crash)
        self.page_path = build_map_page(
            folder, tiles, qwebchannel_js=_qwebchannel_js(), labels=labels
        )
        self.load(QUrl.fromLocalFile(str(self.page_path)))

    # -- datum ------------------------------------------------------------------------

    def to_page(self, lat: float, lon: float) -> tuple[float, float]:
        """A WGS-84 point in the tiles' datum."""
        return wgs84_to_gcj02(lat, lon) if self.tiles.gcj02 else (lat, lon)

    def from_page(self, lat: float, lon: float) -> tuple[float, float]:
        """A point from the page, back in WGS-84."""
        return gcj02_to_wgs84(lat, lon) if self.tiles.gcj02 else (lat, lon)

    # -- the call queue ---------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        """True once the page has reported ready (until it loads again)."""
        return self._ready

    def call(self, function: str, *args: Any) -> None:
        """Call ``ConsoleMap.<function>(*args)`` now, or when the page is ready."""
        script = f"ConsoleMap.{function}({', '.join(_js(arg) for arg in args)});"
        if self._ready:
            self.page().runJavaScript(script)
        else:
            self._pending.append(script)

    def evaluate(self, script: str, callback: Callable[[Any], None]) -> None:
        """Run ``script`` on the page (queued until ready) and hand its result to ``callback``."""
        if not self._ready:
            self.sig_ready.connect(
                lambda: self.page().runJavaScript(script, 0, callback),
                type=Qt.ConnectionType.SingleShotConnection,
            )
            return
        self.page().runJavaScript(script, 0, callback)

    def _on_ready(self) -> None:
        self._ready = True
        pending, self._pending = self._pending, []
        if pending:
            self.page().runJavaScript("\n".join(pending))
        logger.debug("map page ready; %d queued calls sent", len(pending))
        self.sig_ready.emit()

    def _on_load_started(self) -> None:
        self._ready = False

    def _on_crash(self, status: QWebEnginePage.RenderProcessTerminationStatus, code: int) -> None:
        logger.error("map page renderer ended (%s, %d); reloading", status, code)
        self._ready = False
        self.load(QUrl.fromLocalFile(str(self.page_path)))

    # -- the API ----------------------------------------------------------------------

    def set_depots(self, depots: Iterable[DepotRow]) -> None:
        """Show exactly ``depots``."""
        self.call("setDepots", [self._depot(d) for d in depots])

    def set_crews(self, crews: Iterable[CrewRow]) -> None:
        """Show exactly ``crews``."""
        self.call("setCrews", self._crews(crews))

    def set_requests(self, requests: Iterable[RequestRow]) -> None:
        """Show exactly ``requests``."""
        self.call("setRequests", [self._request(r) for r in requests])

    def upsert_crews(self, crews: Iterable[CrewRow]) -> None:
        """Add or move/restyle crews by id."""
        self.call("upsertCrews", self._crews(crews))

    def remove_crews(self, ids: Iterable[int]) -> None:
        """Take crews off the map."""
        self.call("removeCrews", list(ids))

    def upsert_requests(self, requests: Iterable[RequestRow]) -> None:
        """Add or move/restyle requests by id."""
        self.call("upsertRequests", [self._request(r) for r in requests])

    def remove_requests(self, ids: Iterable[int]) -> None:
        """Take requests off the map."""
        self.call("removeRequests", list(ids))

    def upsert_holes(self, holes: Iterable[tuple[int, Hole]]) -> None:
        """Add or restyle coverage holes, each given with its rank (1: the worst)."""
        self.call("upsertHoles", [self._hole(rank, hole) for rank, hole in holes])

    def remove_holes(self, ids: Iterable[str]) -> None:
        """Take coverage holes (by :func:`hole_id`) off the map."""
        self.call("removeHoles", list(ids))

    def highlight(self, kind: str, item_id: int) -> None:
        """Ring the ``kind`` ("request", "crew", "depot") marker ``item_id``."""
        self.call("highlight", kind, item_id)

    def show_routes(self, request_id: int, crew_ids: Iterable[int]) -> None:
        """Lines from each crew (best first) to the request; replaces earlier lines."""
        self.call("showRoutes", request_id, list(crew_ids))

    def clear_routes(self) -> None:
        """Remove the suggestion lines."""
        self.call("clearRoutes")

    def set_trail(self, crew_id: int, points: Iterable[TrailPoint]) -> None:
        """Draw crew ``crew_id``'s trail (oldest first), replacing any trail shown."""
        self.call("setTrail", crew_id, self._trail(points))

    def extend_trail(self, crew_id: int, points: Iterable[TrailPoint]) -> None:
        """Add newer fixes to the end of the trail shown (if it is still ``crew_id``'s)."""
        self.call("extendTrail", crew_id, self._trail(points))

    def clear_trail(self) -> None:
        """Take the trail off the map."""
        self.call("clearTrail")

    def focus(self, kind: str, item_id: int, crew_ids: Iterable[int] = ()) -> None:
        """Centre on a marker, zoomed so that ``crew_ids`` fit around it (if any)."""
        self.call("focus", kind, item_id, list(crew_ids))

    def centre_on(self, lat: float, lon: float) -> None:
        """Pan (not zoom) to a WGS-84 point."""
        self.call("centreOn", *self.to_page(lat, lon))

    def fit_points(self, points: Iterable[tuple[float, float]], max_zoom: int = 13) -> None:
        """Zoom to show every WGS-84 point."""
        self.call("fitPoints", [list(self.to_page(lat, lon)) for lat, lon in points], max_zoom)

    def set_labels(self, labels: Mapping[str, Any]) -> None:
        """Translate the legend, layer names and popups."""
        self.call("setLabels", dict(labels))

    def set_theme(self, theme: str) -> None:
        """Draw the page in the "light" or "dark" theme (tiles, boundaries, legend)."""
        self.call("setTheme", theme)

    def set_pick_mode(self, on: bool) -> None:
        """While on, the next click on the map reports its location."""
        self.call("setPickMode", on)

    # -- rows to page items -----------------------------------------------------------

    def _depot(self, row: DepotRow) -> dict[str, Any]:
        lat, lon = self.to_page(row.lat, row.lon)
        return {
            "id": row.id,
            "lat": lat,
            "lon": lon,
            "code": row.code,
            "name_zh": row.name_zh,
            "name_en": row.name_en,
            "city_zh": row.city_zh,
            "city_en": row.city_en,
            "phone": row.phone,
        }

    def _crews(self, rows: Iterable[CrewRow]) -> list[list[Any]]:
        # Positional, not keyed, and positions in whole micro-degrees (0.1 m):
        # thousands go at once, and writing integers is much cheaper than floats.
        # The page unpacks them in console_map.js (crewFromArray) in this order.
        # Vocabulary members are str subclasses, which json writes as their codes.
        project = self.to_page
        items: list[list[Any]] = []
        for r in rows:
            lat, lon = project(r.lat, r.lon)
            items.append(
                [
                    r.id,
                    round(lat * MICRO),
                    round(lon * MICRO),
                    r.status,
                    r.vehicle_kind,
                    r.call_sign,
                    r.depot_code,
                ]
            )
        return items

    def _trail(self, points: Iterable[TrailPoint]) -> list[list[float]]:
        project = self.to_page
        return [[round(v, 6) for v in project(p.lat, p.lon)] for p in points]

    def _hole(self, rank: int, hole: Hole) -> dict[str, Any]:
        lat, lon = self.to_page(hole.place.lat, hole.place.lon)
        return {
            "id": hole_id(hole),
            "lat": lat,
            "lon": lon,
            "rank": rank,
            "city_zh": hole.place.name_zh,
            "city_en": hole.place.name_en,
            "group": hole.group,
            "minutes": None if hole.minutes is None else round(hole.minutes),
            "nearest": hole.nearest,
        }

    def _request(self, row: RequestRow) -> dict[str, Any]:
        lat, lon = self.to_page(row.lat, row.lon)
        return {
            "id": row.id,
            "lat": lat,
            "lon": lon,
            "reference": row.reference,
            "priority": row.priority.value,
            "status": row.status.value,
            "service": row.service_type.value,
            "address": row.address,
        }


def hole_id(hole: Hole) -> str:
    """A coverage hole's id on the page: its place and capability group."""
    return f"{hole.place.key}:{hole.group}"


def _js(value: Any) -> str:
    # ASCII JSON (non-ASCII text as \u escapes) is valid JavaScript, line
    # separators included, and quicker to write than UTF-8 JSON.
    return json.dumps(value, separators=(",", ":"))
