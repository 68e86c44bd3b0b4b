"""Hostile input at every service entry point: a clear DomainError and an untouched database.

Random, malicious and wrongly typed values go into every ``Services`` method
on SQLite and PostgreSQL. Each call either succeeds (the values happened to
be valid: one new ledger event, text stored verbatim) or raises a
:class:`DomainError` and leaves every table exactly as it was. Anything else
(a driver error, a TypeError, a half-written row) fails the test.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from console.core.errors import DomainError, IllegalTransition
from console.core.records import RequestRow
from console.core.roles import Principal
from console.core.vocab import CrewStatus, RequestStatus
from console.db.audit import verify_ledger
from console.db.importer import COLUMNS, ImportKind, ImportRejected, import_file
from console.db.services import Services
from tests.db.helpers import draft, drive_to
from tests.support.fuzz import FUZZ, anything, dump, ids, mostly, note, numbers, texts

REQUESTS = 6
CREWS = 6


@pytest.fixture
def busy(services: Services, engine: Engine) -> Services:
    """The service layer over requests in several states (ids 1-6), crews 1-6."""
    for status in (RequestStatus.NEW, RequestStatus.TRIAGE, RequestStatus.QUEUED,
                   RequestStatus.ASSIGNED, RequestStatus.EN_ROUTE, RequestStatus.QUEUED):  # fmt: skip
        drive_to(services, engine, status)
    return services


def attempt(engine: Engine, call: Callable[[], object]) -> object | None:
    """Run ``call``: a DomainError must leave every table as it was; success adds one event."""
    before = dump(engine)
    try:
        result = call()
    except DomainError as exc:
        note(exc.code)
        assert exc.english(), "a refusal explains itself"
        assert dump(engine) == before, f"{exc.code} wrote something"
        return None
    note("accepted")
    after = dump(engine)
    assert len(after["events"]) == len(before["events"]) + 1, "a success is one event"
    return result


def stripped(value: object) -> object:
    """What the service stores for optional text: stripped, and None as empty."""
    return "" if value is None else value.strip() if isinstance(value, str) else value


HOSTILE_DRAFT_FIELDS = {
    "caller_phone": st.one_of(texts, anything),
    "lat": st.one_of(numbers, anything),
    "lon": st.one_of(numbers, anything),
    "service_type": anything,
    "caller_name": st.one_of(texts, anything),
    "caller_language": anything,
    "plate": st.one_of(texts, anything),
    "make_model": texts,
    "powertrain": anything,
    "vehicle_class": anything,
    "awd": anything,
    "address": st.one_of(texts, anything),
    "city": texts,
    "road_type": anything,
    "priority": anything,
    "priority_reason": texts,
    "notes": st.one_of(texts, anything),
    "guidance_path": st.one_of(st.lists(texts, max_size=3).map(tuple), anything),
}
"""Draft field -> hostile values for it (the other fields stay valid)."""


@settings(FUZZ, max_examples=150)
@given(data=st.data())
def test_create_request_refuses_bad_intake_and_stores_good_text_verbatim(
    services: Services, engine: Engine, data: st.DataObject
) -> None:
    spoilt = data.draw(
        st.lists(st.sampled_from(list(HOSTILE_DRAFT_FIELDS)), min_size=1, max_size=3, unique=True),
        "spoilt fields",
    )
    fields = {name: data.draw(HOSTILE_DRAFT_FIELDS[name], name) for name in spoilt}
    intake = draft(**fields)
    row = attempt(engine, lambda: services.create_request(intake))
    if isinstance(row, RequestRow):
        for name in ("caller_name", "address", "city", "make_model", "notes"):
            assert getattr(row, name) == stripped(getattr(intake, name)), name


MOVES: dict[str, Callable[..., object]] = {
    "start_triage": Services.start_triage,
    "queue": Services.queue,
    "start_journey": Services.start_journey,
    "arrive": Services.arrive,
    "start_tow": Services.start_tow,
    "complete": Services.complete,
}


@settings(FUZZ, max_examples=150)
@given(data=st.data())
def test_lifecycle_moves_refuse_bad_ids_versions_notes_and_reasons(
    busy: Services, engine: Engine, data: st.DataObject
) -> None:
    request_id = data.draw(ids(REQUESTS), "request_id")
    version = data.draw(mostly(st.none() | st.integers(1, 4), anything), "expected_version")
    operation = data.draw(st.sampled_from([*MOVES, "resolve_remotely", "cancel"]), "operation")
    text = data.draw(mostly(st.just("caller fixed it"), texts | anything), "note or reason")
    calls: dict[str, Callable[[], object]] = {
        name: (lambda m=method: m(busy, request_id, expected_version=version))
        for name, method in MOVES.items()
    }
    calls["resolve_remotely"] = lambda: busy.resolve_remotely(
        request_id, text, expected_version=version
    )
    calls["cancel"] = lambda: busy.cancel(request_id, text, expected_version=version)
    attempt(engine, calls[operation])


@settings(FUZZ, max_examples=120)
@given(data=st.data())
def test_crew_hand_overs_refuse_bad_crews_versions_etas_and_reasons(
    busy: Services, engine: Engine, data: st.DataObject
) -> None:
    request_id = data.draw(ids(REQUESTS), "request_id")
    crew_id = data.draw(ids(CREWS), "crew_id")
    crew_version = data.draw(mostly(st.none() | st.integers(1, 3), anything), "crew_version")
    eta = data.draw(mostly(st.none() | st.integers(0, 90), st.integers() | anything), "eta")
    reason = data.draw(mostly(st.just("closer crew free"), texts | anything), "reason")
    operation = data.draw(st.sampled_from(["assign", "reassign", "release_crew"]), "operation")
    calls: dict[str, Callable[[], object]] = {
        "assign": lambda: busy.assign(
            request_id, crew_id, expected_crew_version=crew_version, eta_minutes=eta
        ),
        "reassign": lambda: busy.reassign(
            request_id, crew_id, reason, expected_crew_version=crew_version, eta_minutes=eta
        ),
        "release_crew": lambda: busy.release_crew(request_id, reason),
    }
    attempt(engine, calls[operation])


@settings(FUZZ, max_examples=100)
@given(data=st.data())
def test_move_refuses_unknown_targets_and_bad_arguments(
    busy: Services, engine: Engine, data: st.DataObject
) -> None:
    request_id = data.draw(ids(REQUESTS), "request_id")
    target = data.draw(mostly(st.sampled_from(list(RequestStatus)), anything), "target")
    crew_id = data.draw(st.none() | ids(CREWS), "crew_id")
    reason = data.draw(mostly(st.just("caller left"), texts | anything), "reason")
    attempt(engine, lambda: busy.move(request_id, target, crew_id=crew_id, reason=reason))


@settings(FUZZ, max_examples=120)
@given(data=st.data())
def test_crew_status_and_position_refuse_bad_values(
    busy: Services, engine: Engine, data: st.DataObject
) -> None:
    crew_id = data.draw(ids(CREWS), "crew_id")
    if data.draw(st.booleans(), "status or position"):
        status = data.draw(mostly(st.sampled_from(list(CrewStatus)), anything), "status")
        version = data.draw(mostly(st.none() | st.integers(1, 3), anything), "version")
        attempt(engine, lambda: busy.set_crew_status(crew_id, status, expected_version=version))
        return
    lat = data.draw(mostly(st.floats(29, 31), numbers | anything), "lat")
    lon = data.draw(mostly(st.floats(119, 121), numbers | anything), "lon")
    at = data.draw(
        mostly(st.none() | st.datetimes(timezones=st.timezones()), st.datetimes() | anything), "at"
    )
    attempt(engine, lambda: busy.update_crew_position(crew_id, lat, lon, at=at))


def test_the_ledger_still_verifies_after_the_onslaught(busy: Services, engine: Engine) -> None:
    for bad in ("'; DROP TABLE events; --", 10**400, float("nan"), None, b"\x00", object()):
        for call in (
            lambda b=bad: busy.start_triage(b),  # type: ignore[arg-type]
            lambda b=bad: busy.cancel(1, b),  # type: ignore[arg-type]
            lambda b=bad: busy.update_crew_position(1, b, b),
            lambda b=bad: busy.create_request(draft(caller_phone=b, lat=b, lon=b, plate=b)),
        ):
            attempt(engine, call)
    assert verify_ledger(engine).ok


def test_queue_cannot_take_a_crew_off_a_job_without_a_reason(
    services: Services, engine: Engine
) -> None:
    """Found by the fault tests: queue() used to release the crew silently."""
    row = drive_to(services, engine, RequestStatus.EN_ROUTE)
    before = dump(engine)
    with pytest.raises(IllegalTransition) as caught:
        services.queue(row.id)
    assert caught.value.code == "lifecycle.use_operation"
    assert dump(engine) == before
    assert services.release_crew(row.id, "truck broke down").status is RequestStatus.QUEUED


VALID_ROWS = {
    ImportKind.DEPOTS: {
        "code": "D330100-09", "name_zh": "杭州北救援站", "name_en": "Hangzhou North Depot",
        "city_zh": "杭州", "city_en": "Hangzhou", "province_zh": "浙江", "province_en": "Zhejiang",
        "adcode": "330100", "lat": "30.3", "lon": "120.15", "partner_code": "P1",
        "phone": "13800000001",
    },
    ImportKind.CREWS: {
        "call_sign": "HZ-90", "depot_code": "D330100-01", "vehicle_kind": "FLATBED",
        "skills": "EV_HV_CERTIFIED", "status": "AVAILABLE", "lat": "30.3", "lon": "120.15",
        "shift": "NIGHT",
    },
}  # fmt: skip


@st.composite
def csv_files(draw: st.DrawFn, kind: ImportKind) -> bytes:
    """A CSV file close to a valid one, with some columns, cells, rows or bytes spoilt."""
    columns = list(COLUMNS[kind])
    spoilt_header = st.lists(st.sampled_from([*columns, "colour", "", "CODE "]), max_size=14)
    header = draw(
        st.integers(0, 6).flatmap(lambda n: spoilt_header if n == 6 else st.permutations(columns)),
        "header",
    )
    rows = []
    for n in range(draw(st.integers(0, 4), "rows")):
        row = {name: VALID_ROWS[kind].get(name, "") for name in header}
        key = "code" if kind is ImportKind.DEPOTS else "call_sign"
        if key in row:
            row[key] = f"{row[key]}{n}"
        for name in (
            draw(st.lists(st.sampled_from(header), max_size=3), f"spoilt cells {n}")
            if header
            else []
        ):
            row[name] = draw(st.one_of(texts, st.from_type(float).map(str)), f"{name} {n}")
        cells = list(row.values())
        if draw(st.integers(0, 9), f"ragged {n}") == 9:
            cells = cells[: draw(st.integers(0, len(cells)), f"kept {n}")]
        rows.append(cells)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=draw(st.sampled_from(["\r\n", "\n"]), "newline"))
    writer.writerow(header)
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "gb18030", "utf-16"]), "encoding")
    content = buffer.getvalue().encode(
        encoding, errors="surrogatepass" if "utf" in encoding else "replace"
    )
    if draw(st.integers(0, 9), "raw bytes") == 9:
        content = draw(st.binary(max_size=200), "bytes")
    return content


@settings(FUZZ, max_examples=100)
@given(data=st.data())
def test_the_importers_refuse_hostile_files_in_one_piece(
    engine: Engine, fleet: list[int], tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    kind = data.draw(st.sampled_from(list(ImportKind)), "kind")
    path = tmp_path_factory.mktemp("fuzz") / "file.csv"
    path.write_bytes(data.draw(csv_files(kind), "file"))
    before = dump(engine)
    try:
        report = import_file(engine, kind, path, principal=Principal.system("import:fuzz"))
    except ImportRejected as exc:
        note("rejected rows")
        assert dump(engine) == before
        lines = path.read_bytes().count(b"\n") + 1
        for problem in exc.problems:
            assert 2 <= problem.line <= lines
            assert "\n" not in problem.english() and "\r" not in problem.english()
        return
    except DomainError as exc:
        note(exc.code)
        assert dump(engine) == before
        assert "\n" not in exc.english()
        return
    note("imported")
    after = dump(engine)
    table = "depots" if kind is ImportKind.DEPOTS else "crews"
    assert len(after[table]) == len(before[table]) + len(report.keys)
    assert len(after["events"]) == len(before["events"]) + 1
    assert verify_ledger(engine).ok
