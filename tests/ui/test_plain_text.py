"""Spec: text a caller, a dispatcher or a file supplied is shown as typed, never as rich text.

Qt renders label, tooltip and message-box text that looks like HTML as HTML: an
address typed as ``<h1>`` drew a big red heading in the queue tooltip and an
``<img>`` loaded a local file. The scan below fills every free-text field of a
request and a crew with tags, walks the main window with the request selected,
and checks that no text Qt would render as rich text carries a raw tag.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from console.core.errors import ValidationError
from console.core.vocab import RequestStatus
from console.ui.main_window import MainWindow
from console.ui.plain_text import plain_label, plain_message_box, plain_tooltip
from tests.ui.conftest import FakeClock, FakeQueueSource, crew_row, request_row
from tests.ui.test_main_window import open_window

TAGS = ("<h1", "<img", "<b>", "<a ")
HEADING = '<h1 style="color:red">BIG</h1>'
IMAGE = "<img src=file:///etc/passwd>"


def hostile(field: str) -> str:
    return f"{field} {HEADING}{IMAGE}<b>bold</b>"


def looks_rich(text: str) -> bool:
    """Whether Qt would render ``text`` as rich text (``Qt::mightBeRichText``)."""
    return bool(Qt.mightBeRichText(text))


def carries_raw_tag(text: str) -> bool:
    return any(tag in text for tag in TAGS)


def rendered(text: str) -> str:
    """What a rich-text label shows: the text with markup removed."""
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def model_tooltips(model: QAbstractItemModel) -> Iterator[tuple[int, int, str]]:
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            tip = model.data(model.index(row, column, QModelIndex()), Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield row, column, tip


def leaks(window: QWidget) -> list[str]:
    """Every place in ``window`` where a raw tag would be rendered as rich text."""
    found: list[str] = []
    for label in window.findChildren(QLabel):
        text = label.text()
        shown_rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and looks_rich(text)
        )
        if carries_raw_tag(text) and shown_rich:
            found.append(f"label {label.objectName() or type(label.parent()).__name__}: {text!r}")
    for widget in window.findChildren(QWidget):
        tip = widget.toolTip()
        if carries_raw_tag(tip) and looks_rich(tip):
            found.append(f"tooltip of {type(widget).__name__}: {tip!r}")
    return found


@pytest.fixture
def hostile_window(qtbot: QtBot, clock: FakeClock, qsettings: QSettings) -> MainWindow:
    fields = {
        name: hostile(name)
        for name in ("priority_reason", "caller_name", "make_model", "address", "city", "notes",
                     "cancel_reason")
    }  # fmt: skip
    rows = [request_row(1, **fields), request_row(2)]
    crews = [crew_row(1, call_sign=hostile("call_sign")), crew_row(2)]
    return open_window(qtbot, FakeQueueSource(rows, crews), clock, qsettings)


def test_queue_and_crew_tooltips_show_hostile_text_literally(hostile_window: MainWindow) -> None:
    models = {"queue": hostile_window.proxy}
    crews = getattr(hostile_window, "crew_board", None)
    if crews is not None:
        models["crews"] = crews.model
    seen = 0
    for name, model in models.items():
        for row, column, tip in model_tooltips(model):
            if "BIG" not in tip:
                continue
            seen += 1
            if looks_rich(tip):
                # Rich only to keep the text literal: what shows is the tag itself.
                assert HEADING in rendered(tip) and IMAGE in rendered(tip), (name, row, column, tip)
            else:
                assert not carries_raw_tag(tip)
    assert seen >= 2


def test_no_label_or_tooltip_of_the_window_renders_user_text_as_html(
    qtbot: QtBot, hostile_window: MainWindow
) -> None:
    view = hostile_window.view
    for row in range(hostile_window.proxy.rowCount()):
        view.selectRow(row)
        qtbot.wait(50)
        assert leaks(hostile_window) == []


def test_the_helpers_keep_text_literal() -> None:
    assert plain_tooltip(None) is None
    assert plain_tooltip("") == ""
    assert plain_tooltip("文三路 100 号 & more") == "文三路 100 号 & more"
    tip = plain_tooltip(f"{HEADING}\nnext")
    assert tip is not None and looks_rich(tip)
    assert rendered(tip) == f"{HEADING}\nnext"
    label = plain_label(HEADING)
    assert label.textFormat() == Qt.TextFormat.PlainText
    box = plain_message_box(None, QMessageBox.Icon.Warning, "t", IMAGE)
    assert box.textFormat() == Qt.TextFormat.PlainText


def test_an_error_naming_hostile_text_is_shown_as_text(
    qtbot: QtBot, clock: FakeClock, qsettings: QSettings
) -> None:
    source = FakeQueueSource([request_row(1, status=RequestStatus.TRIAGE)], [crew_row(1)])
    window = open_window(qtbot, source, clock, qsettings)
    window.view.selectRow(0)
    qtbot.wait(50)
    # A value the user typed comes back inside the refusal.
    source.fail_moves = ValidationError("plate.invalid", value=HEADING + IMAGE)
    window.detail.actions_by_key["queue"].trigger()
    assert HEADING in window.detail.message.text()
    assert leaks(window) == []


def test_every_message_label_of_the_docks_is_plain_text(hostile_window: MainWindow) -> None:
    labels = {
        "detail title": hostile_window.detail.title,
        "detail message": hostile_window.detail.message,
        "crew board message": hostile_window.crew_board.message,
    }
    for name, label in labels.items():
        assert label.textFormat() == Qt.TextFormat.PlainText, name


def test_guidance_text_from_script_files_is_shown_as_written(qtbot: QtBot) -> None:
    from console.ui.guidance_panel import GuidancePanel

    panel = GuidancePanel(FakeQueueSource())  # type: ignore[arg-type]  # never asked here
    qtbot.addWidget(panel)
    for label in (panel.title, panel.caller_text, panel.own_text, panel.known_text,
                  panel.outcome, panel.message):  # fmt: skip
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
