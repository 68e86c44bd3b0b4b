"""Event numbers and revisions are 64-bit, and an older database is upgraded to them intact
(SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, MetaData, inspect, select, update
from sqlalchemy.orm import Session

from console.cli import main
from console.core.ledger import digest, event_canonical, format_time
from console.db import schema
from console.db.audit import verify_ledger
from console.db.models import Base, ChainHead, Request
from console.db.seed import SeedOptions, seed_database
from console.db.services import Services
from tests.db.helpers import as_written_before_table, draft

AT = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
BEFORE = "0008"
"""The last schema with 32-bit revisions on PostgreSQL."""

COUNTERS = sorted(
    (table.name, column.name)
    for table in Base.metadata.tables.values()
    for column in table.columns
    if column.name in ("seq", "revision", "event_count", "position_revision", "batch_seq")
)
"""Every column that counts writes."""


def _stored_types(engine: Engine) -> dict[tuple[str, str], str]:
    inspector = inspect(engine)
    present = set(inspector.get_table_names())
    return {
        (table, column["name"]): str(column["type"])
        for table in sorted({table for table, _ in COUNTERS} & present)
        for column in inspector.get_columns(table)
        if (table, column["name"]) in COUNTERS
    }


def _every_row(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row of every table, in key order (as the database holds them)."""
    tables = MetaData()
    tables.reflect(engine)
    with engine.connect() as connection:
        return {
            name: [
                tuple(row)
                for row in connection.execute(
                    select(table).order_by(*table.primary_key.columns or table.columns)
                )
            ]
            for name, table in sorted(tables.tables.items())
            if name != "alembic_version"
        }


def test_every_write_counter_is_a_64_bit_column(engine: Engine) -> None:
    assert ("events", "seq") in COUNTERS
    assert ("chain_head", "event_count") in COUNTERS
    assert ("position_fixes", "batch_seq") in COUNTERS
    assert len(COUNTERS) == 18
    expected = "BIGINT" if engine.dialect.name == "postgresql" else "INTEGER"
    assert set(_stored_types(engine).values()) == {expected}


def test_a_revision_beyond_32_bits_is_written_and_verifies(
    services: Services, engine: Engine
) -> None:
    with engine.begin() as connection:
        connection.execute(update(ChainHead).values(revision=2**32 + 7))
    row = services.create_request(draft())
    with Session(engine) as session:
        stored = session.get(Request, row.id)
        assert stored is not None
        assert stored.revision == 2**32 + 8
    report = verify_ledger(engine)
    assert report.ok, report.problem


def test_db_upgrade_of_a_32_bit_database_keeps_every_row_and_every_hash(
    engine: Engine, db_url: str
) -> None:
    seed_database(engine, SeedOptions(requests=6, at=AT, history_days=1))
    as_written_before_table(engine, "reference_counters")  # as a console at 0008 wrote it
    schema.downgrade(engine, BEFORE)
    if engine.dialect.name == "postgresql":
        assert set(_stored_types(engine).values()) == {"INTEGER"}
    before = _every_row(engine)
    assert len(before["events"]) > 3 and len(before["requests"]) > 50

    assert main(["--db", db_url, "db", "upgrade"]) == 0

    assert schema.current_revision(engine) == schema.head_revision()
    assert set(_stored_types(engine).values()) == {
        "BIGINT" if engine.dialect.name == "postgresql" else "INTEGER"
    }
    after = _every_row(engine)
    # Later migrations add columns at the end (position_revision): compare the old ones.
    width = {name: len(rows[0]) for name, rows in before.items() if rows}
    kept = {name: [row[: width.get(name)] for row in after[name]] for name in before}
    assert kept == before
    # Each event written before the upgrade hashes, from its upgraded row, to the hash it had.
    with engine.connect() as connection:
        for event in connection.execute(select(Base.metadata.tables["events"])).mappings():
            canonical = event_canonical(
                seq=event["seq"], at=format_time(event["at"]), actor=event["actor"],
                kind=event["kind"], request_id=event["request_id"], crew_id=event["crew_id"],
                revision=event["revision"], payload_json=event["payload"],
                changes_json=event["changes"],
            )  # fmt: skip
            assert digest(event["prev_hash"], canonical) == event["hash"]
    report = verify_ledger(engine)
    assert report.ok, report.problem
    assert main(["--db", db_url, "verify"]) == 0
