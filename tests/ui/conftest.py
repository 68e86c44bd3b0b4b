"""Fixtures for the Qt tests: a fake queue source, a fake clock, isolated settings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from console.core.records import RequestChanges, RequestRow
from console.core.vocab import (
    CallerLanguage,
    Powertrain,
    Priority,
    RequestStatus,
    RoadType,
    ServiceType,
    VehicleClass,
)
from console.ui.i18n import install_language

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


class FakeQueueSource:
    """An in-memory :class:`console.core.ports.QueueSource` with a revision counter."""

    def __init__(self, rows: Iterable[RequestRow] = ()) -> None:
        self._revision = 0
        self.rows: dict[int, RequestRow] = {}
        self.fail = False
        self.fail_revision = False
        self.upsert(*rows)

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


@pytest.fixture
def fake_source() -> FakeQueueSource:
    """A source holding five queued requests (ids 1..5)."""
    return FakeQueueSource(request_row(i) for i in range(1, 6))


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    """A settings store in a temporary INI file."""
    return QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _isolated_ui(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """Keep user settings out of reach and leave every test in English."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    install_language(qapp, "en")
