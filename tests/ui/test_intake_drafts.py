"""Spec: an unfinished call is kept for the user who typed it, and only for them.

The draft holds a caller's number, name and place: it is offered back to the
same signed-in user, never to another one at the same workstation, and Esc
while the "restore it?" offer shows keeps it for later.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from console.ui.intake_dialog import DRAFT_KEY, IntakeDialog, draft_key
from tests.ui.conftest import DEPOTS, FakeClock, FakeQueueSource


def open_intake(
    qtbot: QtBot, source: FakeQueueSource, settings: QSettings, clock: FakeClock, user: str
) -> IntakeDialog:
    dialog = IntakeDialog(
        source,  # type: ignore[arg-type]
        settings,
        depots=DEPOTS,
        clock=clock,
        user=user,
    )
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def leave_a_call(
    qtbot: QtBot, source: FakeQueueSource, settings: QSettings, clock: FakeClock, user: str
) -> None:
    dialog = open_intake(qtbot, source, settings, clock, user)
    qtbot.keyClicks(dialog.texts["phone"], "139 0000 1111")
    qtbot.keyClicks(dialog.texts["name"], "Li Na")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_draft_is_offered_to_its_user_and_to_no_one_else(
    qtbot: QtBot, fake_source: FakeQueueSource, qsettings: QSettings, clock: FakeClock
) -> None:
    leave_a_call(qtbot, fake_source, qsettings, clock, "console:wang")

    other = open_intake(qtbot, fake_source, qsettings, clock, "console:zhao")
    assert not other.draft_offered
    assert not other.draft_banner.isVisible()
    qtbot.keyClicks(other.texts["make_model"], "BYD Han")
    other.close()  # zhao's own draft does not replace wang's

    again = open_intake(qtbot, fake_source, qsettings, clock, "console:wang")
    assert again.draft_offered
    qtbot.mouseClick(again.restore_button, Qt.MouseButton.LeftButton)
    assert again.texts["phone"].text() == "139 0000 1111"
    assert again.texts["name"].text() == "Li Na"
    assert again.texts["make_model"].text() == ""

    zhao = open_intake(qtbot, fake_source, qsettings, clock, "console:zhao")
    assert zhao.draft_offered
    qtbot.mouseClick(zhao.restore_button, Qt.MouseButton.LeftButton)
    assert zhao.texts["make_model"].text() == "BYD Han"
    assert zhao.texts["phone"].text() == ""


def test_escape_while_the_draft_is_offered_keeps_it(
    qtbot: QtBot, fake_source: FakeQueueSource, qsettings: QSettings, clock: FakeClock
) -> None:
    leave_a_call(qtbot, fake_source, qsettings, clock, "console:wang")
    offered = open_intake(qtbot, fake_source, qsettings, clock, "console:wang")
    assert offered.draft_offered
    qtbot.keyClick(offered, Qt.Key.Key_Escape)
    assert not offered.isVisible()
    assert qsettings.contains(draft_key("console:wang"))

    later = open_intake(qtbot, fake_source, qsettings, clock, "console:wang")
    assert later.draft_offered
    qtbot.mouseClick(later.restore_button, Qt.MouseButton.LeftButton)
    assert later.texts["phone"].text() == "139 0000 1111"


def test_a_draft_kept_by_an_older_console_without_its_user_is_dropped(
    qtbot: QtBot, fake_source: FakeQueueSource, qsettings: QSettings, clock: FakeClock
) -> None:
    qsettings.setValue(
        DRAFT_KEY, '{"phone": "139 0000 2222", "saved_at": "2026-11-23T08:00:00+00:00"}'
    )
    dialog = open_intake(qtbot, fake_source, qsettings, clock, "console:zhao")
    assert not dialog.draft_offered
    assert not qsettings.contains(DRAFT_KEY)


@pytest.mark.parametrize("user", ["", "console:wang", "a/b\\c=d;e", "王芳 [night]"])
def test_any_user_name_makes_one_plain_settings_key(user: str) -> None:
    key = draft_key(user)
    assert key.startswith("intake/drafts/")
    assert key.replace("intake/drafts/", "").isalnum()
    assert user == "" or user not in key
