"""Save and open dialogs: they speak the console's language and reopen in the last folder used."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from console.ui.i18n import install_language
from console.ui.save_dialog import ask_open_path, ask_save_path


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The console switched to Chinese for one test."""
    install_language(qapp, "zh")
    yield
    install_language(qapp, "en")


def answer_with(qtbot: QtBot, folder: Path, name: str, seen: dict[str, object]) -> None:
    """When the save dialog shows, note what it shows, type ``name`` in ``folder``, save."""

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, respond)
            return
        seen["folder"] = dialog.directory().absolutePath()
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        dialog.setDirectory(str(folder))
        dialog.selectFile(str(folder / name))
        dialog.accept()

    QTimer.singleShot(0, respond)


def test_qt_ships_its_chinese_catalogue() -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()


def test_the_save_dialog_reopens_in_the_folder_saved_to_last(
    qtbot: QtBot, qsettings: QSettings, tmp_path: Path
) -> None:
    reports, tables = tmp_path / "reports", tmp_path / "tables"
    reports.mkdir()
    tables.mkdir()
    seen: dict[str, object] = {}
    answer_with(qtbot, reports, "shift.pdf", seen)
    chosen = ask_save_path(None, "report", "Save report", "shift.pdf", "PDF (*.pdf)",
                           settings=qsettings)  # fmt: skip
    assert chosen == reports / "shift.pdf"

    answer_with(qtbot, tables, "jobs.csv", seen)
    ask_save_path(None, "table", "Save", "jobs.csv", "CSV (*.csv)", settings=qsettings)
    answer_with(qtbot, reports, "day.pdf", seen)
    ask_save_path(None, "report", "Save report", "day.pdf", "PDF (*.pdf)", settings=qsettings)
    assert seen["folder"] == str(reports)  # each kind of file keeps its own folder
    answer_with(qtbot, tables, "jobs.csv", seen)
    ask_save_path(None, "table", "Save", "jobs.csv", "CSV (*.csv)", settings=qsettings)
    assert seen["folder"] == str(tables)


def test_the_save_dialog_speaks_chinese(
    qtbot: QtBot, qsettings: QSettings, tmp_path: Path, chinese: None
) -> None:
    seen: dict[str, object] = {}
    answer_with(qtbot, tmp_path, "shift.pdf", seen)
    ask_save_path(None, "report", "保存报表", "shift.pdf", "PDF (*.pdf)", settings=qsettings)
    labels = seen["labels"]
    assert isinstance(labels, list)
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    assert not [text for text in labels if any("a" <= c.lower() <= "z" for c in
                                                text.replace("&L", "").replace("&T", "")
                                                .replace("&N", ""))], labels  # fmt: skip


def test_the_open_dialog_picks_an_existing_file_and_reopens_in_its_folder(
    qtbot: QtBot, qsettings: QSettings, tmp_path: Path
) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "plan.json").write_text("{}", encoding="utf-8")
    seen: dict[str, object] = {}
    answer_with(qtbot, plans, "plan.json", seen)
    chosen = ask_open_path(None, "plan", "Open", "Plans (*.json)", settings=qsettings)
    assert chosen == plans / "plan.json"

    answer_with(qtbot, plans, "plan.json", seen)
    ask_open_path(None, "plan", "Open", "Plans (*.json)", settings=qsettings)
    assert seen["folder"] == str(plans)
