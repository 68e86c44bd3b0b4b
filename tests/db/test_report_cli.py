"""`report` and `eido` from the command line: files that match the KPIs, one-line errors."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from console.cli import main
from console.core.kpi import kpi_rows
from console.core.report import gather
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from tests.support.principals import desk

SEEDED_AT = "2026-11-23T15:30:00+08:00"
ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'console.db'}"
    assert main(["seed", "--db", url, "--requests", "10", "--at", SEEDED_AT]) == 0
    return url


def test_daily_csv_report_holds_the_days_kpis(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "day.csv"
    assert main(["report", "--db", db_url, "--day", "2026-11-21", "--csv", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["key"]: r for r in csv.DictReader(handle) if r["section"] == "kpi"}
    start = datetime(2026, 11, 21, tzinfo=ZONE)
    end = datetime(2026, 11, 22, tzinfo=ZONE)
    data = gather(DatabaseBackend(make_engine(db_url), principal=desk("t")), now=end, start=start, end=end,
                  kind="day", zone=ZONE)  # fmt: skip
    expected = {row.key: row for row in kpi_rows(data.snapshot)}
    assert list(rows) == list(expected)
    assert int(rows["jobs_opened"]["value"]) == expected["jobs_opened"].value > 100
    assert rows["queue_total"]["value"] == "0", "a past day had nothing waiting at its end"
    for key, row in expected.items():
        shown = rows[key]["value"]
        assert (float(shown) if shown else None) == row.value, key


def test_shift_pdf_report_is_a_pdf(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "night.pdf"
    code = main(["report", "--db", db_url, "--day", "2026-11-21", "--shift", "night",
                 "--pdf", str(out)])  # fmt: skip
    assert code == 0
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--day", "2026-02-30", "--csv", "x.csv"], "Report day 2026-02-30 is not valid"),
        (["--day", "2026-11-21"], "--csv / --pdf is required"),
        (["--day", "2026-11-21", "--csv", "/no/such/dir/x.csv"], "Cannot write /no/such/dir/x.csv"),
    ],
)
def test_bad_report_requests_are_one_line(
    db_url: str, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--db", db_url, *args]) != 0
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_eido_export_of_a_request(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eido", "--db", db_url, "RA-20261121-0001"]) == 0
    document = json.loads(capsys.readouterr().out)
    incident = document["incidentComponent"]
    assert incident["localIncidentIdentifier"] == "RA-20261121-0001"
    assert incident["incidentTrackingIdentifier"].startswith("urn:emergency:uid:incidentid:")
    assert document["locationComponent"]["locationByValue"]["type"] == "Point"
    assert document["personComponent"][0]["telephoneNumberText"].startswith("***")
    assert "NENA" in document["$schema"]
    assert main(["eido", "--db", db_url, "RA-19990101-0001"]) != 0
    assert "There is no request" in capsys.readouterr().err
