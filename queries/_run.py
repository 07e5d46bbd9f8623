"""Run a named SQL query with bound parameters, cached on the data version."""
from __future__ import annotations

import datetime as dt
import decimal
import logging

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from dashboard import db, settings
from queries._copy import fetch_by_copy

# Outside a Streamlit server the cache warns on every call that no runtime exists; that is expected
# for the CLI and tests.
logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)


# "No end date": date filters always take a real date so both databases type the parameter.
FAR_FUTURE = dt.date(9999, 12, 31)


def run(sql: str, **params) -> pd.DataFrame:
    """The result of a query as a DataFrame (cached until the data changes)."""
    url = db.database_url()
    version = db.current_data_version(db.get_engine(url))
    return _cached(url, sql, tuple(sorted(params.items())), version).copy()


@st.cache_data(ttl=settings.get_int("CACHE_TTL_SECONDS"), max_entries=2000, show_spinner=False)
def _cached(url: str, sql: str, params: tuple, version_key: int) -> pd.DataFrame:
    # version_key must not start with an underscore: st.cache_data leaves such arguments out of the
    # cache key, and then an import would not be seen until the TTL ran out.
    return fetch(db.get_engine(url), sql, dict(params))


def fetch(engine: sa.Engine, sql: str, params: dict, by_copy: bool = True) -> pd.DataFrame:
    """Run a query uncached and normalise its types so both databases give the same frame. On
    PostgreSQL the rows come through COPY (queries/_copy.py: the same frame, built faster) unless
    by_copy is False."""
    statement = sa.text(sql).bindparams(*(sa.bindparam(name, type_=_bind_type(value))
                                          for name, value in params.items()))
    with engine.connect() as conn:
        if by_copy and conn.dialect.name == "postgresql":
            frame = fetch_by_copy(conn, statement, sql, params)
            if frame is not None:
                return frame
        result = conn.execute(statement, params)
        columns = list(result.keys())
        # The driver's own tuples: a text() query has no result processors, so SQLAlchemy's Rows would
        # hold the same values, and building them and turning them back into tuples costs ~2 µs a row
        # (pandas probing Rows for namedtuple fields would cost ~25 µs).
        rows = result.cursor.fetchall() if result.returns_rows else []
        frame = pd.DataFrame(rows, columns=columns)
    for column in frame.columns:
        frame[column] = _normalise(frame[column])
    return frame


def sort_codes(frame: pd.DataFrame, columns: list[str], ascending: bool | list[bool] = True) -> pd.DataFrame:
    """Sort a result by columns of ASCII codes (and numbers) in Python rather than by ORDER BY. The
    order is the same (code point order: SQLite's BINARY, PostgreSQL's C.UTF-8; any locale orders digits
    and capitals alike), but PostgreSQL under a glibc locale compares text with strcoll and without
    abbreviated keys: ~25 ms for 26,000 village codes and ~100 ms for 21,500 (quarter, station) rows at
    province scale, against a few ms here."""
    return frame.sort_values(columns, ascending=ascending, kind="stable", ignore_index=True)


def _bind_type(value) -> sa.types.TypeEngine:
    # Typed binds let PostgreSQL compare dates with dates, and SQLite receive ISO strings.
    if isinstance(value, dt.datetime):
        return sa.DateTime()
    if isinstance(value, dt.date):
        return sa.Date()
    if isinstance(value, bool):
        return sa.Boolean()
    if isinstance(value, int):
        return sa.Integer()
    if isinstance(value, float):
        return sa.Float()
    return sa.String()


def _normalise(series: pd.Series) -> pd.Series:
    sample = series.dropna()
    if sample.empty:
        return series
    first = sample.iloc[0]
    if isinstance(first, decimal.Decimal):
        return series.map(lambda v: None if v is None else float(v)).astype("float64")
    if isinstance(first, (dt.date, dt.datetime)):
        # pandas holds missing datetimes as NaT, not None
        return series.map(lambda v: None if pd.isna(v) else v.isoformat()[:10])
    return series
