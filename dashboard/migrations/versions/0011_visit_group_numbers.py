"""visit_group_numbers: visit rows name their population group by a small number (table
population_groups) instead of its code. The codes ran to 22 characters (children_in_difficulty) in
every row and in the primary key, which on a province's 13 million rows was larger than the table
itself; a number takes 2 bytes, compares as one, and is checked against the list by a foreign key,
which the free-text code never was. The summaries keep the codes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 15:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

# The groups at this revision, numbered from 1 in the order of dashboard.codes.POPULATION_GROUPS
# (tests/test_migrations.py checks that codes.GROUP_NUMBERS agrees).
GROUPS = ['subsistence_allowance', 'extreme_poverty', 'marginal_allowance', 'expenditure_hardship', 'disabled',
          'vagrant', 'left_behind_children', 'children_in_difficulty', 'single_mothers', 'left_behind_women',
          'elderly_in_difficulty']


def upgrade() -> None:
    groups = op.create_table('population_groups',
                             sa.Column('group_number', sa.SmallInteger(), autoincrement=False, nullable=False),
                             sa.Column('group_code', sa.String(length=30), nullable=False),
                             sa.PrimaryKeyConstraint('group_number', name=op.f('pk_population_groups')),
                             sa.UniqueConstraint('group_code', name=op.f('uq_population_groups_group_code')))
    op.bulk_insert(groups, [{'group_number': number, 'group_code': code}
                            for number, code in enumerate(GROUPS, start=1)])
    with op.batch_alter_table('visits_monthly') as batch_op:
        batch_op.add_column(sa.Column('group_number', sa.SmallInteger(), nullable=True))
    op.execute('UPDATE visits_monthly SET group_number = (SELECT p.group_number FROM population_groups p '
               'WHERE p.group_code = visits_monthly.group_code)')
    # Every stored code came through the import's check against the list; one that did not would stop
    # the migration here (NOT NULL) rather than be dropped.
    with op.batch_alter_table('visits_monthly') as batch_op:
        batch_op.drop_constraint('pk_visits_monthly', type_='primary')
        batch_op.drop_column('group_code')
        batch_op.alter_column('group_number', existing_type=sa.SmallInteger(), nullable=False)
        batch_op.create_primary_key('pk_visits_monthly', ['month', 'station_code', 'group_number'])
        batch_op.create_foreign_key(op.f('fk_visits_monthly_group_number_population_groups'), 'population_groups',
                                    ['group_number'], ['group_number'])


def downgrade() -> None:
    with op.batch_alter_table('visits_monthly') as batch_op:
        batch_op.add_column(sa.Column('group_code', sa.String(length=30), nullable=True))
    op.execute('UPDATE visits_monthly SET group_code = (SELECT p.group_code FROM population_groups p '
               'WHERE p.group_number = visits_monthly.group_number)')
    with op.batch_alter_table('visits_monthly') as batch_op:
        batch_op.drop_constraint('fk_visits_monthly_group_number_population_groups', type_='foreignkey')
        batch_op.drop_constraint('pk_visits_monthly', type_='primary')
        batch_op.drop_column('group_number')
        batch_op.alter_column('group_code', existing_type=sa.String(length=30), nullable=False)
        batch_op.create_primary_key('pk_visits_monthly', ['month', 'station_code', 'group_code'])
    op.drop_table('population_groups')
