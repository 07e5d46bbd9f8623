"""COPY into PostgreSQL reads back every value as the frame held it, whether its text cells go quoted
or not."""
import pandas as pd
import pyarrow as pa
import pytest

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
