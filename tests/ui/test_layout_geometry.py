"""What a dispatcher sees of the layout: the queue keeps its rows, windows stay on screen.

Measured on the real widgets at 1366x768 and 1920x1080, in English and Chinese:
the rows the queue really shows (viewport height / row height, with more requests
than fit) while guidance runs on a long node, an alert is up, the language is
switched and the detail shows long Chinese text; every dialog inside a 1366x768
screen less 80 px for title bar and taskbar, its buttons in view; and the window
reopening where it was, maximised or not.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.core.records import RequestRow
from console.core.roles import Principal, Role
from console.core.vocab import CallerLanguage, Priority
from console.db import schema
from console.db.accounts import Accounts
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.db.seed import DEMO_PASSWORD, SeedOptions, seed_database
from console.ui import screen_fit
from console.ui.alerts import Alert, AlertKind
from console.ui.app import build_main_window
from console.ui.guidance_panel import GuidancePanel
from console.ui.main_window import QUEUE_MIN_ROWS, MainWindow
from console.ui.proposal_dialog import ProposalDialog
from console.ui.queue_model import Column
from console.ui.revenue_dialog import RevenueDialog
from console.ui.sign_in_dialog import SignInDialog
from console.ui.users_dialog import UsersDialog
from tests.ui.conftest import FakeClock, FakeQueueSource, crew_row, request_row

SIZES = [(1366, 768), (1920, 1080)]
LANGUAGES = ["en", "zh"]

LONG_ADDRESS = (
    "沪昆高速公路杭州绕城段往上海方向 K128+400 处应急车道，紧邻服务区出口匝道，"
    "车辆停靠在护栏外侧，来电人称车头冒烟、仪表盘高压系统故障灯常亮，车内有老人和儿童"
)
LONG_NOTES = "。".join([LONG_ADDRESS] * 4)


def queue_rows() -> list[RequestRow]:
    """Twenty queued requests (more than any screen shows); the first one is long-winded."""
    rows = [request_row(n) for n in range(2, 21)]
    talkative = request_row(
        1,
        priority=Priority.P1,
        caller_language=CallerLanguage.EN,
        caller_name="Maria Garcia-Fernández de la Cruz",
        address=LONG_ADDRESS,
        notes=LONG_NOTES,
    )
    return [talkative, *rows]


def shown_rows(window: MainWindow) -> float:
    """How many queue rows the dispatcher sees whole, right now."""
    view = window.view
    return view.viewport().height() / view.rowHeight(0)


def settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(50)
    QApplication.processEvents()


@pytest.fixture
def source() -> FakeQueueSource:
    return FakeQueueSource(queue_rows(), [crew_row(1), crew_row(2)])


def open_at(  # noqa: PLR0917
    qtbot: QtBot,
    source: FakeQueueSource,
    clock: FakeClock,
    settings: QSettings,
    size: tuple[int, int],
    language: str,
) -> MainWindow:
    window = build_main_window(source, language, clock, settings=settings, poll_ms=50)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 20, timeout=3000)
    settle(qtbot)
    assert window.size().width() == size[0] and window.size().height() == size[1]
    return window


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_queue_keeps_eight_rows_in_every_state(  # noqa: PLR0917
    qtbot: QtBot,
    source: FakeQueueSource,
    clock: FakeClock,
    qsettings: QSettings,
    size: tuple[int, int],
    language: str,
) -> None:
    window = open_at(qtbot, source, clock, qsettings, size, language)
    seen: dict[str, float] = {"start": shown_rows(window)}

    window.select_request(1)  # long Chinese address and notes in the detail panel
    settle(qtbot)
    seen["long detail"] = shown_rows(window)

    guidance = window.panel("guidance")
    assert isinstance(guidance, GuidancePanel)
    window.sig_guidance_requested.emit(1)  # an English caller: every text in two languages
    settle(qtbot)
    guidance.choose(0)  # "in a traffic lane": the long safety instruction
    settle(qtbot)
    seen["guidance"] = shown_rows(window)

    window.alerts.banner.push([Alert(AlertKind.NEW_P1, 1, "RA-20261123-0001")])
    settle(qtbot)
    seen["alert"] = shown_rows(window)

    window.set_language("zh" if language == "en" else "en")
    settle(qtbot)
    seen["switched"] = shown_rows(window)
    window.set_language(language)
    settle(qtbot)
    seen["back"] = shown_rows(window)

    window.alerts.banner.dismiss()
    guidance.escalate()
    settle(qtbot)
    seen["guidance ended"] = shown_rows(window)
    window.grab().save(f"/tmp/layout-shots/queue-{size[0]}-{language}.png")

    assert window.size().width() == size[0] and window.size().height() == size[1]
    short = {state: round(rows, 1) for state, rows in seen.items() if rows < QUEUE_MIN_ROWS}
    assert not short, f"queue rows below {QUEUE_MIN_ROWS}: {short}"
    # The queue holds its place: no state takes more than a row's height from it.
    assert max(seen.values()) - min(seen.values()) < 1.0, seen


# -- the window reopens where it was -------------------------------------------------


def reopen(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, settings: QSettings
) -> MainWindow:
    window = build_main_window(source, "en", clock, settings=settings, poll_ms=50)
    qtbot.addWidget(window)
    return window


def test_the_window_reopens_at_its_saved_size_and_place(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window = reopen(qtbot, source, clock, qsettings)
    window.show()
    window.setGeometry(QRect(40, 30, 760, 600))
    qtbot.waitExposed(window)
    window.close()
    assert qsettings.value("window/maximised") in (False, "false")

    again = reopen(qtbot, source, clock, qsettings)
    again.show()
    qtbot.waitExposed(again)
    assert again.geometry() == QRect(40, 30, 760, 600)
    assert not again.isMaximized()


def test_a_first_start_opens_maximised_and_reopens_maximised(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    screen = screen_fit.available_geometry()
    window = reopen(qtbot, source, clock, qsettings)
    window.showMaximized()  # what the console does on a first start
    qtbot.waitUntil(window.isMaximized, timeout=3000)
    window.close()
    assert qsettings.value("window/maximised") in (True, "true")
    normal = qsettings.value("window/normal")
    assert isinstance(normal, QRect)
    # Never maximised-then-shrunk to a sliver: the normal size is the console's default,
    # capped to the screen.
    assert normal.width() >= min(1000, screen.width())
    assert normal.height() >= min(600, screen.height())
    assert screen.contains(normal)

    again = reopen(qtbot, source, clock, qsettings)
    again.show()  # a plain show: the saved state says maximised
    qtbot.waitUntil(again.isMaximized, timeout=3000)
    again.showNormal()
    qtbot.waitUntil(lambda: not again.isMaximized(), timeout=3000)
    assert again.size() == normal.size()


def test_a_saved_place_off_today_s_screen_is_brought_back_onto_it(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    screen = screen_fit.available_geometry()
    qsettings.setValue("window/normal", QRect(5000, 4000, 3000, 2000))  # a monitor since unplugged
    window = reopen(qtbot, source, clock, qsettings)
    window.show()
    qtbot.waitExposed(window)
    assert screen.contains(window.geometry())
    assert window.geometry().top() >= screen.top() + screen_fit.TITLE_BAR_ALLOWANCE  # title bar
    assert window.width() >= 600


# -- every dialog fits the screen, its buttons in view --------------------------------

NOW = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
SCREENS = {
    "1366x768": QRect(0, 0, 1366, 768 - 80),  # less the title bar and the taskbar
    "1920x1080": QRect(0, 0, 1920, 1080 - 80),
}


@functools.cache
def _seeded_template() -> Path:
    path = Path(tempfile.mkdtemp(prefix="roadside-layout-")) / "console.db"
    engine = make_engine(f"sqlite:///{path}")
    schema.ensure_schema(engine, auto_upgrade=True)
    seed_database(engine, SeedOptions(requests=12, at=NOW, history_days=2))
    engine.dispose()
    return path


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[Engine]:
    target = tmp_path / "console.db"
    shutil.copyfile(_seeded_template(), target)
    engine = make_engine(f"sqlite:///{target}")
    yield engine
    engine.dispose()


def command_buttons(top: QWidget) -> list[QAbstractButton]:
    """Every button shown outside a scrolling area: those must never need scrolling to."""
    return [
        button
        for button in top.findChildren(QAbstractButton)
        if button.isVisibleTo(top) and not _scrolled(button, top)
    ]


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def buttons_out_of_view(top: QWidget) -> list[str]:
    """The dialog's command buttons that are not wholly shown inside it (none scrolled away)."""
    buttons = command_buttons(top)
    assert buttons, f"{type(top).__name__} has no buttons to check"
    hidden = []
    for button in buttons:
        shown = button.visibleRegion().boundingRect()
        where = QRect(button.mapTo(top, QPoint(0, 0)), button.size())
        if shown != button.rect() or not top.rect().contains(where):
            hidden.append(button.text() or button.objectName())
    return hidden


def open_dialogs(
    qtbot: QtBot, engine: Engine, settings: QSettings, language: str
) -> dict[str, QWidget]:
    supervisor = Accounts(engine).sign_in("supervisor", DEMO_PASSWORD, "desk-7")
    backend = DatabaseBackend(engine, principal=supervisor, clock=lambda: NOW)
    admin = Accounts(engine, principal=Principal.user("admin", Role.ADMIN))
    window = build_main_window(backend, language, lambda: NOW, settings=settings, poll_ms=500)
    qtbot.addWidget(window)
    window.resize(1280, 700)
    window.show()
    dialogs: dict[str, QWidget] = {
        "intake": window.open_intake(),
        "shortcuts": window.show_shortcuts(),
        "users": UsersDialog(admin, window),
        "revenue": RevenueDialog(backend, window),
        "proposal": ProposalDialog(backend, window),
        "sign-in": SignInDialog(Accounts(engine), "desk-7"),
    }
    dashboard = window.open_dashboard()
    assert dashboard is not None
    dialogs["dashboard"] = dashboard
    for dialog in dialogs.values():
        qtbot.addWidget(dialog)
        dialog.show()
    settle(qtbot)
    return dialogs


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("screen", SCREENS, ids=str)
def test_every_dialog_fits_the_screen_with_its_buttons_in_view(  # noqa: PLR0917
    qtbot: QtBot,
    seeded: Engine,
    qsettings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    screen: str,
) -> None:
    area = SCREENS[screen]
    monkeypatch.setattr(screen_fit, "available_geometry", lambda *_args, **_kw: QRect(area))
    dialogs = open_dialogs(qtbot, seeded, qsettings, language)
    problems = {}
    for name, dialog in dialogs.items():
        frame = dialog.frameGeometry()
        hidden = buttons_out_of_view(dialog)
        dialog.grab().save(f"/tmp/layout-shots/dialog-{name}-{screen}-{language}.png")
        if not area.contains(frame) or hidden:
            problems[name] = (frame.getRect(), hidden)
    assert not problems, problems


def test_the_queue_opens_in_urgency_order_also_over_an_older_saved_layout(
    qtbot: QtBot, source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> None:
    window = reopen(qtbot, source, clock, qsettings)
    header = window.view.horizontalHeader()
    assert header.sortIndicatorSection() == Column.SLA
    # A layout saved before the urgency order: sorted by priority, no order version.
    window.view.sortByColumn(Column.PRIORITY, Qt.SortOrder.AscendingOrder)
    window.close()
    qsettings.remove("queue/order_version")

    again = reopen(qtbot, source, clock, qsettings)
    assert again.view.horizontalHeader().sortIndicatorSection() == Column.SLA
    again.view.sortByColumn(Column.PRIORITY, Qt.SortOrder.AscendingOrder)
    again.close()

    chosen = reopen(qtbot, source, clock, qsettings)  # the dispatcher's own choice stays
    assert chosen.view.horizontalHeader().sortIndicatorSection() == Column.PRIORITY
