"""The intake's city box: ranked suggestions while typing, Enter takes the best one.

Qt's own completer lists matches in model (alphabetical) order, so "Hangzhou"
offered Changzhou first. This completer shows the ranking of
:func:`console.core.city_search.rank_cities` (exact, prefix, word, contains;
Chinese, pinyin and English names alike) and Enter in the box picks the first
match instead of submitting the form.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QCompleter

from console.core.city_search import CityName, rank_cities

__all__ = ["CityCompleter"]

MAX_SUGGESTIONS = 12
"""Most cities offered at once."""
KEY_ROLE = Qt.ItemDataRole.UserRole
"""Item data role holding the city's key (its Chinese name)."""


class CityCompleter(QCompleter):
    """Ranked city suggestions for an editable combo box whose item data are city keys."""

    sig_city_chosen = Signal(str)
    """Emitted with the city's key when a city is picked (from the list or with Enter)."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self._combo = combo
        self._cities: list[CityName] = []
        self._labels: dict[str, str] = {}
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(MAX_SUGGESTIONS)
        combo.setCompleter(self)
        edit = combo.lineEdit()
        assert edit is not None
        edit.textEdited.connect(self.search)
        self.activated.connect(self._on_activated)
        # Enter in the box picks a city rather than submitting the form; a shortcut on
        # the box comes before the dialog's default button, and only while text is typed.
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self._enter = [
            QShortcut(QKeySequence(key), combo, context=context)
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ]
        for shortcut in self._enter:
            shortcut.activated.connect(self.pick_first)
            shortcut.setEnabled(False)
        edit.textChanged.connect(self._arm)
        # Enter while the list is open reaches the box itself, not the shortcuts.
        edit.returnPressed.connect(self.pick_first)

    def set_cities(self, cities: Sequence[tuple[CityName, str]]) -> None:
        """The cities to search, each with the text its combo item shows."""
        self._cities = [city for city, _text in cities]
        self._labels = {city.key: text for city, text in cities}

    def matches(self, text: str) -> list[str]:
        """Keys of the cities matching ``text``, best first."""
        return [c.key for c in rank_cities(text, self._cities, limit=MAX_SUGGESTIONS)]

    def search(self, text: str) -> None:
        """Offer the cities matching ``text``, best first."""
        self._model.clear()
        if not text.strip():
            self._popup().hide()
            return
        for key in self.matches(text):
            item = QStandardItem(self._labels.get(key, key))
            item.setData(key, KEY_ROLE)
            self._model.appendRow(item)
        if self._model.rowCount() == 0:
            self._popup().hide()
            return
        # No row is preselected: a highlighted row would replace the typed text.
        # Enter with none highlighted takes the first (see pick_first).
        self.complete()

    def pick_first(self) -> bool:
        """Choose the best match for the typed text; False when nothing matches."""
        edit = self._combo.lineEdit()
        assert edit is not None
        chosen = self._combo.currentData()
        if chosen and self._labels.get(str(chosen)) == edit.text():
            self.sig_city_chosen.emit(str(chosen))  # already picked: just confirm
            return True
        found = self.matches(edit.text())
        if not found:
            return False
        self._choose(found[0])
        return True

    def _arm(self, text: str) -> None:
        for shortcut in self._enter:
            shortcut.setEnabled(bool(text.strip()))

    def _popup(self) -> QAbstractItemView:
        popup = self.popup()
        assert popup is not None  # QCompleter makes one on first use
        return popup

    def _choose(self, key: str) -> None:
        index = self._combo.findData(key)
        if index >= 0:
            self._combo.setCurrentIndex(index)
            edit = self._combo.lineEdit()
            assert edit is not None
            edit.setText(self._combo.itemText(index))
        self._popup().hide()
        self.sig_city_chosen.emit(key)

    def _on_activated(self, text: str) -> None:
        key = next((k for k, shown in self._labels.items() if shown == text), None)
        if key is not None:
            self._choose(key)
