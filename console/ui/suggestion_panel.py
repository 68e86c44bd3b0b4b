"""The suggestions panel: the best crews for the selected request, one click to assign.

The panel asks the backend's dispatch engine for a ranked list, shows each
crew with its reasons ("3 km · ETA 8 min · Flatbed · EV-certified") and an
Assign button; Ctrl+Return assigns the first. When another dispatcher took
the crew a moment earlier, the panel says so and shows fresh suggestions.

A crew whose ETA misses the request's arrival target is marked in the list,
and assigning it (click or Ctrl+Return) first asks, naming the overrun and
the better crew (:func:`console.core.guards.arrival_warning` decides).

Suggestions are read on a worker thread (:class:`~console.ui.background.BackgroundReads`):
ranking the national fleet takes longer than a frame, and the panel re-reads
whenever crews move. A newly selected request shows no crews until its own
suggestions arrive, so nobody assigns from the previous request's list.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.dispatch import Suggestion, SuggestionResult
from console.core.errors import Conflict, DomainError
from console.core.guards import ArrivalWarning, arrival_target, arrival_warning, overrun_minutes
from console.core.ports import DispatchAdvisor, RequestCommands
from console.core.records import RequestRow
from console.core.sla import SlaTargets
from console.core.vocab import RequestStatus
from console.ui.background import BackgroundReads
from console.ui.dispatch_labels import suggestion_summary
from console.ui.icons import colour, icon
from console.ui.labels import error_text, label
from console.ui.plain_text import plain_tooltip

logger = logging.getLogger(__name__)

ASSIGNABLE = frozenset({RequestStatus.QUEUED})
PREVIEW = frozenset({RequestStatus.NEW, RequestStatus.TRIAGE, RequestStatus.QUEUED})


class SuggestionBackend(DispatchAdvisor, RequestCommands, Protocol):
    """What the panel needs: suggestions, the request, and the assign command."""


LatePrompt = Callable[[RequestRow, ArrivalWarning], "Suggestion | None"]
"""Asks about a late crew: the suggestion to assign after all, or None to assign nothing."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


def read_suggestions(
    backend: SuggestionBackend, request_id: int
) -> tuple[RequestRow | None, SuggestionResult | None]:
    """The request and, while it waits for a crew, its suggestions (runs on a worker)."""
    request = backend.request(request_id)
    if request is None or request.status not in PREVIEW:
        return request, None
    return request, backend.suggest(request_id)


class SuggestionPanel(QWidget):
    """Ranked crews for one request with an Assign button each."""

    sig_assigned = Signal(int, int)
    """A crew was assigned: (request id, crew id)."""

    sig_crew_focused = Signal(object)
    """The dispatcher pointed at a suggested crew (crew id), for the map and crew board."""

    sig_optimise_requested = Signal()
    """The dispatcher asked for a whole-queue proposal."""

    sig_loaded = Signal()
    """Emitted after suggestions (or why there are none) were read and shown."""

    COLUMNS = 4
    BUTTON_COLUMN = 3

    def __init__(
        self,
        backend: SuggestionBackend,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._clock = clock
        self.ask_late: LatePrompt = self._prompt_late
        """How assigning a crew that misses the arrival target is confirmed; tests replace it."""
        self._late_minutes = 0
        self._targets: SlaTargets | None = None
        self._may_assign = True
        self._request: RequestRow | None = None
        self._result: SuggestionResult | None = None
        self._message: tuple[str, DomainError | None] | None = None
        self._loading: int | None = None
        self._stale = False
        self._reads = BackgroundReads(self)

        self.title = QLabel()
        self.title.setObjectName("suggestionTitle")
        self.needs = QLabel()
        self.needs.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("suggestionStatus")
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Reasons wrap onto more lines rather than being cut off in a narrow dock.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.assign_first_button = QPushButton(icon("request.assign_first"), "")
        self.assign_first_button.clicked.connect(self.assign_first)
        self.refresh_button = QPushButton(icon("app.refresh"), "")
        self.refresh_button.clicked.connect(self.refresh)
        self.optimise_button = QPushButton(icon("panel.suggestions"), "")
        self.optimise_button.clicked.connect(self.sig_optimise_requested.emit)

        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_first_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.optimise_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.needs)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.retranslate_ui()
        self._render()

    # ------------------------------------------------------------------ API

    @property
    def request_id(self) -> int | None:
        """The request whose suggestions are on display, if any."""
        return self._request.id if self._request is not None else None

    @property
    def loading(self) -> bool:
        """True while suggestions are being read."""
        return self._loading is not None

    @property
    def result(self) -> SuggestionResult | None:
        """The suggestions on display."""
        return self._result

    def show_request(self, request_id: int | None) -> None:
        """Show suggestions for ``request_id`` (None clears the panel)."""
        self._message = None
        if request_id is None or (self._request is not None and self._request.id != request_id):
            # Never leave another request's crews (and Assign buttons) on show.
            self._request = None
            self._result = None
        if request_id is None:
            self._loading = None
            self._reads.cancel("suggestions")
            self._render()
            return
        self._load(request_id)
        self._render()

    def refresh(self) -> None:
        """Ask again for the current request (data may have moved on).

        While a read is under way, one more follows it (asking again at once
        would drop the answer on its way, and a busy feed would starve the panel).
        """
        request_id = self._loading if self._loading is not None else self.request_id
        if request_id is None:
            return
        if self._reads.pending("suggestions"):
            self._stale = True
            return
        self._load(request_id)

    def assign_first(self) -> None:
        """Assign the top suggestion (Ctrl+Return)."""
        if self._result and self._result.suggestions:
            self.assign(self._result.suggestions[0])

    def assign(self, suggestion: Suggestion) -> None:
        """Assign ``suggestion``'s crew, or explain why that is no longer possible.

        A crew that would miss the arrival target is assigned only once the
        dispatcher confirms it (or picks the better crew offered instead).
        """
        request = self._request
        if request is None or request.status not in ASSIGNABLE:
            return
        warning = self.warning_for(suggestion)
        if warning is not None:
            chosen = self.ask_late(request, warning)
            if chosen is None:
                return
            suggestion = chosen
        late = self.overrun_of(suggestion)
        try:
            self._backend.assign(
                request.id,
                suggestion.crew_id,
                expected_crew_version=suggestion.crew_version,
                eta_minutes=suggestion.eta_minutes,
            )
        except Conflict as exc:
            logger.info("lost the race for %s: %s", suggestion.call_sign, exc.code)
            self._load(request.id)
            self._message = ("taken", exc)
            self._render()
            return
        except DomainError as exc:
            self._load(request.id)
            self._message = ("error", exc)
            self._render()
            return
        self.sig_assigned.emit(request.id, suggestion.crew_id)
        self._load(request.id)
        self._message = ("assigned", None)
        self._late_minutes = late
        self._render()

    def _arrival_target(self, request: RequestRow, now: datetime) -> datetime:
        if self._targets is None:
            read = getattr(self._backend, "sla_targets", None)
            targets = read() if callable(read) else None
            self._targets = targets if isinstance(targets, SlaTargets) else SlaTargets()
        return arrival_target(
            request.arrive_due_at, request.priority, request.road_type, self._targets, now
        )

    def overrun_of(self, suggestion: Suggestion) -> int:
        """Minutes by which ``suggestion`` would miss the arrival target now (0: on time)."""
        if self._request is None:
            return 0
        now = self._clock()
        return overrun_minutes(
            self._arrival_target(self._request, now), now + _minutes(suggestion.eta_minutes)
        )

    def warning_for(self, suggestion: Suggestion) -> ArrivalWarning | None:
        """Why assigning ``suggestion`` deserves a second thought, or None."""
        if self._request is None or self._result is None:
            return None
        now = self._clock()
        due = self._arrival_target(self._request, now)
        return arrival_warning(suggestion, self._result.suggestions, due, now)

    def late_text(self, request: RequestRow, warning: ArrivalWarning) -> str:
        """The question asked before assigning a late crew, in the current language."""
        chosen = warning.chosen
        lines = [
            self.tr(
                "{crew} would arrive in {eta} min: {late} min after the arrival target for "
                "{reference}."
            ).format(
                crew=chosen.call_sign,
                eta=chosen.eta_minutes,
                late=warning.overrun_minutes,
                reference=request.reference,
            )
        ]
        other = warning.alternative
        if other is None:
            lines.append(self.tr("No suggested crew would arrive sooner."))
        else:
            crew = other.call_sign
            if other.free_in_minutes is not None:
                crew += " " + self.tr("(free in ~{minutes} min)").format(
                    minutes=other.free_in_minutes
                )
            if warning.alternative_overrun_minutes == 0:
                lines.append(
                    self.tr("Best alternative: {crew}, ETA {eta} min, within the target.").format(
                        crew=crew, eta=other.eta_minutes
                    )
                )
            else:
                lines.append(
                    self.tr(
                        "Best alternative: {crew}, ETA {eta} min, {late} min late as well."
                    ).format(
                        crew=crew, eta=other.eta_minutes, late=warning.alternative_overrun_minutes
                    )
                )
        return "\n\n".join(lines)

    def _prompt_late(self, request: RequestRow, warning: ArrivalWarning) -> Suggestion | None:
        box = QMessageBox(self)
        box.setObjectName("lateCrewQuestion")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("ETA over the arrival target"))
        box.setText(self.late_text(request, warning))
        anyway = box.addButton(
            self.tr("Assign {crew} anyway").format(crew=warning.chosen.call_sign),
            QMessageBox.ButtonRole.AcceptRole,
        )
        instead = None
        # A crew still finishing a job is named, but cannot be assigned until it is free.
        if warning.alternative is not None and warning.alternative.free_in_minutes is None:
            instead = box.addButton(
                self.tr("Assign {crew} instead").format(crew=warning.alternative.call_sign),
                QMessageBox.ButtonRole.AcceptRole,
            )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(instead or cancel)
        box.setEscapeButton(cancel)
        try:
            box.exec()
            clicked = box.clickedButton()
        finally:
            box.deleteLater()
        if clicked is anyway:
            return warning.chosen
        if instead is not None and clicked is instead:
            return warning.alternative
        return None

    # ------------------------------------------------------------- internals

    def _load(self, request_id: int) -> None:
        """Read the request and its suggestions on the worker; shown when they arrive."""
        backend = self._backend
        self._loading = request_id
        self._stale = False
        self._reads.submit(
            "suggestions",
            lambda: read_suggestions(backend, request_id),
            self._on_loaded,
            self._on_failed,
        )

    def _on_loaded(self, answer: tuple[RequestRow | None, SuggestionResult | None]) -> None:
        self._loading = None
        self._request, self._result = answer
        self._render()
        self.sig_loaded.emit()
        if self._stale and self._request is not None:
            self._load(self._request.id)

    def _on_failed(self, error: BaseException) -> None:
        self._loading = None
        self._result = None
        if isinstance(error, DomainError):
            self._message = ("error", error)
        else:  # the database may be away; the panel must survive
            logger.warning("suggestions unavailable: %s", error)
            self._message = ("unavailable", None)
        self._render()
        self.sig_loaded.emit()

    def _on_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and self._result and rows[0].row() < len(self._result.suggestions):
            self.sig_crew_focused.emit(self._result.suggestions[rows[0].row()].crew_id)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Suggestions"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Crew"), self.tr("ETA (min)"), self.tr("Why"), ""]
        )
        self.assign_first_button.setText(self.tr("Assign first"))
        self.assign_first_button.setToolTip(self.tr("Assign the best crew (Ctrl+Return)"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.optimise_button.setText(self.tr("Optimise queue…"))
        self.optimise_button.setToolTip(self.tr("Propose crews for every queued request at once"))
        self._render()

    def permit_assign(self, allowed: bool) -> None:
        """Offer assigning (and the queue optimiser) only to a role that may assign."""
        self._may_assign = allowed
        self.optimise_button.setVisible(allowed)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _render(self) -> None:
        request, result = self._request, self._result
        can_assign = self._may_assign and bool(
            request and request.status in ASSIGNABLE and result and result.suggestions
        )
        self.assign_first_button.setEnabled(can_assign)
        self.refresh_button.setEnabled(request is not None)
        if request is None and self._loading is not None:
            self.title.setText(self.tr("Finding suggested crews…"))
            self.needs.clear()
        elif request is None:
            self.title.setText(self.tr("Select a request to see suggested crews."))
            self.needs.clear()
        else:
            self.title.setText(
                self.tr("{reference} · {service} · {status}").format(
                    reference=request.reference,
                    service=label(request.service_type),
                    status=label(request.status),
                )
            )
            self.needs.setText(self._needs_text(request))
        self._fill_table(can_assign)
        self.status.setText(self._status_text())

    def _needs_text(self, request: RequestRow) -> str:
        result = self._result
        if request.status not in PREVIEW:
            return self.tr("Suggestions are shown for requests waiting for a crew.")
        if result is None:
            return ""
        if result.no_crew_needed:
            return self.tr("No crew needed: this service is handled by phone.")
        kinds = " / ".join(label(k) for k in sorted(result.needs.kinds))
        text = self.tr("Needs: {kinds}").format(kinds=kinds)
        if result.needs.skills:
            text += " · " + " · ".join(label(s) for s in sorted(result.needs.skills))
        if not result.suggestions:
            text += "\n" + self.tr("No capable crew is free nearby.")
        return text

    def _status_text(self) -> str:
        if self._message is None:
            return ""
        kind, error = self._message
        if kind == "assigned":
            if self._late_minutes:
                return self.tr(
                    "Crew assigned; its ETA exceeds the target by {minutes} min."
                ).format(minutes=self._late_minutes)
            return self.tr("Crew assigned.")
        if kind == "taken" and error is not None:
            return self.tr("{reason} Fresh suggestions are shown.").format(reason=error_text(error))
        if kind == "unavailable":
            return self.tr("Suggestions are unavailable: the database cannot be reached.")
        return error_text(error) if error is not None else ""

    def _fill_table(self, can_assign: bool) -> None:
        suggestions = self._result.suggestions if self._result else ()
        # Emptying the table first retires the old Assign buttons with deleteLater:
        # replacing one in place deletes it at once, even inside its own click.
        self.table.setRowCount(0)
        self.table.setRowCount(len(suggestions))
        for row, suggestion in enumerate(suggestions):
            late = self.overrun_of(suggestion)
            eta = str(suggestion.eta_minutes)
            if late:
                eta = self.tr("{eta} (+{late} late)").format(eta=eta, late=late)
            cells = [
                f"{suggestion.rank}. {suggestion.call_sign}",
                eta,
                suggestion_summary(suggestion),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    if late:
                        item.setIcon(icon("app.warning"))
                        item.setForeground(colour("warn"))
                        item.setToolTip(
                            self.tr("ETA exceeds the arrival target by {minutes} min").format(
                                minutes=late
                            )
                        )
                if column == 2:
                    tip = text
                    if suggestion.stale_gps:
                        tip += "\n" + self.tr("The crew's position is old; the ETA is uncertain.")
                    item.setToolTip(plain_tooltip(tip))
                self.table.setItem(row, column, item)
            button = QPushButton(self.tr("Assign"))
            button.setEnabled(can_assign)
            button.setObjectName(f"assign-{suggestion.crew_id}")
            button.clicked.connect(lambda _=False, s=suggestion: self.assign(s))
            self.table.setCellWidget(row, self.BUTTON_COLUMN, button)


def _minutes(value: int) -> timedelta:
    return timedelta(minutes=value)
