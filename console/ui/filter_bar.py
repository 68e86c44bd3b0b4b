"""Filter widgets shared by the queue and the crew board, and the queue's filter bar.

The widgets only *write* a filter value to a proxy model; they never look at
other panels. Each has ``state()`` / ``restore()`` so the window can keep the
dispatcher's filters across restarts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QFont, QMouseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
    QWidget,
)

from console.core.records import DepotRow
from console.core.vocab import OPEN_STATUSES, Priority, RequestStatus, ServiceType
from console.ui.flow_layout import FlowLayout
from console.ui.i18n import current_language
from console.ui.icons import icon
from console.ui.labels import label
from console.ui.queue_filter import QueueFilter, Region, RequestFilterProxy

__all__ = ["ChoiceFilterButton", "QueueFilterBar", "RegionCombo", "SearchField", "enum_members"]

E = TypeVar("E", bound=StrEnum)


class _StickyMenu(QMenu):
    """A menu that stays open while checkable entries are ticked (multi-select)."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Toggle a checkable action without closing the menu."""
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class ChoiceFilterButton(QToolButton, Generic[E]):
    """A drop-down of checkable vocabulary members; none ticked means "any"."""

    sig_changed = Signal()
    """Emitted when the ticked members change."""

    def __init__(self, members: Sequence[E], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._members = tuple(members)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = _StickyMenu(self)
        self._all_action = QAction(self)
        self._all_action.triggered.connect(self.clear)
        menu.addAction(self._all_action)
        menu.addSeparator()
        self._actions: dict[E, QAction] = {}
        for member in self._members:
            action = QAction(self)
            action.setCheckable(True)
            action.toggled.connect(self._on_toggled)
            menu.addAction(action)
            self._actions[member] = action
        self.setMenu(menu)
        self.retranslate_ui()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the button without the style's corner arrow (the text ends in one).

        The arrow overlaps short (Chinese) titles; a style sheet would hide it but
        would also stop the button following the light and dark palettes.
        """
        del event
        painter = QStylePainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.features &= ~QStyleOptionToolButton.ToolButtonFeature.HasMenu
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)

    def set_title(self, title: str) -> None:
        """The name of what is filtered ("Status"), shown on the button."""
        self._title = title
        self._update_text()

    def retranslate_ui(self) -> None:
        """Relabel the entries in the current language."""
        self._all_action.setText(self.tr("Show all"))
        for member, action in self._actions.items():
            action.setText(label(member))
        self._update_text()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def selected(self) -> frozenset[E]:
        """The ticked members (empty: any)."""
        return frozenset(m for m, action in self._actions.items() if action.isChecked())

    def set_selected(self, members: Iterable[E]) -> None:
        """Tick exactly ``members``."""
        wanted = set(members)
        with QSignalBlocker(self):
            for member, action in self._actions.items():
                action.setChecked(member in wanted)
        self._update_text()
        self.sig_changed.emit()

    def clear(self) -> None:
        """Untick everything (show all)."""
        self.set_selected(())

    def state(self) -> list[str]:
        """The ticked members' codes, sorted (for QSettings)."""
        return sorted(member.value for member in self.selected())

    def restore(self, state: object) -> None:
        """Tick the members named in a list saved by :meth:`state`; unknown codes are skipped."""
        codes = state if isinstance(state, list) else []
        self.set_selected(member for member in self._members if member.value in codes)

    def _on_toggled(self, _checked: bool) -> None:
        self._update_text()
        if not self.signalsBlocked():
            self.sig_changed.emit()

    def _update_text(self) -> None:
        chosen = [m for m in self._members if self._actions[m].isChecked()]
        if not chosen:
            text = self._title
        elif len(chosen) == 1:
            text = f"{self._title}: {label(chosen[0])}"
        else:
            text = f"{self._title} ({len(chosen)})"
        self.setText(f"{text} ▾")
        font = QFont(self.font())
        font.setBold(bool(chosen))
        self.setFont(font)


class RegionCombo(QComboBox):
    """Pick a province or a city (from the depots' cities); type to narrow the list."""

    sig_changed = Signal()
    """Emitted when the chosen region changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._depots: list[DepotRow] = []
        self._region: Region | None = None
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(12)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.activated.connect(self._on_activated)
        edit = self.lineEdit()
        if edit is not None:
            edit.editingFinished.connect(self._on_edited)
        self.retranslate_ui()

    def set_depots(self, depots: Iterable[DepotRow]) -> None:
        """The depots whose provinces and cities are offered."""
        self._depots = list(depots)
        self._rebuild()

    def region(self) -> Region | None:
        """The chosen region, or ``None`` for everywhere."""
        return self._region

    def set_region(self, region: Region | None) -> None:
        """Choose ``region`` (ignored when no depot is there)."""
        self._region = region if region is None or self._find(region) >= 0 else None
        self._show_region()
        self.sig_changed.emit()

    def state(self) -> list[str] | None:
        """The chosen region as plain data (for QSettings)."""
        return None if self._region is None else [self._region.kind, self._region.name]

    def restore(self, state: object) -> None:
        """Choose the region saved by :meth:`state`; anything else leaves the choice alone."""
        if isinstance(state, list) and len(state) == 2 and all(isinstance(v, str) for v in state):
            self.set_region(Region(state[0], state[1]))

    def retranslate_ui(self) -> None:
        """Rebuild the entries in the current language."""
        self._rebuild()
        edit = self.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("All regions"))

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _rebuild(self) -> None:
        english = current_language() == "en"
        provinces: dict[str, str] = {}
        cities: dict[str, tuple[str, str, str]] = {}
        for depot in self._depots:
            provinces[depot.province_zh] = depot.province_en if english else depot.province_zh
            cities[depot.city_zh] = (
                depot.province_zh,
                depot.city_en if english else depot.city_zh,
                depot.province_en if english else depot.province_zh,
            )
        with QSignalBlocker(self):
            self.clear()
            self.addItem(self.tr("All regions"), "")
            bold = QFont(self.font())
            bold.setBold(True)
            for province_zh, province_name in sorted(provinces.items(), key=lambda p: p[1]):
                self.addItem(self.tr("{province} (all)").format(province=province_name),
                             f"province:{province_zh}")  # fmt: skip
                self.setItemData(self.count() - 1, bold, Qt.ItemDataRole.FontRole)
                in_province = [
                    (name, city_zh, province_label)
                    for city_zh, (prov, name, province_label) in cities.items()
                    if prov == province_zh
                ]
                for name, city_zh, province_label in sorted(in_province):
                    text = name if name == province_label else f"{name} · {province_label}"
                    self.addItem(text, f"city:{city_zh}")
        self._show_region()

    def _find(self, region: Region) -> int:
        return self.findData(f"{region.kind}:{region.name}")

    def _show_region(self) -> None:
        with QSignalBlocker(self):
            self.setCurrentIndex(0 if self._region is None else max(0, self._find(self._region)))
            edit = self.lineEdit()
            if self._region is None and edit is not None:
                edit.clear()

    def _on_activated(self, index: int) -> None:
        data = self.itemData(index)
        region = None
        if isinstance(data, str) and ":" in data:
            kind, name = data.split(":", 1)
            region = Region(kind, name)
        if region != self._region:
            self._region = region
            self.sig_changed.emit()
        self._show_region()

    def _on_edited(self) -> None:
        edit = self.lineEdit()
        if edit is not None and not edit.text().strip() and self._region is not None:
            self._region = None
            self.sig_changed.emit()


class SearchField(QLineEdit):
    """A search box with a magnifier and a clear button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._icon_action = self.addAction(
            icon("app.search"), QLineEdit.ActionPosition.LeadingPosition
        )

    def restyle(self) -> None:
        """Pick up the icon colour of a new theme."""
        self._icon_action.setIcon(icon("app.search"))


class QueueFilterBar(QWidget):
    """Search and filters above the request queue; writes a :class:`QueueFilter`."""

    def __init__(self, proxy: RequestFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueFilterBar")
        self._proxy = proxy
        self.search = SearchField(self)
        self.search.setObjectName("queueSearch")
        self.status_filter = ChoiceFilterButton(
            [s for s in RequestStatus if s in OPEN_STATUSES], self
        )
        self.priority_filter = ChoiceFilterButton(list(Priority), self)
        self.service_filter = ChoiceFilterButton(list(ServiceType), self)
        self.region_filter = RegionCombo(self)
        self.clear_button = QToolButton(self)
        self.clear_button.setIcon(icon("app.filter"))
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.clicked.connect(self.clear)

        self.search.setMinimumWidth(160)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = FlowLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.addWidget(self.search)
        for widget in (self.status_filter, self.priority_filter, self.service_filter):
            layout.addWidget(widget)
        layout.addWidget(self.region_filter)
        layout.addWidget(self.clear_button)

        self.search.textChanged.connect(self._apply)
        for button in (self.status_filter, self.priority_filter, self.service_filter):
            button.sig_changed.connect(self._apply)
        self.region_filter.sig_changed.connect(self._apply)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.search.setPlaceholderText(self.tr("Search reference, plate, phone or caller (Ctrl+F)"))
        self.status_filter.set_title(self.tr("Status"))
        self.priority_filter.set_title(self.tr("Priority"))
        self.service_filter.set_title(self.tr("Service"))
        self.region_filter.setToolTip(self.tr("Province or city"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show every open request"))

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def restyle(self) -> None:
        """Pick up the icons of a new theme."""
        self.search.restyle()
        self.clear_button.setIcon(icon("app.filter"))

    def set_depots(self, depots: Iterable[DepotRow]) -> None:
        """Offer the depots' provinces and cities in the region filter."""
        self.region_filter.set_depots(depots)

    def clear(self) -> None:
        """Remove every filter and the search text."""
        with QSignalBlocker(self.search):
            self.search.clear()
        for button in (self.status_filter, self.priority_filter, self.service_filter):
            with QSignalBlocker(button):
                button.clear()
        with QSignalBlocker(self.region_filter):
            self.region_filter.set_region(None)
        self._apply()

    def current_filter(self) -> QueueFilter:
        """The filter the widgets describe now."""
        return QueueFilter(
            statuses=self.status_filter.selected(),
            priorities=self.priority_filter.selected(),
            services=self.service_filter.selected(),
            region=self.region_filter.region(),
            text=self.search.text(),
        )

    def _apply(self) -> None:
        self._proxy.set_queue_filter(self.current_filter())

    def state(self) -> dict[str, Any]:
        """The filters as plain data (for QSettings); the search text is not kept."""
        return {
            "statuses": self.status_filter.state(),
            "priorities": self.priority_filter.state(),
            "services": self.service_filter.state(),
            "region": self.region_filter.state(),
        }

    def restore(self, state: object) -> None:
        """Put back filters saved by :meth:`state`; unknown values are skipped."""
        if not isinstance(state, dict):
            return
        self.status_filter.restore(state.get("statuses"))
        self.priority_filter.restore(state.get("priorities"))
        self.service_filter.restore(state.get("services"))
        self.region_filter.restore(state.get("region"))
        self._apply()


def enum_members(enum_type: type[E], codes: object) -> list[E]:
    """The members of ``enum_type`` named in ``codes`` (a list of strings)."""
    if not isinstance(codes, list):
        return []
    found: list[E] = []
    for code in codes:
        try:
            found.append(enum_type(code))
        except ValueError:
            continue
    return found
