"""Screenshots of the field link in the console: the crew board's Feed column and the
administrator's device dialog with a phone's QR code, in English and Chinese.

Seeds a throw-away SQLite database with the demo data, registers phones for a few
crews and sets their newest fixes so every feed state shows (live, quiet, silent,
never reported, no device), then pictures the real window at 1366x768::

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/field_shots.py \\
        --out /tmp/shots [--lang en|zh|both]

and writes ``feed-<lang>.png`` and ``devices-<lang>.png`` to ``--out``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

SIZE = (1366, 768)
NOW = datetime.now(UTC).replace(microsecond=0)
SERVER = "http://gateway.example.cn:5055"


def prepare(url: str) -> tuple[Any, list[int]]:
    """A seeded database whose first crews show every feed state; their ids."""
    from sqlalchemy import select, update

    from console.core.roles import Permission, Principal
    from console.core.vocab import CrewStatus
    from console.db import schema
    from console.db.models import Crew
    from console.db.seed import SeedOptions, seed_database
    from console.db.services import Services
    from console.db.telemetry.devices import DeviceRegistry

    engine = schema.open_database(url, create=True)
    seed_database(engine, SeedOptions(requests=8, at=NOW))
    services = Services(engine, principal=Principal.system("shots"), clock=lambda: NOW)
    with services.unit_of_work(Permission.MAINTAIN) as uow:
        on_duty = Crew.status.not_in([CrewStatus.OFF_DUTY.value, CrewStatus.OUT_OF_SERVICE.value])
        crews = list(
            uow.session.execute(
                select(Crew.id, Crew.status).where(on_duty).order_by(Crew.call_sign).limit(40)
            )
        )
        ages = [
            timedelta(seconds=20),
            timedelta(minutes=3),
            timedelta(minutes=12),
            None,
            timedelta(minutes=47),
            timedelta(seconds=50),
            timedelta(minutes=26),
            timedelta(seconds=5),
        ]
        chosen = [crew_id for crew_id, _status in crews[: len(ages)]]
        for crew_id, age in zip(chosen, ages, strict=True):
            uow.session.execute(
                update(Crew)
                .where(Crew.id == crew_id)
                .values(gps_at=None if age is None else NOW - age, revision=uow.revision)
            )
        uow.record("shots.fixes", crews=len(chosen))
    # The phones were registered a week ago, through the console's own registry.
    registry = DeviceRegistry(
        engine, principal=Principal.system("shots"), clock=lambda: NOW - timedelta(days=7)
    )
    for index, crew_id in enumerate(chosen):
        if index != 4:  # positions by hand: no device
            registry.add_for_crew(crew_id, f"Phone {index + 1}")
    return engine, chosen


def shoot(out: Path, language: str, work: Path) -> list[Path]:
    """The two pictures in ``language``, the database and settings kept in ``work``."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from console.core.field.setup import PhoneSetup
    from console.core.roles import Principal
    from console.core.vocab import Role
    from console.db.backend import DatabaseBackend
    from console.ui.app import build_main_window
    from console.ui.crew_model import CrewColumn
    from console.ui.devices_dialog import DevicesDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    engine, chosen = prepare(f"sqlite:///{work / f'console-{language}.db'}")
    admin = Principal.user("admin", Role.ADMIN)
    backend = DatabaseBackend(engine, principal=admin, clock=lambda: NOW, phone=PhoneSetup(SERVER))
    settings = QSettings(str(work / f"settings-{language}.ini"), QSettings.Format.IniFormat)
    window = build_main_window(backend, language, lambda: NOW, settings=settings, principal=admin)
    window.resize(*SIZE)
    window.show()
    pump(app, 1.5)
    crews_dock = window.dock("crews")
    if crews_dock is not None:
        crews_dock.show()
        crews_dock.raise_()
        # Wide enough to show the Feed column beside who the crew is and what it does.
        window.resizeDocks([crews_dock], [900], Qt.Orientation.Horizontal)
        window.resizeDocks([crews_dock], [420], Qt.Orientation.Vertical)
    board = window.crew_board
    board.view.sortByColumn(CrewColumn.FEED, Qt.SortOrder.AscendingOrder)
    pump(app, 0.5)
    written = []
    feed = out / f"feed-{language}.png"
    window.grab().save(str(feed))
    written.append(feed)

    crew = next(row for row in backend.crews() if row.id == chosen[0])
    dialog = DevicesDialog(backend, crew, PhoneSetup(SERVER), None, window)
    dialog.ask_label = lambda: "Driver Li" if language == "en" else "李师傅"
    dialog.show()
    pump(app, 0.3)
    dialog.add_device()
    pump(app, 0.5)
    devices = out / f"devices-{language}.png"
    dialog.grab().save(str(devices))
    written.append(devices)
    dialog.reject()
    window.close()
    engine.dispose()
    return written


def pump(app: Any, seconds: float) -> None:
    """Let the event loop run for ``seconds``."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(argv: Sequence[str] | None = None) -> int:
    """Take the pictures; 0 when every one was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=("en", "zh", "both"), default="both")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    languages = ("en", "zh") if args.lang == "both" else (args.lang,)
    with tempfile.TemporaryDirectory(prefix="field-shots-") as work:
        os.environ["XDG_CONFIG_HOME"] = str(Path(work) / "config")
        os.environ["XDG_DATA_HOME"] = str(Path(work) / "data")
        written = []
        for language in languages:
            written += shoot(args.out, language, Path(work))
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
