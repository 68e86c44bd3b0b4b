"""Asking before the dispatcher leaves a call half-taken (quit or sign out).

A call being typed into the intake form or guided in the guidance panel is
work in progress: closing the console or signing out asks first. The intake
form is kept as a draft whatever the answer, so nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from console.ui.guidance_panel import GuidancePanel
from console.ui.plain_text import plain_message_box

if TYPE_CHECKING:
    from console.ui.main_window import MainWindow

__all__ = ["ask", "confirm_leave", "open_work"]


def open_work(window: MainWindow) -> list[str]:
    """What is open in ``window``: one phrase per call being taken or guided."""
    found: list[str] = []
    intake = window.intake
    if intake is not None and intake.isVisible() and not intake.is_blank():
        found.append(QCoreApplication.translate("LeaveGuard", "a call in the new-call form"))
    for panel in window.findChildren(GuidancePanel):
        reference = panel.open_reference()
        if reference is not None:
            found.append(
                QCoreApplication.translate("LeaveGuard", "guidance of {reference}").format(
                    reference=reference
                )
            )
    return found


def confirm_leave(window: MainWindow) -> bool:
    """True when nothing is open or the dispatcher chooses to leave anyway."""
    work = open_work(window)
    if not work:
        return True
    return ask(
        window,
        QCoreApplication.translate("LeaveGuard", "Leave the open call?"),
        QCoreApplication.translate(
            "LeaveGuard",
            "Still open: {work}.\n\nLeave anyway? A call in the new-call form is kept "
            "as a draft; unsaved guidance answers are lost.",
        ).format(work="; ".join(work)),
    )


def ask(window: QWidget, title: str, text: str) -> bool:
    """The question itself: Yes leaves, No (the default) stays."""
    box = plain_message_box(
        window,
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return bool(box.exec() == QMessageBox.StandardButton.Yes)
