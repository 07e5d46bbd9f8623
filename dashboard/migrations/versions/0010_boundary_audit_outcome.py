"""boundary_audit_outcome: a township-boundary import was audited with the outcome "ok" where every
other import says "loaded", and the import history (which names outcomes in the user's language) could
not show it; those rows now say "loaded", as the boundary import writes them

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


def downgrade() -> None:
    pass  # "loaded" is the right word either way
