"""Spec: on a real database, an administrator's device dialog registers and revokes phones,
and the crew board's Feed column follows (no device -> no fix yet -> no device)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.core.errors import PermissionDenied
from console.core.roles import Principal
from console.core.vocab import Role
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.ui.app import build_main_window
from console.ui.crew_model import CrewColumn
from console.ui.devices_dialog import DevicesDialog
from tests.support.workspace import seeded_sqlite


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(seeded_sqlite(tmp_path, requests=0))
    yield engine
    engine.dispose()


def feed_text(window: object, crew_id: int) -> str:
    model = window.crew_model  # type: ignore[attr-defined]
    position = model.position_of(crew_id)
    return str(model.data(model.index(position, CrewColumn.FEED), Qt.ItemDataRole.DisplayRole))


def test_adding_and_revoking_a_phone_moves_the_crews_feed_state(
    qtbot: QtBot, engine: Engine, qsettings: QSettings
) -> None:
    admin = Principal.user("admin", Role.ADMIN)
    backend = DatabaseBackend(engine, principal=admin)
    window = build_main_window(backend, "en", settings=qsettings, poll_ms=50, principal=admin)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.crew_model.rowCount() > 0, timeout=5000)
    crew = window.crew_model.row_at(0)
    assert crew.devices == 0 and feed_text(window, crew.id) == "No device"

    dialog = window.open_devices(crew)
    assert isinstance(dialog, DevicesDialog)
    dialog.ask_label = lambda: "Driver Li"
    dialog.add_device()
    assert [d.label for d in dialog.devices()] == ["Driver Li"]
    assert dialog.holds_secret and backend.device_registry.resolve(dialog.identifier.text())
    dialog.accept()
    qtbot.waitUntil(lambda: feed_text(window, crew.id) == "No fix yet", timeout=5000)

    dialog = window.open_devices(window.crew_model.row_at(0))
    assert isinstance(dialog, DevicesDialog)
    dialog.select(dialog.devices()[0].id)
    dialog.confirm_revoke = lambda _device: True
    dialog.revoke_selected()
    assert dialog.devices()[0].revoked
    dialog.accept()
    qtbot.waitUntil(lambda: feed_text(window, crew.id) == "No device", timeout=5000)


def test_a_dispatcher_cannot_list_or_add_devices_whatever_the_interface_does(
    engine: Engine,
) -> None:
    dispatcher = DatabaseBackend(engine, principal=Principal.user("d", Role.DISPATCHER))
    crew_id = dispatcher.crews()[0].id
    with pytest.raises(PermissionDenied):
        dispatcher.devices(crew_id)
    with pytest.raises(PermissionDenied):
        dispatcher.add_device(crew_id, "Sneaky")
