"""Puts the map panel into the window's "map" dock and wires it to the window's signals."""

from __future__ import annotations

import contextlib
from pathlib import Path

from platformdirs import user_cache_dir

from console.config import APP_NAME
from console.core.files import private_folder
from console.core.map_tiles import TileSource
from console.core.ports import CoverageSource, DispatchAdvisor
from console.ui.main_window import MainWindow
from console.ui.map.page import page_folder
from console.ui.map.panel import MapPanel

__all__ = ["default_cache_root", "install_map_panel"]


def default_cache_root() -> Path:
    """The per-user cache folder the map page is written to."""
    return Path(user_cache_dir(APP_NAME, appauthor=False))


def install_map_panel(
    window: MainWindow,
    advisor: DispatchAdvisor,
    tiles: TileSource,
    cache_root: Path | None = None,
) -> MapPanel:
    """Build the map panel, fill it with what the window already holds, and connect it."""
    root = cache_root or default_cache_root()
    with contextlib.suppress(OSError):  # the page writer reports an unwritable folder
        private_folder(root)
    folder = page_folder(root, tiles)
    coverage = advisor if isinstance(advisor, CoverageSource) else None
    panel = MapPanel(tiles, folder, advisor, coverage=coverage)
    window.install_panel("map", panel)
    # The window loaded its first snapshot before any panel existed.
    panel.set_depots(window.depots)
    panel.load(window.model.rows(), window.crew_model.rows())
    window.sig_depots_loaded.connect(panel.set_depots)
    window.sig_synced.connect(panel.take_batch)
    window.sig_crews_moved.connect(panel.move_crews)
    window.sig_request_selected.connect(panel.show_request)
    window.sig_crew_selected.connect(panel.show_crew)
    window.sig_theme_changed.connect(panel.set_theme)
    window.sig_location_pick_requested.connect(panel.start_location_pick)
    panel.sig_request_clicked.connect(window.select_request)
    panel.sig_crew_clicked.connect(window.select_crew)
    panel.sig_location_picked.connect(window.set_intake_location)

    def intake_at(lat: float, lon: float) -> None:
        window.open_intake()
        window.set_intake_location(lat, lon)

    panel.sig_intake_at.connect(intake_at)
    if window.selected_request_id is not None:
        panel.show_request(window.selected_request_id)
    return panel
