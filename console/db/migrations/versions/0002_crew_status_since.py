"""crews.status_since: when a crew entered its current status (time in status)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('crews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status_since', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('crews', schema=None) as batch_op:
        batch_op.drop_column('status_since')
