"""Display names of the coverage capability groups (dashboard tile, map layer, plan moves)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.ui.labels import QT_TRANSLATE_NOOP

__all__ = ["CONTEXT", "GROUP_LABELS", "group_label"]

CONTEXT = "Coverage"

GROUP_LABELS: dict[str, str] = {
    "tow": QT_TRANSLATE_NOOP("Coverage", "Any tow truck"),
    "flatbed": QT_TRANSLATE_NOOP("Coverage", "Flatbed"),
    "heavy": QT_TRANSLATE_NOOP("Coverage", "Heavy wrecker"),
    "ev": QT_TRANSLATE_NOOP("Coverage", "EV-certified"),
    "van": QT_TRANSLATE_NOOP("Coverage", "Service van"),
    "bilingual": QT_TRANSLATE_NOOP("Coverage", "Bilingual"),
}
"""Capability group key (``console.core.reach.GROUPS``) -> English source name."""


def group_label(key: str) -> str:
    """The display name of the capability group ``key`` in the current language."""
    return QCoreApplication.translate(CONTEXT, GROUP_LABELS.get(key, key))
