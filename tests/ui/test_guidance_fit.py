"""Every guidance text can be read out whole, in the guidance dock of a real window.

The dispatcher reads the caller-language text aloud, so a text cut off
mid-sentence or an answer button squashed to half its height is a safety
defect. Every node of every shipped protocol is shown in the panel, in the
dock of a main window at 1366x768 and 1920x1080, with the caller speaking one
language and the dispatcher reading the other (so both texts are on screen).
A label passes when it is as tall as its wrapped text needs at its width and
lies inside the scrolling content that the scroll bar can reach.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from console.core.handover import GuidanceStart, intake_answers
from console.core.intake import RequestDraft
from console.core.triage import TriageAnswers
from console.core.vocab import CallerLanguage, RequestStatus, RoadType
from console.db.backend import DatabaseBackend
from console.ui.app import build_main_window
from console.ui.guidance_panel import GuidancePanel
from console.ui.main_window import MainWindow
from tests.support.guidance_walk import Move, paths_to_every_node
from tests.support.workspace import open_backend, seeded_sqlite

SIZES = [(1366, 768), (1920, 1080)]
FACTS: dict[str, str | bool] = {
    "powertrain": "UNKNOWN",
    "vehicle_class": "CAR",
    "awd": False,
    "road_type": "URBAN",
}
"""What the test request's intake knew: every script question is asked."""


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[DatabaseBackend]:
    engine, backend = open_backend(seeded_sqlite(tmp_path), "dispatcher:test")
    yield backend
    engine.dispose()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def cut_texts(panel: GuidancePanel) -> list[str]:
    """Every text of the panel that is not shown whole, with what is wrong."""
    problems: list[str] = []
    content, viewport = panel.content, panel.scroll_area.viewport()
    bar = panel.scroll_area.verticalScrollBar()
    if content.width() > viewport.width():
        problems.append(f"content {content.width()} px wide in a {viewport.width()} px viewport")
    if content.height() > viewport.height() + bar.maximum():
        problems.append("the scroll bar cannot reach the bottom of the content")
    for label in content.findChildren(QLabel):
        if not label.isVisibleTo(panel) or not label.text():
            continue
        name = label.objectName() or label.text()[:30]
        bottom = label.mapTo(content, QPoint(0, label.height())).y()
        right = label.mapTo(content, QPoint(label.width(), 0)).x()
        if bottom > content.height() or right > content.width():
            problems.append(f"{name}: outside the scrolling content")
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height():
                problems.append(f"{name}: needs {needed} px, shown {label.height()} px")
        elif label.sizeHint().width() > label.width():
            problems.append(f"{name}: needs {label.sizeHint().width()} px wide")
    for button in content.findChildren(QAbstractButton):
        if button.isVisibleTo(panel) and button.height() < button.sizeHint().height():
            problems.append(
                f"button {button.text()[:30]!r}: {button.height()} px high, "
                f"needs {button.sizeHint().height()} px"
            )
    return problems


def replay(panel: GuidancePanel, request_id: int, moves: tuple[Move, ...]) -> None:
    assert panel.start(request_id)
    for move in moves:
        if move.number is not None:
            panel.number.setValue(move.number)
            panel.number_button.click()
        else:
            panel.choose(move.index)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_node_of_every_protocol_is_shown_whole_with_full_height_buttons(
    qtbot: QtBot,
    backend: DatabaseBackend,
    qsettings: QSettings,
    language: str,
    size: tuple[int, int],
) -> None:
    window: MainWindow = build_main_window(backend, language, settings=qsettings, user="alice")
    qtbot.addWidget(window)
    window.show()
    window.resize(*size)
    qtbot.waitExposed(window)
    settle()
    assert (window.width(), window.height()) == size
    caller = CallerLanguage.EN if language == "zh" else CallerLanguage.ZH
    row = backend.take_call(
        RequestDraft(
            caller_phone="13912345678",
            lat=30.27,
            lon=120.15,
            service_type="TOW",
            caller_language=caller,
        ),
        outcome=RequestStatus.NEW,
    )
    window.sig_guidance_requested.emit(row.id)
    panel = window.findChild(GuidancePanel)
    assert panel is not None and panel.library is not None
    settle()
    assert panel.isVisible() and panel.height() > 100
    paths = paths_to_every_node(panel.library, FACTS)
    assert len(paths) == sum(len(p.nodes) for p in panel.library.protocols.values())
    problems: dict[str, list[str]] = {}
    for (protocol, node), moves in paths.items():
        replay(panel, row.id, moves)
        assert panel.run is not None and (panel.run.protocol.id, panel.run.node.id) == (
            protocol,
            node,
        )
        settle()
        assert panel.caller_text.isVisible() and panel.caller_text.text()
        if panel.run.node.type != "outcome" and panel.run.node.kind != "number":
            assert len(panel.answer_buttons) == len(panel.run.node.answers)
        found = cut_texts(panel)
        if found:
            problems[f"{protocol}.{node}"] = found
    assert problems == {}, f"dock {panel.width()}x{panel.height()}"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_answers_taken_from_intake_are_shown_whole_at_1366x768(
    qtbot: QtBot, backend: DatabaseBackend, qsettings: QSettings, language: str
) -> None:
    window: MainWindow = build_main_window(backend, language, settings=qsettings, user="alice")
    qtbot.addWidget(window)
    window.show()
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    row = backend.take_call(
        RequestDraft(
            caller_phone="13912345678",
            lat=30.27,
            lon=120.15,
            service_type="TOW",
            powertrain="EV",
            road_type="EXPRESSWAY",
        ),
        outcome=RequestStatus.NEW,
    )
    every_risk = TriageAnswers(True, True, False, True, True, RoadType.EXPRESSWAY)
    window.sig_guidance_requested.emit(GuidanceStart(row.id, intake_answers(every_risk)))
    panel = window.findChild(GuidancePanel)
    assert panel is not None and panel.run is not None
    while panel.run.node.type == "warning":  # read out every warning that follows a "yes"
        settle()
        assert cut_texts(panel) == []
        panel.choose(0)
    settle()
    assert panel.known_text.isVisible() and panel.known_text.text()
    assert cut_texts(panel) == []
