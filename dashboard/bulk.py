"""Writing many rows at once: COPY on PostgreSQL, batched INSERTs elsewhere."""
from __future__ import annotations

import io

import pandas as pd
import sqlalchemy as sa

COPY_SLICE_ROWS = 100_000


def copy_frame(conn: sa.Connection, table_name: str, frame: pd.DataFrame) -> None:
    """COPY the frame's rows into a PostgreSQL table (its columns by name) as CSV, in slices: a second
    thread sends each slice while the next is formatted, so PostgreSQL parses one while Python writes
    the other."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    from psycopg.copy import QueuedLibpqWriter
    options = pacsv.WriteOptions(include_header=False)
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table_name} ({', '.join(frame.columns)}) FROM STDIN WITH (FORMAT csv)",
                     writer=QueuedLibpqWriter(cursor)) as copy:
        for batch in pa.Table.from_pandas(frame, preserve_index=False).to_batches(max_chunksize=COPY_SLICE_ROWS):
            buffer = io.BytesIO()
            pacsv.write_csv(batch, buffer, write_options=options)
            copy.write(buffer.getvalue())


def insert(conn: sa.Connection, table: sa.Table, frame: pd.DataFrame) -> None:
    """Insert the frame's rows: COPY on PostgreSQL, batched INSERTs on other databases."""
    if conn.dialect.name == "postgresql":
        if len(frame):
            copy_frame(conn, table.name, frame)
    else:
        from dashboard.writing import insert_frame
        insert_frame(conn, table, frame)
