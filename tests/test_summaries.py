"""Summary tables equal their definitions after every kind of write, and the queries that read them give
what the detail rows give, on SQLite and PostgreSQL."""
import random
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from dashboard import bulk, codes, db, migrate, schema, summaries
from dashboard.demo import load_demo
from dashboard.importing import import_file
from dashboard.writing import finish_write, mark_dataset
from queries import charity, renovations
from queries._periods import whole_years
from queries._run import FAR_FUTURE, fetch
from tests import import_corpus as corpus
from tests.conftest import _fresh_database

FAR_PAST = date(1900, 1, 1)
YEAR_RANGES = [(FAR_PAST, FAR_FUTURE), (date(2021, 1, 1), date(2021, 12, 31)),
               (date(2022, 1, 1), date(2024, 12, 31))]


def table_contents(conn: sa.Connection, summary: summaries.Summary) -> pd.DataFrame:
    """The summary's rows, sorted, beside what its definition gives now."""
    table = schema.metadata.tables[summary.table]
    columns = [c.name for c in table.columns]
    stored = pd.DataFrame(conn.execute(sa.select(table)).fetchall(), columns=columns)
    fresh = pd.DataFrame(conn.execute(sa.text(summary.select_sql.format(where=""))).fetchall(),
                         columns=columns)
    return _comparable(stored), _comparable(fresh)


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Numbers as rounded floats (Decimal and int alike), everything else as text; rows in one order."""
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        numbers = pd.to_numeric(frame[column], errors="coerce")
        if numbers.notna().sum() == frame[column].notna().sum() and numbers.notna().any() \
                and not column.endswith(("code", "month", "quarter", "year")):
            out[column] = numbers.astype(float).round(2)
        else:
            out[column] = frame[column].astype(str)
    return out.sort_values(list(out.columns)).reset_index(drop=True)


def assert_summaries_current(engine: sa.Engine) -> None:
    with engine.connect() as conn:
        for summary in summaries.SUMMARIES:
            stored, fresh = table_contents(conn, summary)
            assert len(stored) > 0, summary.table
            pd.testing.assert_frame_equal(stored, fresh, obj=summary.table)


@pytest.fixture(params=["sqlite", "postgresql"])
def writable_db(request, tmp_path_factory, monkeypatch):
    url, drop = _fresh_database(request.param, tmp_path_factory)
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    load_demo(engine)
    monkeypatch.setenv("DATABASE_URL", url)
    yield engine
    drop()


def test_the_demo_load_fills_every_summary(writable_db):
    assert_summaries_current(writable_db)


def test_summaries_new_to_a_database_are_filled_when_it_is_migrated(writable_db):
    """A database from before revision 0009 (the warning and request summaries) holding data: upgrading
    it creates those tables and fills them from the rows already there."""
    from alembic import command
    command.downgrade(migrate.alembic_config(writable_db), "0008")
    with writable_db.connect() as conn:
        assert "warnings_type_monthly" not in sa.inspect(conn).get_table_names()
    migrate.upgrade(writable_db)
    assert_summaries_current(writable_db)


def test_an_import_rebuilds_the_summaries_of_what_it_changed(writable_db):
    with writable_db.connect() as conn:
        before = conn.execute(sa.text("SELECT SUM(home_visit_count) FROM visits_county_monthly "
                                      "WHERE month = '2024-05'")).scalar() or 0
    result = import_file("visits", corpus.csv_bytes(corpus.frame("visits")), "v.csv", engine=writable_db)
    assert result.outcome == "loaded", result.problems
    assert_summaries_current(writable_db)
    with writable_db.connect() as conn:
        after = conn.execute(sa.text("SELECT SUM(home_visit_count) FROM visits_county_monthly "
                                     "WHERE month = '2024-05'")).scalar()
    assert after != before


def test_a_later_monthly_import_rebuilds_only_its_months_and_all_still_agree(writable_db):
    """The first real visits file replaces the demo (a full rebuild); the next one, of other months,
    takes the month-by-month path, and every summary still equals its definition."""
    first = import_file("visits", corpus.csv_bytes(corpus.frame("visits")), "v1.csv", engine=writable_db)
    assert first.outcome == "loaded" and first.demo_rows_replaced
    later = corpus.frame("visits").assign(统计月份=["2024-07", "2024-08"])
    with writable_db.connect() as conn:
        before = conn.execute(sa.text("SELECT COUNT(*) FROM visits_county_monthly")).scalar()
    second = import_file("visits", corpus.csv_bytes(later), "v2.csv", engine=writable_db)
    assert second.outcome == "loaded" and not second.demo_rows_replaced
    assert_summaries_current(writable_db)
    with writable_db.connect() as conn:
        months = conn.execute(sa.text("SELECT DISTINCT month FROM visits_county_monthly ORDER BY month")).scalars()
        assert list(months) == ["2024-05", "2024-06", "2024-07", "2024-08"]
        assert conn.execute(sa.text("SELECT COUNT(*) FROM visits_county_monthly")).scalar() == before + 2


def test_rebuilding_some_months_touches_only_those_months(writable_db):
    with writable_db.begin() as conn:
        conn.execute(sa.text("UPDATE visits_monthly SET home_visit_count = home_visit_count + 1 "
                             "WHERE month = '2023-03'"))
        conn.execute(sa.text("UPDATE visits_county_monthly SET home_visit_count = -1 WHERE month = '2022-01'"))
        summaries.refresh(conn, {"visits_monthly"}, ["2023-03"])
        stale = conn.execute(sa.text("SELECT COUNT(*) FROM visits_county_monthly WHERE month = '2022-01' "
                                     "AND home_visit_count = -1")).scalar()
    assert stale > 0  # a month outside the list was left alone
    with writable_db.begin() as conn:
        summaries.refresh(conn, {"visits_monthly"}, ["2022-01"])
    assert_summaries_current(writable_db)


def visits_file(station_codes: list[str], months: list[str], bump: int = 0) -> bytes:
    """Visit rows of every station, group and month, counts from a seeded generator."""
    rng = random.Random(42)
    rows = [{"统计月份": month, "站点编码": code, "服务对象类别": group.zh, "探访人次": str(rng.randrange(200) + bump),
             "个案数": str(rng.randrange(6)), "服务人次": str(rng.randrange(300))}
            for month in months for code in station_codes for group in codes.POPULATION_GROUPS]
    return corpus.csv_bytes(corpus.frame("x", rows))


def test_a_bulk_import_into_an_empty_table_and_its_reimports_keep_the_visit_summaries_current(
        writable_db, monkeypatch):
    """On PostgreSQL the first file goes by COPY into the empty table and its summaries are computed from
    the file's rows in memory; the next ones go through staging and rebuild only the months that
    changed (none when every row is unchanged). Stations and village points alike (points roll up)."""
    monkeypatch.setenv("IMPORT_BULK_ROWS", "1")
    with writable_db.begin() as conn:
        conn.execute(sa.delete(schema.visits_monthly))
        mark_dataset(conn, "visits", is_demo=False, row_count=0)
        finish_write(conn, ["visits_monthly"])
        station_codes = sorted(conn.execute(sa.select(schema.stations.c.station_code)).scalars())
        assert conn.execute(sa.select(sa.func.count()).where(schema.stations.c.parent_station_code.isnot(None))
                            ).scalar() > 0
    months = ["2023-11", "2023-12", "2024-01"]
    first = import_file("visits", visits_file(station_codes, months), "v1.csv", engine=writable_db)
    assert (first.outcome, first.new, first.demo_rows_replaced) == ("loaded", len(station_codes) * 11 * 3, 0)
    assert_summaries_current(writable_db)
    again = import_file("visits", visits_file(station_codes, months), "v1.csv", engine=writable_db)
    assert (again.outcome, again.new, again.changed) == ("loaded", 0, 0)
    assert_summaries_current(writable_db)
    later = import_file("visits", visits_file(station_codes[:40], ["2024-01", "2024-02"], bump=1), "v2.csv",
                        engine=writable_db)
    assert (later.outcome, later.new, later.changed) == ("loaded", 40 * 11, 40 * 11)
    assert_summaries_current(writable_db)


def empty_visits_for_the_bulk_path(engine: sa.Engine, monkeypatch) -> list[str]:
    """Empty the visits (no longer demo) and send any import, however small, down PostgreSQL's bulk path
    (COPY into the empty table, keys and indexes built after); returns the station codes."""
    monkeypatch.setenv("IMPORT_BULK_ROWS", "1")
    monkeypatch.setattr(bulk, "BUILD_INDEXES_AFTER_ROWS", 1)
    with engine.begin() as conn:
        conn.execute(sa.delete(schema.visits_monthly))
        mark_dataset(conn, "visits", is_demo=False, row_count=0)
        finish_write(conn, ["visits_monthly"])
        return sorted(conn.execute(sa.select(schema.stations.c.station_code)).scalars())


def test_a_bulk_load_into_empty_tables_builds_every_key_and_index_again(writable_db, monkeypatch):
    """The visits and their summaries are copied into empty tables before their keys and indexes are
    built: afterwards each table has exactly the schema's keys and indexes and the summaries are current.
    The foreign keys of the rows copied (dashboard/bulk.add_checked_foreign_key) were checked on their
    distinct values and added NOT VALID; PostgreSQL's own full check (VALIDATE CONSTRAINT) then passes."""
    if writable_db.dialect.name != "postgresql":
        pytest.skip("the COPY path is PostgreSQL's")
    station_codes = empty_visits_for_the_bulk_path(writable_db, monkeypatch)
    result = import_file("visits", visits_file(station_codes, ["2024-01", "2024-02"]), "v.csv", engine=writable_db)
    assert (result.outcome, result.new) == ("loaded", len(station_codes) * 11 * 2)
    assert_summaries_current(writable_db)
    tables = ["visits_monthly", "visits_county_monthly", "visits_station_monthly", "visits_township_monthly",
              "workload_station_quarterly"]
    with writable_db.connect() as conn:
        for name in tables:
            table = schema.metadata.tables[name]
            indexes = set(conn.execute(sa.text("SELECT indexname FROM pg_indexes WHERE tablename = :t"),
                                       {"t": name}).scalars())
            assert indexes == {table.primary_key.name} | {index.name for index in table.indexes}, name
            assert sorted(foreign_keys(conn, name)) == sorted(key.name for key in table.foreign_key_constraints), name
        # The visits' keys to the stations and the groups were checked on the file's distinct station
        # codes and group numbers, and PostgreSQL's own check of every row agrees.
        keys = ["fk_visits_monthly_station_code_stations", "fk_visits_monthly_group_number_population_groups"]
        assert foreign_keys(conn, "visits_monthly") == dict.fromkeys(keys, False)
        for key in keys:
            conn.exec_driver_sql(f"ALTER TABLE visits_monthly VALIDATE CONSTRAINT {key}")
        assert foreign_keys(conn, "visits_monthly") == dict.fromkeys(keys, True)


def stored_in_order(conn: sa.Connection, summary: summaries.Summary) -> bool:
    """Whether a summary's rows lie in the table (PostgreSQL's physical order, ctid) in its stored order."""
    columns = ", ".join(summary.stored_order)
    rows = conn.exec_driver_sql(f"SELECT {columns} FROM {summary.table} ORDER BY ctid").fetchall()
    in_order = conn.exec_driver_sql(f"SELECT {columns} FROM {summary.table} ORDER BY {columns}").fetchall()
    return len(rows) > 1 and rows == in_order


def test_a_summary_read_through_an_index_is_written_in_its_order(writable_db, monkeypatch):
    """workload_station_quarterly is read through its (quarter, visits per worker) index, many rows at a
    time: its rows are written in that order, whether rebuilt by its SQL or computed in memory by a bulk
    import, so that such a read goes through the table's pages in order."""
    if writable_db.dialect.name != "postgresql":
        pytest.skip("the physical order of rows (ctid) is PostgreSQL's")
    workload = next(s for s in summaries.SUMMARIES if s.table == "workload_station_quarterly")
    assert workload.stored_order == ("quarter", "visits_per_worker")
    with writable_db.begin() as conn:
        workload.rebuild(conn)
    with writable_db.connect() as conn:
        assert stored_in_order(conn, workload)
    station_codes = empty_visits_for_the_bulk_path(writable_db, monkeypatch)
    result = import_file("visits", visits_file(station_codes, ["2024-01", "2024-02", "2024-04"]), "v.csv",
                         engine=writable_db)
    assert result.outcome == "loaded"
    with writable_db.connect() as conn:
        assert stored_in_order(conn, workload)
    assert_summaries_current(writable_db)


def foreign_keys(conn, table_name: str) -> dict[str, bool]:
    """A table's foreign keys on PostgreSQL, each with whether it is marked validated."""
    return dict(conn.execute(sa.text("SELECT conname, convalidated FROM pg_constraint WHERE contype = 'f' "
                                     "AND conrelid = CAST(:t AS regclass)"), {"t": table_name}).fetchall())


def test_a_bulk_import_that_replaces_the_demo_rebuilds_the_whole_visit_summaries(writable_db, monkeypatch):
    monkeypatch.setenv("IMPORT_BULK_ROWS", "1")
    with writable_db.connect() as conn:
        station_codes = sorted(conn.execute(sa.select(schema.stations.c.station_code)).scalars())
    result = import_file("visits", visits_file(station_codes[::3], ["2024-02"]), "v.csv", engine=writable_db)
    assert result.outcome == "loaded" and result.demo_rows_replaced
    assert_summaries_current(writable_db)
    with writable_db.connect() as conn:
        months = conn.execute(sa.text("SELECT DISTINCT month FROM visits_station_monthly")).scalars().all()
    assert months == ["2024-02"]


def test_a_failed_import_leaves_the_summaries_as_they_were(writable_db):
    bad = corpus._set("visits", "探访人次", "-1")
    assert import_file("visits", bad, "bad.csv", engine=writable_db).outcome == "rejected"
    assert_summaries_current(writable_db)


def test_whole_years_are_recognised_and_other_ranges_are_not():
    assert whole_years(FAR_PAST, FAR_FUTURE) == ("1900", "9999")
    assert whole_years(date(2022, 1, 1), date(2023, 12, 31)) == ("2022", "2023")
    assert whole_years(date(2022, 1, 2), date(2023, 12, 31)) is None
    assert whole_years(date(2022, 1, 1), date(2023, 11, 30)) is None


YEARLY_PAIRS = [
    (renovations.RENOVATIONS_BY_YEAR_SQL, renovations.RENOVATIONS_BY_YEAR_BY_YEARS_SQL, {}),
    (renovations.RENOVATIONS_BY_COUNTY_YEAR_SQL, renovations.RENOVATIONS_BY_COUNTY_YEAR_BY_YEARS_SQL, {}),
    (renovations.RENOVATIONS_BY_TOWNSHIP_SQL, renovations.RENOVATIONS_BY_TOWNSHIP_BY_YEARS_SQL, {}),
    (renovations.RENOVATIONS_BY_CATEGORY_SQL, renovations.RENOVATIONS_BY_CATEGORY_BY_YEARS_SQL, {}),
    (renovations.RENOVATIONS_BY_AIM_SQL, renovations.RENOVATIONS_BY_AIM_BY_YEARS_SQL, {}),
    (renovations.RENOVATION_TOTALS_SQL, renovations.RENOVATION_TOTALS_BY_YEARS_SQL, {}),
    (charity.ORGANISATION_BALANCES_SQL, charity.ORGANISATION_BALANCES_BY_YEARS_SQL, {}),
    (charity.RAISED_BY_SOURCE_SQL, charity.RAISED_BY_SOURCE_BY_YEARS_SQL, {}),
    (charity.DISBURSED_BY_PROGRAMME_SQL, charity.DISBURSED_BY_PROGRAMME_BY_YEARS_SQL, {}),
    (charity.DISBURSED_BY_DESTINATION_SQL, charity.DISBURSED_BY_DESTINATION_BY_YEARS_SQL,
     {"destination": "county"}),
    (charity.DISBURSED_BY_DESTINATION_SQL, charity.DISBURSED_BY_DESTINATION_BY_YEARS_SQL,
     {"destination": "group"}),
]


@pytest.mark.parametrize("county_code", [None, "441302"])
@pytest.mark.parametrize("detail_sql, yearly_sql, extra", YEARLY_PAIRS)
def test_yearly_summaries_answer_whole_years_as_the_detail_rows_do(demo_database_url, detail_sql, yearly_sql,
                                                                    extra, county_code):
    engine = db.get_engine(demo_database_url)
    for start, end in YEAR_RANGES:
        start_year, end_year = whole_years(start, end)
        detail = fetch(engine, detail_sql, dict(county_code=county_code, start_date=start, end_date=end, **extra))
        yearly = fetch(engine, yearly_sql, dict(county_code=county_code, start_year=start_year,
                                                end_year=end_year, **extra))
        assert len(detail) > 0
        # Some of these queries leave the order to Python (queries._run.sort_codes): compare row sets.
        detail, yearly = (frame.sort_values(list(frame.columns), ignore_index=True) for frame in (detail, yearly))
        pd.testing.assert_frame_equal(detail, yearly, check_dtype=False, atol=0.005)


def test_charity_totals_by_years_equal_the_detail_rows(demo_database_url):
    engine = db.get_engine(demo_database_url)
    for start, end in YEAR_RANGES:
        start_year, end_year = whole_years(start, end)
        detail = fetch(engine, charity.CHARITY_TOTALS_SQL, dict(start_date=start, end_date=end))
        yearly = fetch(engine, charity.CHARITY_TOTALS_BY_YEARS_SQL, dict(start_year=start_year, end_year=end_year))
        pd.testing.assert_frame_equal(detail, yearly, check_dtype=False, atol=0.005)
        assert detail.iloc[0]["raised_yuan"] > 0


def test_a_range_that_is_not_whole_years_reads_the_detail_rows(demo_db):
    """Half a year: the same rows as filtering the detail table by hand."""
    part = renovations.renovation_totals(start_date=date(2022, 1, 1), end_date=date(2022, 6, 30)).iloc[0]
    engine = db.get_engine(demo_db)
    with engine.connect() as conn:
        expected = conn.execute(sa.text("SELECT COUNT(*) FROM renovations WHERE completed_on BETWEEN "
                                        "'2022-01-01' AND '2022-06-30'") if engine.dialect.name == "sqlite"
                                else sa.text("SELECT COUNT(*) FROM renovations WHERE completed_on BETWEEN "
                                             "DATE '2022-01-01' AND DATE '2022-06-30'")).scalar()
    assert 0 < part["household_count"] == expected


def test_migrating_a_database_that_holds_data_fills_new_summaries(writable_db):
    """An existing deployment upgraded to the summaries sees its figures at once, not after its next import."""
    with writable_db.begin() as conn:
        conn.execute(sa.delete(schema.visits_county_monthly))
        conn.execute(sa.delete(schema.charity_org_yearly))
    migrate.upgrade(writable_db)
    assert_summaries_current(writable_db)
