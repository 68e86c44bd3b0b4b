"""`pricing check`, `pricing report` and `pricing bill` on the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.cli import main
from console.db.engine import make_engine
from console.db.models import Entitlement
from console.paths import resource_path
from tests.db.helpers import bill_an_ev_tow


def test_check_accepts_the_shipped_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pricing", "check"]) == 0
    out = capsys.readouterr().out
    assert "tariff 2026.1" in out and "MAKER-EV" in out


def test_check_refuses_a_malformed_file_naming_file_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "programmes.json"
    text = resource_path("pricing", "programmes.json").read_text(encoding="utf-8")
    path.write_text(text.replace('"uses_per_year": 4', '"uses_per_year": "four"'), "utf-8")
    assert main(["pricing", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(path) in err and "programmes[0].uses_per_year" in err


def test_the_console_refuses_to_start_on_a_malformed_tariff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pricing"
    shutil.copytree(resource_path("pricing"), folder)
    tariff = folder / "tariffs.json"
    tariff.write_text(tariff.read_text("utf-8").replace('"night": "100.00"', '"night": "a lot"'),
                      "utf-8")  # fmt: skip
    monkeypatch.setenv("ROADSIDE_PRICING_DIR", str(folder))
    assert main(["--db", f"sqlite:///{tmp_path / 'c.db'}"]) == 2
    err = capsys.readouterr().err
    assert str(tariff) in err and "surcharges.night" in err


def test_report_and_bill_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    assert main(["seed", "--db", url, "--requests", "0", "--at", "2026-11-23T10:00:00+08:00"]) == 0
    engine = make_engine(url)
    with Session(engine) as session:
        assert (session.scalar(select(func.count()).select_from(Entitlement)) or 0) > 30
    row = bill_an_ev_tow(engine)
    capsys.readouterr()

    assert main(["pricing", "report", "--db", url, "--json"]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert report == {"programme": "MAKER-EV", "jobs": 1, "total": "884.00", "covered": "620.00",
                      "caller": "264.00", "disputed": 0, "disputed_references": []}  # fmt: skip
    out = tmp_path / "bill.json"
    assert main(["pricing", "bill", row.reference, "--db", url, "--out", str(out)]) == 0
    document = json.loads(out.read_text("utf-8"))
    assert document["bill"]["caller_total"] == "264.00"
    assert document["differences"][0]["explanation"].startswith("Tow 83 km instead of 80 km")
    assert main(["pricing", "bill", row.reference, "--db", url, "--format", "csv"]) == 0
    assert "Total,,,884.00,620.00,264.00," in capsys.readouterr().out
    assert main(["pricing", "bill", "RA-20990101-0001", "--db", url]) == 2
