"""A phone-only job is quoted without road surcharges at intake (the form the caller hears)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.core.vocab import RoadType, ServiceType
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.ui.i18n import install_language
from console.ui.intake_dialog import IntakeDialog
from console.ui.quote_widget import QuoteWidget
from tests.support.principals import desk
from tests.support.workspace import seeded_sqlite
from tests.ui.conftest import DEPOTS, FakeClock

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def backend(tmp_path: Path, clock: FakeClock) -> Iterator[DatabaseBackend]:
    """A real backend on a seeded file (16:00 in Shanghai: no night surcharge)."""
    engine: Engine = make_engine(seeded_sqlite(tmp_path, requests=0))
    yield DatabaseBackend(engine, principal=desk("dispatcher:quote"), clock=clock)
    engine.dispose()


def expressway_call(qtbot: QtBot, backend: DatabaseBackend, settings: QSettings,
                    clock: FakeClock, service: ServiceType) -> IntakeDialog:  # fmt: skip
    dialog = IntakeDialog(backend, settings, depots=DEPOTS, clock=clock, tz=SHANGHAI)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.city.setCurrentIndex(dialog.city.findData("杭州"))
    dialog.set_location(30.27, 120.15)
    for key, code in (("road", RoadType.EXPRESSWAY), ("service", service)):
        dialog.choices[key].setCurrentIndex(dialog.choices[key].findData(code))
    return dialog


def rows_when_priced(qtbot: QtBot, quote: QuoteWidget, lines: int) -> list[list[str]]:
    qtbot.waitUntil(lambda: not quote._timer.isActive() and quote.view is not None)
    qtbot.waitUntil(lambda: quote.view is not None and len(quote.view.charge.lines) == lines)
    table = quote.table
    return [[table.text(r, c) for c in range(6)] for r in range(table.rowCount())]  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_remote_guidance_on_the_expressway_is_quoted_without_the_surcharge(
    qtbot: QtBot, backend: DatabaseBackend, qsettings: QSettings, clock: FakeClock, language: str
) -> None:  # fmt: skip
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, language)
    dialog = expressway_call(qtbot, backend, qsettings, clock, ServiceType.REMOTE_GUIDANCE)
    quote = dialog.quote
    assert quote is not None
    rows = rows_when_priced(qtbot, quote, 0)
    assert quote.view is not None and quote.view.charge.total == 0
    assert all("¥200.00" not in cell for row in rows for cell in row)


def test_a_jump_start_fixed_by_phone_drops_the_expressway_surcharge(
    qtbot: QtBot, backend: DatabaseBackend, qsettings: QSettings, clock: FakeClock
) -> None:
    dialog = expressway_call(qtbot, backend, qsettings, clock, ServiceType.JUMP_START)
    quote = dialog.quote
    assert quote is not None
    on_the_road = rows_when_priced(qtbot, quote, 2)
    assert on_the_road[1][:4] == ["Expressway surcharge", "1 job", "¥200.00", "¥200.00"]
    assert on_the_road[-1][3] == "¥350.00"
    dialog.checks["resolved"].setChecked(True)  # fixed over the phone: no crew drives
    by_phone = rows_when_priced(qtbot, quote, 1)
    assert [row[0] for row in by_phone] == ["Base fee", "Total"]
    assert by_phone[-1][3] == "¥150.00"
