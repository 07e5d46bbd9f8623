"""Database engine, connections and the data version that keys every cache."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from dashboard import settings
from dashboard.schema import data_version


def database_url() -> str:
    """The configured SQLAlchemy URL."""
    return settings.get("DATABASE_URL")


@lru_cache(maxsize=8)
def _engine_for(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, pool_pre_ping=True)
    if parsed.get_backend_name() == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Foreign keys are off by default in SQLite; WAL lets the app read while an import writes.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def get_engine(url: str | None = None) -> Engine:
    """The shared engine for a URL (the configured one by default)."""
    return _engine_for(url or database_url())


# The data version read in this thread's current script run, by database URL (see one_data_version).
_this_run = threading.local()


@contextmanager
def one_data_version():
    """Within this block (the router wraps each script run in it) the data version is read from the
    database once per database, not once per query: a page runs a score of cached queries, and each
    read was a connection checkout, a pre-ping and a SELECT (about 2 ms at province scale on
    PostgreSQL). It also gives one run one consistent version. A write in the block (an import)
    forgets what was read, so what the page shows after it is read afresh."""
    _this_run.versions = {}
    try:
        yield
    finally:
        _this_run.versions = None


def current_data_version(engine: Engine | None = None) -> int:
    """The number that changes whenever an import or demo load writes data."""
    engine = engine or get_engine()
    versions = getattr(_this_run, "versions", None)
    key = str(engine.url)
    if versions is not None and key in versions:
        return versions[key]
    with engine.connect() as conn:
        value = int(conn.execute(sa.select(data_version.c.version)).scalar() or 0)
    if versions is not None:
        versions[key] = value
    return value


def bump_data_version(conn: sa.Connection) -> None:
    """Advance the data version inside the writer's transaction (and forget the version this run read)."""
    versions = getattr(_this_run, "versions", None)
    if versions:
        versions.clear()
    updated = conn.execute(sa.update(data_version).values(
        version=data_version.c.version + 1, changed_at=sa.func.current_timestamp()))
    if updated.rowcount == 0:
        conn.execute(sa.insert(data_version).values(singleton_id=1, version=1,
                                                    changed_at=sa.func.current_timestamp()))
