"""Retention of the trail: whole batches of fixes older than the retention are deleted.

Batches are pruned as a prefix of the ledger: every batch up to some ``seq``
whose newest fix is older than the retention, stopping at the first batch that
is still young (a late batch of old fixes waits for the ones before it). Each
transaction deletes at most ``max_batches`` batches and appends one
``positions.pruned`` event (``through_seq``, batches, fixes, cutoff), so
``verify`` knows which batches may be gone and still checks every other one.
Lock order is every writer's (:mod:`console.db.sealing`): on PostgreSQL a
pruning transaction first joins the dispatch writers (the shared writers'
lock, as a batch of fixes does), so a writer that works alone (accounts,
imports, seeding) never finds it half-way; then it deletes the fixes (their
rows), and, like a batch, appends its event last, so the chain head is locked
only for its own short statement, not for the delete.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from console.core.errors import StorageError
from console.core.field.ports import StoreUnavailable
from console.core.ledger import EventContent, canonical_json, chain_hash, format_time
from console.db.engine import WRITE_OPTION
from console.db.models import ChainHead, Event, PositionFix
from console.db.presence.guard import guard_for
from console.db.sealing import share_writers
from console.db.telemetry.trail_check import BATCH_KIND, PRUNED_KIND

__all__ = ["DEFAULT_RETENTION", "PRUNE_EVERY", "Pruned", "prune_trail"]

logger = logging.getLogger(__name__)

DEFAULT_RETENTION = timedelta(days=30)
"""How long fixes are kept unless ``[field] retention_days`` says otherwise."""
PRUNE_EVERY = timedelta(hours=1)
"""How often the gateway is meant to call :func:`prune_trail`."""
MAX_BATCHES = 2000
"""Most batches one transaction deletes (a long backlog is pruned in several)."""
_READ = 500


@dataclass(frozen=True, slots=True)
class Pruned:
    """What pruning removed: batches up to ``through_seq``, in ``events`` transactions."""

    through_seq: int
    batches: int
    fixes: int
    events: int


class _Raced(Exception):
    """Another pruner committed first: this transaction gives way."""


def prune_trail(
    engine: Engine,
    *,
    retention: timedelta = DEFAULT_RETENTION,
    clock: Callable[[], datetime],
    actor: str = "gateway",
    max_batches: int = MAX_BATCHES,
) -> Pruned | None:
    """Delete every whole batch whose newest fix is older than ``retention`` (None: nothing to do).

    Raises :class:`StoreUnavailable` when the database fails; what was pruned
    by the transactions before the failure stays pruned (each is complete).
    """
    if retention <= timedelta(0) or max_batches < 1:
        raise ValueError("retention and max_batches must be positive")
    writer = engine.execution_options(**{WRITE_OPTION: True})
    total: Pruned | None = None
    while True:
        now = clock()
        cutoff = now - retention
        try:
            with writer.connect() as connection, connection.begin():
                step = _prune_once(connection, cutoff, now, actor, max_batches)
                guard_for(engine).check()
        except _Raced:
            return total
        except SQLAlchemyError as exc:
            raise StoreUnavailable(type(exc).__name__) from None
        except StorageError as exc:
            raise StoreUnavailable(str(exc)) from None
        if step is None:
            return total
        logger.info(
            "pruned %d fixes of %d batches through event %d",
            step.fixes,
            step.batches,
            step.through_seq,
        )
        total = (
            step
            if total is None
            else Pruned(
                step.through_seq,
                total.batches + step.batches,
                total.fixes + step.fixes,
                total.events + 1,
            )
        )
        if step.batches < max_batches:
            return total


def pruned_through(connection: Connection) -> int:
    """The ``seq`` up to which batches have been pruned (0: none yet)."""
    payload = connection.execute(
        select(Event.payload).where(Event.kind == PRUNED_KIND).order_by(Event.seq.desc()).limit(1)
    ).scalar()
    if payload is None:
        return 0
    value = json.loads(payload).get("through_seq")
    return value if isinstance(value, int) else 0


def _expired_prefix(
    connection: Connection, after: int, cutoff: datetime, max_batches: int
) -> tuple[int, int]:
    """The last ``seq`` of the run of expired batches after ``after``, and how many (0, 0: none)."""
    through, batches = 0, 0
    cutoff_text = format_time(cutoff)
    while batches < max_batches:
        rows = connection.execute(
            select(Event.seq, Event.payload)
            .where(Event.kind == BATCH_KIND, Event.seq > max(after, through))
            .order_by(Event.seq)
            .limit(min(_READ, max_batches - batches))
        ).all()
        if not rows:
            break
        for seq, payload in rows:
            last_at = json.loads(payload).get("last_at")
            # format_time spellings compare as text in time order.
            if not isinstance(last_at, str) or last_at >= cutoff_text:
                return through, batches
            through, batches = seq, batches + 1
    return through, batches


def _prune_once(
    connection: Connection, cutoff: datetime, now: datetime, actor: str, max_batches: int
) -> Pruned | None:
    if connection.dialect.name == "postgresql":
        share_writers(connection)
    after = pruned_through(connection)
    through, batches = _expired_prefix(connection, after, cutoff, max_batches)
    if not batches:
        return None
    result = connection.execute(
        delete(PositionFix).where(PositionFix.batch_seq > after, PositionFix.batch_seq <= through)
    )
    fixes = int(result.rowcount)
    head = connection.execute(
        select(ChainHead.head_hash, ChainHead.event_count, ChainHead.revision)
        .where(ChainHead.id == 1)
        .with_for_update()
    ).one()
    if pruned_through(connection) != after:
        raise _Raced
    content = EventContent(
        seq=head.event_count + 1,
        at=now,
        actor=actor,
        kind=PRUNED_KIND,
        request_id=None,
        crew_id=None,
        payload={
            "after_seq": after,
            "through_seq": through,
            "batches": batches,
            "fixes": fixes,
            "before": cutoff,
        },
        revision=head.revision,
        changes="[]",
    )
    digest = chain_hash(head.head_hash, content)
    connection.execute(
        insert(Event).values(
            seq=content.seq,
            at=content.at,
            actor=content.actor,
            kind=content.kind,
            request_id=None,
            crew_id=None,
            payload=canonical_json(content.payload),
            changes=content.changes,
            prev_hash=head.head_hash,
            hash=digest,
            revision=content.revision,
        )
    )
    connection.execute(
        update(ChainHead).where(ChainHead.id == 1).values(head_hash=digest, event_count=content.seq)
    )
    return Pruned(through, batches, fixes, 1)
