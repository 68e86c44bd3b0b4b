"""Light and dark themes: one Fusion palette each, plus the matching icon colours.

A night shift wants a dark screen; the day shift a light one. Both are built on
the Fusion style, so they look the same on every platform, and both keep the
semantic colours (ok / warn / danger) readable on their background.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from console.ui.icons import use_dark_palette

__all__ = ["THEME_KEY", "Theme", "apply_theme", "current_theme", "parse_theme", "theme_palette"]

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
    "tooltip": "#fffbe6",
    "tooltip_text": "#1f2933",
    "link": "#1565c0",
    "mid": "#c5ccd3",
    "dark": "#9aa5b1",
    "light": "#ffffff",
    "disabled_text": "#8a96a3",
    "placeholder": "#8a96a3",
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
    "tooltip": "#2c3239",
    "tooltip_text": "#dde3e8",
    "link": "#64b5f6",
    "mid": "#4a525c",
    "dark": "#0f1114",
    "light": "#3d444d",
    "disabled_text": "#6b747e",
    "placeholder": "#7b858f",
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
    palette.setColor(group.Inactive, role.Highlight, QColor(colours["highlight"]).lighter(115))
    palette.setColor(group.Inactive, role.HighlightedText, QColor(colours["highlighted_text"]))
    return palette


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Make ``theme`` the look of the whole application."""
    if app.style().name().lower() != "fusion":
        style = QStyleFactory.create("Fusion")
        if style is not None:
            app.setStyle(style)
    use_dark_palette(theme is Theme.DARK)
    app.setPalette(theme_palette(theme))
    _state.current = theme
