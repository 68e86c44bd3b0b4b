"""Reads the stored ledger back and checks its hash chain."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.core.ledger import ChainReport, EventContent, StoredEvent, verify_chain
from console.db.models import ChainHead, Event


def _stored_events(session: Session) -> Iterator[StoredEvent]:
    for event in session.scalars(
        select(Event).order_by(Event.seq).execution_options(yield_per=2000)
    ):
        yield StoredEvent(
            content=EventContent(
                seq=event.seq,
                at=event.at,
                actor=event.actor,
                kind=event.kind,
                request_id=event.request_id,
                crew_id=event.crew_id,
                payload=json.loads(event.payload),
            ),
            prev_hash=event.prev_hash,
            hash=event.hash,
        )


def verify_ledger(engine: Engine) -> ChainReport:
    """Recompute the whole chain and compare it with the recorded head."""
    with Session(engine) as session:
        head = session.get(ChainHead, 1)
        expected = head.event_count if head else None
        report = verify_chain(_stored_events(session), expected_count=expected)
        if report.ok and head is not None and head.head_hash != report.head_hash:
            return ChainReport(
                False, report.count, report.head_hash, report.count, "head hash differs"
            )
        return report
