"""Reads the stored ledger back and checks its hash chain (optionally against a
checkpoint) and, by replaying the row changes its events carry, the stored rows."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, select

from console.core.ledger import (
    GENESIS_HASH,
    ChainLink,
    ChainReport,
    Checkpoint,
    event_canonical,
    format_time,
    verify_links,
)
from console.core.replay import Replay, ReplayError
from console.db.engine import describe_url
from console.db.models import ChainHead, Event
from console.db.records import verify as records_module
from console.db.records.image import time_text
from console.db.records.resume import ResumeState
from console.db.telemetry.trail_check import KINDS as TRAIL_KINDS
from console.db.telemetry.trail_check import BatchLog, trail_differences

_BATCH = 5000

_EVENT_COLUMNS = (
    Event.seq,
    Event.at,
    Event.actor,
    Event.kind,
    Event.request_id,
    Event.crew_id,
    Event.revision,
    Event.payload,
    Event.prev_hash,
    Event.hash,
    Event.changes,
)


_UNREADABLE = "unreadable"
"""Stands for an event whose stored columns cannot even be read: its hash can never match."""


def _links(
    connection: Connection,
    replay: Replay | None,
    trail: BatchLog | None = None,
    after: int = 0,
) -> Iterator[ChainLink]:
    # Plain rows in batches, never ORM objects: a 100,000-event ledger verifies in seconds.
    # The time column comes back raw and is converted here, so a corrupted value
    # breaks the chain at its event instead of stopping the read.
    dialect = connection.dialect
    read_time = Event.__table__.c.at.type.dialect_impl(dialect).result_processor(dialect, None)
    raw_at = time_text(Event.at, dialect.name)
    result = connection.execution_options(yield_per=_BATCH).execute(
        select(Event.seq, raw_at, *_EVENT_COLUMNS[2:]).where(Event.seq > after).order_by(Event.seq)
    )
    accepted: list[tuple[int, str | None]] = []
    pending: tuple[int, str | None] | None = None
    for (
        seq,
        at,
        actor,
        kind,
        request_id,
        crew_id,
        revision,
        payload,
        prev,
        digest,
        changes,
    ) in result:
        if pending is not None and replay is not None:
            # Asked for the next link: the chain accepted the previous one, so it may be replayed.
            accepted.append(pending)
            if len(accepted) >= _BATCH:
                replay.apply_many(accepted)
                accepted = []
        pending = (seq, changes)
        if trail is not None and kind in TRAIL_KINDS:
            trail.note(seq, kind, payload)
        try:
            canonical = event_canonical(
                seq=seq,
                at=_stored_time(at, read_time),
                actor=actor,
                kind=kind,
                request_id=request_id,
                crew_id=crew_id,
                revision=revision,
                payload_json=payload,
                changes_json=changes,
            )
        except (ValueError, TypeError, AttributeError):
            canonical = _UNREADABLE
        yield ChainLink(seq, canonical, prev, digest)
    if pending is not None and replay is not None:
        accepted.append(pending)
        replay.apply_many(accepted)


def _stored_time(raw: object, read_time: Callable[[Any], Any] | None) -> str:
    """The :func:`format_time` spelling of a stored event time, from its raw column value."""
    if isinstance(raw, str) and len(raw) == _SQLITE_TIME_LENGTH and raw[10] == " ":
        # SQLite keeps UTC as "YYYY-MM-DD HH:MM:SS.ffffff": respelt without parsing (fast).
        return f"{raw[:10]}T{raw[11:]}Z"
    if isinstance(raw, str) and len(raw) == _SQLITE_TIME_LENGTH + 1 and raw[10] == "T":
        return raw  # spelt by PostgreSQL (see time_text)
    return format_time(cast(datetime, read_time(raw) if read_time is not None else raw))


_SQLITE_TIME_LENGTH = len("2026-11-23 07:30:00.000000")


def _snapshot(engine: Engine) -> Connection:
    """A connection whose reads all see one moment, however many writers run meanwhile."""
    connection = engine.connect()
    if engine.dialect.name == "postgresql":
        # READ COMMITTED would let a writer commit between reading the head and the events.
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
    return connection


def verify_ledger(
    engine: Engine, checkpoint: Checkpoint | None = None, *, records: bool = True
) -> ChainReport:
    """Recompute the whole chain and compare it with the recorded head (and ``checkpoint``).

    With ``records`` (the default), also replay the row changes the events carry
    and compare every ledgered table with the result: the report then lists the
    rows that differ (``differences``, ``difference_count``) and is not ok if any do.
    """
    return _verify(engine, checkpoint, records, None)[0]


def verify_resuming(
    engine: Engine, state: ResumeState | None
) -> tuple[ChainReport, ResumeState | None]:
    """:func:`verify_ledger` from where ``state`` left off (None: from the first event).

    The events up to ``state.count`` are not recomputed: event ``state.count``
    must still carry ``state.head_hash``, the chain must continue from it, and
    the new events' row changes are folded into the state's replay. Only the
    rows those new events wrote are compared with the replay (and every ledgered
    table's row count, and the trail): a row altered without an event that no
    new event touched is found by a full verification, not here. Returns the
    report and, when it is ok, the state to resume from next time.
    """
    return _verify(engine, None, True, state)


def _verify(
    engine: Engine, checkpoint: Checkpoint | None, records: bool, state: ResumeState | None
) -> tuple[ChainReport, ResumeState | None]:
    with _snapshot(engine) as connection, connection.begin():
        head = connection.execute(
            select(ChainHead.event_count, ChainHead.head_hash).where(ChainHead.id == 1)
        ).first()
        expected = head.event_count if head is not None else None
        touched: dict[str, set[Any]] | None = None
        if state is not None:
            replay: Replay | None = state.replay
            trail: BatchLog | None = state.trail
            noted = (
                connection.execute(select(Event.hash).where(Event.seq == state.count)).scalar()
                if state.count
                else GENESIS_HASH
            )
            if noted != state.head_hash:
                problem = (
                    f"event {state.count} is no longer the one verified before "
                    "(history rewritten or removed): run a full verify"
                )
                return ChainReport(False, 0, "", state.count, problem), None
            after: tuple[int, str] | None = (state.count, state.head_hash)
            touched = state.replay.touched = {}
        else:
            replay = records_module.new_replay() if records else None
            trail = BatchLog() if records else None
            after = None
        try:
            report = verify_links(
                _links(connection, replay, trail, after[0] if after else 0),
                expected_count=expected,
                checkpoint=checkpoint,
                after=after,
            )
        except ReplayError as exc:
            seq = _seq_of(str(exc))
            return ChainReport(False, max(seq - 1, 0), "", seq, str(exc)), None
        if report.ok and head is not None and head.head_hash != report.head_hash:
            return ChainReport(
                False,
                report.count,
                report.head_hash,
                report.count,
                f"the chain head records hash {head.head_hash[:12]}…, "
                f"event {report.count} has {report.head_hash[:12]}…",
            ), None
        if not report.ok or replay is None or trail is None:
            return report, None
        replay.touched = None
        rows = (
            records_module.differences(connection, replay, report.count)
            if touched is None
            else records_module.touched_differences(connection, replay, report.count, touched)
        )
        checked = _with_rows(report, itertools.chain(rows, trail_differences(connection, trail)))
        if not checked.ok:
            return checked, None
        database = describe_url(engine.url)
        return checked, ResumeState(database, report.count, report.head_hash, replay, trail)


def _seq_of(message: str) -> int:
    words = message.split()
    return int(words[1]) if len(words) > 1 and words[0] == "event" and words[1].isdigit() else 0


def _with_rows(report: ChainReport, found: Iterator[str]) -> ChainReport:
    kept: list[str] = []
    count = 0
    for line in found:
        count += 1
        if len(kept) < records_module.KEPT:
            kept.append(line)
    if not count:
        return report
    rows = "row differs" if count == 1 else "rows differ"
    return ChainReport(
        False,
        report.count,
        report.head_hash,
        None,
        f"{count} {rows} from the ledger: {kept[0]}",
        tuple(kept),
        count,
    )


def make_checkpoint(engine: Engine, at: datetime) -> tuple[Checkpoint, ChainReport]:
    """Verify the ledger and note its count and head hash as of ``at``.

    Callers check ``report.ok`` before keeping the checkpoint: one taken of a
    broken chain would vouch for the damage.
    """
    report = verify_ledger(engine)
    checkpoint = Checkpoint(
        count=report.count, head_hash=report.head_hash, at=at, database=describe_url(engine.url)
    )
    return checkpoint, report
