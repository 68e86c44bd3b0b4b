"""Wires the job tracker to the window, the request detail and the map."""

from __future__ import annotations

from datetime import tzinfo

from console.core.ports import TrailSource
from console.core.records import RequestRow
from console.core.vocab import RequestStatus
from console.ui.field.strip import JobFieldStrip
from console.ui.field.tracker import JobTracker
from console.ui.main_window import MainWindow
from console.ui.map.panel import MapPanel

__all__ = ["install_job_tracking"]


def install_job_tracking(
    window: MainWindow,
    backend: object,
    map_panel: MapPanel | None = None,
    tz: tzinfo | None = None,
) -> JobTracker | None:
    """Follow the selected job's crew: a strip in the request detail, the trail on the map.

    None when the backend keeps no trails (a test's stand-in may not).
    """
    if not isinstance(backend, TrailSource):
        return None
    detail = window.detail
    tracker = JobTracker(backend, window.clock, window.crew_row, tz, window)
    strip = JobFieldStrip(detail)
    detail.add_banner(strip)
    actions = detail.actions_by_key

    def can_mark() -> bool:
        # A crew that arrived before anyone pressed "en route" is moved through it.
        shown = detail.request
        if shown is not None and shown.status is RequestStatus.ASSIGNED:
            return actions["en_route"].isEnabled() and detail.permits("on_scene")
        return actions["on_scene"].isEnabled()

    strip.can_mark = can_mark

    def row_of(request_id: object) -> RequestRow | None:
        if not isinstance(request_id, int):
            return None
        shown = detail.request
        if shown is not None and shown.id == request_id:
            return shown
        position = window.model.position_of(request_id)
        return None if position is None else window.model.row_at(position)

    def mark_on_scene(request_id: int) -> None:
        shown = detail.request
        if shown is None or shown.id != request_id or not can_mark():
            return
        if shown.status is RequestStatus.ASSIGNED:
            actions["en_route"].trigger()
        if actions["on_scene"].isEnabled():
            actions["on_scene"].trigger()

    tracker.sig_view.connect(strip.show_view)
    strip.sig_mark_on_scene.connect(mark_on_scene)
    strip.sig_dismissed.connect(lambda _request: tracker.dismiss_arrival())
    window.sig_request_selected.connect(lambda request_id: tracker.show_request(row_of(request_id)))
    window.sig_requests_changed.connect(tracker.take_requests)
    detail.sig_changed.connect(lambda row: tracker.take_requests((row,)))
    window.sig_crews_changed.connect(tracker.take_crews)
    window.sig_crews_moved.connect(tracker.take_crews)
    window.sig_theme_changed.connect(lambda _theme: strip.restyle())
    if map_panel is not None:
        tracker.sig_trail_set.connect(map_panel.show_trail)
        tracker.sig_trail_extended.connect(map_panel.extend_trail)
        tracker.sig_trail_cleared.connect(map_panel.clear_trail)
    if window.selected_request_id is not None:
        tracker.show_request(row_of(window.selected_request_id))
    return tracker
