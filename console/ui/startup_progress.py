"""The line under the sign-in form that says what the console is doing, with a progress bar.

Used while the database opens (and demo data is loaded on a first start), while
a password is checked and while the console window is built. Its space is kept
when it is hidden, so the dialog never jumps.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QWidget

__all__ = ["ProgressStrip"]


class ProgressStrip(QWidget):
    """A label and a progress bar: counted steps, or busy without a count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupProgress")
        self.label = QLabel(self)
        self.label.setObjectName("startupProgressText")
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("startupProgressBar")
        self.bar.setTextVisible(True)
        self.bar.setMaximumWidth(180)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)
        self.setVisible(False)

    def show_steps(self, text: str, done: int, total: int) -> None:
        """Show ``text`` and ``done`` of ``total`` (as a percentage)."""
        self.label.setText(text)
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(max(0, min(done, total)))
        self.setVisible(True)

    def show_busy(self, text: str) -> None:
        """Show ``text`` with a bar that moves without a count."""
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.setVisible(True)

    def finish(self) -> None:
        """Hide the strip (its space stays)."""
        self.setVisible(False)
