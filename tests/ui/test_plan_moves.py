"""Plan moves for the depots: a coverage plan opened from the dashboard, shown and exported as CSV.

The plan names crews and depots of the seeded fleet the way the planner's file
does; a move without a vehicle kind (an older file) gets it from the live fleet. A file that is not
a plan gets one plain message, and nothing is shown or written.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

import console.ui.dashboard.window as dashboard_window
from console.core.errors import ValidationError
from console.core.reach.plan_file import read_plan_moves
from console.core.reach.plan_format import PLAN_FORMAT
from console.db.backend import DatabaseBackend
from console.ui.dashboard import DashboardWindow, plan_moves
from console.ui.i18n import install_language
from console.ui.labels import error_text, label
from tests.ui.test_dashboard import dashboard, history

__all__ = ["dashboard", "history"]  # fixtures shared with the dashboard specs


def plan_for(backend: DatabaseBackend, folder: Path) -> Path:
    """A plan moving two seeded crews and adding one; one call sign a spreadsheet would run."""
    crews = backend.crews()
    depots = backend.depots()
    first, second = crews[0], crews[1]
    document = {
        "format": PLAN_FORMAT, "version": 1, "scenario": "live-demo", "seed": 1, "budget": 1,
        "moves": [
            {"crew_id": first.id, "call_sign": first.call_sign, "from_depot": first.depot_code,
             "to_depot": depots[-1].code},
            {"crew_id": 0, "call_sign": "=1+2", "from_depot": second.depot_code,
             "to_depot": depots[-2].code, "vehicle_kind": "FLATBED"},
        ],
        "reskills": [{"crew_id": second.id, "call_sign": second.call_sign,
                      "skills": ["EV_HV_CERTIFIED"]}],
        "additions": [{"call_sign": "PLAN-0001", "vehicle_kind": "HEAVY_WRECKER", "skills": [],
                       "depot": depots[0].code}],
    }  # fmt: skip
    path = folder / "national-plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_moves_are_shown_with_vehicles_and_depot_names_and_exported_as_shown(
    dashboard: DashboardWindow,
    history: tuple[Engine, DatabaseBackend],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _engine, backend = history
    source = plan_for(backend, tmp_path)
    first = backend.crews()[0]
    depots = backend.depots()
    dialog = dashboard.open_plan_moves(source)
    assert dialog is not None and dialog.isVisible()
    assert "national-plan.json" in dialog.heading.text()
    assert "moves: 2 · new crews: 1 · crews to train: 1" in dialog.heading.text()
    rows = dialog.rows()
    assert rows[0] == ["Change", "Call sign", "Vehicle", "Skills", "From depot", "To depot"]
    assert rows[1] == [
        "Move", first.call_sign, label(first.vehicle_kind), "",
        f"{first.depot_code} {next(d.name_en for d in depots if d.code == first.depot_code)}",
        f"{depots[-1].code} {depots[-1].name_en}",
    ]  # fmt: skip
    assert rows[2][:3] == ["Move", "=1+2", "Flatbed"]
    assert rows[3] == ["New crew", "PLAN-0001", "Heavy wrecker", "", "",
                       f"{depots[0].code} {depots[0].name_en}"]  # fmt: skip
    assert rows[4][0] == "Train" and rows[4][3] == "EV high-voltage certified"

    target = tmp_path / "for-depots.csv"
    monkeypatch.setattr(plan_moves, "ask_save_path", lambda *_a, **_k: target)
    told: list[str] = []
    monkeypatch.setattr(
        plan_moves, "show_plain_message", lambda _p, _i, _t, text, *_a: told.append(text)
    )
    assert dialog.ask_export() == target
    assert told == [f"Saved {target}"]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle))
    assert written[0] == rows[0]
    assert written[2][1] == "'=1+2", "a cell a spreadsheet would run is quoted"
    assert [r[1] for r in written[1:]] == [r[1] if r[1] != "=1+2" else "'=1+2" for r in rows[1:]]
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_file_that_is_not_a_plan_gets_one_plain_message_and_nothing_is_written(
    dashboard: DashboardWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "plan.json"
    bad.write_text(json.dumps({"version": 1, "scenario": "x", "moves": [{"call_sign": "A"}]}))
    told: list[tuple[QMessageBox.Icon, str]] = []

    def tell(_parent: QWidget, icon: QMessageBox.Icon, _title: str, text: str, *_a: object) -> None:
        told.append((icon, text))

    monkeypatch.setattr(dashboard_window, "show_plain_message", tell)
    before = sorted(tmp_path.iterdir())
    assert dashboard.open_plan_moves(bad) is None
    with pytest.raises(ValidationError) as expected:
        read_plan_moves(bad)
    assert told == [(QMessageBox.Icon.Warning, error_text(expected.value))]
    assert "moves[0].from_depot must be non-empty text" in told[0][1]
    assert dashboard.plan_dialog is None
    assert sorted(tmp_path.iterdir()) == before


def test_the_dialog_speaks_chinese(
    dashboard: DashboardWindow,
    history: tuple[Engine, DatabaseBackend],
    tmp_path: Path,
    qapp: QApplication,
    qtbot: QtBot,
) -> None:
    _engine, backend = history
    dialog = dashboard.open_plan_moves(plan_for(backend, tmp_path))
    assert dialog is not None
    install_language(qapp, "zh")
    qapp.processEvents()
    assert dialog.windowTitle() == "计划调整"
    assert dialog.rows()[0][0] == "调整"
    assert dialog.rows()[1][0] == "调动"
    assert dashboard.plan_action.text() == "计划调整…"
    depot = backend.depots()[-1]
    assert dialog.rows()[1][5] == f"{depot.code} {depot.name_zh}"
