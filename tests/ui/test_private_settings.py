"""Spec: the settings file (window state, language, the intake draft) is private.

It is 0600 in a 0700 folder whatever the umask, stays so when Qt rewrites it,
and a settings file an older console left readable by others is tightened.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.ui.settings_store import open_settings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX-only")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def desktop_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_settings_file_is_0600_in_a_0700_folder_after_qt_writes_it() -> None:
    settings = open_settings()
    for number in range(3):
        settings.setValue("intake/draft", f'{{"phone": "1380013800{number}"}}')
        settings.sync()
    path = Path(settings.fileName())
    assert path.read_text(encoding="utf-8").count("13800138002") == 1
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_a_loose_settings_file_and_folder_are_tightened() -> None:
    path = Path(open_settings().fileName())
    path.parent.chmod(0o755)
    path.chmod(0o644)
    settings = open_settings()
    settings.setValue("ui/language", "zh")
    settings.sync()
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
