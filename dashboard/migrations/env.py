"""Alembic environment: runs migrations on the engine handed over in the config's attributes."""
from alembic import context

from dashboard.schema import metadata

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                      compare_type=True)
    context.run_migrations()
