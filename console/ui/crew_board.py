"""The crew board: every crew with its status, GPS age and current job.

The board shows the window's crew model through a filter proxy, paints skills
as small badges, and lets a dispatcher put an idle crew on or off duty from a
context menu (through ``backend.set_crew_status``).

Filtering the national fleet stays off the critical path of typing: the search
text is applied once typing pauses (:data:`SEARCH_DELAY_MS`, or at once on
Enter), and a filter change only hides and shows rows of an order already
sorted (see :class:`~console.ui.crew_model.CrewFilterProxy`).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.core.errors import DomainError
from console.core.field.feed import FeedState
from console.core.ports import RequestCommands
from console.core.records import CrewRow, DepotRow
from console.core.vocab import IDLE_CREW_STATUSES, CrewStatus, VehicleKind
from console.ui.crew_model import (
    BADGES_ROLE,
    CREW_ROW_ROLE,
    CrewColumn,
    CrewFilter,
    CrewFilterProxy,
    CrewTableModel,
)
from console.ui.filter_bar import ChoiceFilterButton, RegionCombo, SearchField
from console.ui.flow_layout import FlowLayout
from console.ui.icons import colour, icon
from console.ui.labels import error_text, label
from console.ui.plain_text import make_plain

__all__ = ["CREW_COLUMN_ORDER", "SEARCH_DELAY_MS", "CrewBoardPanel", "SkillBadgeDelegate"]

logger = logging.getLogger(__name__)

SEARCH_DELAY_MS = 200
"""How long the search waits for the next key before filtering (one pass per word typed)."""

# Statuses a dispatcher sets by hand, with their icons and shortcuts.
_SETTABLE: tuple[tuple[CrewStatus, str, str], ...] = (
    (CrewStatus.AVAILABLE, "crew.available", "Ctrl+Alt+A"),
    (CrewStatus.OFF_DUTY, "crew.off_duty", "Ctrl+Alt+O"),
    (CrewStatus.OUT_OF_SERVICE, "crew.out_of_service", "Ctrl+Alt+S"),
)

CREW_COLUMN_ORDER: tuple[CrewColumn, ...] = (
    CrewColumn.CALL_SIGN,
    CrewColumn.STATUS,
    CrewColumn.FEED,
    CrewColumn.GPS_AGE,
    CrewColumn.JOB,
    CrewColumn.VEHICLE,
    CrewColumn.SKILLS,
    CrewColumn.DEPOT,
)
"""Default left-to-right order: who, doing what, whether its position is fresh, then the rest.

The feed's state and the GPS age side by side: the age is the feed's own.
"""


class SkillBadgeDelegate(QStyledItemDelegate):
    """Paints the skills cell as small rounded badges."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Background and selection as usual, then one badge per skill."""
        badges = index.data(BADGES_ROLE)
        if not badges:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget is not None else None
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        if style is not None:
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget
            )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        height = metrics.height() + 2
        x = option.rect.left() + 4
        y = option.rect.top() + (option.rect.height() - height) // 2
        for text, tone in badges:
            width = metrics.horizontalAdvance(text) + 12
            if x + width > option.rect.right():
                break
            shade = colour(tone)
            fill = QColor(shade)
            fill.setAlpha(40)
            painter.setPen(shade)
            painter.setBrush(fill)
            rect = QRect(x, y, width, height)
            painter.drawRoundedRect(rect, height / 2, height / 2)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            x += width + 4
        painter.restore()


class CrewBoardPanel(QWidget):
    """Filter bar, crew table and the crew context menu."""

    sig_crew_activated = Signal(object)
    """Emitted with the crew id (int) the dispatcher selected on the board, or None."""

    sig_changed = Signal()
    """Emitted after this panel changed a crew (the window then syncs at once)."""

    sig_devices_requested = Signal(object)
    """Emitted with the :class:`CrewRow` whose devices an administrator wants to manage."""

    def __init__(
        self, model: CrewTableModel, backend: RequestCommands, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crewBoard")
        self.model = model
        self._backend = backend
        self.proxy = CrewFilterProxy(model, self)
        self._search_delay = QTimer(self)
        self._search_delay.setSingleShot(True)
        self._search_delay.setInterval(SEARCH_DELAY_MS)
        self._search_delay.timeout.connect(self._apply_filter)

        self.search = SearchField(self)
        self.status_filter = ChoiceFilterButton(list(CrewStatus), self)
        self.kind_filter = ChoiceFilterButton(list(VehicleKind), self)
        self.feed_filter = ChoiceFilterButton(list(FeedState), self)
        self.region_filter = RegionCombo(self)
        self.clear_button = QToolButton(self)
        self.clear_button.setIcon(icon("app.filter"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.search.setMinimumWidth(140)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        bar_widget = QWidget(self)
        bar = FlowLayout(bar_widget)
        bar.setContentsMargins(4, 4, 4, 2)
        bar.addWidget(self.search)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.feed_filter)
        bar.addWidget(self.region_filter)
        bar.addWidget(self.clear_button)

        self.message = QLabel(self)
        make_plain(self.message)
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        self.view = QTableView(self)
        self.view.setObjectName("crewTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        # The first five fit the board at 1366x768 without scrolling (tests/ui/test_crew_board_fit).
        header.resizeSection(CrewColumn.CALL_SIGN, 83)
        header.resizeSection(CrewColumn.STATUS, 161)  # room for "Off duty · 1 h 17 min"
        header.resizeSection(CrewColumn.FEED, 90)  # room for "No fix yet"
        header.resizeSection(CrewColumn.GPS_AGE, 64)
        header.resizeSection(CrewColumn.JOB, 125)  # room for "RA-20261123-0001"
        header.resizeSection(CrewColumn.DEPOT, 170)
        header.resizeSection(CrewColumn.VEHICLE, 120)
        header.resizeSection(CrewColumn.SKILLS, 130)
        for visual, column in enumerate(CREW_COLUMN_ORDER):
            header.moveSection(header.visualIndex(column), visual)
        self.view.setItemDelegateForColumn(CrewColumn.SKILLS, SkillBadgeDelegate(self.view))
        self.view.sortByColumn(CrewColumn.CALL_SIGN, Qt.SortOrder.AscendingOrder)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)

        self.status_actions: dict[CrewStatus, QAction] = {}
        self._permitted: frozenset[CrewStatus] | None = None
        for status, icon_name, shortcut in _SETTABLE:
            action = QAction(icon(icon_name), "", self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=status: self._set_selected(s))
            self.view.addAction(action)
            self.status_actions[status] = action
        self.devices_action = QAction(icon("device.manage"), "", self)
        self.devices_action.setObjectName("crewDevicesAction")
        self.devices_action.setShortcut(QKeySequence("Ctrl+Alt+D"))
        self.devices_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.devices_action.triggered.connect(self._request_devices)
        self.devices_action.setVisible(False)  # administrators only (permit_devices)
        self.view.addAction(self.devices_action)
        self._update_actions(None)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(bar_widget)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

        self.search.textChanged.connect(self._on_search_edited)
        self.search.returnPressed.connect(self._apply_filter)
        self.status_filter.sig_changed.connect(self._apply_filter)
        self.kind_filter.sig_changed.connect(self._apply_filter)
        self.feed_filter.sig_changed.connect(self._apply_filter)
        self.region_filter.sig_changed.connect(self._apply_filter)
        self.retranslate_ui()

    # -- text and look -------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.search.setPlaceholderText(self.tr("Search call sign or depot"))
        self.status_filter.set_title(self.tr("Status"))
        self.kind_filter.set_title(self.tr("Vehicle"))
        self.feed_filter.set_title(self.tr("Feed"))
        self.region_filter.setToolTip(self.tr("Province or city of the depot"))
        self.clear_button.setToolTip(self.tr("Clear filters"))
        for status, action in self.status_actions.items():
            action.setText(self.tr("Set to {status}").format(status=label(status)))
        self.devices_action.setText(self.tr("Devices…"))
        self.devices_action.setStatusTip(self.tr("The phones that report this crew's position"))

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def restyle(self) -> None:
        """Pick up the icons of a new theme."""
        self.search.restyle()
        self.clear_button.setIcon(icon("app.filter"))
        for status, icon_name, _shortcut in _SETTABLE:
            self.status_actions[status].setIcon(icon(icon_name))
        self.devices_action.setIcon(icon("device.manage"))
        self.view.viewport().update()

    # -- filters ------------------------------------------------------------------------

    def set_depots(self, depots: list[DepotRow]) -> None:
        """Offer the depots' provinces and cities in the region filter."""
        self.region_filter.set_depots(depots)

    def clear_filters(self) -> None:
        """Show every crew."""
        widgets = (
            self.search,
            self.status_filter,
            self.kind_filter,
            self.feed_filter,
            self.region_filter,
        )
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.clear()
            self.status_filter.clear()
            self.kind_filter.clear()
            self.feed_filter.clear()
            self.region_filter.set_region(None)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._apply_filter()

    @property
    def filter_pending(self) -> bool:
        """True while typed search text waits to be applied."""
        return self._search_delay.isActive()

    def _on_search_edited(self, _text: str) -> None:
        self._search_delay.start()  # restarts: filter once the typing pauses

    def _apply_filter(self) -> None:
        self._search_delay.stop()
        self.proxy.set_crew_filter(
            CrewFilter(
                statuses=self.status_filter.selected(),
                kinds=self.kind_filter.selected(),
                region=self.region_filter.region(),
                text=self.search.text(),
                feeds=self.feed_filter.selected(),
            )
        )

    def state(self) -> dict[str, Any]:
        """Filters as plain data (for QSettings)."""
        return {
            "statuses": self.status_filter.state(),
            "kinds": self.kind_filter.state(),
            "feeds": self.feed_filter.state(),
            "region": self.region_filter.state(),
        }

    def restore(self, state: object) -> None:
        """Put back filters saved by :meth:`state`."""
        if not isinstance(state, dict):
            return
        self.status_filter.restore(state.get("statuses"))
        self.kind_filter.restore(state.get("kinds"))
        self.feed_filter.restore(state.get("feeds"))
        self.region_filter.restore(state.get("region"))
        self._apply_filter()

    # -- selection -------------------------------------------------------------------------

    def selected_crew(self) -> CrewRow | None:
        """The crew selected on the board."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(CREW_ROW_ROLE)
        return row if isinstance(row, CrewRow) else None

    def select_crew(self, crew_id: int | None) -> None:
        """Select crew ``crew_id`` on the board (no signal); None clears the selection."""
        selection = self.view.selectionModel()
        with QSignalBlocker(selection):
            if crew_id is None:
                selection.clearSelection()
                self.view.viewport().update()
                self._update_actions(None)
                return
            position = self.model.position_of(crew_id)
            if position is None:
                return
            index = self.proxy.index_of(position)
            if not index.isValid():
                selection.clearSelection()
                self.view.viewport().update()
                return
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.view.scrollTo(index)
        self.view.viewport().update()
        self._update_actions(self.selected_crew())

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        crew = self.selected_crew()
        self._update_actions(crew)
        self.sig_crew_activated.emit(crew.id if crew else None)

    # -- crew status -------------------------------------------------------------------------

    def _show_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        crew = index.data(CREW_ROW_ROLE)
        if not isinstance(crew, CrewRow):
            return
        self._update_actions(crew)
        menu = QMenu(self)
        title = menu.addSection(crew.call_sign)
        del title
        for action in self.status_actions.values():
            menu.addAction(action)
        if self.devices_action.isVisible():
            menu.addSeparator()
            menu.addAction(self.devices_action)
        menu.exec(self.view.viewport().mapToGlobal(position))

    def permit_statuses(self, statuses: frozenset[CrewStatus]) -> None:
        """Offer only the statuses in ``statuses`` (the signed-in role's); hide the others."""
        self._permitted = statuses
        for status, action in self.status_actions.items():
            action.setVisible(status in statuses)
        self._update_actions(None)

    def permit_devices(self, allowed: bool) -> None:
        """Offer the device dialog (administrators only)."""
        self.devices_action.setVisible(allowed)
        self.devices_action.setEnabled(allowed and self.selected_crew() is not None)

    def _request_devices(self) -> None:
        crew = self.selected_crew()
        if crew is not None and self.devices_action.isVisible():
            self.sig_devices_requested.emit(crew)

    def _update_actions(self, crew: CrewRow | None) -> None:
        self.devices_action.setEnabled(self.devices_action.isVisible() and crew is not None)
        for status, action in self.status_actions.items():
            action.setEnabled(
                crew is not None
                and crew.current_request_id is None
                and crew.status in IDLE_CREW_STATUSES
                and crew.status is not status
                and (self._permitted is None or status in self._permitted)
                # Bringing a crew back into service is the same decision as taking it out.
                and (
                    self._permitted is None
                    or crew.status is not CrewStatus.OUT_OF_SERVICE
                    or CrewStatus.OUT_OF_SERVICE in self._permitted
                )
            )

    def _set_selected(self, status: CrewStatus) -> None:
        crew = self.selected_crew()
        if crew is not None:
            self.set_crew_status(crew, status)

    def set_crew_status(self, crew: CrewRow, status: CrewStatus) -> bool:
        """Ask the backend to set ``crew`` to ``status``; False (and a message) if refused."""
        try:
            self._backend.set_crew_status(crew.id, status, expected_version=crew.version)
        except DomainError as exc:
            self.show_message(error_text(exc))
            self.sig_changed.emit()
            return False
        except Exception:  # the data layer failing must not kill the board
            logger.warning("setting crew %s to %s failed", crew.call_sign, status, exc_info=True)
            self.show_message(self.tr("The change could not be saved; the connection may be down."))
            return False
        self.message.setVisible(False)
        self.sig_changed.emit()
        return True

    def show_message(self, text: str) -> None:
        """Show an error line above the table."""
        self.message.setStyleSheet(f"color: {colour('danger').name()};")
        self.message.setText(text)
        self.message.setVisible(True)
