"""boundary_audit_outcome: a township-boundary import was audited with the outcome "ok" where every
other import says "loaded", and the import history (which names outcomes in the user's language) could
not show it; those rows now say "loaded", as the boundary import writes them. Their counts of rows
changed and unchanged were left empty (shown as "None" in the history); they are 0, as a boundary
import writes them and as every other import's are

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 05:05:00
"""
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE import_audit SET outcome = 'loaded' WHERE dataset_name = 'boundaries' AND outcome = 'ok'")
    for column in ("rows_new", "rows_changed", "rows_unchanged"):
        op.execute(f"UPDATE import_audit SET {column} = 0 WHERE dataset_name = 'boundaries' AND {column} IS NULL")


def downgrade() -> None:
    pass  # "loaded" and 0 are right either way
