"""Dispatch writes on PostgreSQL take the chain-head lock last, for one statement.

Every write appends one event to the hash chain, so writers queue on the chain
head. Taking that lock first (as SQLite's ``BEGIN IMMEDIATE`` does, and as every
other unit of work here still does) holds it for all of a write's round trips:
about ten, so with the server 1 ms away the whole centre gets ~40 writes a
second. The dispatch operations (:class:`console.db.services.Services`: calls,
assignments, lifecycle moves, crew duty and positions) instead run like this:

1. **Writers' lock, shared** (:func:`begin_sharing_writers`): a transaction-scoped
   advisory lock of the schema, sent with the ``BEGIN`` (one round trip: the
   session's connection is in autocommit mode, so the driver sends no ``BEGIN``
   of its own). Dispatch writes share it; every other unit of
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
   sent with a one-off token where the revision goes, which the server replaces:
   :func:`console.core.ledger.canonical_pieces`), insert it, advance the head, stamp every row the unit wrote with the
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
import functools
import secrets
from datetime import UTC
from typing import Any

from sqlalchemy import (
    ARRAY,
    Connection,
    Dialect,
    Engine,
    Text,
    bindparam,
    cast,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

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


_BEGIN_SHARED = (
    "BEGIN; SELECT pg_advisory_xact_lock_shared({lock_class}, hashtext(current_schema()))"
)


def begin_sharing_writers(connection: Connection) -> None:
    """Open the transaction and join the dispatch writers in one round trip.

    ``connection`` runs in autocommit mode (:func:`dispatch_sessions`): the
    driver sends no ``BEGIN`` of its own, so this one goes with the lock (two
    statements in one simple query), and the transaction stays open until the
    session commits or rolls back.
    """
    connection.exec_driver_sql(
        _BEGIN_SHARED.format(lock_class=_LOCK_CLASS), execution_options={"no_parameters": True}
    )


def dispatch_sessions(engine: Engine) -> sessionmaker[Session]:
    """Sessions for :func:`begin_sharing_writers`: their connections start no transaction themselves.

    Each connection goes back to the pool with the engine's own transaction
    mode (SQLAlchemy resets the isolation level it set).
    """
    return sessionmaker(
        engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False
    )


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
    the rows, announce. Its text depends only on the tables stamped, so it is
    built once per set of tables and the server can keep it prepared; what
    varies goes as parameters: the event's canonical text and its changes with a
    token where the revision goes (replaced on the server once it is numbered).
    Raises RuntimeError (the caller rolls back) if the server's hash is not the ledger's own.
    """
    payload_json = canonical_json(content.payload)
    while True:
        # A token no stored text holds: every occurrence is one of ours (counted).
        token = "\x01" + secrets.token_hex(16)
        changes, stamped, spelt = capture.marked(STAMPED, PROVISIONAL, token)
        text_pieces = canonical_pieces(
            at=format_time(content.at),
            actor=content.actor,
            kind=content.kind,
            request_id=content.request_id,
            crew_id=content.crew_id,
            payload_json=payload_json,
            changes_pieces=changes.split(spelt),
        )
        marked = spelt.join(text_pieces)
        rows = sum(len(keys) for keys in stamped.values())
        # One per stamped row, and one more where the event's own revision goes.
        if changes.count(spelt) == rows and marked.count(spelt) == rows + 1:
            break
    tables = tuple(sorted(stamped))
    parameters: dict[str, Any] = {
        "canonical": marked,
        "changes": changes,
        "token": spelt,
        "at": content.at.astimezone(UTC),
        "actor": content.actor,
        "kind": content.kind,
        "request_id": content.request_id,
        "crew_id": content.crew_id,
        "payload": payload_json,
    }
    for number, name in enumerate(tables):
        parameters[f"keys_{number}"] = sorted(stamped[name])
    statement, constants = _sealing_sql(connection.dialect, tables, announce_commit)
    row = connection.exec_driver_sql(statement, {**constants, **parameters}).one()
    seq, revision, prev, digest_text = int(row[0]), int(row[1]), str(row[2]), str(row[3])
    done = dataclasses.replace(
        content, seq=seq, revision=revision, changes=changes.replace(spelt, str(revision))
    )
    if chain_hash(prev, done) != digest_text:
        raise RuntimeError(f"event {seq} was hashed differently by the server: not appended")
    return done, digest_text


@functools.lru_cache(maxsize=64)
def _sealing_sql(
    dialect: Dialect, tables: tuple[str, ...], announce_commit: bool
) -> tuple[str, dict[str, Any]]:
    """The sealing statement for rows of ``tables`` (sorted), compiled once: text and constants."""
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
    token = bindparam("token", type_=Text)
    rev_text = cast(numbered.c.rev, Text)
    canonical = func.concat(
        func.replace(bindparam("canonical", type_=Text), token, rev_text),
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
        func.replace(bindparam("changes", type_=Text), token, rev_text, type_=Text).label(
            "changes"
        ),
    ).cte("sealed")
    columns = Event.__table__.c
    appended = insert(Event).from_select(
        ["seq", "at", "actor", "kind", "request_id", "crew_id", "payload", "changes",
         "prev_hash", "hash", "revision"],
        select(
            sealed.c.seq,
            bindparam("at", type_=columns.at.type),
            bindparam("actor", type_=columns.actor.type),
            bindparam("kind", type_=columns.kind.type),
            bindparam("request_id", type_=columns.request_id.type),
            bindparam("crew_id", type_=columns.crew_id.type),
            bindparam("payload", type_=columns.payload.type),
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
    for number, name in enumerate(tables):
        found = image(name)
        assert found is not None
        table = found.table
        key = table.c[found.key]
        stamp = (
            update(table)
            .where(key == func.any(bindparam(f"keys_{number}", type_=ARRAY(key.type))))
            .values({STAMPED: select(sealed.c.rev).scalar_subquery()})
        )
        statement = statement.add_cte(stamp.cte(f"stamped_{number}"))
    compiled = statement.compile(dialect=dialect)
    return compiled.string, dict(compiled.params)
