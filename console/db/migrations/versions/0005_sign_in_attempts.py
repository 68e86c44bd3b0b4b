"""sign_in_attempts: every sign-in attempt, for rate limiting failed ones

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sign_in_attempts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('username', sa.String(length=64), nullable=False),
        sa.Column('workstation', sa.String(length=128), nullable=False),
        sa.Column('succeeded', sa.Boolean(), nullable=False),
        sa.Column('reason', sa.String(length=24), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_in_attempts')),
    )
    op.create_index(
        'ix_sign_in_attempts_username_at', 'sign_in_attempts', ['username', 'at'], unique=False
    )
    op.create_index(
        'ix_sign_in_attempts_workstation_at',
        'sign_in_attempts',
        ['workstation', 'at'],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index('ix_sign_in_attempts_workstation_at', table_name='sign_in_attempts')
    op.drop_index('ix_sign_in_attempts_username_at', table_name='sign_in_attempts')
    op.drop_table('sign_in_attempts')
