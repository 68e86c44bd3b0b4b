"""Keep windows and dialogs on the screen they open on, buttons included.

A dispatcher's workstation may be a 1366x768 laptop with a taskbar: a dialog
laid out for a large monitor would open with its buttons below the screen's
edge. :func:`fit_to_screen` caps a window to the screen's available area (less
its title bar) every time it is shown and moves it fully onto that screen; the
dialog's long body must then scroll inside it (a ``QScrollArea``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

__all__ = [
    "FALLBACK_SCREEN",
    "TITLE_BAR_ALLOWANCE",
    "available_geometry",
    "fit_rect",
    "fit_to_screen",
    "room_for",
]

TITLE_BAR_ALLOWANCE = 32
"""Height kept free for the window manager's title bar before the window is shown
(once shown, its real frame is measured)."""

FALLBACK_SCREEN = QRect(0, 0, 1366, 688)
"""The area assumed when no screen is known: a 1366x768 laptop less its taskbar."""


def available_geometry(widget: QWidget | None = None, point: QPoint | None = None) -> QRect:
    """The usable area (no taskbar) of the screen at ``point``, else ``widget``'s, else the primary."""
    screen = QGuiApplication.screenAt(point) if point is not None else None
    if screen is None and widget is not None:
        screen = widget.screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(FALLBACK_SCREEN)


def fit_rect(rect: QRect, bounds: QRect) -> QRect:
    """``rect`` shrunk to fit ``bounds`` and moved (as little as needed) inside it."""
    size = rect.size().boundedTo(bounds.size())
    fitted = QRect(rect.topLeft(), size)
    if fitted.right() > bounds.right():
        fitted.moveRight(bounds.right())
    if fitted.bottom() > bounds.bottom():
        fitted.moveBottom(bounds.bottom())
    if fitted.left() < bounds.left():
        fitted.moveLeft(bounds.left())
    if fitted.top() < bounds.top():
        fitted.moveTop(bounds.top())
    return fitted


def _frame(widget: QWidget) -> tuple[int, int, int, int]:
    """The window frame's left, top, right and bottom widths (estimated until shown)."""
    if widget.isVisible():
        outer, inner = widget.frameGeometry(), widget.geometry()
        return (
            inner.left() - outer.left(),
            inner.top() - outer.top(),
            outer.right() - inner.right(),
            outer.bottom() - inner.bottom(),
        )
    return (0, TITLE_BAR_ALLOWANCE, 0, 0)


def room_for(widget: QWidget) -> QSize:
    """The largest client size ``widget`` can have with its frame on the available screen."""
    bounds = available_geometry(widget.parentWidget() or widget)
    left, top, right, bottom = _frame(widget)
    return QSize(max(1, bounds.width() - left - right), max(1, bounds.height() - top - bottom))


def _fit_now(widget: QWidget) -> None:
    if widget.isMaximized() or widget.isFullScreen():
        return
    room = room_for(widget)
    widget.setMaximumSize(room)
    if widget.width() > room.width() or widget.height() > room.height():
        widget.resize(widget.size().boundedTo(room))
    if not widget.isVisible():
        return
    bounds = available_geometry(widget.parentWidget() or widget)
    frame = widget.frameGeometry()
    fitted = fit_rect(frame, bounds)
    if fitted.topLeft() != frame.topLeft():
        widget.move(fitted.topLeft())


class _ScreenFitter(QObject):
    """Re-fits its window whenever it is shown (the screen or language may have changed)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            _fit_now(watched)
        return False


def fit_to_screen(widget: QWidget) -> None:
    """Cap ``widget`` (a dialog or tool window) to the available screen, now and on every show."""
    if widget.findChild(_ScreenFitter, "screenFitter") is None:
        fitter = _ScreenFitter(widget)
        fitter.setObjectName("screenFitter")
        widget.installEventFilter(fitter)
    _fit_now(widget)
