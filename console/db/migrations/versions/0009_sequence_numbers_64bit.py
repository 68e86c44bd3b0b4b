"""64-bit sequence numbers: event ``seq``, the ledger's head and every ``revision``

At 1,000 writes a second a 32-bit revision runs out in 25 days. PostgreSQL's
INTEGER columns become BIGINT (each table rewritten once, every row kept).
SQLite's INTEGER already holds 64 bits, so an SQLite file is left as it is.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 10:40:00
"""

from __future__ import annotations

from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

COLUMNS = {
    'chain_head': ('revision', 'event_count'),
    'events': ('seq', 'revision'),
    'partners': ('revision',),
    'depots': ('revision',),
    'crews': ('revision',),
    'requests': ('revision',),
    'users': ('revision',),
    'entitlements': ('revision',),
    'request_charges': ('revision',),
    'request_destinations': ('revision',),
    'satisfaction': ('revision',),
    'complaints': ('revision',),
}
"""The columns that count writes, by table."""


def _retype(kind: str) -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table, columns in COLUMNS.items():
        # One ALTER TABLE per table: PostgreSQL rewrites the table once, not once per column.
        changes = ', '.join(f'ALTER COLUMN "{column}" TYPE {kind}' for column in columns)
        op.execute(f'ALTER TABLE "{table}" {changes}')


def upgrade() -> None:
    _retype('BIGINT')


def downgrade() -> None:
    # Fails (and changes nothing) once a number beyond 32 bits has been written.
    _retype('INTEGER')
