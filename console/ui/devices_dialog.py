"""A crew's devices: an administrator lists, adds and revokes the phones that report for it.

Adding a device shows its settings once, as text and as a QR code Traccar Client
scans (:meth:`console.core.field.setup.PhoneSetup.link`). The identifier is a
secret: it is never logged, and the dialog forgets it (text, QR code and a
clipboard still holding it) when it closes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.errors import DomainError
from console.core.field.devices import DeviceRow
from console.core.field.setup import PhoneSetup
from console.core.ports import DeviceAdmin
from console.core.records import CrewRow
from console.ui.icons import colour, icon
from console.ui.labels import error_text
from console.ui.plain_text import make_plain
from console.ui.qr_image import qr_image
from console.ui.record_list import message_line, record_table
from console.ui.screen_fit import fit_to_screen

__all__ = ["LABEL_MAX", "DevicesDialog"]

logger = logging.getLogger(__name__)

LABEL_MAX = 80
"""Characters a device's label may hold (the registry's column, checked there too)."""


class DevicesDialog(QDialog):
    """The devices of one crew and the administrator's actions on them."""

    COLUMNS = 4

    def __init__(
        self,
        registry: DeviceAdmin,
        crew: CrewRow,
        phone: PhoneSetup,
        tz: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("devicesDialog")
        self._registry = registry
        self._crew = crew
        self._phone = phone
        self._tz = tz
        self._devices: list[DeviceRow] = []
        self._token: str | None = None
        self.settings_text = ""
        """The settings shown after an add (the QR code holds exactly its link line)."""
        self.qr_payload = ""
        """What the QR code encodes (cleared with the identifier)."""

        self.table = record_table(self.COLUMNS, self)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.message = message_line(self)

        self.settings_box = QGroupBox(self)
        self.qr_label = QLabel(self.settings_box)
        self.qr_label.setObjectName("deviceQr")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.warning = QLabel(self.settings_box)
        make_plain(self.warning)
        self.warning.setWordWrap(True)
        self.settings_view = QPlainTextEdit(self.settings_box)
        self.settings_view.setObjectName("deviceSettings")
        self.settings_view.setReadOnly(True)
        self.settings_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.identifier = QLineEdit(self.settings_box)
        self.identifier.setObjectName("deviceIdentifier")
        self.identifier.setReadOnly(True)
        self.copy_button = QPushButton(self.settings_box)
        self.copy_button.setIcon(icon("app.copy"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_identifier)
        self.identifier_label = QLabel(self.settings_box)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.identifier_label)
        copy_row.addWidget(self.identifier, 1)
        copy_row.addWidget(self.copy_button)
        text_side = QVBoxLayout()
        text_side.addWidget(self.warning)
        text_side.addLayout(copy_row)
        text_side.addWidget(self.settings_view, 1)
        box_layout = QHBoxLayout(self.settings_box)
        box_layout.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignTop)
        box_layout.addLayout(text_side, 1)
        self.settings_box.setVisible(False)

        self.add_button = QPushButton(self)
        self.add_button.setIcon(icon("device.add"))
        self.revoke_button = QPushButton(self)
        self.revoke_button.setIcon(icon("device.revoke"))
        self.close_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_device)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.revoke_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.settings_box, 2)
        layout.addLayout(buttons)
        self.resize(760, 380)
        fit_to_screen(self)

        self.ask_label: Callable[[], str | None] = self._ask_label
        """Asks for the new device's label (tests replace it)."""
        self.confirm_revoke: Callable[[DeviceRow], bool] = self._confirm_revoke
        """Asks before a device is revoked (tests replace it)."""
        self.retranslate_ui()
        self.reload()

    # -- text ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.setWindowTitle(self.tr("Devices of {crew}").format(crew=self._crew.call_sign))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Label"), self.tr("Identifier"), self.tr("Added"), self.tr("State")]
        )
        self.add_button.setText(self.tr("Add device…"))
        self.revoke_button.setText(self.tr("Revoke…"))
        self.close_button.setText(self.tr("Close"))
        self.settings_box.setTitle(self.tr("Settings for the phone"))
        self.identifier_label.setText(self.tr("Identifier:"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the identifier to the clipboard"))
        self.warning.setText(
            self.tr(
                "Shown only this once: scan the code with Traccar Client (Settings ▸ scan "
                "QR code) or type the server and identifier into the app. The identifier "
                "is a password; whoever holds it can report for this crew."
            )
        )
        if self._token is not None:
            self._show_settings(self._token)
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- data ----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the crew's devices again."""
        try:
            self._devices = list(self._registry.devices(self._crew.id))
        except DomainError as exc:
            self.show_message(error_text(exc), error=True)
            self._devices = []
        self._fill()

    def devices(self) -> list[DeviceRow]:
        """The devices listed, in table order."""
        return list(self._devices)

    def selected(self) -> DeviceRow | None:
        """The device of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self._devices[rows[0].row()] if rows else None

    def select(self, device_id: int) -> None:
        """Select the row of device ``device_id``."""
        for row, device in enumerate(self._devices):
            if device.id == device_id:
                self.table.selectRow(row)

    def add_device(self) -> None:
        """Ask for a label, register the device and show its settings once."""
        label = self.ask_label()
        if label is None:
            return
        label = label.strip()
        if not label:
            self.show_message(
                self.tr("Give the device a label, e.g. the phone's owner."), error=True
            )
            return
        if len(label) > LABEL_MAX:
            self.show_message(
                self.tr("A label may hold at most {count} characters.").format(count=LABEL_MAX),
                error=True,
            )
            return
        try:
            device, token = self._registry.add_device(self._crew.id, label)
        except DomainError as exc:
            self.show_message(error_text(exc), error=True)
            return
        self.reload()
        self.select(device.id)
        self._show_settings(token)
        self.show_message(
            self.tr("Added {label}. Set up the phone now.").format(label=device.label), error=False
        )

    def revoke_selected(self) -> None:
        """Revoke the selected device after confirmation."""
        device = self.selected()
        if device is None or device.revoked_at is not None:
            return
        if not self.confirm_revoke(device):
            return
        try:
            self._registry.revoke_device(device.id)
        except DomainError as exc:
            self.show_message(error_text(exc), error=True)
            return
        self.reload()
        self.select(device.id)
        self.show_message(
            self.tr("Revoked {label}: its fixes are refused from now on.").format(
                label=device.label
            ),
            error=False,
        )

    def copy_identifier(self) -> None:
        """Put the identifier on the clipboard (cleared again when the dialog closes)."""
        if self._token is not None:
            QGuiApplication.clipboard().setText(self._token)

    @property
    def holds_secret(self) -> bool:
        """True while the dialog holds a new device's identifier."""
        return self._token is not None

    def forget_secret(self) -> None:
        """Drop the identifier: text, QR code, and the clipboard if it still holds it."""
        token, self._token = self._token, None
        if token is not None:
            clipboard = QGuiApplication.clipboard()
            if clipboard.text() == token:
                clipboard.clear()
        self.identifier.clear()
        self.settings_view.clear()
        self.qr_label.clear()
        self.settings_text = ""
        self.qr_payload = ""
        self.settings_box.setVisible(False)

    def done(self, result: int) -> None:
        """Close (any way: Close, Esc, the title bar) and forget the identifier."""
        self.forget_secret()
        super().done(result)

    def show_message(self, text: str, *, error: bool) -> None:
        """Say what happened (red for a refusal)."""
        tone = colour("danger" if error else "ok").name()
        self.message.setStyleSheet(f"color: {tone};")
        self.message.setText(text)
        self.message.setVisible(True)

    # -- helpers -------------------------------------------------------------------

    def _show_settings(self, token: str) -> None:
        self._token = token
        link = self._phone.link(token)
        lines = [
            self.tr("Server URL: {url}").format(url=self._phone.server_url),
            self.tr("Device identifier: {id}").format(id=token),
            self.tr("Reporting interval: {seconds} s").format(seconds=self._phone.interval_seconds),
            self.tr("Heartbeat when standing still: {seconds} s").format(
                seconds=self._phone.heartbeat_seconds
            ),
            self.tr("Location accuracy: high"),
            "",
            self.tr("Configuration link (the QR code):"),
            link,
        ]
        self.settings_text = "\n".join(lines)
        self.qr_payload = link
        self.settings_view.setPlainText(self.settings_text)
        self.identifier.setText(token)
        self.identifier.setCursorPosition(0)
        self.qr_label.setPixmap(QPixmap.fromImage(qr_image(link, module_px=5)))
        self.settings_box.setVisible(True)
        if self.height() < 640:
            self.resize(self.width(), 640)
            fit_to_screen(self)

    def _ask_label(self) -> str | None:
        text, accepted = QInputDialog.getText(
            self,
            self.tr("Add device"),
            self.tr("Label (e.g. the phone's owner or the vehicle):"),
        )
        return text if accepted else None

    def _confirm_revoke(self, device: DeviceRow) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Revoke device"),
            self.tr(
                "Revoke {label} (…{hint})? The phone can no longer report for {crew}; "
                "this cannot be undone."
            ).format(label=device.label, hint=device.hint, crew=self._crew.call_sign),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _when(self, moment: datetime) -> str:
        return f"{moment.astimezone(self._tz):%Y-%m-%d %H:%M}"

    def _fill(self) -> None:
        self.table.setRowCount(len(self._devices))
        for row, device in enumerate(self._devices):
            if device.revoked_at is None:
                state = self.tr("Active")
            else:
                state = self.tr("Revoked {when}").format(when=self._when(device.revoked_at))
            cells = (device.label, f"…{device.hint}", self._when(device.created_at), state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == 3 and device.revoked_at is not None:
                    item.setForeground(colour("muted"))
                self.table.setItem(row, column, item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        device = self.selected()
        self.revoke_button.setEnabled(device is not None and device.revoked_at is None)
