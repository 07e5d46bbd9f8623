"""Filters shared by the pages, kept in the URL so a link opens the same view. "All" is None."""
from __future__ import annotations

import streamlit as st

from dashboard import codes
from dashboard.i18n import current_language, t

ALL = "all"


def url_value(name: str, allowed: list[str], default: str | None = None) -> str | None:
    """A query parameter's value if it is one of the allowed values, else the default."""
    value = st.query_params.get(name)
    return value if value in allowed else default


def set_url_value(name: str, value: str | None) -> None:
    """Write (or clear) a query parameter."""
    if value is None:
        st.query_params.pop(name, None)
    elif st.query_params.get(name) != value:
        st.query_params[name] = value


def county_filter(container=st.sidebar, key: str = "county") -> str | None:
    """A county selector (with 全市 / Whole city) bound to ?county=; returns the code or None."""
    options = [ALL] + codes.codes("county")
    _apply_pending(key)
    current = url_value(key, options, ALL)
    language = current_language()
    chosen = container.selectbox(
        t("filter.county"), options, index=options.index(current), key=f"filter_{key}",
        format_func=lambda c: t("filter.whole_city") if c == ALL else codes.label("county", c, language))
    set_url_value(key, None if chosen == ALL else chosen)
    return None if chosen == ALL else chosen


def scope_label(county_code: str | None) -> str:
    """The filter as words for a chart title: 全市 or the county's name."""
    return t("filter.whole_city") if county_code is None else codes.label("county", county_code,
                                                                             current_language())


def choice_filter(key: str, options: list[str], default: str, label: str, format_func=str,
                  container=st.sidebar) -> str:
    """A single choice bound to ?<key>= (the default is left out of the URL)."""
    _apply_pending(key)
    if st.session_state.get(f"filter_{key}") not in (None, *options):
        del st.session_state[f"filter_{key}"]  # e.g. a township of the county no longer chosen
    current = url_value(key, options, default)
    chosen = container.selectbox(label, options, index=options.index(current), key=f"filter_{key}",
                                 format_func=format_func)
    set_url_value(key, None if chosen == default else chosen)
    return chosen


def multi_choice_filter(key: str, options: list[str], default: list[str], label: str, format_func=str,
                        container=st.sidebar) -> list[str]:
    """Several choices bound to ?<key>=a,b (the default set is left out of the URL; '-' means none)."""
    raw = st.query_params.get(key)
    if raw is None:
        current = list(default)
    else:
        current = [value for value in raw.split(",") if value in options]
    chosen = container.multiselect(label, options, default=current, key=f"filter_{key}", format_func=format_func)
    ordered = [value for value in options if value in chosen]
    set_url_value(key, None if ordered == [v for v in options if v in default] else (",".join(ordered) or "-"))
    return ordered


def select(key: str, value: str | None) -> None:
    """Set a URL-bound filter from outside its widget (e.g. a click on a map); call st.rerun() after.
    The widget takes the value on the next run, before it is drawn (Streamlit forbids changing a drawn
    widget's value)."""
    set_url_value(key, value)
    st.session_state[f"pending_filter_{key}"] = ALL if value is None else value


def _apply_pending(key: str) -> None:
    pending = st.session_state.pop(f"pending_filter_{key}", None)
    if pending is not None:
        st.session_state[f"filter_{key}"] = pending
