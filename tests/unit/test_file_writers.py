"""Spec: the console writes files only through console.core.files.

A new export written with ``Path.write_text``, ``open(..., "w")`` or a bare
``csv.writer`` would be 0644, could be left half-written by a full disk, and
could carry a spreadsheet formula. This scan of the source finds any such
writer outside the few places that are allowed to write themselves.
"""

from __future__ import annotations

import re
from pathlib import Path

import console

ROOT = Path(console.__file__).resolve().parent
WRITERS = re.compile(
    r"\.write_text\(|\.write_bytes\(|csv\.writer\(|csv\.DictWriter\(|"
    r"""open\([^)]*["'][wax]b?\+?["']|QSaveFile|QFile\("""
)
ALLOWED = {
    # The package that does it right.
    "core/files/atomic.py",
    "core/files/csv_cells.py",
    # Public map assets, written into the private (0700) map cache folder.
    "ui/map/page.py",
    # Reads Qt's own resource (qrc) file, writes nothing.
    "ui/map/view.py",
    # An in-memory WAV buffer, not a file.
    "ui/alerts.py",
    # Writes its 0600 file itself with os.open (the list of databases that held data).
    "db/presence/memory.py",
}


def test_files_are_written_only_through_console_core_files() -> None:
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in ALLOWED or name.startswith("db/migrations/"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if WRITERS.search(line):
                offenders.append(f"{name}:{number}: {line.strip()}")
    assert offenders == []
