"""The tables the ledger vouches for, and one plain spelling of their values.

Every table of the schema is either ledgered (each write to it is recorded in
an event's changes, and ``verify`` compares it with the replay) or exempt,
with the reason, in :data:`EXEMPT`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, Integer, Numeric, Table, func, type_coerce
from sqlalchemy.sql.type_api import TypeEngine
from sqlalchemy.types import NullType

from console.core.ledger import format_time
from console.db.models import Base, UtcDateTime

EXEMPT: Mapping[str, str] = {
    "chain_head": "the ledger's own head: the chain verification checks it",
    "events": "the ledger itself: the chain verification checks it",
    "console_secrets": "holds a key that must never be written into the ledger",
    "position_fixes": "vehicle telemetry: each batch's ledger event carries the digest of its fixes",
}
"""Tables whose rows the ledger does not replay, with the reason."""


TELEMETRY_COLUMNS: Mapping[str, frozenset[str]] = {
    "crews": frozenset({"lat", "lon", "gps_at", "position_revision"}),
}
"""Columns that batches of vehicle fixes write without recording row changes, by table.

A batch moves each crew to its newest fix with one ledger event for the whole
batch (``positions.batch``: count, span, digest of the fixes), never a change
per crew. Where a row's ``position_revision`` is above 0 a batch wrote these
columns last, so the replay cannot vouch for them: ``verify`` compares them with
the crew's newest fix in that batch instead (:mod:`console.db.telemetry.trail`).
Where it is 0 (seeded, or typed in by a dispatcher) the replay still compares them.
"""

SECRET_COLUMNS = frozenset({("users", "password_hash"), ("devices", "token_hash")})
"""Columns whose values a report never shows (only that they differ)."""


def ledgered_tables() -> dict[str, Table]:
    """Every table of the schema that is not exempt, by name."""
    return {name: table for name, table in Base.metadata.tables.items() if name not in EXEMPT}


Plain = Callable[[Any], Any]


def _text(value: Any) -> Any:
    if value is None:
        return None
    return value.value if isinstance(value, Enum) else str(value)


_SQLITE_TIME = len("2026-11-23 07:30:00.000000")


def _time(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return _raw_time(value)
    return format_time(value)


def _raw_time(raw: str) -> str:
    """A time as SQLite stores it (UTC, no zone), or as :func:`time_text` reads it, in the ledger's spelling."""
    if len(raw) == _SQLITE_TIME and raw[10] == " " and raw[19] == ".":
        return f"{raw[:10]}T{raw[11:]}Z"  # the console's own spelling: respelt without parsing
    if len(raw) == _SQLITE_TIME + 1 and raw[10] == "T" and raw[-1] == "Z":
        return raw  # already spelt by the server
    try:
        return format_time(datetime.fromisoformat(raw).replace(tzinfo=UTC))
    except ValueError:
        return raw  # not a time at all: shown as stored, and it differs from the ledger


def time_text(column: Any, dialect: str) -> Any:
    """``column`` (a time) as the text the ledger spells it, where the server can spell it.

    PostgreSQL formats it in C, far faster than building and formatting datetime
    objects; SQLite's stored text is respelt by :func:`_raw_time`.
    """
    if dialect == "postgresql":
        return func.to_char(func.timezone("UTC", column), _PG_TIME_FORMAT)
    return type_coerce(column, NullType())


_PG_TIME_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'


def _date(value: Any) -> Any:
    if value is None:
        return None
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


def _decimal(scale: int) -> Plain:
    step = Decimal(1).scaleb(-scale)

    def plain(value: Any) -> Any:
        if value is None:
            return None
        number = value if isinstance(value, Decimal) else Decimal(str(value))
        return str(number.quantize(step, rounding=ROUND_HALF_UP))

    return plain


def _float(value: Any) -> Any:
    return None if value is None else float(value)


def _int(value: Any) -> Any:
    return None if value is None else int(value)


def _bool(value: Any) -> Any:
    return None if value is None else bool(value)


def _json(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _plain_for(kind: TypeEngine[Any]) -> Plain:
    if isinstance(kind, UtcDateTime):
        return _time
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, Float):
        return _float
    if isinstance(kind, Numeric):
        return _decimal(kind.scale if kind.scale is not None else 2)
    if isinstance(kind, Boolean):
        return _bool
    if isinstance(kind, Integer):
        return _int
    if isinstance(kind, JSON):
        return _json
    return _text


class TableImage:
    """How one ledgered table's rows are spelled in the ledger."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.name = table.name
        keys = list(table.primary_key.columns)
        if len(keys) != 1:
            raise ValueError(f"table {table.name} needs a one-column primary key to be ledgered")
        self.key = keys[0].name
        self.plain: dict[str, Plain] = {c.name: _plain_for(c.type) for c in table.columns}
        self.times = frozenset(c.name for c in table.columns if isinstance(c.type, UtcDateTime))
        # Stored values of other columns come back from the driver already plain.
        self.respelt = tuple(
            (name, plain)
            for name, plain in self.plain.items()
            if plain not in (_text, _int, _float, _bool)
        )

    def stored(self, values: Mapping[Any, Any]) -> dict[str, Any]:
        """The plain spelling of a whole row as read from the table (faster than :meth:`row`)."""
        row = dict(values)
        for name, plain in self.respelt:
            row[name] = plain(row[name])
        return row

    def row(self, values: Mapping[Any, Any]) -> dict[str, Any]:
        """The plain spelling of the columns in ``values`` (others left out)."""
        plain = self.plain
        return {name: plain[name](value) for name, value in values.items() if name in plain}


_IMAGES: dict[str, TableImage] = {}


def image(name: str) -> TableImage | None:
    """The image of ledgered table ``name``, or None for an exempt or unknown table."""
    found = _IMAGES.get(name)
    if found is None:
        table = ledgered_tables().get(name)
        if table is None:
            return None
        found = _IMAGES[name] = TableImage(table)
    return found
