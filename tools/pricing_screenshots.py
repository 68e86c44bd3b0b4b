"""Screenshots of the quote in the intake form and of a bill, English and Chinese.

    xvfb-run -a -s "-screen 0 1600x1200x24" python tools/pricing_screenshots.py docs

Writes quote.png, quote-zh.png, bill.png and bill-zh.png into the folder given,
from a throw-away demo database (23:10 Beijing time, so the night surcharge shows).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from console.core.pricing import ActualFacts
from console.core.vocab import RequestStatus
from console.db import schema
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.db.seed import SeedOptions, seed_database
from console.ui.i18n import install_language
from console.ui.intake_dialog import IntakeDialog
from console.ui.request_detail import RequestDetailPanel
from console.ui.theme import Theme, apply_theme

out = Path(sys.argv[1])
work = Path(tempfile.mkdtemp(prefix="pricing-shots-"))
shutil.rmtree(work, ignore_errors=True)
work.mkdir()
NOW = datetime(2026, 11, 23, 15, 10, tzinfo=UTC)  # 23:10 in Shanghai: night surcharge


def clock() -> datetime:
    """The pinned time of the screenshots."""
    return NOW


engine = make_engine(f"sqlite:///{work / 'c.db'}")
schema.ensure_schema(engine, auto_upgrade=True)
seed_database(engine, SeedOptions(requests=0, at=NOW))
backend = DatabaseBackend(engine, actor="dispatcher:demo", clock=clock)
app = QApplication(sys.argv[:1])
apply_theme(app, Theme.LIGHT)
tz = ZoneInfo("Asia/Shanghai")


def intake(lang: str, name: str) -> None:
    install_language(app, lang)
    settings = QSettings(str(work / f"{lang}.ini"), QSettings.Format.IniFormat)
    dialog = IntakeDialog(backend, settings, depots=backend.depots(), clock=clock, tz=tz)
    dialog.resize(1180, 1000)
    dialog.show()
    dialog.texts["phone"].setText("138 1234 5678")
    dialog.texts["name"].setText("林晓")
    dialog.city.setCurrentIndex(dialog.city.findData("杭州"))
    dialog.set_location(30.2741, 120.1551, "杭州 文三路 100 号")
    dialog.texts["plate"].setText("浙AD12345")
    dialog.texts["make_model"].setText("BYD Han EV")
    for key, code in (("powertrain", "EV"), ("service", "TOW")):
        dialog.choices[key].setCurrentIndex(dialog.choices[key].findData(code))
    quote = dialog.quote
    assert quote is not None
    quote.lookup.setText("123456")
    quote.dest_address.setText("嘉兴 比亚迪授权服务中心")
    quote.dest_lat.setText("30.7522")
    quote.dest_lon.setText("120.7585")
    quote.tow_km.setText("80")
    quote.requote()
    quote.accept_box.setChecked(True)
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(str(out / name))
    dialog.reject()
    dialog.deleteLater()


def bill(lang: str, name: str, request_id: int) -> None:
    install_language(app, lang)
    detail = RequestDetailPanel(backend, clock, tz)
    detail.resize(1200, 1150)
    detail.show()
    detail.show_request(request_id)
    for _ in range(5):
        app.processEvents()
    detail.grab().save(str(out / name))
    detail.deleteLater()


intake("en", "quote.png")
intake("zh", "quote-zh.png")
# A quoted request taken through to completion with 83 km and 45 min of waiting.
install_language(app, "en")
settings = QSettings(str(work / "b.ini"), QSettings.Format.IniFormat)
dialog = IntakeDialog(backend, settings, depots=backend.depots(), clock=clock, tz=tz)
dialog.texts["phone"].setText("138 1234 5678")
dialog.texts["name"].setText("林晓")
dialog.city.setCurrentIndex(dialog.city.findData("杭州"))
dialog.set_location(30.2741, 120.1551, "杭州 文三路 100 号")
dialog.texts["plate"].setText("浙AD12345")
for key, code in (("powertrain", "EV"), ("service", "TOW")):
    dialog.choices[key].setCurrentIndex(dialog.choices[key].findData(code))
dialog.quote.dest_address.setText("嘉兴 比亚迪授权服务中心")
dialog.quote.dest_lat.setText("30.7522")
dialog.quote.dest_lon.setText("120.7585")
dialog.quote.tow_km.setText("80")
dialog.quote.requote()
dialog.quote.accept_box.setChecked(True)
row = dialog.submit()
assert row is not None
crew = next(
    c
    for c in backend.crews()
    if c.vehicle_kind.value == "FLATBED" and c.status.value == "AVAILABLE"
)
backend.assign(row.id, crew.id)
for target in (RequestStatus.EN_ROUTE, RequestStatus.ON_SCENE, RequestStatus.TOWING):
    backend.move(row.id, target)
backend.complete_with_bill(row.id, ActualFacts(Decimal("83"), waiting_minutes=45))
bill("en", "bill.png", row.id)
bill("zh", "bill-zh.png", row.id)
shutil.rmtree(work, ignore_errors=True)
print(f"screenshots written to {out}")
