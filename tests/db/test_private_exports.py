"""Spec: every export is private (0600) and written whole or not at all.

Report CSV and PDF, EIDO JSON and bills go to a temporary file beside the
target and are renamed when complete: a full disk midway leaves the earlier
file as it was (or none) and no temporary file behind.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from console.cli import main
from console.core.files import atomic
from console.db.engine import make_engine
from tests.db.helpers import bill_an_ev_tow
from tests.db.test_report_cli import db_url  # noqa: F401  (the seeded database)

DAY = ["--day", "2026-11-21"]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def desktop_umask() -> object:
    old = os.umask(0o022)
    yield
    os.umask(old)


def no_space(descriptor: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up while an export is written (it shows when the data is flushed)."""
    monkeypatch.setattr(atomic.os, "fsync", no_space)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX-only")
def test_report_csv_pdf_and_eido_files_are_0600(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    report, pdf, eido = tmp_path / "day.csv", tmp_path / "day.pdf", tmp_path / "call.json"
    assert main(["report", "--db", db_url, *DAY, "--csv", str(report), "--pdf", str(pdf)]) == 0
    assert main(["eido", "--db", db_url, "RA-20261121-0001", "--out", str(eido)]) == 0
    assert {p.name: mode(p) for p in tmp_path.iterdir()} == {
        "day.csv": 0o600, "day.pdf": 0o600, "call.json": 0o600,
    }  # fmt: skip


@pytest.mark.parametrize("kind", ["csv", "pdf", "eido"])
def test_a_full_disk_leaves_the_earlier_export_whole_and_no_temporary_file(
    db_url: str,  # noqa: F811
    tmp_path: Path,
    kind: str,
    full_disk: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / f"export.{kind}"
    target.write_bytes(b"the earlier export")
    argv = {
        "csv": ["report", "--db", db_url, *DAY, "--csv", str(target)],
        "pdf": ["report", "--db", db_url, *DAY, "--pdf", str(target)],
        "eido": ["eido", "--db", db_url, "RA-20261121-0001", "--out", str(target)],
    }[kind]
    capsys.readouterr()
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert "No space left on device" in err and err.count("\n") == 1
    assert target.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_bills_are_0600_and_a_full_disk_leaves_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'db' / 'p.db'}"
    assert main(["seed", "--db", url, "--requests", "0", "--at", "2026-11-23T10:00:00+08:00"]) == 0
    engine = make_engine(url)
    row = bill_an_ev_tow(engine)
    engine.dispose()
    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("csv", "json"):
        path = out / f"bill.{fmt}"
        assert main(["pricing", "bill", row.reference, "--db", url, "--format", fmt,
                     "--out", str(path)]) == 0  # fmt: skip
        if os.name == "posix":
            assert mode(path) == 0o600
    bill = out / "bill.csv"
    bill.unlink()
    monkeypatch.setattr(atomic.os, "fsync", no_space)
    capsys.readouterr()
    assert main(["pricing", "bill", row.reference, "--db", url, "--format", "csv",
                 "--out", str(bill)]) != 0  # fmt: skip
    assert "No space left on device" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["bill.json"]
