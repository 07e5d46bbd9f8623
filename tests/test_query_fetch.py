"""On PostgreSQL a query's result is read through COPY (queries/_copy.py); the frame must be the one
the row path builds, for every named query and for every awkward value."""
import importlib

import pandas as pd
import pytest
import sqlalchemy as sa

from bench.queries import arguments, catalogue
from dashboard import db, migrate
from dashboard.demo import load_demo
from queries import _copy
from queries._run import fetch
from tests.conftest import _fresh_database

NAMED_QUERIES = catalogue()


@pytest.fixture(scope="module")
def postgres_engine(tmp_path_factory):
    url, drop = _fresh_database("postgresql", tmp_path_factory)
    engine = db.get_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE awkward (n INTEGER, label TEXT, code VARCHAR(6), amount NUMERIC(14, 2), "
            "share DOUBLE PRECISION, flag BOOLEAN, day DATE, stamp TIMESTAMP, big BIGINT, nothing INTEGER)")
        conn.exec_driver_sql(
            "INSERT INTO awkward VALUES "
            "(1, 'plain', '441302', 1234.50, 0.1, true, '2024-05-13', '2024-05-13 08:30:00', 9007199254740993, NULL), "
            "(2, '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
            "(3, NULL, '', 0.07, 1e-300, false, '1999-12-31', '1999-12-31 23:59:59', -1, NULL), "
            "(4, 'a,b \"quoted\"' || chr(10) || 'two lines', '惠城区', 99999999.99, -2.5, true, '2024-01-01', "
            "'2024-01-01 00:00:00', 0, NULL)")
    yield engine
    drop()


def both_ways(engine, sql, params=None):
    params = params or {}
    return fetch(engine, sql, params), fetch(engine, sql, params, by_copy=False)


@pytest.mark.parametrize("columns", [
    "n, label", "n, code", "n, amount", "n, share", "n, flag", "n, day", "n, stamp", "n, big", "n, nothing",
    "*", "n, label AS same, code AS same"])
def test_copy_gives_the_row_path_frame_for_awkward_values(postgres_engine, columns):
    by_copy, by_rows = both_ways(postgres_engine, f"SELECT {columns} FROM awkward ORDER BY n")
    pd.testing.assert_frame_equal(by_copy, by_rows)
    assert len(by_copy) == 4


def test_copy_keeps_empty_text_apart_from_missing_text(postgres_engine):
    frame, _ = both_ways(postgres_engine, "SELECT label, code FROM awkward ORDER BY n")
    assert frame["label"].iloc[1] == "" and pd.isna(frame["label"].iloc[2])
    assert pd.isna(frame["code"].iloc[1]) and frame["code"].iloc[2] == ""
    assert frame["label"].iloc[3] == 'a,b "quoted"\ntwo lines'


@pytest.mark.parametrize("params", [{}, {"pattern": "pl%"}])
def test_percent_signs_in_a_query_mean_the_same_both_ways(postgres_engine, params):
    sql = "SELECT n, '50%' AS share FROM awkward WHERE label LIKE " + (":pattern" if params else "'pl%'")
    by_copy, by_rows = both_ways(postgres_engine, sql, params)
    pd.testing.assert_frame_equal(by_copy, by_rows)
    assert by_copy.to_dict("records") == [{"n": 1, "share": "50%"}]


def test_copy_of_an_empty_result_is_the_row_path_frame(postgres_engine):
    by_copy, by_rows = both_ways(postgres_engine, "SELECT n, label, amount FROM awkward WHERE n > :above",
                                 {"above": 100})
    pd.testing.assert_frame_equal(by_copy, by_rows)
    assert list(by_copy.columns) == ["n", "label", "amount"] and by_copy.empty


def test_a_column_of_another_type_takes_the_row_path(postgres_engine):
    sql = "SELECT n, stamp - day AS waited FROM awkward ORDER BY n"  # an interval
    with postgres_engine.connect() as conn:
        assert _copy.fetch_by_copy(conn, sa.text(sql), sql, {}) is None
    by_copy, by_rows = both_ways(postgres_engine, sql)
    pd.testing.assert_frame_equal(by_copy, by_rows)


@pytest.mark.parametrize("hostile", ["441302' OR '1'='1", "'; DROP TABLE awkward; --", "back\\slash'"])
def test_values_merged_for_copy_stay_literals(postgres_engine, hostile):
    frame = fetch(postgres_engine, "SELECT n FROM awkward WHERE code = :code OR label = :code", {"code": hostile})
    assert frame.empty
    assert len(fetch(postgres_engine, "SELECT n FROM awkward", {})) == 4


@pytest.fixture(scope="module")
def postgres_demo_url(tmp_path_factory):
    """The demo dataset on PostgreSQL, for this module alone: the shared demo_database_url fixture
    alternates between the backends, and asking it for PostgreSQL only would rebuild it."""
    url, drop = _fresh_database("postgresql", tmp_path_factory)
    migrate.upgrade(db.get_engine(url))
    load_demo(db.get_engine(url))
    yield url
    drop()


@pytest.mark.parametrize("name, function", NAMED_QUERIES, ids=[name for name, _ in NAMED_QUERIES])
def test_every_named_query_gives_the_same_frame_through_copy(postgres_demo_url, monkeypatch, name, function):
    """Each query the function runs (through run, or fetch for the uncached ones), both ways."""
    engine = db.get_engine(postgres_demo_url)
    module = importlib.import_module(function.__module__)
    calls = []

    def recorded(sql, params):
        calls.append((sql, params))
        return fetch(engine, sql, params)
    if hasattr(module, "run"):
        monkeypatch.setattr(module, "run", lambda sql, **params: recorded(sql, params))
    if hasattr(module, "fetch"):  # the uncached queries
        monkeypatch.setattr(module, "fetch", lambda _engine, sql, params: recorded(sql, params))
    monkeypatch.setenv("DATABASE_URL", postgres_demo_url)
    function(**arguments(function))
    assert calls, f"{name} ran no query"
    for sql, params in calls:
        by_copy, by_rows = both_ways(engine, sql, params)
        pd.testing.assert_frame_equal(by_copy, by_rows)
