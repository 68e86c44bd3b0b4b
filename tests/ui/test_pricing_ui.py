"""Acceptance 2: a covered EV tow is quoted at intake and billed on completion, explained.

Runs the intake form and the request detail against a real backend on a
seeded SQLite file whose demo entitlements include EV-2026-0001 (plate
浙AD12345, VIN tail 123456) under the car maker's EV programme (50 km free).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.core.pricing import ActualFacts, ChargeRecord
from console.core.records import RequestRow
from console.core.vocab import Powertrain, RequestStatus, ServiceType
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.ui.i18n import install_language
from console.ui.intake_dialog import IntakeDialog
from console.ui.pricing_panel import CompletionDialog, export_bill
from console.ui.request_detail import RequestDetailPanel
from console.ui.revenue_dialog import RevenueDialog
from tests.support.principals import desk
from tests.support.workspace import seeded_sqlite
from tests.ui.conftest import DEPOTS, FakeClock

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def backend(tmp_path: Path, clock: FakeClock) -> Iterator[DatabaseBackend]:
    """A real backend on a seeded file, on the test clock (16:00 in Shanghai: no night)."""
    engine: Engine = make_engine(seeded_sqlite(tmp_path, requests=0))
    yield DatabaseBackend(engine, principal=desk("dispatcher:pricing"), clock=clock)
    engine.dispose()


def take_covered_ev_tow(qtbot: QtBot, backend: DatabaseBackend, settings: QSettings,
                        clock: FakeClock) -> tuple[IntakeDialog, RequestRow]:  # fmt: skip
    dialog = IntakeDialog(backend, settings, depots=DEPOTS, clock=clock, tz=SHANGHAI)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.texts["phone"], "138 1234 5678")
    dialog.city.setCurrentIndex(dialog.city.findData("杭州"))
    dialog.set_location(30.27, 120.15)
    dialog.texts["plate"].setText("浙AD12345")
    for key, code in (("powertrain", Powertrain.EV), ("service", ServiceType.TOW)):
        dialog.choices[key].setCurrentIndex(dialog.choices[key].findData(code))
    quote = dialog.quote
    assert quote is not None
    quote.dest_address.setText("嘉兴 比亚迪授权服务中心")
    quote.dest_lat.setText("30.75")
    quote.dest_lon.setText("120.76")
    quote.tow_km.setText("80")
    qtbot.waitUntil(lambda: quote.view is not None and quote.view.charge.facts.tow_km == 80)
    return dialog, _submit(qtbot, dialog)


def _submit(qtbot: QtBot, dialog: IntakeDialog) -> RequestRow:
    assert dialog.quote is not None
    qtbot.waitUntil(lambda: dialog.quote is not None and not dialog.quote._timer.isActive())
    dialog.quote.accept_box.setChecked(True)
    with qtbot.waitSignal(dialog.sig_request_created, timeout=5000) as created:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    row: RequestRow = created.args[0]
    return row


def cells(table: object) -> list[list[str]]:
    return [[table.text(r, c) for c in range(6)] for r in range(table.rowCount())]  # type: ignore[attr-defined]


def test_covered_ev_tow_quote_at_intake_then_bill_with_the_difference_explained(
    qtbot: QtBot, backend: DatabaseBackend, qsettings: QSettings, clock: FakeClock,
    tmp_path: Path,
) -> None:  # fmt: skip
    dialog, row = take_covered_ev_tow(qtbot, backend, qsettings, clock)
    quote = dialog.quote
    assert quote is not None
    # The itemised quote the dispatcher read to the caller.
    assert cells(quote.table) == [
        ["Base fee", "1 job", "¥300.00", "¥300.00", "¥300.00", "¥0.00"],
        ["Tow beyond the included km", "70 km", "¥8.00", "¥560.00", "¥320.00", "¥240.00"],
        ["Total", "", "", "¥860.00", "¥620.00", "¥240.00"],
    ]
    assert quote.coverage.text().startswith("Covered by EV owner free roadside assistance")
    assert "free for 50 km" in quote.terms.text()
    assert row.status is RequestStatus.QUEUED
    assert row.quote_cny == Decimal("240.00")

    # The crew goes out and tows.
    crew = next(c for c in backend.crews() if c.vehicle_kind.value == "FLATBED"
                and c.status.value == "AVAILABLE")  # fmt: skip
    backend.assign(row.id, crew.id)
    for target in (RequestStatus.EN_ROUTE, RequestStatus.ON_SCENE, RequestStatus.TOWING):
        backend.move(row.id, target)

    detail = RequestDetailPanel(backend, clock, SHANGHAI)
    qtbot.addWidget(detail)
    detail.resize(900, 900)
    detail.show()
    detail.show_request(row.id)
    pricing = detail.pricing
    assert pricing is not None and pricing.quote_table.isVisible()
    assert cells(pricing.quote_table)[-1] == ["Total", "", "", "¥860.00", "¥620.00", "¥240.00"]
    assert not pricing.bill_table.isVisible()

    asked: list[ChargeRecord] = []

    def report_83_km(_row: RequestRow, record: ChargeRecord) -> ActualFacts:
        asked.append(record)
        return ActualFacts(Decimal("83"))

    def ask_again(question: object) -> bool:
        raise AssertionError(f"completion asked a second question: {question}")

    detail.ask_completion = report_83_km
    detail.confirm = ask_again  # the bill dialog is the one question "Complete" asks
    detail.actions_by_key["complete"].trigger()
    assert len(asked) == 1 and asked[0].quote.facts.tow_km == 80
    assert detail.request is not None and detail.request.status is RequestStatus.COMPLETED
    assert pricing.bill_table.isVisible()
    assert cells(pricing.bill_table) == [
        ["Base fee", "1 job", "¥300.00", "¥300.00", "¥300.00", "¥0.00"],
        ["Tow beyond the included km", "73 km", "¥8.00", "¥584.00", "¥320.00", "¥264.00"],
        ["Total", "", "", "¥884.00", "¥620.00", "¥264.00"],
    ]
    assert pricing.differences.text() == (
        "• Tow 83 km instead of 80 km: +3 km × ¥8.00 = ¥24.00 (caller's part +¥24.00)"
    )
    # Exportable, and explained in Chinese too.
    assert pricing.record is not None
    export_bill(pricing.record, tmp_path / "bill.csv")
    assert "Total,,,884.00,620.00,264.00," in (tmp_path / "bill.csv").read_text("utf-8")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "zh")
    qtbot.waitUntil(lambda: "拖车" in pricing.differences.text())
    assert pricing.differences.text() == (
        "• 拖车 实际 83 km，报价 80 km：+3 公里 × ¥8.00 = ¥24.00（车主承担部分 +¥24.00）"
    )

    # The caller disputes; the supervisor sees it by programme.
    install_language(app, "en")
    pricing.ask_dispute = lambda _row: "Caller says the workshop is 80 km away"
    pricing.dispute_button.click()
    assert pricing.dispute.isVisible()
    assert (
        pricing.dispute.text() == "Disputed by the caller: Caller says the workshop is 80 km away"
    )
    pricing.ask_export_path = lambda _row: tmp_path / "bill.json"
    assert pricing.export() == tmp_path / "bill.json"
    assert '"disputed": true' in (tmp_path / "bill.json").read_text("utf-8")
    revenue = RevenueDialog(backend)
    qtbot.addWidget(revenue)
    assert [revenue.table.item(0, c).text() for c in range(6)] == [
        "EV owner free roadside assistance", "1", "¥884.00", "¥620.00", "¥264.00", row.reference,
    ]  # fmt: skip


def test_changing_the_service_requotes_and_withdraws_the_acceptance(
    qtbot: QtBot, backend: DatabaseBackend, qsettings: QSettings, clock: FakeClock
) -> None:
    dialog = IntakeDialog(backend, qsettings, depots=DEPOTS, clock=clock, tz=SHANGHAI)
    qtbot.addWidget(dialog)
    quote = dialog.quote
    assert quote is not None
    assert quote.requote() is None  # no location yet
    assert quote.message.text() == "Enter the location and the service to see a quote."
    dialog.set_location(30.27, 120.15)
    dialog.texts["plate"].setText("浙AD12345")
    dialog.choices["powertrain"].setCurrentIndex(dialog.choices["powertrain"].findData("EV"))
    dialog.choices["service"].setCurrentIndex(dialog.choices["service"].findData("TOW"))
    quote.tow_km.setText("20")
    view = quote.requote()
    assert view is not None and view.charge.caller_total == 0
    quote.accept_box.setChecked(True)
    dialog.notes.setPlainText("Parked behind the petrol station")
    assert quote.requote() is not None
    assert quote.accept_box.isChecked(), "the same price stays accepted"
    dialog.choices["service"].setCurrentIndex(dialog.choices["service"].findData("FUEL_DELIVERY"))
    assert quote.accepted_query() is None, "a pending change is priced before it is accepted"
    assert not quote.accept_box.isChecked()
    view = quote.view
    assert view is not None
    assert view.charge.caller_total == Decimal("120.00")
    assert "does not cover this service" in quote.coverage.text()
    assert not quote.tow_km.isEnabled()


def test_completion_dialog_reads_the_actual_figures(
    qtbot: QtBot, backend: DatabaseBackend, qsettings: QSettings, clock: FakeClock
) -> None:
    _dialog, row = take_covered_ev_tow(qtbot, backend, qsettings, clock)
    record = backend.charges(row.id)
    assert record is not None
    dialog = CompletionDialog(row, record)
    qtbot.addWidget(dialog)
    assert dialog.tow_km.text() == "80"
    dialog.tow_km.setText("83,5")
    dialog.waiting.setValue(40)
    assert dialog.actual() == ActualFacts(Decimal("83.5"), 40, 0)
    dialog.tow_km.setText("far")
    assert dialog.actual() is None
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
