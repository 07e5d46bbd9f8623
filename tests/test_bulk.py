"""COPY into PostgreSQL reads back every value as the frame held it, whether its text cells go quoted
or not."""
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
import sqlalchemy as sa

from dashboard import bulk, db
from tests.conftest import _fresh_database

SAFE_TEXT = ["HZ-S001", "2024-05", "惠州 市", " padded "]
AWKWARD_TEXT = ["", None, "a,b", 'say "hi"', "two\nlines", "cr\rhere", "back\\slash", "\\.", "惠州"]


@pytest.fixture
def postgres_engine(tmp_path_factory):
    url, drop = _fresh_database("postgresql", tmp_path_factory)
    yield db.get_engine(url)
    drop()


@pytest.mark.parametrize("values", [SAFE_TEXT, AWKWARD_TEXT], ids=["unquoted", "quoted"])
@pytest.mark.parametrize("categorical", [False, True], ids=["text", "categories"])
def test_copy_frame_reads_back_every_value(postgres_engine, values, categorical):
    cells = pd.Series(values, dtype="category" if categorical else object)
    frame = pd.DataFrame({"n": range(len(values)), "cell": cells, "count": pd.array(range(len(values)), "Int64")})
    with postgres_engine.begin() as conn:
        conn.exec_driver_sql("CREATE TEMP TABLE copied (n INTEGER, cell TEXT, count INTEGER)")
        bulk.copy_frame(conn, "copied", frame)
        back = conn.exec_driver_sql("SELECT cell, count FROM copied ORDER BY n").fetchall()
    assert [cell for cell, _ in back] == values
    assert [count for _, count in back] == list(range(len(values)))
    assert bulk._needs_quotes(pa.Table.from_pandas(frame)) == (values is AWKWARD_TEXT)


def _keyed_tables():
    metadata = sa.MetaData(naming_convention={"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                                              "pk": "pk_%(table_name)s"})
    places = sa.Table("places", metadata, sa.Column("place_code", sa.String(10), primary_key=True))
    counts = sa.Table("counts", metadata, sa.Column("month", sa.String(7), primary_key=True),
                      sa.Column("place_code", sa.String(10), sa.ForeignKey("places.place_code"), primary_key=True),
                      sa.Column("n", sa.Integer, nullable=False))
    return metadata, places, counts


def _bulk_load(conn, counts, frame):
    with bulk.indexes_built_after(conn, counts, frame):
        bulk.copy_frame(conn, "counts", frame)


def test_bulk_load_checks_the_foreign_key_on_its_distinct_values(postgres_engine):
    """Into an empty table, the foreign key is checked on the rows' distinct values and added NOT VALID;
    PostgreSQL still enforces it on every later write, and a row naming a missing place fails the
    load as PostgreSQL's own check fails it."""
    metadata, places, counts = _keyed_tables()
    metadata.create_all(postgres_engine)
    with postgres_engine.begin() as conn:
        conn.execute(places.insert(), [{"place_code": code} for code in ("A", "B", "C")])
    frame = pd.DataFrame({"month": ["2024-01", "2024-01", "2024-02"], "place_code": ["A", "B", "A"], "n": [1, 2, 3]})
    with postgres_engine.begin() as conn:
        _bulk_load(conn, counts, frame)
    with postgres_engine.connect() as conn:
        validated = conn.exec_driver_sql("SELECT convalidated FROM pg_constraint WHERE conname = "
                                         "'fk_counts_place_code_places'").scalar()
        assert validated is False  # added NOT VALID, after the check of A and B
        assert conn.execute(sa.select(sa.func.count()).select_from(counts)).scalar() == 3
    with pytest.raises(sa.exc.IntegrityError, match="fk_counts_place_code_places"):
        with postgres_engine.begin() as conn:
            conn.execute(counts.insert().values(month="2024-03", place_code="Z", n=1))
    with pytest.raises(sa.exc.IntegrityError, match="fk_counts_place_code_places"):
        with postgres_engine.begin() as conn:
            conn.execute(places.delete().where(places.c.place_code == "A"))

    with postgres_engine.begin() as conn:
        conn.execute(counts.delete())
    missing = pd.DataFrame({"month": ["2024-01", "2024-01"], "place_code": ["A", "Z"], "n": [1, 2]})
    with pytest.raises(sa.exc.IntegrityError, match="fk_counts_place_code_places"):
        with postgres_engine.begin() as conn:
            _bulk_load(conn, counts, missing)
    with postgres_engine.connect() as conn:  # the failed load changed nothing
        assert conn.execute(sa.select(sa.func.count()).select_from(counts)).scalar() == 0
        assert conn.exec_driver_sql("SELECT convalidated FROM pg_constraint WHERE conname = "
                                    "'fk_counts_place_code_places'").scalar() is False


def test_copy_frame_sends_the_rows_in_the_order_given(postgres_engine):
    frame = pd.DataFrame({"cell": pd.Categorical(["c", "a", "b"]), "count": pd.array([3, 1, 2], "Int64")})
    with postgres_engine.begin() as conn:
        conn.exec_driver_sql("CREATE TEMP TABLE copied (seq BIGSERIAL, cell TEXT, count INTEGER)")
        bulk.copy_frame(conn, "copied", frame, order=np.array([1, 2, 0]))
        back = conn.exec_driver_sql("SELECT cell, count FROM copied ORDER BY seq").fetchall()
    assert back == [("a", 1), ("b", 2), ("c", 3)]
