"""A layout that places widgets left to right and wraps to a new line when narrow.

Filter bars use it, so a dock can be made narrow without clipping a filter.
Items whose horizontal size policy can expand share the spare room of their line.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget

__all__ = ["FlowLayout"]


class FlowLayout(QLayout):
    """Left-to-right layout with line wrapping (height depends on width)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        """Append ``item`` (called by ``addWidget``)."""
        self._items.append(item)

    def count(self) -> int:
        """Number of items."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at ``index`` or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at ``index``."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        """Grows horizontally only."""
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        """Height depends on the width available."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height needed at ``width``."""
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        """Place the items inside ``rect``."""
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in self._visible())
        width += self._spacing * max(0, len(self._visible()) - 1)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(width, height) + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """The widest single item."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        shown: list[QLayoutItem] = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                shown.append(item)
        return shown

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            width = item.sizeHint().width()
            if lines[-1] and used + self._spacing + width > area.width():
                lines.append([])
                used = 0
            used += (self._spacing if lines[-1] else 0) + width
            lines[-1].append(item)
        y = area.top()
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item in line)
            natural = sum(item.sizeHint().width() for item in line)
            natural += self._spacing * (len(line) - 1)
            growers = [item for item in line if _expands(item)]
            spare = max(0, area.width() - natural)
            x = area.left()
            for item in line:
                width = item.sizeHint().width()
                if growers and item in growers:
                    width += spare // len(growers)
                width = min(width, area.width())
                if apply:
                    item.setGeometry(
                        QRect(QPoint(x, y + (height - item.sizeHint().height()) // 2),
                              QSize(width, item.sizeHint().height()))
                    )  # fmt: skip
                x += width + self._spacing
            y += height + self._spacing
        return y - self._spacing - rect.top() + margins.bottom()


def _expands(item: QLayoutItem) -> bool:
    """True for a widget that asks for spare horizontal room."""
    widget = item.widget()
    if widget is None:
        return False
    return widget.sizePolicy().horizontalPolicy() in (
        QSizePolicy.Policy.Expanding,
        QSizePolicy.Policy.MinimumExpanding,
    )
