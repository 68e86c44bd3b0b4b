"""WCAG 2 contrast of colours, and the colour pairs a Qt stylesheet declares.

Used by the themes' tests (text 4.5:1, controls and icons 3:1, WCAG AA) and by
the themes themselves to pick readable tones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

__all__ = [
    "QssRule",
    "blend",
    "contrast_ratio",
    "css_colour",
    "parse_qss",
    "relative_luminance",
]

TEXT_RATIO = 4.5
"""WCAG AA minimum for normal text against its background."""
GRAPHIC_RATIO = 3.0
"""WCAG AA minimum for control boundaries, icons and large text."""


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour (0 black .. 1 white)."""
    return (
        0.2126 * _linear(colour.redF())
        + 0.7152 * _linear(colour.greenF())
        + 0.0722 * _linear(colour.blueF())
    )


def blend(over: QColor, under: QColor) -> QColor:
    """``over`` (possibly translucent) painted on opaque ``under``."""
    alpha = over.alphaF()
    return QColor.fromRgbF(
        over.redF() * alpha + under.redF() * (1 - alpha),
        over.greenF() * alpha + under.greenF() * (1 - alpha),
        over.blueF() * alpha + under.blueF() * (1 - alpha),
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio (1..21); a translucent first colour is blended on the second."""
    if first.alpha() < 255:
        first = blend(first, second)
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


_PALETTE_ROLES = {
    "window": QPalette.ColorRole.Window,
    "window-text": QPalette.ColorRole.WindowText,
    "base": QPalette.ColorRole.Base,
    "alternate-base": QPalette.ColorRole.AlternateBase,
    "text": QPalette.ColorRole.Text,
    "button": QPalette.ColorRole.Button,
    "button-text": QPalette.ColorRole.ButtonText,
    "highlight": QPalette.ColorRole.Highlight,
    "highlighted-text": QPalette.ColorRole.HighlightedText,
    "placeholder-text": QPalette.ColorRole.PlaceholderText,
    "link": QPalette.ColorRole.Link,
    "mid": QPalette.ColorRole.Mid,
    "dark": QPalette.ColorRole.Dark,
    "light": QPalette.ColorRole.Light,
}


def css_colour(value: str, palette: QPalette) -> QColor | None:
    """A QSS colour value (#hex, name, rgb()/rgba(), palette(role)) as a QColor, if it is one."""
    text = value.strip().lower()
    match = re.fullmatch(r"palette\(\s*([a-z-]+)\s*\)", text)
    if match:
        role = _PALETTE_ROLES.get(match.group(1))
        return palette.color(role) if role is not None else None
    match = re.fullmatch(r"rgba?\(([^)]*)\)", text)
    if match:
        parts = [p.strip() for p in match.group(1).split(",")]
        numbers = [float(p.rstrip("%")) for p in parts]
        colour = QColor(int(numbers[0]), int(numbers[1]), int(numbers[2]))
        if len(numbers) == 4:
            alpha = numbers[3]
            colour.setAlpha(int(alpha if alpha > 1 else alpha * 255))
        return colour
    colour = QColor(text)
    return colour if colour.isValid() else None


@dataclass(frozen=True, slots=True)
class QssRule:
    """One rule of a stylesheet: its selector ("" for bare declarations) and properties."""

    selector: str
    properties: dict[str, str]

    def colour(self, name: str, palette: QPalette) -> QColor | None:
        """The colour of property ``name`` (``background`` also reads ``background-color``)."""
        names = (name, f"{name}-color") if name == "background" else (name,)
        for key in names:
            value = self.properties.get(key)
            if value is None:
                continue
            for word in re.findall(
                r"palette\([^)]*\)|rgba?\([^)]*\)|#[0-9a-fA-F]{3,8}|[a-z]+", value
            ):
                found = css_colour(word, palette)
                if found is not None:
                    return found
        return None


def parse_qss(stylesheet: str) -> list[QssRule]:
    """The rules of a Qt stylesheet; bare declarations (``color: red;``) are one rule."""
    text = re.sub(r"/\*.*?\*/", "", stylesheet, flags=re.DOTALL)
    rules: list[QssRule] = []

    def declarations(body: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for part in body.split(";"):
            name, sep, value = part.partition(":")
            if sep and name.strip():
                found[name.strip().lower()] = value.strip()
        return found

    if "{" not in text:
        return [QssRule("", declarations(text))] if text.strip() else []
    for selector, body in re.findall(r"([^{}]*)\{([^}]*)\}", text):
        rules.append(QssRule(selector.strip(), declarations(body)))
    return rules
