"""reference counters: the last request reference number of each local day

References are numbered from this counter instead of counting the day's
requests under the writer lock. A day's row is made by its first call, from
that day's requests, inside the call's own transaction: so the ledger records
every counter row, and an existing database needs nothing but the table.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'reference_counters',
        sa.Column('day', sa.String(length=8), nullable=False),
        sa.Column('last', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.PrimaryKeyConstraint('day', name=op.f('pk_reference_counters')),
    )


def downgrade() -> None:
    # The ledger records the counters: a database stepped down below this revision
    # no longer verifies (its counter rows were deleted without an event).
    op.drop_table('reference_counters')
