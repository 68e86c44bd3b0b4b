"""``report`` and ``eido`` sub-commands: shift/daily reports (CSV, PDF) and EIDO JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from console.config import Settings
from console.core.eido import eido_for, write_eido
from console.core.errors import NotFound, ValidationError
from console.core.report import csv_rows, gather, write_csv
from console.core.validation import printable
from console.db.backend import DatabaseBackend
from console.db.services import utc_now

SHIFTS = {"day": time(8, 0), "night": time(20, 0)}


def _file(text: str) -> Path:
    if not text or "\0" in text:
        raise argparse.ArgumentTypeError(f"{printable(text)!r} is not a file name")
    return Path(text)


def add_commands(
    commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add ``report`` and ``eido`` to the console's parser."""
    report = commands.add_parser(
        "report", parents=[common], help="write a daily or shift report (CSV and/or PDF)"
    )
    report.add_argument("--day", required=True, metavar="YYYY-MM-DD", help="local calendar day")
    report.add_argument(
        "--shift", choices=sorted(SHIFTS), help="only this shift (day 08-20, night 20-08)"
    )
    report.add_argument("--csv", metavar="FILE", type=_file, help="write the CSV report here")
    report.add_argument("--pdf", metavar="FILE", type=_file, help="write the PDF report here")
    eido = commands.add_parser(
        "eido", parents=[common], help="export one request as EIDO-shaped JSON"
    )
    eido.add_argument("reference", help="request reference, e.g. RA-20261123-0042")
    eido.add_argument("--out", metavar="FILE", type=_file, help="write here instead of stdout")


def parse_day(text: str) -> date:
    """``YYYY-MM-DD`` as a date, or ``report.day_invalid``."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("report.day_invalid", value=printable(text)[:40]) from None


def run_report(backend: DatabaseBackend, settings: Settings, args: argparse.Namespace) -> int:
    """Compute the period's KPIs and write the requested files."""
    day = parse_day(args.day)
    if args.csv is None and args.pdf is None:
        raise ValidationError("field.required", field="--csv / --pdf")
    zone = ZoneInfo(settings.timezone)
    start = datetime.combine(day, SHIFTS.get(args.shift, time(0, 0)), zone)
    end = start + (timedelta(hours=12) if args.shift else timedelta(days=1))
    kind = "shift" if args.shift else "day"
    now = min(utc_now(), end)
    data = gather(backend, now=now, start=start, end=end, kind=kind, zone=zone)
    if args.csv is not None:
        write_csv(args.csv, csv_rows(data))
        print(f"wrote {printable(str(args.csv))}")
    if args.pdf is not None:
        # The PDF is drawn with Qt; no window is shown, so no display is needed.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from console.ui.dashboard.report_pdf import write_pdf

        app = QApplication.instance() or QApplication(sys.argv[:1])
        title = (
            f"Shift report {day.isoformat()} ({args.shift})"
            if args.shift
            else f"Daily report {day.isoformat()}"
        )
        pages = write_pdf(args.pdf, data, zone, title)
        del app
        print(f"wrote {printable(str(args.pdf))} ({pages} pages)")
    return 0


def run_eido(backend: DatabaseBackend, args: argparse.Namespace) -> int:
    """Print or write one request as EIDO-shaped JSON."""
    row = backend.request_by_reference(args.reference)
    if row is None:
        raise NotFound("not_found.request", key=printable(args.reference)[:40])
    document = eido_for(backend, row.id, now=utc_now())
    if args.out is None:
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        write_eido(args.out, document)
        print(f"wrote {printable(str(args.out))}")
    return 0
