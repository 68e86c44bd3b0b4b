"""CSV cells a spreadsheet cannot run: text that looks like a formula gets a leading ``'``.

Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``,
``-`` or ``@`` as a formula (and tab or carriage return can hide one), so an
address such as ``=HYPERLINK("http://evil", "x")`` typed at intake would run
on the supervisor's machine. Numbers passed as numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from console.core.files.atomic import write_text

__all__ = ["FORMULA_STARTS", "csv_text", "neutralise", "neutralise_row", "write_csv_rows"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``value`` as safe to put in a CSV cell: text that starts a formula is quoted with ``'``."""
    if value is None or isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def neutralise_row(row: Iterable[object]) -> list[object]:
    """Every cell of ``row`` through :func:`neutralise`."""
    return [neutralise(cell) for cell in row]


def csv_text(rows: Iterable[Sequence[object]], *, lineterminator: str = "\r\n") -> str:
    """The rows as CSV text, every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=lineterminator)
    writer.writerows(neutralise_row(row) for row in rows)
    return out.getvalue()


def write_csv_rows(
    path: Path, rows: Iterable[Sequence[object]], *, encoding: str = "utf-8-sig"
) -> None:
    """Write neutralised rows to ``path`` atomically (mode 0600); UTF-8 with BOM by default."""
    write_text(path, csv_text(rows), encoding=encoding)
