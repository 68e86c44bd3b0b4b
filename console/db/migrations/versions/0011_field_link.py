"""field link: registered devices, the position trail and the position revision

``devices`` holds each crew's registered devices (the identifier only as its
SHA-256). ``position_fixes`` keeps the trail of vehicle fixes, written in
batches whose ledger events carry their digests. ``position_revision`` (on the
chain head and on crews) counts fix batches apart from the business revision,
so a moved crew does not look like a business change.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 13:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

SEQUENCE_NUMBER = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    # Plain ADD/DROP COLUMN (SQLite 3.35 and later): a batch copy of `crews` would
    # have to drop a table that requests point at.
    for table in ('chain_head', 'crews'):
        op.add_column(
            table,
            sa.Column('position_revision', SEQUENCE_NUMBER, nullable=False, server_default='0'),
        )
    op.create_index(op.f('ix_crews_position_revision'), 'crews', ['position_revision'])
    op.create_table(
        'devices',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('crew_id', sa.Integer(), nullable=False),
        sa.Column('label', sa.String(length=80), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('token_hint', sa.String(length=8), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('revoked_by', sa.String(length=64), nullable=True),
        sa.Column('revision', SEQUENCE_NUMBER, nullable=False),
        sa.ForeignKeyConstraint(['crew_id'], ['crews.id'], name=op.f('fk_devices_crew_id_crews')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_devices')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_devices_token_hash')),
    )
    op.create_index(op.f('ix_devices_crew_id'), 'devices', ['crew_id'])
    op.create_index(op.f('ix_devices_revision'), 'devices', ['revision'])
    op.create_table(
        'position_fixes',
        sa.Column('id', SEQUENCE_NUMBER, autoincrement=True, nullable=False),
        sa.Column('batch_seq', SEQUENCE_NUMBER, nullable=False),
        sa.Column('device_id', sa.Integer(), nullable=False),
        sa.Column('crew_id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('lat', sa.Float(), nullable=False),
        sa.Column('lon', sa.Float(), nullable=False),
        sa.Column('source', sa.String(length=12), nullable=False),
        sa.Column('speed_kmh', sa.Float(), nullable=True),
        sa.Column('bearing', sa.Float(), nullable=True),
        sa.Column('altitude_m', sa.Float(), nullable=True),
        sa.Column('accuracy_m', sa.Float(), nullable=True),
        sa.Column('battery_pct', sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_position_fixes')),
    )
    op.create_index(op.f('ix_position_fixes_batch_seq'), 'position_fixes', ['batch_seq'])
    op.create_index('ix_position_fixes_crew_at', 'position_fixes', ['crew_id', 'at'])


def downgrade() -> None:
    op.drop_index('ix_position_fixes_crew_at', table_name='position_fixes')
    op.drop_index(op.f('ix_position_fixes_batch_seq'), table_name='position_fixes')
    op.drop_table('position_fixes')
    op.drop_index(op.f('ix_devices_revision'), table_name='devices')
    op.drop_index(op.f('ix_devices_crew_id'), table_name='devices')
    op.drop_table('devices')
    op.drop_index(op.f('ix_crews_position_revision'), table_name='crews')
    for table in ('crews', 'chain_head'):
        op.execute(f'ALTER TABLE "{table}" DROP COLUMN position_revision')
