"""Spec: the sign-in shows at once, the database opens behind it, and nothing blocks the window.

A first start loads demo data with a progress bar; the password is checked on
a worker thread while the dialog says so; the window's first rows arrive from
the poller's thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.core.accounts import DemoAccount, SignInGate
from console.core.errors import StorageError
from console.core.ports import ConsoleBackend
from console.core.roles import Principal
from console.core.vocab import Role
from console.db import schema
from console.db.accounts import Accounts
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.db.seed import SEED_STEPS, SeedOptions, seed_database
from console.ui.app import build_main_window
from console.ui.main_window import MainWindow
from console.ui.session import ConsoleSession
from console.ui.sign_in_dialog import SignInDialog
from tests.support.workspace import SEED_AT, seeded_sqlite


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """A seeded SQLite file with the three demo accounts."""
    engine = make_engine(seeded_sqlite(tmp_path, requests=3))
    yield engine
    engine.dispose()


class SlowGate:
    """A gate whose password check waits until the test lets it answer."""

    def __init__(self, answer: Principal) -> None:
        self.answer = answer
        self.release = threading.Event()
        self.checking = threading.Event()

    def sign_in(self, username: str, password: str, workstation: str) -> Principal:
        self.checking.set()
        assert self.release.wait(10)
        return self.answer

    def demo_accounts(self) -> list[DemoAccount]:
        return []

    def describe(self) -> str:
        return "sqlite:///slow.db"


def show(qtbot: QtBot, dialog: SignInDialog) -> SignInDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def session_that_prepares(
    prepare: Callable[[Callable[[int, int], None]], SignInGate],
) -> ConsoleSession:
    """A session whose database is opened by ``prepare``; it never gets as far as a window."""
    return ConsoleSession(
        None,
        lambda p: None,
        lambda b, p: None,
        workstation="d",
        prepare=prepare,  # type: ignore[arg-type,return-value]
    )


def test_the_sign_in_shows_before_the_database_is_open_and_waits_for_it(
    qtbot: QtBot, engine: Engine
) -> None:
    dialog = show(qtbot, SignInDialog(None, "desk-7"))
    assert not dialog.ready
    assert not dialog.sign_in_button.isEnabled() and not dialog.password.isEnabled()
    assert dialog.progress.isVisible()
    assert dialog.progress.label.text() == "Opening the database…"
    dialog.show_preparing(30, 100)
    assert dialog.progress.label.text() == "First start: loading demo data…"
    assert (dialog.progress.bar.value(), dialog.progress.bar.maximum()) == (30, 100)

    dialog.set_gate(Accounts(engine))
    assert dialog.ready and dialog.sign_in_button.isEnabled()
    assert not dialog.progress.isVisible()
    assert set(dialog.demo_buttons) == {"dispatcher", "supervisor", "admin"}
    assert dialog.demo_box.isVisible()
    assert (dialog.username.text(), dialog.password.text()) == ("dispatcher", "demo")
    assert "sqlite" in dialog.database.text()


def test_a_database_that_cannot_open_is_explained_and_only_quit_is_left(qtbot: QtBot) -> None:
    dialog = show(qtbot, SignInDialog(None, "desk-7"))
    dialog.show_unavailable("the server does not answer")
    assert dialog.message.isVisible()
    assert dialog.message.text() == ("The database could not be opened: the server does not answer")
    assert not dialog.sign_in_button.isEnabled() and dialog.quit_button.isEnabled()
    assert not dialog.progress.isVisible()


def test_the_password_is_checked_off_the_interface_thread_with_the_dialog_busy(
    qtbot: QtBot,
) -> None:
    gate = SlowGate(Principal.user("dispatcher", Role.DISPATCHER))
    dialog = show(qtbot, SignInDialog(gate, "desk-7"))  # type: ignore[arg-type]
    dialog.username.setText("dispatcher")
    dialog.password.setText("secret")
    ticks: list[int] = []
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    dialog.sign_in_button.click()
    assert gate.checking.wait(5)
    # The event loop keeps running while the check waits: the timer ticks on.
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)
    assert dialog.progress.isVisible()
    assert dialog.progress.label.text() == "Checking the password…"
    assert dialog.progress.bar.maximum() == 0  # busy, no count
    assert not dialog.sign_in_button.isEnabled() and not dialog.username.isEnabled()
    with qtbot.waitSignal(dialog.sig_signed_in, timeout=5000) as signed:
        gate.release.set()
    assert signed.args == [gate.answer]
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.password.text() == ""


def test_a_first_start_seeds_behind_the_sign_in_with_a_progress_bar_and_then_opens(
    qtbot: QtBot, tmp_path: Path, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'first.db'}"
    engines: list[Engine] = []
    threads: list[str] = []

    def prepare(progress: Callable[[int, int], None]) -> SignInGate:
        threads.append(threading.current_thread().name)
        engine = schema.open_database(url, create=True)
        engines.append(engine)
        seed_database(
            engine, SeedOptions(requests=5, at=SEED_AT, history_days=1), progress=progress
        )
        return Accounts(engine)

    def build(backend: ConsoleBackend, principal: Principal) -> MainWindow:
        return build_main_window(
            backend, "en", settings=qsettings, poll_ms=60_000, user=principal.actor,
            principal=principal, load_now=False,
        )  # fmt: skip

    shown: list[int] = []

    def exec_like_a_user(dialog: SignInDialog) -> int:
        # The session deletes its dialog itself: it is not handed to qtbot.
        dialog.progress.bar.valueChanged.connect(shown.append)
        qtbot.waitUntil(lambda: dialog.ready, timeout=60_000)
        dialog.sign_in_button.click()
        qtbot.waitUntil(lambda: dialog.result() != 0, timeout=30_000)
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", exec_like_a_user)
    session = ConsoleSession(
        None,
        lambda p: DatabaseBackend(engines[0], principal=p),
        build,
        workstation="desk-7",
        prepare=prepare,
    )
    try:
        assert session.start()
        window = session.current_window()
        assert window is not None
        qtbot.addWidget(window)
        assert threads and threads[0] != threading.main_thread().name
        assert shown and shown[-1] == SEED_STEPS
        assert shown == sorted(shown)
        # The first rows come from the poller's thread, after the window was built.
        qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=20_000)
    finally:
        for engine in engines:
            engine.dispose()


def test_a_failure_to_open_the_database_is_raised_once_the_user_quits(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def prepare(progress: Callable[[int, int], None]) -> SignInGate:
        raise StorageError("db.outdated", current="empty", head="abc")

    seen: list[str] = []

    def exec_like_a_user(dialog: SignInDialog) -> int:
        qtbot.waitUntil(dialog.message.isVisible, timeout=10_000)
        seen.append(dialog.message.text())
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", exec_like_a_user)
    session = session_that_prepares(prepare)
    assert not session.start()
    assert isinstance(session.prepare_error, StorageError)
    assert seen and seen[0].startswith("The database could not be opened: ")


def test_the_dialog_stays_centred_when_the_demo_accounts_arrive(
    qtbot: QtBot, engine: Engine
) -> None:
    dialog = show(qtbot, SignInDialog(None, "desk-7"))
    screen = dialog.screen().availableGeometry()
    frame = dialog.frameGeometry()
    frame.moveCenter(screen.center())
    dialog.move(frame.topLeft())  # where a window manager puts a dialog
    before = dialog.frameGeometry()
    dialog.set_gate(Accounts(engine))
    qtbot.waitUntil(lambda: dialog.frameGeometry().height() > before.height())
    after = dialog.frameGeometry()
    assert abs(after.center().y() - before.center().y()) <= 2
    assert after.height() <= 768 - 80
    assert screen.contains(after)


def test_quitting_while_demo_data_loads_lets_the_loading_finish(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    finished = threading.Event()
    started = threading.Event()

    def prepare(progress: Callable[[int, int], None]) -> SignInGate:
        started.set()
        progress(10, 100)
        time.sleep(0.5)  # a unit of work that must not be cut in half
        finished.set()
        return SlowGate(Principal.user("x", Role.DISPATCHER))  # type: ignore[return-value]

    def quit_at_once(dialog: SignInDialog) -> int:
        assert started.wait(5)
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", quit_at_once)
    session = session_that_prepares(prepare)
    assert not session.start()
    assert finished.is_set()
