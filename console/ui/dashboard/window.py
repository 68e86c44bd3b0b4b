"""The supervisor dashboard: live KPI tiles against targets, charts, complaints, scorecards.

A window of its own (supervisors put it on a second screen), opened from the
main window's View menu. It re-reads on the main window's ``sig_synced``, at
most once every few seconds, and on a timer so "oldest waiting" keeps moving;
those reads (and the first one, when the window opens) run on a worker thread
and the figures are shown when they arrive.
Every write (follow-ups, complaints) is one backend call; ``respond_complaint``
and ``close_complaint`` are supervisor operations.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from console.core import kpi
from console.core.eido import eido_for, write_eido
from console.core.errors import DomainError
from console.core.ports import CoverageSource, QualityBackend
from console.core.quality import ComplaintRecord, ComplaintStatus
from console.core.reach.plan_file import read_plan_moves
from console.core.report import ReportData, csv_rows, gather, write_csv
from console.core.vocab import Priority, RequestStatus
from console.ui.background import BackgroundReads
from console.ui.dashboard.charts import queue_chart, volume_chart
from console.ui.dashboard.coverage_tile import CoverageTile
from console.ui.dashboard.dialogs import ComplaintDialog, SatisfactionDialog
from console.ui.dashboard.plan_moves import PlanMovesDialog, ask_plan_file
from console.ui.dashboard.report_pdf import format_value, write_pdf
from console.ui.dashboard.tables import Cell, RecordTable
from console.ui.dashboard.texts import CATEGORY_LABELS, STATUS_LABELS, kpi_label, tr
from console.ui.dashboard.tiles import KpiTile, Standing, standing_for
from console.ui.i18n import current_language
from console.ui.icons import icon
from console.ui.labels import error_text, label
from console.ui.plain_text import show_plain_message
from console.ui.save_dialog import ask_save_path
from console.ui.screen_fit import fit_to_screen

log = logging.getLogger(__name__)

REFRESH_DELAY_MS = 2000
"""After a sync, wait this long for more before re-reading (bursts cost one read)."""
TICK_MS = 30_000
"""Re-read at least this often, so waiting times move on a quiet queue."""
TILE_KEYS = (
    "queue_total", "oldest_waiting", "sla_breached", "assign_within_target",
    "arrival_mean", "p1_arrival_on_time", "crew_utilisation", "remote_fix_rate",
    "satisfaction", "complaints_open", "complaints_on_time", "jobs_completed",
)  # fmt: skip
PERIOD_SHIFT, PERIOD_DAY = "shift", "day"


class DashboardWindow(QMainWindow):
    """KPI tiles, charts and tables for the current shift or day; exports CSV, PDF and EIDO."""

    sig_refreshed = Signal(object)
    """Emitted with the :class:`~console.core.report.ReportData` after each refresh."""

    def __init__(
        self,
        backend: QualityBackend,
        clock: Callable[[], datetime],
        tz: tzinfo | None = None,
        *,
        user: str = "",
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DashboardWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._backend = backend
        self._clock = clock
        self._zone: tzinfo = tz or ZoneInfo("Asia/Shanghai")
        self._user = user
        self._settings = settings
        self.data: ReportData | None = None
        self._complaints: dict[int, ComplaintRecord] = {}
        self.plan_dialog: PlanMovesDialog | None = None

        self._build_toolbar()
        self.tiles = {key: KpiTile(key, self) for key in TILE_KEYS}
        tile_grid = QGridLayout()
        tile_grid.setSpacing(8)
        for n, key in enumerate(TILE_KEYS):
            tile_grid.addWidget(self.tiles[key], n // 6, n % 6)
        self.chart_views = {name: self._chart_view() for name in ("queue", "hourly", "daily")}
        self.coverage_tile = CoverageTile(self)
        charts = QHBoxLayout()
        charts.setSpacing(8)
        charts.addWidget(self.coverage_tile, 2)
        for name, stretch in (("queue", 2), ("hourly", 3), ("daily", 3)):
            charts.addWidget(self.chart_views[name], stretch)
        self.complaints_table = RecordTable("complaintsTable", self)
        self.partner_table = RecordTable("partnerScorecards", self)
        self.depot_table = RecordTable("depotScorecards", self)
        self.jobs_table = RecordTable("recentJobs", self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dashboardTabs")
        for table in (self.complaints_table, self.partner_table, self.depot_table, self.jobs_table):
            self.tabs.addTab(table, "")
        self.complaints_table.sort_by(4)
        self.partner_table.sort_by(2)
        self.depot_table.sort_by(2)
        self.jobs_table.sort_by(0)
        self.complaints_table.sig_context_requested.connect(self._complaint_menu)
        self.jobs_table.sig_context_requested.connect(self._job_menu)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(8, 8, 8, 0)
        top_layout.addLayout(tile_grid)
        top_layout.addLayout(charts, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self.updated_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.updated_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(REFRESH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh_in_background)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.refresh_in_background)
        self._reads = BackgroundReads(self)
        self._staged: ReportData | None = None
        self.retranslate_ui()
        self.resize(1500, 950)
        fit_to_screen(self)

    # -- construction ------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("dashboardToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.period_label = QLabel(self)
        self.period = QComboBox(self)
        self.period.setObjectName("periodChoice")
        self.period.addItem("", PERIOD_SHIFT)
        self.period.addItem("", PERIOD_DAY)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh_in_background(again=True))
        self.refresh_action = QAction(icon("app.refresh"), "", self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(
            lambda _c=False: self.refresh_in_background(again=True)
        )
        self.csv_action = QAction(icon("app.save"), "", self)
        self.csv_action.triggered.connect(lambda _c=False: self._ask_export("csv"))
        self.pdf_action = QAction(icon("app.save"), "", self)
        self.pdf_action.triggered.connect(lambda _c=False: self._ask_export("pdf"))
        self.table_csv_action = QAction(icon("app.save"), "", self)
        self.table_csv_action.triggered.connect(lambda _c=False: self._ask_export("table"))
        self.plan_action = QAction(icon("app.plan"), "", self)
        self.plan_action.setObjectName("planMovesAction")
        self.plan_action.triggered.connect(lambda _c=False: self.open_plan_moves())
        self.close_action = QAction(self)
        self.close_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.close_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.close_action.triggered.connect(lambda _c=False: self.close())
        self.addAction(self.close_action)
        self.toolbar.addWidget(self.period_label)
        self.toolbar.addWidget(self.period)
        self.toolbar.addSeparator()
        for action in (
            self.refresh_action,
            self.csv_action,
            self.pdf_action,
            self.table_csv_action,
        ):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.plan_action)
        self.addToolBar(self.toolbar)

    def _chart_view(self) -> QChartView:
        view = QChartView(self)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(230)
        return view

    # -- text --------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every user-visible string in the current language."""
        self.setWindowTitle(self.tr("Supervisor dashboard"))
        self.toolbar.setWindowTitle(self.tr("Dashboard toolbar"))
        self.period_label.setText(self.tr("Period: "))
        self.period.setItemText(0, self.tr("Current shift"))
        self.period.setItemText(1, self.tr("Today"))
        self.refresh_action.setText(self.tr("Refresh"))
        self.csv_action.setText(self.tr("Report CSV…"))
        self.pdf_action.setText(self.tr("Report PDF…"))
        self.table_csv_action.setText(self.tr("Export table…"))
        self.table_csv_action.setToolTip(self.tr("Save the table below as CSV, sorted as shown"))
        self.plan_action.setText(self.tr("Plan moves…"))
        self.plan_action.setToolTip(
            self.tr("Open a coverage plan file and export its moves as CSV for the depots")
        )
        self.close_action.setText(self.tr("Close the dashboard"))
        self.tabs.setTabText(0, self.tr("Complaints"))
        self.tabs.setTabText(1, self.tr("Partner scorecards"))
        self.tabs.setTabText(2, self.tr("Depot scorecards"))
        self.tabs.setTabText(3, self.tr("Jobs this period"))
        self.complaints_table.set_headers([
            self.tr("Request"), self.tr("Category"), self.tr("Status"), self.tr("Owner"),
            self.tr("Opened"), self.tr("Due"), self.tr("Answered"), self.tr("Complaint"),
        ])  # fmt: skip
        card_headers = [
            self.tr("Code"), self.tr("Name"), self.tr("Jobs"), self.tr("On time"),
            self.tr("Completed"), self.tr("Satisfied"), self.tr("Complaints"),
            self.tr("Complaint rate"),
        ]  # fmt: skip
        self.partner_table.set_headers(card_headers)
        self.depot_table.set_headers(card_headers)
        self.jobs_table.set_headers([
            self.tr("Request"), self.tr("Priority"), self.tr("Status"), self.tr("City"),
            self.tr("To assign"), self.tr("To arrive"), self.tr("Score"),
        ])  # fmt: skip
        if self.data is not None:
            self._show(self.data)

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch; redraw the charts on a theme switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange and self.data is not None:
            self._show_charts(self.data)
        super().changeEvent(event)

    # -- refresh -----------------------------------------------------------------------

    def schedule_refresh(self, _batch: object = None) -> None:
        """Re-read soon (called for every sync; a burst of syncs costs one read)."""
        if self.isVisible() and not self._debounce.isActive():
            self._debounce.start()

    def showEvent(self, event: QShowEvent) -> None:
        """Read at once when shown (off the interface thread), then keep ticking."""
        super().showEvent(event)
        self.refresh_in_background()
        self._tick.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop reading while hidden."""
        self._tick.stop()
        self._debounce.stop()
        super().closeEvent(event)

    def period_window(self) -> tuple[datetime, datetime, str]:
        """(start, end, kind) of the chosen period around now."""
        now = self._clock()
        if self.period.currentData() == PERIOD_DAY:
            start, end = kpi.day_window(now, self._zone)
            return start, end, PERIOD_DAY
        start, end = kpi.shift_window(now, self._zone)
        return start, end, PERIOD_SHIFT

    def refresh_in_background(self, *, again: bool = False) -> None:
        """Read the period on a worker thread and show it when it arrives.

        A read already under way is left to finish unless ``again`` (the period
        changed, or F5): then its answer is dropped for the new one.
        """
        self.refresh_coverage()
        if self._reads.pending("report") and not again:
            return
        start, end, kind = self.period_window()
        backend, now, zone = self._backend, self._clock(), self._zone
        self._reads.submit(
            "report",
            lambda: gather(backend, now=now, start=start, end=end, kind=kind, zone=zone),
            self._take_report,
            self._report_failed,
        )

    def refresh_coverage(self) -> None:
        """Measure coverage now on the reader thread and show it in its tile when it arrives."""
        backend = self._backend
        if not isinstance(backend, CoverageSource) or self._reads.pending("coverage"):
            return
        self._reads.submit(
            "coverage", backend.coverage_now, self.coverage_tile.show_coverage,
            self._coverage_failed,
        )  # fmt: skip

    def _coverage_failed(self, error: BaseException) -> None:
        # Keep the last figures: the database may be away for a moment.
        log.warning("coverage read failed: %s", error)

    def _take_report(self, data: ReportData) -> None:
        # Tiles, charts and tables each take a good part of a frame: one per turn
        # of the event loop, so the console answers in between. ``data`` is set
        # once everything shows it.
        self._staged = data
        self._show_tiles(data)
        QTimer.singleShot(0, self, lambda: self._show_stage(data, 1))

    def _show_stage(self, data: ReportData, stage: int) -> None:
        if self._staged is not data:
            return  # a newer report is on its way
        if stage == 1:
            self._show_charts(data)
            QTimer.singleShot(0, self, lambda: self._show_stage(data, 2))
            return
        self._show_tables(data)
        stamp = data.snapshot.now.astimezone(self._zone).strftime("%H:%M:%S")
        self.updated_label.setText(self.tr("Updated {time}").format(time=stamp))
        self._staged = None
        self.data = data
        self.sig_refreshed.emit(data)

    def _report_failed(self, error: BaseException) -> None:
        if isinstance(error, DomainError):
            self.statusBar().showMessage(error_text(error), 10_000)
        else:  # the database may be away: keep the last figures
            log.warning("dashboard read failed: %s", error)

    def refresh(self) -> ReportData | None:
        """Read the period now and show it; a failed read keeps the last figures."""
        self._reads.cancel("report")  # an older answer must not replace this one
        self._staged = None
        start, end, kind = self.period_window()
        try:
            data = gather(self._backend, now=self._clock(), start=start, end=end, kind=kind,
                          zone=self._zone)  # fmt: skip
        except DomainError as exc:
            self.statusBar().showMessage(error_text(exc), 10_000)
            return None
        self.data = data
        self._show(data)
        self.sig_refreshed.emit(data)
        return data

    def _show(self, data: ReportData) -> None:
        self._show_tiles(data)
        self._show_charts(data)
        self._show_tables(data)
        stamp = data.snapshot.now.astimezone(self._zone).strftime("%H:%M:%S")
        self.updated_label.setText(self.tr("Updated {time}").format(time=stamp))

    def _show_tiles(self, data: ReportData) -> None:
        rows = {row.key: row for row in data.rows()}
        snap = data.snapshot
        assign_limit = self._backend.sla_targets().assign_minutes

        def value(key: str) -> str:
            return format_value(rows[key].value, rows[key].unit)

        def target_text(key: str) -> str:
            row = rows[key]
            if row.target is None:
                return ""
            return self.tr("Target ≥ {target}").format(target=format_value(row.target, row.unit))

        def by_target(key: str) -> Standing:
            return standing_for(rows[key].value, rows[key].target)

        queue = snap.queue_by_priority
        oldest = snap.oldest_waiting_minutes
        details: dict[str, tuple[str, Standing]] = {
            "queue_total": (
                " · ".join(f"{p.value} {queue[p]}" for p in Priority),
                Standing.BAD if queue[Priority.P1] else Standing.NEUTRAL,
            ),
            "oldest_waiting": (
                self.tr("Assign within {minutes} min").format(minutes=assign_limit),
                Standing.NEUTRAL if oldest is None
                else Standing.BAD if oldest > assign_limit
                else Standing.WARN if oldest > assign_limit / 2 else Standing.GOOD,
            ),
            "sla_breached": (
                self.tr("{count} at risk").format(count=snap.sla.at_risk),
                Standing.BAD if snap.sla.breached
                else Standing.WARN if snap.sla.at_risk else Standing.GOOD,
            ),
            "assign_within_target": (target_text("assign_within_target"), by_target("assign_within_target")),
            "arrival_mean": (
                self.tr("P90 {value}").format(value=value("arrival_p90")), Standing.NEUTRAL
            ),
            "p1_arrival_on_time": (target_text("p1_arrival_on_time"), by_target("p1_arrival_on_time")),
            "crew_utilisation": (
                self.tr("{busy} of {on_duty} on a job").format(
                    busy=snap.crews.busy, on_duty=snap.crews.on_duty),
                Standing.NEUTRAL,
            ),
            "remote_fix_rate": (
                self.tr("{part} of {whole} calls").format(
                    part=snap.remote_fix.part, whole=snap.remote_fix.whole),
                Standing.NEUTRAL,
            ),
            "satisfaction": (
                target_text("satisfaction") + "  ·  "
                + self.tr("mean {value}").format(value=value("satisfaction_mean")),
                by_target("satisfaction"),
            ),
            "complaints_open": (
                self.tr("{count} overdue").format(count=snap.complaints.overdue),
                Standing.BAD if snap.complaints.overdue else Standing.GOOD,
            ),
            "complaints_on_time": (target_text("complaints_on_time"), by_target("complaints_on_time")),
            "jobs_completed": (
                self.tr("{count} requests opened").format(count=snap.jobs_opened),
                Standing.NEUTRAL,
            ),
        }  # fmt: skip
        titles = {
            "sla_breached": self.tr("SLA breached"),
            "arrival_mean": kpi_label("arrival_mean"),
        }
        for key, tile in self.tiles.items():
            detail, standing = details[key]
            tile.set_figure(titles.get(key, kpi_label(key)), value(key), detail, standing)

    def _show_charts(self, data: ReportData) -> None:
        charts = {
            "queue": queue_chart(data.snapshot.queue_by_priority),
            "hourly": volume_chart(data.hourly, self._zone, daily=False),
            "daily": volume_chart(data.daily, self._zone, daily=True),
        }
        for name, chart in charts.items():
            view = self.chart_views[name]
            old = view.chart()
            view.setChart(chart)
            if old is not None:
                old.deleteLater()

    def _time(self, moment: datetime | None) -> Cell:
        if moment is None:
            return Cell("–", "")
        local = moment.astimezone(self._zone)
        return Cell(local.strftime("%m-%d %H:%M"), local.isoformat())

    def _show_tables(self, data: ReportData) -> None:
        now = data.snapshot.now
        self._complaints = {c.id: c for c in data.complaints}
        rows = []
        for c in data.complaints:
            overdue = c.overdue(now)
            status = tr(STATUS_LABELS[c.status])
            if overdue:
                status = self.tr("{status} – overdue").format(status=status)
            tone = "danger" if overdue else ("ok" if c.status is ComplaintStatus.CLOSED else None)
            answered = self._time(c.responded_at)
            if c.responded_at is not None and not c.answered_on_time():
                answered = Cell(answered.text, answered.sort, "warn")
            rows.append((c.id, [
                Cell(c.reference), Cell(tr(CATEGORY_LABELS[c.category])),
                Cell(status, c.status.value, tone), Cell(c.owner),
                self._time(c.opened_at), self._time(c.due_at), answered, Cell(c.summary),
            ]))  # fmt: skip
        self.complaints_table.set_rows(rows)
        english = self._english()
        for table, cards, names in (
            (self.partner_table, data.partner_cards, data.partner_names),
            (self.depot_table, data.depot_cards, data.depot_names),
        ):
            table.set_rows([
                (card.key, [
                    Cell(card.key),
                    Cell(names.get(card.key, ("", ""))[1 if english else 0]),
                    Cell(str(card.jobs), card.jobs),
                    _share_cell(card.on_time_rate), _share_cell(card.completion_rate),
                    _share_cell(card.satisfaction_share), Cell(str(card.complaints), card.complaints),
                    _share_cell(card.complaint_rate, higher_is_better=False),
                ])
                for card in cards
            ])  # fmt: skip
        job_rows = []
        for job in reversed(data.jobs):
            assign = (job.assigned_at - job.queued_at).total_seconds() / 60 if (
                job.assigned_at and job.queued_at) else None  # fmt: skip
            arrive = (job.arrived_at - job.queued_at).total_seconds() / 60 if (
                job.arrived_at and job.queued_at) else None  # fmt: skip
            late = bool(job.arrived_at and job.arrive_due_at and job.arrived_at > job.arrive_due_at)
            score = data.scores.get(job.id)
            job_rows.append((job.id, [
                Cell(job.reference), Cell(label(job.priority), job.priority.value),
                Cell(label(job.status), job.status.value), Cell(job.region),
                Cell(format_value(None if assign is None else round(assign, 1), "min"), assign or -1),
                Cell(format_value(None if arrive is None else round(arrive, 1), "min"), arrive or -1,
                     "danger" if late else None),
                Cell("–" if score is None else str(score), score or 0),
            ]))  # fmt: skip
        self.jobs_table.set_rows(job_rows)

    @staticmethod
    def _english() -> bool:
        return current_language() != "zh"

    # -- actions on a request or complaint -----------------------------------------------------

    def _job_menu(self, request_id: object, where: QPoint) -> None:
        if not isinstance(request_id, int) or self.data is None:
            return
        job = next((j for j in self.data.jobs if j.id == request_id), None)
        if job is None:
            return
        menu = QMenu(self)
        follow = menu.addAction(self.tr("Record satisfaction…"))
        follow.setEnabled(job.status is RequestStatus.COMPLETED and job.id not in self.data.scores)
        follow.triggered.connect(lambda _c=False: self.record_satisfaction(job.id, job.reference))
        complain = menu.addAction(self.tr("Open complaint…"))
        complain.setEnabled(job.status in {RequestStatus.COMPLETED, RequestStatus.CANCELLED,
                                           RequestStatus.RESOLVED_REMOTELY})  # fmt: skip
        complain.triggered.connect(lambda _c=False: self.open_complaint(job.id, job.reference))
        menu.addSeparator()
        eido = menu.addAction(self.tr("Export EIDO JSON…"))
        eido.triggered.connect(lambda _c=False: self.export_eido(job.id, job.reference))
        menu.exec(where)

    def _complaint_menu(self, complaint_id: object, where: QPoint) -> None:
        record = self._complaints.get(complaint_id) if isinstance(complaint_id, int) else None
        if record is None:
            return
        menu = QMenu(self)
        answer = menu.addAction(self.tr("Record answer…"))
        answer.setEnabled(record.status is ComplaintStatus.OPEN)
        answer.triggered.connect(lambda _c=False: self.answer_complaint(record))
        close = menu.addAction(self.tr("Close complaint…"))
        close.setEnabled(record.status is not ComplaintStatus.CLOSED)
        close.triggered.connect(lambda _c=False: self.close_complaint(record))
        menu.addSeparator()
        eido = menu.addAction(self.tr("Export EIDO JSON…"))
        eido.triggered.connect(
            lambda _c=False: self.export_eido(record.request_id, record.reference)
        )
        menu.exec(where)

    def record_satisfaction(self, request_id: int, reference: str) -> None:
        """Ask for and store a completed request's follow-up score."""
        dialog = SatisfactionDialog(reference, self)
        if dialog.exec() != SatisfactionDialog.DialogCode.Accepted:
            return
        self._write(
            lambda: self._backend.record_satisfaction(request_id, dialog.score(), dialog.text())
        )

    def open_complaint(self, request_id: int, reference: str) -> None:
        """Ask for and open a complaint about a request."""
        dialog = ComplaintDialog(reference, self._user, self)
        if dialog.exec() != ComplaintDialog.DialogCode.Accepted:
            return
        category, owner, summary = dialog.values()
        self._write(lambda: self._backend.open_complaint(request_id, category, summary, owner))

    def answer_complaint(self, record: ComplaintRecord) -> None:
        """Record the answer given to the caller (supervisor operation ``respond_complaint``)."""
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Answer complaint"),
            self.tr("What was the caller told about {reference}?").format(reference=record.reference),
        )  # fmt: skip
        if ok:
            self._write(lambda: self._backend.respond_complaint(
                record.id, text, expected_version=record.version))  # fmt: skip

    def close_complaint(self, record: ComplaintRecord) -> None:
        """Close a complaint with its resolution (supervisor operation ``close_complaint``)."""
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Close complaint"),
            self.tr("How was the complaint about {reference} resolved?").format(
                reference=record.reference),
        )  # fmt: skip
        if ok:
            self._write(lambda: self._backend.close_complaint(
                record.id, text, expected_version=record.version))  # fmt: skip

    def _write(self, operation: Callable[[], object]) -> bool:
        try:
            operation()
        except DomainError as exc:
            show_plain_message(
                self, QMessageBox.Icon.Warning, self.tr("Not saved"), error_text(exc)
            )
            return False
        self.refresh()
        return True

    # -- exports -----------------------------------------------------------------------------

    def report_title(self, kind: str, start: datetime) -> str:
        """The title of a report for the period starting at ``start``."""
        local = start.astimezone(self._zone)
        if kind == PERIOD_DAY:
            return self.tr("Daily report {day}").format(day=local.strftime("%Y-%m-%d"))
        return self.tr("Shift report {day} from {time}").format(
            day=local.strftime("%Y-%m-%d"), time=local.strftime("%H:%M")
        )

    def export_report_csv(self, path: Path) -> ReportData | None:
        """Write the current period's report as CSV; returns the figures written."""
        data = self.refresh()
        if data is not None:
            write_csv(path, csv_rows(data))
        return data

    def export_report_pdf(self, path: Path) -> int:
        """Print the current period's report to PDF; returns the page count."""
        data = self.refresh()
        if data is None:
            return 0
        return write_pdf(path, data, self._zone, self.report_title(data.kind, data.snapshot.start))

    def export_eido(self, request_id: int, reference: str, path: Path | None = None) -> bool:
        """Write one request as EIDO-shaped JSON (asks where when ``path`` is None)."""
        if path is None:
            chosen = ask_save_path(
                self, "eido", self.tr("Export EIDO JSON"), f"{reference}.eido.json",
                self.tr("JSON (*.json)"), settings=self._settings,
            )  # fmt: skip
            if chosen is None:
                return False
            path = chosen
        target = path
        return self._write(lambda: write_eido(
            target, eido_for(self._backend, request_id, now=self._clock())))  # fmt: skip

    def open_plan_moves(self, path: Path | None = None) -> PlanMovesDialog | None:
        """Open a coverage plan (asks which when ``path`` is None) and show its moves.

        A file that is not a plan gets one plain message; nothing is shown or written.
        """
        if path is None:
            path = ask_plan_file(self, self._settings)
            if path is None:
                return None
        try:
            plan = read_plan_moves(path)
            crews, depots = self._backend.crews(), self._backend.depots()
        except DomainError as exc:
            show_plain_message(
                self, QMessageBox.Icon.Warning, self.tr("Not a coverage plan"), error_text(exc)
            )
            return None
        dialog = PlanMovesDialog(
            plan, path, crews, depots, settings=self._settings, parent=self,
        )  # fmt: skip
        dialog.setModal(False)
        dialog.show()
        self.plan_dialog = dialog
        return dialog

    def _ask_export(self, what: str) -> None:
        start, _end, kind = self.period_window()
        stem = self.report_title(kind, start).replace(" ", "_").replace(":", "")
        filters = {"csv": self.tr("CSV (*.csv)"), "pdf": self.tr("PDF (*.pdf)"),
                   "table": self.tr("CSV (*.csv)")}  # fmt: skip
        suffix = "pdf" if what == "pdf" else "csv"
        chosen = ask_save_path(
            self, "table" if what == "table" else "report", self.tr("Save report"),
            f"{stem}.{suffix}", filters[what], settings=self._settings,
        )  # fmt: skip
        if chosen is None:
            return
        path = chosen
        try:
            if what == "csv":
                self.export_report_csv(path)
            elif what == "pdf":
                self.export_report_pdf(path)
            else:
                table = self.tabs.currentWidget()
                if isinstance(table, RecordTable):
                    table.export_csv(path)
        except DomainError as exc:
            show_plain_message(
                self, QMessageBox.Icon.Warning, self.tr("Not saved"), error_text(exc)
            )
            return
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 8000)


def _share_cell(value: float | None, *, higher_is_better: bool = True) -> Cell:
    if value is None:
        return Cell("–", -1.0)
    pct = round(value * 100, 1)
    poor = pct < 80 if higher_is_better else pct > 10
    return Cell(f"{pct:g} %", pct, "danger" if poor else None)
