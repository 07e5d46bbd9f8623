"""The data version read once per script run, and results cached until the data changes."""
import pandas as pd
import sqlalchemy as sa

from dashboard import caching, db


def _counting_version_reads(engine):
    reads = []

    def before(conn, cursor, statement, parameters, context, executemany):
        if "data_version" in statement and statement.lstrip().upper().startswith("SELECT"):
            reads.append(statement)
    sa.event.listen(engine, "before_cursor_execute", before)
    return reads, lambda: sa.event.remove(engine, "before_cursor_execute", before)


def test_the_version_is_read_once_in_a_run_and_afresh_after_a_write(scratch_db):
    engine = db.get_engine(scratch_db)
    reads, stop = _counting_version_reads(engine)
    try:
        before = db.current_data_version(engine)
        db.current_data_version(engine)
        assert len(reads) == 2  # outside a run: every call reads
        with db.one_data_version():
            assert [db.current_data_version(engine) for _ in range(5)] == [before] * 5
            assert len(reads) == 3
            with engine.begin() as conn:
                db.bump_data_version(conn)
            assert db.current_data_version(engine) == before + 1  # the write is seen in the same run
            assert db.current_data_version(engine) == before + 1
            assert len(reads) == 4
        db.current_data_version(engine)
        assert len(reads) == 5  # the block is over: reads again
    finally:
        stop()


def test_a_result_is_worked_out_once_until_the_data_changes(scratch_db):
    calls = []

    @caching.on_data_version
    def doubled(n: int) -> pd.DataFrame:
        calls.append(n)
        return pd.DataFrame({"n": [n * 2]})

    first = doubled(3)
    first.loc[0, "n"] = -1  # callers get a copy
    assert doubled(3)["n"].tolist() == [6] and calls == [3]
    doubled(4)
    assert calls == [3, 4]
    with db.get_engine(scratch_db).begin() as conn:
        db.bump_data_version(conn)
    assert doubled(3)["n"].tolist() == [6] and calls == [3, 4, 3]
