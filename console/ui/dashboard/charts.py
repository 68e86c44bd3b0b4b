"""Dashboard charts (Qt Charts): queue by priority, the shift by hour, the last 7 days.

Builders return a fresh :class:`QChart` from plain figures, so the dashboard and
the PDF report draw the same pictures.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication

from console.core.kpi import TrendPoint
from console.core.vocab import Priority
from console.ui.icons import colour
from console.ui.labels import QT_TRANSLATE_NOOP, label

CONTEXT = "DashboardCharts"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _base(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(4)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        palette = app.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.setTitleBrush(text)
        chart.legend().setLabelColor(text)
    return chart


def _style_axis(axis: QBarCategoryAxis | QValueAxis) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        axis.setLabelsColor(app.palette().color(QPalette.ColorRole.WindowText))
    axis.setGridLineColor(QColor(128, 128, 128, 60))


def queue_chart(counts: dict[Priority, int]) -> QChart:
    """Bars: requests waiting for a crew, per priority."""
    chart = _base(_tr(QT_TRANSLATE_NOOP("DashboardCharts", "Waiting for a crew, by priority")))
    series = QBarSeries()
    bar = QBarSet(_tr(QT_TRANSLATE_NOOP("DashboardCharts", "Waiting")))
    for priority in Priority:
        bar.append(counts.get(priority, 0))
    bar.setColor(colour("accent"))
    series.append(bar)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([label(p) for p in Priority])
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    axis_y.setRange(0, max(4, max(counts.values(), default=0) + 1))
    for axis, side in (
        (axis_x, Qt.AlignmentFlag.AlignBottom),
        (axis_y, Qt.AlignmentFlag.AlignLeft),
    ):
        _style_axis(axis)
        chart.addAxis(axis, side)
        series.attachAxis(axis)
    chart.legend().setVisible(False)
    return chart


def volume_chart(points: Sequence[TrendPoint], zone: tzinfo, *, daily: bool) -> QChart:
    """Bars of requests opened and jobs completed per bucket, with on-time % as a line."""
    title = (
        _tr(QT_TRANSLATE_NOOP("DashboardCharts", "Last 7 days"))
        if daily
        else _tr(QT_TRANSLATE_NOOP("DashboardCharts", "This shift, by hour"))
    )
    chart = _base(title)
    opened, done = (
        QBarSet(_tr(QT_TRANSLATE_NOOP("DashboardCharts", "Opened"))),
        QBarSet(_tr(QT_TRANSLATE_NOOP("DashboardCharts", "Completed"))),
    )
    opened.setColor(colour("accent"))
    done.setColor(colour("ok"))
    categories = []
    for point in points:
        opened.append(point.created)
        done.append(point.completed)
        local = point.start.astimezone(zone)
        categories.append(local.strftime("%m-%d") if daily else local.strftime("%H"))
    bars = QBarSeries()
    bars.append(opened)
    bars.append(done)
    chart.addSeries(bars)
    line = QLineSeries()
    line.setName(_tr(QT_TRANSLATE_NOOP("DashboardCharts", "Arrivals within SLA (%)")))
    line.setColor(colour("warn"))
    for n, point in enumerate(points):
        if point.on_time_share is not None:
            line.append(QPointF(n, point.on_time_share * 100))
    chart.addSeries(line)
    axis_x = QBarCategoryAxis()
    axis_x.append(categories)
    counts = QValueAxis()
    counts.setLabelFormat("%d")
    counts.setRange(0, max(4, max((max(p.created, p.completed) for p in points), default=0) + 2))
    share = QValueAxis()
    share.setRange(0, 100)
    share.setLabelFormat("%d%%")
    for axis in (axis_x, counts, share):
        _style_axis(axis)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(share, Qt.AlignmentFlag.AlignRight)
    bars.attachAxis(axis_x)
    bars.attachAxis(counts)
    line.attachAxis(axis_x)
    line.attachAxis(share)
    return chart


def chart_image(chart: QChart, size: QSize) -> QImage:
    """Render ``chart`` (which this call takes over) into an image, for reports."""
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(size)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    view.render(painter)
    painter.end()
    view.deleteLater()
    return image
