"""Start the console: the QApplication, its font and language, the main window.

``console.cli`` builds a :class:`~console.core.ports.ConsoleBackend` from the
database layer and hands it to :func:`run_console`; nothing here knows where
the rows come from.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from console.config import login_name
from console.core.map_tiles import TileSource
from console.core.ports import ConsoleBackend
from console.ui.i18n import (
    choose_cjk_font,
    install_language,
    normalise_language,
    system_language,
)
from console.ui.icons import icon
from console.ui.main_window import LANGUAGE_KEY, MainWindow, open_settings
from console.ui.map.install import install_map_panel
from console.ui.panels import (
    install_dispatch_panels,
    install_guidance_panel,
    install_timeline_panel,
)

__all__ = ["build_main_window", "resolve_language", "run_console", "utc_now"]

logger = logging.getLogger(__name__)

APPLICATION_NAME = "Roadside Console"
ORGANISATION_NAME = "Roadside"


def utc_now() -> datetime:
    """The current time, UTC-aware: the clock the console runs on."""
    return datetime.now(UTC)


def resolve_language(language: str | None, settings: QSettings) -> str:
    """The language to start in: the one given, else the saved one, else the system's."""
    candidates: list[object] = [language, settings.value(LANGUAGE_KEY)]
    for candidate in candidates:
        if isinstance(candidate, str) and candidate:
            try:
                return normalise_language(candidate)
            except ValueError:
                logger.warning("ignoring unsupported language %r", candidate)
    return system_language()


def build_main_window(
    backend: ConsoleBackend,
    language: str | None = None,
    clock: Callable[[], datetime] | None = None,
    *,
    settings: QSettings | None = None,
    poll_ms: int = 1000,
    tz: tzinfo | None = None,
    user: str = "",
    tiles: TileSource | None = None,
) -> MainWindow:
    """Install the language and build (not show) the main window.

    A QApplication must already exist. ``settings`` defaults to the per-user
    store; tests pass a temporary one. ``tiles`` adds the live map panel with
    that tile provider (``None``: the map dock keeps its placeholder).
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("create the QApplication before the main window")
    store = settings if settings is not None else open_settings()
    install_language(app, resolve_language(language, store))
    window = MainWindow(backend, clock or utc_now, store, poll_ms=poll_ms, tz=tz, user=user)
    install_dispatch_panels(window, backend)
    install_timeline_panel(window, backend, tz)
    install_guidance_panel(window, backend)
    if tiles is not None:
        install_map_panel(window, backend, tiles)
    return window


def run_console(
    backend: ConsoleBackend,
    *,
    language: str | None,
    argv: list[str],
    poll_ms: int = 1000,
    tz: tzinfo | None = None,
    user: str | None = None,
    tiles: TileSource | None = None,
) -> int:
    """Run the dispatch console on ``backend`` until the user quits; returns the exit code.

    ``language`` is "zh", "en" or ``None`` (the saved choice, else the system's);
    ``user`` is shown in the status bar (default: the operating-system user).
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setWindowIcon(icon("service.tow"))
    family = choose_cjk_font(app)
    logger.debug("CJK font: %s", family)
    first_start = not open_settings().contains("window/geometry")
    window = build_main_window(
        backend,
        language,
        poll_ms=poll_ms,
        tz=tz,
        user=user or login_name(),
        tiles=tiles or TileSource(),
    )
    # A dispatcher's console fills the screen until the user chooses otherwise.
    if first_start:
        window.showMaximized()
    else:
        window.show()
    return int(app.exec())
