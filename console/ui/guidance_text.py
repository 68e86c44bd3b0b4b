"""A guided call's ledger record as text: the outcome and each question with its answer."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.core.guidance import ESCALATE, GuidanceLibrary, load_library
from console.ui.i18n import current_language

__all__ = ["guidance_details"]


@cache
def _library() -> GuidanceLibrary | None:
    return load_library()[0]


def guidance_details(record: Mapping[str, Any]) -> str:
    """“Guidance R01-Ω-1 (No-start / battery): question? answer · …” in the current language.

    The protocol is named by its title; protocols and steps the shipped scripts no
    longer know are shown as recorded.
    """
    library = _library()
    language = current_language()
    steps: list[str] = []
    for step in record.get("path") or ():
        texts = library.step_text(str(step), language) if library else None
        if texts is None:
            steps.append(str(step))
        elif str(step).endswith("=" + ESCALATE):
            steps.append(
                QCoreApplication.translate("GuidanceText", "{question} escalated").format(
                    question=texts[0]
                )
            )
        else:
            steps.append(f"{texts[0]} {texts[1]}")
    protocol_id = str(record.get("protocol", ""))
    protocol = library.protocols.get(protocol_id) if library else None
    head = QCoreApplication.translate("GuidanceText", "Guidance {code} ({protocol})").format(
        code=record.get("code", ""),
        protocol=protocol.title.in_language(language) if protocol else protocol_id,
    )
    return head + (": " + " · ".join(steps) if steps else "")
