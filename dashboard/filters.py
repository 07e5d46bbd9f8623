"""Filters shared by the pages, kept in the URL so a link opens the same view. "All" is None.

URL keys: county (county code), from and to (years, inclusive).

A short list of choices is a row of buttons (st.pills, one or several at once): every choice in sight,
one click to change, and lighter for the browser to draw than a drop-down. Opened by its address in
headless Chromium, alternated in one tab with a blank page: two select boxes in the sidebar (county and
school year) drew 96 ms after the blank page, the same two as pills 69 ms (25 loads each); a
horizontal radio 107 ms, pills 30 ms; a multiselect 63 ms (11 loads each). A longer list (a county's
townships, the province's 122 counties) stays a drop-down."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from dashboard import codes
from dashboard.i18n import current_language, t

ALL = "all"
# At most this many choices are offered as a row of buttons; more, as a drop-down.
BUTTON_ROW_MAX = 8


def one_of(label: str, options: list, current, key: str, format_func=str, container=st.sidebar):
    """One of the options, `current` chosen at first: a row of buttons for a short list, a drop-down for
    a long one. Always returns one of the options (a row of buttons cannot be emptied)."""
    if len(options) <= BUTTON_ROW_MAX:
        chosen = container.pills(label, options, default=current, required=True, key=key, format_func=format_func)
        return chosen if chosen in options else current
    return container.selectbox(label, options, index=options.index(current), key=key, format_func=format_func)


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
    chosen = one_of(t("filter.county"), options, current, f"filter_{key}",
                    lambda c: t("filter.whole_city") if c == ALL else codes.label("county", c, language), container)
    set_url_value(key, None if chosen == ALL else chosen)
    return None if chosen == ALL else chosen


def section_filter(sections: list[str], catalogue_prefix: str, key: str = "section") -> str:
    """Which part of a long page to show, bound to ?section= (the first by default). Only the chosen
    part is run and drawn, so a page opens with what most readers want and the rest a click away."""
    _apply_pending(key)
    current = url_value(key, sections, sections[0])
    if st.session_state.get(f"filter_{key}") not in (None, *sections):
        del st.session_state[f"filter_{key}"]
    if f"filter_{key}" not in st.session_state:
        st.session_state[f"filter_{key}"] = current
    chosen = st.segmented_control(t("filter.section"), sections, required=True, key=f"filter_{key}",
                                  format_func=lambda s: t(f"{catalogue_prefix}.{s}"),
                                  label_visibility="collapsed", width="stretch")
    chosen = chosen if chosen in sections else current
    set_url_value(key, None if chosen == sections[0] else chosen)
    return chosen


def scope_label(county_code: str | None) -> str:
    """The filter as words for a chart title: 全市 or the county's name."""
    return t("filter.whole_city") if county_code is None else codes.label("county", county_code,
                                                                             current_language())


def list_filter(name: str, allowed: list[str], default: list[str]) -> list[str]:
    """A comma-separated query parameter as a list of allowed values, in its order (default if empty)."""
    raw = st.query_params.get(name, "")
    chosen = list(dict.fromkeys(v for v in raw.split(",") if v in allowed))
    return chosen or list(default)
@dataclass(frozen=True)
class Period:
    """A span of whole calendar years, inclusive, in the forms the queries take."""
    start_year: int
    end_year: int

    @property
    def start_date(self) -> date:
        return date(self.start_year, 1, 1)

    @property
    def end_date(self) -> date:
        return date(self.end_year, 12, 31)

    @property
    def start_month(self) -> str:
        return f"{self.start_year:04d}-01"

    @property
    def end_month(self) -> str:
        return f"{self.end_year:04d}-12"

    def label(self) -> str:
        """The span as words for a chart title: 2021—2023年 or 2023年."""
        if self.start_year == self.end_year:
            return t("filter.period_one", year=self.start_year)
        return t("filter.period_span", start=self.start_year, end=self.end_year)


def parse_period(raw_from: str | None, raw_to: str | None, first_year: int,
                 last_year: int) -> tuple[Period, bool]:
    """The period a URL asks for, kept within the data's years; and whether the request was invalid
    (not a year, or from after to), in which case the whole span is returned."""
    def year(raw: str | None, default: int) -> int | None:
        if raw is None or raw == "":
            return default
        return int(raw) if raw.isdigit() and len(raw) == 4 else None

    start, end = year(raw_from, first_year), year(raw_to, last_year)
    if start is None or end is None or start > end:
        return Period(first_year, last_year), True
    start = min(max(start, first_year), last_year)
    end = max(min(end, last_year), first_year)
    return Period(start, end), False


def period_filter(first_year: int, last_year: int, container=st.sidebar) -> Period:
    """A year-span selector bound to ?from=YYYY&to=YYYY, offered over the years a page has data for.

    A URL year outside this page's years is shown clamped but left in the URL, so the span the user
    chose elsewhere comes back on the pages that have those years.
    """
    shown, invalid = parse_period(st.query_params.get("from"), st.query_params.get("to"),
                                  first_year, last_year)
    if invalid:
        container.warning(t("filter.period_invalid"))
    years = list(range(first_year, last_year + 1))
    if len(years) == 1:
        return shown
    chosen = container.select_slider(t("filter.period"), options=years,
                                     value=(shown.start_year, shown.end_year),
                                     key=f"filter_period_{first_year}_{last_year}")
    if tuple(chosen) != (shown.start_year, shown.end_year):
        set_url_value("from", str(chosen[0]))
        set_url_value("to", str(chosen[1]))
    return Period(chosen[0], chosen[1])
def school_year_filter(years: list[int], container=st.sidebar, key: str = "school_year") -> int:
    """A school-year selector bound to ?school_year= (latest by default); a year the data does not
    hold gets a message and the latest year instead."""
    options = [str(year) for year in years]
    asked = st.query_params.get(key)
    current = url_value(key, options, options[-1])
    if asked is not None and asked not in options:
        st.info(t("filter.invalid_school_year", value=asked[:20], year=current))
    chosen = one_of(t("filter.school_year"), options, current, f"filter_{key}",
                    lambda y: t("filter.school_year.option", year=y), container)
    set_url_value(key, chosen)
    return int(chosen)


def year_filter(years: list[str], container=st.sidebar, key: str = "period") -> str | None:
    """A period selector (全部 / one calendar year) bound to ?period=YYYY; returns the year or None.

    Small on purpose: pages that need finer periods can add their own key without touching this one."""
    options = [ALL] + list(years)
    current = url_value(key, options, ALL)
    chosen = one_of(t("filter.single_year"), options, current, f"filter_{key}",
                    lambda y: t("filter.all_periods") if y == ALL else t("filter.year", year=y), container)
    set_url_value(key, None if chosen == ALL else chosen)
    return None if chosen == ALL else chosen


def choice_filter(key: str, options: list[str], default: str, label: str, format_func=str,
                  container=st.sidebar) -> str:
    """A single choice bound to ?<key>= (the default is left out of the URL)."""
    _apply_pending(key)
    if st.session_state.get(f"filter_{key}") not in (None, *options):
        del st.session_state[f"filter_{key}"]  # e.g. a township of the county no longer chosen
    current = url_value(key, options, default)
    chosen = one_of(label, options, current, f"filter_{key}", format_func, container)
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
    chosen = container.pills(label, options, selection_mode="multi", default=current, key=f"filter_{key}",
                             format_func=format_func)
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
