"""The map dock: keeps the page in step with the queue and the crews, and answers clicks.

It takes the same :class:`~console.ui.live_sync.SyncBatch` the queue model and the
crew board take (``MainWindow.sig_synced``) and turns it into diffs for the page.
The selected request's best crews are ranked on a worker thread (ranking the
national fleet takes longer than a frame); their lines are drawn when the
answer arrives. Coverage holes (cities no free capable crew reaches within the
arrival target) are measured there too, a few seconds after crews change and
every minute; only the holes that appear, change or close go to the page.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from console.core.dispatch import SuggestionResult
from console.core.field.trail import TrailPoint
from console.core.map_tiles import TileSource
from console.core.ports import CoverageSource, DispatchAdvisor
from console.core.reach import Coverage, Hole
from console.core.records import CrewRow, DepotRow, RequestRow
from console.ui.background import BackgroundReads
from console.ui.live_sync import SyncBatch
from console.ui.map.labels import map_labels
from console.ui.map.view import MapView, hole_id
from console.ui.theme import current_theme

__all__ = ["HOLES_ON_MAP", "SUGGESTED_CREWS", "MapPanel"]

logger = logging.getLogger(__name__)

SUGGESTED_CREWS = 3
"""How many of the best crews get a line to the selected request."""
HOLES_ON_MAP = 25
"""How many of the worst coverage holes the map shows."""
COVERAGE_DELAY_MS = 3000
"""After crews change, wait this long for more before measuring coverage again."""
COVERAGE_TICK_MS = 60_000
"""Measure at least this often (travel times change with the hour)."""


class MapPanel(QWidget):
    """Depots, crews and open requests on the live map, with the selection's best crews."""

    sig_request_clicked = Signal(int)
    sig_crew_clicked = Signal(int)
    sig_intake_at = Signal(float, float)
    """The context menu's "new call here" point, WGS-84 (lat, lon)."""
    sig_location_picked = Signal(float, float)
    """The point clicked while picking for the intake, WGS-84 (lat, lon)."""

    def __init__(
        self,
        tiles: TileSource,
        folder: Path,
        advisor: DispatchAdvisor | None = None,
        parent: QWidget | None = None,
        *,
        coverage: CoverageSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MapPanel")
        self._advisor = advisor
        self._coverage = coverage
        self._holes: dict[str, tuple[int, Hole]] = {}
        self._requests: dict[int, RequestRow] = {}
        self._crews: dict[int, CrewRow] = {}
        self._depots: list[DepotRow] = []
        self._selected: int | None = None
        self._trail: tuple[int, list[TrailPoint]] | None = None
        self._focus_pending = False
        self._reads = BackgroundReads(self)
        self.view = MapView(tiles, folder, map_labels(), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        bridge = self.view.bridge
        bridge.sig_request_clicked.connect(self.sig_request_clicked)
        bridge.sig_crew_clicked.connect(self.sig_crew_clicked)
        bridge.sig_intake_at.connect(
            lambda lat, lon: self.sig_intake_at.emit(*self.view.from_page(lat, lon))
        )
        bridge.sig_location_picked.connect(
            lambda lat, lon: self.sig_location_picked.emit(*self.view.from_page(lat, lon))
        )
        self._loads = 0
        self._theme = current_theme().value
        self.view.set_theme(self._theme)
        self.view.sig_ready.connect(self._on_page_ready)
        self.setWindowTitle(self.tr("Map"))
        self._coverage_delay = QTimer(self)
        self._coverage_delay.setSingleShot(True)
        self._coverage_delay.setInterval(COVERAGE_DELAY_MS)
        self._coverage_delay.timeout.connect(self.refresh_holes)
        self._coverage_tick = QTimer(self)
        self._coverage_tick.setInterval(COVERAGE_TICK_MS)
        self._coverage_tick.timeout.connect(self.refresh_holes)
        if coverage is not None:
            self._coverage_tick.start()
            self.refresh_holes()

    # -- data ----------------------------------------------------------------------

    @property
    def request_ids(self) -> set[int]:
        """The open requests on the map."""
        return set(self._requests)

    @property
    def crew_ids(self) -> set[int]:
        """The crews on the map."""
        return set(self._crews)

    def set_depots(self, depots: Iterable[DepotRow]) -> None:
        """Show exactly these depots."""
        self._depots = list(depots)
        self.view.set_depots(self._depots)

    def load(self, requests: Iterable[RequestRow], crews: Iterable[CrewRow]) -> None:
        """Replace every request and crew (a snapshot)."""
        self._requests = {r.id: r for r in requests if r.is_open}
        self._crews = {c.id: c for c in crews}
        self.view.set_requests(self._requests.values())
        self.view.set_crews(self._crews.values())

    def take_batch(self, batch: SyncBatch) -> None:
        """Apply one poll's rows: a snapshot replaces, a diff upserts and removes."""
        if batch.snapshot:
            self.load(batch.requests, batch.crews)
        else:
            self.apply(batch.requests, batch.crews)
        if batch.crews and self._coverage is not None and not self._coverage_delay.isActive():
            self._coverage_delay.start()
        if self._selected is not None and self._touches_selection(batch):
            self._ask_suggestions(self._selected, focus=False)

    def apply(self, requests: Iterable[RequestRow], crews: Iterable[CrewRow]) -> None:
        """Upsert changed rows; requests that closed leave the map."""
        opened: list[RequestRow] = []
        closed: list[int] = []
        for row in requests:
            if row.is_open:
                self._requests[row.id] = row
                opened.append(row)
            elif self._requests.pop(row.id, None) is not None:
                closed.append(row.id)
        if opened:
            self.view.upsert_requests(opened)
        if closed:
            self.view.remove_requests(closed)
        moved = list(crews)
        if moved:
            self._crews.update((c.id, c) for c in moved)
            self.view.upsert_crews(moved)

    def move_crews(self, crews: Iterable[CrewRow]) -> None:
        """Crews that only moved (fixes): their markers follow; nothing else is asked again."""
        moved = list(crews)
        if moved:
            self._crews.update((c.id, c) for c in moved)
            self.view.upsert_crews(moved)

    def _on_page_ready(self) -> None:
        self._loads += 1
        if self._loads > 1:
            # The renderer was restarted: the new page starts empty and light.
            self.view.set_theme(self._theme)
            self.view.set_depots(self._depots)
            self.view.set_requests(self._requests.values())
            self.view.set_crews(self._crews.values())
            self.view.upsert_holes(self._holes.values())
            if self._trail is not None:
                self.view.set_trail(*self._trail)

    # -- coverage holes ------------------------------------------------------------

    @property
    def hole_ids(self) -> list[str]:
        """The coverage holes on the map, worst first."""
        return [key for key, _ in sorted(self._holes.items(), key=lambda item: item[1][0])]

    def refresh_holes(self) -> None:
        """Measure coverage on the worker; the holes on the page follow the answer."""
        source = self._coverage
        if source is None or self._reads.pending("coverage"):
            return
        self._reads.submit("coverage", source.coverage_now, self.show_holes, self._no_coverage)

    def show_holes(self, coverage: Coverage) -> None:
        """Show the worst holes of ``coverage``: only new, changed and closed ones go to the page."""
        wanted = {hole_id(h): (rank, h) for rank, h in enumerate(coverage.worst(HOLES_ON_MAP), 1)}
        changed = [
            entry
            for key, entry in wanted.items()
            if _shown_as(self._holes.get(key)) != _shown_as(entry)
        ]
        gone = [key for key in self._holes if key not in wanted]
        self._holes = wanted
        if gone:
            self.view.remove_holes(gone)
        if changed:
            self.view.upsert_holes(changed)

    def _no_coverage(self, error: BaseException) -> None:
        # Keep the last holes: the database may be away for a moment.
        logger.warning("coverage holes not measured: %s", error)

    def set_theme(self, theme: str) -> None:
        """Follow the window's theme ("light" or "dark"; see ``MainWindow.sig_theme_changed``)."""
        self._theme = theme
        self.view.set_theme(theme)

    # -- selection -----------------------------------------------------------------

    def show_request(self, request_id: int | None) -> None:
        """Centre on the request, ring it and draw lines from its best crews.

        The view moves once the best crews are ranked, to take them in too.
        """
        self._selected = request_id
        if request_id is None:
            self._reads.cancel("suggestions")
            self.view.clear_routes()
            return
        row = self._requests.get(request_id)
        if row is None:
            self._reads.cancel("suggestions")
            self.view.clear_routes()
            return
        self.view.highlight("request", request_id)
        self.view.clear_routes()
        if self._advisor is None:
            self.view.focus("request", request_id, [])
        self._ask_suggestions(request_id, focus=True)

    def show_crew(self, crew_id: int | None) -> None:
        """Ring the crew (the view is not moved: the dispatcher may be looking elsewhere)."""
        if crew_id is not None and crew_id in self._crews:
            self.view.highlight("crew", crew_id)

    # -- the selected job's crew trail -----------------------------------------------

    @property
    def trail(self) -> tuple[int, tuple[TrailPoint, ...]] | None:
        """The crew whose trail is drawn and its points (None: no trail)."""
        return None if self._trail is None else (self._trail[0], tuple(self._trail[1]))

    def show_trail(self, crew_id: int, points: tuple[TrailPoint, ...]) -> None:
        """Draw crew ``crew_id``'s trail (oldest first) instead of any other."""
        fresh = self._trail is None or self._trail[0] != crew_id or not self._trail[1]
        self._trail = (crew_id, list(points))
        self.view.clear_routes()
        self.view.set_trail(crew_id, points)
        row = self._requests.get(self._selected) if self._selected is not None else None
        if fresh and points and row is not None:
            # The job's own picture (its scene and where its crew drove) wins over
            # the view the suggestion lines would have chosen.
            self._focus_pending = False
            self.view.fit_points([(row.lat, row.lon), *((p.lat, p.lon) for p in points)], 16)

    def extend_trail(self, crew_id: int, points: tuple[TrailPoint, ...]) -> None:
        """Add newer fixes to the end of the trail (only the new ones go to the page)."""
        if self._trail is None or self._trail[0] != crew_id:
            self.show_trail(crew_id, points)
            return
        self._trail[1].extend(points)
        self.view.extend_trail(crew_id, points)

    def clear_trail(self) -> None:
        """Take the trail off the map."""
        if self._trail is not None:
            self._trail = None
            self.view.clear_trail()

    def start_location_pick(self) -> None:
        """The intake wants a location: the next click on the map gives it."""
        self.view.set_pick_mode(True)

    def _ask_suggestions(self, request_id: int, *, focus: bool) -> None:
        """Rank the best crews on the worker; lines (and the view) follow the answer."""
        advisor = self._advisor
        if advisor is None:
            return
        self._focus_pending = self._focus_pending or focus
        self._reads.submit(
            "suggestions",
            lambda: advisor.suggest(request_id, limit=SUGGESTED_CREWS),
            lambda result: self._draw_suggestions(request_id, result),
            lambda error: self._no_suggestions(request_id, error),
        )

    def _draw_suggestions(self, request_id: int, result: SuggestionResult) -> None:
        """Lines from the best crews to the request (if it is still the selected one)."""
        if request_id != self._selected:
            return
        if self._trail is not None:
            # A job with a crew shows where that crew drove, not who else could go.
            if self._focus_pending and not self._trail[1]:
                self.view.focus("request", request_id, [self._trail[0]])
            self._focus_pending = False
            return
        crews = [s.crew_id for s in result.suggestions]
        self.view.show_routes(request_id, crews)
        if self._focus_pending:
            self.view.focus("request", request_id, crews)
        self._focus_pending = False

    def _no_suggestions(self, request_id: int, error: BaseException) -> None:
        # A failing engine must not take the map with it.
        logger.warning("no suggestions for request %s on the map", request_id, exc_info=error)
        if request_id == self._selected:
            self.view.clear_routes()
            if self._focus_pending:
                self.view.focus("request", request_id, [])
        self._focus_pending = False

    def _touches_selection(self, batch: SyncBatch) -> bool:
        return batch.snapshot or any(r.id == self._selected for r in batch.requests)

    # -- language ------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """Push translated labels to the page when the UI language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Map"))
            self.view.set_labels(map_labels())
        super().changeEvent(event)


def _shown_as(entry: tuple[int, Hole] | None) -> tuple[object, ...] | None:
    """What the page shows of a hole: a change in any of these is sent, nothing else is."""
    if entry is None:
        return None
    rank, hole = entry
    minutes = None if hole.minutes is None else round(hole.minutes)
    return (rank, minutes, hole.nearest)
