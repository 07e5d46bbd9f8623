"""Charts of the social-assistance page: composition over time and stacked counts by outcome."""
from __future__ import annotations

import pandas as pd

from dashboard import charts, codes
from dashboard.charts import PALETTE, Chart
from dashboard.formatting import WAN

OUTCOME_COLOURS = {"brought_in": PALETTE[2], "assisted": PALETTE[2], "referred": PALETTE[0],
                   "not_eligible": PALETTE[5], "open": PALETTE[3]}
OUTCOME_HATCHED = {"open"}  # the open part is hatched as well as coloured
# Height of a bar chart: room for the title, unit, axis and legend, and one row per category.
BASE_HEIGHT, ROW_HEIGHT = 160, 32


def _axis_tooltip(figure: Chart, **extra) -> Chart:
    """Tooltips listing every series at the hovered month or row, numbers with thousands separators."""
    figure.option["tooltip"].update(valueFormatter="localized", **extra)
    return figure


# How the tooltip writes a value of an axis drawn in 万 or in thousands (count_axis): as the page's
# cards write such a count (11.97万), the axis's unit after it.
DIVIDED_TOOLTIP_FORMATS = {WAN: "%.2f万", 1000: "%.1fk"}


def monitored_composition(frame: pd.DataFrame, language: str, title: str, unit: str) -> Chart:
    """Stacked areas: people monitored each month, by category. The axis is written as the cards write
    the total (in 万 in Chinese once the stack reaches 10万: 0, 4万, 8万, 12万), and so is the tooltip."""
    wide = frame.pivot_table(index="month", columns="category_code", values="person_count", aggfunc="sum")
    divisor, axis = charts.count_axis(wide.sum(axis=1).tolist(), language)
    series = [{"type": "line", "name": codes.label("monitored_category", category, language), "stack": "people",
               "areaStyle": {"opacity": 0.5}, "showSymbol": False, "lineStyle": {"width": 1.5},
               "emphasis": {"focus": "series"},
               "data": [charts.number(v if divisor == 1 or pd.isna(v) else v / divisor) for v in wide[category]]}
              for category in codes.codes("monitored_category") if category in wide.columns]
    figure = charts.chart(
        title, unit, height=450, legend=True, tooltip="axis",
        xAxis={"type": "category", "boundaryGap": False, "data": [str(m) for m in wide.index]},
        yAxis={"type": "value", **axis}, series=series)
    figure.option["tooltip"]["valueFormatter"] = DIVIDED_TOOLTIP_FORMATS.get(divisor, "localized")
    # The legend and the tooltip read top-down like the stack: the last series drawn is the top layer.
    figure.option["legend"]["data"] = [s["name"] for s in reversed(series)]
    figure.option["tooltip"]["order"] = "seriesDesc"
    return figure


def stacked_by_outcome(frame: pd.DataFrame, category_column: str, category_kind: str,
                       outcome_columns: dict[str, str], outcome_kind: str, language: str, title: str,
                       unit: str) -> Chart:
    """Horizontal bars per category, split by outcome (outcome code -> count column), largest on top."""
    ordered = frame.iloc[::-1]  # a category axis is drawn bottom-up
    names = [codes.label(category_kind, c, language) for c in ordered[category_column]]
    series = []
    for outcome, column in outcome_columns.items():
        style = {"color": OUTCOME_COLOURS.get(outcome)}
        if outcome in OUTCOME_HATCHED:
            style.update(charts.HATCH)
        series.append({"type": "bar", "stack": "outcome", "name": codes.label(outcome_kind, outcome, language),
                       "barMaxWidth": 28, "itemStyle": style,
                       "data": [charts.number(v) for v in ordered[column]]})
    return _axis_tooltip(charts.chart(
        title, unit, height=BASE_HEIGHT + ROW_HEIGHT * len(names), legend=True, tooltip="axis",
        xAxis={"type": "value"}, yAxis={"type": "category", "data": names}, series=series),
        axisPointer={"type": "shadow"})


def requests_by_need(frame: pd.DataFrame, language: str, title: str, unit: str) -> Chart:
    """Horizontal bars per type of need, split by outcome."""
    wide = frame.pivot_table(index="need_code", columns="outcome", values="request_count",
                             aggfunc="sum", fill_value=0)
    wide["total"] = wide.sum(axis=1)
    wide = wide.sort_values("total", ascending=False).reset_index()
    outcomes = {o: o for o in codes.codes("request_outcome") if o in wide.columns}
    return stacked_by_outcome(wide, "need_code", "request_need", outcomes, "request_outcome", language,
                              title, unit)
