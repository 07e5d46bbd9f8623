"""Charts of the social-assistance page: composition over time and stacked counts by outcome."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import codes
from dashboard.charts import PALETTE, cached_figure, style
from dashboard.i18n import t

OUTCOME_COLOURS = {"brought_in": PALETTE[2], "assisted": PALETTE[2], "referred": PALETTE[0],
                   "not_eligible": PALETTE[5], "open": PALETTE[3]}
OUTCOME_PATTERNS = {"open": "/"}  # the open part is hatched as well as coloured


@cached_figure
def monitored_composition(frame: pd.DataFrame, language: str, title: str, unit: str) -> go.Figure:
    """Stacked areas: people monitored each month, by category."""
    figure = go.Figure()
    for category in codes.codes("monitored_category"):
        part = frame[frame["category_code"] == category]
        if part.empty:
            continue
        figure.add_trace(go.Scatter(x=part["month"], y=part["person_count"], stackgroup="people",
                                    mode="lines", name=codes.label("monitored_category", category, language)))
    figure.update_xaxes(type="category")
    figure.update_yaxes(tickformat=",")  # 120,000 rather than the SI "120k"
    return style(figure, title, unit)


@cached_figure
def stacked_by_outcome(frame: pd.DataFrame, category_column: str, category_kind: str,
                       outcome_columns: dict[str, str], outcome_kind: str, language: str, title: str,
                       unit: str) -> go.Figure:
    """Horizontal bars per category, split by outcome (outcome code -> count column), largest on top."""
    ordered = frame.iloc[::-1]
    names = [codes.label(category_kind, c, language) for c in ordered[category_column]]
    figure = go.Figure()
    for outcome, column in outcome_columns.items():
        figure.add_trace(go.Bar(
            y=names, x=ordered[column], orientation="h", name=codes.label(outcome_kind, outcome, language),
            marker={"color": OUTCOME_COLOURS.get(outcome), "pattern": {"shape": OUTCOME_PATTERNS.get(outcome, "")}}))
    figure.update_layout(barmode="stack", height=160 + 32 * len(names))
    # The unit goes under the title: an axis title here would meet the legend below the bars.
    style(figure, f"{title}<br><sup>{t('sa.chart.unit', language, unit=unit)}</sup>")
    figure.update_layout(legend={"traceorder": "normal"}, margin={"t": 80})
    return figure


@cached_figure
def requests_by_need(frame: pd.DataFrame, language: str, title: str, unit: str) -> go.Figure:
    """Horizontal bars per type of need, split by outcome."""
    wide = frame.pivot_table(index="need_code", columns="outcome", values="request_count",
                             aggfunc="sum", fill_value=0)
    wide["total"] = wide.sum(axis=1)
    wide = wide.sort_values("total", ascending=False).reset_index()
    outcomes = {o: o for o in codes.codes("request_outcome") if o in wide.columns}
    return stacked_by_outcome(wide, "need_code", "request_need", outcomes, "request_outcome", language,
                              title, unit)
