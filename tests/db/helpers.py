"""Small helpers shared by the data-layer tests."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from console.core import lifecycle
from console.core.intake import RequestDraft
from console.core.ledger import GENESIS_HASH, EventContent, canonical_json, chain_hash
from console.core.pricing import ActualFacts, QuoteQuery
from console.core.records import RequestRow
from console.core.vocab import (
    CrewStatus,
    Powertrain,
    RequestStatus,
    RoadType,
    ServiceType,
    VehicleClass,
)
from console.db.backend import DatabaseBackend
from console.db.models import ChainHead, Crew, Event, Request
from console.db.services import Services
from tests.support.principals import desk


def draft(**overrides: object) -> RequestDraft:
    """A valid intake in Hangzhou; override any field."""
    values: dict[str, object] = {
        "caller_phone": "138 0571 0000",
        "lat": 30.26,
        "lon": 120.17,
        "service_type": ServiceType.TOW,
        "caller_name": "王伟",
        "plate": "浙A12345",
        "address": "杭州 中山路 100号",
        "city": "杭州",
    }
    values.update(overrides)
    return RequestDraft(**values)  # type: ignore[arg-type]


def state(engine: Engine) -> tuple[int, int, int]:
    """(revision, ledger events, requests): what a failed write must leave untouched."""
    with Session(engine) as session:
        head = session.get(ChainHead, 1)
        assert head is not None
        requests = session.scalar(select(func.count()).select_from(Request)) or 0
        events = session.scalar(select(func.count()).select_from(Event)) or 0
        return head.revision, events, requests


def free_crew(engine: Engine) -> int:
    """Any available crew's id."""
    with Session(engine) as session:
        crew_id = session.scalar(
            select(Crew.id).where(Crew.status == CrewStatus.AVAILABLE.value).order_by(Crew.id)
        )
        assert crew_id is not None, "no crew available"
        return crew_id


def drive_to(
    services: Services, engine: Engine, target: RequestStatus, **overrides: object
) -> RequestRow:
    """A new request moved along the shortest legal path to ``target``."""
    row = services.create_request(draft(**overrides))
    for status in lifecycle.path_to(target):
        crew = free_crew(engine) if status is RequestStatus.ASSIGNED else None
        row = services.move(row.id, status, crew_id=crew, reason="test")
    assert row.status is target
    return row


def as_written_before_row_changes(engine: Engine) -> None:
    """Make the ledger look written by a console from before events carried row changes.

    Every event loses its changes and the chain is recomputed without them, as
    that console would have hashed it (a database to upgrade, or to step down).
    """
    with engine.begin() as connection:
        rows = [dict(r._mapping) for r in connection.execute(select(Event).order_by(Event.seq))]
        prev = GENESIS_HASH
        for row in rows:
            content = EventContent(row["seq"], row["at"], row["actor"], row["kind"],
                                   row["request_id"], row["crew_id"], json.loads(row["payload"]),
                                   row["revision"])  # fmt: skip
            digest = chain_hash(prev, content)
            connection.execute(
                update(Event)
                .where(Event.seq == row["seq"])
                .values(changes=None, prev_hash=prev, hash=digest)
            )
            prev = digest
        connection.execute(update(ChainHead).values(head_hash=prev))


def as_written_before_table(engine: Engine, table: str) -> None:
    """Make the ledger look written by a console from before ``table`` existed.

    ``table``'s rows leave every event's changes and the chain is recomputed, as
    that console would have hashed it (a database to upgrade from an older schema).
    """
    with engine.begin() as connection:
        rows = [dict(r._mapping) for r in connection.execute(select(Event).order_by(Event.seq))]
        prev = GENESIS_HASH
        for row in rows:
            changes = row["changes"]
            if changes is not None:
                kept = [entry for entry in json.loads(changes) if entry["t"] != table]
                changes = canonical_json(kept)
            content = EventContent(row["seq"], row["at"], row["actor"], row["kind"],
                                   row["request_id"], row["crew_id"], json.loads(row["payload"]),
                                   row["revision"], changes)  # fmt: skip
            digest = chain_hash(prev, content)
            connection.execute(
                update(Event)
                .where(Event.seq == row["seq"])
                .values(changes=changes, prev_hash=prev, hash=digest)
            )
            prev = digest
        connection.execute(update(ChainHead).values(head_hash=prev))


def bill_an_ev_tow(engine: Engine) -> RequestRow:
    """Take, quote, tow (83 km against 80 quoted) and bill one EV call on a seeded database.

    The database is one seeded ``--requests 0 --at 2026-11-23T10:00:00+08:00``:
    the caller's plate is covered by the MAKER-EV programme.
    """
    backend = DatabaseBackend(engine, principal=desk("test"),
                              clock=lambda: datetime(2026, 11, 23, 2, tzinfo=UTC))  # fmt: skip
    row = backend.take_call(draft(plate="浙AD12345", powertrain="EV"))
    backend.accept_quote(
        row.id,
        QuoteQuery(ServiceType.TOW, RoadType.URBAN, VehicleClass.CAR, Powertrain.EV, 30.26, 120.17,
                   city="杭州", lookup="123456", tow_km=Decimal(80)),
    )  # fmt: skip
    crew = next(c for c in backend.crews() if c.vehicle_kind.value == "FLATBED"
                and c.status.value == "AVAILABLE")  # fmt: skip
    backend.assign(row.id, crew.id)
    for target in (RequestStatus.EN_ROUTE, RequestStatus.ON_SCENE, RequestStatus.TOWING):
        backend.move(row.id, target)
    backend.complete_with_bill(row.id, ActualFacts(Decimal(83)))
    return row
