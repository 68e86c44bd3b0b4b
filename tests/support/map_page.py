"""Helpers for tests that drive the map page: wait for it, ask it things."""

from __future__ import annotations

import json
from typing import Any

from pytestqt.qtbot import QtBot

from console.ui.map.view import MapView

LOAD_MS = 30_000
"""Generous bound for Chromium to start and the page to report ready on a busy machine."""
ANSWER_MS = 10_000


def wait_ready(qtbot: QtBot, view: MapView) -> None:
    """Wait until the page has reported ready over the web channel."""
    qtbot.waitUntil(lambda: view.is_ready, timeout=LOAD_MS)


def ask(qtbot: QtBot, view: MapView, expression: str) -> Any:
    """Evaluate ``expression`` on the page (after any queued call) and return it, via JSON."""
    answers: list[Any] = []
    view.evaluate(f"JSON.stringify({expression})", answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=ANSWER_MS)
    text = answers[0]
    return json.loads(text) if isinstance(text, str) and text else None
