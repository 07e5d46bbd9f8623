"""Fixtures: databases built through the production migrations, on SQLite and on PostgreSQL.

PostgreSQL tests run when TEST_DATABASE_URL names a server (a fresh database is created on it per
run); with CI=true they must run, so a missing server fails instead of skipping.
"""
from __future__ import annotations

import os
import shutil
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from dashboard.writing import finish_write
from dashboard import accounts, db, migrate, registers
from dashboard.demo import load_demo

BACKENDS = ["sqlite", "postgresql"]
# One account per role in every test database; browser tests sign in with these.
TEST_PASSWORD = "test-password-1"
TEST_USERS = {role: f"test_{role}" for role in ("leader", "planner", "data_officer", "admin")}


def add_test_users(engine) -> None:
    """An account for each role, all with TEST_PASSWORD."""
    for role, username in TEST_USERS.items():
        accounts.add_user(username, role, TEST_PASSWORD, engine=engine)


def _postgres_server_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests must run in CI")
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL tests skipped on this machine")
    return url


def _fresh_database(backend: str, tmp_path_factory) -> tuple[str, callable]:
    """A new empty database of a backend and a function that drops it."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("db") / "dashboard.sqlite3"
        return f"sqlite:///{path}", lambda: None
    server = make_url(_postgres_server_url())
    name = f"dash_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        db.get_engine(url).dispose()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return url, drop


@pytest.fixture(scope="session", params=BACKENDS)
def demo_database_url(request, tmp_path_factory):
    """A database of each backend, migrated and loaded with the demo dataset (read-only in tests)."""
    url, drop = _fresh_database(request.param, tmp_path_factory)
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    load_demo(engine)
    add_test_users(engine)
    yield url
    drop()


@pytest.fixture(scope="session", params=BACKENDS)
def empty_database_url(request, tmp_path_factory):
    """A database of each backend, migrated, with the places and registers but no facts."""
    url, drop = _fresh_database(request.param, tmp_path_factory)
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        registers.seed_places(conn)
        registers.seed_published_figures(conn)
    add_test_users(engine)
    yield url
    drop()


@pytest.fixture
def demo_db(demo_database_url, monkeypatch):
    """Point the app's queries at the demo database for one test."""
    monkeypatch.setenv("DATABASE_URL", demo_database_url)
    return demo_database_url


@pytest.fixture
def empty_db(empty_database_url, monkeypatch):
    """Point the app's queries at a database with no facts for one test."""
    monkeypatch.setenv("DATABASE_URL", empty_database_url)
    return empty_database_url


@pytest.fixture
def scratch_db(request, tmp_path_factory, monkeypatch):
    """A writable, migrated, demo-loaded SQLite database for tests that change data."""
    url, _ = _fresh_database("sqlite", tmp_path_factory)
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    load_demo(engine)
    add_test_users(engine)
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@pytest.fixture(params=BACKENDS)
def fresh_db(request, tmp_path_factory, monkeypatch):
    """A new demo-loaded database of each backend for one test that writes; yields its engine."""
    url, drop = _fresh_database(request.param, tmp_path_factory)
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    load_demo(engine)
    add_test_users(engine)  # the page tests sign in, and every rerun re-reads the account
    monkeypatch.setenv("DATABASE_URL", url)
    yield engine
    drop()


@pytest.fixture(scope="session", params=BACKENDS)
def registers_template(request, tmp_path_factory):
    """A database of each backend built once: migrated, with the published figures, targets and test
    accounts, and no facts. registers_db copies it, so each test gets a fresh one in a moment."""
    url, drop = _fresh_database(request.param, tmp_path_factory)
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        registers.seed_published_figures(conn)
    add_test_users(engine)
    engine.dispose()  # SQLite folds its write-ahead log into the file; PostgreSQL may use it as a template
    yield url
    drop()


@pytest.fixture
def registers_db(registers_template, tmp_path_factory, monkeypatch):
    """A fresh writable copy of registers_template for one test (accounts, sessions, administration)."""
    template = make_url(registers_template)
    if template.get_backend_name() == "sqlite":
        copy = tmp_path_factory.mktemp("db") / "dashboard.sqlite3"
        shutil.copyfile(template.database, copy)
        url, drop = f"sqlite:///{copy}", lambda: None
    else:
        name = f"dash_test_{uuid.uuid4().hex[:10]}"
        server = sa.create_engine(_postgres_server_url(), isolation_level="AUTOCOMMIT")
        with server.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{template.database}"'))
        url = template.set(database=name).render_as_string(hide_password=False)

        def drop() -> None:
            db.get_engine(url).dispose()
            with server.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            server.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    yield url
    drop()


def hostile_database(tmp_path_factory, tables, text: str) -> str:
    """A demo SQLite database (with the test accounts) whose names in the given tables are all `text`."""
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'hostile.sqlite3'}"
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    load_demo(engine)
    add_test_users(engine)
    with engine.begin() as conn:
        for table in tables:
            conn.execute(sa.update(table).values(name_zh=text))
        finish_write(conn)  # the write path: summaries, then the data version
    return url
