"""KPI tiles: a big figure, its name and its target, coloured by how it stands."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from console.ui.icons import colour


class Standing(StrEnum):
    """How a figure stands against its target (drives the tile's accent colour)."""

    GOOD = "ok"
    WARN = "warn"
    BAD = "danger"
    NEUTRAL = "muted"


class KpiTile(QFrame):
    """One KPI: title above, value in large type, a detail line (target or context) below."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"kpiTile_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(150)
        self.title = QLabel(self)
        self.value = QLabel(self)
        self.detail = QLabel(self)
        self.title.setWordWrap(True)
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        self.standing = Standing.NEUTRAL
        self.set_standing(Standing.NEUTRAL)

    def set_figure(self, title: str, value: str, detail: str, standing: Standing) -> None:
        """Show a figure."""
        self.title.setText(title)
        self.value.setText(value)
        self.detail.setText(detail)
        self.set_standing(standing)

    def set_standing(self, standing: Standing) -> None:
        """Colour the tile's left edge and value by ``standing``."""
        self.standing = standing
        accent = colour(standing.value).name()
        self.setStyleSheet(
            f"#{self.objectName()} {{ border: 1px solid palette(mid); border-left: 5px solid {accent};"
            " border-radius: 4px; background: palette(base); }"
        )
        self.value.setStyleSheet(f"color: {accent};" if standing is not Standing.NEUTRAL else "")
        self.title.setStyleSheet("color: palette(placeholder-text); font-weight: 600;")
        self.detail.setStyleSheet("color: palette(placeholder-text);")


def standing_for(value: float | None, target: float | None, *, higher_is_better: bool = True,
                 margin: float = 5.0) -> Standing:  # fmt: skip
    """GOOD at or beyond the target, WARN within ``margin`` of it, BAD further off."""
    if value is None or target is None:
        return Standing.NEUTRAL
    gap = value - target if higher_is_better else target - value
    if gap >= 0:
        return Standing.GOOD
    return Standing.WARN if -gap <= margin else Standing.BAD
