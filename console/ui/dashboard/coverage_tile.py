"""The "Coverage now" tile: the share of expected calls a free capable crew reaches in time.

One row per capability group (name, bar, share, holes) under the overall
figure. Each row is coloured by how its share stands: good from
:data:`GOOD_SHARE`, a warning from :data:`WARN_SHARE`, bad below.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.core.reach import GROUPS, Coverage
from console.ui.dashboard.tiles import Standing
from console.ui.icons import colour
from console.ui.reach_labels import group_label

__all__ = ["GOOD_SHARE", "WARN_SHARE", "CoverageTile", "share_standing"]

GOOD_SHARE = 0.90
WARN_SHARE = 0.75


def share_standing(share: float | None) -> Standing:
    """GOOD from 90 %, WARN from 75 %, BAD below; NEUTRAL while not measured."""
    if share is None:
        return Standing.NEUTRAL
    if share >= GOOD_SHARE:
        return Standing.GOOD
    return Standing.WARN if share >= WARN_SHARE else Standing.BAD


class CoverageRow:
    """The widgets of one capability group's row."""

    def __init__(self, key: str, parent: QWidget) -> None:
        self.key = key
        self.name = QLabel(parent)
        self.name.setObjectName(f"coverageName_{key}")
        self.bar = QProgressBar(parent)
        self.bar.setObjectName(f"coverageBar_{key}")
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.bar.setMinimumWidth(40)
        self.share = QLabel(parent)
        self.share.setObjectName(f"coverageShare_{key}")
        self.share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.holes = QLabel(parent)
        self.holes.setObjectName(f"coverageHoles_{key}")
        self.holes.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.standing = Standing.NEUTRAL

    def labels(self) -> list[QLabel]:
        """The row's texts."""
        return [self.name, self.share, self.holes]


class CoverageTile(QFrame):
    """Coverage now: overall share, then share, bar and holes per capability group."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.coverage: Coverage | None = None
        self.title = QLabel(self)
        self.title.setObjectName("coverageTitle")
        self.value = QLabel(self)
        self.value.setObjectName("coverageOverall")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.detail = QLabel(self)
        self.detail.setObjectName("coverageDetail")
        self.detail.setWordWrap(True)
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.title, 1)
        head.addWidget(self.value)
        self.rows = {group.key: CoverageRow(group.key, self) for group in GROUPS}
        self.share_head = QLabel(self)
        self.holes_head = QLabel(self)
        for head_label in (self.share_head, self.holes_head):
            head_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            head_label.setStyleSheet("color: palette(placeholder-text);")
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.share_head, 0, 2)
        grid.addWidget(self.holes_head, 0, 3)
        for n, row in enumerate(self.rows.values(), start=1):
            grid.addWidget(row.name, n, 0)
            grid.addWidget(row.bar, n, 1)
            grid.addWidget(row.share, n, 2)
            grid.addWidget(row.holes, n, 3)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.detail)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.standing = Standing.NEUTRAL
        self.retranslate_ui()

    # -- text ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every string in the current language (and show the figures again)."""
        self.title.setText(self.tr("Coverage now"))
        self.share_head.setText(self.tr("Reached"))
        self.holes_head.setText(self.tr("Holes"))
        self.holes_head.setToolTip(self.tr("Cities a free crew does not reach in time"))
        for row in self.rows.values():
            row.name.setText(group_label(row.key))
        self.show_coverage(self.coverage)

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def labels(self) -> list[QLabel]:
        """Every text of the tile (its width is checked against the text it holds)."""
        texts = [self.title, self.value, self.share_head, self.holes_head]
        for row in self.rows.values():
            texts.extend(row.labels())
        return texts

    # -- figures ------------------------------------------------------------------------

    def show_coverage(self, coverage: Coverage | None) -> None:
        """Show ``coverage`` (None: not measured yet)."""
        self.coverage = coverage
        locale = QLocale()
        if coverage is None:
            self.value.setText("–")
            self.detail.setText(self.tr("Measuring…"))
            for blank in self.rows.values():
                blank.bar.setValue(0)
                blank.share.setText("–")
                blank.holes.setText("")
                self._paint_row(blank, Standing.NEUTRAL)
            self._paint(Standing.NEUTRAL)
            self.setToolTip("")
            return
        minutes = round(coverage.target_minutes)
        self.value.setText(_percent(locale, coverage.overall))
        self.detail.setText(self.tr("Within {minutes} min of a free crew").format(minutes=minutes))
        for entry in coverage.groups:
            shown = self.rows.get(entry.group.key)
            if shown is None:
                continue
            row = shown
            row.bar.setValue(round(entry.share * 1000))
            row.share.setText(_percent(locale, entry.share))
            row.holes.setText(locale.toString(entry.holes))
            self._paint_row(row, share_standing(entry.share))
        self._paint(share_standing(coverage.overall))
        # Rich text, so Qt wraps the tip (Chinese has no spaces to break a plain line at).
        self.setToolTip(
            "<qt>"
            + html.escape(
                self.tr(
                    "Share of the expected calls (cities weighted by size, as in the digital twin) "
                    "that a free crew with the capability reaches within {minutes} min, the P2 "
                    "(standard) urban arrival target. The large figure is the mean of the rows; "
                    "a hole is a city outside the target. {crews} free crews, {places} cities."
                ).format(minutes=minutes, crews=coverage.crews, places=coverage.places)
            )
            + "</qt>"
        )

    def _paint(self, standing: Standing) -> None:
        self.standing = standing
        accent = colour(standing.value).name()
        self.setStyleSheet(
            f"#coverageTile {{ border: 1px solid palette(mid); border-left: 5px solid {accent};"
            " border-radius: 4px; background: palette(base); }"
        )
        self.value.setStyleSheet(f"color: {accent};" if standing is not Standing.NEUTRAL else "")
        self.title.setStyleSheet("color: palette(placeholder-text); font-weight: 600;")
        self.detail.setStyleSheet("color: palette(placeholder-text);")

    @staticmethod
    def _paint_row(row: CoverageRow, standing: Standing) -> None:
        row.standing = standing
        accent = colour(standing.value).name()
        row.bar.setStyleSheet(
            "QProgressBar { border: none; border-radius: 3px; background: palette(midlight); }"
            f"QProgressBar::chunk {{ border-radius: 3px; background: {accent}; }}"
        )
        row.share.setStyleSheet(f"color: {accent}; font-weight: 600;")


def _percent(locale: QLocale, share: float) -> str:
    return f"{locale.toString(share * 100, 'f', 0)} %"
