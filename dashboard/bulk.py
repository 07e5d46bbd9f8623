"""Writing many rows at once: COPY on PostgreSQL, batched INSERTs elsewhere."""
from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import numpy as np
import pandas as pd
import sqlalchemy as sa

COPY_SLICE_ROWS = 100_000
# Into an empty PostgreSQL table, at least this many rows are copied before its keys and indexes are
# built (one sort each) rather than with them (one index insertion per row and index).
BUILD_INDEXES_AFTER_ROWS = 20_000


def copy_frame(conn: sa.Connection, table_name: str, frame: pd.DataFrame, order: np.ndarray | None = None) -> None:
    """COPY the frame's rows into a PostgreSQL table (its columns by name) as CSV, in slices: a second
    thread sends each slice while the next is formatted, so PostgreSQL parses one while Python writes
    the other. `order`: the rows' positions in the order to send them (Arrow's take of a million rows
    costs a third of pandas')."""
    copy_frames(conn, table_name, list(frame.columns), [(frame, order)])


def copy_frames(conn: sa.Connection, table_name: str, columns: list[str],
                frames: Iterable[tuple[pd.DataFrame, np.ndarray | None]]) -> None:
    """COPY frames' rows into a PostgreSQL table in one COPY, each frame (with the order of its rows,
    as copy_frame's) sent as it comes: a caller may produce the next while PostgreSQL parses this one.
    An exception from `frames` ends the COPY unfinished (COPY FAIL): the transaction is then aborted."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    from psycopg.copy import QueuedLibpqWriter
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table_name} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)",
                     writer=QueuedLibpqWriter(cursor)) as copy:
        for frame, order in frames:
            part = frame if list(frame.columns) == columns else frame[columns]
            table = pa.Table.from_pandas(part, preserve_index=False)
            if order is not None:
                table = table.take(pa.array(order))
            options = pacsv.WriteOptions(include_header=False,
                                         quoting_style="needed" if _needs_quotes(table) else "none")
            for batch in table.to_batches(max_chunksize=COPY_SLICE_ROWS):
                buffer = io.BytesIO()
                pacsv.write_csv(batch, buffer, write_options=options)
                copy.write(buffer.getvalue())


def _needs_quotes(table) -> bool:
    """Whether a text cell of the table must be quoted in CSV to be read back as it is: it holds a
    delimiter, quote, line break or backslash, or is empty (PostgreSQL reads an unquoted empty cell as
    NULL). Otherwise none is: quoting every text cell, as Arrow does by default, costs PostgreSQL a sixth
    of a COPY's time."""
    import pyarrow as pa
    import pyarrow.compute as pc
    for column in table.columns:
        type_ = column.type.value_type if pa.types.is_dictionary(column.type) else column.type
        if not (pa.types.is_string(type_) or pa.types.is_large_string(type_)):
            continue
        for chunk in column.chunks:
            values = chunk.dictionary if pa.types.is_dictionary(chunk.type) else chunk
            if pc.any(pc.match_substring_regex(values, r'[",\r\n\\]|^$')).as_py():
                return True
    return False


@contextmanager
def indexes_built_after(conn: sa.Connection, table: sa.Table,
                        rows: pd.DataFrame | Callable[[], pd.DataFrame] | None = None) -> Iterator[None]:
    """Drop a PostgreSQL table's foreign keys, indexes and primary key, and build them again after the
    block, as PostgreSQL's manual advises for bulk loading. Inside the caller's transaction: a failure
    restores them, and readers wait on the table's lock until it commits.

    `rows`, when given, are every row the table holds after the block (it was empty before). A foreign
    key is then checked on their distinct values (see add_checked_foreign_key) rather than by
    PostgreSQL's scan of the whole table; or a function giving them once the block has written them."""
    keys, indexes = list(table.foreign_key_constraints), list(table.indexes)
    conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")  # sort each index in memory
    conn.exec_driver_sql("SET LOCAL max_parallel_maintenance_workers = 0")
    for constraint in keys:
        conn.execute(sa.schema.DropConstraint(constraint))
    for index in indexes:
        conn.execute(sa.schema.DropIndex(index))
    conn.execute(sa.schema.DropConstraint(table.primary_key))
    yield
    if callable(rows):
        rows = rows()
    conn.execute(sa.schema.AddConstraint(table.primary_key))
    for index in indexes:
        conn.execute(sa.schema.CreateIndex(index))
    for constraint in keys:
        if rows is None:
            conn.execute(sa.schema.AddConstraint(constraint))
        else:
            add_checked_foreign_key(conn, constraint, rows)


def add_checked_foreign_key(conn: sa.Connection, constraint: sa.ForeignKeyConstraint, rows: pd.DataFrame) -> None:
    """Add a single-column foreign key to a table whose rows are `rows`, checking their distinct values
    rather than every row: the table it refers to is locked against writers (SHARE, until the
    transaction ends), the values are looked up there, and if all are present the key is added NOT
    VALID, which PostgreSQL then enforces on every later write, as any foreign key. The guarantee is
    the one PostgreSQL's own check gives (every row's value is in the referred table, and stays there
    while the transaction lasts), for a lookup of a few hundred codes instead of a join over a million
    rows. The key stays marked not validated in pg_constraint; `ALTER TABLE ... VALIDATE CONSTRAINT`
    confirms it at any time without blocking readers or writers. If a value is missing, or the key has
    more than one column, the key is added the ordinary way, and PostgreSQL's check fails or passes as
    it always does."""
    referred = constraint.referred_table
    if len(constraint.columns) == 1:
        column = next(iter(constraint.columns))
        target = constraint.elements[0].column
        values = pd.Series(pd.unique(rows[column.name].dropna())).tolist()  # Python str or int
        conn.exec_driver_sql(f"LOCK TABLE {referred.name} IN SHARE MODE")
        found = conn.exec_driver_sql(f"SELECT COUNT(*) FROM {referred.name} WHERE {target.name} = ANY(%s)",
                                     (values,)).scalar()
        if found == len(values):
            add = sa.schema.AddConstraint(constraint).compile(dialect=conn.dialect)
            conn.exec_driver_sql(f"{add} NOT VALID")
            return
    conn.execute(sa.schema.AddConstraint(constraint))


def is_empty(conn: sa.Connection, table: str) -> bool:
    return conn.execute(sa.text(f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} LIMIT 1) t")).scalar() == 0


def insert(conn: sa.Connection, table: sa.Table, frame: pd.DataFrame) -> None:
    """Insert the frame's rows: COPY on PostgreSQL (into an empty table, many rows before its indexes
    are built), batched INSERTs on other databases."""
    if conn.dialect.name == "postgresql":
        if len(frame) >= BUILD_INDEXES_AFTER_ROWS and is_empty(conn, table.name):
            with indexes_built_after(conn, table):
                copy_frame(conn, table.name, frame)
        elif len(frame):
            copy_frame(conn, table.name, frame)
    else:
        from dashboard.writing import insert_frame
        insert_frame(conn, table, frame)
