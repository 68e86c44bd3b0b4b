"""The supervisor's PDF report as it looks on paper: charts across the column, readable.

The report is exported from the dashboard on seeded history, each page is rendered
to an image (QtPdf), and every chart is found by its printed frame.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine

from console.core.kpi import shift_window
from console.core.report import gather
from console.db.backend import DatabaseBackend
from console.ui.dashboard import DashboardWindow
from console.ui.dashboard.charts import FRAME_COLOUR, count_axis
from console.ui.i18n import install_language
from console.ui.theme import Theme, apply_theme
from tests.ui.test_dashboard import NOW, ZONE, dashboard, history  # noqa: F401 (fixtures)

DPI = 150
"""Pages are rendered at this resolution for the checks."""
PAGE_MARGIN_MM = 15


@dataclass(frozen=True)
class Frame:
    """A chart's printed frame on a rendered page, in pixels (edges inclusive)."""

    page: int
    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        return self.right - self.left + 1


def render_pages(path: Path) -> list[QImage]:
    """Every page of the PDF at :data:`DPI`, on white."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = []
    for n in range(document.pageCount()):
        points = document.pagePointSize(n)
        size = QSize(round(points.width() * DPI / 72), round(points.height() * DPI / 72))
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.drawImage(0, 0, document.render(n, size))
        painter.end()
        pages.append(image)
    if os.environ.get("ROADSIDE_KEEP_PAGES"):
        for n, image in enumerate(pages):
            image.save(str(Path(os.environ["ROADSIDE_KEEP_PAGES"]) / f"{path.stem}-{n + 1}.png"))
    return pages


def _near(rgb: int, target: QColor, tolerance: int = 20) -> bool:
    red, green, blue = (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF
    return (
        abs(red - target.red()) <= tolerance
        and abs(green - target.green()) <= tolerance
        and abs(blue - target.blue()) <= tolerance
    )


def find_frames(pages: list[QImage]) -> list[Frame]:
    """The frames: pairs of long horizontal lines in the frame colour, joined by its sides."""
    frame_colour = QColor(FRAME_COLOUR)
    frames = []
    for number, image in enumerate(pages):
        width, height = image.width(), image.height()
        lines: list[tuple[int, int, int]] = []  # (row, first column, last column)
        previous = -10
        for y in range(height):
            hits = [x for x in range(0, width, 2) if _near(image.pixel(x, y), frame_colour)]
            if len(hits) * 2 > width // 2:
                if y - previous > 1:  # a new line, not the next row of a thick one
                    lines.append((y, hits[0], hits[-1]))
                previous = y
        for (top, left, right), (bottom, _l, _r) in zip(lines[::2], lines[1::2], strict=False):
            for edge in (left, right):
                side = sum(
                    any(_near(image.pixel(x, y), frame_colour) for x in range(edge - 3, edge + 4))
                    for y in range(top, bottom)
                )
                assert side > 0.9 * (bottom - top), "a frame without its sides"
            frames.append(Frame(number, left, top, right, bottom))
    return frames


def drawn_share_and_span(image: QImage, frame: Frame) -> tuple[float, float]:
    """Inside a frame: the share of pixels that are not white, and the share of its width
    between the first and the last column holding any drawing."""
    inset = 6
    xs = range(frame.left + inset, frame.right - inset)
    ys = range(frame.top + inset, frame.bottom - inset, 2)
    inked = 0
    columns = []
    for x in xs:
        column = sum(
            1
            for y in ys
            if (image.pixel(x, y) & 0xFFFFFF) < 0xF0F0F0
            and min((image.pixel(x, y) >> s) & 0xFF for s in (0, 8, 16)) < 235
        )
        inked += column
        if column:
            columns.append(x)
    share = inked / (len(xs) * len(ys))
    span = (columns[-1] - columns[0] + 1) / frame.width if columns else 0.0
    return share, span


@pytest.fixture(params=["en", "zh"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The report's language (the console's, switched at run time)."""
    install_language(qapp, request.param)
    yield request.param
    install_language(qapp, "en")


def test_the_pdf_charts_fill_the_column_and_are_drawn(
    dashboard: DashboardWindow,  # noqa: F811
    language: str,
    qapp: QApplication,
    tmp_path: Path,
) -> None:
    # Print colours whatever the screen: export from the dark theme.
    apply_theme(qapp, Theme.DARK)
    try:
        path = tmp_path / f"shift-{language}.pdf"
        assert dashboard.export_report_pdf(path) >= 1
    finally:
        apply_theme(qapp, Theme.LIGHT)
    pages = render_pages(path)
    frames = find_frames(pages)
    assert len(frames) == 3, frames
    page_width = pages[0].width()
    column = page_width - 2 * round(PAGE_MARGIN_MM / 25.4 * DPI)
    for frame in frames:
        assert frame.width > 0.95 * column, (frame, column)
        assert frame.bottom - frame.top > 0.3 * frame.width, frame
        share, span = drawn_share_and_span(pages[frame.page], frame)
        assert share > 0.04, (frame, share)
        assert span > 0.8, (frame, span)
        # Paper colours: the chart's own background is white, not the dark theme's.
        middle = pages[frame.page].pixel(frame.left + 8, frame.top + 8) & 0xFFFFFF
        assert middle == 0xFFFFFF, hex(middle)


def test_the_chinese_pdf_uses_the_simplified_chinese_font(
    dashboard: DashboardWindow,  # noqa: F811
    qapp: QApplication,
    tmp_path: Path,
) -> None:
    install_language(qapp, "zh")
    try:
        path = tmp_path / "shift-zh.pdf"
        dashboard.export_report_pdf(path)
    finally:
        install_language(qapp, "en")
    content = path.read_bytes()
    assert b"NotoSansCJKsc" in content or b"SourceHanSansSC" in content
    assert b"NotoSansCJKjp" not in content


def test_count_axes_have_whole_number_ticks() -> None:
    for largest in (0, 1, 3, 7, 9, 23, 57, 140, 999):
        axis = count_axis(largest)
        steps = axis.tickCount() - 1
        step = (axis.max() - axis.min()) / steps
        assert axis.min() == 0 and axis.max() > largest
        assert step == int(step) and step >= 1, (largest, step)
        assert steps <= 7, (largest, steps)


def test_the_seven_day_trend_of_a_night_shift_ends_today(
    history: tuple[Engine, DatabaseBackend],  # noqa: F811
) -> None:
    _engine, backend = history
    evening = NOW + timedelta(hours=7)  # 22:30 in Shanghai, the night shift ends tomorrow
    start, end = shift_window(evening, ZONE)
    assert end.astimezone(ZONE).date() > evening.astimezone(ZONE).date()
    data = gather(backend, now=evening, start=start, end=end, kind="shift", zone=ZONE)
    days = [p.start.astimezone(ZONE).date() for p in data.daily]
    assert days[-1] == evening.astimezone(ZONE).date()
    assert days == [days[-1] - timedelta(days=6 - n) for n in range(7)]
    assert isinstance(evening, datetime)
