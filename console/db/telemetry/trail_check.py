"""Checking the stored trail against the ledger's batch events (part of ``verify``).

Each ``positions.batch`` event records its fixes' count, time span and digest;
the stored ``position_fixes`` rows of that batch (``batch_seq`` = the event's
``seq``) must reproduce all three. Batches a ``positions.pruned`` event covers
may be gone. Each crew a batch moved last (``position_revision`` above 0) must
stand where its newest fix in that batch says. Every problem is one line naming
the batch and the crews.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from console.core.field.fix import Fix, FixSource, batch_digest
from console.core.ledger import format_time
from console.db.models import Crew, Device, PositionFix

__all__ = ["BATCH_KIND", "PRUNED_KIND", "BatchLog", "trail_differences"]

BATCH_KIND = "positions.batch"
PRUNED_KIND = "positions.pruned"
KINDS = frozenset({BATCH_KIND, PRUNED_KIND})
"""The event kinds the trail check reads from the chain."""

_BATCH = 5000
_SOURCES = frozenset(source.value for source in FixSource)
_NAMED = 5
"""Most crews one line names."""


@dataclass
class BatchLog:
    """The trail's events as the chain verification reads them: batches and prunes."""

    batches: dict[int, Any] = field(default_factory=dict)
    """``seq`` -> the batch event's payload (None when unreadable)."""
    pruned_through: int = 0
    """Batches up to this ``seq`` may have been pruned."""
    unreadable: list[int] = field(default_factory=list)

    def note(self, seq: int, kind: str, payload_json: str) -> None:
        """Keep what an event of one of :data:`KINDS` says."""
        try:
            payload = json.loads(payload_json)
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            self.unreadable.append(seq)
            return
        if kind == BATCH_KIND:
            self.batches[seq] = payload
        elif isinstance(payload.get("through_seq"), int):
            self.pruned_through = max(self.pruned_through, payload["through_seq"])


@dataclass
class _Newest:
    """The newest fix of one crew in the batch that moved it last."""

    at: datetime
    lat: float
    lon: float


def _fix(row: Any) -> Fix | None:
    """The stored row as a fix, or None when it cannot be one (its digest can never match)."""
    if row.source not in _SOURCES:
        return None
    return Fix(
        device_id=row.device_id,
        crew_id=row.crew_id,
        at=row.at,
        lat=row.lat,
        lon=row.lon,
        source=FixSource(row.source),
        speed_kmh=row.speed_kmh,
        bearing=row.bearing,
        altitude_m=row.altitude_m,
        accuracy_m=row.accuracy_m,
        battery_pct=row.battery_pct,
    )


def _named(crews: set[int], call_signs: dict[int, str]) -> str:
    names = sorted(call_signs.get(crew, f"crew id {crew}") for crew in crews)
    shown = ", ".join(names[:_NAMED])
    more = len(names) - _NAMED
    return shown + (f" and {more} more" if more > 0 else "")


def trail_differences(connection: Connection, log: BatchLog) -> Iterator[str]:
    """Every way the stored trail and the moved crews differ from the batch events, one line each."""
    for seq in log.unreadable:
        yield f"event {seq} ({BATCH_KIND}/{PRUNED_KIND}) has an unreadable payload"
    call_signs = dict(connection.execute(select(Crew.id, Crew.call_sign)).all())
    owners = dict(connection.execute(select(Device.id, Device.crew_id)).all())
    batch_of_revision = {
        payload.get("position_revision"): seq for seq, payload in log.batches.items()
    }
    moved: dict[int, tuple[int, float, float, datetime | None]] = {}
    wanted: dict[int, int] = {}
    for crew_id, lat, lon, gps_at, revision in connection.execute(
        select(Crew.id, Crew.lat, Crew.lon, Crew.gps_at, Crew.position_revision).where(
            Crew.position_revision > 0
        )
    ):
        moved_by = batch_of_revision.get(revision)
        if moved_by is None:
            yield (
                f"crew {call_signs[crew_id]} was moved by position revision {revision}, "
                "which no batch event records"
            )
            continue
        moved[crew_id] = (moved_by, lat, lon, gps_at)
        wanted[crew_id] = moved_by
    newest: dict[int, _Newest] = {}
    seen: set[int] = set()
    rows = connection.execution_options(yield_per=_BATCH).execute(
        select(PositionFix).order_by(PositionFix.batch_seq, PositionFix.id)
    )
    current: int | None = None
    group: list[Fix | None] = []
    crews_of_group: set[int] = set()
    for row in rows:
        if row.batch_seq != current:
            if current is not None:
                yield from _check_batch(current, group, crews_of_group, log, call_signs)
            current, group, crews_of_group = row.batch_seq, [], set()
            seen.add(current)
        fix = _fix(row)
        group.append(fix)
        crews_of_group.add(row.crew_id)
        if fix is None:
            continue
        owner = owners.get(fix.device_id)
        if owner is not None and owner != fix.crew_id:
            yield (
                f"batch {row.batch_seq}: fix id {row.id} of crew {_named({fix.crew_id}, call_signs)} "
                f"is from device {fix.device_id}, which belongs to {_named({owner}, call_signs)}"
            )
        if wanted.get(fix.crew_id) == row.batch_seq:
            held = newest.get(fix.crew_id)
            if held is None or fix.at >= held.at:
                newest[fix.crew_id] = _Newest(fix.at, fix.lat, fix.lon)
    if current is not None:
        yield from _check_batch(current, group, crews_of_group, log, call_signs)
    for seq, payload in sorted(log.batches.items()):
        if seq not in seen and seq > log.pruned_through:
            yield f"batch {seq}: its {payload.get('count')} fixes are missing"
    for crew_id, (seq, lat, lon, gps_at) in sorted(moved.items()):
        found = newest.get(crew_id)
        if found is None:
            if seq in seen or seq > log.pruned_through:
                yield f"crew {call_signs[crew_id]}: batch {seq} that moved it holds no fix of it"
            continue
        if (found.lat, found.lon, found.at) != (lat, lon, gps_at):
            yield (
                f"crew {call_signs[crew_id]} stands at {lat}, {lon} "
                f"({_time(gps_at)}), but its newest fix in batch {seq} says "
                f"{found.lat}, {found.lon} ({_time(found.at)})"
            )


def _time(value: datetime | None) -> str:
    return "no time" if value is None else format_time(value)


def _check_batch(
    seq: int,
    group: list[Fix | None],
    crew_ids: set[int],
    log: BatchLog,
    call_signs: dict[int, str],
) -> Iterator[str]:
    payload = log.batches.get(seq)
    crews = _named(crew_ids, call_signs)
    fixes = [fix for fix in group if fix is not None]
    if payload is None:
        yield f"batch {seq}: {len(fixes)} stored fixes ({crews}) belong to no batch event"
        return
    problems = []
    if len(fixes) < len(group):
        problems.append(f"{len(group) - len(fixes)} stored fixes are unreadable")
    if payload.get("count") != len(group):
        problems.append(f"{len(group)} fixes stored, the ledger says {payload.get('count')}")
    first = format_time(min(fix.at for fix in fixes)) if fixes else None
    last = format_time(max(fix.at for fix in fixes)) if fixes else None
    if fixes and (payload.get("first_at"), payload.get("last_at")) != (first, last):
        problems.append(
            f"the fixes span {first} to {last}, the ledger says "
            f"{payload.get('first_at')} to {payload.get('last_at')}"
        )
    try:
        digest = batch_digest(fixes)
    except (AttributeError, TypeError, ValueError):
        digest = "unreadable"
    if not problems and payload.get("digest") != digest:
        problems.append("the fixes' digest differs from the ledger's")
    if problems:
        yield f"batch {seq} ({crews}): " + "; ".join(problems)
