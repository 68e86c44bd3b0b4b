"""After-the-job dialogs: the satisfaction follow-up and a new complaint."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from console.core.quality import ComplaintCategory
from console.ui.dashboard.texts import CATEGORY_LABELS, tr


class SatisfactionDialog(QDialog):
    """Ask for the caller's 1-5 score and an optional comment for one completed request."""

    def __init__(self, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SatisfactionDialog")
        self.reference = reference
        self.heading = QLabel(self)
        self.scores = QButtonGroup(self)
        row = QHBoxLayout()
        for score in range(1, 6):
            button = QRadioButton(str(score), self)
            self.scores.addButton(button, score)
            row.addWidget(button)
        self.scores.button(5).setChecked(True)
        self.comment = QPlainTextEdit(self)
        self.comment.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout(self)
        self.form.addRow(self.heading)
        self.score_label = QLabel(self)
        self.comment_label = QLabel(self)
        self.form.addRow(self.score_label, row)
        self.form.addRow(self.comment_label, self.comment)
        self.form.addRow(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.setWindowTitle(self.tr("Satisfaction follow-up"))
        self.heading.setText(self.tr("How satisfied was the caller of {reference}?").format(
            reference=self.reference))  # fmt: skip
        self.score_label.setText(self.tr("Score (1-5)"))
        self.comment_label.setText(self.tr("Comment"))
        self.comment.setPlaceholderText(self.tr("What the caller said (optional)"))

    def score(self) -> int:
        """The chosen score."""
        return self.scores.checkedId()

    def text(self) -> str:
        """The comment."""
        return self.comment.toPlainText()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class ComplaintDialog(QDialog):
    """Open a complaint about a request: category, owner and what the caller said."""

    def __init__(self, reference: str, owner: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ComplaintDialog")
        self.reference = reference
        self.heading = QLabel(self)
        self.category = QComboBox(self)
        self.owner = QLineEdit(owner, self)
        self.summary = QPlainTextEdit(self)
        self.summary.setMaximumHeight(110)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.category_label, self.owner_label, self.summary_label = (
            QLabel(self), QLabel(self), QLabel(self))  # fmt: skip
        form = QFormLayout(self)
        form.addRow(self.heading)
        form.addRow(self.category_label, self.category)
        form.addRow(self.owner_label, self.owner)
        form.addRow(self.summary_label, self.summary)
        form.addRow(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.setWindowTitle(self.tr("New complaint"))
        self.heading.setText(
            self.tr("Complaint about {reference}: an answer is due within 24 hours.").format(
                reference=self.reference
            )
        )
        self.category_label.setText(self.tr("Category"))
        self.owner_label.setText(self.tr("Owner"))
        self.summary_label.setText(self.tr("Complaint"))
        current = self.category.currentData()
        self.category.clear()
        for category in ComplaintCategory:
            self.category.addItem(tr(CATEGORY_LABELS[category]), category.value)
        if current is not None:
            self.category.setCurrentIndex(self.category.findData(current))

    def values(self) -> tuple[str, str, str]:
        """(category code, owner, summary)."""
        return (
            str(self.category.currentData()),
            self.owner.text(),
            self.summary.toPlainText(),
        )

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
