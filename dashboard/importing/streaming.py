"""A large CSV file loaded while it is read: on PostgreSQL, into an empty table of a dataset that goes
through COPY, the file is read and checked a few megabytes at a time, and each part is sent to the
COPY as soon as it has passed, so that PostgreSQL parses one part while Python reads the next (the
whole file read first left PostgreSQL idle for a second of a million rows' import).

It is a fast path for files that pass, not a second set of rules: each part goes through the same
reading and validation as a whole file, and the checks across parts (the row limit, keys repeated in
two parts) are made before the keys are built. At the first problem of any kind the COPY is abandoned,
the transaction rolled back, and the file goes through loading.import_file's ordinary path, which
reads it whole and reports every problem exactly as it would have.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

import pandas as pd
import sqlalchemy as sa
from pandas.api.types import union_categoricals

from dashboard import bulk, schema, settings, summaries
from dashboard.importing import reading, validation
from dashboard.importing.templates import Template
from dashboard.writing import finish_write, mark_dataset

if TYPE_CHECKING:
    from dashboard.importing.loading import ImportResult, Progress

CHUNK_BYTES = 8 << 20  # some 200,000 visit rows a part (smaller parts cost more to read and check than they save)
# The datasets whose files go through COPY (loading._load's bulk path) and are stored as they are read.
STREAMED = frozenset({"visits", "special_education", "special_education_resources", "monitored_population",
                      "risk_warnings", "assistance_requests"})
T = TypeVar("T")


class _Abandoned(Exception):
    """The file is not loaded this way (a problem, or a table that holds rows); nothing was written."""


def try_load(engine: sa.Engine, template: Template, content: bytes, result: ImportResult, actor: str | None,
             step: Progress) -> ImportResult | None:
    """Load a large CSV file while reading it, when it qualifies and passes: returns the ImportResult
    (loaded and audited). None when the file does not qualify or does not pass: nothing was written
    and nothing audited, and the caller reads the file whole."""
    from dashboard.importing import loading
    if engine.dialect.name != "postgresql" or result.dry_run or template.dataset not in STREAMED:
        return None
    found = reading.large_csv_chunks(content, template, CHUNK_BYTES)
    if found is None:
        return None
    encoding, chunks = found
    loaded = dataclasses.replace(result, file_format="csv", encoding=encoding, problems=[], notices=[])
    table = schema.metadata.tables[loading.PRIMARY_TABLE[template.dataset]]
    key = [loading.TABLE_COLUMNS[template.dataset][k] for k in template.key]
    try:
        with engine.begin() as conn:
            places = validation.Places.load(conn)
            is_demo = conn.execute(sa.select(schema.datasets.c.is_demo)
                                   .where(schema.datasets.c.dataset_name == template.dataset)).scalar()
            if is_demo:
                loaded.demo_rows_replaced = loading.remove_demo(conn, template, loaded)
            if not summaries.is_empty(conn, table.name):
                raise _Abandoned
            step(0.1, "progress.streaming")

            def checked() -> Iterator[tuple[pd.DataFrame, float]]:  # in the second thread: no step() here
                for raw, share in chunks:
                    typed, problems = validation.validate(template, raw, places)
                    if problems:
                        raise _Abandoned
                    yield loading.table_frames(conn, template, typed, loaded)[table.name], share

            def write() -> pd.DataFrame:
                frames = []

                def sent() -> Iterator[tuple[pd.DataFrame, object]]:
                    for frame, share in _prefetched(checked()):
                        step(0.1 + 0.6 * share, "progress.streaming")
                        frames.append(frame)
                        yield frame, loading.key_order(frame, key)
                    whole = concat(frames)
                    if not len(whole) or len(whole) > settings.get_int("IMPORT_MAX_ROWS") \
                            or validation.may_repeat_keys(whole, key):
                        raise _Abandoned  # no rows, too many, or a key in two parts: reported whole
                    frames[:] = [whole]
                bulk.copy_frames(conn, table.name, list(loading.TABLE_COLUMNS[template.dataset].values()), sent())
                step(0.7, "progress.writing")  # the keys, then the summaries
                return frames[0]
            counts = loading.copy_into_empty(conn, table, template.tables, write)
            step(0.9, "progress.writing")
            loaded.rows_total = loaded.new = counts["new"]
            mark_dataset(conn, template.dataset, is_demo=False, row_count=counts["row_count"])
            loaded.outcome = "loaded"
            loading.audit_row(conn, loaded, actor)
            finish_write(conn, template.tables, None if loaded.demo_rows_replaced else counts["written_months"],
                         counts["computed"])
    except (_Abandoned, reading.ReadError, sa.exc.DBAPIError):
        return None  # the ordinary path reads the file whole and reports what it finds
    return loaded


def _prefetched(items: Iterable[T]) -> Iterator[T]:
    """The items, each next one made in a second thread while the caller uses this one."""
    iterator, end = iter(items), object()
    with ThreadPoolExecutor(max_workers=1) as pool:
        coming = pool.submit(next, iterator, end)
        while (item := coming.result()) is not end:
            coming = pool.submit(next, iterator, end)
            yield item


def concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Frames of the same columns one after another; a column that is categorical in each stays
    categorical (its categories united), where pandas would turn categories that differ into objects."""
    if len(frames) == 1:
        return frames[0]
    columns = {}
    for name in frames[0].columns:
        parts = [frame[name] for frame in frames]
        if all(isinstance(part.dtype, pd.CategoricalDtype) for part in parts):
            columns[name] = pd.Series(union_categoricals([part.array for part in parts]))
        else:
            columns[name] = pd.concat(parts, ignore_index=True)
    return pd.DataFrame(columns)
