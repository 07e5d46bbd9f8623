"""Low-level writes shared by the demo loader and the import path (the only code that writes)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import pandas as pd
import sqlalchemy as sa

from dashboard import db, summaries
from dashboard.schema import datasets

INSERT_CHUNK_ROWS = 5000


def records(frame: pd.DataFrame, table: sa.Table) -> list[dict]:
    """The frame's rows as plain-Python dicts holding only the table's columns (NaN becomes None)."""
    columns = [c.name for c in table.columns if c.name in frame.columns]
    subset = frame[columns].astype(object)
    return subset.where(subset.notna(), None).to_dict("records")


def insert_frame(conn: sa.Connection, table: sa.Table, frame: pd.DataFrame) -> int:
    """Insert every row of a frame into a table in chunks; returns the row count."""
    rows = records(frame, table)
    for start in range(0, len(rows), INSERT_CHUNK_ROWS):
        conn.execute(sa.insert(table), rows[start:start + INSERT_CHUNK_ROWS])
    return len(rows)


def mark_dataset(conn: sa.Connection, name: str, is_demo: bool, row_count: int) -> None:
    """Record that a dataset was (re)loaded, and whether it is demo data."""
    conn.execute(sa.delete(datasets).where(datasets.c.dataset_name == name))
    conn.execute(sa.insert(datasets).values(dataset_name=name, is_demo=is_demo, row_count=row_count,
                                            loaded_at=dt.datetime.now()))


def finish_write(conn: sa.Connection, changed_tables: Iterable[str] | None = None,
                 months: Iterable[str] | None = None, computed: Mapping[str, pd.DataFrame] | None = None) -> None:
    """Close a write: rebuild the summaries of the tables it changed (all when not said; only the given
    months when the tables changed in those months alone; those in `computed` from the rows
    summaries.in_memory gave), then advance the data version so every cache sees the new data."""
    summaries.refresh(conn, None if changed_tables is None else set(changed_tables),
                      None if months is None else list(months), computed)
    db.bump_data_version(conn)
