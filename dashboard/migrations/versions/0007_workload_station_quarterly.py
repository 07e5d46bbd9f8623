"""workload_station_quarterly: visits per social worker of each township station per quarter
(dashboard/summaries.py), indexed by quarter and value so the workload box plot's quartiles are read in
order instead of aggregating and sorting the monthly rows

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 21:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Filled from visits_station_monthly by migrate.upgrade (summaries.fill_missing).
    op.create_table('workload_station_quarterly',
                    sa.Column('quarter', sa.String(length=7), nullable=False),
                    sa.Column('station_code', sa.String(length=20), nullable=False),
                    sa.Column('county_code', sa.String(length=6), nullable=False),
                    sa.Column('month_count', sa.Integer(), nullable=False),
                    sa.Column('home_visit_count', sa.Integer(), nullable=False),
                    sa.Column('social_worker_count', sa.Integer(), nullable=False),
                    sa.Column('visits_per_worker', sa.Float(), nullable=True),
                    sa.PrimaryKeyConstraint('quarter', 'station_code', name=op.f('pk_workload_station_quarterly')))
    op.create_index('ix_workload_station_quarterly_quarter_visits', 'workload_station_quarterly',
                    ['quarter', 'visits_per_worker'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_workload_station_quarterly_quarter_visits', table_name='workload_station_quarterly')
    op.drop_table('workload_station_quarterly')
