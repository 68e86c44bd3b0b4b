"""Puts the feature panels into the main window's docks and connects them.

Panels never talk to each other: each listens to the window's signals
(selection, sync) and asks the window to select or re-sync.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from console.core.handover import GuidanceStart
from console.core.ports import ConsoleBackend
from console.core.records import RequestRow
from console.core.vocab import RequestStatus
from console.ui.guidance_panel import GuidancePanel
from console.ui.live_sync import SyncBatch
from console.ui.main_window import MainWindow
from console.ui.proposal_dialog import ProposalDialog
from console.ui.suggestion_panel import SuggestionPanel
from console.ui.timeline_panel import RequestTimelinePanel


def touches(batch: SyncBatch, request_id: int | None, *, crews_matter: bool) -> bool:
    """Whether a sync batch can change what a panel shows for ``request_id``.

    Suggestions depend on the request and on every crew (positions, statuses,
    workload); a timeline only on its request, whose row changes with each event.
    Asking the database again on every unrelated sync would put a fleet reload on
    the interface thread once a second.
    """
    if request_id is None:
        return False
    if batch.snapshot or (crews_matter and batch.crews):
        return True
    return any(row.id == request_id for row in batch.requests)


def install_dispatch_panels(window: MainWindow, backend: ConsoleBackend) -> SuggestionPanel:
    """The suggestions panel, wired to the window's selection and assign-first action."""
    panel = SuggestionPanel(backend, clock=window.clock)
    window.install_panel("suggestions", panel)
    window.sig_request_selected.connect(panel.show_request)
    window.sig_assign_first_requested.connect(lambda _request: panel.assign_first())
    window.sig_synced.connect(
        lambda batch: (
            panel.refresh() if touches(batch, panel.request_id, crews_matter=True) else None
        )
    )
    panel.sig_assigned.connect(lambda _request, _crew: window.sync_now())
    panel.sig_crew_focused.connect(
        lambda crew: window.select_crew(crew) if crew is not None else None
    )

    def open_proposal() -> None:
        dialog = ProposalDialog(backend, window)
        dialog.exec()
        window.sync_now()

    panel.sig_optimise_requested.connect(open_proposal)
    return panel


def install_timeline_panel(
    window: MainWindow, backend: ConsoleBackend, tz: tzinfo | None = None
) -> RequestTimelinePanel:
    """The ledger timeline of the selected request, refreshed when data changes."""
    panel = RequestTimelinePanel(backend, tz=tz)
    window.install_panel("timeline", panel)
    window.sig_request_selected.connect(panel.show_request)
    window.sig_synced.connect(
        lambda batch: (
            panel.refresh() if touches(batch, panel.request_id, crews_matter=False) else None
        )
    )
    return panel


def install_guidance_panel(window: MainWindow, backend: ConsoleBackend) -> GuidancePanel:
    """The guidance panel in the "guidance" dock, started by F6 or from intake."""
    panel = GuidancePanel(backend)
    window.install_panel("guidance", panel)

    def guide(request: object) -> None:
        """Start guiding: a request id (F6) or a :class:`GuidanceStart` from intake."""
        dock = window.dock("guidance")
        if dock is not None:
            dock.show()
            dock.raise_()
        window.activateWindow()
        if isinstance(request, GuidanceStart):
            panel.start(request.request_id, request.known)
        else:
            panel.start(request if isinstance(request, int) else None)

    window.sig_guidance_requested.connect(guide)
    panel.guide_action.triggered.connect(lambda _checked=False: guide(window.selected_request_id))
    window.request_menu.addAction(panel.guide_action)
    window.toolbar.addAction(panel.guide_action)

    def finished(row: RequestRow) -> None:
        window.sync_now()
        window.select_request(row.id)
        if row.status is RequestStatus.QUEUED:
            # A crew is needed next: the keyboard goes to the suggestions to assign one.
            dock = window.dock("suggestions")
            widget = dock.widget() if dock is not None else None
            if dock is not None and widget is not None:
                dock.show()
                dock.raise_()
                views = widget.findChildren(QAbstractItemView)
                target = widget.focusProxy() or (views[0] if views else widget)
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    panel.sig_finished.connect(finished)
    return panel
