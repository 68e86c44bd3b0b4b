"""Request references (``RA-YYYYMMDD-NNNN``) numbered from a counter per local day.

The taking call bumps its day's counter with one statement in its own
transaction, which locks the counter row until commit, so no two calls get one
number and none is skipped; nothing scans the requests, however many a year holds. A day's counter
row is made by that day's first call, from the references already taken that
day (none on a new day; an older console's, on the day a database is upgraded),
so the ledger records every counter row from the start. Numbers keep four
digits and grow a fifth past 9,999 calls a day.
"""

from __future__ import annotations

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from console.db.models import Base, ReferenceCounter, Request
from console.db.records import capture

TABLE = ReferenceCounter.__tablename__
COUNTERS = Base.metadata.tables[TABLE]


def reference_text(day: str, number: int) -> str:
    """The reference of call ``number`` of ``day`` (``YYYYMMDD``)."""
    return f"RA-{day}-{number:04d}"


def take_number(session: Session, day: str) -> int:
    """The next reference number of ``day``, counted in ``session``'s write transaction.

    The counter row stays locked until the caller's commit; the change is
    recorded in the unit of work's ledger event.
    """
    noted = capture.current(session)
    if noted is None:
        raise RuntimeError("reference numbers are taken only inside a unit of work")
    connection = session.connection()
    # Core on the connection, not the ORM: one round trip, and the change is noted here.
    number = connection.execute(
        update(COUNTERS)
        .where(COUNTERS.c.day == day)
        .values(last=COUNTERS.c.last + 1)
        .returning(COUNTERS.c.last)
    ).scalar()
    if number is not None:
        noted.set(TABLE, day, {"last": number})
        return int(number)
    number = last_taken(connection, day) + 1
    if connection.dialect.name == "postgresql":
        # Dispatch writers take numbers side by side (console.db.sealing): if another
        # call made the day's counter first, wait for it and count on from there.
        made = connection.execute(
            pg_insert(COUNTERS)
            .values(day=day, last=number)
            .on_conflict_do_nothing()
            .returning(COUNTERS.c.day)
        )
        if made.first() is None:
            return take_number(session, day)
    else:
        connection.execute(insert(COUNTERS).values(day=day, last=number))
    noted.new(TABLE, day, {"day": day, "last": number})
    return number


def last_taken(connection: Connection, day: str) -> int:
    """The highest reference number already taken on ``day`` (0 if none), without a scan.

    References are numbered in the order requests are stored, so the newest
    request holds the highest number of its day, and every day's numbers start at 1.
    """
    prefix = reference_text(day, 0)[:-4]
    newest = connection.execute(select(Request.reference).order_by(Request.id.desc()).limit(1))
    reference = newest.scalar()
    if reference is None:
        return 0
    if reference.startswith(prefix) and reference[len(prefix) :].isdigit():
        return int(reference[len(prefix) :])
    first = select(Request.id).where(Request.reference == reference_text(day, 1))
    if connection.execute(first).first() is None:
        return 0
    # The clock was set back to a day that already has calls: read that day's references.
    taken = connection.execute(
        select(Request.reference).where(Request.reference.like(prefix + "%"))
    ).scalars()
    return max(
        (int(text[len(prefix) :]) for text in taken if text[len(prefix) :].isdigit()), default=0
    )
