"""Importing depots and crews from CSV: every row checked, all or nothing, one ledger event."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.core.errors import DomainError, StorageError, ValidationError
from console.core.roles import Principal
from console.core.vocab import CrewStatus, RequestStatus, Skill
from console.db import importer
from console.db.audit import verify_ledger
from console.db.importer import ImportKind, ImportRejected, import_file, iter_problems
from console.db.models import Event
from console.db.queries import DatabaseReader
from console.db.services import Services
from tests.db.helpers import drive_to
from tests.support.fuzz import dump
from tests.support.principals import desk

DEPOT_HEADER = (
    "code,name_zh,name_en,city_zh,city_en,province_zh,province_en,adcode,lat,lon,partner_code,phone"
)
DEPOTS = [
    "D330100-02,杭州西救援站,Hangzhou West Depot,杭州,Hangzhou,浙江,Zhejiang,330100,30.27,120.05,P1,0571-87654321",
    "D330200-01,宁波中心救援站,Ningbo Central Depot,宁波,Ningbo,浙江,Zhejiang,330200,29.87,121.55,p1,13812345678",
]
CREW_HEADER = "call_sign,depot_code,vehicle_kind,skills,status,lat,lon,shift"
CREWS = [
    "HZ-11,D330100-01,FLATBED,EV_HV_CERTIFIED;BILINGUAL,AVAILABLE,30.26,120.17,DAY",
    "HZ-12,d330100-01,SERVICE_VAN,,OFF_DUTY,30.25,120.16,ROUND_THE_CLOCK",
]


def csv_file(tmp_path: Path, header: str, rows: list[str], *, name: str = "in.csv",
             encoding: str = "utf-8", newline: str = "\r\n") -> Path:  # fmt: skip
    path = tmp_path / name
    path.write_bytes(newline.join([header, *rows, ""]).encode(encoding))
    return path


def rejected(engine: Engine, kind: ImportKind, path: Path) -> list[str]:
    """The report lines of an import that must be refused without writing anything."""
    before = dump(engine)
    with pytest.raises(ImportRejected) as caught:
        import_file(engine, kind, path, principal=Principal.system("import:test"))
    assert dump(engine) == before
    assert caught.value.code == "import.rejected"
    return list(iter_problems(caught.value))


def refused(engine: Engine, kind: ImportKind, path: Path) -> DomainError:
    """The one-line error of a file the importer cannot use at all."""
    before = dump(engine)
    with pytest.raises(DomainError) as caught:
        import_file(engine, kind, path, principal=Principal.system("import:test"))
    assert not isinstance(caught.value, ImportRejected)
    assert dump(engine) == before
    return caught.value


def test_depots_and_crews_go_in_as_one_event_each(
    engine: Engine, fleet: list[int], tmp_path: Path
) -> None:
    depots = csv_file(tmp_path, DEPOT_HEADER, DEPOTS, name="depots.csv")
    report = import_file(
        engine, ImportKind.DEPOTS, depots, principal=Principal.system("import:test")
    )
    assert report.keys == ("D330100-02", "D330200-01") and not report.dry_run
    crews = csv_file(tmp_path, CREW_HEADER, CREWS, name="crews.csv")
    import_file(engine, ImportKind.CREWS, crews, principal=Principal.system("import:test"))

    reader = DatabaseReader(engine, desk("reader"))
    stored = {d.code: d for d in reader.depots()}
    assert stored["D330100-02"].phone == "0571-87654321"
    assert stored["D330200-01"].name_en == "Ningbo Central Depot"
    assert stored["D330200-01"].partner_id == 1, "partner codes match case-insensitively"
    crew = {c.call_sign: c for c in reader.crews()}
    assert crew["HZ-11"].skills == {Skill.EV_HV_CERTIFIED, Skill.BILINGUAL}
    assert crew["HZ-12"].status is CrewStatus.OFF_DUTY and crew["HZ-12"].skills == frozenset()
    with Session(engine) as session:
        events = session.execute(
            select(Event.kind, Event.payload).where(Event.kind.like("import.%")).order_by(Event.seq)
        ).all()
    assert [kind for kind, _ in events] == ["import.depots", "import.crews"]
    payload = json.loads(events[1][1])
    assert payload["count"] == 2 and payload["keys"] == ["HZ-11", "HZ-12"]
    assert payload["file"] == "crews.csv" and len(payload["sha256"]) == 64
    assert verify_ledger(engine).ok


def test_imported_crews_can_be_dispatched(
    engine: Engine, services: Services, tmp_path: Path
) -> None:
    import_file(
        engine,
        ImportKind.CREWS,
        csv_file(tmp_path, CREW_HEADER, CREWS[:1]),
        principal=Principal.system("t"),
    )
    crew_id = next(
        c.id for c in DatabaseReader(engine, desk("reader")).crews() if c.call_sign == "HZ-11"
    )
    row = drive_to(services, engine, RequestStatus.QUEUED)
    assert services.assign(row.id, crew_id).assigned_crew_call_sign == "HZ-11"


def test_a_dry_run_checks_everything_and_writes_nothing(
    engine: Engine, fleet: list[int], tmp_path: Path
) -> None:
    before = dump(engine)
    path = csv_file(tmp_path, DEPOT_HEADER, DEPOTS)
    report = import_file(
        engine, ImportKind.DEPOTS, path, principal=Principal.system("t"), dry_run=True
    )
    assert report.dry_run and len(report.keys) == 2
    assert dump(engine) == before
    bad = csv_file(tmp_path, DEPOT_HEADER, [DEPOTS[0].replace("P1", "NOPE")], name="bad.csv")
    with pytest.raises(ImportRejected):
        import_file(engine, ImportKind.DEPOTS, bad, principal=Principal.system("t"), dry_run=True)


def test_excel_byte_order_mark_header_case_and_column_order_are_fine(
    engine: Engine, fleet: list[int], tmp_path: Path
) -> None:
    header = " Status ,SHIFT,call_sign,depot_code,vehicle_kind,skills,lat,lon"
    path = csv_file(tmp_path, header, ["AVAILABLE,NIGHT,HZ-21,D330100-01,FLATBED,,30.2,120.1"],
                    encoding="utf-8-sig")  # fmt: skip
    import_file(engine, ImportKind.CREWS, path, principal=Principal.system("t"))
    assert any(c.call_sign == "HZ-21" for c in DatabaseReader(engine, desk("reader")).crews())


def test_every_bad_depot_row_is_reported_with_its_line_and_nothing_is_imported(
    engine: Engine, fleet: list[int], tmp_path: Path
) -> None:
    good = DEPOTS[0]
    rows = [
        good,                                                    # line 2: fine
        good.replace("P1,", "P9,"),                              # 3: unknown partner (and dup)
        DEPOTS[1].replace("13812345678", "12345"),               # 4: bad phone
        DEPOTS[1].replace("D330200-01", "D330100-01"),           # 5: code already stored
        DEPOTS[1].replace("D330200-01", "bad code!").replace("29.87", "nan"),  # 6: two faults
        DEPOTS[1].replace("D330200-01", "D1").replace("121.55", "139.7"),      # 7: Tokyo
        DEPOTS[1].replace("D330200-01", "D2").replace("330200", "33020"),      # 8: adcode
        "D3,only,three",                                         # 9: fields missing
        DEPOTS[1].replace("D330200-01", "D4").replace("宁波中心救援站", "x" * 121),  # 10
    ]  # fmt: skip
    report = rejected(engine, ImportKind.DEPOTS, csv_file(tmp_path, DEPOT_HEADER, rows))
    assert report == [
        "line 3: code D330100-02 appears more than once in the file (first on line 2).",
        "line 3: There is no partner P9.",
        "line 4: Phone number 12345 is not valid: use a mainland mobile (11 digits, 1xx), "
        "a landline with area code (0xx-xxxxxxxx) or an international number with +.",
        "line 5: code D330100-01 already exists in the database.",
        "line 6: code bad code! is not valid: use letters, digits, - and _ (at most 32).",
        "line 6: lat must be a number.",
        "line 7: The location 29.87, 139.7 is outside the service area (mainland China).",
        "line 8: Administrative code 33020 is not valid: use 6 or 12 digits.",
        "line 9: The line has 3 fields but the header names 12.",
        "line 10: name_zh is too long (at most 120 characters).",
    ]


def test_every_bad_crew_row_is_reported(engine: Engine, fleet: list[int], tmp_path: Path) -> None:
    rows = [
        CREWS[0],
        CREWS[1].replace("HZ-12", "hz-11"),                       # 3: duplicate, other case
        CREWS[1].replace("HZ-12", "HZ-01"),                       # 4: already stored
        CREWS[1].replace("d330100-01", "D999"),                   # 5: unknown depot
        CREWS[1].replace("SERVICE_VAN", "SPACESHIP"),             # 6
        CREWS[1].replace(",,", ",EV_HV_CERTIFIED;TELEPATHY,"),    # 7
        CREWS[1].replace("OFF_DUTY", "EN_ROUTE"),                 # 8: busy needs a job
        CREWS[1].replace("ROUND_THE_CLOCK", ""),                  # 9: shift missing
    ]  # fmt: skip
    rows = [row if n < 2 else row.replace("HZ-12", f"HZ-{30 + n}") for n, row in enumerate(rows)]
    report = rejected(engine, ImportKind.CREWS, csv_file(tmp_path, CREW_HEADER, rows))
    assert report == [
        "line 3: call_sign hz-11 appears more than once in the file (first on line 2).",
        "line 4: call_sign HZ-01 already exists in the database.",
        "line 5: There is no depot D999.",
        "line 6: vehicle_kind has an unknown value: SPACESHIP.",
        "line 7: skills has an unknown value: TELEPATHY.",
        "line 8: A crew cannot be set to EN_ROUTE by hand.",
        "line 9: shift is required.",
    ]


def test_line_numbers_count_physical_lines(
    engine: Engine, fleet: list[int], tmp_path: Path
) -> None:
    quoted = DEPOTS[1].replace("宁波中心救援站", '"宁波\n中心救援站"').replace("12345678", "1")
    path = csv_file(tmp_path, DEPOT_HEADER, ["", quoted, "", DEPOTS[0].replace("P1", "X")],
                    newline="\n")  # fmt: skip
    report = rejected(engine, ImportKind.DEPOTS, path)
    assert [line.split(":")[0] for line in report] == ["line 3", "line 6"]


@pytest.mark.parametrize(
    "case",
    [
        (b"", "import.no_header", "empty"),
        (b"\n\n", "import.no_header", "empty"),
        (CREW_HEADER.encode() + b"\n", "import.empty", "no rows"),
        (CREW_HEADER.encode() + b"\n\n  \n", "import.empty", "no rows"),
        ((CREW_HEADER + "\n" + CREWS[0].replace("HZ", "杭州")).encode("gbk"), "import.encoding", "line 2"),
        ((CREW_HEADER + "\n" + CREWS[0]).encode("utf-16"), "import.encoding", "line 1"),
        (b"call_sign,depot_code\nHZ-1,D1\n", "import.columns_missing", "vehicle_kind, skills"),
        ((CREW_HEADER + ",colour\n").encode(), "import.columns_unknown", "colour"),
        ((CREW_HEADER + ",\n").encode(), "import.columns_unknown", '""'),
        ((CREW_HEADER + ",shift\n").encode(), "import.columns_repeated", "shift"),
        ((CREW_HEADER + '\n"HZ-1,D1\n').encode(), "import.malformed", "line 2"),
        ((CREW_HEADER + '\n"HZ-1"x,D1\n').encode(), "import.malformed", "line 2"),
    ],
    ids=["empty", "blank lines", "header only", "header and blanks", "gbk", "utf-16",
         "missing columns", "extra column", "unnamed column", "repeated column",
         "unclosed quote", "text after a closing quote"],
)  # fmt: skip
def test_unusable_files_get_one_clear_error(
    engine: Engine, fleet: list[int], tmp_path: Path, case: tuple[bytes, str, str]
) -> None:
    content, code, fragment = case
    path = tmp_path / "crews.csv"
    path.write_bytes(content)
    error = refused(engine, ImportKind.CREWS, path)
    assert isinstance(error, ValidationError)
    assert error.code == code
    assert fragment in error.english() and str(path) in error.english()
    assert "\n" not in error.english()


def test_missing_and_oversized_files_are_refused(
    engine: Engine, fleet: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = refused(engine, ImportKind.DEPOTS, tmp_path / "nope.csv")
    assert isinstance(missing, StorageError) and missing.code == "file.unreadable"
    folder = refused(engine, ImportKind.DEPOTS, tmp_path)
    assert folder.code == "file.unreadable"
    monkeypatch.setattr(importer, "MAX_BYTES", 100)
    big = csv_file(tmp_path, DEPOT_HEADER, DEPOTS)
    assert refused(engine, ImportKind.DEPOTS, big).code == "import.too_large"
