"""Semantic icon registry: widgets ask for ``icon("app.refresh")``, never a glyph.

One table maps each semantic name to a qtawesome glyph and a palette colour, so
a restyle touches this file only. Icons are built lazily (qtawesome needs a
running QGuiApplication) and cached until the colour scheme changes: the dark
theme swaps in :data:`DARK_PALETTE` (see :func:`use_dark_palette`).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QIcon

from console.core.vocab import Priority, ServiceType

__all__ = [
    "DARK_PALETTE",
    "ICONS",
    "PALETTE",
    "colour",
    "icon",
    "is_dark_palette",
    "priority_icon_name",
    "service_icon_name",
    "use_dark_palette",
]

PALETTE: dict[str, str] = {
    "text": "#455a64",
    "muted": "#566270",
    "accent": "#0f5bb0",
    "ok": "#1b5e20",
    "warn": "#a84300",
    "danger": "#a31515",
    "ev": "#00695c",
    "on_danger": "#ffffff",
    "danger_fill": "#c62828",
    "on_warn": "#ffffff",
}
"""Named colours shared by icons and item models (light theme).

Each tone is text on the window, input and table backgrounds at WCAG AA (4.5:1),
also on the queue's P1 and breached row tints; ``danger_fill`` is the alert
banner's background under ``on_danger`` text, ``on_warn`` the text on a ``warn``
badge (``tests/ui/test_contrast.py``).
"""

DARK_PALETTE: dict[str, str] = {
    "text": "#b0bec5",
    "muted": "#9aa4ae",
    "accent": "#8ccbfa",
    "ok": "#66bb6a",
    "warn": "#ffa726",
    "danger": "#ff8a80",
    "ev": "#80cbc4",
    "on_danger": "#ffffff",
    "danger_fill": "#b71c1c",
    "on_warn": "#1b1e22",
}
"""The same names, lighter, for the dark theme (readable on a dark background)."""

ICONS: dict[str, tuple[str, str]] = {
    # application actions
    "app.refresh": ("mdi6.refresh", "accent"),
    "app.quit": ("mdi6.exit-to-app", "text"),
    "app.language": ("mdi6.translate", "text"),
    "app.about": ("mdi6.information-outline", "text"),
    "request.new": ("mdi6.plus-circle-outline", "accent"),
    "app.search": ("mdi6.magnify", "text"),
    "app.filter": ("mdi6.filter-variant", "text"),
    "app.theme": ("mdi6.theme-light-dark", "text"),
    "app.save": ("mdi6.content-save-outline", "text"),
    "app.discard": ("mdi6.delete-outline", "text"),
    "app.restore": ("mdi6.restore", "accent"),
    "app.warning": ("mdi6.alert-outline", "warn"),
    "app.error": ("mdi6.alert-circle-outline", "danger"),
    "nav.next": ("mdi6.chevron-down", "text"),
    "nav.previous": ("mdi6.chevron-up", "text"),
    "app.dashboard": ("mdi6.view-dashboard-outline", "accent"),
    "app.shortcuts": ("mdi6.keyboard-outline", "text"),
    "app.plan": ("mdi6.map-marker-path", "text"),
    # alerts
    "alert.banner": ("mdi6.alarm-light", "on_danger"),
    "alert.mute": ("mdi6.volume-off", "text"),
    "alert.dismiss": ("mdi6.close", "text"),
    # request lifecycle actions
    "request.triage": ("mdi6.format-list-checks", "accent"),
    "request.queue": ("mdi6.send-check-outline", "accent"),
    "request.resolve": ("mdi6.phone-check", "ok"),
    "request.en_route": ("mdi6.truck-fast", "accent"),
    "request.on_scene": ("mdi6.map-marker-check", "accent"),
    "request.tow": ("mdi6.tow-truck", "accent"),
    "request.complete": ("mdi6.flag-checkered", "ok"),
    "request.cancel": ("mdi6.close-circle-outline", "danger"),
    "request.release": ("mdi6.account-arrow-left-outline", "warn"),
    "request.assign_first": ("mdi6.target-account", "accent"),
    # intake
    "intake.safety": ("mdi6.car-emergency", "danger"),
    "intake.caller": ("mdi6.account-circle-outline", "text"),
    "intake.location": ("mdi6.crosshairs-gps", "text"),
    "intake.vehicle": ("mdi6.car-info", "text"),
    "intake.service": ("mdi6.wrench-outline", "text"),
    "intake.notes": ("mdi6.clipboard-text-outline", "text"),
    "intake.city_centre": ("mdi6.city-variant-outline", "text"),
    # panels
    "panel.queue": ("mdi6.format-list-bulleted", "text"),
    "panel.map": ("mdi6.map-outline", "text"),
    "panel.detail": ("mdi6.card-text-outline", "text"),
    "panel.crews": ("mdi6.account-group-outline", "text"),
    "panel.suggestions": ("mdi6.lightbulb-on-outline", "text"),
    "panel.guidance": ("mdi6.headset", "text"),
    "panel.timeline": ("mdi6.timeline-text-outline", "text"),
    # crews
    "crew.available": ("mdi6.account-check-outline", "ok"),
    "crew.busy": ("mdi6.account-hard-hat", "accent"),
    "crew.off_duty": ("mdi6.sleep", "muted"),
    "crew.out_of_service": ("mdi6.wrench-outline", "danger"),
    "crew.gps_stale": ("mdi6.crosshairs-question", "warn"),
    "feed.live": ("mdi6.signal-cellular-3", "ok"),
    "feed.quiet": ("mdi6.signal-cellular-1", "muted"),
    "feed.silent": ("mdi6.signal-off", "danger"),
    "feed.never_reported": ("mdi6.signal-cellular-outline", "warn"),
    "feed.no_device": ("mdi6.cellphone-off", "muted"),
    "device.manage": ("mdi6.cellphone-link", "text"),
    "device.add": ("mdi6.cellphone-marker", "accent"),
    "device.revoke": ("mdi6.cellphone-remove", "danger"),
    "app.copy": ("mdi6.content-copy", "text"),
    "skill.ev_hv_certified": ("mdi6.lightning-bolt-circle", "ev"),
    "skill.bilingual": ("mdi6.translate-variant", "accent"),
    # status bar
    "status.connected": ("mdi6.lan-connect", "ok"),
    "status.disconnected": ("mdi6.lan-disconnect", "danger"),
    "status.database_lost": ("mdi6.database-remove", "danger"),
    "status.clock": ("mdi6.clock-outline", "text"),
    "status.user": ("mdi6.account-outline", "text"),
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
_active: dict[str, str] = dict(PALETTE)


def use_dark_palette(dark: bool) -> None:
    """Switch icons and model colours to the dark (or light) palette.

    Icons already handed out keep their colour: widgets ask again after a
    theme change (the main window announces it).
    """
    wanted = DARK_PALETTE if dark else PALETTE
    if wanted != _active:
        _active.clear()
        _active.update(wanted)
        _cache.clear()


def is_dark_palette() -> bool:
    """True while the dark palette is in use."""
    return _active == DARK_PALETTE


def colour(name: str) -> QColor:
    """The colour called ``name`` in the active palette (see :data:`PALETTE`)."""
    return QColor(_active[name])


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
    # qtawesome loads its fonts and half of Qt through qtpy: not before the sign-in shows.
    import qtawesome as qta

    created: QIcon = qta.icon(glyph, color=_active[colour_name])
    _cache[name] = created
    return created


def priority_icon_name(priority: Priority) -> str:
    """The registry name of the icon for ``priority``."""
    return f"priority.{priority.value.lower()}"


def service_icon_name(service: ServiceType) -> str:
    """The registry name of the icon for ``service``."""
    return f"service.{service.value.lower()}"
