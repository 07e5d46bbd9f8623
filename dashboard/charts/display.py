"""Tables as the pages show and export them: headers in the user's language with their unit, codes as
names, money in 万元, and small counts of people suppressed where the rows are below county level."""
from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dashboard import codes
from dashboard.formatting import WAN, YI
from dashboard.i18n import t
from dashboard.privacy import suppress_small_counts

MAX_DECIMALS = 2  # 万元 to two places; percentages and ratios to one


def in_wan(values: pd.Series) -> pd.Series:
    """Yuan as 万元, two decimals (the unit officials use in tables)."""
    return (values.astype(float) / WAN).round(2)


def in_yi(values: pd.Series) -> pd.Series:
    """Yuan as 亿元, four decimals (for chart axes of the city's charity money)."""
    return (values.astype(float) / YI).round(4)


def labelled(frame: pd.DataFrame, code_kinds: dict[str, str], language: str) -> pd.DataFrame:
    """Code columns replaced by their names ({column: code kind}); unknown codes such as 'other'
    read 其他 / Other."""
    shown = frame.copy()
    for column, kind in code_kinds.items():
        shown[column] = shown[column].map(lambda c: code_name(kind, c, language))
    return shown


def code_name(kind: str, code: str | None, language: str) -> str:
    """A code's name, with 'other' and missing codes as 其他 / Other."""
    if code is None or code == "other" and code not in codes.codes(kind):
        return t("flows.other", language)
    return codes.label(kind, code, language)


def table(frame: pd.DataFrame, headers: dict[str, str], money: tuple[str, ...] = (),
          suppressed: tuple[str, ...] = (), pct: tuple[str, ...] = (), ratio: tuple[str, ...] = ()
          ) -> pd.DataFrame:
    """The columns named in headers ({column: catalogue key}), in that order, money in 万元, ratios and
    percentages rounded to one decimal, and the suppressed count columns as '<5' where small."""
    shown = frame[list(headers)].copy()
    for column in money:
        shown[column] = in_wan(shown[column])
    for column in pct + ratio:
        shown[column] = shown[column].astype(float).round(1)
    if suppressed:
        # One type per column: the numbers as text beside '<5', so tables and spreadsheets agree.
        shown = suppress_small_counts(shown, list(suppressed))
        for column in suppressed:
            shown[column] = shown[column].map(
                lambda v: v if isinstance(v, str) else "" if pd.isna(v) else f"{int(v):,}")
    return shown.rename(columns={c: t(k) for c, k in headers.items()})


def empty(frame: pd.DataFrame) -> bool:
    """Whether a query gave nothing to draw."""
    return frame is None or frame.empty


def _number_columns(frame: pd.DataFrame) -> list[str]:
    return [column for column in frame.columns
            if pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column])]


def column_decimals(values: pd.Series) -> int:
    """The decimals a numeric column is shown with: the fewest its values need, at most MAX_DECIMALS,
    the same for every value (92.0 beside 91.9, not 92)."""
    values = values.dropna().astype(float)
    return next((d for d in range(MAX_DECIMALS) if ((values * 10 ** d).round(6) % 1 == 0).all()), MAX_DECIMALS)


def number_columns(frame: pd.DataFrame) -> dict:
    """Column settings for st.dataframe: each numeric column with thousands separators and one number
    of decimals throughout (92.0 beside 91.9, not 92; 1,234.50 万元), the fewest its values need; and a
    column of counts with small ones suppressed ("<5" beside 11: text, which the grid would put on the
    left) right-aligned like the numbers it holds."""
    settings = {}
    for column in _number_columns(frame):
        decimals = column_decimals(frame[column])
        settings[column] = st.column_config.NumberColumn(format="localized" if decimals == 0 else f"%,.{decimals}f")
    for column in _suppressed_count_columns(frame):
        settings[column] = st.column_config.TextColumn(alignment="right")
    return settings


_COUNT_TEXT = re.compile(r"^(<\d+|[\d,]+)$")


def _suppressed_count_columns(frame: pd.DataFrame) -> list[str]:
    """Text columns of whole counts of which at least one is suppressed ("<5"); a column of codes
    (441322106) has none and stays text on the left."""
    found = []
    for column in frame.columns:
        if not (pd.api.types.is_object_dtype(frame[column]) or pd.api.types.is_string_dtype(frame[column])):
            continue
        values = [str(v) for v in frame[column] if not pd.isna(v) and str(v) != ""]
        if values and any(v.startswith("<") for v in values) and all(_COUNT_TEXT.match(v) for v in values):
            found.append(column)
    return found


def numbers_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with each numeric column written as number_columns shows it (thousands separators,
    one number of decimals throughout), for a table drawn as text (dashboard/html_table.py); a missing
    value is left blank."""
    shown = frame.copy()
    for column in _number_columns(frame):
        decimals = column_decimals(frame[column])
        shown[column] = frame[column].map(lambda v: "" if pd.isna(v) else f"{v:,.{decimals}f}").astype(object)
    return shown
