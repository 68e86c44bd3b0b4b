"""Shared test set-up: Qt runs headless, and no test touches the user's own files."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["tests.support.ledger_audit", "tests.support.broker"]

# Must happen before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Chromium (the map's QtWebEngine) refuses to start its sandbox as root, as in CI containers.
if "--no-sandbox" not in os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""):
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (
        os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "") + " --no-sandbox"
    ).strip()


@pytest.fixture(autouse=True)
def isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every test gets empty data and config folders and no ROADSIDE_* environment."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    for name in ("ROADSIDE_DB_URL", "ROADSIDE_LANG"):
        monkeypatch.delenv(name, raising=False)
    yield home


@pytest.fixture(scope="session", autouse=True)
def _web_pages_go_before_the_application() -> Iterator[None]:
    """Delete every widget (and so every map page) while the QApplication still lives.

    Widgets closed by a test are deleted later (deleteLater); left for the
    interpreter's exit, a map page outlives QtWebEngine's profile ("Release of
    profile requested but WebEnginePage still not deleted") and the run ends
    with a segmentation fault, exit status 139, after every test passed.
    """
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return  # no Qt in this run
    from PySide6.QtWidgets import QApplication

    from console.ui.app import release_widgets

    app = QApplication.instance()
    if isinstance(app, QApplication):
        release_widgets(app)
        gc.collect()
        release_widgets(app)
