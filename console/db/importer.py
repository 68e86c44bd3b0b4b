"""Import depots or crews from a CSV file: all rows or none, one ledger event.

Files are UTF-8 (a byte-order mark, as Excel writes it, is fine) with a header
naming the columns in any order:

- depots: ``code,name_zh,name_en,city_zh,city_en,province_zh,province_en,adcode,
  lat,lon,partner_code,phone``
- crews: ``call_sign,depot_code,vehicle_kind,skills,status,lat,lon,shift``;
  ``skills`` is a ``;``-separated list such as ``EV_HV_CERTIFIED;BILINGUAL``
  (empty for none), ``status`` one of AVAILABLE, OFF_DUTY, OUT_OF_SERVICE.

Every row is checked (codes, choices, WGS-84 coordinates inside the service
area, phone numbers, duplicates within the file and against the database,
unknown partners and depots) and every problem is reported with its line
number. Nothing is written unless every row is valid; then all rows go in
through the service layer as one unit of work with one ledger event.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from console.core.errors import DomainError, ValidationError
from console.core.geo import ServiceArea
from console.core.inputs import read_bytes
from console.core.roles import Permission, Principal, require
from console.core.validation import (
    brief,
    normalise_phone,
    parse_choice,
    printable,
    require_text,
    validate_coordinates,
)
from console.core.vocab import IDLE_CREW_STATUSES, CrewStatus, Shift, Skill, VehicleKind
from console.db.models import Crew, Depot, Partner
from console.db.services import Services


class ImportKind(StrEnum):
    """What a file holds."""

    DEPOTS = "depots"
    CREWS = "crews"


COLUMNS: dict[ImportKind, tuple[str, ...]] = {
    ImportKind.DEPOTS: (
        "code", "name_zh", "name_en", "city_zh", "city_en", "province_zh", "province_en",
        "adcode", "lat", "lon", "partner_code", "phone",
    ),
    ImportKind.CREWS: (
        "call_sign", "depot_code", "vehicle_kind", "skills", "status", "lat", "lon", "shift",
    ),
}  # fmt: skip
"""The columns each kind of file must have (in any order, no others)."""

T = TypeVar("T")

MAX_BYTES = 20_000_000
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_CODE_LIMIT = 32
_ADCODE = re.compile(r"\d{6}(?:\d{6})?")
_TEXT_LIMITS = {
    "name_zh": 120, "name_en": 160, "city_zh": 60, "city_en": 80,
    "province_zh": 60, "province_en": 80,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One thing wrong with one line of the file."""

    line: int
    error: DomainError

    def english(self) -> str:
        """``line N: message`` for reports."""
        return f"line {self.line}: {self.error.english()}"


class ImportRejected(ValidationError):
    """Some rows are not valid, so nothing was imported; ``problems`` lists them all."""

    def __init__(self, path: str, problems: Sequence[RowProblem]) -> None:
        super().__init__(
            "import.rejected", path=path, count=len({problem.line for problem in problems})
        )
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    kind: ImportKind
    path: Path
    keys: tuple[str, ...]
    dry_run: bool


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    cells: list[str]


def read_rows(path: Path, kind: ImportKind) -> tuple[bytes, list[str], list[_Line]]:
    """The raw bytes, column names and data lines of a CSV file, checked for encoding and header."""
    shown = printable(str(path))
    try:
        raw = read_bytes(path, limit=MAX_BYTES)
    except ValidationError as exc:
        if exc.code != "file.too_large":
            raise
        raise ValidationError(
            "import.too_large", path=shown, limit=f"{MAX_BYTES // 1_000_000} MB"
        ) from None
    body = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise ValidationError("import.encoding", path=shown, line=line) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise ValidationError("import.no_header", path=shown)
        names = _check_header(shown, header, COLUMNS[kind])
        lines: list[_Line] = []
        start = reader.line_num + 1
        for record in reader:
            if any(cell.strip() for cell in record):
                lines.append(_Line(start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        # Name the line the broken record starts on (an unclosed quote runs to the end).
        raise ValidationError("import.malformed", path=shown, line=start, detail=str(exc)) from None
    if not lines:
        raise ValidationError("import.empty", path=shown)
    return raw, names, lines


def _check_header(path: str, header: list[str], expected: tuple[str, ...]) -> list[str]:
    names = [cell.strip().lower() for cell in header]
    seen: set[str] = set()
    for name in names:
        if name in seen:
            shown = printable(name) or '""'
            raise ValidationError("import.columns_repeated", path=path, column=shown)
        seen.add(name)
    missing = [name for name in expected if name not in seen]
    if missing:
        raise ValidationError("import.columns_missing", path=path, columns=", ".join(missing))
    unknown = [printable(name) or '""' for name in names if name not in expected]
    if unknown:
        raise ValidationError("import.columns_unknown", path=path, columns=", ".join(unknown))
    return names


class _RowChecker:
    """Collects every problem of every line while the rows are cleaned."""

    def __init__(self, names: Sequence[str]) -> None:
        self.problems: list[RowProblem] = []
        self._names = names
        self._line = 0
        self._first_lines: dict[str, int] = {}

    def rows(self, lines: Sequence[_Line]) -> Iterator[dict[str, str]]:
        """Each line with the right number of fields, as column -> text; counts the rest."""
        for line in lines:
            self._line = line.number
            if len(line.cells) != len(self._names):
                self.fail("import.field_count", found=len(line.cells), expected=len(self._names))
                continue
            yield dict(zip(self._names, line.cells, strict=True))

    @property
    def problem_count(self) -> int:
        """Problems noted so far (compare before and after a row to see if it was clean)."""
        return len(self.problems)

    def check(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run one field check; on failure note the problem and return ``None``."""
        try:
            return func(*args, **kwargs)
        except DomainError as exc:
            self.problems.append(RowProblem(self._line, exc))
            return None

    def fail(self, code: str, field: str | None = None, **params: Any) -> None:
        """Note a problem found without a check function."""
        self.problems.append(RowProblem(self._line, ValidationError(code, field=field, **params)))

    def unique(self, field: str, key: str | None, existing: Container[str]) -> None:
        """Note ``key`` appearing twice in the file (by case-folded text) or already stored."""
        if key is None:
            return
        folded = key.casefold()
        first = self._first_lines.setdefault(folded, self._line)
        if first != self._line:
            self.fail("import.duplicate", field=field, value=key, first=first)
        elif folded in existing:
            self.fail("import.exists", field=field, value=key)


def _code(field: str, value: str) -> str:
    text = require_text(field, value, limit=_CODE_LIMIT)
    if not _CODE.fullmatch(text):
        raise ValidationError(
            "import.code_invalid", field=field, value=brief(text), limit=_CODE_LIMIT
        )
    return text


def _adcode(value: str) -> str:
    text = require_text("adcode", value, limit=12)
    if not _ADCODE.fullmatch(text):
        raise ValidationError("import.adcode_invalid", field="adcode", value=brief(text))
    return text


def _position(lat: str, lon: str, area: ServiceArea) -> tuple[float, float]:
    latitude, longitude = validate_coordinates(lat, lon)
    if not area.contains(latitude, longitude):
        raise ValidationError(
            "coord.outside_service_area",
            field="lat",
            lat=round(latitude, 5),
            lon=round(longitude, 5),
        )
    return latitude, longitude


def _skills(value: str) -> list[str]:
    text = require_text("skills", value, limit=200, required=False)
    chosen: list[str] = []
    for part in text.split(";"):
        if part.strip():
            skill = parse_choice("skills", Skill, part).value
            if skill not in chosen:
                chosen.append(skill)
    return chosen


def _idle_status(value: str) -> str:
    status = parse_choice("status", CrewStatus, value)
    if status not in IDLE_CREW_STATUSES:
        raise ValidationError("crew.status_not_settable", field="status", status=status.value)
    return status.value


def _reference(
    checker: _RowChecker, field: str, value: str, known: Mapping[str, int], missing_code: str
) -> int | None:
    """The id of the partner or depot a row names, noting an unknown one."""
    code = checker.check(_code, field, value)
    if code is None:
        return None
    found = known.get(code.casefold())
    if found is None:
        checker.fail(missing_code, field=field, value=code)
    return found


def _clean_depots(
    session: Session, names: Sequence[str], lines: Sequence[_Line]
) -> tuple[list[dict[str, Any]], list[RowProblem]]:
    area = ServiceArea.default()
    partners = {
        code.casefold(): pid for pid, code in session.execute(select(Partner.id, Partner.code))
    }
    taken = {code.casefold() for code in session.scalars(select(Depot.code))}
    checker = _RowChecker(names)
    rows: list[dict[str, Any]] = []
    for values in checker.rows(lines):
        before = checker.problem_count
        code = checker.check(_code, "code", values["code"])
        checker.unique("code", code, taken)
        texts = {
            name: checker.check(require_text, name, values[name], limit=limit)
            for name, limit in _TEXT_LIMITS.items()
        }
        adcode = checker.check(_adcode, values["adcode"])
        position = checker.check(_position, values["lat"], values["lon"], area)
        partner_id = _reference(
            checker, "partner_code", values["partner_code"], partners, "import.unknown_partner"
        )
        phone = checker.check(normalise_phone, values["phone"], field="phone")
        if checker.problem_count == before and position is not None:
            rows.append(
                {"code": code, **texts, "adcode": adcode, "lat": position[0], "lon": position[1],
                 "partner_id": partner_id, "phone": phone}
            )  # fmt: skip
    return rows, checker.problems


def _clean_crews(
    session: Session, names: Sequence[str], lines: Sequence[_Line]
) -> tuple[list[dict[str, Any]], list[RowProblem]]:
    area = ServiceArea.default()
    depots = {code.casefold(): did for did, code in session.execute(select(Depot.id, Depot.code))}
    taken = {sign.casefold() for sign in session.scalars(select(Crew.call_sign))}
    checker = _RowChecker(names)
    rows: list[dict[str, Any]] = []
    for values in checker.rows(lines):
        before = checker.problem_count
        call_sign = checker.check(_code, "call_sign", values["call_sign"])
        checker.unique("call_sign", call_sign, taken)
        depot_id = _reference(
            checker, "depot_code", values["depot_code"], depots, "import.unknown_depot"
        )
        kind = checker.check(parse_choice, "vehicle_kind", VehicleKind, values["vehicle_kind"])
        skills = checker.check(_skills, values["skills"])
        status = checker.check(_idle_status, values["status"])
        position = checker.check(_position, values["lat"], values["lon"], area)
        shift = checker.check(parse_choice, "shift", Shift, values["shift"])
        if checker.problem_count == before and position and kind and shift:
            rows.append(
                {"call_sign": call_sign, "depot_id": depot_id, "vehicle_kind": kind.value,
                 "skills": skills, "status": status, "lat": position[0], "lon": position[1],
                 "gps_at": None, "status_since": None, "shift": shift.value, "current_request_id": None, "version": 1}
            )  # fmt: skip
    return rows, checker.problems


_CLEANERS = {ImportKind.DEPOTS: _clean_depots, ImportKind.CREWS: _clean_crews}
_MODELS: dict[ImportKind, type[Depot] | type[Crew]] = {
    ImportKind.DEPOTS: Depot,
    ImportKind.CREWS: Crew,
}
_KEYS = {ImportKind.DEPOTS: "code", ImportKind.CREWS: "call_sign"}


def import_file(
    engine: Engine,
    kind: ImportKind,
    path: Path,
    *,
    principal: Principal,
    dry_run: bool = False,
) -> ImportReport:
    """Check every row of ``path`` and, unless ``dry_run``, store them all in one unit of work.

    Raises :class:`ImportRejected` (listing every problem) when any row is not
    valid, or a one-line :class:`DomainError` when the file itself is unusable.
    """
    require(principal, Permission.IMPORT_REFERENCE)
    raw, names, lines = read_rows(path, kind)
    clean = _CLEANERS[kind]
    if dry_run:
        with Session(engine) as session:
            rows, problems = clean(session, names, lines)
        if problems:
            raise ImportRejected(printable(str(path)), problems)
        return ImportReport(kind, path, tuple(row[_KEYS[kind]] for row in rows), dry_run=True)
    with Services(engine, principal=principal).unit_of_work(Permission.IMPORT_REFERENCE) as uow:
        # Checked inside the write transaction, so no one adds a clashing code meanwhile.
        rows, problems = clean(uow.session, names, lines)
        if problems:
            raise ImportRejected(printable(str(path)), problems)
        for row in rows:
            row["revision"] = uow.revision
        uow.session.execute(insert(_MODELS[kind]), rows)
        keys = [row[_KEYS[kind]] for row in rows]
        uow.record(
            f"import.{kind.value}",
            file=printable(path.name),
            sha256=hashlib.sha256(raw).hexdigest(),
            count=len(rows),
            keys=keys,
        )
    return ImportReport(kind, path, tuple(keys), dry_run=False)


def iter_problems(error: ImportRejected) -> Iterator[str]:
    """The report lines of a rejected import, in file order."""
    for problem in sorted(error.problems, key=lambda p: p.line):
        yield problem.english()
