"""Display text for the dispatch engine's reasons and suggestions, in the current language.

The engine emits reason codes with values (``Reason("eta_min", 18)``); this
module turns them into "ETA 18 min" / "预计 18 分钟" and joins a suggestion's
reasons into one line: "3 km · ETA 8 min · Flatbed · EV high-voltage certified".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core.dispatch import Reason, Suggestion
from console.core.vocab import Skill, VehicleKind
from console.ui.labels import QT_TRANSLATE_NOOP, label

REASONS_CONTEXT = "Reasons"
SEPARATOR = " · "

REASON_TEMPLATES: dict[str, str] = {
    "distance_km": QT_TRANSLATE_NOOP("Reasons", "{value} km"),
    "eta_min": QT_TRANSLATE_NOOP("Reasons", "ETA {value} min"),
    "free_in": QT_TRANSLATE_NOOP("Reasons", "free in ~{value} min"),
    "stale_gps": QT_TRANSLATE_NOOP("Reasons", "GPS {value} min old"),
    "stale_gps_unknown": QT_TRANSLATE_NOOP("Reasons", "no GPS fix"),
    "feed_silent": QT_TRANSLATE_NOOP("Reasons", "feed silent {value} min"),
    "lacks_skill": QT_TRANSLATE_NOOP("Reasons", "not {value}"),
    "recent_jobs": QT_TRANSLATE_NOOP("Reasons", "{value} jobs this shift"),
    "partner_quality": QT_TRANSLATE_NOOP("Reasons", "partner {value}% reliable"),
}
"""Reason code -> English template; ``vehicle`` and ``skill`` use the vocabulary labels."""


def reason_text(reason: Reason) -> str:
    """One reason in the current language."""
    if reason.code == "vehicle":
        return label(VehicleKind(str(reason.value)))
    if reason.code == "skill":
        return label(Skill(str(reason.value)))
    if reason.code == "lacks_skill":
        value: str | int = label(Skill(str(reason.value)))
    else:
        value = reason.value
    code = "stale_gps_unknown" if reason.code == "stale_gps" and reason.value == -1 else reason.code
    template = REASON_TEMPLATES.get(code)
    if template is None:
        return f"{reason.code} {reason.value}".strip()
    return QCoreApplication.translate(REASONS_CONTEXT, template).format(value=value)


def suggestion_summary(suggestion: Suggestion) -> str:
    """All reasons of a suggestion on one line."""
    return SEPARATOR.join(reason_text(reason) for reason in suggestion.reasons)
