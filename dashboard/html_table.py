"""A table of text drawn as one HTML element (the administration page's registers, the coverage page's
lists).

st.dataframe and st.table both draw through Streamlit's Arrow renderer, whose scripts (Arrow, the
number and date formatters, the data grid) the browser loads and runs for the first table on a page.
Measured in headless Chromium on 2 cores against a blank page (11 loads each, alternated in one tab):
the administration page drew in 0.527 s with its accounts as st.dataframe, 0.460 s with the same rows
as this table, 0.477 s with no table at all; the coverage page in 0.82 s with its list as st.dataframe,
0.72 s as this table (13 loads each). For a list that is read, not sorted or filtered, a plain table
is also easier to read: long texts (a source quote, a note) wrap instead of being cut off at the
column's width. A long list (a province's gap list runs to thousands of villages) is drawn up to
MAX_ROWS rows, with a line saying so: the page's download holds every row.

Every cell and header is escaped here; callers pass the rows as they should read (text, in the user's
language). Numbers (cells that read as numbers) are right-aligned and each stays on one line, as does
a column of short texts (a date, a unit, a name); a long heading wraps. A long table scrolls inside its
box with its header kept in view. The table carries its label (aria-label and data-table) for screen
readers, tests and anyone reading the page's DOM.
"""
from __future__ import annotations

import html
import re

import pandas as pd
import streamlit as st

from dashboard.i18n import t

MAX_ROWS = 500
SHORT_TEXT = 20  # characters: a county in English ("Huicheng District") stays on one line
_NUMBER = re.compile(r"^<?[-+]?[\d,]*\.?\d+%?$")  # "<5": a small count suppressed

STYLE = """<style>
.hz-table-box {max-height: var(--hz-table-height); overflow: auto; border: 1px solid rgba(49, 51, 63, 0.1);
  border-radius: 0.5rem;}
.hz-table {border-collapse: collapse; width: 100%; font-size: 0.875rem; line-height: 1.4;}
.hz-table th {position: sticky; top: 0; background: #fafafb; color: rgba(49, 51, 63, 0.6); font-weight: 400;
  text-align: left;}
.hz-table th, .hz-table td {padding: 0.25rem 0.5rem; border-bottom: 1px solid rgba(49, 51, 63, 0.1);
  vertical-align: top;}
.hz-table th {vertical-align: bottom;}
.hz-table tr:last-child td {border-bottom: none;}
.hz-table .hz-number {text-align: right; font-variant-numeric: tabular-nums;}
.hz-table td.hz-number, .hz-table td.hz-short {white-space: nowrap;}
</style>"""


def _is_number(value) -> bool:
    """A number, or text that reads as one (1,200 / 97.5% / <5)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or bool(_NUMBER.match(str(value)))


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def render(frame: pd.DataFrame, label: str, max_height_px: int = 420) -> str:
    """The frame's columns and rows as an HTML table (no index), every text escaped."""
    numeric = [bool(len(frame)) and all(_is_number(v) for v in frame[column] if _text(v) != "")
               for column in frame.columns]
    # Short columns (a date, a unit, a name) keep each cell on one line; long texts wrap.
    short = [all(len(_text(v)) <= SHORT_TEXT for v in frame[column]) for column in frame.columns]
    classes = [' class="hz-number"' if right else ' class="hz-short"' if one_line else ""
               for right, one_line in zip(numeric, short)]
    head = "".join(f'<th scope="col"{css}>{html.escape(str(column))}</th>' for column, css in zip(frame.columns, classes))
    rows = "".join(
        "<tr>" + "".join(f"<td{css}>{html.escape(_text(value))}</td>" for value, css in zip(row, classes)) + "</tr>"
        for row in frame.itertuples(index=False, name=None))
    label = html.escape(label)
    return (f'{STYLE}<div class="hz-table-box" style="--hz-table-height: {int(max_height_px)}px">'
            f'<table class="hz-table" aria-label="{label}" data-table="{label}">'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


def draw(frame: pd.DataFrame, label: str, max_height_px: int = 420, max_rows: int = MAX_ROWS) -> None:
    """Draw the table in the page: its first max_rows rows, and a line saying how many there are when
    that is not all of them."""
    st.html(render(frame.head(max_rows), label, max_height_px))
    if len(frame) > max_rows:
        st.caption(t("table.first_rows", shown=f"{max_rows:,}", total=f"{len(frame):,}"))
