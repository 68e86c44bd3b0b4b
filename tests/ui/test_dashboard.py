"""The supervisor dashboard on seeded history: figures, exports, follow-ups and complaints.

The sign-in step is not part of this branch; the dashboard is opened from the
main window as a supervisor would (View > Supervisor dashboard).
"""

from __future__ import annotations

import csv
import functools
import json
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from console.core.kpi import kpi_rows
from console.core.quality import ComplaintStatus
from console.core.vocab import RequestStatus, Role
from console.db import schema
from console.db.accounts import Accounts
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.db.models import Complaint, Request, Satisfaction
from console.db.seed import DEMO_PASSWORD, SeedOptions, seed_database
from console.ui.app import build_main_window
from console.ui.dashboard import DashboardWindow
from console.ui.dashboard.dialogs import ComplaintDialog, SatisfactionDialog
from console.ui.dashboard.report_pdf import format_value
from console.ui.dashboard.texts import kpi_label
from console.ui.i18n import install_language
from console.ui.labels import label
from console.ui.theme import Theme, apply_theme

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
"""15:30 in Shanghai: the day shift (08:00-20:00) is seven and a half hours old."""
SHIFT_START = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)


@functools.cache
def _template() -> Path:
    path = Path(tempfile.mkdtemp(prefix="roadside-history-")) / "console.db"
    engine = make_engine(f"sqlite:///{path}")
    schema.ensure_schema(engine, auto_upgrade=True)
    seed_database(engine, SeedOptions(requests=30, at=NOW, history_days=7))
    engine.dispose()
    return path


@pytest.fixture
def history(tmp_path: Path) -> Iterator[tuple[Engine, DatabaseBackend]]:
    """A seeded SQLite database with seven days of finished jobs, and a backend on it."""
    target = tmp_path / "console.db"
    shutil.copyfile(_template(), target)
    engine = make_engine(f"sqlite:///{target}")
    supervisor = Accounts(engine).sign_in("supervisor", DEMO_PASSWORD, "test-workstation")
    yield engine, DatabaseBackend(engine, principal=supervisor, clock=lambda: NOW)
    engine.dispose()


@pytest.fixture
def dashboard(
    qtbot: QtBot, qsettings: QSettings, history: tuple[Engine, DatabaseBackend]
) -> Iterator[DashboardWindow]:
    """The dashboard opened from the main window's View menu action."""
    _engine, backend = history
    window = build_main_window(
        backend,
        "en",
        lambda: NOW,
        settings=qsettings,
        poll_ms=60_000,
        tz=ZONE,
        user="supervisor",
        principal=backend.principal,
    )
    qtbot.addWidget(window)
    assert window.dashboard_action.isVisible()
    assert window.dashboard_action.isEnabled()
    window.dashboard_action.trigger()
    board = window.dashboard
    assert board is not None
    qtbot.waitUntil(lambda: board.data is not None, timeout=10_000)
    yield board
    window.close()


def sql_figures(engine: Engine) -> dict[str, float]:
    """The shift's figures counted straight from the tables (independent of kpi.py)."""
    with Session(engine) as s:
        in_shift = (Request.created_at >= SHIFT_START) & (Request.created_at <= NOW)
        opened = s.scalar(select(func.count()).where(in_shift)) or 0
        done = s.scalar(select(func.count()).where(in_shift, Request.status == "COMPLETED")) or 0
        queued = s.scalar(select(func.count()).where(Request.status == "QUEUED")) or 0
        scores = list(s.scalars(select(Satisfaction.score).where(
            Satisfaction.recorded_at >= SHIFT_START, Satisfaction.recorded_at < NOW)))  # fmt: skip
        spans = [
            (a - q).total_seconds() / 60
            for q, a in s.execute(
                select(Request.queued_at, Request.arrived_at).where(
                    in_shift, Request.arrived_at.is_not(None))
            )
        ]  # fmt: skip
    return {
        "jobs_opened": opened,
        "jobs_completed": done,
        "queue_total": queued,
        "satisfaction": round(100 * sum(1 for x in scores if x >= 4) / len(scores), 1),
        "arrival_mean": round(sum(spans) / len(spans), 1),
    }


def test_dashboard_shows_the_shift_and_its_reports_match_the_kpis(
    dashboard: DashboardWindow, history: tuple[Engine, DatabaseBackend], tmp_path: Path
) -> None:
    engine, _backend = history
    data = dashboard.data
    assert data is not None
    figures = {row.key: row for row in data.rows()}
    expected = sql_figures(engine)
    assert expected["jobs_opened"] > 20 and expected["satisfaction"] > 0
    for key, value in expected.items():
        assert figures[key].value == pytest.approx(value), key
    assert len(data.daily) == 7 and sum(p.completed for p in data.daily) > 400
    tile = dashboard.tiles["satisfaction"]
    assert tile.value.text() == format_value(figures["satisfaction"].value, "%")
    assert tile.title.text() == "Satisfied (4-5)"
    assert dashboard.partner_table.proxy.rowCount() > 10
    assert dashboard.complaints_table.proxy.rowCount() == len(data.complaints) > 0

    csv_path = tmp_path / "shift.csv"
    written = dashboard.export_report_csv(csv_path)
    assert written is not None
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["section"] == "kpi"]
    by_key = {r["key"]: r for r in rows}
    assert list(by_key) == [row.key for row in kpi_rows(written.snapshot)]
    for key, value in expected.items():
        assert float(by_key[key]["value"]) == pytest.approx(value), key
    assert by_key["satisfaction"]["target"] == "90"
    assert by_key["satisfaction"]["met"] == ("yes" if expected["satisfaction"] >= 90 else "no")

    pdf_path = tmp_path / "shift.pdf"
    pages = dashboard.export_report_pdf(pdf_path)
    assert pdf_path.read_bytes()[:5] == b"%PDF-"
    document = QPdfDocument()
    assert document.load(str(pdf_path)) == QPdfDocument.Error.None_
    assert document.pageCount() == pages >= 1
    text = "\n".join(document.getAllText(p).text() for p in range(pages))
    assert "Shift report 2026-11-23 from 08:00" in text
    for row in written.rows():
        line = f"{kpi_label(row.key)} {format_value(row.value, row.unit)}"
        assert line in text, line
    assert "Partner scorecards" in text


def test_scorecards_sort_and_export_as_shown(dashboard: DashboardWindow, tmp_path: Path) -> None:
    table = dashboard.partner_table
    table.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    jobs = [float(table.proxy.index(r, 2).data()) for r in range(table.proxy.rowCount())]
    assert jobs == sorted(jobs, reverse=True)
    path = tmp_path / "partners.csv"
    table.export_csv(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        exported = list(csv.reader(handle))
    assert exported[0][:3] == ["Code", "Name", "Jobs"]
    assert [float(r[2]) for r in exported[1:]] == jobs


def test_follow_up_and_complaint_are_recorded_from_a_completed_job(
    dashboard: DashboardWindow,
    history: tuple[Engine, DatabaseBackend],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    engine, _backend = history
    data = dashboard.data
    assert data is not None
    job = next(
        j for j in data.jobs if j.status is RequestStatus.COMPLETED and j.id not in data.scores
    )
    before = data.snapshot.satisfaction.count

    def accept_with_two(dialog: SatisfactionDialog) -> int:
        dialog.scores.button(2).setChecked(True)
        dialog.comment.setPlainText("等了很久")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SatisfactionDialog, "exec", accept_with_two)
    dashboard.record_satisfaction(job.id, job.reference)
    assert dashboard.data is not None
    assert dashboard.data.snapshot.satisfaction.count == before + 1
    assert dashboard.data.scores[job.id] == 2

    def complain(dialog: ComplaintDialog) -> int:
        dialog.category.setCurrentIndex(dialog.category.findData("LATE_ARRIVAL"))
        dialog.summary.setPlainText("救援车来得太晚")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ComplaintDialog, "exec", complain)
    dashboard.open_complaint(job.id, job.reference)
    record = next(c for c in dashboard.data.complaints if c.request_id == job.id)
    assert record.owner == "supervisor"
    assert record.due_at == NOW + timedelta(hours=24)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("已致电道歉", True))
    dashboard.answer_complaint(record)
    dashboard.close_complaint(next(c for c in dashboard.data.complaints if c.id == record.id))
    with Session(engine) as session:
        stored = session.get(Complaint, record.id)
        assert stored is not None and stored.status == ComplaintStatus.CLOSED.value

    path = tmp_path / "job.eido.json"
    assert dashboard.export_eido(job.id, job.reference, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["incidentComponent"]["localIncidentIdentifier"] == job.reference
    assert document["incidentComponent"]["incidentStatusCommonRegistryText"] == "COMPLETED"
    kinds = [n["noteText"] for n in document["notesComponent"]]
    assert kinds[-3:] == ["complaint.opened", "complaint.answered", "complaint.closed"]


def test_dashboard_speaks_chinese(dashboard: DashboardWindow, qapp: QApplication) -> None:
    install_language(qapp, "zh")
    qapp.processEvents()
    assert dashboard.windowTitle() == "值班主管看板"
    assert dashboard.tiles["satisfaction"].title.text() == "满意（4–5 分）"
    assert dashboard.tabs.tabText(0) == "投诉"


def test_a_dispatcher_is_not_offered_the_dashboard(
    qtbot: QtBot, qsettings: QSettings, history: tuple[Engine, DatabaseBackend]
) -> None:
    engine, _backend = history
    dispatcher = Accounts(engine).sign_in("dispatcher", DEMO_PASSWORD, "test-workstation")
    window = build_main_window(
        DatabaseBackend(engine, principal=dispatcher, clock=lambda: NOW),
        "en",
        lambda: NOW,
        settings=qsettings,
        poll_ms=60_000,
        tz=ZONE,
        user="dispatcher",
        principal=dispatcher,
    )
    qtbot.addWidget(window)
    assert not window.dashboard_action.isEnabled()
    assert not window.revenue.action.isVisible()
    window.close()


def test_escape_closes_the_dashboard(qtbot: QtBot, dashboard: DashboardWindow) -> None:
    qtbot.waitExposed(dashboard)
    dashboard.activateWindow()
    dashboard.tabs.setFocus()
    qtbot.keyClick(dashboard.tabs, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dashboard.isVisible())


def test_the_supervisor_has_one_name_in_chinese(
    dashboard: DashboardWindow, qapp: QApplication
) -> None:
    install_language(qapp, "zh")
    qapp.processEvents()
    role = label(Role.SUPERVISOR)
    assert role == "值班主管"
    assert dashboard.windowTitle().startswith(role)
    main = dashboard.parent()
    assert role in main.dashboard_action.text()  # type: ignore[union-attr]


def test_the_charts_follow_a_theme_switch(dashboard: DashboardWindow, qapp: QApplication) -> None:
    light = dashboard.chart_views["daily"].chart().backgroundBrush().color()
    apply_theme(qapp, Theme.DARK)
    try:
        qapp.processEvents()
        dark = dashboard.chart_views["daily"].chart().backgroundBrush().color()
        assert dark == qapp.palette().color(QPalette.ColorRole.Base)
        assert dark.lightness() < 80 < light.lightness()
    finally:
        apply_theme(qapp, Theme.LIGHT)
