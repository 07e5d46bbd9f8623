"""Apply the Alembic migrations to a database: the only way the schema is created or changed."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    """An Alembic configuration bound to an engine, with no alembic.ini needed."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> list[str]:
    """Migrate the database to a revision (the newest by default). At the newest, summary tables that a
    migration has just created (or made anew) are filled from the data already there; returns their
    names."""
    command.upgrade(alembic_config(engine), revision)
    if revision != "head":
        return []
    from dashboard import summaries, writing
    with engine.begin() as conn:
        filled = summaries.fill_missing(conn)
        if filled:
            writing.finish_write(conn, [])
    return filled
