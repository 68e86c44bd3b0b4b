"""The request timeline: what happened to one request, read from the ledger.

Each row is one ledger event (oldest first): when, who, what (a translated
event kind) and the details that matter (crew, ETA, status change, reason).
The panel reads through a :class:`~console.core.ports.TimelineSource`; a
source that fails leaves a message in the panel, never an exception.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.errors import DomainError
from console.core.ports import TimelineEntry, TimelineSource
from console.core.vocab import RequestStatus
from console.ui.guidance_text import guidance_details
from console.ui.labels import error_text, event_kind_label, label
from console.ui.plain_text import make_plain

__all__ = ["TIMELINE_COLUMNS", "RequestTimelinePanel", "format_event_time"]

logger = logging.getLogger(__name__)

TIMELINE_COLUMNS = 4
"""Time, actor, event, details."""

SEQ_ROLE = int(Qt.ItemDataRole.UserRole)
"""Item data role holding the event's ledger sequence number."""


def format_event_time(moment: datetime, tz: tzinfo | None = None) -> str:
    """Date in the current QLocale's short format, then the time of day to the second."""
    local = moment.astimezone(tz)
    when = QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second),
    )
    locale = QLocale()
    date = locale.toString(when.date(), QLocale.FormatType.ShortFormat)
    return f"{date} {locale.toString(when.time(), 'HH:mm:ss')}"


class RequestTimelinePanel(QWidget):
    """The ledger events of the selected request, oldest first, in the current language."""

    def __init__(
        self, source: TimelineSource, *, tz: tzinfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("requestTimeline")
        self._source = source
        self._tz = tz
        self._request_id: int | None = None
        self._entries: tuple[TimelineEntry, ...] = ()
        self._failure: DomainError | Exception | None = None

        self.title = QLabel()
        make_plain(self.title)
        self.title.setObjectName("timelineTitle")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(TIMELINE_COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.message = QLabel()
        make_plain(self.message)
        self.message.setObjectName("timelineMessage")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        self.retranslate_ui()

    # ------------------------------------------------------------------ API

    @property
    def request_id(self) -> int | None:
        """The request shown, or None."""
        return self._request_id

    @property
    def entries(self) -> tuple[TimelineEntry, ...]:
        """The events on display, oldest first."""
        return self._entries

    def show_request(self, request_id: int | None) -> None:
        """Show the history of ``request_id`` (None clears the panel)."""
        self._request_id = request_id
        self.refresh()

    def refresh(self) -> None:
        """Read the shown request's history again (call when the ledger has grown)."""
        self._entries = ()
        self._failure = None
        if self._request_id is not None:
            try:
                self._entries = tuple(self._source.timeline(self._request_id))
            except DomainError as exc:
                self._failure = exc
            except Exception as exc:  # the database may be away; the panel must survive
                logger.warning("timeline of request %s unavailable: %s", self._request_id, exc)
                self._failure = exc
        self._render()

    # ------------------------------------------------------------------- text

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.tree.setHeaderLabels(
            [self.tr("Time"), self.tr("By"), self.tr("Event"), self.tr("Details")]
        )
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -------------------------------------------------------------- internals

    def _render(self) -> None:
        self.tree.clear()
        if self._request_id is None:
            self.title.setText(self.tr("History"))
            self.message.setText(self.tr("Select a request to see its history."))
            return
        reference = next(
            (str(e.payload["reference"]) for e in self._entries if "reference" in e.payload),
            None,
        )
        self.title.setText(
            self.tr("History of {reference}").format(reference=reference)
            if reference
            else self.tr("History")
        )
        if isinstance(self._failure, DomainError):
            self.message.setText(error_text(self._failure))
        elif self._failure is not None:
            self.message.setText(
                self.tr("The history is unavailable: the database cannot be reached.")
            )
        elif not self._entries:
            self.message.setText(self.tr("No events are recorded for this request."))
        else:
            self.message.clear()
        items = []
        for entry in self._entries:
            item = QTreeWidgetItem(
                [
                    format_event_time(entry.at, self._tz),
                    entry.actor,
                    event_kind_label(entry.kind),
                    self._details(entry.kind, entry.payload),
                ]
            )
            item.setData(0, SEQ_ROLE, entry.seq)
            item.setToolTip(2, entry.kind)
            items.append(item)
        self.tree.addTopLevelItems(items)

    def _details(self, kind: str, payload: Mapping[str, Any]) -> str:
        """The payload items a dispatcher cares about, in a fixed order."""
        parts: list[str] = []
        if kind == "request.created" and payload.get("reference"):
            parts.append(self.tr("Reference {reference}").format(reference=payload["reference"]))
        if payload.get("from_status") and payload.get("to_status"):
            parts.append(f"{_status(payload['from_status'])} → {_status(payload['to_status'])}")
        if payload.get("from_crew"):
            parts.append(self.tr("Previous crew {crew}").format(crew=payload["from_crew"]))
        if payload.get("crew"):
            parts.append(self.tr("Crew {crew}").format(crew=payload["crew"]))
        eta = payload.get("eta_minutes")
        if isinstance(eta, int) and not isinstance(eta, bool):
            parts.append(self.tr("ETA {minutes} min").format(minutes=QLocale().toString(eta)))
        if payload.get("reason"):
            parts.append(self.tr("Reason: {reason}").format(reason=payload["reason"]))
        if payload.get("note"):
            parts.append(self.tr("Note: {note}").format(note=payload["note"]))
        guidance = payload.get("guidance")
        if isinstance(guidance, Mapping):
            parts.append(guidance_details(guidance))
        if "coord.outside_service_area" in (payload.get("warnings") or ()):
            parts.append(self.tr("Warning: the location is outside the service area"))
        return " · ".join(parts)


def _status(code: object) -> str:
    """A request status code as its label; an unknown code as itself."""
    try:
        return label(RequestStatus(str(code)))
    except ValueError:
        return str(code)
