"""initial schema: partners, depots, crews, requests, users, ledger events, chain head

Revision ID: 0001
Revises:
Create Date: 2026-11-23 13:50:14.201354
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('chain_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('event_count', sa.Integer(), nullable=False),
    sa.Column('head_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chain_head'))
    )
    op.create_table('events',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=48), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('crew_id', sa.Integer(), nullable=True),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_events')),
    sa.UniqueConstraint('hash', name=op.f('uq_events_hash'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_crew_id'), ['crew_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_request_id'), ['request_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_revision'), ['revision'], unique=False)

    op.create_table('partners',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name_zh', sa.String(length=120), nullable=False),
    sa.Column('name_en', sa.String(length=160), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partners')),
    sa.UniqueConstraint('code', name=op.f('uq_partners_code'))
    )
    with op.batch_alter_table('partners', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partners_revision'), ['revision'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('is_demo', sa.Boolean(), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('depots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name_zh', sa.String(length=120), nullable=False),
    sa.Column('name_en', sa.String(length=160), nullable=False),
    sa.Column('city_zh', sa.String(length=60), nullable=False),
    sa.Column('city_en', sa.String(length=80), nullable=False),
    sa.Column('province_zh', sa.String(length=60), nullable=False),
    sa.Column('province_en', sa.String(length=80), nullable=False),
    sa.Column('adcode', sa.String(length=12), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partners.id'], name=op.f('fk_depots_partner_id_partners')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_depots')),
    sa.UniqueConstraint('code', name=op.f('uq_depots_code'))
    )
    with op.batch_alter_table('depots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_depots_adcode'), ['adcode'], unique=False)
        batch_op.create_index(batch_op.f('ix_depots_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_depots_revision'), ['revision'], unique=False)

    op.create_table('crews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_sign', sa.String(length=32), nullable=False),
    sa.Column('depot_id', sa.Integer(), nullable=False),
    sa.Column('vehicle_kind', sa.String(length=24), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('gps_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('shift', sa.String(length=24), nullable=False),
    sa.Column('current_request_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.CheckConstraint("(status IN ('ASSIGNED','EN_ROUTE','ON_SCENE','TOWING')) = (current_request_id IS NOT NULL)", name=op.f('ck_crews_busy_iff_job')),
    sa.ForeignKeyConstraint(['depot_id'], ['depots.id'], name=op.f('fk_crews_depot_id_depots')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_crews')),
    sa.UniqueConstraint('call_sign', name=op.f('uq_crews_call_sign')),
    sa.UniqueConstraint('current_request_id', name=op.f('uq_crews_current_request_id'))
    )
    with op.batch_alter_table('crews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_crews_depot_id'), ['depot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_crews_revision'), ['revision'], unique=False)
        batch_op.create_index(batch_op.f('ix_crews_status'), ['status'], unique=False)

    op.create_table('requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=24), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('priority', sa.String(length=4), nullable=False),
    sa.Column('priority_reason', sa.String(length=300), nullable=False),
    sa.Column('service_type', sa.String(length=24), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('queued_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('assign_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('arrive_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('caller_name', sa.String(length=100), nullable=False),
    sa.Column('caller_phone', sa.String(length=40), nullable=False),
    sa.Column('caller_language', sa.String(length=4), nullable=False),
    sa.Column('plate', sa.String(length=16), nullable=False),
    sa.Column('make_model', sa.String(length=100), nullable=False),
    sa.Column('powertrain', sa.String(length=12), nullable=False),
    sa.Column('vehicle_class', sa.String(length=16), nullable=False),
    sa.Column('awd', sa.Boolean(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('city', sa.String(length=60), nullable=False),
    sa.Column('road_type', sa.String(length=16), nullable=False),
    sa.Column('assigned_crew_id', sa.Integer(), nullable=True),
    sa.Column('eta_minutes', sa.Integer(), nullable=True),
    sa.Column('quote_cny', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('guidance_path', sa.JSON(), nullable=False),
    sa.Column('cancel_reason', sa.String(length=300), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assigned_crew_id'], ['crews.id'], name=op.f('fk_requests_assigned_crew_id_crews')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_requests')),
    sa.UniqueConstraint('reference', name=op.f('uq_requests_reference'))
    )
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_requests_assigned_crew_id'), ['assigned_crew_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_requests_revision'), ['revision'], unique=False)
        batch_op.create_index('ix_requests_status_priority', ['status', 'priority'], unique=False)

    # crews <-> requests reference each other: the second key is added once both exist.
    with op.batch_alter_table('crews', schema=None) as batch_op:
        batch_op.create_foreign_key(
            op.f('fk_crews_current_request_id_requests'), 'requests', ['current_request_id'], ['id']
        )

    chain_head = sa.table(
        'chain_head',
        sa.column('id', sa.Integer()),
        sa.column('revision', sa.Integer()),
        sa.column('event_count', sa.Integer()),
        sa.column('head_hash', sa.String()),
    )
    op.bulk_insert(chain_head, [{'id': 1, 'revision': 0, 'event_count': 0, 'head_hash': '0' * 64}])


def downgrade() -> None:
    with op.batch_alter_table('crews', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('fk_crews_current_request_id_requests'), type_='foreignkey')
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.drop_index('ix_requests_status_priority')
        batch_op.drop_index(batch_op.f('ix_requests_revision'))
        batch_op.drop_index(batch_op.f('ix_requests_assigned_crew_id'))

    op.drop_table('requests')
    with op.batch_alter_table('crews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_crews_status'))
        batch_op.drop_index(batch_op.f('ix_crews_revision'))
        batch_op.drop_index(batch_op.f('ix_crews_depot_id'))

    op.drop_table('crews')
    with op.batch_alter_table('depots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_depots_revision'))
        batch_op.drop_index(batch_op.f('ix_depots_partner_id'))
        batch_op.drop_index(batch_op.f('ix_depots_adcode'))

    op.drop_table('depots')
    op.drop_table('users')
    with op.batch_alter_table('partners', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partners_revision'))

    op.drop_table('partners')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_revision'))
        batch_op.drop_index(batch_op.f('ix_events_request_id'))
        batch_op.drop_index(batch_op.f('ix_events_kind'))
        batch_op.drop_index(batch_op.f('ix_events_crew_id'))

    op.drop_table('events')
    op.drop_table('chain_head')
