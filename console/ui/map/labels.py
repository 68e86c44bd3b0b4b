"""The translated texts the map page shows (legend, layer names, popups, menu)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from console.core.vocab import CrewStatus, Priority, RequestStatus, ServiceType, VehicleKind
from console.ui.i18n import current_language
from console.ui.labels import label
from console.ui.reach_labels import GROUP_LABELS, group_label

__all__ = ["CONTEXT", "map_labels"]

CONTEXT = "MapPanel"


def map_labels() -> dict[str, Any]:
    """Every text the page needs, in the current UI language, keyed as the page expects."""
    return {
        "lang": current_language(),
        "layers": {
            "boundaries": QCoreApplication.translate("MapPanel", "Provinces"),
            "depots": QCoreApplication.translate("MapPanel", "Depots"),
            "crews": QCoreApplication.translate("MapPanel", "Crews"),
            "requests": QCoreApplication.translate("MapPanel", "Open requests"),
            "routes": QCoreApplication.translate("MapPanel", "Suggested crews"),
            "holes": QCoreApplication.translate("MapPanel", "Coverage holes"),
            "tiles": QCoreApplication.translate("MapPanel", "Map tiles"),
            "trail": QCoreApplication.translate("MapPanel", "Crew trail"),
        },
        "legend": {
            "title": QCoreApplication.translate("MapPanel", "Legend"),
            "requests": QCoreApplication.translate("MapPanel", "Requests by priority"),
            "crews": QCoreApplication.translate("MapPanel", "Crews by status"),
            "size": QCoreApplication.translate("MapPanel", "Larger dot: heavier vehicle"),
            "depots": QCoreApplication.translate("MapPanel", "Depots"),
            "depot": QCoreApplication.translate("MapPanel", "Depot (grouped when zoomed out)"),
            "trails": QCoreApplication.translate("MapPanel", "Selected job"),
            "trail": QCoreApplication.translate(
                "MapPanel", "Crew's trail since assignment (arrows: direction)"
            ),
            "holes": QCoreApplication.translate("MapPanel", "Coverage holes"),
            "hole": QCoreApplication.translate(
                "MapPanel", "City a free capable crew misses (larger: worse)"
            ),
        },
        "fields": {
            "status": QCoreApplication.translate("MapPanel", "Status"),
            "vehicle": QCoreApplication.translate("MapPanel", "Vehicle"),
            "depot": QCoreApplication.translate("MapPanel", "Depot"),
            "priority": QCoreApplication.translate("MapPanel", "Priority"),
            "service": QCoreApplication.translate("MapPanel", "Service"),
            "address": QCoreApplication.translate("MapPanel", "Address"),
            "name": QCoreApplication.translate("MapPanel", "Name"),
            "city": QCoreApplication.translate("MapPanel", "City"),
            "phone": QCoreApplication.translate("MapPanel", "Phone"),
            "capability": QCoreApplication.translate("MapPanel", "Capability"),
            "nearest": QCoreApplication.translate("MapPanel", "Nearest free crew"),
        },
        "actions": {
            "intake_here": QCoreApplication.translate("MapPanel", "New call at this point")
        },
        "holes": {
            "none": QCoreApplication.translate("MapPanel", "none free"),
            "minutes": QCoreApplication.translate("MapPanel", "{minutes} min"),
            "nearest": QCoreApplication.translate("MapPanel", "Nearest free crew: {nearest}"),
        },
        "coverage_group": {key: group_label(key) for key in GROUP_LABELS},
        "crew_status": {m.value: label(m) for m in CrewStatus},
        "request_status": {m.value: label(m) for m in RequestStatus},
        "priority": {m.value: label(m) for m in Priority},
        "vehicle_kind": {m.value: label(m) for m in VehicleKind},
        "service_type": {m.value: label(m) for m in ServiceType},
    }
