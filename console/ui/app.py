"""Start the console: the QApplication, its font and language, the main window.

``console.cli`` hands :func:`run_console` a sign-in gate and a way to open a
:class:`~console.core.ports.ConsoleBackend` for whoever signs in; nothing here
knows where the rows come from.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from console.core.accounts import SignInGate, UserAdmin
from console.core.map_tiles import TileSource
from console.core.ports import ConsoleBackend
from console.core.roles import Principal
from console.ui.i18n import (
    choose_cjk_font,
    current_language,
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
from console.ui.role_gate import apply_role
from console.ui.session import ConsoleSession
from console.ui.web_sandbox import allow_web_engine_as_root

__all__ = ["build_main_window", "resolve_language", "run_console", "utc_now", "workstation_name"]

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
    principal: Principal | None = None,
) -> MainWindow:
    """Install the language and build (not show) the main window.

    A QApplication must already exist. ``settings`` defaults to the per-user
    store; tests pass a temporary one. ``tiles`` adds the live map panel with
    that tile provider (``None``: the map dock keeps its placeholder). With
    ``principal`` the window offers only what that role may do (the backend
    enforces it either way).
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("create the QApplication before the main window")
    store = settings if settings is not None else open_settings()
    install_language(app, resolve_language(language, store))
    window = MainWindow(backend, clock or utc_now, store, poll_ms=poll_ms, tz=tz, user=user)
    suggestions = install_dispatch_panels(window, backend)
    install_timeline_panel(window, backend, tz)
    install_guidance_panel(window, backend)
    if tiles is not None:
        install_map_panel(window, backend, tiles)
    if principal is not None:
        apply_role(window, principal, suggestions)
    return window


def workstation_name() -> str:
    """This computer's name: failed sign-ins are also counted per workstation."""
    return socket.gethostname() or "unknown"


def run_console(
    gate: SignInGate,
    open_backend: Callable[[Principal], ConsoleBackend],
    *,
    language: str | None,
    argv: list[str],
    poll_ms: int = 1000,
    tz: tzinfo | None = None,
    user: str | None = None,
    tiles: TileSource | None = None,
    open_user_admin: Callable[[Principal], UserAdmin] | None = None,
) -> int:
    """Sign a user in through ``gate`` and run the console until they quit.

    ``open_backend`` gives the backend for the signed-in principal (reads masked
    and writes checked for its role). ``language`` is "zh", "en" or ``None``
    (the saved choice, else the system's); ``user`` is the sign-in name to fill in;
    ``open_user_admin`` gives administrators File ▸ Users….
    """
    allow_web_engine_as_root()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setWindowIcon(icon("service.tow"))
    family = choose_cjk_font(app)
    logger.debug("CJK font: %s", family)
    store = open_settings()
    first_start = not store.contains("window/geometry")
    install_language(app, resolve_language(language, store))
    chosen: list[str] = []

    def build(backend: ConsoleBackend, principal: Principal) -> MainWindow:
        # A language picked in the sign-in dialog wins over the start-up option.
        lang = current_language() if chosen else language
        return build_main_window(
            backend,
            lang,
            poll_ms=poll_ms,
            tz=tz,
            user=principal.actor,
            tiles=tiles or TileSource(),
            principal=principal,
        )

    session = ConsoleSession(
        gate,
        open_backend,
        build,
        workstation=workstation_name(),
        username=user,
        open_user_admin=open_user_admin,
    )
    session.sig_language_chosen.connect(chosen.append)
    # Signing out closes the window before the sign-in shows again: the session,
    # not the last window, decides when the console ends.
    app.setQuitOnLastWindowClosed(False)
    if not session.start() or session.window is None:
        return 0
    # A dispatcher's console fills the screen until the user chooses otherwise.
    if first_start:
        session.window.showMaximized()
    else:
        session.window.show()
    return int(app.exec())
