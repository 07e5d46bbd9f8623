"""Summaries of warnings and requests over all counties (dashboard/summaries.py): by department, by type,
by township and by need, per month, so the area's figures read tens of thousands of rows instead of the
province's half a million warnings and requests

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 12:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# Month columns in code-point order on PostgreSQL, as revision 0008 made every other.
MONTH = sa.String(length=7).with_variant(sa.String(length=7, collation='C'), 'postgresql')


def upgrade() -> None:
    # Filled from the detail tables by migrate.upgrade (summaries.fill_missing).
    op.create_table('warnings_department_monthly',
                    sa.Column('month', MONTH, nullable=False),
                    sa.Column('source_department', sa.String(length=30), nullable=False),
                    sa.Column('outcome', sa.String(length=20), nullable=False),
                    sa.Column('days_to_handle', sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column('warning_count', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('month', 'source_department', 'outcome', 'days_to_handle',
                                            name=op.f('pk_warnings_department_monthly')))
    op.create_table('warnings_type_monthly',
                    sa.Column('month', MONTH, nullable=False),
                    sa.Column('warning_type', sa.String(length=30), nullable=False),
                    sa.Column('outcome', sa.String(length=20), nullable=False),
                    sa.Column('days_to_handle', sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column('warning_count', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('month', 'warning_type', 'outcome', 'days_to_handle',
                                            name=op.f('pk_warnings_type_monthly')))
    op.create_table('warnings_township_monthly',
                    sa.Column('month', MONTH, nullable=False),
                    sa.Column('township_code', sa.String(length=9), nullable=False),
                    sa.Column('warning_count', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('month', 'township_code', name=op.f('pk_warnings_township_monthly')))
    op.create_table('requests_need_monthly',
                    sa.Column('month', MONTH, nullable=False),
                    sa.Column('need_code', sa.String(length=30), nullable=False),
                    sa.Column('outcome', sa.String(length=20), nullable=False),
                    sa.Column('request_count', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('month', 'need_code', 'outcome', name=op.f('pk_requests_need_monthly')))


def downgrade() -> None:
    for table in ['requests_need_monthly', 'warnings_township_monthly', 'warnings_type_monthly',
                  'warnings_department_monthly']:
        op.drop_table(table)
