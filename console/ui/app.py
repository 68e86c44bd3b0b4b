"""Start the console: the QApplication, its font and language, the sign-in, the main window.

``console.cli`` hands :func:`run_console` a way to open the database (and get
its sign-in gate) and a way to open a
:class:`~console.core.ports.ConsoleBackend` for whoever signs in; nothing here
knows where the rows come from.

Start-up order is chosen for speed: the sign-in shows first, while the
database opens on a worker thread (with a progress bar when demo data is
loaded on a first start); the main window, the map and their heavy imports
load only after the password was accepted.
"""

from __future__ import annotations

import gc
import logging
import socket
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication

from console import startup
from console.core.accounts import SignInGate, UserAdmin
from console.core.map_tiles import TileSource
from console.core.roles import Principal
from console.ui.i18n import (
    choose_cjk_font,
    current_language,
    install_language,
    normalise_language,
    system_language,
)
from console.ui.icons import icon
from console.ui.session import ConsoleSession, Prepare
from console.ui.settings_store import LANGUAGE_KEY, open_settings
from console.ui.web_sandbox import allow_web_engine_as_root

if TYPE_CHECKING:
    from console.core.ports import ConsoleBackend
    from console.ui.main_window import MainWindow

__all__ = [
    "build_main_window",
    "freeze_startup_objects",
    "release_widgets",
    "resolve_language",
    "run_console",
    "utc_now",
    "workstation_name",
]

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
    load_now: bool = True,
) -> MainWindow:
    """Install the language and build (not show) the main window.

    A QApplication must already exist. ``settings`` defaults to the per-user
    store; tests pass a temporary one. ``tiles`` adds the live map panel with
    that tile provider (``None``: the map dock keeps its placeholder). With
    ``principal`` the window offers only what that role may do (the backend
    enforces it either way). ``load_now`` False fetches the first rows on the
    poller's thread instead of during the build.
    """
    from console.ui.field.install import install_job_tracking
    from console.ui.main_window import MainWindow
    from console.ui.map.install import install_map_panel
    from console.ui.panels import (
        install_dispatch_panels,
        install_guidance_panel,
        install_timeline_panel,
    )
    from console.ui.role_gate import apply_role

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("create the QApplication before the main window")
    store = settings if settings is not None else open_settings()
    install_language(app, resolve_language(language, store))
    window = MainWindow(
        backend, clock or utc_now, store, poll_ms=poll_ms, tz=tz, user=user, load_now=load_now
    )
    suggestions = install_dispatch_panels(window, backend)
    install_timeline_panel(window, backend, tz)
    install_guidance_panel(window, backend)
    map_panel = install_map_panel(window, backend, tiles) if tiles is not None else None
    install_job_tracking(window, backend, map_panel, tz)
    if principal is not None:
        apply_role(window, principal, suggestions)
    return window


def freeze_startup_objects() -> None:
    """Keep what start-up built (modules, widgets, the first snapshot) out of garbage collection.

    Those objects live as long as the console; left in the collector's care, each
    full collection walks all of them while every thread, the interface thread
    included, waits (about half a second with the national fleet loaded).
    """
    gc.collect()
    gc.freeze()


def workstation_name() -> str:
    """This computer's name: failed sign-ins are also counted per workstation."""
    return socket.gethostname() or "unknown"


def run_console(
    gate: SignInGate | None,
    open_backend: Callable[[Principal], ConsoleBackend],
    *,
    language: str | None,
    argv: list[str],
    poll_ms: int = 1000,
    tz: tzinfo | None = None,
    user: str | None = None,
    tiles: TileSource | None = None,
    open_user_admin: Callable[[Principal], UserAdmin] | None = None,
    prepare: Prepare | None = None,
) -> int:
    """Sign a user in and run the console until they quit.

    ``gate`` checks passwords; with ``gate`` None, ``prepare`` opens the
    database on a worker thread while the sign-in already shows, and returns
    the gate (a failure is shown in the dialog, then raised once the user
    quits). ``open_backend`` gives the backend for the signed-in principal
    (reads masked and writes checked for its role). ``language`` is "zh", "en"
    or ``None`` (the saved choice, else the system's); ``user`` is the sign-in
    name to fill in; ``open_user_admin`` gives administrators File ▸ Users….
    """
    allow_web_engine_as_root()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(ORGANISATION_NAME)
    startup.mark("application created")
    family = choose_cjk_font(app)
    logger.debug("CJK font: %s", family)
    store = open_settings()
    first_start = not store.contains("window/geometry")
    install_language(app, resolve_language(language, store))
    chosen: list[str] = []

    def build(backend: ConsoleBackend, principal: Principal) -> MainWindow:
        # A language picked in the sign-in dialog wins over the start-up option.
        lang = current_language() if chosen else language
        window = build_main_window(
            backend,
            lang,
            poll_ms=poll_ms,
            tz=tz,
            user=principal.actor,
            tiles=tiles or TileSource(),
            principal=principal,
            load_now=False,
        )
        _mark_first_rows(window)
        # The icon font loads with the window, not before the sign-in shows.
        app.setWindowIcon(icon("service.tow"))
        startup.mark("main window built")
        return window

    session = ConsoleSession(
        gate,
        open_backend,
        build,
        workstation=workstation_name(),
        username=user,
        open_user_admin=open_user_admin,
        prepare=prepare,
    )
    session.sig_language_chosen.connect(chosen.append)
    session.sig_sign_in_shown.connect(_after_sign_in_shown)
    # Signing out closes the window before the sign-in shows again: the session,
    # not the last window, decides when the console ends.
    app.setQuitOnLastWindowClosed(False)
    started = session.start()
    if session.prepare_error is not None:
        raise session.prepare_error
    if not started or session.window is None:
        return 0
    freeze_startup_objects()
    # A dispatcher's console fills the screen until the user chooses otherwise.
    if first_start:
        session.window.showMaximized()
    else:
        session.window.show()
    startup.mark("main window shown")
    try:
        return int(app.exec())
    finally:
        release_widgets(app)


def release_widgets(app: QApplication) -> None:
    """Delete every window (and so every map page) while the application still lives.

    Left to the interpreter's exit, a web page can outlive QtWebEngine's
    profile, and the process then ends with a segmentation fault.
    """
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()


def _after_sign_in_shown() -> None:
    if not any(m.phase == "sign-in shown" for m in startup.marks()):
        startup.mark("sign-in shown")


def _mark_first_rows(window: MainWindow) -> None:
    """Mark the moment the first rows reached the window (once)."""

    def first(*_args: object) -> None:
        window.sync.sig_batch.disconnect(first)
        startup.mark("first rows shown")

    window.sync.sig_batch.connect(first)
