"""Reads the stored ledger back and checks its hash chain, optionally against a checkpoint."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import Connection, Engine, select

from console.core.ledger import (
    ChainLink,
    ChainReport,
    Checkpoint,
    event_canonical,
    format_time,
    verify_links,
)
from console.db.engine import describe_url
from console.db.models import ChainHead, Event

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
)


def _links(connection: Connection) -> Iterator[ChainLink]:
    # Plain rows in batches, never ORM objects: a 100,000-event ledger verifies in seconds.
    result = connection.execution_options(yield_per=_BATCH).execute(
        select(*_EVENT_COLUMNS).order_by(Event.seq)
    )
    for seq, at, actor, kind, request_id, crew_id, revision, payload, prev, digest in result:
        yield ChainLink(
            seq,
            event_canonical(
                seq=seq,
                at=format_time(at),
                actor=actor,
                kind=kind,
                request_id=request_id,
                crew_id=crew_id,
                revision=revision,
                payload_json=payload,
            ),
            prev,
            digest,
        )


def _snapshot(engine: Engine) -> Connection:
    """A connection whose reads all see one moment, however many writers run meanwhile."""
    connection = engine.connect()
    if engine.dialect.name == "postgresql":
        # READ COMMITTED would let a writer commit between reading the head and the events.
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
    return connection


def verify_ledger(engine: Engine, checkpoint: Checkpoint | None = None) -> ChainReport:
    """Recompute the whole chain and compare it with the recorded head (and ``checkpoint``)."""
    with _snapshot(engine) as connection, connection.begin():
        head = connection.execute(
            select(ChainHead.event_count, ChainHead.head_hash).where(ChainHead.id == 1)
        ).first()
        expected = head.event_count if head is not None else None
        report = verify_links(_links(connection), expected_count=expected, checkpoint=checkpoint)
        if report.ok and head is not None and head.head_hash != report.head_hash:
            return ChainReport(
                False,
                report.count,
                report.head_hash,
                report.count,
                f"the chain head records hash {head.head_hash[:12]}…, "
                f"event {report.count} has {report.head_hash[:12]}…",
            )
        return report


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
