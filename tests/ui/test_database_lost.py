"""A console whose SQLite file is deleted under it says so at once and refuses new calls.

Before, the status bar stayed "Connected", new calls reported success, and
everything after the deletion was lost at exit. A test-only use of the data
layer (the file is deleted from outside, as another program would).
"""

from __future__ import annotations

import stat
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from console.cli import main
from console.ui.app import build_main_window
from console.ui.main_window import MainWindow
from tests.support.workspace import new_call, open_backend, seeded_sqlite

POLL_MS = 200
"""The console's poll interval in these tests."""
WAIT_MS = 10_000
"""Generous upper bound on a busy machine (waitUntil returns as soon as it holds)."""


def _delete_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _open(qtbot: QtBot, tmp_path: Path, url: str) -> tuple[MainWindow, object, object]:
    engine, backend = open_backend(url, "dispatcher:a")
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    window = build_main_window(backend, "en", settings=settings, poll_ms=POLL_MS)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window, engine, backend


def test_deleting_the_file_turns_the_status_red_and_a_new_call_is_refused(
    qtbot: QtBot, tmp_path: Path
) -> None:
    url = seeded_sqlite(tmp_path)
    path = tmp_path / "console.db"
    window, engine, backend = _open(qtbot, tmp_path, url)
    try:
        qtbot.waitUntil(lambda: window.is_connected, timeout=WAIT_MS)
        assert window.connection_label.text().startswith("Connected")

        deleted = time.perf_counter()
        _delete_database(path)
        qtbot.waitUntil(lambda: window.sync.database_lost, timeout=WAIT_MS)
        noticed_ms = (time.perf_counter() - deleted) * 1000
        print(f"status changed {noticed_ms:.0f} ms after the deletion (poll {POLL_MS} ms)")
        assert noticed_ms < POLL_MS + 1500
        assert window.connection_label.text().startswith("Database file is missing")
        assert "Connected" not in window.connection_label.text()
        assert "color" in window.connection_label.styleSheet()
        notice = window.database_lost_notice
        assert notice is not None and notice.isVisible()
        assert str(path) in notice.text()

        dialog = window.open_intake()
        dialog.texts["phone"].setText("13800001111")
        dialog.texts["lat"].setText("30.27")
        dialog.texts["lon"].setText("120.15")
        dialog.texts["address"].setText("文三路 90 号")
        assert dialog.submit() is None
        assert "is missing" in dialog.form_error.text()
        assert window.intake is dialog and dialog.isVisible()  # the call typed is kept
        assert not path.exists()

        window.set_language("zh")
        try:
            qtbot.waitUntil(
                lambda: window.connection_label.text().startswith("数据库文件不见了"),
                timeout=WAIT_MS,
            )
            qtbot.waitUntil(lambda: notice.windowTitle() == "数据库文件不见了", timeout=WAIT_MS)
        finally:
            window.set_language("en")
    finally:
        notice = window.database_lost_notice
        if notice is not None:
            notice.close()
        window.close()
        backend.close()  # type: ignore[attr-defined]
        engine.dispose()  # type: ignore[attr-defined]


def test_choosing_quit_in_the_notice_closes_the_console(qtbot: QtBot, tmp_path: Path) -> None:
    url = seeded_sqlite(tmp_path)
    window, engine, backend = _open(qtbot, tmp_path, url)
    try:
        qtbot.waitUntil(lambda: window.is_connected, timeout=WAIT_MS)
        _delete_database(tmp_path / "console.db")
        qtbot.waitUntil(lambda: window.database_lost_notice is not None, timeout=WAIT_MS)
        notice = window.database_lost_notice
        assert notice is not None
        notice.quit_button.click()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    finally:
        window.close()
        backend.close()  # type: ignore[attr-defined]
        engine.dispose()  # type: ignore[attr-defined]


def test_a_rescue_copy_saves_everything_the_lost_file_held(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = seeded_sqlite(tmp_path)
    window, engine, backend = _open(qtbot, tmp_path, url)
    try:
        qtbot.waitUntil(lambda: window.is_connected, timeout=WAIT_MS)
        created = new_call(backend)  # type: ignore[arg-type]
        _delete_database(tmp_path / "console.db")
        qtbot.waitUntil(lambda: window.database_lost_notice is not None, timeout=WAIT_MS)
        notice = window.database_lost_notice
        assert notice is not None and notice.rescue_button is not None
        target = tmp_path / "rescued.db"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(target), ""))
        notice.rescue_button.click()
        qtbot.waitUntil(lambda: window.rescue_outcome is not None, timeout=WAIT_MS)
        outcome = window.rescue_outcome
        assert outcome is not None and "roadside-console restore" in outcome.text()
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    finally:
        window.close()
        backend.close()  # type: ignore[attr-defined]
        engine.dispose()  # type: ignore[attr-defined]
    rescued_engine, rescued = open_backend(f"sqlite:///{target}", "dispatcher:b")
    try:
        assert rescued.request(created) is not None
    finally:
        rescued_engine.dispose()
    assert main(["--db", f"sqlite:///{target}", "verify"]) == 0
