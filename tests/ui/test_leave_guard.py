"""Quitting or signing out while a call is being taken or guided asks first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.core.intake import RequestDraft
from console.core.ports import ConsoleBackend
from console.core.roles import Principal
from console.core.vocab import RequestStatus, Role
from console.db.accounts import Accounts
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.ui.app import build_main_window
from console.ui.guidance_panel import GuidancePanel
from console.ui.intake_dialog import draft_key
from console.ui.main_window import MainWindow
from console.ui.session import ConsoleSession
from tests.support.workspace import open_backend, seeded_sqlite


class Questions:
    """Stands in for the dispatcher: records each question and gives one answer."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, _window: QWidget, _title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[DatabaseBackend]:
    engine, backend = open_backend(seeded_sqlite(tmp_path), "dispatcher:test")
    yield backend
    engine.dispose()


@pytest.fixture
def window(qtbot: QtBot, backend: DatabaseBackend, qsettings: QSettings) -> MainWindow:
    window = build_main_window(backend, "en", settings=qsettings, user="alice")
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def answering(monkeypatch: pytest.MonkeyPatch, answer: bool) -> Questions:
    questions = Questions(answer)
    monkeypatch.setattr("console.ui.leave_guard.ask", questions)
    return questions


def guide_a_call(window: MainWindow, backend: DatabaseBackend) -> str:
    row = backend.take_call(
        RequestDraft(caller_phone="13912345678", lat=30.27, lon=120.15, service_type="TOW"),
        outcome=RequestStatus.NEW,
    )
    panel = window.findChild(GuidancePanel)
    assert panel is not None and panel.start(row.id)
    return row.reference


def test_nothing_open_closes_without_a_question(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    questions = answering(monkeypatch, False)
    assert window.close()
    assert questions.asked == []


def test_closing_during_guidance_asks_and_no_keeps_the_console_open(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, backend: DatabaseBackend
) -> None:
    reference = guide_a_call(window, backend)
    questions = answering(monkeypatch, False)
    assert not window.close()
    assert window.isVisible()
    assert questions.asked == [
        f"Still open: guidance of {reference}.\n\nLeave anyway? A call in the new-call form "
        "is kept as a draft; unsaved guidance answers are lost."
    ]
    questions.answer = True
    assert window.close()
    assert len(questions.asked) == 2


def test_a_typed_intake_asks_and_is_kept_as_a_draft_when_leaving(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, window: MainWindow, qsettings: QSettings
) -> None:
    dialog = window.open_intake()
    qtbot.keyClicks(dialog.texts["phone"], "138 1234 5678")
    questions = answering(monkeypatch, True)
    assert window.confirm_leave_work()
    assert "a call in the new-call form" in questions.asked[0]
    assert window.close()
    assert window.confirm_leave_work()  # asked once, not again while closing
    assert len(questions.asked) == 1
    assert qsettings.value(draft_key("alice"))


def test_a_saved_guidance_is_not_open_work(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, backend: DatabaseBackend
) -> None:
    guide_a_call(window, backend)
    panel = window.findChild(GuidancePanel)
    assert panel is not None
    panel.escalate()
    assert panel.finish() is not None
    questions = answering(monkeypatch, False)
    assert window.close()
    assert questions.asked == []


def test_signing_out_during_an_intake_asks_and_no_keeps_the_dispatcher_signed_in(
    qtbot: QtBot, tmp_path: Path, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "session").mkdir()
    engine = make_engine(seeded_sqlite(tmp_path / "session", requests=0))
    people = [Principal.user("dispatcher", Role.DISPATCHER, is_demo=True)]

    def build(backend: ConsoleBackend, principal: Principal) -> MainWindow:
        return build_main_window(
            backend, "en", settings=qsettings, poll_ms=60_000, user=principal.actor,
            principal=principal,
        )  # fmt: skip

    session = ConsoleSession(
        Accounts(engine), lambda p: DatabaseBackend(engine, principal=p), build, workstation="d1"
    )
    monkeypatch.setattr(session, "sign_in", lambda: people.pop(0) if people else None)
    assert session.start()
    window = session.current_window()
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    dialog = window.open_intake()
    qtbot.keyClicks(dialog.texts["phone"], "138 1234 5678")
    questions = answering(monkeypatch, False)
    session.sign_out()
    assert session.current_window() is window and window.isVisible()
    assert dialog.isVisible()
    assert len(questions.asked) == 1
    dialog.close()
    engine.dispose()
