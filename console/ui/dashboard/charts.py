"""Dashboard charts (Qt Charts): queue by priority, the shift by hour, the last 7 days.

Builders return a fresh :class:`QChart` from plain figures, so the dashboard and
the PDF report draw the same pictures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo
from math import ceil

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene

from console.core.kpi import TrendPoint
from console.core.vocab import Priority
from console.ui.icons import PALETTE, colour
from console.ui.labels import QT_TRANSLATE_NOOP, label

CONTEXT = "DashboardCharts"

FRAME_COLOUR = "#607d8b"
"""The thin frame printed around each chart on paper."""


@dataclass(frozen=True, slots=True)
class ChartStyle:
    """The colours (and font) a chart is drawn with: the screen theme's, or paper's."""

    background: QColor
    text: QColor
    grid: QColor
    opened: QColor
    completed: QColor
    share: QColor
    font_families: tuple[str, ...] = ()


def screen_style() -> ChartStyle:
    """Colours of the current theme (the dashboard on screen)."""
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return ChartStyle(
        background=palette.color(QPalette.ColorRole.Base),
        text=palette.color(QPalette.ColorRole.WindowText),
        grid=QColor(128, 128, 128, 60),
        opened=colour("accent"),
        completed=colour("ok"),
        share=colour("warn"),
    )


def print_style(font_families: Sequence[str] = ()) -> ChartStyle:
    """Colours for paper: black on white with the light theme's hues, whatever the screen."""
    return ChartStyle(
        background=QColor("white"),
        text=QColor("#1f2933"),
        grid=QColor("#d5dade"),
        opened=QColor(PALETTE["accent"]),
        completed=QColor(PALETTE["ok"]),
        share=QColor(PALETTE["warn"]),
        font_families=tuple(font_families),
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _font(style: ChartStyle, base: QFont, *, bold: bool = False) -> QFont:
    font = QFont(base)
    if style.font_families:
        font.setFamilies(list(style.font_families))
    font.setBold(bold)
    return font


def _base(title: str, style: ChartStyle) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(4)
    chart.setBackgroundBrush(style.background)
    chart.setTitleBrush(style.text)
    chart.setTitleFont(_font(style, chart.titleFont(), bold=True))
    chart.legend().setLabelColor(style.text)
    chart.legend().setFont(_font(style, chart.legend().font()))
    return chart


def _style_axis(axis: QBarCategoryAxis | QValueAxis, style: ChartStyle) -> None:
    axis.setLabelsColor(style.text)
    axis.setLabelsFont(_font(style, axis.labelsFont()))
    axis.setGridLineColor(style.grid)


def count_axis(largest: int) -> QValueAxis:
    """A value axis for counts: starts at 0, every tick a whole number, room above the top."""
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000):
        step = candidate
        if ceil((largest + 1) / candidate) <= 6:
            break
    ticks = max(4, ceil((largest + 1) / step))
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, ticks * step)
    axis.setTickCount(ticks + 1)
    axis.setMinorTickCount(0)
    return axis


def queue_chart(counts: dict[Priority, int], style: ChartStyle | None = None) -> QChart:
    """Bars: requests waiting for a crew, per priority."""
    look = style or screen_style()
    chart = _base(
        _tr(QT_TRANSLATE_NOOP("DashboardCharts", "Waiting for a crew, by priority")), look
    )
    series = QBarSeries()
    bar = QBarSet(_tr(QT_TRANSLATE_NOOP("DashboardCharts", "Waiting")))
    for priority in Priority:
        bar.append(counts.get(priority, 0))
    bar.setColor(look.opened)
    bar.setLabelColor(look.text)
    bar.setLabelFont(_font(look, bar.labelFont()))
    series.append(bar)
    series.setLabelsVisible(True)
    # Above the bar, on the chart's background: readable whatever the bar colour.
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([label(p) for p in Priority])
    axis_y = count_axis(max(counts.values(), default=0))
    for axis, side in (
        (axis_x, Qt.AlignmentFlag.AlignBottom),
        (axis_y, Qt.AlignmentFlag.AlignLeft),
    ):
        _style_axis(axis, look)
        chart.addAxis(axis, side)
        series.attachAxis(axis)
    chart.legend().setVisible(False)
    return chart


def volume_chart(
    points: Sequence[TrendPoint], zone: tzinfo, *, daily: bool, style: ChartStyle | None = None
) -> QChart:
    """Bars of requests opened and jobs completed per bucket, with on-time % as a line."""
    look = style or screen_style()
    title = (
        _tr(QT_TRANSLATE_NOOP("DashboardCharts", "Last 7 days"))
        if daily
        else _tr(QT_TRANSLATE_NOOP("DashboardCharts", "This shift, by hour"))
    )
    chart = _base(title, look)
    opened, done = (
        QBarSet(_tr(QT_TRANSLATE_NOOP("DashboardCharts", "Opened"))),
        QBarSet(_tr(QT_TRANSLATE_NOOP("DashboardCharts", "Completed"))),
    )
    opened.setColor(look.opened)
    done.setColor(look.completed)
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
    line.setPen(QPen(look.share, 2.5))
    for n, point in enumerate(points):
        if point.on_time_share is not None:
            line.append(QPointF(n, point.on_time_share * 100))
    chart.addSeries(line)
    axis_x = QBarCategoryAxis()
    axis_x.append(categories)
    counts = count_axis(max((max(p.created, p.completed) for p in points), default=0))
    share = QValueAxis()
    share.setRange(0, 100)
    share.setTickCount(counts.tickCount())
    share.setLabelFormat("%d%%")
    for axis in (axis_x, counts, share):
        _style_axis(axis, look)
    share.setGridLineVisible(False)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(share, Qt.AlignmentFlag.AlignRight)
    bars.attachAxis(axis_x)
    bars.attachAxis(counts)
    line.attachAxis(axis_x)
    line.attachAxis(share)
    return chart


def chart_image(chart: QChart, size: QSize, scale: float = 3.0, *, framed: bool = True) -> QImage:
    """Draw ``chart`` (which this call takes over) at ``size`` logical pixels, ``scale`` times
    as many device pixels, with a thin frame: a picture sharp enough for paper.
    """
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setBackgroundRoundness(0)
    chart.setGeometry(QRectF(0, 0, size.width(), size.height()))
    # The chart lays its axes and series out on the next event; do it now, unshown.
    layout = chart.layout()
    if layout is not None:
        layout.activate()
    QCoreApplication.sendPostedEvents(None, 0)
    scene.setSceneRect(QRectF(0, 0, size.width(), size.height()))
    image = QImage(
        round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_RGB32
    )
    image.setDevicePixelRatio(scale)
    image.fill(chart.backgroundBrush().color())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), scene.sceneRect())
    if framed:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(QColor(FRAME_COLOUR), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0.75, 0.75, size.width() - 1.5, size.height() - 1.5))
    painter.end()
    scene.removeItem(chart)
    chart.deleteLater()
    return image


__all__ = [
    "FRAME_COLOUR",
    "ChartStyle",
    "chart_image",
    "count_axis",
    "print_style",
    "queue_chart",
    "screen_style",
    "volume_chart",
]
