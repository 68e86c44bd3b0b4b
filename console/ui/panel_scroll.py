"""A dock's body that scrolls its panel instead of letting the panel size the dock.

A panel's size hint grows with its content (a long guidance node, a Chinese
address, a validation message). Left alone in a :class:`QDockWidget`, that hint
moves the dock splitters and can squeeze the request queue to a row or two, or
grow the window. Inside :class:`PanelScrollArea` the dock only asks for a small
minimum; content taller than the dock scrolls inside its own panel.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget

__all__ = ["PANEL_MINIMUM", "PanelScrollArea"]

PANEL_MINIMUM = QSize(160, 96)
"""The least a scrolled panel asks of its dock: room for a title and a line or two."""


class PanelScrollArea(QScrollArea):
    """Holds one panel; its size hints never depend on the panel's content."""

    def __init__(self, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"scroll_{panel.objectName() or type(panel).__name__}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(PANEL_MINIMUM)
        self.setWidget(panel)

    def panel(self) -> QWidget | None:
        """The panel shown."""
        return self.widget()

    def replace_panel(self, panel: QWidget) -> QWidget | None:
        """Show ``panel`` instead of the current one; returns the old one (still alive)."""
        old = self.takeWidget()
        self.setWidget(panel)
        return old

    def sizeHint(self) -> QSize:
        """A fixed, modest size: the dock layout, not the content, decides."""
        return QSize(320, 240)

    def minimumSizeHint(self) -> QSize:
        """Only the small minimum: long content scrolls rather than pushing the docks."""
        return PANEL_MINIMUM
