"""Spec: an administrator manages a crew's devices; the new identifier is shown once, as text
and as a QR code, and forgotten when the dialog closes; other roles never see the dialog."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.errors import ValidationError
from console.core.field.devices import DeviceRow
from console.core.field.setup import PhoneSetup
from console.core.roles import Principal
from console.core.vocab import Role
from console.ui import screen_fit
from console.ui.app import build_main_window
from console.ui.devices_dialog import DevicesDialog
from console.ui.i18n import install_language
from console.ui.qr_image import QUIET_ZONE, qr_image, qr_matrix
from tests.ui.conftest import T0, FakeClock, FakeQueueSource, crew_row
from tests.ui.test_layout_geometry import buttons_out_of_view

SECRET = "Zq3v-9XkTt2mW8pLr4sYb7nQe1uHc6dFa0"
PHONE = PhoneSetup("https://gw.example.cn:5055", interval_seconds=10, heartbeat_seconds=60)


def device(
    device_id: int,
    label: str,
    hint: str,
    added: datetime,
    revoked: datetime | None = None,
    *,
    crew_id: int = 1,
) -> DeviceRow:
    return DeviceRow(
        device_id, crew_id, f"HZ-{crew_id:02d}", label, hint, added, "admin:test", revoked,
        "admin:test" if revoked else None,
    )  # fmt: skip


class Registry(FakeQueueSource):
    """A fake backend that also keeps devices."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.registered: dict[int, DeviceRow] = {
            1: device(1, "Old phone", "a1b2", T0 - timedelta(days=30), T0 - timedelta(days=2)),
            2: device(2, "Driver Wang", "c3d4", T0 - timedelta(days=2)),
        }
        self.refuse: Exception | None = None

    def devices(self, crew_id: int) -> list[DeviceRow]:
        return [d for d in self.registered.values() if d.crew_id == crew_id]

    def add_device(self, crew_id: int, label: str) -> tuple[DeviceRow, str]:
        if self.refuse is not None:
            raise self.refuse
        added = device(len(self.registered) + 1, label, SECRET[-4:], T0, crew_id=crew_id)
        self.registered[added.id] = added
        return added, SECRET

    def revoke_device(self, device_id: int) -> DeviceRow:
        revoked = replace(self.registered[device_id], revoked_at=T0, revoked_by="admin:test")
        self.registered[device_id] = revoked
        return revoked


def dialog_for(qtbot: QtBot, registry: Registry) -> DevicesDialog:
    dialog = DevicesDialog(registry, crew_row(1), PHONE)
    qtbot.addWidget(dialog)
    dialog.ask_label = lambda: "Driver Li"
    return dialog


def test_the_dialog_lists_the_crews_devices_without_their_identifiers(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, Registry())
    assert dialog.windowTitle() == "Devices of HZ-01"
    cells = [
        [dialog.table.item(r, c).text() for c in range(dialog.COLUMNS)]
        for r in range(dialog.table.rowCount())
    ]
    assert [row[0] for row in cells] == ["Old phone", "Driver Wang"]
    assert [row[1] for row in cells] == ["…a1b2", "…c3d4"]
    assert cells[0][3].startswith("Revoked ") and cells[1][3] == "Active"
    assert not dialog.settings_box.isVisibleTo(dialog)
    dialog.select(1)
    assert not dialog.revoke_button.isEnabled(), "a revoked device cannot be revoked again"
    dialog.select(2)
    assert dialog.revoke_button.isEnabled()


def test_adding_shows_the_settings_once_as_text_and_as_a_qr_code_of_exactly_them(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    registry = Registry()
    dialog = dialog_for(qtbot, registry)
    dialog.add_device()
    assert [d.label for d in dialog.devices()] == ["Old phone", "Driver Wang", "Driver Li"]
    assert dialog.selected() is not None and dialog.selected().label == "Driver Li"
    assert dialog.settings_box.isVisibleTo(dialog)
    text = dialog.settings_view.toPlainText()
    assert "Server URL: https://gw.example.cn:5055" in text
    assert f"Device identifier: {SECRET}" in text
    assert "Reporting interval: 10 s" in text
    assert dialog.identifier.text() == SECRET
    link = PHONE.link(SECRET)
    assert dialog.qr_payload == link and link in text.splitlines()
    # The QR code shown is the matrix of exactly that link, module for module.
    shown = dialog.qr_label.pixmap().toImage()
    assert shown == qr_image(link, module_px=5)
    assert decoded_modules(shown, 5) == qr_matrix(link)
    dialog.copy_identifier()
    assert QGuiApplication.clipboard().text() == SECRET
    assert SECRET not in caplog.text


def test_closing_forgets_the_identifier_everywhere(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, Registry())
    dialog.add_device()
    dialog.copy_identifier()
    assert dialog.holds_secret
    dialog.reject()  # Esc or the title bar's close
    assert not dialog.holds_secret
    assert SECRET not in dialog.settings_view.toPlainText()
    assert dialog.identifier.text() == "" and dialog.qr_payload == ""
    assert dialog.qr_label.pixmap().isNull()
    assert QGuiApplication.clipboard().text() != SECRET


def test_revoke_asks_first_and_a_no_changes_nothing(qtbot: QtBot) -> None:
    registry = Registry()
    dialog = dialog_for(qtbot, registry)
    asked: list[str] = []

    def says_no(device: object) -> bool:
        asked.append(getattr(device, "label", ""))
        return False

    dialog.confirm_revoke = says_no
    dialog.select(2)
    dialog.revoke_selected()
    assert asked == ["Driver Wang"] and registry.registered[2].revoked_at is None
    dialog.confirm_revoke = lambda device: True
    dialog.revoke_selected()
    assert registry.registered[2].revoked_at == T0
    assert dialog.table.item(1, 3).text().startswith("Revoked ")
    assert "refused from now on" in dialog.message.text()


def test_a_refused_add_is_explained_and_shows_no_settings(qtbot: QtBot) -> None:
    registry = Registry()
    registry.refuse = ValidationError("field.required", field="label")
    dialog = dialog_for(qtbot, registry)
    dialog.add_device()
    assert dialog.message.isVisibleTo(dialog) and dialog.message.text()
    assert not dialog.holds_secret and not dialog.settings_box.isVisibleTo(dialog)
    dialog.ask_label = lambda: "   "
    registry.refuse = None
    dialog.add_device()
    assert len(registry.registered) == 2, "a blank label is not sent"
    dialog.ask_label = lambda: "x" * 81
    dialog.add_device()
    assert len(registry.registered) == 2, "nor one cut short"
    assert "at most 80 characters" in dialog.message.text()


@pytest.mark.parametrize(
    ("role", "offered"),
    [(Role.ADMIN, True), (Role.SUPERVISOR, False), (Role.DISPATCHER, False)],
)
def test_only_administrators_are_offered_the_device_dialog(
    qtbot: QtBot, clock: FakeClock, qsettings: QSettings, role: Role, offered: bool
) -> None:
    registry = Registry([], [crew_row(1), crew_row(2)])
    principal = Principal.user(f"{role.value.lower()}:test", role)
    window = build_main_window(registry, "en", clock, settings=qsettings, principal=principal)
    qtbot.addWidget(window)
    action = window.crew_board.devices_action
    assert action.isVisible() is offered
    window.sync_now()
    qtbot.waitUntil(lambda: window.crew_model.rowCount() == 2)
    window.crew_board.select_crew(1)
    assert action.isEnabled() is offered
    with qtbot.waitSignals([window.crew_board.sig_devices_requested], timeout=500, raising=False):
        action.trigger()
    if offered:
        qtbot.waitUntil(lambda: window.devices_dialog is not None)
        dialog = window.devices_dialog
        assert isinstance(dialog, DevicesDialog) and dialog.windowTitle() == "Devices of HZ-01"
        dialog.reject()
        qtbot.waitUntil(lambda: window.devices_dialog is None)
    else:
        assert window.devices_dialog is None


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_dialog_with_its_qr_code_fits_a_1366x768_screen(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    area = QRect(0, 0, 1366, 768 - 80)  # less the title bar and the taskbar
    monkeypatch.setattr(screen_fit, "available_geometry", lambda *_args, **_kw: QRect(area))
    install_language(qapp, language)
    try:
        dialog = dialog_for(qtbot, Registry())
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.add_device()
        qtbot.wait(50)
        assert area.contains(dialog.frameGeometry()), dialog.frameGeometry()
        assert buttons_out_of_view(dialog) == []
        qr = dialog.qr_label
        assert qr.isVisible() and qr.visibleRegion().boundingRect() == qr.rect(), "QR fully shown"
        view = dialog.settings_view
        assert view.verticalScrollBar().maximum() == 0, "the settings text shows whole"
        assert view.document().toPlainText() == dialog.settings_text
    finally:
        install_language(qapp, "en")


def decoded_modules(image: QImage, module_px: int) -> tuple[tuple[bool, ...], ...]:
    """Read the modules back from the centre pixel of each, inside the quiet zone."""
    side = image.width() // module_px - 2 * QUIET_ZONE
    return tuple(
        tuple(
            image.pixelColor(
                (x + QUIET_ZONE) * module_px + module_px // 2,
                (y + QUIET_ZONE) * module_px + module_px // 2,
            ).lightness()
            < 128
            for x in range(side)
        )
        for y in range(side)
    )
