"""Follows the selected job's crew: its trail since assignment, live ETA and arrival.

The tracker listens to the window (selection, changed requests, changed crews)
and reads the crew's trail on the reader thread: the whole trail once when a
job is selected, then only the fixes newer than the last one it holds when the
crew moves. The map gets the trail as diffs (set once, then extended); the
detail panel's strip gets a :class:`JobView` whenever the ETA, the fix's age or
the arrival changes. It never moves a job: "arrived?" is a question for the
dispatcher.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from PySide6.QtCore import QObject, QTimer, Signal

from console.core.eta import EtaModel
from console.core.field.arrival import Arrival, arrival
from console.core.field.live_eta import FeedSilent, LiveEta, live_eta
from console.core.field.trail import TRAIL_LIMIT, TrailPoint, thin_trail
from console.core.ports import TrailSource
from console.core.records import CrewRow, RequestRow
from console.core.vocab import RequestStatus
from console.ui.background import BackgroundReads

__all__ = ["ARRIVING", "TICK_MS", "TRAILED", "JobTracker", "JobView"]

logger = logging.getLogger(__name__)

TRAILED = frozenset(
    {RequestStatus.ASSIGNED, RequestStatus.EN_ROUTE, RequestStatus.ON_SCENE, RequestStatus.TOWING}
)
"""Jobs whose crew's trail is drawn: a crew holds them."""
ARRIVING = frozenset({RequestStatus.ASSIGNED, RequestStatus.EN_ROUTE})
"""Jobs whose crew is still on its way: they get a live ETA and may be asked "arrived?"."""
TICK_MS = 1000
"""How often the fix's age (and the silence of the feed) is looked at again."""


@dataclass(frozen=True, slots=True)
class JobView:
    """What the strip shows about the tracked job (None: nothing to show)."""

    request: RequestRow
    crew_call_sign: str
    eta: LiveEta | FeedSilent | None
    """None once the crew is on scene (no ETA to give)."""
    arrival: Arrival | None
    """Set while the "arrived?" question stands (not dismissed, job still on its way)."""


class JobTracker(QObject):
    """Keeps the trail, live ETA and arrival of the selected job's crew."""

    sig_trail_set = Signal(int, object)
    """(crew id, tuple of :class:`TrailPoint`): draw this trail instead of any other."""
    sig_trail_extended = Signal(int, object)
    """(crew id, tuple of newer :class:`TrailPoint`): add them to the end of the trail."""
    sig_trail_cleared = Signal()
    """No job to follow: take the trail away."""
    sig_view = Signal(object)
    """A :class:`JobView`, or None when the selection has nothing to show."""

    def __init__(
        self,
        source: TrailSource,
        clock: Callable[[], datetime],
        find_crew: Callable[[int], CrewRow | None],
        tz: tzinfo | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self._find_crew = find_crew
        self._tz = tz
        self._reads = BackgroundReads(self)
        self._model: EtaModel | None = None
        self._row: RequestRow | None = None
        self._crew_id: int | None = None
        self._points: list[TrailPoint] = []
        self._loaded = False
        self._again = False
        self._dismissed: dict[int, datetime] = {}
        self._view: JobView | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._publish)

    # -- what the window says ------------------------------------------------------

    @property
    def request(self) -> RequestRow | None:
        """The job followed (None: none)."""
        return self._row

    @property
    def trail(self) -> tuple[TrailPoint, ...]:
        """The trail held for the followed crew, oldest first."""
        return tuple(self._points)

    @property
    def view(self) -> JobView | None:
        """What the strip shows now."""
        return self._view

    def show_request(self, row: RequestRow | None) -> None:
        """Follow ``row``'s crew (None: the selection is empty)."""
        self._follow(row)

    def take_requests(self, rows: Iterable[RequestRow]) -> None:
        """A changed row of the followed job may start, move or end the following."""
        current = self._row
        if current is None:
            return
        for row in rows:
            if row.id == current.id and row.revision >= current.revision:
                self._follow(row)
                return

    def take_crews(self, crews: Sequence[CrewRow]) -> None:
        """The followed crew moved: fetch its newer fixes and recompute the ETA."""
        if self._crew_id is None or not any(c.id == self._crew_id for c in crews):
            return
        self._fetch()
        self._publish()

    def dismiss_arrival(self) -> None:
        """The dispatcher answered "not yet": ask again only after the crew leaves and returns."""
        view = self._view
        if view is None or view.arrival is None:
            return
        self._dismissed[view.request.id] = view.arrival.since
        self._publish()

    # -- following -----------------------------------------------------------------

    def _follow(self, row: RequestRow | None) -> None:
        trailed = (
            row is not None
            and row.status in TRAILED
            and row.assigned_crew_id is not None
            and row.assigned_at is not None
        )
        if not trailed or row is None:
            # Kept: the job may yet be assigned (its changed row comes to take_requests).
            self._row = row
            self._stop()
            return
        same = (
            self._row is not None
            and self._row.id == row.id
            and self._crew_id == row.assigned_crew_id
            and self._row.assigned_at == row.assigned_at
        )
        self._row = row
        if not same:
            self._crew_id = row.assigned_crew_id
            self._points = []
            self._loaded = False
            self._again = False
            self._reads.cancel("trail")
            self.sig_trail_set.emit(self._crew_id, ())
            self._fetch()
        if not self._tick.isActive():
            self._tick.start()
        self._publish()

    def _stop(self) -> None:
        was_following = self._crew_id is not None
        self._crew_id = None
        self._points = []
        self._loaded = False
        self._reads.cancel("trail")
        self._tick.stop()
        if was_following:
            self.sig_trail_cleared.emit()
        self._set_view(None)

    def _fetch(self) -> None:
        """Read the whole trail (first time) or the fixes from the newest one held on."""
        row, crew_id = self._row, self._crew_id
        if row is None or crew_id is None or row.assigned_at is None:
            return
        if self._reads.pending("trail"):
            self._again = True  # asking now would drop the answer on its way
            return
        since = self._points[-1].at if self._points else row.assigned_at
        source = self._source
        first = not self._loaded
        self._reads.submit(
            "trail",
            lambda: source.crew_trail(crew_id, since),
            lambda points: self._take_trail(crew_id, points, first=first),
            self._trail_failed,
        )

    def _take_trail(self, crew_id: int, points: tuple[TrailPoint, ...], *, first: bool) -> None:
        if crew_id != self._crew_id:
            return
        newest = self._points[-1].at if self._points else None
        fresh = tuple(p for p in points if newest is None or p.at > newest)
        self._points.extend(fresh)
        self._loaded = True
        if len(self._points) > 2 * TRAIL_LIMIT:
            # A long job: thin what is held (the newest fixes stay whole) and
            # redraw it once, rather than let the page grow without end.
            self._points = list(thin_trail(self._points))
            first = True
        if first:
            self.sig_trail_set.emit(crew_id, tuple(self._points))
        elif fresh:
            self.sig_trail_extended.emit(crew_id, fresh)
        if self._again:
            self._again = False
            self._fetch()
        self._publish()

    def _trail_failed(self, error: BaseException) -> None:
        # The database may be away for a moment: keep what is drawn, try on the next move.
        logger.warning("crew trail not read: %s", error)
        self._again = False

    # -- what the strip shows ----------------------------------------------------

    def _publish(self) -> None:
        row, crew_id = self._row, self._crew_id
        if row is None or crew_id is None:
            self._set_view(None)
            return
        crew = self._find_crew(crew_id)
        call_sign = crew.call_sign if crew is not None else (row.assigned_crew_call_sign or "")
        eta: LiveEta | FeedSilent | None = None
        found: Arrival | None = None
        if row.status in ARRIVING:
            eta = self._eta(row, crew)
            found = arrival(self._points, row.lat, row.lon)
            if found is not None and self._dismissed.get(row.id) == found.since:
                found = None
        self._set_view(JobView(row, call_sign, eta, found))

    def _eta(self, row: RequestRow, crew: CrewRow | None) -> LiveEta | FeedSilent:
        if crew is None:
            return FeedSilent(None, None)
        if self._model is None:
            try:
                self._model = self._source.eta_model()
            except Exception:  # the configured model failing must not hide the ETA
                logger.warning("ETA model not read; using the default", exc_info=True)
                self._model = EtaModel()
        now = self._clock()
        return live_eta(
            self._model,
            crew_lat=crew.lat,
            crew_lon=crew.lon,
            fix_at=crew.gps_at,
            lat=row.lat,
            lon=row.lon,
            road=row.road_type,
            local_hour=now.astimezone(self._tz).hour,
            rolling=row.status is RequestStatus.EN_ROUTE,
            now=now,
        )

    def _set_view(self, view: JobView | None) -> None:
        if view != self._view:
            self._view = view
            self.sig_view.emit(view)
