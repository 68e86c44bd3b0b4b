"""The baseline: the first record of the rows of a database whose ledger predates row changes.

Events written before the ledger recorded row changes carry none, so the
replay has nowhere to start. When such a database is upgraded (or first
opened by this console), one ``ledger.baseline`` event records every row of
every ledgered table as it stands; the replay starts from it.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from console.core.roles import Permission, Principal
from console.db.models import Event
from console.db.records import capture
from console.db.records.image import image, ledgered_tables


def needs_baseline(engine: Engine) -> bool:
    """True when the newest event carries no row changes (written before they were recorded)."""
    with engine.connect() as connection:
        latest = connection.execute(
            select(Event.seq, Event.changes).order_by(Event.seq.desc()).limit(1)
        ).first()
    return latest is not None and latest.changes is None


def write_baseline(engine: Engine) -> int | None:
    """Record every ledgered row in one ``ledger.baseline`` event, if the ledger needs it.

    Returns how many rows were recorded, or None when no baseline was needed.
    """
    from console.db.services import Services

    if not needs_baseline(engine):
        return None
    services = Services(engine, principal=Principal.system("upgrade"))
    rows = 0
    with services.unit_of_work(Permission.MAINTAIN) as uow:
        noted = capture.current(uow.session)
        assert noted is not None
        latest = uow.session.execute(
            select(Event.changes).order_by(Event.seq.desc()).limit(1)
        ).first()
        if latest is not None and latest.changes is not None:
            uow.record("ledger.baseline", rows=0, skipped=True)
            return 0
        counts: dict[str, int] = {}
        for name in sorted(ledgered_tables()):
            found = image(name)
            assert found is not None
            key = found.table.c[found.key]
            counts[name] = 0
            for row in uow.session.execute(select(found.table).order_by(key)).mappings():
                noted.new(name, row[found.key], found.row(row))
                counts[name] += 1
        rows = sum(counts.values())
        uow.record("ledger.baseline", rows=rows, tables=counts)
    return rows
