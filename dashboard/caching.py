"""Caching what is worked out from the data (not only what is queried) until the data changes.

queries._run caches each query's frame on the data version; a few pages then do real work on those
frames on every run (a projection per county, say). `@on_data_version` caches such a function's result
on its arguments, the database URL and the data version, so an import is seen on the next run."""
from __future__ import annotations

import functools

import streamlit as st

from dashboard import db, settings

_FUNCTIONS: dict[str, object] = {}


def on_data_version(function):
    """Cache a function of plain (hashable-by-Streamlit) arguments that returns a DataFrame or other
    picklable value, until the data version changes. Callers get a copy they may change."""
    name = f"{function.__module__}.{function.__qualname__}"
    _FUNCTIONS[name] = function

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        url = db.database_url()
        value = _cached(name, url, db.current_data_version(db.get_engine(url)), args, kwargs)
        return value.copy() if hasattr(value, "copy") else value
    return wrapper


@st.cache_data(ttl=settings.get_int("CACHE_TTL_SECONDS"), max_entries=500, show_spinner=False)
def _cached(name: str, url: str, version: int, args: tuple, kwargs: dict):
    # One cached function for all: st.cache_data keys a function on its source, which a decorator's
    # inner function shares across everything it decorates, so the decorated function's name is an
    # argument. version must not start with an underscore (st.cache_data would leave it out of the key).
    return _FUNCTIONS[name](*args, **kwargs)
