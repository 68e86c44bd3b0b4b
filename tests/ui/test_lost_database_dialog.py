"""The start-up question when a database that held data is missing: new database, or quit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.ui.i18n import install_language
from console.ui.lost_database import LostDatabaseDialog


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_language(qapp, "en")
    yield
    install_language(qapp, "en")


def test_the_question_names_the_file_and_quitting_is_the_safe_default(
    qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    dialog = LostDatabaseDialog(tmp_path / "console.db")
    qtbot.addWidget(dialog)
    dialog.open()
    assert str(tmp_path / "console.db") in dialog.text()
    assert "restore" in dialog.informativeText()
    assert dialog.defaultButton() is dialog.quit_button
    assert dialog.escapeButton() is dialog.quit_button
    dialog.quit_button.click()
    assert not dialog.chose_new_database


def test_creating_a_new_database_is_a_deliberate_choice(
    qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    dialog = LostDatabaseDialog(tmp_path / "console.db")
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.create_button.click()
    assert dialog.chose_new_database


def test_the_question_speaks_chinese(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    install_language(qapp, "zh")
    try:
        dialog = LostDatabaseDialog(tmp_path / "console.db")
        qtbot.addWidget(dialog)
        assert dialog.create_button.text() == "新建数据库"
        assert "以前存有数据" in dialog.text()
    finally:
        install_language(qapp, "en")


def test_a_path_that_looks_like_html_is_shown_as_typed(
    qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    dialog = LostDatabaseDialog(tmp_path / "<h1>big</h1>.db")
    qtbot.addWidget(dialog)
    assert dialog.textFormat() == Qt.TextFormat.PlainText
    assert "<h1>big</h1>.db" in dialog.text()
