"""Fixtures for the Qt tests: a fake backend, a fake clock, isolated settings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from console.core import lifecycle
from console.core.errors import Conflict, NotFound, ValidationError
from console.core.intake import RequestDraft, clean_request
from console.core.ports import CrewChanges
from console.core.records import CrewRow, DepotRow, RequestChanges, RequestRow
from console.core.vocab import (
    CREW_BUSY_FOR,
    IDLE_CREW_STATUSES,
    CallerLanguage,
    CrewStatus,
    Powertrain,
    Priority,
    RequestStatus,
    RoadType,
    ServiceType,
    Shift,
    Skill,
    VehicleClass,
    VehicleKind,
)
from console.ui.i18n import install_language
from console.ui.theme import Theme, apply_theme

T0 = datetime(2026, 11, 23, 8, 0, 0, tzinfo=UTC)
"""The fake clock's starting time."""


class FakeClock:
    """A UTC-aware clock that moves only when told to."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def request_row(request_id: int, **changes: Any) -> RequestRow:
    """A queued P2 tow request, created 5 min before T0, assignment due at T0 + 1 min."""
    queued_at = T0 - timedelta(minutes=1)
    values: dict[str, Any] = {
        "id": request_id,
        "reference": f"RA-20261123-{request_id:04d}",
        "status": RequestStatus.QUEUED,
        "priority": Priority.P2,
        "priority_reason": "",
        "service_type": ServiceType.TOW,
        "created_at": T0 - timedelta(minutes=5),
        "queued_at": queued_at,
        "assign_due_at": queued_at + timedelta(minutes=2),
        "arrive_due_at": queued_at + timedelta(minutes=60),
        "caller_name": "张三",
        "caller_phone": "13800000000",
        "caller_language": CallerLanguage.ZH,
        "plate": f"浙A{request_id:05d}",
        "make_model": "BYD Han",
        "powertrain": Powertrain.ICE,
        "vehicle_class": VehicleClass.CAR,
        "awd": False,
        "lat": 30.27,
        "lon": 120.15,
        "address": "西湖区文三路 100 号",
        "city": "杭州",
        "road_type": RoadType.URBAN,
        "assigned_crew_id": None,
        "assigned_crew_call_sign": None,
        "eta_minutes": None,
        "quote_cny": None,
        "notes": "",
        "cancel_reason": "",
        "version": 1,
        "revision": 1,
    }
    values.update(changes)
    return RequestRow(**values)


def crew_row(crew_id: int, **changes: Any) -> CrewRow:
    """An available flatbed of depot 1 (Hangzhou) with a GPS fix one minute before T0."""
    values: dict[str, Any] = {
        "id": crew_id,
        "call_sign": f"HZ-{crew_id:02d}",
        "depot_id": 1,
        "depot_code": "D330100-01",
        "vehicle_kind": VehicleKind.FLATBED,
        "skills": frozenset({Skill.EV_HV_CERTIFIED}),
        "status": CrewStatus.AVAILABLE,
        "lat": 30.25,
        "lon": 120.16,
        "gps_at": T0 - timedelta(minutes=1),
        "shift": Shift.DAY,
        "current_request_id": None,
        "version": 1,
        "revision": 1,
    }
    values.update(changes)
    return CrewRow(**values)


DEPOTS = (
    DepotRow(1, "D330100-01", "杭州中心救援站", "Hangzhou Central Depot", "杭州", "Hangzhou",
             "浙江", "Zhejiang", 30.25, 120.16, 1, "4008100100"),
    DepotRow(2, "D310100-01", "上海中心救援站", "Shanghai Central Depot", "上海", "Shanghai",
             "上海", "Shanghai", 31.23, 121.47, 1, "4008100101"),
)  # fmt: skip
"""Two depots: Hangzhou and Shanghai."""


class FakeQueueSource:
    """An in-memory :class:`console.core.ports.ConsoleBackend` with a revision counter."""

    def __init__(self, rows: Iterable[RequestRow] = (), crews: Iterable[CrewRow] = ()) -> None:
        self._revision = 0
        self.rows: dict[int, RequestRow] = {}
        self.crew_rows: dict[int, CrewRow] = {}
        self.depot_rows: list[DepotRow] = list(DEPOTS)
        self.fail = False
        self.fail_revision = False
        self.fail_moves: Exception | None = None
        self.moves: list[tuple[int, RequestStatus, str]] = []
        self.upsert(*rows)
        crew_list = list(crews)
        if crew_list:
            self.upsert_crews(*crew_list)

    def upsert_crews(self, *crews: CrewRow) -> int:
        """Store ``crews`` as one write."""
        self._revision += 1
        for crew in crews:
            self.crew_rows[crew.id] = replace(crew, revision=self._revision)
        return self._revision

    def crews(self) -> list[CrewRow]:
        self._check()
        return sorted(self.crew_rows.values(), key=lambda c: c.call_sign)

    def crews_changed_since(self, revision: int) -> CrewChanges:
        self._check()
        crews = tuple(c for c in self.crew_rows.values() if c.revision > revision)
        return CrewChanges(self._revision, crews)

    def depots(self) -> list[DepotRow]:
        self._check()
        return list(self.depot_rows)

    def request(self, request_id: int) -> RequestRow | None:
        self._check()
        return self.rows.get(request_id)

    def create_request(self, draft: RequestDraft) -> RequestRow:
        self._check()
        clean = clean_request(draft)
        new_id = max(self.rows, default=0) + 1
        row = request_row(
            new_id,
            status=RequestStatus.NEW,
            created_at=T0,
            queued_at=None,
            assign_due_at=None,
            arrive_due_at=None,
            caller_phone=clean.caller_phone,
            caller_name=clean.caller_name,
            caller_language=clean.caller_language,
            lat=clean.lat,
            lon=clean.lon,
            address=clean.address,
            city=clean.city,
            road_type=clean.road_type,
            plate=clean.plate,
            make_model=clean.make_model,
            powertrain=clean.powertrain,
            vehicle_class=clean.vehicle_class,
            awd=clean.awd,
            service_type=clean.service_type,
            priority=clean.priority,
            priority_reason=clean.priority_reason,
            notes=clean.notes,
        )
        self.upsert(row)
        return self.rows[new_id]

    def take_call(
        self, draft: RequestDraft, *, outcome: RequestStatus = RequestStatus.QUEUED
    ) -> RequestRow:
        """Like the real backend: stored and moved together, or not at all."""
        self._check()
        if self.fail_moves is not None:
            clean_request(draft)
            raise self.fail_moves
        row = self.create_request(draft)
        for status in lifecycle.path_to(outcome) if outcome is not RequestStatus.NEW else []:
            row = self.move(row.id, status)
        return row

    def move(
        self,
        request_id: int,
        target: RequestStatus,
        *,
        crew_id: int | None = None,
        reason: str = "",
    ) -> RequestRow:
        self._check()
        if self.fail_moves is not None:
            raise self.fail_moves
        row = self.rows.get(request_id)
        if row is None:
            raise NotFound("not_found.request", key=request_id)
        lifecycle.check_move(row.status, target)
        if target in (RequestStatus.CANCELLED,) and not reason.strip():
            raise ValidationError("reason.required", field="cancel_reason")
        self.moves.append((request_id, target, reason))
        changes: dict[str, Any] = {"status": target, "version": row.version + 1}
        if target is RequestStatus.QUEUED:
            changes.update(queued_at=T0, assign_due_at=T0 + timedelta(minutes=2),
                           arrive_due_at=T0 + timedelta(minutes=60),
                           assigned_crew_id=None, assigned_crew_call_sign=None)  # fmt: skip
        if target is RequestStatus.CANCELLED:
            changes["cancel_reason"] = reason
        crew = self._crew_of(request_id)
        if crew is not None and target in CREW_BUSY_FOR:
            self.upsert_crews(replace(crew, status=CREW_BUSY_FOR[target]))
        elif crew is not None and target not in CREW_BUSY_FOR:
            self.upsert_crews(replace(crew, status=CrewStatus.AVAILABLE, current_request_id=None))
        self.upsert(replace(row, **changes))
        return self.rows[request_id]

    def _crew_of(self, request_id: int) -> CrewRow | None:
        return next(
            (c for c in self.crew_rows.values() if c.current_request_id == request_id), None
        )

    def assign(
        self,
        request_id: int,
        crew_id: int,
        *,
        expected_crew_version: int | None = None,
        eta_minutes: int | None = None,
    ) -> RequestRow:
        self._check()
        row = self.rows[request_id]
        crew = self.crew_rows[crew_id]
        lifecycle.check_move(row.status, RequestStatus.ASSIGNED)
        if crew.status is not CrewStatus.AVAILABLE:
            raise Conflict("crew.not_available", crew=crew.call_sign, status=crew.status.value)
        self.upsert_crews(replace(crew, status=CrewStatus.ASSIGNED, current_request_id=request_id,
                                  version=crew.version + 1))  # fmt: skip
        self.upsert(replace(row, status=RequestStatus.ASSIGNED, assigned_crew_id=crew_id,
                            assigned_crew_call_sign=crew.call_sign, eta_minutes=eta_minutes,
                            assigned_at=T0))  # fmt: skip
        return self.rows[request_id]

    def set_crew_status(
        self, crew_id: int, status: CrewStatus, *, expected_version: int | None = None
    ) -> None:
        self._check()
        crew = self.crew_rows[crew_id]
        if status not in IDLE_CREW_STATUSES:
            raise ValidationError("crew.status_not_settable", field="status", status=status.value)
        if crew.current_request_id is not None:
            raise Conflict("crew.busy", crew=crew.call_sign, status=status.value)
        if expected_version is not None and crew.version != expected_version:
            raise Conflict("crew.changed", crew=crew.call_sign)
        self.upsert_crews(replace(crew, status=status, version=crew.version + 1))

    def upsert(self, *rows: RequestRow) -> int:
        """Store ``rows`` as one write: they all get the next revision."""
        self._revision += 1
        for row in rows:
            self.rows[row.id] = replace(row, revision=self._revision)
        return self._revision

    def _check(self) -> None:
        if self.fail:
            raise ConnectionError("database went away")

    def revision(self) -> int:
        self._check()
        if self.fail_revision:
            raise RuntimeError("revision query failed")
        return self._revision

    def open_requests(self) -> RequestChanges:
        self._check()
        rows = tuple(row for row in self.rows.values() if row.is_open)
        return RequestChanges(revision=self._revision, requests=rows)

    def requests_changed_since(self, revision: int) -> RequestChanges:
        self._check()
        rows = tuple(row for row in self.rows.values() if row.revision > revision)
        return RequestChanges(revision=self._revision, requests=rows)

    def describe(self) -> str:
        return "fake://queue"


@pytest.fixture
def clock() -> FakeClock:
    """A clock standing at :data:`T0`."""
    return FakeClock()


@pytest.fixture
def make_row() -> Callable[..., RequestRow]:
    """The :func:`request_row` factory."""
    return request_row


FakeBackend = FakeQueueSource
"""The same fake under the name of the port it implements."""


@pytest.fixture
def fake_source() -> FakeQueueSource:
    """A backend holding five queued requests (ids 1..5) and three crews (ids 1..3)."""
    return FakeQueueSource(
        (request_row(i) for i in range(1, 6)),
        (crew_row(i) for i in range(1, 4)),
    )


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    """A settings store in a temporary INI file."""
    return QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _leave_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window with a call still open asks first; tests that close it leave.

    (A modal question at teardown would wait for ever.) Tests of the question patch
    ``console.ui.leave_guard.ask`` themselves.
    """
    monkeypatch.setattr("console.ui.leave_guard.ask", lambda *_args: True)


@pytest.fixture(autouse=True)
def _isolated_ui(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """Keep user settings out of reach and leave every test in English."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    install_language(qapp, "en")
    apply_theme(qapp, Theme.LIGHT)
