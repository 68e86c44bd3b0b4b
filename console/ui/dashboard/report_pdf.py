"""The PDF report of a shift or a day: KPI table against targets, charts, scorecards.

Qt's own PDF writer prints a QTextDocument built from HTML; the charts are the
dashboard's Qt Charts drawn in print colours at print resolution (about 300 dpi
across the text column) and added as document resources. In Chinese the report
asks for the Simplified Chinese font variant, so characters take their mainland
forms whatever the system's default CJK font is.
"""

from __future__ import annotations

import html
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSize, QSizeF, QUrl
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from console.core.errors import StorageError
from console.core.files import atomic_path
from console.core.kpi import KpiRow
from console.core.report import ReportData
from console.ui.dashboard.charts import chart_image, print_style, queue_chart, volume_chart
from console.ui.dashboard.texts import kpi_label, unit_label
from console.ui.i18n import CJK_FAMILIES, current_language
from console.ui.labels import QT_TRANSLATE_NOOP

CONTEXT = "DashboardReport"
CHART_SIZES: dict[str, QSize] = {
    "queue": QSize(800, 260),
    "hourly": QSize(800, 330),
    "daily": QSize(800, 330),
}
"""Logical size of each chart: 800 px across the column keeps its labels near 8 pt on paper."""
CHART_SCALE = 2.7
"""Device pixels per logical pixel: 2,160 px across 180 mm is 300 dpi."""
RESOLUTION = 150
"""The PDF writer's layout resolution (dots per inch)."""


REPORT_TEXTS: dict[str, str] = {
    "period": QT_TRANSLATE_NOOP("DashboardReport", "Period"),
    "produced": QT_TRANSLATE_NOOP("DashboardReport", "Produced"),
    "key_figures": QT_TRANSLATE_NOOP("DashboardReport", "Key figures"),
    "figure": QT_TRANSLATE_NOOP("DashboardReport", "Figure"),
    "actual": QT_TRANSLATE_NOOP("DashboardReport", "Actual"),
    "target": QT_TRANSLATE_NOOP("DashboardReport", "Target"),
    "result": QT_TRANSLATE_NOOP("DashboardReport", "Result"),
    "charts": QT_TRANSLATE_NOOP("DashboardReport", "Charts"),
    "partner_scorecards": QT_TRANSLATE_NOOP("DashboardReport", "Partner scorecards"),
    "code": QT_TRANSLATE_NOOP("DashboardReport", "Code"),
    "partner": QT_TRANSLATE_NOOP("DashboardReport", "Partner"),
    "jobs": QT_TRANSLATE_NOOP("DashboardReport", "Jobs"),
    "on_time": QT_TRANSLATE_NOOP("DashboardReport", "On time"),
    "completed": QT_TRANSLATE_NOOP("DashboardReport", "Completed"),
    "satisfied": QT_TRANSLATE_NOOP("DashboardReport", "Satisfied"),
    "complaints": QT_TRANSLATE_NOOP("DashboardReport", "Complaints"),
}
"""Report headings by key (English sources)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def format_value(value: float | None, unit: str) -> str:
    """A KPI value for people: "-" when there is none, else number and unit."""
    if value is None:
        return "–"
    number = f"{int(value)}" if float(value).is_integer() else f"{value:.1f}"
    if unit == "score":
        number = f"{value:.2f}"
    shown = unit_label(unit)
    if unit == "%":
        return f"{number} %"
    return f"{number} {shown}".strip()


def _met_text(row: KpiRow) -> str:
    if row.met is None:
        return ""
    return (
        _tr(QT_TRANSLATE_NOOP("DashboardReport", "met"))
        if row.met
        else _tr(QT_TRANSLATE_NOOP("DashboardReport", "missed"))
    )


def report_families() -> list[str]:
    """Font families for the report: in Chinese the first installed Simplified Chinese one."""
    if current_language() != "zh":
        return []
    installed = set(QFontDatabase.families())
    return [family for family in CJK_FAMILIES if family in installed][:1]


def report_html(data: ReportData, zone: tzinfo, title: str, column: float = 1000.0) -> str:
    """The report as HTML (what the PDF prints); charts span ``column`` pixels."""
    snap = data.snapshot
    start = snap.start.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    end = snap.end.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    made = snap.now.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    rows = []
    for row in data.rows():
        colour = (
            ""
            if row.met is None
            else (' style="color:#2e7d32"' if row.met else ' style="color:#c62828"')
        )
        target = "" if row.target is None else format_value(row.target, row.unit)
        rows.append(
            f"<tr><td>{html.escape(kpi_label(row.key))}</td>"
            f"<td align='right'>{html.escape(format_value(row.value, row.unit))}</td>"
            f"<td align='right'>{html.escape(target)}</td><td{colour}>{_met_text(row)}</td></tr>"
        )
    chinese = current_language() == "zh"
    cards = []
    for card in data.partner_cards[:15]:
        names = data.partner_names.get(card.key, (card.key, card.key))
        cards.append(
            f"<tr><td>{html.escape(card.key)}</td><td>{html.escape(names[0] if chinese else names[1])}</td>"
            f"<td align='right'>{card.jobs}</td>"
            f"<td align='right'>{format_value(_pct(card.on_time_rate), '%')}</td>"
            f"<td align='right'>{format_value(_pct(card.completion_rate), '%')}</td>"
            f"<td align='right'>{format_value(_pct(card.satisfaction_share), '%')}</td>"
            f"<td align='right'>{card.complaints}</td></tr>"
        )
    head = "style='background:#e4e8ec'"
    families = ", ".join([f"'{name}'" for name in report_families()] + ["sans-serif"])
    images = "".join(
        f"<p><img src='chart://{name}' width='{int(column)}'"
        f" height='{int(column * size.height() / size.width())}'></p>"
        for name, size in CHART_SIZES.items()
    )
    t = {key: html.escape(_tr(source)) for key, source in REPORT_TEXTS.items()}
    return (
        f'<html><body style="font-family: {families}; font-size: 10pt">'
        f"<h1>{html.escape(title)}</h1>"
        f"<p>{t['period']}: {start} – {end} · "
        f"{t['produced']}: {made}</p>"
        f"<h2>{t['key_figures']}</h2>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<tr {head}><th align='left'>{t['figure']}</th>"
        f"<th align='right'>{t['actual']}</th>"
        f"<th align='right'>{t['target']}</th>"
        f"<th align='left'>{t['result']}</th></tr>" + "".join(rows) + "</table>"
        f"<h2>{t['charts']}</h2>"
        f"{images}"
        f"<h2>{t['partner_scorecards']}</h2>"
        "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
        f"<tr {head}><th>{t['code']}</th><th>{t['partner']}</th>"
        f"<th>{t['jobs']}</th><th>{t['on_time']}</th>"
        f"<th>{t['completed']}</th><th>{t['satisfied']}</th>"
        f"<th>{t['complaints']}</th></tr>" + "".join(cards) + "</table></body></html>"
    )


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def report_document(
    data: ReportData, zone: tzinfo, title: str, page: QSizeF | None = None
) -> QTextDocument:
    """The report as a QTextDocument laid out on ``page`` (pixels), its charts attached."""
    document = QTextDocument()
    families = report_families()
    if families:
        font = QFont(document.defaultFont())
        font.setFamilies(families)
        document.setDefaultFont(font)
    if page is not None:
        document.setPageSize(page)
    column = document.pageSize().width() - 2 * document.documentMargin()
    if column <= 0:
        column = 1000.0
    style = print_style(families)
    charts = {
        "queue": queue_chart(data.snapshot.queue_by_priority, style),
        "hourly": volume_chart(data.hourly, zone, daily=False, style=style),
        "daily": volume_chart(data.daily, zone, daily=True, style=style),
    }
    for name, chart in charts.items():
        image = chart_image(chart, CHART_SIZES[name], CHART_SCALE)
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(f"chart://{name}"), image
        )
    document.setHtml(report_html(data, zone, title, column))
    return document


def write_pdf(path: Path, data: ReportData, zone: tzinfo, title: str) -> int:
    """Print the report to ``path`` (A4); returns the page count.

    The PDF is printed to a private temporary file beside ``path`` and renamed
    when complete, so a full disk leaves no truncated report.
    """
    try:
        with atomic_path(path) as partial:
            pages = _print_pdf(partial, data, zone, title)
    except OSError as exc:
        raise StorageError(
            "file.unwritable", path=str(path), detail=exc.strerror or str(exc)
        ) from None
    return pages


def _print_pdf(path: Path, data: ReportData, zone: tzinfo, title: str) -> int:
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Roadside Assistance Dispatch Console")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document = report_document(data, zone, title, QSizeF(rect.width(), rect.height()))
    document.print_(writer)
    pages = document.pageCount()
    del writer  # the file is finished when the writer goes away
    if path.stat().st_size == 0:
        raise OSError("the PDF writer failed")
    return pages
