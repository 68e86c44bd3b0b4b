"""Display text for triage factors and stored priority reasons.

Reasons are stored in English (``console.core.triage``); known phrases are
shown in the current language, anything a dispatcher typed is shown as typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from console.core.triage import FACTOR_TEXT, TriageFactor, parse_override_reason
from console.ui.i18n import current_language
from console.ui.labels import QT_TRANSLATE_NOOP, label

__all__ = ["TRIAGE_CONTEXT", "factor_text", "join_reasons", "reason_text"]

TRIAGE_CONTEXT = "Triage"

_PHRASES: dict[str, str] = {
    FACTOR_TEXT[TriageFactor.LIVE_LANE]: QT_TRANSLATE_NOOP(
        "Triage", "Vehicle stopped in a live lane"
    ),
    FACTOR_TEXT[TriageFactor.INJURIES]: QT_TRANSLATE_NOOP("Triage", "Injuries reported"),
    FACTOR_TEXT[TriageFactor.ACCIDENT]: QT_TRANSLATE_NOOP("Triage", "Collision reported"),
    FACTOR_TEXT[TriageFactor.SMOKE_OR_FIRE]: QT_TRANSLATE_NOOP("Triage", "Smoke or fire reported"),
    FACTOR_TEXT[TriageFactor.EV_WARNING]: QT_TRANSLATE_NOOP("Triage", "EV battery warning"),
    FACTOR_TEXT[TriageFactor.EXPRESSWAY]: QT_TRANSLATE_NOOP("Triage", "Vehicle on an expressway"),
    FACTOR_TEXT[TriageFactor.VULNERABLE_OCCUPANTS]: QT_TRANSLATE_NOOP(
        "Triage", "Vulnerable occupants"
    ),
    FACTOR_TEXT[TriageFactor.NIGHT_REMOTE]: QT_TRANSLATE_NOOP(
        "Triage", "Night-time in a remote place"
    ),
    FACTOR_TEXT[TriageFactor.SCHEDULED]: QT_TRANSLATE_NOOP(
        "Triage", "Caller asked for a scheduled visit"
    ),
    FACTOR_TEXT[TriageFactor.NO_RISK]: QT_TRANSLATE_NOOP("Triage", "No safety risk reported"),
    # Phrases the demo data and older imports use.
    "Vehicle on expressway shoulder": QT_TRANSLATE_NOOP("Triage", "Vehicle on expressway shoulder"),
}
"""Stored English phrase -> lupdate source text (identical, but marked for translation)."""

_OVERRIDE = QT_TRANSLATE_NOOP("Triage", "Dispatcher override {old} → {new}: {reason}")


def factor_text(factor: TriageFactor) -> str:
    """The factor's phrase in the current language."""
    return QCoreApplication.translate(TRIAGE_CONTEXT, _PHRASES[FACTOR_TEXT[factor]])


def join_reasons(parts: Iterable[str]) -> str:
    """Reasons joined with the semicolon of the current language."""
    return ("；" if current_language() == "zh" else "; ").join(parts)


def reason_text(stored: str) -> str:
    """A stored ``priority_reason`` in the current language, as far as it is known."""
    override = parse_override_reason(stored)
    if override is not None:
        old, new, explanation = override
        template = QCoreApplication.translate(TRIAGE_CONTEXT, _OVERRIDE)
        return template.format(old=label(old), new=label(new), reason=explanation)
    parts = [part.strip() for part in stored.split(";")]
    shown = [
        QCoreApplication.translate(TRIAGE_CONTEXT, _PHRASES[part]) if part in _PHRASES else part
        for part in parts
        if part
    ]
    return join_reasons(shown)
