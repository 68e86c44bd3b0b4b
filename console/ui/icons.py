"""Semantic icon registry: widgets ask for ``icon("app.refresh")``, never a glyph.

One table maps each semantic name to a qtawesome glyph and a palette colour, so
a restyle touches this file only. Icons are built lazily (qtawesome needs a
running QGuiApplication) and cached for the life of the process.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtGui import QColor, QGuiApplication, QIcon

from console.core.vocab import Priority, ServiceType

__all__ = ["ICONS", "PALETTE", "colour", "icon", "priority_icon_name", "service_icon_name"]

PALETTE: dict[str, str] = {
    "text": "#455a64",
    "muted": "#90a4ae",
    "accent": "#1565c0",
    "ok": "#2e7d32",
    "warn": "#ef6c00",
    "danger": "#c62828",
    "ev": "#00897b",
}
"""Named colours shared by icons and item models."""

ICONS: dict[str, tuple[str, str]] = {
    # application actions
    "app.refresh": ("mdi6.refresh", "accent"),
    "app.quit": ("mdi6.exit-to-app", "text"),
    "app.language": ("mdi6.translate", "text"),
    "app.about": ("mdi6.information-outline", "text"),
    "request.new": ("mdi6.plus-circle-outline", "accent"),
    # status bar
    "status.connected": ("mdi6.lan-connect", "ok"),
    "status.disconnected": ("mdi6.lan-disconnect", "danger"),
    "status.clock": ("mdi6.clock-outline", "text"),
    # queue cells
    "priority.p1": ("mdi6.alert-octagon", "danger"),
    "priority.p2": ("mdi6.circle-medium", "accent"),
    "priority.p3": ("mdi6.circle-medium", "muted"),
    "vehicle.ev": ("mdi6.lightning-bolt", "ev"),
    "sla.breached": ("mdi6.alarm-light", "danger"),
    # service types
    "service.tow": ("mdi6.tow-truck", "text"),
    "service.jump_start": ("mdi6.car-battery", "text"),
    "service.tyre_change": ("mdi6.tire", "text"),
    "service.fuel_delivery": ("mdi6.gas-station", "text"),
    "service.extraction": ("mdi6.car-off", "text"),
    "service.lockout": ("mdi6.key-variant", "text"),
    "service.ev_charging": ("mdi6.ev-station", "ev"),
    "service.ev_hv_check": ("mdi6.flash-alert", "ev"),
    "service.remote_guidance": ("mdi6.headset", "text"),
}
"""Semantic name -> (qtawesome glyph, palette colour name)."""

_cache: dict[str, QIcon] = {}


def colour(name: str) -> QColor:
    """The palette colour called ``name`` (see :data:`PALETTE`)."""
    return QColor(PALETTE[name])


def icon(name: str) -> QIcon:
    """The icon registered as ``name``; raises ``KeyError`` for an unknown name.

    Must be called after the QApplication exists.
    """
    cached = _cache.get(name)
    if cached is not None:
        return cached
    glyph, colour_name = ICONS[name]
    if QGuiApplication.instance() is None:
        raise RuntimeError("icons can only be created after the QApplication exists")
    created: QIcon = qta.icon(glyph, color=PALETTE[colour_name])
    _cache[name] = created
    return created


def priority_icon_name(priority: Priority) -> str:
    """The registry name of the icon for ``priority``."""
    return f"priority.{priority.value.lower()}"


def service_icon_name(service: ServiceType) -> str:
    """The registry name of the icon for ``service``."""
    return f"service.{service.value.lower()}"
