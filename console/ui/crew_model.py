"""The crew board as a Qt table model, with its filter proxy.

Like the request queue, rows are immutable :class:`~console.core.records.CrewRow`
objects updated in place from the change feed (insert / dataChanged / remove,
never a reset). GPS ages are computed from the clock read at the last tick.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from console.core.field.feed import Feed, FeedRules, FeedState, feed_of
from console.core.records import CrewPosition, CrewRow, DepotRow
from console.core.vocab import CrewStatus, Skill, VehicleKind
from console.ui.i18n import current_language
from console.ui.icons import colour, icon
from console.ui.keyed_table import KeyedRowsModel, RowFilterProxy, runs
from console.ui.labels import label
from console.ui.plain_text import plain_tooltip
from console.ui.queue_filter import Region, search_key
from console.ui.queue_model import format_age

__all__ = [
    "BADGES_ROLE",
    "CREW_ROW_ROLE",
    "CREW_SORT_ROLE",
    "GPS_STALE_AFTER",
    "CrewColumn",
    "CrewFilter",
    "CrewFilterProxy",
    "CrewSortProxy",
    "CrewTableModel",
    "crew_status_colour",
    "feed_icon_name",
]

CREW_ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""Role returning the cell's :class:`CrewRow`."""
CREW_SORT_ROLE = CREW_ROW_ROLE + 1
"""Role returning a raw, comparable value for sorting."""
BADGES_ROLE = CREW_ROW_ROLE + 2
"""Role of the skills cell: a list of ``(text, palette colour name)`` badges."""

GPS_STALE_AFTER = timedelta(minutes=10)
"""A GPS fix older than this is flagged as stale."""

_STATUS_COLOUR = {
    CrewStatus.AVAILABLE: "ok",
    CrewStatus.ASSIGNED: "accent",
    CrewStatus.EN_ROUTE: "accent",
    CrewStatus.ON_SCENE: "accent",
    CrewStatus.TOWING: "accent",
    CrewStatus.OFF_DUTY: "muted",
    CrewStatus.OUT_OF_SERVICE: "danger",
}
_STATUS_ICON = {
    CrewStatus.AVAILABLE: "crew.available",
    CrewStatus.OFF_DUTY: "crew.off_duty",
    CrewStatus.OUT_OF_SERVICE: "crew.out_of_service",
}
_FEED_COLOUR = {
    FeedState.LIVE: "ok",
    FeedState.QUIET: "muted",
    FeedState.SILENT: "danger",
    FeedState.NEVER_REPORTED: "warn",
    FeedState.NO_DEVICE: "muted",
}
# Worst first, so an ascending sort puts the feeds that need a look at the top.
_FEED_ORDER = {
    FeedState.SILENT: 0,
    FeedState.NEVER_REPORTED: 1,
    FeedState.QUIET: 2,
    FeedState.LIVE: 3,
    FeedState.NO_DEVICE: 4,
}
_FEED_STATE_SPAN = 10.0**9
"""Seconds of feed age one state's sort band holds (about 31 years)."""
_SKILL_COLOUR = {Skill.EV_HV_CERTIFIED: "ev", Skill.BILINGUAL: "accent"}
_STATUS_ORDER = {status: n for n, status in enumerate(CrewStatus)}
_NO_GPS = float("inf")


class CrewColumn(IntEnum):
    """The crew board's columns, in display order."""

    CALL_SIGN = 0
    DEPOT = 1
    VEHICLE = 2
    SKILLS = 3
    STATUS = 4
    GPS_AGE = 5
    JOB = 6
    FEED = 7


def feed_icon_name(state: FeedState) -> str:
    """The icon registry name of a feed state (each state its own glyph, not only colour)."""
    return f"feed.{state.value}"


def crew_status_colour(status: CrewStatus) -> QColor:
    """The palette colour that marks ``status``."""
    return colour(_STATUS_COLOUR[status])


class CrewTableModel(KeyedRowsModel[CrewRow]):
    """Every crew, one per row, updated in place."""

    def __init__(self, clock: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(len(CrewColumn), parent)
        self._clock = clock
        self._now = clock()
        self._depots: dict[int, DepotRow] = {}
        self._reference_of: Callable[[int], str | None] = lambda _request_id: None
        self._search_keys: dict[tuple[str, str], str] = {}
        self._feed_rules = FeedRules()
        self._feeds: dict[int, Feed] = {}
        self.tz: tzinfo | None = None
        """The zone fix times are shown in (None: the computer's)."""

    # -- reading -----------------------------------------------------------

    def depot(self, depot_id: int) -> DepotRow | None:
        """The depot ``depot_id`` if known."""
        return self._depots.get(depot_id)

    def set_depots(self, depots: Iterable[DepotRow]) -> None:
        """The depots crews belong to (for names, cities and region filters)."""
        self._depots = {depot.id: depot for depot in depots}
        self.retranslate()

    def set_reference_lookup(self, lookup: Callable[[int], str | None]) -> None:
        """How to turn a crew's current request id into a reference."""
        self._reference_of = lookup

    def search_text(self, row: CrewRow) -> str:
        """The folded text the search box looks in (call sign and depot code), computed once."""
        pair = (row.call_sign, row.depot_code)
        key = self._search_keys.get(pair)
        if key is None:
            # A newline never survives search_key(), so a needle cannot span both parts.
            key = self._search_keys[pair] = f"{search_key(pair[0])}\n{search_key(pair[1])}"
        return key

    def is_gps_stale(self, row: CrewRow) -> bool:
        """True when the last GPS fix is missing or older than :data:`GPS_STALE_AFTER`."""
        return row.gps_at is None or self._now - row.gps_at > GPS_STALE_AFTER

    @property
    def feed_rules(self) -> FeedRules:
        """When a feed counts as live or silent (the suggestions' rule)."""
        return self._feed_rules

    def set_feed_rules(self, rules: FeedRules) -> None:
        """Judge feeds by ``rules`` (the backend's, so board and suggestions agree)."""
        self._feed_rules = rules
        self._feeds.clear()
        self._refresh_column(CrewColumn.FEED, self._feed_roles())
        self._refresh_column(CrewColumn.CALL_SIGN, self._feed_roles())

    def feed(self, row: CrewRow) -> Feed:
        """The crew's feed state at the clock's last reading (cached until the next tick)."""
        found = self._feeds.get(row.id)
        if found is None or found.last_fix_at != row.gps_at:
            found = self._feeds[row.id] = feed_of(
                devices=row.devices,
                devices_since=row.devices_since,
                gps_at=row.gps_at,
                status=row.status,
                now=self._now,
                rules=self._feed_rules,
            )
        return found

    def feed_text(self, feed: Feed) -> str:
        """The short words of the Feed column (the state alone).

        The feed's age is the GPS age column beside it (and the tooltip's words):
        repeating it here made the column too wide to stay in view at 1366x768.
        """
        match feed.state:
            case FeedState.LIVE:
                return self.tr("Live")
            case FeedState.QUIET:
                return self.tr("Quiet")
            case FeedState.SILENT:
                return self.tr("Silent")
            case FeedState.NEVER_REPORTED:
                return self.tr("No fix yet")
            case FeedState.NO_DEVICE:
                return self.tr("No device")

    def _feed_tooltip(self, row: CrewRow) -> str:
        feed = self.feed(row)
        lines = []
        if feed.state is FeedState.SILENT:
            lines.append(
                self.tr("Feed silent for {age}: the position may be out of date.").format(
                    age=self._age_words(feed.age_minutes)
                )
            )
        elif feed.state is FeedState.NEVER_REPORTED:
            lines.append(self.tr("A device is registered but has not reported yet."))
        elif feed.state is FeedState.NO_DEVICE:
            lines.append(self.tr("No registered device: positions are entered by hand."))
        if row.gps_at is not None:
            shown = f"{row.gps_at.astimezone(self.tz):%Y-%m-%d %H:%M:%S}"
            lines.append(self.tr("Newest fix: {time}").format(time=shown))
        if row.devices:
            lines.append(self.tr("Active devices: {count}").format(count=row.devices))
        return "\n".join(lines)

    def _age_words(self, minutes: int) -> str:
        if minutes < 60:
            return self.tr("{minutes} min").format(minutes=minutes)
        return self.tr("{hours} h {minutes:02d} min").format(
            hours=minutes // 60, minutes=minutes % 60
        )

    @staticmethod
    def _feed_roles() -> list[int]:
        return [
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.FontRole,
        ]

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Translated column titles."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(CrewColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Call sign"),
                self.tr("Depot"),
                self.tr("Vehicle"),
                self.tr("Skills"),
                self.tr("Status"),
                self.tr("GPS age"),
                self.tr("Job"),
                self.tr("Feed"),
            ][section]
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Cell text, colours, icons, badges, tooltips and the raw row."""
        row = self._row_for(index)
        if row is None:
            return None
        column = CrewColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == CREW_ROW_ROLE:
            return row
        if role == CREW_SORT_ROLE:
            return self._sort_value(row, column)
        if role == BADGES_ROLE and column is CrewColumn.SKILLS:
            return [(self._skill_text(skill), _SKILL_COLOUR[skill]) for skill in sorted(row.skills)]
        if column is CrewColumn.FEED and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.FontRole,
        ):
            return self._feed_look(row, role)
        if (
            column is CrewColumn.CALL_SIGN
            and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole)
            and self.feed(row).flagged
        ):
            # The flag is the call sign itself in the Feed column's red bold: an icon
            # beside it would elide the one thing the dispatcher must read.
            return self._feed_look(row, role)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is CrewColumn.STATUS:
                return crew_status_colour(row.status)
            if column is CrewColumn.GPS_AGE and self.is_gps_stale(row):
                return colour("warn")
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if column is CrewColumn.STATUS:
                return icon(_STATUS_ICON.get(row.status, "crew.busy"))
            if column is CrewColumn.GPS_AGE and self.is_gps_stale(row):
                return icon("crew.gps_stale")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(row, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column is CrewColumn.GPS_AGE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _feed_look(self, row: CrewRow, role: int) -> Any:
        feed = self.feed(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return colour(_FEED_COLOUR[feed.state])
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(feed_icon_name(feed.state))
        if feed.flagged:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None

    def _skill_text(self, skill: Skill) -> str:
        if skill is Skill.EV_HV_CERTIFIED:
            return self.tr("HV")
        return self.tr("Bilingual")

    def depot_text(self, row: CrewRow) -> str:
        """Depot code and city in the current language."""
        depot = self._depots.get(row.depot_id)
        if depot is None:
            return row.depot_code
        city = depot.city_en if current_language() == "en" else depot.city_zh
        return f"{city} · {row.depot_code}"

    def _display(self, row: CrewRow, column: CrewColumn) -> str:
        match column:
            case CrewColumn.CALL_SIGN:
                return row.call_sign
            case CrewColumn.DEPOT:
                return self.depot_text(row)
            case CrewColumn.VEHICLE:
                return label(row.vehicle_kind)
            case CrewColumn.SKILLS:
                return " · ".join(self._skill_text(skill) for skill in sorted(row.skills))
            case CrewColumn.STATUS:
                if row.status_since is None:
                    return label(row.status)
                # Time in status in words: "1:17" could be read as minutes or hours.
                minutes = max(0, int((self._now - row.status_since).total_seconds() // 60))
                if minutes < 60:
                    in_status = self.tr("{minutes} min").format(minutes=minutes)
                else:
                    in_status = self.tr("{hours} h {minutes:02d} min").format(
                        hours=minutes // 60, minutes=minutes % 60
                    )
                return f"{label(row.status)} · {in_status}"
            case CrewColumn.GPS_AGE:
                if row.gps_at is None:
                    return "-"
                return format_age((self._now - row.gps_at).total_seconds())
            case CrewColumn.JOB:
                if row.current_request_id is None:
                    return ""
                return self._reference_of(row.current_request_id) or f"#{row.current_request_id}"
            case CrewColumn.FEED:
                return self.feed_text(self.feed(row))

    def _sort_value(self, row: CrewRow, column: CrewColumn) -> Any:
        match column:
            case CrewColumn.STATUS:
                return _STATUS_ORDER[row.status]
            case CrewColumn.GPS_AGE:
                return _NO_GPS if row.gps_at is None else (self._now - row.gps_at).total_seconds()
            case CrewColumn.SKILLS:
                return len(row.skills)
            case CrewColumn.FEED:
                feed = self.feed(row)
                # By state, worst first; within a state, the longest silence first (one
                # number: the sort proxy compares plain values only).
                age = (feed.age or timedelta(0)).total_seconds()
                return _FEED_ORDER[feed.state] * _FEED_STATE_SPAN - min(age, _FEED_STATE_SPAN - 1)
            case _:
                return self._display(row, column)

    def _tooltip(self, row: CrewRow, column: CrewColumn) -> str | None:
        if column is CrewColumn.FEED or (column is CrewColumn.CALL_SIGN and self.feed(row).flagged):
            return self._feed_tooltip(row)
        if column is CrewColumn.GPS_AGE and self.is_gps_stale(row):
            return self.tr("GPS fix is stale (older than 10 minutes)")
        if column is CrewColumn.SKILLS and row.skills:
            return "\n".join(label(skill) for skill in sorted(row.skills))
        if column is CrewColumn.DEPOT:
            depot = self._depots.get(row.depot_id)
            if depot is not None:
                return depot.name_en if current_language() == "en" else depot.name_zh
        return None

    # -- updating ----------------------------------------------------------

    def load(self, crews: Iterable[CrewRow]) -> None:
        """Show exactly ``crews`` (a full snapshot), updating in place."""
        rows = list(crews)
        self._retain_only({row.id for row in rows})
        self.apply(rows)

    def apply(self, crews: Iterable[CrewRow]) -> None:
        """Upsert ``crews``; rows older than the one shown are ignored."""
        self._now = self._clock()
        self._feeds.clear()
        self._upsert(crews)

    def move(self, positions: Iterable[CrewPosition]) -> list[CrewRow]:
        """Put moved crews where their vehicles reported, in place; returns the rows that moved.

        Only position, fix time and position revision change; a position no
        newer than the one shown, or of a crew not shown, is ignored.
        """
        self._now = self._clock()
        moved: list[CrewRow] = []
        changed: list[int] = []
        for position in positions:
            pos = self._index.get(position.id)
            if pos is None:
                continue
            row = self._rows[pos]
            if position.position_revision <= row.position_revision:
                continue
            new = replace(
                row,
                lat=position.lat,
                lon=position.lon,
                gps_at=position.gps_at,
                position_revision=position.position_revision,
            )
            self._rows[pos] = new
            self._feeds.pop(new.id, None)
            moved.append(new)
            changed.append(pos)
        last_column = len(CrewColumn) - 1
        for first, last in runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        return moved

    def advance_clock(self) -> None:
        """Read the clock without announcing it (see ``RequestQueueModel.advance_clock``)."""
        self._now = self._clock()
        self._feeds.clear()

    def tick(self) -> None:
        """Advance the clock: refresh only the GPS-age cells."""
        self._now = self._clock()
        self._feeds.clear()
        roles = [
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
        ]
        self._refresh_column(CrewColumn.GPS_AGE, roles)
        self._refresh_column(CrewColumn.STATUS, [Qt.ItemDataRole.DisplayRole])
        self._refresh_column(CrewColumn.FEED, self._feed_roles())
        self._refresh_column(CrewColumn.CALL_SIGN, [Qt.ItemDataRole.DecorationRole])

    def retranslate(self) -> None:
        """Headers and labels changed (language switch) or colours did (theme switch)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(CrewColumn) - 1)
        self._refresh_all()


@dataclass(frozen=True, slots=True)
class CrewFilter:
    """What the board shows; an empty set means "any"."""

    statuses: frozenset[CrewStatus] = field(default_factory=frozenset)
    kinds: frozenset[VehicleKind] = field(default_factory=frozenset)
    region: Region | None = None
    text: str = ""
    feeds: frozenset[FeedState] = field(default_factory=frozenset)

    @property
    def is_empty(self) -> bool:
        """True when every crew passes."""
        return not (self.statuses or self.kinds or self.region or self.text.strip() or self.feeds)

    def accepts(
        self, row: CrewRow, depots: Mapping[int, DepotRow], feed: FeedState | None = None
    ) -> bool:
        """Whether ``row`` passes; ``depots`` gives each crew's city and province and
        ``feed`` its feed state (needed only when filtering by feed)."""
        searched = f"{search_key(row.call_sign)}\n{search_key(row.depot_code)}"
        return self.passes(row, depots.get(row.depot_id), searched, search_key(self.text), feed)

    def passes(
        self,
        row: CrewRow,
        depot: DepotRow | None,
        searched: str,
        needle: str,
        feed: FeedState | None = None,
    ) -> bool:
        """:meth:`accepts` with the crew's depot, folded search text and the folded needle
        already at hand (the proxy keeps them, so filtering allocates nothing per row)."""
        if self.statuses and row.status not in self.statuses:
            return False
        if self.feeds and feed not in self.feeds:
            return False
        if self.kinds and row.vehicle_kind not in self.kinds:
            return False
        if self.region is not None:
            if depot is None:
                return False
            place = depot.city_zh if self.region.kind == "city" else depot.province_zh
            if place != self.region.name:
                return False
        return not needle or needle in searched


class CrewSortProxy(QSortFilterProxyModel):
    """Keeps every crew sorted by the raw values of the chosen column (no filtering).

    Sorting sits below the filter (:class:`CrewFilterProxy`): a filter change then
    only hides and shows rows of an order already known, instead of sorting the
    rows that come back one comparison (two calls into Python) at a time.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(CREW_SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.setSortLocaleAware(True)


class CrewFilterProxy(RowFilterProxy[CrewFilter]):
    """Applies a :class:`CrewFilter` to the crews, which :class:`CrewSortProxy` keeps sorted.

    The view sorts through this proxy (``sort()`` is passed down); the crew rows
    are read straight from the model.
    """

    crew_filter = RowFilterProxy.row_filter

    def __init__(self, model: CrewTableModel, parent: QObject | None = None) -> None:
        super().__init__(CREW_SORT_ROLE, CREW_ROW_ROLE, CrewFilter(), parent)
        self._model = model
        self.sorter = CrewSortProxy(self)
        self.sorter.setSourceModel(model)
        self.setSourceModel(self.sorter)
        self._needle = ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the crews (below the filter) by ``column``."""
        self.sorter.sort(column, order)

    def index_of(self, model_row: int) -> QModelIndex:
        """The index in this proxy of the model's row ``model_row`` (invalid if filtered out)."""
        sorted_index = self.sorter.mapFromSource(self._model.index(model_row, 0))
        return self.mapFromSource(sorted_index)

    def set_row_filter(self, new: CrewFilter) -> None:
        """Show only rows that pass ``new``."""
        self._needle = search_key(new.text)
        super().set_row_filter(new)

    def set_crew_filter(self, new: CrewFilter) -> None:
        """Show only crews that pass ``new``."""
        self.set_row_filter(new)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        """Apply the crew filter to the crew shown at ``source_row`` of the sorted crews."""
        crew_filter = self._filter
        if crew_filter.is_empty:
            return True
        model = self._model
        position = self.sorter.mapToSource(self.sorter.index(source_row, 0)).row()
        if position < 0:
            return True
        row = model.row_at(position)
        feed = model.feed(row).state if crew_filter.feeds else None
        return crew_filter.passes(
            row, model.depot(row.depot_id), model.search_text(row), self._needle, feed
        )
