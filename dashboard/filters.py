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


def year_filter(years: list[str], container=st.sidebar, key: str = "period") -> str | None:
    """A period selector (全部 / one calendar year) bound to ?period=YYYY; returns the year or None.

    Small on purpose: pages that need finer periods can add their own key without touching this one."""
    options = [ALL] + list(years)
    current = url_value(key, options, ALL)
    chosen = container.selectbox(
        t("filter.period"), options, index=options.index(current), key=f"filter_{key}",
        format_func=lambda y: t("filter.all_periods") if y == ALL else t("filter.year", year=y))
    set_url_value(key, None if chosen == ALL else chosen)
    return None if chosen == ALL else chosen
