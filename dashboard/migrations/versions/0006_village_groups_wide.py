"""village_groups_wide: the people of the 11 groups per village, one row per village and a column per
group (dashboard/summaries.py), so the coverage analysis reads 26,000 rows at province scale instead of
286,000

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 21:15:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# The 11 groups of dashboard/codes.py as they stood at this revision.
GROUPS = ['subsistence_allowance', 'extreme_poverty', 'marginal_allowance', 'expenditure_hardship', 'disabled',
          'vagrant', 'left_behind_children', 'children_in_difficulty', 'single_mothers', 'left_behind_women',
          'elderly_in_difficulty']


def upgrade() -> None:
    # Filled from village_group_population by migrate.upgrade (summaries.fill_missing).
    op.create_table('village_groups_wide',
                    sa.Column('village_code', sa.String(length=12), nullable=False),
                    *(sa.Column(f'{group}_count', sa.Integer(), nullable=False) for group in GROUPS),
                    sa.PrimaryKeyConstraint('village_code', name=op.f('pk_village_groups_wide')))


def downgrade() -> None:
    op.drop_table('village_groups_wide')
