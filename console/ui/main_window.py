"""The dispatcher's main window: the live request queue with status and menus.

The window polls a :class:`~console.core.ports.QueueSource` for a higher
revision and applies only what changed, so the table is updated in place. A
failing source shows "disconnected" in the status bar; the window keeps going
and recovers on the next successful poll.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QLocale,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableView,
    QToolBar,
    QWidget,
)

from console.core.ports import QueueSource
from console.core.records import RequestChanges
from console.ui.i18n import current_language, install_language
from console.ui.icons import icon
from console.ui.queue_model import SORT_ROLE, Column, RequestQueueModel

__all__ = ["SETTINGS_APPLICATION", "SETTINGS_ORGANISATION", "MainWindow", "open_settings"]

logger = logging.getLogger(__name__)

SETTINGS_ORGANISATION = "Roadside"
SETTINGS_APPLICATION = "Console"
LANGUAGE_KEY = "ui/language"

# Language names are written in their own language so anyone can find theirs.
_LANGUAGE_NAMES: tuple[tuple[str, str], ...] = (("en", "English"), ("zh", "中文"))


def open_settings() -> QSettings:
    """The per-user settings store of the console (window state, language)."""
    return QSettings(SETTINGS_ORGANISATION, SETTINGS_APPLICATION)


class MainWindow(QMainWindow):
    """Queue table, menus, toolbar and status bar of the dispatch console."""

    sig_connection_changed = Signal(bool)
    """Emitted with True when the queue source answers again, False when it fails."""

    def __init__(
        self,
        source: QueueSource,
        clock: Callable[[], datetime],
        settings: QSettings | None = None,
        *,
        poll_ms: int = 2000,
        tz: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self._source = source
        self._clock = clock
        self._settings = settings if settings is not None else open_settings()
        self._tz = tz
        self._revision: int | None = None
        self._connected: bool | None = None
        self._description = self._describe_source()

        self.model = RequestQueueModel(clock, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(True)
        self.proxy.setSortLocaleAware(True)
        self.view = self._build_view()
        self.setCentralWidget(self.view)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.model.rowsInserted.connect(self._update_row_count)
        self.model.rowsRemoved.connect(self._update_row_count)
        self.model.modelReset.connect(self._update_row_count)

        self.retranslate_ui()
        header_restored = self._restore_state()

        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(poll_ms)
        self._poll_timer.timeout.connect(self.poll)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._on_tick)

        self.refresh()
        if not header_restored:
            self.view.resizeColumnsToContents()
        self._update_clock()
        self._poll_timer.start()
        self._clock_timer.start()

    # -- construction --------------------------------------------------------

    def _build_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("requestQueue")
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        # Fixed row heights keep scrolling cheap with thousands of rows.
        rows = view.verticalHeader()
        rows.setSectionResizeMode(rows.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionsMovable(True)
        view.sortByColumn(Column.PRIORITY, Qt.SortOrder.AscendingOrder)
        return view

    def _build_actions(self) -> None:
        self.refresh_action = QAction(icon("app.refresh"), "", self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.triggered.connect(self.refresh)

        self.quit_action = QAction(icon("app.quit"), "", self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.about_action = QAction(icon("app.about"), "", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

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
        self.file_menu.addAction(self.refresh_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        bar.addMenu(self.file_menu)

        self.view_menu = QMenu(self)
        self.language_menu = QMenu(self)
        self.language_menu.setIcon(icon("app.language"))
        self.language_menu.addActions(list(self.language_actions.values()))
        self.view_menu.addMenu(self.language_menu)
        bar.addMenu(self.view_menu)

        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.about_action)
        bar.addMenu(self.help_menu)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.refresh_action)
        self.addToolBar(self.toolbar)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.connection_icon = QLabel(self)
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionLabel")
        self.row_count_label = QLabel(self)
        self.clock_label = QLabel(self)
        status.addWidget(self.connection_icon)
        status.addWidget(self.connection_label, 1)
        status.addPermanentWidget(self.row_count_label)
        status.addPermanentWidget(self.clock_label)

    # -- text ------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every user-visible string in the current language."""
        self.setWindowTitle(self.tr("Roadside Assistance Dispatch Console"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.refresh_action.setStatusTip(self.tr("Reload the open requests now"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About"))
        self.clock_label.setToolTip(self.tr("Current time"))
        self.language_actions[current_language()].setChecked(True)
        self._update_connection()
        self._update_row_count()
        self.model.retranslate()

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

    def set_language(self, lang: str) -> None:
        """Switch the user interface to ``lang`` ("zh" or "en") and remember it."""
        app = QCoreApplication.instance()
        if app is None:
            return
        install_language(app, lang)
        self._settings.setValue(LANGUAGE_KEY, current_language())
        self.language_actions[current_language()].setChecked(True)

    # -- live data --------------------------------------------------------------

    @property
    def is_connected(self) -> bool:
        """True when the last call to the queue source succeeded."""
        return bool(self._connected)

    def refresh(self) -> None:
        """Reload every open request from the source (rows are updated in place)."""
        try:
            changes = self._source.open_requests()
        except Exception as exc:  # any failure of the data layer must not kill the GUI
            self._set_connected(False, exc)
            return
        self._take(changes, snapshot=True)

    def poll(self) -> None:
        """Fetch what changed since the last revision seen, if anything did."""
        try:
            if self._revision is None:
                changes = self._source.open_requests()
                snapshot = True
            else:
                current = self._source.revision()
                if current == self._revision:
                    self._set_connected(True)
                    return
                # A lower revision means the database was replaced: start afresh.
                snapshot = current < self._revision
                if snapshot:
                    changes = self._source.open_requests()
                else:
                    changes = self._source.requests_changed_since(self._revision)
        except Exception as exc:  # any failure of the data layer must not kill the GUI
            self._set_connected(False, exc)
            return
        self._take(changes, snapshot=snapshot)

    def _take(self, changes: RequestChanges, *, snapshot: bool) -> None:
        if snapshot:
            self.model.load(changes)
        else:
            self.model.apply(changes)
        self._revision = changes.revision
        self._set_connected(True)

    def _set_connected(self, connected: bool, error: BaseException | None = None) -> None:
        if error is not None:
            if self._connected is not False:
                logger.warning("queue source %s failed", self._description or "?", exc_info=error)
            else:
                logger.debug("queue source still failing: %s", error)
        elif connected and self._connected is False:
            logger.info("queue source %s is back", self._description or "?")
        if connected == self._connected:
            return
        self._connected = connected
        self._update_connection()
        self.sig_connection_changed.emit(connected)

    def _describe_source(self) -> str:
        try:
            return self._source.describe()
        except Exception:  # a status-bar nicety must not stop the window opening
            logger.warning("could not describe the queue source", exc_info=True)
            return ""

    # -- status bar ---------------------------------------------------------------

    def _update_connection(self) -> None:
        if self._connected:
            text = self.tr("Connected: {source}")
            name = "status.connected"
        else:
            text = self.tr("Disconnected: {source}")
            name = "status.disconnected"
        size = self.connection_label.fontMetrics().height()
        self.connection_icon.setPixmap(icon(name).pixmap(size, size))
        self.connection_label.setText(text.format(source=self._description))

    def _update_row_count(self) -> None:
        count = QLocale().toString(self.model.rowCount())
        self.row_count_label.setText(self.tr("Open requests: {count}").format(count=count))

    def _on_tick(self) -> None:
        self.model.tick()
        self._update_clock()

    def _update_clock(self) -> None:
        local = self._clock().astimezone(self._tz)
        self.clock_label.setText(f"{local:%Y-%m-%d %H:%M:%S}")

    # -- window state ----------------------------------------------------------------

    def _restore_state(self) -> bool:
        """Restore geometry, toolbars and columns; False if no column layout was saved."""
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        header = self._settings.value("queue/header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            return self.view.horizontalHeader().restoreState(header)
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop polling and remember geometry, toolbar and column layout."""
        self._poll_timer.stop()
        self._clock_timer.stop()
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("queue/header", self.view.horizontalHeader().saveState())
        self._settings.sync()
        super().closeEvent(event)
