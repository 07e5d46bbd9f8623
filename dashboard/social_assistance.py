"""Measures and display tables of the social-assistance page: pure functions, tested on hand-made data.

Queries return codes and counts; these turn them into the measures SQL cannot give portably (a median
over a distribution) and into the labelled, suppressed tables the page shows and downloads.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import codes, formatting, privacy
from dashboard.catalogue import CATALOGUE
from dashboard.i18n import t
from dashboard.sources import PUBLISHED_FIGURES


def share_pct(part: float | None, whole: float | None) -> float | None:
    """part as a percentage of whole; None when there is nothing to divide by."""
    if part is None or whole is None or whole != whole or whole <= 0:
        return None
    return 100.0 * float(part) / float(whole)


def weighted_median_days(distribution: pd.DataFrame, days_column: str = "days_to_handle",
                         count_column: str = "warning_count") -> float | None:
    """The median of a distribution given as (days, count) rows: the lower middle value for an even
    total, as the bureau counts "half were handled within N days". None when the total is zero."""
    frame = distribution[distribution[count_column] > 0].sort_values(days_column)
    total = int(frame[count_column].sum())
    if total == 0:
        return None
    middle = (total + 1) // 2
    cumulative = frame[count_column].cumsum()
    return float(frame.loc[cumulative >= middle, days_column].iloc[0])


def month_range_of_year(year: str | None, first_month: str, last_month: str) -> tuple[str, str]:
    """The months of a calendar year within the data's range; the whole range for None (all)."""
    if year is None:
        return first_month, last_month
    return max(first_month, f"{year}-01"), min(last_month, f"{year}-12")


def years_between(first_month: str | None, last_month: str | None) -> list[str]:
    """The calendar years a month range touches, as 'YYYY' strings; none for an empty range."""
    if not first_month or not last_month:
        return []
    return [str(year) for year in range(int(first_month[:4]), int(last_month[:4]) + 1)]


def month_end(month: str) -> str:
    """The last day of a 'YYYY-MM' month as an ISO date."""
    return pd.Period(month, freq="M").end_time.date().isoformat()


def labelled(frame: pd.DataFrame, kinds: dict[str, str], language: str) -> pd.DataFrame:
    """A copy whose code columns (column -> code kind) show names in the language."""
    shown = frame.copy()
    for column, kind in kinds.items():
        shown[column] = [codes.label(kind, value, language) for value in shown[column]]
    return shown


def backlog_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """The open backlog by township for display and download: names, and counts below the suppression
    threshold shown as '<5' (warnings concern identifiable households)."""
    shown = labelled(frame, {"county_code": "county"}, language)
    shown = shown.rename(columns={"county_code": "county_name"})
    counts = ["open_count", "open_overdue_count"]
    shown = privacy.suppress_small_counts(shown, counts)
    shown[counts] = shown[counts].astype(str)  # one type per column: "<5" beside whole numbers
    return shown.rename(columns={c: t(f"sa.col.{c}", language) for c in shown.columns})


@dataclass(frozen=True)
class FigureCard:
    figure_key: str
    value_text: str
    quote: str
    source_document: str
    as_of: str
    period: str


def figure_cards(figures: pd.DataFrame, language: str) -> list[FigureCard]:
    """Cards for registered figures in the letter's order: the value as published (以上 for '>=', 约 for
    '≈'), its quote and source."""
    order = {figure.figure_key: index for index, figure in enumerate(PUBLISHED_FIGURES)}
    figures = figures.sort_values("figure_key", key=lambda keys: keys.map(lambda k: order.get(k, len(order))),
                                  kind="stable")
    cards = []
    for row in figures.itertuples():
        value = (formatting.format_yuan(row.value, language) if row.unit == "元"
                 else formatting.format_pct(row.value) if row.unit == "%"
                 else formatting.format_count(row.value, language, _unit(row.unit, language)))
        if row.relation == ">=":
            value = t("figure.at_least", language, value=value)
        elif row.relation == "≈":
            value = t("figure.about", language, value=value)
        period = ""
        if isinstance(row.period_start, str) and row.period_start:
            end = row.period_end if isinstance(row.period_end, str) and row.period_end else str(row.as_of)
            period = t("figure.period", language, start=row.period_start[:7], end=end[:7])
        cards.append(FigureCard(row.figure_key, value, row.source_quote or "", row.source_document,
                                str(row.as_of)[:10], period))
    return cards


def _unit(unit: str, language: str) -> str:
    # In English a count's label already says what is counted, so only telling units are spelled out.
    if language == "zh":
        return unit
    key = f"unit.figure.{unit}"
    return t(key, language) if key in CATALOGUE else ""
