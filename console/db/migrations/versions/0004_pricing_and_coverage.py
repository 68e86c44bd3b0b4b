"""pricing and coverage: entitlements, request charges (quote and bill), tow destinations

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 16:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('entitlements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme', sa.String(length=32), nullable=False),
    sa.Column('holder', sa.String(length=100), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('plate', sa.String(length=16), nullable=False),
    sa.Column('vin', sa.String(length=17), nullable=False),
    sa.Column('vin_tail', sa.String(length=6), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entitlements')),
    sa.UniqueConstraint('number', name=op.f('uq_entitlements_number'))
    )
    with op.batch_alter_table('entitlements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entitlements_programme'), ['programme'], unique=False)
        batch_op.create_index(batch_op.f('ix_entitlements_plate'), ['plate'], unique=False)
        batch_op.create_index(batch_op.f('ix_entitlements_vin_tail'), ['vin_tail'], unique=False)

    op.create_table('request_charges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('entitlement_id', sa.Integer(), nullable=True),
    sa.Column('programme', sa.String(length=32), nullable=True),
    sa.Column('coverage', sa.String(length=24), nullable=False),
    sa.Column('tariff_version', sa.String(length=32), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('quote_total', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('quote_caller', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('quoted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('bill', sa.Text(), nullable=True),
    sa.Column('bill_total', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('bill_covered', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('bill_caller', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('billed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('disputed', sa.Boolean(), nullable=False),
    sa.Column('dispute_reason', sa.String(length=300), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['entitlement_id'], ['entitlements.id'], name=op.f('fk_request_charges_entitlement_id_entitlements')),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_request_charges_request_id_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_charges')),
    sa.UniqueConstraint('request_id', name=op.f('uq_request_charges_request_id'))
    )
    with op.batch_alter_table('request_charges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_request_charges_entitlement_id'), ['entitlement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_request_charges_programme'), ['programme'], unique=False)
        batch_op.create_index(batch_op.f('ix_request_charges_billed_at'), ['billed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_request_charges_revision'), ['revision'], unique=False)

    op.create_table('request_destinations',
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('estimated_tow_km', sa.Numeric(precision=8, scale=1), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], name=op.f('fk_request_destinations_request_id_requests')),
    sa.PrimaryKeyConstraint('request_id', name=op.f('pk_request_destinations'))
    )


def downgrade() -> None:
    op.drop_table('request_destinations')
    with op.batch_alter_table('request_charges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_request_charges_revision'))
        batch_op.drop_index(batch_op.f('ix_request_charges_billed_at'))
        batch_op.drop_index(batch_op.f('ix_request_charges_programme'))
        batch_op.drop_index(batch_op.f('ix_request_charges_entitlement_id'))
    op.drop_table('request_charges')
    with op.batch_alter_table('entitlements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entitlements_vin_tail'))
        batch_op.drop_index(batch_op.f('ix_entitlements_plate'))
        batch_op.drop_index(batch_op.f('ix_entitlements_programme'))
    op.drop_table('entitlements')
