"""Help > Keyboard shortcuts: every shortcut of the window, read from its actions.

The list is built from the live :class:`QAction` objects each time the dialog
is filled, so it cannot go stale when an action or a key binding changes.
Actions are grouped by the menu bar menu that holds them; actions in no menu
(panel-only bindings) are listed under "Other".
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.ui.labels import without_mnemonic
from console.ui.screen_fit import fit_to_screen

__all__ = ["ShortcutEntry", "ShortcutsDialog", "collect_shortcuts"]


@dataclass(frozen=True, slots=True)
class ShortcutEntry:
    """One action with its key bindings, as shown in the dialog."""

    group: str
    text: str
    keys: str
    action: QAction


def _plain(text: str) -> str:
    """Menu text without its mnemonic marker or trailing ellipsis."""
    return without_mnemonic(text).rstrip(".…")


def _keys(action: QAction) -> str:
    """The action's key bindings as people read them, each written once.

    Return and the keypad's Enter are two bindings that Chinese (and macOS)
    spell the same ("Ctrl+回车"): list such a pair once.
    """
    native = QKeySequence.SequenceFormat.NativeText
    texts = [s.toString(native) for s in action.shortcuts() if not s.isEmpty()]
    return ", ".join(dict.fromkeys(texts))


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found.extend(_menu_actions(sub))
        elif not action.isSeparator():
            found.append(action)
    return found


def collect_shortcuts(window: QMainWindow, other: str = "Other") -> list[ShortcutEntry]:
    """Every action of ``window`` (and its panels) bound to a key, grouped by menu.

    Menus come in menu bar order; each action is listed once, under the first
    menu holding it; ``other`` names the group of actions in no menu.
    """
    entries: list[ShortcutEntry] = []
    listed: set[int] = set()

    def add(group: str, action: QAction) -> None:
        keys = _keys(action)
        if not keys or id(action) in listed:
            return
        listed.add(id(action))
        entries.append(ShortcutEntry(group, _plain(action.text()), keys, action))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            for action in _menu_actions(menu):
                add(_plain(menu.title()), action)
    for action in [*window.actions(), *window.findChildren(QAction)]:
        add(other, action)
    return entries


class ShortcutsDialog(QDialog):
    """A two-column list (action, keys) of every keyboard shortcut, by menu."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setObjectName("shortcutsDialog")
        self._window = window
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 560)
        fit_to_screen(self)
        self.retranslate_ui()

    @property
    def entries(self) -> list[ShortcutEntry]:
        """What the dialog lists now (read by tests)."""
        return collect_shortcuts(self._window, self.tr("Other"))

    def fill(self) -> None:
        """List the window's shortcuts as they are now."""
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in self.entries:
            group = groups.get(entry.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [entry.group])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[entry.group] = group
            item = QTreeWidgetItem(group, [entry.text, entry.keys])
            item.setIcon(0, entry.action.icon())
            item.setToolTip(0, entry.action.statusTip())
        self.tree.expandAll()

    def retranslate_ui(self) -> None:
        """Set every string in the current language and list the shortcuts again."""
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.fill()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            # The window renames its actions on the same event: read them after it has.
            QTimer.singleShot(0, self.retranslate_ui)
        super().changeEvent(event)
