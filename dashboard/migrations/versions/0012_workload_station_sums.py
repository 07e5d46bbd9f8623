"""workload_station_sums: workload_station_quarterly also holds each station's cases and people served
in the quarter, so the station table of whole quarters (queries/visits.station_workload) reads these
rows, a third as many as visits_station_monthly's. The table is a summary: it is made anew with the
two columns and migrate.upgrade fills it again from visits_station_monthly (summaries.fill_missing).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 19:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def _create(with_sums: bool) -> None:
    sums = [sa.Column('case_count', sa.Integer(), nullable=False),
            sa.Column('people_served_count', sa.Integer(), nullable=False)] if with_sums else []
    op.create_table('workload_station_quarterly',
                    sa.Column('quarter', sa.String(length=7), nullable=False),
                    sa.Column('station_code', sa.String(length=20), nullable=False),
                    sa.Column('county_code', sa.String(length=6), nullable=False),
                    sa.Column('month_count', sa.Integer(), nullable=False),
                    sa.Column('home_visit_count', sa.Integer(), nullable=False),
                    sa.Column('social_worker_count', sa.Integer(), nullable=False),
                    sa.Column('visits_per_worker', sa.Float(), nullable=True),
                    *sums,
                    sa.PrimaryKeyConstraint('quarter', 'station_code', name=op.f('pk_workload_station_quarterly')))
    op.create_index('ix_workload_station_quarterly_quarter_visits', 'workload_station_quarterly',
                    ['quarter', 'visits_per_worker'], unique=False)


def _drop() -> None:
    op.drop_index('ix_workload_station_quarterly_quarter_visits', table_name='workload_station_quarterly')
    op.drop_table('workload_station_quarterly')


def upgrade() -> None:
    _drop()
    _create(with_sums=True)


def downgrade() -> None:
    _drop()
    _create(with_sums=False)
