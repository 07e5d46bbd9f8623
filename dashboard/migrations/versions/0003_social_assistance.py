"""social assistance and dynamic monitoring: monitored population, risk warnings, assistance requests

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 15:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('monitored_population_monthly',
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('township_code', sa.String(length=9), nullable=False),
    sa.Column('category_code', sa.String(length=30), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('person_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['county_code'], ['counties.county_code'],
                            name=op.f('fk_monitored_population_monthly_county_code_counties')),
    sa.ForeignKeyConstraint(['township_code'], ['townships.township_code'],
                            name=op.f('fk_monitored_population_monthly_township_code_townships')),
    sa.PrimaryKeyConstraint('month', 'township_code', 'category_code', name=op.f('pk_monitored_population_monthly'))
    )
    op.create_index(op.f('ix_monitored_population_monthly_county_code'), 'monitored_population_monthly',
                    ['county_code'], unique=False)
    op.create_table('risk_warnings_monthly',
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('township_code', sa.String(length=9), nullable=False),
    sa.Column('source_department', sa.String(length=30), nullable=False),
    sa.Column('warning_type', sa.String(length=30), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('days_to_handle', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('warning_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['county_code'], ['counties.county_code'],
                            name=op.f('fk_risk_warnings_monthly_county_code_counties')),
    sa.ForeignKeyConstraint(['township_code'], ['townships.township_code'],
                            name=op.f('fk_risk_warnings_monthly_township_code_townships')),
    sa.PrimaryKeyConstraint('month', 'township_code', 'source_department', 'warning_type', 'outcome',
                            'days_to_handle', name=op.f('pk_risk_warnings_monthly'))
    )
    op.create_index(op.f('ix_risk_warnings_monthly_county_code'), 'risk_warnings_monthly', ['county_code'],
                    unique=False)
    op.create_table('assistance_requests_monthly',
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('township_code', sa.String(length=9), nullable=False),
    sa.Column('need_code', sa.String(length=30), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('days_to_handle', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('request_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['county_code'], ['counties.county_code'],
                            name=op.f('fk_assistance_requests_monthly_county_code_counties')),
    sa.ForeignKeyConstraint(['township_code'], ['townships.township_code'],
                            name=op.f('fk_assistance_requests_monthly_township_code_townships')),
    sa.PrimaryKeyConstraint('month', 'township_code', 'need_code', 'outcome', 'days_to_handle',
                            name=op.f('pk_assistance_requests_monthly'))
    )
    op.create_index(op.f('ix_assistance_requests_monthly_county_code'), 'assistance_requests_monthly',
                    ['county_code'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_assistance_requests_monthly_county_code'), table_name='assistance_requests_monthly')
    op.drop_table('assistance_requests_monthly')
    op.drop_index(op.f('ix_risk_warnings_monthly_county_code'), table_name='risk_warnings_monthly')
    op.drop_table('risk_warnings_monthly')
    op.drop_index(op.f('ix_monitored_population_monthly_county_code'), table_name='monitored_population_monthly')
    op.drop_table('monitored_population_monthly')
