"""Help > Keyboard shortcuts lists every bound action, grouped by menu."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from console.ui.app import build_main_window
from console.ui.main_window import MainWindow
from console.ui.shortcuts_dialog import ShortcutsDialog
from tests.ui.conftest import FakeClock, FakeQueueSource


def open_window(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, settings: QSettings
) -> MainWindow:
    window = build_main_window(source, "en", clock, settings=settings, poll_ms=20, user="alice")
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def listed(dialog: ShortcutsDialog) -> dict[str, str]:
    """Action text -> keys, as the dialog's tree shows them."""
    rows: dict[str, str] = {}
    iterator = QTreeWidgetItemIterator(dialog.tree)
    while (item := iterator.value()) is not None:
        if item.parent() is not None:
            rows[item.text(0)] = item.text(1)
        iterator += 1
    return rows


def bound_actions(window: MainWindow) -> list[QAction]:
    return [a for a in window.findChildren(QAction) if any(not s.isEmpty() for s in a.shortcuts())]


def test_every_action_with_a_shortcut_is_listed(
    qtbot: QtBot, fake_source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window = open_window(qtbot, fake_source, clock, qsettings)
    dialog = window.show_shortcuts()
    rows = listed(dialog)
    actions = bound_actions(window)
    assert len(actions) >= 20
    for action in actions:
        text = action.text().replace("&", "").rstrip(".…")
        assert text in rows, text
        for sequence in action.shortcuts():
            assert sequence.toString(QKeySequence.SequenceFormat.NativeText) in rows[text]
    groups = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert groups[:2] == ["File", "Request"]
    assert "Help" in groups


def test_f1_opens_the_dialog_and_it_follows_the_language(
    qtbot: QtBot, fake_source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window = open_window(qtbot, fake_source, clock, qsettings)
    assert "F1" in [s.toString() for s in window.shortcuts_action.shortcuts()]
    assert "Ctrl+/" in [s.toString() for s in window.shortcuts_action.shortcuts()]
    assert window.about_action.shortcuts() == []
    window.view.setFocus()
    qtbot.keyClick(window.view, QKeySequence("F1")[0].key())
    dialog = window.shortcuts_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    window.language_actions["zh"].trigger()
    qtbot.waitUntil(lambda: dialog.windowTitle() == "键盘快捷键", timeout=3000)
    qtbot.waitUntil(lambda: "新来电" in listed(dialog), timeout=3000)


def test_no_key_is_listed_twice_for_one_action_in_either_language(
    qtbot: QtBot, fake_source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window = open_window(qtbot, fake_source, clock, qsettings)
    dialog = window.show_shortcuts()
    for language in ("en", "zh"):
        window.language_actions[language].trigger()
        qtbot.wait(50)
        dialog.fill()
        rows = listed(dialog)
        returns = [keys for keys in rows.values() if "回车" in keys or "Return" in keys]
        assert returns, rows  # the check below looks at something
        for text, keys in rows.items():
            parts = keys.split(", ")
            assert len(parts) == len(set(parts)), (language, text, keys)
    window.language_actions["en"].trigger()
