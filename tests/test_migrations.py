"""The migrations build exactly the schema the code declares, on both databases."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from dashboard import db
from dashboard.schema import metadata
from tests.conftest import BACKENDS, _fresh_database


def test_migrated_schema_matches_the_declared_schema(empty_database_url):
    with db.get_engine(empty_database_url).connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_init_db_is_idempotent_and_keeps_existing_data(scratch_db):
    from dashboard import cli
    from queries import stations
    assert "already holds data" in cli.init_db(load_demo=True)
    assert stations.station_totals()["township_station_count"].iloc[0] == 75


def test_boundary_imports_audited_as_ok_read_as_loaded_with_counts_after_revision_0010(tmp_path):
    import datetime as dt

    import sqlalchemy as sa

    from dashboard import migrate
    from dashboard.schema import import_audit
    engine = db.get_engine(f"sqlite:///{tmp_path / 'before_0010.sqlite3'}")
    migrate.upgrade(engine, "0009")
    with engine.begin() as conn:
        for dataset, outcome, new in (("boundaries", "ok", 84), ("visits", "loaded", 5), (None, "ok", None)):
            conn.execute(sa.insert(import_audit).values(occurred_at=dt.datetime(2026, 11, 1), actor="a",
                                                        action="import" if dataset else "sign_in",
                                                        dataset_name=dataset, outcome=outcome, rows_new=new))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(sa.select(import_audit.c.dataset_name, import_audit.c.outcome, import_audit.c.rows_new,
                                      import_audit.c.rows_changed).order_by(import_audit.c.audit_id)).all()
    # A sign-in keeps its "ok" and its empty counts; another dataset's import is left as it was.
    assert rows == [("boundaries", "loaded", 84, 0), ("visits", "loaded", 5, None), (None, "ok", None, None)]


def _one_station(conn) -> None:
    """A county, a township and its station S1 with 3 social workers, in plain SQL (any revision)."""
    conn.exec_driver_sql("INSERT INTO counties (county_code, name_zh, name_en, sort_order) "
                         "VALUES ('441302', '惠城区', 'Huicheng District', 1)")
    conn.exec_driver_sql("INSERT INTO townships (township_code, county_code, name_zh, kind) "
                         "VALUES ('441302001', '441302', '桥东街道', 'street')")
    conn.exec_driver_sql("INSERT INTO stations (station_code, name_zh, station_type, county_code, township_code, "
                         "lon, lat, social_worker_count, is_benchmark, hotline_count) "
                         "VALUES ('S1', '站', 'station', '441302', '441302001', 114.4, 23.1, 3, FALSE, 1)")


@pytest.mark.parametrize("backend", BACKENDS)
def test_visit_rows_keep_their_groups_as_numbers_after_revision_0011(backend, tmp_path_factory):
    """Revision 0011 numbers the groups in the order of codes.GROUP_NUMBERS, and an existing visit row
    keeps its group (now by number) and its counts; the summaries still name the group by its code."""
    import importlib.util

    import sqlalchemy as sa

    from dashboard import codes, migrate
    from dashboard.migrate import MIGRATIONS_DIR
    path = MIGRATIONS_DIR / "versions" / "0011_visit_group_numbers.py"
    spec = importlib.util.spec_from_file_location("revision_0011", path)
    revision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(revision)
    assert dict(zip(revision.GROUPS, range(1, 12))) == codes.GROUP_NUMBERS

    url, drop = _fresh_database(backend, tmp_path_factory)
    engine = db.get_engine(url)
    migrate.upgrade(engine, "0010")
    with engine.begin() as conn:
        _one_station(conn)
        for group, visits in (("vagrant", 5), ("elderly_in_difficulty", 7)):
            conn.execute(sa.text("INSERT INTO visits_monthly (month, station_code, group_code, home_visit_count, "
                                 "case_count, people_served_count) VALUES ('2024-01', 'S1', :group, :visits, 1, 9)"),
                         {"group": group, "visits": visits})
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT group_number, home_visit_count FROM visits_monthly "
                                    "ORDER BY group_number").all()
        summary = conn.exec_driver_sql("SELECT group_code, home_visit_count FROM visits_county_monthly "
                                       "ORDER BY group_code").all()
    drop()
    assert rows == [(6, 5), (11, 7)]
    assert summary == [("elderly_in_difficulty", 7), ("vagrant", 5)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_workload_summary_holds_cases_and_people_served_after_revision_0012(backend, tmp_path_factory):
    """Revision 0012 makes workload_station_quarterly anew with the quarter's cases and people served;
    migrate.upgrade fills it again from the visits, so a row it held before comes back with its sums."""
    from dashboard import migrate
    url, drop = _fresh_database(backend, tmp_path_factory)
    engine = db.get_engine(url)
    migrate.upgrade(engine, "0011")
    with engine.begin() as conn:
        _one_station(conn)
        for month, group, visits in (("2024-01", 6, 5), ("2024-02", 11, 7), ("2024-04", 6, 4)):
            conn.exec_driver_sql("INSERT INTO visits_monthly (month, station_code, group_number, home_visit_count, "
                                 f"case_count, people_served_count) VALUES ('{month}', 'S1', {group}, {visits}, 1, 9)")
        conn.exec_driver_sql("INSERT INTO visits_station_monthly (month, quarter, station_code, county_code, "
                             "home_visit_count, case_count, people_served_count) VALUES "
                             "('2024-01', '2024-Q1', 'S1', '441302', 5, 1, 9), ('2024-02', '2024-Q1', 'S1', '441302', 7, 1, 9), "
                             "('2024-04', '2024-Q2', 'S1', '441302', 4, 1, 9)")
        conn.exec_driver_sql("INSERT INTO workload_station_quarterly (quarter, station_code, county_code, month_count, "
                             "home_visit_count, social_worker_count, visits_per_worker) VALUES "
                             "('2024-Q1', 'S1', '441302', 2, 12, 3, 4.0), ('2024-Q2', 'S1', '441302', 1, 4, 3, 1.333)")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT quarter, month_count, home_visit_count, case_count, people_served_count, "
                                    "social_worker_count FROM workload_station_quarterly ORDER BY quarter").all()
    drop()
    assert rows == [("2024-Q1", 2, 12, 2, 18, 3), ("2024-Q2", 1, 4, 1, 9, 3)]
