"""A large, valid ledger with row changes and the rows it implies, built fast.

Service calls would take hours for a million events, so the events are made
straight from the core hash functions: one seed event (partner, depots, crews),
then a busy shift's pattern per request (created, queued, assigned, en route,
on scene, completed, a crew position), each carrying the row changes it made.
The final rows are bulk-inserted, so ``verify`` (chain and replay) says ok.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, update

from console.core.ledger import GENESIS_HASH, EventContent, canonical_json, chain_hash
from console.db import schema
from console.db.models import ChainHead, Crew, Depot, Event, Partner, Request
from console.db.records.image import TableImage, image

START = datetime(2026, 11, 23, tzinfo=UTC)
CREWS = 400
DEPOTS = 10
STEPS = ("request.created", "request.queued", "request.assigned", "request.en_route",
         "request.on_scene", "request.completed", "crew.position")  # fmt: skip
_CHUNK = 10_000


def _image(name: str) -> TableImage:
    found = image(name)
    assert found is not None
    return found


def _full(found: TableImage, values: dict[str, Any]) -> dict[str, Any]:
    return {name: values.get(name) for name in found.plain}


def _reference_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    partners = [{"id": 1, "code": "P1", "name_zh": "安途", "name_en": "Antu", "phone": "4008100100",
                 "revision": 1}]  # fmt: skip
    depots = [
        {"id": d, "code": f"D{d:02d}", "name_zh": f"网点{d}", "name_en": f"Depot {d}",
         "city_zh": "杭州", "city_en": "Hangzhou", "province_zh": "浙江", "province_en": "Zhejiang",
         "adcode": "330100", "lat": 30.2 + d / 100, "lon": 120.1 + d / 100, "partner_id": 1,
         "phone": "057112345678", "revision": 1}
        for d in range(1, DEPOTS + 1)
    ]  # fmt: skip
    crews = [
        {"id": c, "call_sign": f"HZ-{c:04d}", "depot_id": c % DEPOTS + 1,
         "vehicle_kind": "FLATBED", "skills": [], "status": "AVAILABLE", "lat": 30.25,
         "lon": 120.15, "gps_at": None, "status_since": None, "shift": "DAY",
         "current_request_id": None, "version": 1, "revision": 1}
        for c in range(1, CREWS + 1)
    ]  # fmt: skip
    return partners, depots, crews


def _request(request_id: int, at: datetime, revision: int) -> dict[str, Any]:
    return {"id": request_id, "reference": f"RA-{request_id:08d}", "status": "NEW",
            "priority": "P2", "priority_reason": "", "service_type": "TOW", "created_at": at,
            "updated_at": at, "queued_at": None, "assign_due_at": None, "arrive_due_at": None,
            "assigned_at": None, "closed_at": None, "caller_name": "王先生",
            "caller_phone": "13800138000", "caller_language": "zh", "plate": "浙A12345",
            "make_model": "", "powertrain": "ICE", "vehicle_class": "CAR", "awd": False,
            "lat": 30.27, "lon": 120.16, "address": "文三路 1 号", "city": "杭州",
            "road_type": "URBAN", "assigned_crew_id": None, "eta_minutes": None,
            "quote_cny": None, "notes": "", "guidance_path": [], "cancel_reason": "",
            "version": 1, "revision": revision, "guidance_protocol": None, "guidance_code": None,
            "required_kinds": None, "arrived_at": None}  # fmt: skip


class LedgerBuilder:
    """Makes ``count`` chained events with changes, and the rows they leave."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.head = GENESIS_HASH
        self.requests: dict[int, dict[str, Any]] = {}
        self.crews: dict[int, dict[str, Any]] = {}
        self.partners: list[dict[str, Any]] = []
        self.depots: list[dict[str, Any]] = []

    def events(self) -> Iterator[dict[str, Any]]:
        """Every event row in order (the final rows are complete once this is exhausted)."""
        requests, crews = _image("requests"), _image("crews")
        self.partners, self.depots, crew_rows = _reference_rows()
        self.crews = {row["id"]: row for row in crew_rows}
        seed = [{"id": r["id"], "new": _full(_image("partners"), r), "t": "partners"}
                for r in self.partners]  # fmt: skip
        seed += [{"id": r["id"], "new": _full(_image("depots"), r), "t": "depots"}
                 for r in self.depots]  # fmt: skip
        seed += [{"id": r["id"], "new": crews.row(r), "t": "crews"} for r in crew_rows]
        yield self._event(
            1,
            "dataset.seeded",
            request_id=None,
            crew_id=None,
            payload={"crews": CREWS},
            changes=seed,
        )
        for seq in range(2, self.count + 1):
            step = (seq - 2) % len(STEPS)
            request_id = (seq - 2) // len(STEPS) + 1
            crew_id = request_id % CREWS + 1
            at = START + timedelta(seconds=seq)
            kind = STEPS[step]
            if step == 0:
                row = _request(request_id, at, seq)
                self.requests[request_id] = row
                changes = [{"id": request_id, "new": requests.row(row), "t": "requests"}]
            elif step == len(STEPS) - 1:
                crew = self.crews[crew_id]
                values = {"lat": 30.2 + (seq % 97) / 1000, "lon": 120.1 + (seq % 89) / 1000,
                          "gps_at": at, "revision": seq}  # fmt: skip
                crew.update(values)
                changes = [{"id": crew_id, "set": crews.row(values), "t": "crews"}]
            else:
                row = self.requests[request_id]
                status = kind.split(".")[1].upper()
                values = {"status": status, "updated_at": at, "version": row["version"] + 1,
                          "revision": seq}  # fmt: skip
                if status == "QUEUED":
                    values["queued_at"] = at
                elif status == "ASSIGNED":
                    values.update(assigned_at=at, assigned_crew_id=crew_id, eta_minutes=seq % 50)
                elif status == "ON_SCENE":
                    values["arrived_at"] = at
                elif status == "COMPLETED":
                    values["closed_at"] = at
                row.update(values)
                changes = [{"id": request_id, "set": requests.row(values), "t": "requests"}]
            payload = {"reference": f"RA-{request_id:08d}", "step": kind}
            yield self._event(
                seq, kind, request_id=request_id, crew_id=crew_id, payload=payload, changes=changes
            )

    def _event(
        self,
        seq: int,
        kind: str,
        *,
        request_id: int | None,
        crew_id: int | None,
        payload: dict[str, Any],
        changes: list[dict[str, Any]],
    ) -> dict[str, Any]:
        text = canonical_json(changes)
        content = EventContent(seq, START + timedelta(seconds=seq), "console:dispatcher", kind,
                               request_id, crew_id, payload, seq, text)  # fmt: skip
        digest = chain_hash(self.head, content)
        row = {"seq": seq, "at": content.at, "actor": content.actor, "kind": kind,
               "request_id": request_id, "crew_id": crew_id, "payload": canonical_json(payload),
               "prev_hash": self.head, "hash": digest, "revision": seq,
               "changes": text}  # fmt: skip
        self.head = digest
        return row


def fill(engine: Engine, count: int) -> None:
    """Bring ``engine``'s database to the head schema and store a ``count``-event ledger and rows."""
    schema.ensure_schema(engine, auto_upgrade=True)
    builder = LedgerBuilder(count)
    with engine.begin() as connection:
        batch: list[dict[str, Any]] = []
        for row in builder.events():
            batch.append(row)
            if len(batch) == _CHUNK:
                connection.execute(insert(Event), batch)
                batch = []
        if batch:
            connection.execute(insert(Event), batch)
        connection.execute(insert(Partner), builder.partners)
        connection.execute(insert(Depot), builder.depots)
        connection.execute(insert(Crew), list(builder.crews.values()))
        rows = list(builder.requests.values())
        for start in range(0, len(rows), _CHUNK):
            connection.execute(insert(Request), rows[start : start + _CHUNK])
        connection.execute(
            update(ChainHead).values(event_count=count, head_hash=builder.head, revision=count + 1)
        )
