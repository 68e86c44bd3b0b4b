"""A push button whose text wraps onto as many lines as the width needs.

A plain QPushButton draws its text on one line: in a narrow dock a long answer
("已在路外安全地点 (Safe, off the road)") is cut off or forces the panel wider.
This button draws the frame itself and leaves the text to a word-wrapped label,
so it grows in height instead of losing words.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

__all__ = ["WrappingButton"]


class WrappingButton(QPushButton):
    """A QPushButton with word-wrapped text; its height follows its width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("wrappingButtonText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, self)
        layout.setContentsMargins(margin + 4, margin, margin + 4, margin)
        layout.addWidget(self.text_label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        """Show ``text`` (also the button's text() for accessibility and tests)."""
        self.setText(text)
        self.text_label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        """The text on one line, as high as that needs (narrower: see heightForWidth)."""
        margins = self.contentsMargins()
        layout = self.layout()
        assert layout is not None
        inner = layout.contentsMargins()
        width = (
            self.text_label.fontMetrics().horizontalAdvance(self.text_label.text())
            + inner.left()
            + inner.right()
            + margins.left()
            + margins.right()
            + 2 * self.text_label.margin()
            + 2
        )
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """Narrow (the text wraps), never lower than one ordinary button."""
        layout = self.layout()
        assert layout is not None
        least = layout.totalMinimumSize()
        return QSize(least.width(), max(least.height(), self._plain_height()))

    def hasHeightForWidth(self) -> bool:
        """Yes: more lines when narrower."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the wrapped text needs at ``width``."""
        layout = self.layout()
        assert layout is not None
        return max(layout.totalHeightForWidth(width), self._plain_height())

    def _plain_height(self) -> int:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        line = QSize(10, self.fontMetrics().height())
        return (
            self.style()
            .sizeFromContents(QStyle.ContentsType.CT_PushButton, option, line, self)
            .height()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """The button's frame and focus only: the label draws the text."""
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
