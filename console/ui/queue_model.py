"""The live request queue as a Qt table model.

Rows are immutable :class:`~console.core.records.RequestRow` objects kept in a
list plus an id -> position index. Changes from the data layer are applied in
place (insert, dataChanged, remove): the model is never reset, so the view's
selection and scroll position survive every update.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta
from enum import Enum, IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from console.core.guards import projected_overrun
from console.core.records import RequestChanges, RequestRow
from console.core.sla import WAITING_STATUSES, DeadlineKind, SlaTargets
from console.core.vocab import Powertrain, Priority, RequestStatus
from console.ui.i18n import current_language
from console.ui.icons import colour, icon, priority_icon_name, service_icon_name
from console.ui.keyed_table import KeyedRowsModel
from console.ui.labels import label
from console.ui.plain_text import plain_tooltip

__all__ = [
    "AT_RISK_FRACTION",
    "ROW_ROLE",
    "SLA_STATE_ROLE",
    "SORT_ROLE",
    "Column",
    "RequestQueueModel",
    "SlaState",
    "format_age",
    "format_countdown",
    "sla_due",
    "sla_remaining",
    "sla_state",
    "urgency_key",
]

ROW_ROLE = int(Qt.ItemDataRole.UserRole)
"""Role returning the :class:`RequestRow` behind any cell."""
SORT_ROLE = ROW_ROLE + 1
"""Role returning a raw, comparable value for sorting the cell's column."""
SLA_STATE_ROLE = ROW_ROLE + 2
"""Role returning the row's :class:`SlaState`."""

AT_RISK_FRACTION = 0.25
"""An SLA is at risk when less than this share of its target time is left."""

_NO_ETA = 2**31 - 1
_P1_BACKGROUND = QColor(198, 40, 40, 36)
_BREACHED_BACKGROUND = QColor(198, 40, 40, 72)
_STATUS_ORDER = {status: n for n, status in enumerate(RequestStatus)}
_PRIORITY_ORDER = {priority: n for n, priority in enumerate(Priority)}


class Column(IntEnum):
    """The queue's columns, in display order."""

    REFERENCE = 0
    AGE = 1
    PRIORITY = 2
    SERVICE = 3
    VEHICLE = 4
    LOCATION = 5
    STATUS = 6
    CREW = 7
    ETA = 8
    SLA = 9


class SlaState(Enum):
    """How a request stands against its current service-level target."""

    NONE = "none"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BREACHED = "breached"


_DEFAULT_TARGETS = SlaTargets()

_UNDER_WAY_OFFSET = 1e11
"""Urgency keys of jobs under way start here (waiting requests sort by their due
time in seconds since 1970, far below it)."""


def sla_due(row: RequestRow, targets: SlaTargets = _DEFAULT_TARGETS) -> datetime | None:
    """The deadline that matters now: triage while on the phone, assignment while
    queued, arrival while travelling."""
    deadline = targets.deadline(row)
    return None if deadline is None else deadline.due


def sla_remaining(
    row: RequestRow, now: datetime, targets: SlaTargets = _DEFAULT_TARGETS
) -> timedelta | None:
    """Time left until :func:`sla_due` (negative once breached), or ``None``."""
    due = sla_due(row, targets)
    return None if due is None else due - now


def sla_state(row: RequestRow, now: datetime, targets: SlaTargets = _DEFAULT_TARGETS) -> SlaState:
    """Classify the row's SLA: none, on track, at risk or breached."""
    deadline = targets.deadline(row)
    if deadline is None:
        return SlaState.NONE
    left = (deadline.due - now).total_seconds()
    if left < 0:
        return SlaState.BREACHED
    if projected_overrun(row) > 0:
        # The crew on its way is projected to arrive late: at risk however much time is left.
        return SlaState.AT_RISK
    target = deadline.target_seconds
    if target > 0 and left < AT_RISK_FRACTION * target:
        return SlaState.AT_RISK
    return SlaState.ON_TRACK


def urgency_key(row: RequestRow, targets: SlaTargets = _DEFAULT_TARGETS) -> float:
    """Sorts what needs action first: waiting requests by their deadline, soonest
    first; then jobs under way by their arrival deadline; then those on scene.

    The key does not move with the clock, so the order holds between updates.
    """
    deadline = targets.deadline(row)
    if row.status in WAITING_STATUSES and deadline is not None:
        return deadline.due.timestamp()
    if deadline is not None:
        return _UNDER_WAY_OFFSET + deadline.due.timestamp()
    return 2 * _UNDER_WAY_OFFSET + row.created_at.timestamp()


def format_age(seconds: float) -> str:
    """``mm:ss`` under an hour, ``h:mm`` from then on; negative ages show as zero."""
    total = max(0, math.floor(seconds))
    if total < 3600:
        return f"{total // 60:02d}:{total % 60:02d}"
    return f"{total // 3600}:{total % 3600 // 60:02d}"


def format_countdown(seconds: float) -> str:
    """``mm:ss`` under an hour, ``h:mm:ss`` from then on (absolute value)."""
    total = math.floor(abs(seconds))
    hours, rest = divmod(total, 3600)
    if hours:
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{rest // 60:02d}:{rest % 60:02d}"


class RequestQueueModel(KeyedRowsModel[RequestRow]):
    """Open requests, one per row, updated in place from a change feed.

    ``clock`` returns the current UTC-aware time; ages and SLA countdowns are
    computed from the value read at the last :meth:`tick` or update.
    """

    def __init__(
        self,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
        *,
        targets: SlaTargets | None = None,
    ) -> None:
        super().__init__(len(Column), parent)
        self._clock = clock
        self._now = clock()
        self._bold: QFont | None = None
        self._city_en: dict[str, str] = {}
        self._targets = targets or SlaTargets()
        self._urgency_keys: dict[int, tuple[RequestRow, float]] = {}

    @property
    def targets(self) -> SlaTargets:
        """The service-level targets the countdowns run against."""
        return self._targets

    # -- reading -----------------------------------------------------------

    def reference_of(self, request_id: int) -> str | None:
        """The reference of an open request shown here, or ``None``."""
        pos = self._index.get(request_id)
        return None if pos is None else self._rows[pos].reference

    def set_city_names(self, english: dict[str, str]) -> None:
        """English names of the (Chinese) city names requests store, for the English UI."""
        self._city_en = dict(english)
        self.retranslate()

    def city_text(self, city: str) -> str:
        """``city`` in the current language (stored names are Chinese)."""
        if current_language() == "en":
            return self._city_en.get(city, city)
        return city

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Translated column titles for the horizontal header."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def _headers(self) -> list[str]:
        return [
            self.tr("Reference"),
            self.tr("Age"),
            self.tr("Priority"),
            self.tr("Service"),
            self.tr("Vehicle"),
            self.tr("Location"),
            self.tr("Status"),
            self.tr("Crew"),
            self.tr("ETA (min)"),
            self.tr("SLA"),
        ]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Cell text, colours, fonts, icons, tooltips and the raw row (``ROW_ROLE``)."""
        row = self._row_for(index)
        if row is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == SLA_STATE_ROLE:
            return sla_state(row, self._now, self._targets)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold_font() if row.priority is Priority.P1 else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(row, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.AGE,
            Column.ETA,
            Column.SLA,
        ):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _display(self, row: RequestRow, column: Column) -> str:
        match column:
            case Column.REFERENCE:
                return row.reference
            case Column.AGE:
                return format_age((self._now - row.created_at).total_seconds())
            case Column.PRIORITY:
                return label(row.priority)
            case Column.SERVICE:
                return label(row.service_type)
            case Column.VEHICLE:
                parts = [part for part in (row.plate, row.make_model) if part]
                if row.powertrain in (Powertrain.EV, Powertrain.HEV):
                    parts.append(row.powertrain.value)
                return " · ".join(parts) or "-"
            case Column.LOCATION:
                city = self.city_text(row.city)
                return " · ".join(part for part in (city, row.address) if part) or "-"
            case Column.STATUS:
                return label(row.status)
            case Column.CREW:
                return row.assigned_crew_call_sign or "-"
            case Column.ETA:
                return "-" if row.eta_minutes is None else str(row.eta_minutes)
            case Column.SLA:
                left = sla_remaining(row, self._now, self._targets)
                if left is None:
                    return "-"
                seconds = left.total_seconds()
                if seconds < 0:
                    return self.tr("+{time} overdue").format(time=format_countdown(seconds))
                return format_countdown(seconds)

    def _sort_value(self, row: RequestRow, column: Column) -> Any:
        match column:
            case Column.REFERENCE:
                return row.reference
            case Column.AGE:
                # Older requests have earlier creation times: negate so "larger" = older.
                return -row.created_at.timestamp()
            case Column.PRIORITY:
                return _PRIORITY_ORDER[row.priority]
            case Column.SERVICE:
                return label(row.service_type)
            case Column.VEHICLE:
                return row.plate
            case Column.LOCATION:
                return f"{row.city} {row.address}"
            case Column.STATUS:
                return _STATUS_ORDER[row.status]
            case Column.CREW:
                return row.assigned_crew_call_sign or ""
            case Column.ETA:
                return _NO_ETA if row.eta_minutes is None else row.eta_minutes
            case Column.SLA:
                return self._urgency(row)

    def _urgency(self, row: RequestRow) -> float:
        # Sorting asks for the key of one row many times; rows are immutable, so the
        # key is kept until the row object is replaced by an update.
        cached = self._urgency_keys.get(row.id)
        if cached is not None and cached[0] is row:
            return cached[1]
        key = urgency_key(row, self._targets)
        self._urgency_keys[row.id] = (row, key)
        return key

    def _bold_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont()
            self._bold.setBold(True)
        return self._bold

    def _foreground(self, row: RequestRow, column: Column) -> QColor | None:
        if column is not Column.SLA:
            return None
        state = sla_state(row, self._now, self._targets)
        if state is SlaState.ON_TRACK:
            return colour("ok")
        if state is SlaState.AT_RISK:
            return colour("warn")
        if state is SlaState.BREACHED:
            return colour("danger")
        return None

    def _background(self, row: RequestRow, column: Column) -> QColor | None:
        state = sla_state(row, self._now, self._targets)
        if column is Column.SLA and state is SlaState.BREACHED:
            return _BREACHED_BACKGROUND
        if row.priority is Priority.P1:
            return _P1_BACKGROUND
        return None

    def _decoration(self, row: RequestRow, column: Column) -> Any:
        if column is Column.PRIORITY:
            return icon(priority_icon_name(row.priority))
        if column is Column.SERVICE:
            return icon(service_icon_name(row.service_type))
        if column is Column.VEHICLE and row.powertrain in (Powertrain.EV, Powertrain.HEV):
            return icon("vehicle.ev")
        if column is Column.ETA and projected_overrun(row) > 0:
            return icon("app.warning")
        return None

    def _tooltip(self, row: RequestRow, column: Column) -> str | None:
        late = projected_overrun(row)
        late_text = (
            self.tr("ETA exceeds target by {minutes} min").format(minutes=late) if late else None
        )
        if column is Column.SLA:
            clock = self._clock_tooltip(row)
            return "\n".join(text for text in (clock, late_text) if text) or None
        if column is Column.ETA:
            return late_text
        if column is Column.PRIORITY:
            return row.priority_reason or None
        if column is Column.VEHICLE:
            details = [row.make_model, label(row.powertrain), label(row.vehicle_class)]
            return " · ".join(part for part in details if part)
        if column is Column.LOCATION:
            return " · ".join(part for part in (row.address, label(row.road_type)) if part)
        return None

    def _clock_tooltip(self, row: RequestRow) -> str | None:
        deadline = self._targets.deadline(row)
        if deadline is None:
            return None
        texts = {
            DeadlineKind.TRIAGE: self.tr("Triage: queue the request or resolve it by phone"),
            DeadlineKind.ASSIGN: self.tr("Assignment: a crew must be assigned"),
            DeadlineKind.ARRIVE: self.tr("Arrival: the crew must be on scene"),
        }
        return texts[deadline.kind]

    # -- updating ----------------------------------------------------------

    def load(self, changes: RequestChanges) -> None:
        """Show exactly the open requests in ``changes`` (a full snapshot).

        Rows missing from the snapshot are removed, the rest upserted in place.
        """
        present = {row.id for row in changes.requests}
        self._retain_only(present)
        self._urgency_keys = {k: v for k, v in self._urgency_keys.items() if k in present}
        self.apply(changes)

    def apply(self, changes: RequestChanges) -> None:
        """Upsert the rows in ``changes``: insert new open rows, update changed
        ones, remove those that are no longer open. Stale rows (an older
        revision than shown) are ignored.
        """
        self._now = self._clock()
        self._upsert(changes.requests)
        for row in changes.requests:
            if not row.is_open:
                self._urgency_keys.pop(row.id, None)

    def _keeps(self, row: RequestRow) -> bool:
        """Only open requests are shown; one that closes is removed."""
        return row.is_open

    def advance_clock(self) -> None:
        """Read the clock without announcing it; views repaint what they show.

        Ages and countdowns move alike for every row, so neither order nor
        filter can change; announcing every cell each second through
        ``dataChanged`` would make a filtering proxy re-check every row.
        """
        self._now = self._clock()

    def tick(self) -> None:
        """Advance the clock: refresh only the age and SLA cells."""
        self._now = self._clock()
        # SORT_ROLE is left out on purpose: every age and countdown moves by the
        # same amount, so the order cannot change and the proxy need not re-sort.
        roles = [
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
            SLA_STATE_ROLE,
        ]
        for column in (Column.AGE, Column.SLA):
            self._refresh_column(column, roles)

    def restyle(self) -> None:
        """Tell views that colours and icons changed after a theme switch."""
        self._refresh_all()

    def retranslate(self) -> None:
        """Tell views that headers and labels changed after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self._refresh_all()
