"""The batch writer: many vehicle fixes in one transaction and one ledger event.

:class:`TelemetryStore` implements :class:`~console.core.field.ports.FixWriter`.
One batch is one transaction: it reads the newest position of the batch's
crews, judges each fix (:mod:`console.core.field.checks`) in time order per
crew, appends the accepted fixes to ``position_fixes``, moves each crew to its
newest fix and, last, takes the chain head to append one ``positions.batch``
event (count, time span, crews, digest) and bump ``position_revision``. The
business ``revision`` is not bumped: caches keyed on it survive position-only
changes, and consoles learn of moves from ``position_revision``.

Lock order is the service layer's (:mod:`console.db.sealing`): on PostgreSQL a
batch joins the dispatch writers (the shared writers' lock), locks its crews'
rows (in id order) as it reads their newest positions, judges and builds every
parameter, and takes the chain head last, in the one statement that also numbers
the event and its ``position_revision``, hashes it on the server, writes the
fixes, the crew moves, the event and the head (as :func:`console.db.sealing.seal`
does for dispatch writes): the head is held for that statement and the commit,
with no round trip back to this process between locking and writing. Two
batches may be written at once (the gateway's writer lanes) provided they hold
no crew in common: they overlap up to the head and seal in turn, so position
revisions still commit in order. SQLite serialises whole transactions anyway.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, insert, or_, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from console.core.errors import StorageError
from console.core.field.area import CellArea
from console.core.field.checks import Area, Previous, judge
from console.core.field.fix import Fix, Verdict, batch_digest
from console.core.field.ports import StoreUnavailable
from console.core.geo import ServiceArea
from console.core.ledger import (
    EventContent,
    canonical_json,
    canonical_pieces,
    chain_hash,
    format_time,
)
from console.db.changes import CHANNEL
from console.db.engine import WRITE_OPTION
from console.db.models import ChainHead, Crew, Event, PositionFix
from console.db.presence.guard import guard_for
from console.db.sealing import share_writers
from console.db.telemetry.trail_check import BATCH_KIND

__all__ = ["BATCH_KIND", "NO_CHANGES", "POSITION_NOTICE", "TelemetryStore", "rounded"]

logger = logging.getLogger(__name__)

NO_CHANGES = "[]"
"""A batch event's row changes: none the records replay follows (see ``image.TELEMETRY_COLUMNS``)."""
POSITION_NOTICE = "p:"
"""Prefix of a batch's PostgreSQL notification payload: ``p:<position_revision>``."""
DEFAULT_ACTOR = "gateway"

Clock = Callable[[], datetime]


def rounded(fix: Fix) -> Fix:
    """``fix`` as it is stored: 7 decimal places of a degree (~1 cm), 2 of every other reading."""
    return Fix(
        fix.device_id,
        fix.crew_id,
        fix.at,
        round(fix.lat, 7),
        round(fix.lon, 7),
        fix.source,
        None if fix.speed_kmh is None else round(fix.speed_kmh, 2),
        None if fix.bearing is None else round(fix.bearing, 2),
        None if fix.altitude_m is None else round(fix.altitude_m, 2),
        None if fix.accuracy_m is None else round(fix.accuracy_m, 2),
        None if fix.battery_pct is None else round(fix.battery_pct, 2),
    )


class TelemetryStore:
    """Stores batches of fixes for the gateway (a :class:`~console.core.field.ports.FixWriter`).

    ``area`` is the service area fixes must lie in (default: the shipped one),
    ``clock`` the receiving clock that bounds fixes from the future, ``actor``
    the name the batch events record. Safe to share between threads: each call
    opens its own connection.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        area: ServiceArea | None = None,
        clock: Clock,
        actor: str = DEFAULT_ACTOR,
    ) -> None:
        self._engine = engine
        self._writer = engine.execution_options(**{WRITE_OPTION: True})
        self._area = CellArea(area if area is not None else ServiceArea.default())
        self._clock = clock
        self._actor = actor

    def write_batch(self, fixes: Sequence[Fix]) -> list[Verdict]:
        """Judge and store ``fixes`` in one transaction; one verdict per fix, in order.

        Raises :class:`StoreUnavailable` (nothing stored) when the database fails.
        """
        if not fixes:
            return []
        batch = [rounded(fix) for fix in fixes]
        try:
            with self._writer.connect() as connection, connection.begin():
                verdicts = self._write(connection, batch)
                guard_for(self._engine).check()
        except SQLAlchemyError as exc:
            logger.warning("a batch of %d fixes was not stored: %s", len(batch), _first_line(exc))
            raise StoreUnavailable(_first_line(exc)) from None
        except StorageError as exc:
            raise StoreUnavailable(str(exc)) from None
        return verdicts

    # ------------------------------------------------------------------ steps

    def _write(self, connection: Connection, batch: list[Fix]) -> list[Verdict]:
        now = self._clock()
        if connection.dialect.name == "postgresql":
            share_writers(connection)
        previous = _newest(connection, {fix.crew_id for fix in batch})
        verdicts = _judge_all(batch, previous, now=now, area=self._area)
        accepted = [
            fix for fix, verdict in zip(batch, verdicts, strict=True) if verdict is Verdict.ACCEPTED
        ]
        if not accepted:
            return verdicts
        newest: dict[int, Fix] = {}
        for fix in accepted:
            held = newest.get(fix.crew_id)
            if held is None or fix.at > held.at:
                newest[fix.crew_id] = fix
        moved = list(newest.values())
        summary: dict[str, object] = {
            "count": len(accepted),
            "first_at": min(fix.at for fix in accepted),
            "last_at": max(fix.at for fix in accepted),
            "crews": len(newest),
            "digest": batch_digest(accepted),
        }
        if connection.dialect.name == "postgresql":
            # Everything is built before the head is locked: the one statement that
            # locks it also numbers, hashes and writes, and only the commit follows.
            _seal_postgresql(
                connection,
                _postgresql_arrays(accepted, moved),
                _Unnumbered(now, self._actor, summary),
            )
            return verdicts
        head = connection.execute(
            select(
                ChainHead.head_hash,
                ChainHead.event_count,
                ChainHead.revision,
                ChainHead.position_revision,
            )
            .where(ChainHead.id == 1)
            .with_for_update()
        ).one()
        seq = head.event_count + 1
        position_revision = head.position_revision + 1
        content = EventContent(
            seq=seq,
            at=now,
            actor=self._actor,
            kind=BATCH_KIND,
            request_id=None,
            crew_id=None,
            payload={**summary, "position_revision": position_revision},
            revision=head.revision,
            changes=NO_CHANGES,
        )
        digest = chain_hash(head.head_hash, content)
        _seal_plain(
            connection, accepted, moved, _Sealed(content, head.head_hash, digest, position_revision)
        )
        return verdicts


@dataclasses.dataclass(frozen=True, slots=True)
class _Unnumbered:
    """A batch event before the chain head numbers it (PostgreSQL numbers it on the server)."""

    at: datetime
    actor: str
    summary: dict[str, object]


@dataclasses.dataclass(frozen=True, slots=True)
class _Sealed:
    content: EventContent
    prev_hash: str
    hash: str
    position_revision: int


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None)
    text_ = str(original if original is not None else exc).strip()
    return text_.splitlines()[0] if text_ else type(exc).__name__


def _newest(connection: Connection, crew_ids: set[int]) -> dict[int, Previous | None]:
    """Each crew's stored newest position (None: none yet); crews that do not exist are left out."""
    found: dict[int, Previous | None] = {}
    rows: Iterable[Any]
    if connection.dialect.name == "postgresql":
        # One array parameter, not one per crew: 500 crews cost one short statement.
        rows = connection.execute(_NEWEST_POSTGRESQL, {"ids": _column(sorted(crew_ids))})
    else:
        rows = connection.execute(
            select(Crew.id, Crew.lat, Crew.lon, Crew.gps_at, Crew.position_revision).where(
                Crew.id.in_(sorted(crew_ids))
            )
        )
    for crew_id, lat, lon, gps_at, position_revision in rows:
        found[crew_id] = (
            None if gps_at is None else Previous(gps_at, lat, lon, moving=bool(position_revision))
        )
    return found


_NEWEST_POSTGRESQL = text(
    "SELECT id, lat, lon, gps_at, position_revision FROM crews "
    "WHERE id = ANY(CAST(string_to_array(:ids, ',') AS integer[])) "
    # Locked until commit, in id order: a dispatch write of one of these crews holds
    # its row while it waits for the chain head, so the rows come first (console.db.sealing).
    "ORDER BY id FOR NO KEY UPDATE"
)


def _judge_all(
    batch: list[Fix],
    previous: dict[int, Previous | None],
    *,
    now: datetime,
    area: Area,
) -> list[Verdict]:
    """The verdict on each fix: per crew in time order, each accepted fix the next one's previous."""
    verdicts: list[Verdict] = [Verdict.STALE] * len(batch)
    by_crew: dict[int, list[int]] = defaultdict(list)
    for index, fix in enumerate(batch):
        by_crew[fix.crew_id].append(index)
    for crew_id, indexes in by_crew.items():
        if crew_id not in previous:
            # No such crew (removed since its device was resolved): nothing to move.
            continue
        last = previous[crew_id]
        for index in sorted(indexes, key=lambda i: batch[i].at):
            fix = batch[index]
            verdict = judge(fix, last, now=now, area=area)
            verdicts[index] = verdict
            if verdict is Verdict.ACCEPTED:
                last = Previous(fix.at, fix.lat, fix.lon)
    return verdicts


def _fix_rows(seq: int, fixes: list[Fix]) -> list[dict[str, Any]]:
    return [
        {
            "batch_seq": seq,
            "device_id": fix.device_id,
            "crew_id": fix.crew_id,
            "at": fix.at,
            "lat": fix.lat,
            "lon": fix.lon,
            "source": fix.source.value,
            "speed_kmh": fix.speed_kmh,
            "bearing": fix.bearing,
            "altitude_m": fix.altitude_m,
            "accuracy_m": fix.accuracy_m,
            "battery_pct": fix.battery_pct,
        }
        for fix in fixes
    ]


def _event_values(sealed: _Sealed) -> dict[str, Any]:
    content = sealed.content
    return {
        "seq": content.seq,
        "at": content.at,
        "actor": content.actor,
        "kind": content.kind,
        "request_id": None,
        "crew_id": None,
        "payload": canonical_json(content.payload),
        "changes": content.changes,
        "prev_hash": sealed.prev_hash,
        "hash": sealed.hash,
        "revision": content.revision,
    }


def _seal_plain(
    connection: Connection, accepted: list[Fix], newest: list[Fix], sealed: _Sealed
) -> None:
    """SQLite (already holding the write lock since BEGIN IMMEDIATE): one statement per step."""
    seq = sealed.content.seq
    connection.execute(insert(PositionFix), _fix_rows(seq, accepted))
    connection.execute(
        update(Crew)
        .where(
            Crew.id == bindparam("crew"),
            or_(
                Crew.gps_at.is_(None),
                Crew.gps_at < bindparam("fixed_at", type_=Crew.gps_at.type),
            ),
        )
        .values(
            lat=bindparam("new_lat"),
            lon=bindparam("new_lon"),
            gps_at=bindparam("fixed_at"),
            position_revision=sealed.position_revision,
        ),
        [
            {"crew": fix.crew_id, "new_lat": fix.lat, "new_lon": fix.lon, "fixed_at": fix.at}
            for fix in newest
        ],
    )
    connection.execute(insert(Event).values(**_event_values(sealed)))
    connection.execute(
        update(ChainHead)
        .where(ChainHead.id == 1)
        .values(head_hash=sealed.hash, event_count=seq, position_revision=sealed.position_revision)
    )


def _column(values: Iterable[object]) -> str:
    """One array parameter as comma-separated text (``""`` for NULL), parsed by the server.

    Far cheaper than the driver adapting lists element by element; ``repr`` of a
    float reads back as the same float, and times travel as whole microseconds
    since the epoch, so nothing is rounded on the way.
    """
    return ",".join("" if value is None else str(value) for value in values)


def _floats(values: Iterable[float | None]) -> str:
    return ",".join("" if value is None else repr(value) for value in values)


def _micros(moment: datetime) -> int:
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _array(name: str, kind: str) -> str:
    return f"CAST(string_to_array(:{name}, ',', '') AS {kind}[])"


def _instant(column: str) -> str:
    return f"TIMESTAMPTZ 'epoch' + {column} * INTERVAL '1 microsecond'"


_SEAL_POSTGRESQL = text(
    f"""
WITH head AS (
    SELECT head_hash AS prev, event_count + 1 AS seq, revision,
           position_revision + 1 AS position_revision
    FROM chain_head WHERE id = 1 FOR UPDATE
),
numbered AS (
    SELECT prev, seq, revision, position_revision,
           encode(sha256(convert_to(concat(prev, CAST(:canonical_a AS text), position_revision,
                                           CAST(:canonical_b AS text), revision,
                                           CAST(:canonical_c AS text), seq, '}}'),
                                    'UTF8')), 'hex') AS hash
    FROM head
),
fixes AS (
    INSERT INTO position_fixes (batch_seq, device_id, crew_id, at, lat, lon, source,
                                speed_kmh, bearing, altitude_m, accuracy_m, battery_pct)
    SELECT (SELECT seq FROM numbered), f.device_id, f.crew_id, {_instant("f.at_us")}, f.lat,
           f.lon, f.source, f.speed_kmh, f.bearing, f.altitude_m, f.accuracy_m, f.battery_pct
    FROM unnest({_array("device_ids", "integer")}, {_array("crew_ids", "integer")},
                {_array("ats", "bigint")}, {_array("lats", "float8")}, {_array("lons", "float8")},
                {_array("sources", "varchar")}, {_array("speeds", "float8")},
                {_array("bearings", "float8")}, {_array("altitudes", "float8")},
                {_array("accuracies", "float8")}, {_array("batteries", "float8")})
         WITH ORDINALITY AS f(device_id, crew_id, at_us, lat, lon, source, speed_kmh, bearing,
                              altitude_m, accuracy_m, battery_pct, n)
    ORDER BY f.n
),
moved AS (
    UPDATE crews AS c
    SET lat = m.lat, lon = m.lon, gps_at = {_instant("m.at_us")},
        position_revision = (SELECT position_revision FROM numbered)
    FROM unnest({_array("moved_ids", "integer")}, {_array("moved_lats", "float8")},
                {_array("moved_lons", "float8")}, {_array("moved_ats", "bigint")})
         AS m(id, lat, lon, at_us)
    WHERE c.id = m.id AND (c.gps_at IS NULL OR c.gps_at < {_instant("m.at_us")})
),
appended AS (
    INSERT INTO events (seq, at, actor, kind, request_id, crew_id, payload, changes,
                        prev_hash, hash, revision)
    SELECT seq, :event_at, :actor, :kind, NULL, NULL,
           concat(CAST(:payload_a AS text), position_revision, CAST(:payload_b AS text)),
           :changes, prev, hash, revision
    FROM numbered
),
sealed AS (
    UPDATE chain_head AS h
    SET head_hash = n.hash, event_count = n.seq, position_revision = n.position_revision
    FROM numbered AS n
    WHERE h.id = 1
)
SELECT prev, seq, revision, position_revision, hash,
       pg_notify(:channel || '.' || current_schema(), concat(CAST(:notice AS text), position_revision))
FROM numbered
"""
)
"""Lock the chain head, number and hash the event on the server, write the fixes, the crews'
moves, the event and the head, and announce: one statement, so the head is held for it and
the commit alone. The canonical text is cut where the server's numbers go."""


_PAYLOAD_TAIL = '"position_revision":0}'
"""How a batch payload's canonical JSON ends (sorted keys: ``position_revision`` is last)."""


def _cut_payload(summary: dict[str, object]) -> tuple[str, str]:
    """The canonical payload JSON cut where the server writes the position revision."""
    payload = canonical_json({**summary, "position_revision": 0})
    if not payload.endswith(_PAYLOAD_TAIL):
        raise RuntimeError("a batch payload's position revision is not its last key")
    return payload[: -len("0}")], "}"


def _postgresql_arrays(accepted: list[Fix], newest: list[Fix]) -> dict[str, str]:
    """The sealing statement's array parameters (built before the chain head is locked)."""
    return {
        "device_ids": _column(fix.device_id for fix in accepted),
        "crew_ids": _column(fix.crew_id for fix in accepted),
        "ats": _column(_micros(fix.at) for fix in accepted),
        "lats": _floats(fix.lat for fix in accepted),
        "lons": _floats(fix.lon for fix in accepted),
        "sources": _column(fix.source.value for fix in accepted),
        "speeds": _floats(fix.speed_kmh for fix in accepted),
        "bearings": _floats(fix.bearing for fix in accepted),
        "altitudes": _floats(fix.altitude_m for fix in accepted),
        "accuracies": _floats(fix.accuracy_m for fix in accepted),
        "batteries": _floats(fix.battery_pct for fix in accepted),
        "moved_ids": _column(fix.crew_id for fix in newest),
        "moved_lats": _floats(fix.lat for fix in newest),
        "moved_lons": _floats(fix.lon for fix in newest),
        "moved_ats": _column(_micros(fix.at) for fix in newest),
    }


def _seal_postgresql(connection: Connection, arrays: dict[str, str], event: _Unnumbered) -> _Sealed:
    """PostgreSQL: lock and number, fixes, crew moves, the event, the head, the notice at once.

    The server hashes the event from the pieces sent and the numbers it took; the
    writer recomputes the hash (:func:`console.core.ledger.chain_hash`) and rolls
    back if it differs, so the chain is exactly what ``verify`` recomputes.
    """
    payload_a, payload_b = _cut_payload(event.summary)
    marker = "\x00"  # cannot occur in canonical JSON (escaped there): cuts the first piece once
    first, revision_to_seq = canonical_pieces(
        at=format_time(event.at),
        actor=event.actor,
        kind=BATCH_KIND,
        request_id=None,
        crew_id=None,
        payload_json=payload_a + marker + payload_b,
        changes_pieces=[NO_CHANGES],
    )
    canonical_a, canonical_b = first.split(marker)
    row = connection.execute(
        _SEAL_POSTGRESQL,
        {
            **arrays,
            "canonical_a": canonical_a,
            "canonical_b": canonical_b,
            "canonical_c": revision_to_seq,
            "event_at": event.at,
            "actor": event.actor,
            "kind": BATCH_KIND,
            "payload_a": payload_a,
            "payload_b": payload_b,
            "changes": NO_CHANGES,
            "channel": CHANNEL,
            "notice": POSITION_NOTICE,
        },
    ).one()
    content = EventContent(
        seq=int(row.seq),
        at=event.at,
        actor=event.actor,
        kind=BATCH_KIND,
        request_id=None,
        crew_id=None,
        payload={**event.summary, "position_revision": int(row.position_revision)},
        revision=int(row.revision),
        changes=NO_CHANGES,
    )
    if chain_hash(str(row.prev), content) != row.hash:
        raise RuntimeError(f"batch event {row.seq} was hashed differently by the server")
    return _Sealed(content, str(row.prev), str(row.hash), int(row.position_revision))
