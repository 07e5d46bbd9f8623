"""A large CSV file loaded while it is read (dashboard/importing/streaming.py): read in parts, it gives
the rows, cells and row numbers of the whole file; loaded that way, the database holds what the
ordinary path writes; and a file with any problem, in any part or across parts, is reported exactly as
the ordinary path reports it, with nothing written."""
import random

import pandas as pd
import pytest
import sqlalchemy as sa

from dashboard import bulk, codes, db, migrate, schema, summaries
from dashboard.demo import load_demo
from dashboard.importing import import_file, reading, streaming
from dashboard.importing.loading import ImportResult
from dashboard.importing.templates import TEMPLATES
from tests import import_corpus as corpus
from tests.conftest import _fresh_database
from tests.test_summaries import assert_summaries_current

VISITS = TEMPLATES["visits"]


@pytest.fixture
def small_parts(monkeypatch):
    """Files of some tens of kilobytes count as large and are read in parts of 20 KB (some 400 rows)."""
    monkeypatch.setattr(reading, "LARGE_CSV_CHARS", 10_000)
    monkeypatch.setattr(streaming, "CHUNK_BYTES", 20_000)


def visit_rows(station_codes: list[str], months: list[str]) -> list[dict]:
    rng = random.Random(7)
    return [{"统计月份": month, "站点编码": code, "服务对象类别": group.zh, "探访人次": str(rng.randrange(200)),
             "个案数": str(rng.randrange(6)), "服务人次": str(rng.randrange(300))}
            for month in months for code in station_codes for group in codes.POPULATION_GROUPS]


def test_a_large_file_read_in_parts_gives_the_whole_files_rows_and_row_numbers(small_parts):
    rows = visit_rows([f"S{i:04d}" for i in range(60)], ["2024-01", "2024/2", "2024年3月"])
    rows[500] = dict.fromkeys(rows[500], "")  # a row of empty cells (not a blank line) is left out
    rows[901]["探访人次"] = "１２"  # full-width digits
    content = corpus.csv_bytes(corpus.frame("visits", rows), encoding="utf-8-sig", title="2024年第一季度探访")
    whole = reading.read_table(content, VISITS)
    encoding, chunks = reading.large_csv_chunks(content, VISITS, streaming.CHUNK_BYTES)
    parts = list(chunks)
    assert encoding == "utf-8-sig" and len(parts) >= 4
    assert [share for _, share in parts] == sorted(share for _, share in parts) and parts[-1][1] == 1.0
    frame = pd.concat([raw.frame.astype(str) for raw, _ in parts], ignore_index=True)
    pd.testing.assert_frame_equal(frame, whole.frame.astype(str))
    assert pd.concat([raw.rows for raw, _ in parts], ignore_index=True).tolist() == whole.rows.tolist()
    assert whole.rows.iloc[0] == 3 and 503 not in set(whole.rows)  # under the title and header rows


def test_files_read_whole_are_not_read_in_parts(small_parts):
    rows = visit_rows([f"S{i:04d}" for i in range(60)], ["2024-01", "2024-02", "2024-03"])
    table = corpus.frame("visits", rows)
    large = corpus.csv_bytes(table)
    assert reading.large_csv_chunks(large, VISITS, streaming.CHUNK_BYTES) is not None
    blank_line = large.replace(b"\n", b"\n\n", 1)
    unknown_header = large.replace("探访人次".encode(), "探访次数".encode(), 1)
    for content in (corpus.csv_bytes(table, encoding="gb18030"), corpus.xlsx_bytes(table), blank_line,
                    unknown_header, corpus.csv_bytes(table.head(3))):
        assert reading.large_csv_chunks(content, VISITS, streaming.CHUNK_BYTES) is None


@pytest.fixture
def postgres_demo(tmp_path_factory, monkeypatch):
    """A function giving a new PostgreSQL database with the demo loaded (the visits are demo rows)."""
    made = []

    def make() -> sa.Engine:
        url, drop = _fresh_database("postgresql", tmp_path_factory)
        made.append(drop)
        engine = db.get_engine(url)
        migrate.upgrade(engine)
        load_demo(engine)
        return engine
    yield make
    for drop in made:
        drop()


def contents(engine: sa.Engine, table: str = "visits_monthly") -> dict[str, list]:
    """A table and the summaries made from it, rows sorted; the datasets' flags and counts."""
    names = [table, *(s.table for s in summaries.SUMMARIES if table in s.sources), "datasets"]
    with engine.connect() as conn:
        return {name: sorted(tuple(str(v) for v in row if not hasattr(v, "isoformat"))
                             for row in conn.execute(sa.select(schema.metadata.tables[name])))
                for name in names}


def audit(engine: sa.Engine, dataset: str = "visits") -> list[tuple]:
    with engine.connect() as conn:
        return conn.execute(sa.select(schema.import_audit.c.outcome, schema.import_audit.c.rows_new)
                            .where(schema.import_audit.c.dataset_name == dataset)).all()


def station_codes(engine: sa.Engine) -> list[str]:
    with engine.connect() as conn:
        return sorted(conn.execute(sa.select(schema.stations.c.station_code)).scalars())


def ordinary_path_only(monkeypatch):
    monkeypatch.setattr(streaming, "STREAMED", frozenset())


def read_whole_forbidden(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the file was read whole")
    monkeypatch.setattr(reading, "read_table", refuse)


def monitored_rows(engine: sa.Engine, months: list[str]) -> list[dict]:
    """Monitored people per month, township (by name, under its county's name) and category."""
    with engine.connect() as conn:
        townships = conn.execute(sa.select(schema.counties.c.name_zh, schema.townships.c.name_zh).join(
            schema.counties, schema.counties.c.county_code == schema.townships.c.county_code)).all()
    rng = random.Random(11)
    return [{"统计月份": month, "县区": county, "镇街": township, "监测对象类别": category.zh,
             "监测人数": str(rng.randrange(500))}
            for month in months for county, township in townships for category in codes.MONITORED_CATEGORIES]


@pytest.mark.parametrize("dataset, table", [("visits", "visits_monthly"),
                                            ("monitored_population", "monitored_population_monthly")])
def test_a_large_file_loaded_while_read_gives_what_the_ordinary_path_gives(dataset, table, postgres_demo,
                                                                            small_parts, monkeypatch):
    streamed_db, ordinary_db = postgres_demo(), postgres_demo()
    months = [f"2023-{m:02d}" for m in range(1, 13)] if dataset != "visits" else ["2024-01", "2024-02", "2024-03"]
    rows = visit_rows(station_codes(streamed_db), months) if dataset == "visits" \
        else monitored_rows(streamed_db, months)
    content = corpus.csv_bytes(corpus.frame(dataset, rows))
    with monkeypatch.context() as patch:
        read_whole_forbidden(patch)
        streamed = import_file(dataset, content, "file.csv", engine=streamed_db)
    with monkeypatch.context() as patch:
        ordinary_path_only(patch)
        ordinary = import_file(dataset, content, "file.csv", engine=ordinary_db)
    assert streamed.outcome == "loaded" and streamed.new == len(rows) and streamed.demo_rows_replaced > 0
    for field in ("outcome", "rows_total", "new", "changed", "unchanged", "demo_rows_replaced", "problems",
                  "notices", "file_format", "encoding"):
        assert getattr(streamed, field) == getattr(ordinary, field), field
    assert contents(streamed_db, table) == contents(ordinary_db, table)
    assert audit(streamed_db, dataset) == audit(ordinary_db, dataset) == [("loaded", streamed.new)]
    assert_summaries_current(streamed_db)


@pytest.mark.parametrize("problem", ["late_bad_cell", "key_in_two_parts", "unknown_station_in_a_part"])
def test_a_large_file_with_a_problem_anywhere_is_reported_as_the_ordinary_path_reports_it(
        problem, postgres_demo, small_parts, monkeypatch):
    engine = postgres_demo()
    rows = visit_rows(station_codes(engine), ["2024-01", "2024-02"])
    if problem == "late_bad_cell":
        rows[-3]["探访人次"] = "-4"
    elif problem == "key_in_two_parts":
        rows[-1] = dict(rows[0])
    else:
        rows[len(rows) // 2]["站点编码"] = "S999999999"
    content = corpus.csv_bytes(corpus.frame("visits", rows))
    before = contents(engine)
    copies = []
    copy_frames = bulk.copy_frames
    monkeypatch.setattr(bulk, "copy_frames", lambda conn, table, *args: copies.append(table)
                        or copy_frames(conn, table, *args))
    result = import_file("visits", content, "v.csv", engine=engine)
    assert copies == ["visits_monthly"]  # the COPY began while the file was read, and was abandoned
    assert result.outcome == "rejected" and result.problems
    assert contents(engine) == before
    assert audit(engine) == [("rejected", 0)]
    with monkeypatch.context() as patch:
        ordinary_path_only(patch)
        ordinary = import_file("visits", content, "v.csv", engine=engine)
    assert result.problems == ordinary.problems


def test_a_dry_run_and_a_table_that_holds_rows_take_the_ordinary_path(postgres_demo, small_parts, monkeypatch):
    engine = postgres_demo()
    content = corpus.csv_bytes(corpus.frame("visits", visit_rows(station_codes(engine), ["2024-01"])))
    read_whole_forbidden(monkeypatch)
    with pytest.raises(AssertionError, match="read whole"):
        import_file("visits", content, "v.csv", engine=engine, dry_run=True)
    assert import_file("visits", content, "v.csv", engine=engine).outcome == "loaded"  # replaces the demo
    with pytest.raises(AssertionError, match="read whole"):
        import_file("visits", content, "v.csv", engine=engine)  # the table now holds rows


def test_sqlite_reads_the_file_whole(tmp_path, small_parts, monkeypatch):
    engine = db.get_engine(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    migrate.upgrade(engine)
    load_demo(engine)
    content = corpus.csv_bytes(corpus.frame("visits", visit_rows(station_codes(engine)[:40], ["2024-01"])))
    unread = ImportResult("visits", "v.csv", "", dry_run=False)
    assert streaming.try_load(engine, VISITS, content, unread, None, lambda fraction, key: None) is None
