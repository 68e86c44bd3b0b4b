"""Spec: the map page's cache folder is private (0700), like the data and settings folders."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.core.map_tiles import TileSource
from tests.ui.test_map import _open_console


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX-only")
def test_the_map_cache_folder_is_0700(qtbot: QtBot, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        for _console in _open_console(qtbot, tmp_path, TileSource.named("none")):
            cache = tmp_path / "cache"
            assert stat.S_IMODE(cache.stat().st_mode) == 0o700
            assert any(cache.rglob("index.html"))
    finally:
        os.umask(old)
