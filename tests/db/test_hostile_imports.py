"""An import names a device or a FIFO: one line at once, never a hang or a memory blow-up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from console.db import schema
from console.db.engine import make_engine
from tests.support.bounded import run_bounded


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'console.db'}"
    engine = make_engine(url)
    schema.ensure_schema(engine, auto_upgrade=True)
    engine.dispose()
    return url


def import_outcome(
    db_url: str, path: Path | str, *, timeout: float = 60
) -> tuple[int | None, str, float]:
    """Run ``main.py import crews PATH`` in a bounded child: (exit status, stderr, seconds)."""
    outcome = run_bounded(
        ["main.py", "--db", db_url, "import", "crews", str(path)], timeout=timeout
    )
    return outcome.returncode, outcome.stderr, outcome.seconds


def test_importing_dev_zero_is_refused_without_reading_it(db_url: str) -> None:
    # Unguarded, /dev/zero reports size 0 and is then read until memory runs out.
    status, stderr, seconds = import_outcome(db_url, "/dev/zero")
    assert status == 2, stderr[-2000:]
    assert stderr.strip() == (
        "error: /dev/zero is not a regular file (a device, pipe or socket); choose a file."
    )
    assert seconds < 30


def test_importing_a_fifo_with_no_writer_is_refused_at_once(db_url: str, tmp_path: Path) -> None:
    fifo = tmp_path / "crews.csv"
    os.mkfifo(fifo)
    # Unguarded, opening the FIFO waits for a writer for ever; the child is killed at 30 s.
    status, stderr, seconds = import_outcome(db_url, fifo, timeout=30)
    assert status == 2, f"status {status} after {seconds:.0f} s: {stderr[-2000:]}"
    assert (
        stderr.strip()
        == f"error: {fifo} is not a regular file (a device, pipe or socket); choose a file."
    )
