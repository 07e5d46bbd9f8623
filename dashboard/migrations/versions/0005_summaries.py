"""summary tables rebuilt by the write path (dashboard/summaries.py): visits by county, township station and
township, service recipients by county and station, linked charity and the
monitored population by county, renovations and charity flows by year; drops
the (station, month) index of visits_monthly, which nothing reads any more

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 18:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

MONTH, YEAR, MONEY = sa.String(length=7), sa.String(length=4), sa.Numeric(16, 2)


def _count(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer(), nullable=False)


def _money(name: str) -> sa.Column:
    return sa.Column(name, MONEY, nullable=False)


def _code(name: str, length: int, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(length=length), nullable=nullable)


def _table(name: str, *columns, key: list[str] | None = None, index: list[str] | None = None) -> None:
    constraints = [sa.PrimaryKeyConstraint(*key, name=op.f(f'pk_{name}'))] if key else []
    op.create_table(name, *columns, *constraints)
    for column in index or []:
        op.create_index(op.f(f'ix_{name}_{column}'), name, [column], unique=False)


TABLES = ['visits_county_monthly', 'visits_station_monthly', 'visits_township_monthly',
          'recipients_county_quarterly',
          'recipients_station_quarterly', 'monitored_county_monthly', 'resources_county_monthly', 'renovations_yearly',
          'renovation_aims_yearly', 'charity_org_yearly', 'charity_county_yearly', 'charity_source_yearly',
          'charity_programme_yearly', 'charity_destination_yearly']
INDEXES = {'visits_station_monthly': ['county_code'], 'recipients_station_quarterly': ['county_code'],
           'renovations_yearly': ['year'], 'charity_county_yearly': ['year'],
           'charity_destination_yearly': ['year']}


def upgrade() -> None:
    # The pages read the summaries below; nothing reads visits_monthly by station any more.
    op.drop_index('ix_visits_monthly_station_month', table_name='visits_monthly')
    op.create_index('ix_risk_warnings_monthly_department_month', 'risk_warnings_monthly',
                    ['source_department', 'month'], unique=False)
    _table('visits_county_monthly', sa.Column('month', MONTH, nullable=False), _code('quarter', 7),
           _code('county_code', 6),
           _code('group_code', 30), _count('home_visit_count'), _count('case_count'),
           _count('people_served_count'), _count('six_society_visit_count'), _count('six_society_case_count'),
           _count('six_society_people_served_count'), key=['month', 'county_code', 'group_code'])
    _table('visits_station_monthly', sa.Column('month', MONTH, nullable=False), _code('quarter', 7),
           _code('station_code', 20),
           _code('county_code', 6), _count('home_visit_count'), _count('case_count'),
           _count('people_served_count'), key=['month', 'station_code'], index=['county_code'])
    _table('visits_township_monthly', sa.Column('month', MONTH, nullable=False), _code('township_code', 9),
           _count('home_visit_count'), key=['month', 'township_code'])
    _table('recipients_county_quarterly', _code('quarter', 7), _code('county_code', 6), _code('group_code', 30),
           _count('registered_count'), _count('visited_count'), key=['quarter', 'county_code', 'group_code'])
    _table('recipients_station_quarterly', _code('quarter', 7), _code('station_code', 20),
           _code('county_code', 6), _count('groups_short_count'), _count('registered_count'),
           _count('visited_count'), key=['quarter', 'station_code'], index=['county_code'])
    _table('monitored_county_monthly', sa.Column('month', MONTH, nullable=False), _code('county_code', 6),
           _code('category_code', 30), _count('person_count'), key=['month', 'county_code', 'category_code'])
    _table('resources_county_monthly', sa.Column('month', MONTH, nullable=False), _code('county_code', 6),
           _money('linked_charity_yuan'), key=['month', 'county_code'])
    _table('renovations_yearly', sa.Column('year', YEAR, nullable=False), _code('county_code', 6),
           _code('township_code', 9, nullable=True), _code('category', 40), _count('household_count'),
           _money('cost_yuan'), index=['year'])
    _table('renovation_aims_yearly', sa.Column('year', YEAR, nullable=False), _code('county_code', 6),
           _code('aim_code', 30), _count('household_count'), key=['year', 'county_code', 'aim_code'])
    _table('charity_org_yearly', sa.Column('year', YEAR, nullable=False), _code('organisation_code', 30),
           _code('direction', 10), _money('amount_yuan'), key=['year', 'organisation_code', 'direction'])
    _table('charity_county_yearly', sa.Column('year', YEAR, nullable=False),
           _code('county_code', 6, nullable=True), _code('direction', 10), _money('amount_yuan'),
           index=['year'])
    _table('charity_source_yearly', sa.Column('year', YEAR, nullable=False), _code('organisation_code', 30),
           _code('source_type', 30), _money('amount_yuan'), key=['year', 'organisation_code', 'source_type'])
    _table('charity_programme_yearly', sa.Column('year', YEAR, nullable=False),
           _code('organisation_code', 30), _code('programme_code', 30), _money('amount_yuan'),
           key=['year', 'organisation_code', 'programme_code'])
    _table('charity_destination_yearly', sa.Column('year', YEAR, nullable=False),
           _code('organisation_county_code', 6, nullable=True), _code('programme_code', 30),
           _code('county_code', 6), _code('beneficiary_group', 30), _money('amount_yuan'), index=['year'])


def downgrade() -> None:
    op.create_index('ix_visits_monthly_station_month', 'visits_monthly', ['station_code', 'month'], unique=False)
    op.drop_index('ix_risk_warnings_monthly_department_month', table_name='risk_warnings_monthly')
    for name in reversed(TABLES):
        for column in INDEXES.get(name, []):
            op.drop_index(op.f(f'ix_{name}_{column}'), table_name=name)
        op.drop_table(name)
