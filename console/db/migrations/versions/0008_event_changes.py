"""event changes: the exact row changes each ledger event made

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 07:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('changes', sa.Text(), nullable=True))


def downgrade() -> None:
    # Events that carry changes are hashed with them: a ledger stepped down below
    # this revision no longer verifies. Only an empty or pre-0007 ledger comes back intact.
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('changes')
