"""console_secrets: the console's own keys (the one that hashes unknown sign-in names)

Names typed at sign-in that no account has are kept only as an HMAC under a
random key made here, once per database, and never shown.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 07:30:00
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        'console_secrets',
        sa.Column('name', sa.String(length=32), nullable=False),
        sa.Column('value', sa.String(length=128), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_console_secrets')),
    )
    op.bulk_insert(
        table,
        [
            {
                'name': 'sign_in_names',
                'value': secrets.token_hex(32),
                'created_at': datetime.now(UTC),
            }
        ],
    )


def downgrade() -> None:
    op.drop_table('console_secrets')
