"""Files the console writes: private to their owner, written whole or not at all.

``private`` gives folders 0700 and files 0600 (POSIX; on Windows the modes are
not applied), ``atomic`` writes through a temporary file in the target's folder
and renames it, and ``csv_cells`` keeps a spreadsheet from running a CSV cell as
a formula.
"""

from __future__ import annotations

from console.core.files.atomic import atomic_path, write_bytes, write_text
from console.core.files.csv_cells import csv_text, neutralise, neutralise_row, write_csv_rows
from console.core.files.private import (
    FILE_MODE,
    FOLDER_MODE,
    create_private_file,
    private_folder,
    tighten,
    tighten_all,
)

__all__ = [
    "FILE_MODE",
    "FOLDER_MODE",
    "atomic_path",
    "create_private_file",
    "csv_text",
    "neutralise",
    "neutralise_row",
    "private_folder",
    "tighten",
    "tighten_all",
    "write_bytes",
    "write_csv_rows",
    "write_text",
]
