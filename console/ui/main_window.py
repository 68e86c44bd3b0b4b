"""The dispatcher's workspace: dockable panels around the live request queue.

The window owns the models (requests, crews) and the one poller that keeps
them current; panels are widgets in docks that listen to the window's signals
and write through the backend. Panels never talk to each other: the window
says which request or crew is selected (``sig_request_selected``,
``sig_crew_selected``) and what changed (``sig_synced`` and friends), and
other features plug their widgets in with :meth:`MainWindow.install_panel`.

Integration API for feature panels
----------------------------------
- ``install_panel(key, widget)``: put ``widget`` in the dock ``key`` ("map",
  "suggestions", "guidance", "timeline", or a new key), replacing its placeholder.
- ``select_request(request_id)`` / ``select_crew(crew_id)``: select from a panel.
- ``sync_now()``: poll at once after a panel wrote something.
- signals: ``sig_request_selected``, ``sig_crew_selected``, ``sig_synced``,
  ``sig_requests_changed``, ``sig_crews_changed``, ``sig_depots_loaded``,
  ``sig_assign_first_requested``, ``sig_theme_changed``,
  ``sig_location_pick_requested``, ``sig_connection_changed``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPoint,
    QRect,
    QSettings,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from console.core.errors import DomainError
from console.core.field.feed import FeedRules
from console.core.field.setup import PhoneSetup
from console.core.inputs import parse_json
from console.core.ports import (
    ConsoleBackend,
    DatabaseRescue,
    DeviceAdmin,
    PricingDesk,
    QualityBackend,
    RescueCopy,
)
from console.core.records import CrewPosition, CrewRow, DepotRow, RequestChanges, RequestRow
from console.core.sla import SlaTargets
from console.ui import screen_fit
from console.ui.alerts import AlertMonitor
from console.ui.crew_board import CrewBoardPanel
from console.ui.crew_model import CrewColumn, CrewTableModel
from console.ui.dashboard import DashboardWindow
from console.ui.database_lost import DatabaseLostNotice
from console.ui.filter_bar import QueueFilterBar
from console.ui.i18n import current_language, install_language
from console.ui.icons import colour, icon
from console.ui.intake_dialog import IntakeDialog
from console.ui.labels import error_text, label, without_mnemonic
from console.ui.live_sync import LiveSync, SyncBatch
from console.ui.panel_scroll import PanelScrollArea
from console.ui.queue_filter import RequestFilterProxy
from console.ui.queue_model import ROW_ROLE, Column, RequestQueueModel
from console.ui.request_detail import RequestDetailPanel
from console.ui.revenue_dialog import RevenueMenu
from console.ui.settings_store import (
    LANGUAGE_KEY,
    SETTINGS_APPLICATION,
    SETTINGS_ORGANISATION,
    open_settings,
)
from console.ui.shortcuts_dialog import ShortcutsDialog
from console.ui.theme import THEME_KEY, Theme, apply_theme, current_theme, parse_theme

__all__ = [
    "LANGUAGE_KEY",
    "PANEL_KEYS",
    "QUEUE_COLUMN_ORDER",
    "SETTINGS_APPLICATION",
    "SETTINGS_ORGANISATION",
    "MainWindow",
    "open_settings",
]

logger = logging.getLogger(__name__)

STATE_VERSION = 2
"""Bumped when the dock layout changes shape, so an old saved layout is ignored."""
QUEUE_ORDER_VERSION = 2
"""Bumped when the queue's default sort changes (2: by urgency, see ``urgency_key``)."""
CREW_ORDER_VERSION = 3
"""Crew board layouts saved before version 2 had no Feed column; before 3 it sat past the
board's right edge at 1366 px (now next to the status, the GPS age beside it)."""

PANEL_KEYS: tuple[str, ...] = (
    "queue",
    "map",
    "detail",
    "crews",
    "suggestions",
    "guidance",
    "timeline",
)
"""The docks every window has (feature panels replace the placeholders)."""

QUEUE_COLUMN_ORDER: tuple[Column, ...] = (
    Column.REFERENCE,
    Column.PRIORITY,
    Column.STATUS,
    Column.SLA,
    Column.AGE,
    Column.SERVICE,
    Column.VEHICLE,
    Column.LOCATION,
    Column.CREW,
    Column.ETA,
)
"""Default left-to-right order of the queue's columns on a fresh layout."""

QUEUE_MIN_ROWS = 8
"""Rows the queue always shows, whatever the other panels hold."""

UNSCROLLED_PANELS = frozenset({"queue", "map"})
"""Docks whose widget sizes itself (the queue's table scrolls, the map is a page);
every other panel scrolls inside a :class:`PanelScrollArea`."""

DEFAULT_SIZE = (1280, 760)
"""The window's normal size before the user chose one (capped to the screen)."""

_PANEL_ICONS = {
    "queue": "panel.queue",
    "map": "panel.map",
    "detail": "panel.detail",
    "crews": "panel.crews",
    "suggestions": "panel.suggestions",
    "guidance": "panel.guidance",
    "timeline": "panel.timeline",
}

# Language names are written in their own language so anyone can find theirs.
_LANGUAGE_NAMES: tuple[tuple[str, str], ...] = (("en", "English"), ("zh", "中文"))


def _sla_targets(backend: object) -> SlaTargets:
    """The backend's configured targets where it tells them, else the defaults."""
    read = getattr(backend, "sla_targets", None)
    if callable(read):
        targets = read()
        if isinstance(targets, SlaTargets):
            return targets
    return SlaTargets()


def _feed_rules(backend: object) -> FeedRules:
    """The backend's feed thresholds (the suggestions' rule) where it tells them."""
    read = getattr(backend, "feed_rules", None)
    if callable(read):
        rules = read()
        if isinstance(rules, FeedRules):
            return rules
    return FeedRules()


def _phone_setup(backend: object) -> PhoneSetup:
    """What crew phones are told to report to, where the backend tells it."""
    read = getattr(backend, "phone_setup", None)
    if callable(read):
        setup = read()
        if isinstance(setup, PhoneSetup):
            return setup
    return PhoneSetup()


def _as_bool(value: object) -> bool:
    # QSettings' INI format reads booleans back as the strings "true"/"false".
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _place_after(header: QHeaderView, column: int, anchor: int) -> None:
    """Move ``column`` to the visual place just right of ``anchor``."""
    source, target = header.visualIndex(column), header.visualIndex(anchor)
    header.moveSection(source, target + 1 if source > target else target)


def _as_int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


class MainWindow(QMainWindow):
    """Docks (queue, map, detail, crews, suggestions, guidance, timeline), menus and status."""

    sig_connection_changed = Signal(bool)
    """Emitted with True when the backend answers again, False when it fails."""

    sig_request_selected = Signal(object)
    """Emitted with the selected request id (int), or None when nothing is selected."""

    sig_crew_selected = Signal(object)
    """Emitted with the selected crew id (int), or None."""

    sig_synced = Signal(object)
    """Emitted with each :class:`~console.ui.live_sync.SyncBatch` after the models took it."""

    sig_requests_changed = Signal(object)
    """Emitted with a tuple of :class:`RequestRow` that changed (closed ones included)."""

    sig_crews_changed = Signal(object)
    """Emitted with a tuple of :class:`CrewRow` that changed."""

    sig_crews_moved = Signal(object)
    """Emitted with a list of :class:`CrewRow` that only moved (fixes), after the crew model."""

    sig_depots_loaded = Signal(object)
    """Emitted with the list of :class:`DepotRow` once they are read."""

    sig_assign_first_requested = Signal(object)
    """Emitted with the selected request id when the dispatcher asks to assign the
    best suggested crew (Ctrl+Enter); the suggestions panel carries it out."""

    sig_theme_changed = Signal(str)
    """Emitted with "light" or "dark" after the theme changed (re-fetch icons)."""

    sig_location_pick_requested = Signal()
    """Emitted when the intake asks for a location from the map; answer with
    :meth:`set_intake_location`."""

    sig_guidance_requested = Signal(object)
    """Emitted with a request id when a call should be guided by script (from
    intake); the guidance panel carries it out."""

    def __init__(
        self,
        backend: ConsoleBackend,
        clock: Callable[[], datetime],
        settings: QSettings | None = None,
        *,
        poll_ms: int = 1000,
        tz: tzinfo | None = None,
        user: str = "",
        parent: QWidget | None = None,
        load_now: bool = True,
    ) -> None:
        """``load_now`` False: the first rows are fetched on the poller's thread and
        arrive a moment after the window shows, instead of holding up its build."""
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self._backend = backend
        self._clock = clock
        self._settings = settings if settings is not None else open_settings()
        self._tz = tz
        self._user = user
        self._depots: list[DepotRow] = []
        self._selected_request: int | None = None
        self._selected_crew: int | None = None
        self._map_pick = False
        self._awaited_request: int | None = None
        self.intake: IntakeDialog | None = None
        self.devices_dialog: QDialog | None = None
        """The open device dialog, if any."""
        self.database_lost_notice: DatabaseLostNotice | None = None
        self.rescue_outcome: QMessageBox | None = None
        """The message that said where the rescue copy went (or why it failed)."""
        """The notice that the database file is gone, once it was shown."""
        """The open intake dialog, if any."""
        self._leave_confirmed = False

        self.sync = LiveSync(backend, poll_ms, self)
        self.sla_targets = _sla_targets(backend)
        """The service-level targets the queue's countdowns and the alerts run against."""
        self.model = RequestQueueModel(clock, self, targets=self.sla_targets)
        self.proxy = RequestFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.crew_model = CrewTableModel(clock, self)
        self.crew_model.set_reference_lookup(self.model.reference_of)
        self.crew_model.tz = tz
        self.crew_model.set_feed_rules(_feed_rules(backend))

        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        self.view = self._build_view()
        self.filter_bar = QueueFilterBar(self.proxy, self)
        self.detail = RequestDetailPanel(backend, clock, tz, self)
        self.crew_board = CrewBoardPanel(self.crew_model, backend, self)
        self.alerts = AlertMonitor(self, clock, self._settings, targets=self.sla_targets)
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self._docks: dict[str, QDockWidget] = {}
        self._placeholders: dict[str, QLabel] = {}
        self._build_docks()

        self._build_actions()
        self._build_menus()
        if isinstance(backend, PricingDesk):
            self.revenue = RevenueMenu(self, self.view_menu, backend)
        self._build_toolbar()
        self._build_status_bar()
        self._wire()

        self.retranslate_ui()
        apply_theme(self._app(), parse_theme(self._settings.value(THEME_KEY, Theme.LIGHT.value)))
        self._restyle()
        header_restored = self._restore_state()

        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._on_tick)

        if load_now:
            self.refresh()
        else:
            self.sync.request_poll()
        if not header_restored:
            self._default_column_widths()
        self._update_clock()
        self.sync.start()
        self._clock_timer.start()

    @staticmethod
    def _app() -> QApplication:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            raise RuntimeError("create the QApplication before the main window")
        return app

    # -- construction --------------------------------------------------------

    def _build_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("requestQueue")
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        # Fixed row heights keep scrolling cheap with thousands of rows.
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionsMovable(True)
        # What needs action first: waiting requests by time left, jobs under way below.
        view.sortByColumn(Column.SLA, Qt.SortOrder.AscendingOrder)
        return view

    def _keep_queue_rows(self) -> None:
        """Hold the queue at :data:`QUEUE_MIN_ROWS` rows at least, scroll bar included.

        The docks around it can then only take what is left: a long text in a
        panel scrolls there instead of squeezing the queue.
        """
        view = self.view
        header = view.horizontalHeader()
        height = (
            QUEUE_MIN_ROWS * view.verticalHeader().defaultSectionSize()
            + max(header.sizeHint().height(), header.height())
            + view.horizontalScrollBar().sizeHint().height()
            + 2 * view.frameWidth()
        )
        view.setMinimumHeight(height)

    def _default_column_widths(self) -> None:
        """Widths that fit typical content, and at least the column title."""
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        characters = {
            Column.REFERENCE: 17,
            Column.AGE: 6,
            Column.PRIORITY: 5,
            Column.SERVICE: 13,
            Column.VEHICLE: 22,
            Column.LOCATION: 22,
            Column.STATUS: 8,
            Column.CREW: 9,
            Column.ETA: 5,
            Column.SLA: 15,
        }
        icon_room = 22
        digit = metrics.horizontalAdvance("0")  # CJK fonts report a wide "average" character
        for column, count in characters.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(digit * count, metrics.horizontalAdvance(title) + 28)
            if column in (Column.PRIORITY, Column.SERVICE, Column.VEHICLE):
                width += icon_room
            header.resizeSection(column, width)
        # What decides the next action first; the details after (columns stay movable).
        for visual, column in enumerate(QUEUE_COLUMN_ORDER):
            header.moveSection(header.visualIndex(column), visual)

    def _make_dock(self, key: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget if key in UNSCROLLED_PANELS else PanelScrollArea(widget, dock))
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self._docks[key] = dock
        return dock

    def _placeholder(self, key: str) -> QLabel:
        placeholder = QLabel(self)
        placeholder.setObjectName(f"placeholder_{key}")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setWordWrap(True)
        placeholder.setEnabled(False)  # drawn in the muted text colour
        self._placeholders[key] = placeholder
        return placeholder

    def _build_docks(self) -> None:
        queue = QWidget(self)
        queue_layout = QVBoxLayout(queue)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.setSpacing(0)
        queue_layout.addWidget(self.alerts.banner)
        queue_layout.addWidget(self.filter_bar)
        queue_layout.addWidget(self.view, 1)
        self._keep_queue_rows()
        self._make_dock("queue", queue)
        self._make_dock("crews", self.crew_board)
        self._make_dock("detail", self.detail)
        for key in ("map", "suggestions", "guidance", "timeline"):
            self._make_dock(key, self._placeholder(key))
        self.reset_layout()

    def reset_layout(self) -> None:
        """Put every dock back where a new console has it."""
        docks = self._docks
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        for dock in docks.values():
            dock.setFloating(False)
            self.removeDockWidget(dock)
        # The queue and what a dispatcher needs to act on one request (detail, then
        # suggestions) on the left; the map and the crews on the right.
        self.addDockWidget(left, docks["queue"])
        self.splitDockWidget(docks["queue"], docks["detail"], Qt.Orientation.Vertical)
        self.splitDockWidget(docks["detail"], docks["suggestions"], Qt.Orientation.Horizontal)
        self.tabifyDockWidget(docks["detail"], docks["timeline"])
        self.tabifyDockWidget(docks["suggestions"], docks["guidance"])
        self.addDockWidget(right, docks["map"])
        self.splitDockWidget(docks["map"], docks["crews"], Qt.Orientation.Vertical)
        extra = [d for k, d in docks.items() if k not in PANEL_KEYS]
        for dock in extra:
            self.tabifyDockWidget(docks["suggestions"], dock)
        for dock in docks.values():
            dock.show()
        docks["detail"].raise_()
        docks["suggestions"].raise_()
        self._default_dock_sizes()
        # Sizes only stick once the window has its real size: again on first show.
        self._sizes_pending = True

    def _default_dock_sizes(self) -> None:
        """Share the window: 60 % queue side, 40 % map side (sizes are in pixels)."""
        docks = self._docks
        width, height = max(self.width(), 800), max(self.height(), 500)
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        left = int(width * 0.6)
        self.resizeDocks([docks["queue"], docks["map"]], [left, width - left], horizontal)
        self.resizeDocks(
            [docks["queue"], docks["detail"]], [int(height * 0.5), int(height * 0.4)], vertical
        )
        self.resizeDocks(
            [docks["detail"], docks["suggestions"]], [left // 2, left // 2], horizontal
        )
        self.resizeDocks(
            [docks["map"], docks["crews"]], [int(height * 0.5), int(height * 0.4)], vertical
        )

    def _build_actions(self) -> None:
        def make(
            icon_name: str | None, shortcuts: list[str], slot: Callable[[], object]
        ) -> QAction:
            action = QAction(self)
            if icon_name:
                self._action_icons[action] = icon_name
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False: slot())
            self.addAction(action)
            self._made_actions.append(action)
            return action

        self._action_icons: dict[QAction, str] = {}
        self._made_actions: list[QAction] = []
        self.new_call_action = make("request.new", ["Ctrl+N", "F2"], self.open_intake)
        self.search_action = make("app.search", ["Ctrl+F"], self.focus_search)
        self.next_action = make("nav.next", ["Ctrl+Down", "F8"], self.select_next_request)
        self.previous_action = make("nav.previous", ["Ctrl+Up", "F7"], self.select_previous_request)
        self.refresh_action = make("app.refresh", ["F5"], self.refresh)
        self.assign_first_action = make("request.assign_first", ["Ctrl+Return", "Ctrl+Enter"],
                                        self.request_assign_first)  # fmt: skip
        self.theme_action = make("app.theme", ["Ctrl+Shift+L"], self.toggle_theme)
        self.theme_action.setCheckable(True)
        self.reset_layout_action = make(None, ["Ctrl+Shift+0"], self.reset_layout)
        self.quit_action = make("app.quit", [], self.close)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.shortcuts_action = make("app.shortcuts", ["F1", "Ctrl+/"], self.show_shortcuts)
        self.about_action = make("app.about", [], self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.dashboard_action = make("app.dashboard", ["Ctrl+Shift+D"], self.open_dashboard)
        self.dashboard_action.setEnabled(isinstance(self._backend, QualityBackend))
        self.dashboard: DashboardWindow | None = None
        """The supervisor dashboard once opened."""

        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in _LANGUAGE_NAMES:
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, lang=code: self.set_language(lang))
            self.language_actions[code] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = QMenu(self)
        self.file_menu.addAction(self.new_call_action)
        self.file_menu.addAction(self.refresh_action)
        self.file_menu.addAction(self.crew_board.devices_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        bar.addMenu(self.file_menu)

        self.request_menu = QMenu(self)
        for action in (self.next_action, self.previous_action, self.search_action):
            self.request_menu.addAction(action)
        self.request_menu.addSeparator()
        self.request_menu.addAction(self.assign_first_action)
        self.request_menu.addSeparator()
        self.request_menu.addActions(list(self.detail.actions_by_key.values()))
        bar.addMenu(self.request_menu)

        self.crew_menu = QMenu(self)
        self.crew_menu.addActions(list(self.crew_board.status_actions.values()))
        bar.addMenu(self.crew_menu)

        self.view_menu = QMenu(self)
        self.panels_menu = QMenu(self)
        for dock in self._docks.values():
            self.panels_menu.addAction(dock.toggleViewAction())
        self.view_menu.addMenu(self.panels_menu)
        self.view_menu.addAction(self.reset_layout_action)
        self.view_menu.addAction(self.dashboard_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.theme_action)
        self.view_menu.addAction(self.alerts.mute_action)
        self.language_menu = QMenu(self)
        self.language_menu.addActions(list(self.language_actions.values()))
        self.view_menu.addMenu(self.language_menu)
        bar.addMenu(self.view_menu)

        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.about_action)
        bar.addMenu(self.help_menu)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.new_call_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.previous_action)
        self.toolbar.addAction(self.next_action)
        self.toolbar.addAction(self.assign_first_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.refresh_action)
        self.toolbar.addAction(self.theme_action)
        self.addToolBar(self.toolbar)
        self.view_menu.insertAction(self.reset_layout_action, self.toolbar.toggleViewAction())

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.connection_icon = QLabel(self)
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionLabel")
        # A long database address must not hold the window wide: it is cut instead.
        self.connection_label.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        self.user_icon = QLabel(self)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("userLabel")
        self.row_count_label = QLabel(self)
        self.clock_icon = QLabel(self)
        self.clock_label = QLabel(self)
        status.addWidget(self.connection_icon)
        status.addWidget(self.connection_label, 1)
        status.addPermanentWidget(self.user_icon)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.row_count_label)
        status.addPermanentWidget(self.clock_icon)
        status.addPermanentWidget(self.clock_label)

    def _wire(self) -> None:
        self.sync.sig_batch.connect(self._take_batch)
        self.sync.sig_positions.connect(self._take_positions)
        self.sync.sig_depots.connect(self._take_depots)
        self.sync.sig_connection_changed.connect(self._on_connection_changed)
        self.model.rowsInserted.connect(self._update_row_count)
        self.model.rowsRemoved.connect(self._update_row_count)
        self.model.modelReset.connect(self._update_row_count)
        self.view.selectionModel().selectionChanged.connect(self._on_queue_selection)
        self.proxy.sig_filter_about_to_change.connect(self._before_filter_change)
        self.proxy.sig_filter_changed.connect(self._after_filter_change)
        self.crew_board.sig_crew_activated.connect(self._set_selected_crew)
        self.crew_board.sig_changed.connect(self.sync_now)
        self.crew_board.sig_devices_requested.connect(self.open_devices)
        self.detail.sig_changed.connect(self._on_detail_changed)
        self.detail.find_crew = self.crew_row
        self.sig_request_selected.connect(self.detail.show_request)
        self.sig_requests_changed.connect(self.detail.take_changes)
        self.sig_crew_selected.connect(self.crew_board.select_crew)
        self.sig_synced.connect(self.alerts.take_batch)
        self.alerts.sig_show_requested.connect(self.show_alerted_request)

    # -- text ------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every user-visible string in the current language."""
        self.setWindowTitle(self.tr("Roadside Assistance Dispatch Console"))
        self.file_menu.setTitle(self.tr("&File"))
        self.request_menu.setTitle(self.tr("Re&quest"))
        self.crew_menu.setTitle(self.tr("&Crews"))
        self.view_menu.setTitle(self.tr("&View"))
        self.panels_menu.setTitle(self.tr("&Panels"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        texts = {
            self.new_call_action: (self.tr("&New call"), self.tr("Take a new call (intake form)")),
            self.search_action: (self.tr("&Search"), self.tr("Search the queue")),
            self.next_action: (self.tr("Ne&xt request"), self.tr("Select the next request")),
            self.previous_action: (
                self.tr("Pre&vious request"),
                self.tr("Select the previous request"),
            ),
            self.refresh_action: (self.tr("&Refresh"), self.tr("Reload the open requests now")),
            self.assign_first_action: (
                self.tr("&Assign best crew"),
                self.tr("Assign the first suggested crew to the selected request"),
            ),
            self.theme_action: (self.tr("&Dark theme"), self.tr("Switch between light and dark")),
            self.reset_layout_action: (
                self.tr("&Reset panel layout"),
                self.tr("Put every panel back in its place"),
            ),
            self.quit_action: (self.tr("&Quit"), ""),
            self.shortcuts_action: (
                self.tr("&Keyboard shortcuts"),
                self.tr("List every keyboard shortcut"),
            ),
            self.about_action: (self.tr("&About"), ""),
            self.dashboard_action: (
                self.tr("Supervisor &dashboard"),
                self.tr("Open the supervisor dashboard: KPIs, complaints, scorecards, reports"),
            ),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setStatusTip(tip)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            plain = without_mnemonic(text)
            action.setToolTip(f"{plain} ({keys})" if keys else plain)
            # Qt strips "&" from a toolbar label but leaves Chinese "(&V)" as "(V)".
            action.setIconText(plain)
        self.new_call_action.setIconText(self.tr("New call"))
        titles = {
            "queue": self.tr("Request queue"),
            "map": self.tr("Map"),
            "detail": self.tr("Request detail"),
            "crews": self.tr("Crew board"),
            "suggestions": self.tr("Crew suggestions"),
            "guidance": self.tr("Guidance"),
            "timeline": self.tr("Timeline"),
        }
        for key, dock in self._docks.items():
            if key in titles:
                dock.setWindowTitle(titles[key])
        placeholders = {
            "map": self.tr("The live map will appear here."),
            "suggestions": self.tr("Crew suggestions for the selected request will appear here."),
            "guidance": self.tr("Guidance scripts for the call will appear here."),
            "timeline": self.tr("The history of the selected request will appear here."),
        }
        for key, widget in self._placeholders.items():
            widget.setText(placeholders.get(key, ""))
        self.clock_label.setToolTip(self.tr("Current time"))
        self.user_label.setText(self.tr("User: {user}").format(user=self._user or "-"))
        self.language_actions[current_language()].setChecked(True)
        self._update_connection()
        self._update_row_count()
        self.model.retranslate()
        self.crew_model.retranslate()
        self._keep_queue_rows()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_about(self) -> None:
        """Show the About box."""
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "<b>Roadside Assistance Dispatch Console</b><br>"
                "Nationwide 24-hour roadside assistance: take calls, queue "
                "requests and dispatch crews.<br>Licensed under Apache-2.0."
            ),
        )

    def show_shortcuts(self) -> ShortcutsDialog:
        """Open (or bring forward) the list of keyboard shortcuts."""
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self)
        dialog = self.shortcuts_dialog
        dialog.fill()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def show_alerted_request(self, request_id: int) -> None:
        """Select an alerted request and bring its detail forward."""
        self.select_request(request_id)
        for key in ("queue", "detail"):
            dock = self._docks[key]
            dock.show()
            dock.raise_()

    def set_language(self, lang: str) -> None:
        """Switch the user interface to ``lang`` ("zh" or "en") and remember it."""
        app = QCoreApplication.instance()
        if app is None:
            return
        install_language(app, lang)
        self._settings.setValue(LANGUAGE_KEY, current_language())
        self.language_actions[current_language()].setChecked(True)

    # -- theme -------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        """Use the light or dark theme and remember the choice."""
        apply_theme(self._app(), theme)
        self._settings.setValue(THEME_KEY, theme.value)
        self._restyle()
        self.sig_theme_changed.emit(theme.value)

    def toggle_theme(self) -> None:
        """Switch between light and dark."""
        self.set_theme(Theme.LIGHT if current_theme() is Theme.DARK else Theme.DARK)

    def _restyle(self) -> None:
        for action, name in self._action_icons.items():
            action.setIcon(icon(name))
        for key, dock in self._docks.items():
            if key in _PANEL_ICONS:
                dock.toggleViewAction().setIcon(icon(_PANEL_ICONS[key]))
        self.language_menu.setIcon(icon("app.language"))
        with QSignalBlocker(self.theme_action):
            self.theme_action.setChecked(current_theme() is Theme.DARK)
        self.filter_bar.restyle()
        self.detail.restyle()
        self.crew_board.restyle()
        self.alerts.banner.restyle()
        self.model.restyle()
        self.crew_model.retranslate()
        size = self.clock_label.fontMetrics().height()
        self.user_icon.setPixmap(icon("status.user").pixmap(size, size))
        self.clock_icon.setPixmap(icon("status.clock").pixmap(size, size))
        self._update_connection()

    # -- panels ------------------------------------------------------------------------

    def dock(self, key: str) -> QDockWidget | None:
        """The dock called ``key``, if there is one."""
        return self._docks.get(key)

    def panel(self, key: str) -> QWidget | None:
        """The panel (or placeholder) shown in the dock ``key``, inside its scroll area."""
        dock = self._docks.get(key)
        if dock is None:
            return None
        body = dock.widget()
        return body.panel() if isinstance(body, PanelScrollArea) else body

    def install_panel(self, key: str, widget: QWidget) -> None:
        """Put ``widget`` into the dock ``key``, replacing its placeholder.

        A new key gets a new dock (tabbed with the suggestions, or where the
        saved layout had it). The window takes ownership of ``widget``.
        """
        dock = self._docks.get(key)
        if dock is None:
            dock = self._make_dock(key, widget)
            dock.setWindowTitle(widget.windowTitle() or key.capitalize())
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if not self.restoreDockWidget(dock):
                self.tabifyDockWidget(self._docks["suggestions"], dock)
            self.panels_menu.addAction(dock.toggleViewAction())
            self._yield_shortcuts(widget)
            return
        body = dock.widget()
        if isinstance(body, PanelScrollArea):
            old = body.replace_panel(widget)
        else:
            old = body
            dock.setWidget(widget)
        placeholder = self._placeholders.get(key)
        if placeholder is not None and old is placeholder:
            del self._placeholders[key]
            placeholder.deleteLater()
        if key == "map":
            self._map_pick = True
        self._yield_shortcuts(widget)

    def _yield_shortcuts(self, panel: QWidget) -> None:
        """Drop window shortcuts that ``panel`` binds itself (its own wins).

        Two bindings of one key in a window fire neither; the assign-first
        action, for one, is a stand-in until the suggestions panel brings its own.
        """
        taken = {shortcut.key().toString() for shortcut in panel.findChildren(QShortcut)}
        for action in [*panel.actions(), *panel.findChildren(QAction)]:
            taken.update(sequence.toString() for sequence in action.shortcuts())
        taken.discard("")
        for action in self._window_actions():
            kept = [s for s in action.shortcuts() if s.toString() not in taken]
            if len(kept) != len(action.shortcuts()):
                logger.info("panel %s takes over a shortcut of %r", panel, action.text())
                action.setShortcuts(kept)

    def _window_actions(self) -> list[QAction]:
        return list(self._made_actions)

    # -- selection ---------------------------------------------------------------------

    @property
    def backend(self) -> ConsoleBackend:
        """The backend the window reads and writes through."""
        return self._backend

    @property
    def clock(self) -> Callable[[], datetime]:
        """The clock the console runs on (the live demo may run it faster)."""
        return self._clock

    def crew_row(self, crew_id: int) -> CrewRow | None:
        """Crew ``crew_id`` as last synced (None: not known)."""
        position = self.crew_model.position_of(crew_id)
        return None if position is None else self.crew_model.row_at(position)

    @property
    def selected_request_id(self) -> int | None:
        """The request the panels are showing."""
        return self._selected_request

    @property
    def selected_crew_id(self) -> int | None:
        """The crew selected on the board or by a panel."""
        return self._selected_crew

    @property
    def depots(self) -> list[DepotRow]:
        """The depots read at start-up."""
        return list(self._depots)

    def select_request(self, request_id: int) -> None:
        """Select request ``request_id`` in the queue and tell every panel."""
        index = self._proxy_index(request_id)
        if index is not None:
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(index)
        else:
            # Closed, filtered out or not synced yet: the panels still show it.
            with QSignalBlocker(self.view.selectionModel()):
                self.view.selectionModel().clearSelection()
            self.view.viewport().update()
            if self.model.position_of(request_id) is None:
                # Just written here (a new call): select it once the sync brings it.
                self._awaited_request = request_id
        self._set_selected_request(request_id)

    def _select_awaited(self) -> None:
        awaited, self._awaited_request = self._awaited_request, None
        if awaited is None or awaited != self._selected_request:
            return
        index = self._proxy_index(awaited)
        if index is None:
            self._awaited_request = awaited if self.model.position_of(awaited) is None else None
            return
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    def select_crew(self, crew_id: int) -> None:
        """Select crew ``crew_id`` on the board and tell every panel."""
        self._set_selected_crew(crew_id)

    def _proxy_index(self, request_id: int) -> QModelIndex | None:
        position = self.model.position_of(request_id)
        if position is None:
            return None
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        return index if index.isValid() else None

    def _on_queue_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        row = rows[0].data(ROW_ROLE) if rows else None
        if isinstance(row, RequestRow):
            self._set_selected_request(row.id)
            return
        previous = self._selected_request
        if previous is not None and self._proxy_index(previous) is None:
            # The request closed or was filtered away: keep it in the panels.
            return
        self._set_selected_request(None)

    def _drop_queue_selection(self) -> None:
        # Left alone, the view moves the selection to a neighbour when the selected
        # row goes away; a dispatcher must never act on a request they did not
        # choose, so the selection is dropped and the panels keep showing theirs.
        selection = self.view.selectionModel()
        with QSignalBlocker(selection):
            selection.clear()
        self.view.viewport().update()

    def _before_filter_change(self) -> None:
        self._drop_queue_selection()

    def _after_filter_change(self) -> None:
        if self._selected_request is None:
            return
        index = self._proxy_index(self._selected_request)
        if index is not None:
            selection = self.view.selectionModel()
            with QSignalBlocker(selection):
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            self.view.viewport().update()

    def _set_selected_request(self, request_id: int | None) -> None:
        if request_id == self._selected_request:
            return
        self._selected_request = request_id
        self.sig_request_selected.emit(request_id)

    def _set_selected_crew(self, crew_id: object) -> None:
        value = crew_id if isinstance(crew_id, int) else None
        if value == self._selected_crew:
            return
        self._selected_crew = value
        self.sig_crew_selected.emit(value)

    def select_next_request(self) -> None:
        """Select the request below the current one (the first if none)."""
        self._step(1)

    def select_previous_request(self) -> None:
        """Select the request above the current one (the last if none)."""
        self._step(-1)

    def _step(self, step: int) -> None:
        count = self.proxy.rowCount()
        if count == 0:
            return
        rows = self.view.selectionModel().selectedRows()
        if rows:
            target = min(count - 1, max(0, rows[0].row() + step))
        else:
            target = 0 if step > 0 else count - 1
        index = self.proxy.index(target, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    def focus_search(self) -> None:
        """Show the queue and put the cursor in its search box."""
        dock = self._docks["queue"]
        dock.show()
        dock.raise_()
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def request_assign_first(self) -> None:
        """Ask the suggestions panel to assign its best crew to the selected request."""
        if self._selected_request is None:
            self.statusBar().showMessage(self.tr("Select a request first."), 4000)
            return
        self.sig_assign_first_requested.emit(self._selected_request)

    # -- intake ------------------------------------------------------------------------

    def open_intake(self) -> IntakeDialog:
        """Open the new-call form (or bring the open one to the front)."""
        if self.intake is not None and self.intake.isVisible():
            self.intake.raise_()
            self.intake.activateWindow()
            return self.intake
        dialog = IntakeDialog(
            self._backend,
            self._settings,
            depots=self._depots,
            clock=self._clock,
            tz=self._tz,
            map_pick=self._map_pick,
            user=self._user,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_request_created.connect(self._on_request_created)
        dialog.sig_pick_on_map.connect(self.sig_location_pick_requested)
        dialog.sig_guidance_requested.connect(self.sig_guidance_requested)
        dialog.destroyed.connect(self._forget_intake)
        self.intake = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _forget_intake(self) -> None:
        self.intake = None

    def set_intake_location(self, lat: float, lon: float, address: str = "") -> None:
        """Fill the open intake's coordinates (the map's answer to a pick request)."""
        if self.intake is not None:
            self.intake.set_location(lat, lon, address or None)

    def _on_request_created(self, row: RequestRow) -> None:
        self.alerts.acknowledge(row.id)  # the dispatcher who took the call knows
        self.sync_now()
        self.select_request(row.id)
        self.statusBar().showMessage(
            self.tr("Request {reference} created: {status}.").format(
                reference=row.reference, status=label(row.status)
            ),
            8000,
        )

    def _on_detail_changed(self, _row: RequestRow) -> None:
        self.sync_now()

    # -- live data --------------------------------------------------------------

    @property
    def is_connected(self) -> bool:
        """True when the last call to the backend succeeded."""
        return self.sync.is_connected

    def refresh(self) -> None:
        """Reload every open request and crew (rows are updated in place)."""
        self.sync.refresh()

    def poll(self) -> None:
        """Fetch what changed since the last revision seen, if anything did."""
        self.sync.poll()

    def open_devices(self, crew: CrewRow) -> QDialog | None:
        """Open the device dialog of ``crew`` (administrators; the backend checks it)."""
        from console.ui.devices_dialog import DevicesDialog

        backend = self._backend
        if not isinstance(backend, DeviceAdmin):
            self.statusBar().showMessage(self.tr("This database keeps no devices."), 5000)
            return None
        dialog = DevicesDialog(backend, crew, _phone_setup(backend), self._tz, self)
        self.devices_dialog = dialog

        def closed(_result: int) -> None:
            self.devices_dialog = None
            dialog.deleteLater()
            self.sync_now()  # the crew's feed state follows its devices

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def sync_now(self) -> None:
        """Poll at once on the worker thread (after a panel wrote something)."""
        self.sync.request_poll()

    def _take_batch(self, batch: SyncBatch) -> None:
        if self._selection_leaves(batch):
            self._drop_queue_selection()
        changes = RequestChanges(revision=batch.revision, requests=batch.requests)
        if batch.snapshot:
            self.model.load(changes)
            self.crew_model.load(batch.crews)
        else:
            self.model.apply(changes)
            self.crew_model.apply(batch.crews)
        if self._awaited_request is not None:
            self._select_awaited()
        self.sig_synced.emit(batch)
        if batch.requests:
            self.sig_requests_changed.emit(batch.requests)
        if batch.crews:
            self.sig_crews_changed.emit(batch.crews)

    def _take_positions(self, positions: Sequence[CrewPosition]) -> None:
        # Positions only: the requests and every panel reading them stay as they are.
        moved = self.crew_model.move(positions)
        if moved:
            self.sig_crews_moved.emit(moved)

    def _selection_leaves(self, batch: SyncBatch) -> bool:
        """True when ``batch`` takes the selected request out of the queue."""
        chosen = self._selected_request
        if chosen is None or self.model.position_of(chosen) is None:
            return False
        if batch.snapshot:
            return not any(row.id == chosen and row.is_open for row in batch.requests)
        return any(row.id == chosen and not row.is_open for row in batch.requests)

    def _take_depots(self, depots: list[DepotRow]) -> None:
        self._depots = list(depots)
        self.crew_model.set_depots(self._depots)
        self.proxy.set_provinces({d.city_zh: d.province_zh for d in self._depots})
        english = {d.city_zh: d.city_en for d in self._depots}
        self.model.set_city_names(english)
        self.detail.set_city_names(english)
        self.filter_bar.set_depots(self._depots)
        self.crew_board.set_depots(self._depots)
        self._restore_filters()
        self.sig_depots_loaded.emit(self.depots)

    def _on_connection_changed(self, connected: bool) -> None:
        self._update_connection()
        self.sig_connection_changed.emit(connected)

    # -- status bar ---------------------------------------------------------------

    def _update_connection(self) -> None:
        problem = self.sync.problem
        lost = self.sync.database_lost and problem is not None
        if lost:
            assert problem is not None
            text = (
                self.tr("Database file is missing: {source}")
                if problem.code == "db.file_missing"
                else self.tr("Database file was replaced: {source}")
            )
            name = "status.database_lost"
        elif self.sync.is_connected:
            text = self.tr("Connected: {source}")
            name = "status.connected"
        else:
            text = self.tr("Disconnected, retrying: {source}")
            name = "status.disconnected"
        size = self.connection_label.fontMetrics().height()
        self.connection_icon.setPixmap(icon(name).pixmap(size, size))
        self.connection_label.setText(text.format(source=self.sync.description))
        self.connection_label.setStyleSheet(
            f"QLabel#connectionLabel {{ color: {colour('danger').name()}; font-weight: bold; }}"
            if lost
            else ""
        )
        if lost and problem is not None:
            self._tell_database_lost(problem)

    def rescue_database(self, target: str | None = None) -> RescueCopy | None:
        """Save what this console still reaches of the lost database into ``target``.

        Without ``target`` the user chooses the file (beside the lost one by
        default). The outcome is shown in a message; None when nothing was saved.
        """
        backend = self._backend
        if not isinstance(backend, DatabaseRescue):
            return None
        if target is None:
            target = self._choose_rescue_file()
            if not target:
                return None
        try:
            copy = backend.rescue_copy(target)
        except DomainError as exc:
            self._show_rescue_outcome(QMessageBox.Icon.Warning, error_text(exc))
            return None
        self._show_rescue_outcome(
            QMessageBox.Icon.Information,
            self.tr(
                "Saved a rescue copy with {events} ledger events and {requests} requests "
                "to {path}. Restore it with: roadside-console restore {path}"
            ).format(events=copy.events, requests=copy.requests, path=copy.path),
        )
        return copy

    def _choose_rescue_file(self) -> str:
        problem = self.sync.problem
        lost = Path(str(problem.params.get("path", ""))) if problem is not None else Path()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        suggested = lost.with_name(f"{lost.stem or 'console'}-rescued-{stamp}.db")
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a rescue copy"),
            str(suggested),
            self.tr("SQLite database (*.db);;All files (*)"),
        )
        return chosen

    def _show_rescue_outcome(self, kind: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(kind, self.tr("Rescue copy"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("rescueOutcome")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rescue_outcome = box
        box.open()

    def _tell_database_lost(self, problem: DomainError) -> None:
        """Explain once (per kind of loss) that the file is gone and nothing more is saved."""
        shown = self.database_lost_notice
        if shown is not None and shown.problem.code == problem.code:
            return
        if shown is not None:
            shown.close()
        backend = self._backend
        can_rescue = isinstance(backend, DatabaseRescue) and backend.can_rescue()
        notice = DatabaseLostNotice(problem, self, can_rescue=can_rescue)
        notice.sig_quit_requested.connect(self.close)
        notice.sig_rescue_requested.connect(self.rescue_database)
        self.database_lost_notice = notice
        notice.open()

    def _update_row_count(self) -> None:
        count = QLocale().toString(self.model.rowCount())
        self.row_count_label.setText(self.tr("Open requests: {count}").format(count=count))

    def _on_tick(self) -> None:
        # Repaint only the visible cells: the models' tick() would make the proxies
        # re-check every row each second for values that cannot change the order.
        self.model.advance_clock()
        self.crew_model.advance_clock()
        self.view.viewport().update()
        self.crew_board.view.viewport().update()
        self._update_clock()
        self.alerts.tick()

    def _update_clock(self) -> None:
        local = self._clock().astimezone(self._tz)
        self.clock_label.setText(f"{local:%Y-%m-%d %H:%M:%S}")

    # -- window state ----------------------------------------------------------------

    def _restore_state(self) -> bool:
        """Restore geometry, docks and columns; False if no queue column layout was saved."""
        self._restore_geometry()
        state = self._settings.value("window/state")
        if (
            isinstance(state, QByteArray)
            and not state.isEmpty()
            and self.restoreState(state, STATE_VERSION)
        ):
            self._sizes_pending = False
        crew_header = self._settings.value("crews/header")
        if isinstance(crew_header, QByteArray) and not crew_header.isEmpty():
            crews = self.crew_board.view.horizontalHeader()
            crews.restoreState(crew_header)
            if _as_int(self._settings.value("crews/order_version", 1)) < CREW_ORDER_VERSION:
                # Older layouts put the Feed column last or out of view: it moves next to
                # the status, the GPS age (the feed's age) beside it; the rest stays.
                _place_after(crews, CrewColumn.FEED, CrewColumn.STATUS)
                _place_after(crews, CrewColumn.GPS_AGE, CrewColumn.FEED)
        header = self._settings.value("queue/header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            restored = self.view.horizontalHeader().restoreState(header)
            if _as_int(self._settings.value("queue/order_version", 1)) < QUEUE_ORDER_VERSION:
                # Layouts saved before the queue sorted by urgency keep their
                # columns but take the new default order once.
                self.view.sortByColumn(Column.SLA, Qt.SortOrder.AscendingOrder)
            return restored
        return False

    def _restore_geometry(self) -> None:
        """The saved normal size and place (inside today's screen), and maximised if it was.

        Qt's own geometry blob is only a fallback: a window that opened maximised
        has no normal geometry of its own, and restoring it gave odd sizes.
        """
        normal = self._settings.value("window/normal")
        if isinstance(normal, QRect) and normal.isValid():
            # A saved place may be on a monitor since unplugged, or under today's taskbar.
            screen = screen_fit.available_geometry(self, normal.center())
            if not screen.contains(normal):
                screen.setTop(screen.top() + screen_fit.TITLE_BAR_ALLOWANCE)
            self.setGeometry(screen_fit.fit_rect(normal, screen))
        else:
            geometry = self._settings.value("window/geometry")
            if isinstance(geometry, QByteArray) and not geometry.isEmpty():
                self.restoreGeometry(geometry)
            else:
                self.setGeometry(self.default_geometry())
        if _as_bool(self._settings.value("window/maximised", False)):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def default_geometry(self) -> QRect:
        """The normal geometry of a new console: :data:`DEFAULT_SIZE`, centred, on screen."""
        screen = screen_fit.available_geometry(self)
        screen.setTop(screen.top() + screen_fit.TITLE_BAR_ALLOWANCE)
        rect = QRect(QPoint(0, 0), QSize(*DEFAULT_SIZE))
        rect.moveCenter(screen.center())
        return screen_fit.fit_rect(rect, screen)

    def normal_geometry(self) -> QRect:
        """Where the window goes when it is not maximised (what is saved)."""
        normal = self.normalGeometry()
        if self.isMaximized() or self.isFullScreen():
            # Opened maximised and never normal: Qt has no normal size to give.
            if not normal.isValid() or normal.width() < 200 or normal.height() < 150:
                return self.default_geometry()
            return normal
        return self.geometry()

    def _restore_filters(self) -> None:
        for key, target in (("queue/filters", self.filter_bar), ("crews/filters", self.crew_board)):
            raw = self._settings.value(key)
            if isinstance(raw, str) and raw:
                try:
                    target.restore(parse_json(raw))
                except ValueError:  # bad JSON, or a DocumentError (nested too deep)
                    logger.warning("ignoring damaged saved filters %s", key)

    def save_state(self) -> None:
        """Write window, dock, column and filter layout to the settings."""
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/normal", self.normal_geometry())
        self._settings.setValue("window/maximised", self.isMaximized())
        self._settings.setValue("queue/order_version", QUEUE_ORDER_VERSION)
        self._settings.setValue("window/state", self.saveState(STATE_VERSION))
        self._settings.setValue("queue/header", self.view.horizontalHeader().saveState())
        self._settings.setValue("crews/header", self.crew_board.view.horizontalHeader().saveState())
        self._settings.setValue("crews/order_version", CREW_ORDER_VERSION)
        if self._depots:
            # Filters can only be restored against known depots; don't overwrite them before.
            self._settings.setValue("queue/filters", json.dumps(self.filter_bar.state()))
            self._settings.setValue("crews/filters", json.dumps(self.crew_board.state()))
        self._settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        """On the first show of a fresh layout, size the docks for the real window."""
        super().showEvent(event)
        if self._sizes_pending:
            self._sizes_pending = False
            QTimer.singleShot(0, self._default_dock_sizes)

    def open_dashboard(self) -> DashboardWindow | None:
        """Show the supervisor dashboard (a window of its own, refreshed on every sync)."""
        backend = self._backend
        if not isinstance(backend, QualityBackend):
            return None
        if self.dashboard is None:
            self.dashboard = DashboardWindow(
                backend, self._clock, self._tz, user=self._user, settings=self._settings,
                parent=self,
            )  # fmt: skip
            self.dashboard.setWindowFlag(Qt.WindowType.Window, True)
            self.sig_synced.connect(self.dashboard.schedule_refresh)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()
        return self.dashboard

    def confirm_leave_work(self) -> bool:
        """Ask before leaving an open intake or guidance; True to go on (asked once)."""
        from console.ui.leave_guard import confirm_leave  # the guard imports the panels

        if not self._leave_confirmed:
            self._leave_confirmed = confirm_leave(self)
        return self._leave_confirmed

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop polling and remember geometry, docks, columns and filters."""
        if not self.confirm_leave_work():
            event.ignore()
            return
        if self.dashboard is not None:
            self.dashboard.close()
        self.sync.stop()
        self._clock_timer.stop()
        if self.intake is not None:
            self.intake.close()
        self.save_state()
        super().closeEvent(event)
