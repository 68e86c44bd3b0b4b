"""Dispatch writes on PostgreSQL take the chain-head lock last, for one statement.

Every write appends one event to the hash chain, so writers queue on the chain
head. Taking that lock first (as SQLite's ``BEGIN IMMEDIATE`` does, and as every
other unit of work here still does) holds it for all of a write's round trips:
about ten, so with the server 1 ms away the whole centre gets ~40 writes a
second. The dispatch operations (:class:`console.db.services.Services`: calls,
assignments, lifecycle moves, crew duty and positions) instead run like this:

1. **Writers' lock, shared** (:func:`share_writers`): a transaction-scoped
   advisory lock of the schema. Dispatch writes share it; every other unit of
   work takes it exclusively (:func:`exclude_writers`) before the chain head,
   so accounts, pricing, imports and seeding still run alone, exactly as
   before, and only the dispatch operations had to be made safe side by side.
2. **Rows locked, checked, written** without the chain head: every row an
   operation reads and then writes is read ``FOR UPDATE`` (the request, its
   crew, the day's reference counter), so two writers can never both pass one
   check (two assignments of one crew, a duty change of a crew being assigned).
   Rows are stamped with :data:`PROVISIONAL` as their revision; nobody else
   sees them before the commit. Row changes are captured as before
   (:mod:`console.db.records.capture`), bulk statements on rows locked and
   named first, so other writers' rows never slip into this event.
3. **One sealing statement** (:func:`seal`): lock the chain head, number the
   event (``seq = event_count + 1``) and the revision (``revision + 1``), hash
   the event on the server (sha256 of the previous hash and the canonical text,
   cut where the numbers go: :func:`console.core.ledger.canonical_pieces`),
   insert it, advance the head, stamp every row the unit wrote with the
   revision, and queue the commit's announcement. The writer recomputes the
   hash itself (:func:`console.core.ledger.chain_hash`) from what the server
   numbered and rolls back if it differs, so the chain is exactly what
   ``verify`` recomputes. Then commit: the head lock is held for about one
   round trip.

Why the change feed loses nothing: the revision is numbered under the head
lock and stamped on the rows by the same statement, and each unit commits
before the lock passes on, so revisions commit in order. A reader that sees the
head at revision R (read before the rows) sees every row of every revision up
to R. A revision taken early (a sequence) would not give that: a row with a
smaller revision could commit after a reader had moved past it.

SQLite serialises whole write transactions at ``BEGIN IMMEDIATE`` anyway; it
keeps the lock-first path.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import ARRAY, Connection, Text, cast, func, insert, literal, select, update
from sqlalchemy.exc import OperationalError

from console.core.ledger import (
    EventContent,
    canonical_json,
    canonical_pieces,
    chain_hash,
    format_time,
)
from console.db.changes import announcement
from console.db.models import ChainHead, Event
from console.db.records.capture import Capture
from console.db.records.image import image

PROVISIONAL = 0
"""The revision a dispatch write stamps on its rows until :func:`seal` numbers it."""

STAMPED = "revision"
"""The column :func:`seal` stamps with the event's revision."""

_LOCK_CLASS = 0x524F4144  # "ROAD": the writers' advisory lock, one per schema
_RETRY_STATES = frozenset({"40P01", "40001"})  # deadlock detected, serialization failure


def _writers_key() -> tuple[Any, Any]:
    return literal(_LOCK_CLASS), func.hashtext(func.current_schema())


def share_writers(connection: Connection) -> None:
    """Join the dispatch writers (until commit): they write side by side, others wait."""
    connection.execute(select(func.pg_advisory_xact_lock_shared(*_writers_key())))


def exclude_writers(connection: Connection) -> None:
    """Write alone (until commit): wait for the dispatch writers in flight, keep new ones out."""
    connection.execute(select(func.pg_advisory_xact_lock(*_writers_key())))


def lost_race(exc: OperationalError) -> bool:
    """True when PostgreSQL broke a deadlock or a serialization conflict (a race, not an outage)."""
    return getattr(exc.orig, "sqlstate", None) in _RETRY_STATES


def seal(
    connection: Connection, content: EventContent, capture: Capture, *, announce_commit: bool
) -> tuple[EventContent, str]:
    """Append ``content`` (numbered here) with the captured changes; return it sealed and its hash.

    One statement: lock the head, number, hash, insert, advance the head, stamp
    the rows, announce. Raises RuntimeError (the caller rolls back) if the
    server's hash is not the ledger's own.
    """
    pieces, stamped = capture.pieces(STAMPED, PROVISIONAL)
    text_pieces = canonical_pieces(
        at=format_time(content.at),
        actor=content.actor,
        kind=content.kind,
        request_id=content.request_id,
        crew_id=content.crew_id,
        payload_json=canonical_json(content.payload),
        changes_pieces=pieces,
    )
    numbered = (
        select(
            (ChainHead.event_count + 1).label("seq"),
            (ChainHead.revision + 1).label("rev"),
            ChainHead.head_hash.label("prev"),
        )
        .where(ChainHead.id == 1)
        .with_for_update()
        .cte("numbered")
    )
    rev_text = cast(numbered.c.rev, Text)
    canonical = func.concat(
        func.array_to_string(literal(text_pieces, ARRAY(Text)), rev_text),
        cast(numbered.c.seq, Text),
        "}",
    )
    digest = func.encode(
        func.sha256(func.convert_to(func.concat(numbered.c.prev, canonical), "UTF8")), "hex"
    )
    sealed = select(
        numbered.c.seq,
        numbered.c.rev,
        numbered.c.prev,
        digest.label("hash"),
        func.array_to_string(literal(pieces, ARRAY(Text)), rev_text, type_=Text).label("changes"),
    ).cte("sealed")
    columns = Event.__table__.c
    appended = insert(Event).from_select(
        ["seq", "at", "actor", "kind", "request_id", "crew_id", "payload", "changes",
         "prev_hash", "hash", "revision"],
        select(
            sealed.c.seq,
            literal(content.at, columns.at.type),
            literal(content.actor, columns.actor.type),
            literal(content.kind, columns.kind.type),
            literal(content.request_id, columns.request_id.type),
            literal(content.crew_id, columns.crew_id.type),
            literal(canonical_json(content.payload), columns.payload.type),
            sealed.c.changes,
            sealed.c.prev,
            sealed.c.hash,
            sealed.c.rev,
        ),
    )  # fmt: skip
    advanced = (
        update(ChainHead)
        .where(ChainHead.id == 1)
        .values(
            head_hash=select(sealed.c.hash).scalar_subquery(),
            event_count=select(sealed.c.seq).scalar_subquery(),
            revision=select(sealed.c.rev).scalar_subquery(),
        )
    )
    statement = select(
        sealed.c.seq,
        sealed.c.rev,
        sealed.c.prev,
        sealed.c.hash,
        announcement(sealed.c.rev) if announce_commit else literal(1),
    )
    statement = statement.add_cte(appended.cte("appended")).add_cte(advanced.cte("advanced"))
    for number, (name, keys) in enumerate(sorted(stamped.items())):
        found = image(name)
        assert found is not None
        table = found.table
        stamp = (
            update(table)
            .where(table.c[found.key].in_(sorted(keys)))
            .values({STAMPED: select(sealed.c.rev).scalar_subquery()})
        )
        statement = statement.add_cte(stamp.cte(f"stamped_{number}"))
    row = connection.execute(statement).one()
    seq, revision, prev, digest_text = int(row[0]), int(row[1]), str(row[2]), str(row[3])
    done = dataclasses.replace(
        content, seq=seq, revision=revision, changes=str(revision).join(pieces)
    )
    if chain_hash(prev, done) != digest_text:
        raise RuntimeError(f"event {seq} was hashed differently by the server: not appended")
    return done, digest_text
