"""requests: guidance outcome (protocol, determinant code) and required vehicle kinds

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 16:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('guidance_protocol', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('guidance_code', sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column('required_kinds', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.drop_column('required_kinds')
        batch_op.drop_column('guidance_code')
        batch_op.drop_column('guidance_protocol')
