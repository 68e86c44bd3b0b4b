"""Light and dark themes: one Fusion palette each, plus the matching icon colours.

A night shift wants a dark screen; the day shift a light one. Both are built on
the Fusion style, so they look the same on every platform, and both keep the
semantic colours (ok / warn / danger) readable on their background: text meets
WCAG AA (4.5:1) and control outlines 3:1, which ``tests/ui/test_contrast.py``
computes from these tables. Fusion outlines check boxes and radio buttons in a
shade of the window colour (invisible on the dark theme); :class:`ConsoleStyle`
draws them in the theme's ``indicator`` colour instead.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from console.ui.icons import use_dark_palette

__all__ = [
    "THEME_KEY",
    "ConsoleStyle",
    "Theme",
    "apply_theme",
    "current_theme",
    "indicator_colour",
    "parse_theme",
    "theme_palette",
]

THEME_KEY = "ui/theme"
"""QSettings key holding the chosen theme."""


class Theme(StrEnum):
    """The themes the console offers."""

    LIGHT = "light"
    DARK = "dark"


_LIGHT = {
    "window": "#eef1f4",
    "window_text": "#1f2933",
    "base": "#ffffff",
    "alternate": "#f5f7f9",
    "text": "#1f2933",
    "button": "#e4e8ec",
    "button_text": "#1f2933",
    "highlight": "#1565c0",
    "highlighted_text": "#ffffff",
    "inactive_highlight": "#2a75c9",
    "tooltip": "#fffbe6",
    "tooltip_text": "#1f2933",
    "link": "#1565c0",
    "mid": "#c5ccd3",
    "dark": "#9aa5b1",
    "light": "#ffffff",
    "disabled_text": "#8a96a3",
    "placeholder": "#5f6b78",
    "indicator": "#6b7785",
}

# Inputs (base) sit a shade lighter than the window so boxes and ticks stay visible.
_DARK = {
    "window": "#1b1e22",
    "window_text": "#dde3e8",
    "base": "#2a2f36",
    "alternate": "#30363e",
    "text": "#dde3e8",
    "button": "#343a42",
    "button_text": "#dde3e8",
    "highlight": "#2f6db5",
    "highlighted_text": "#ffffff",
    "inactive_highlight": "#2a62a3",
    "tooltip": "#2c3239",
    "tooltip_text": "#dde3e8",
    "link": "#64b5f6",
    "mid": "#4a525c",
    "dark": "#0f1114",
    "light": "#3d444d",
    "disabled_text": "#6b747e",
    "placeholder": "#9aa4ae",
    "indicator": "#8d99a6",
}


class _State:
    current = Theme.LIGHT


_state = _State()


def parse_theme(value: object) -> Theme:
    """A saved or typed theme name as :class:`Theme`; anything unknown is light."""
    try:
        return Theme(str(value).strip().lower())
    except ValueError:
        return Theme.LIGHT


def current_theme() -> Theme:
    """The theme applied last."""
    return _state.current


def theme_palette(theme: Theme) -> QPalette:
    """The QPalette of ``theme``."""
    colours = _DARK if theme is Theme.DARK else _LIGHT
    palette = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    pairs = {
        role.Window: "window",
        role.WindowText: "window_text",
        role.Base: "base",
        role.AlternateBase: "alternate",
        role.Text: "text",
        role.Button: "button",
        role.ButtonText: "button_text",
        role.Highlight: "highlight",
        role.HighlightedText: "highlighted_text",
        role.ToolTipBase: "tooltip",
        role.ToolTipText: "tooltip_text",
        role.Link: "link",
        role.Mid: "mid",
        role.Dark: "dark",
        role.Light: "light",
        role.Midlight: "mid",
        role.Shadow: "dark",
        role.PlaceholderText: "placeholder",
        role.BrightText: "highlighted_text",
    }
    for colour_role, key in pairs.items():
        palette.setColor(colour_role, QColor(colours[key]))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, QColor(colours["disabled_text"]))
    # A selection in an unfocused view stays visible (a dispatcher glances away often).
    palette.setColor(group.Inactive, role.Highlight, QColor(colours["inactive_highlight"]))
    palette.setColor(group.Inactive, role.HighlightedText, QColor(colours["highlighted_text"]))
    return palette


def indicator_colour(theme: Theme | None = None) -> QColor:
    """The outline of check boxes and radio buttons in ``theme`` (default: the current one)."""
    colours = _DARK if (theme or _state.current) is Theme.DARK else _LIGHT
    return QColor(colours["indicator"])


class ConsoleStyle(QProxyStyle):
    """Fusion, with check box and radio button outlines that stand out from the window."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Draw as Fusion does, then outline indicators in the theme's indicator colour."""
        super().drawPrimitive(element, option, painter, widget)
        kind = QStyle.PrimitiveElement
        if element not in (kind.PE_IndicatorCheckBox, kind.PE_IndicatorRadioButton):
            return
        focused = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        if (option.state & focused) == focused:
            return  # Fusion's focus outline (highlight colour) stays
        rect: QRect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(indicator_colour(), 1))
        painter.setBrush(QColor(0, 0, 0, 0))
        if element == kind.PE_IndicatorCheckBox:
            # Fusion's own geometry: half-pixel shift, one pixel in from the right/bottom.
            painter.translate(0.5, 0.5)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        else:
            centre = QPointF(rect.center()) + QPointF(1, 1)
            radius = (rect.width() + (rect.width() + 1) % 2) / 2.0 - 1
            path = QPainterPath()
            path.addEllipse(centre, radius, radius)
            painter.drawPath(path)
        painter.restore()


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Make ``theme`` the look of the whole application."""
    _state.current = theme
    if not isinstance(app.style(), ConsoleStyle):
        app.setStyle(ConsoleStyle())
    use_dark_palette(theme is Theme.DARK)
    app.setPalette(theme_palette(theme))
