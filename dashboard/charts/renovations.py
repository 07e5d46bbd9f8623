"""Charts and tables of aging-friendly home renovations (适老化改造)."""
from __future__ import annotations

import math

import pandas as pd

from dashboard import codes, formatting
from dashboard.charts import PALETTE, Chart, chart, count_axis, items, number, round_step
from dashboard.charts.display import in_wan, labelled, table
from dashboard.i18n import t
from dashboard.privacy import threshold


BAR_ROW_PX = 45  # height per bar of the horizontal bar charts, which grow with their rows


def households_by_year(frame: pd.DataFrame, title: str, language: str) -> Chart:
    """Stacked bars: households renovated per year, one colour per county (names in the legend); the
    tooltip names the county, the households and their spending."""
    years = sorted(frame["year"].astype(str).unique())
    households = t("flows.unit.households")
    series = []
    for index, county in enumerate(codes.codes("county")):
        part = frame[frame["county_code"] == county]
        if part.empty:
            continue
        by_year = {str(y): (n, c) for y, n, c in zip(part["year"], part["household_count"], part["cost_yuan"])}
        name = codes.label("county", county, language)
        data = []
        for year in years:
            if year not in by_year:
                data.append(None)
                continue
            count, cost = by_year[year]
            text = f"{formatting.format_count(count, language)}{'' if language == 'zh' else ' '}{households}" \
                   f" · {formatting.format_yuan(cost, language)}"
            data.append({"value": number(count), "tooltip": {"formatter": f"{{a}}<br/>{{b}}：{text}"}})
        series.append({"type": "bar", "stack": "households", "name": name, "data": data,
                       "itemStyle": {"color": PALETTE[index % len(PALETTE)]}})
    return chart(title, households, legend=True,
                 xAxis={"type": "category", "data": years, "name": t("reno.axis.year"),
                        "nameLocation": "middle", "nameGap": 28},
                 yAxis={"type": "value"}, series=series)


def households_by_code(frame: pd.DataFrame, kind: str, title: str, language: str,
                       total_households: int | None = None) -> Chart:
    """Horizontal bars of households per category or aim (the largest on top, the chart growing with
    its rows), names on the axis, count and share written beside each bar."""
    shown = frame.sort_values("household_count")
    names = [codes.label(kind, c, language) for c in shown[f"{'aim' if kind == 'aim' else 'category'}_code"]]
    base = total_households or shown["household_count"].sum()
    texts = [f"{formatting.format_count(v, language)}（{formatting.format_pct(100 * v / base)}）" if base else
             formatting.format_count(v, language) for v in shown["household_count"]]
    divisor, axis = count_axis(shown["household_count"], language)
    return chart(title, t("flows.unit.households"), height=100 + BAR_ROW_PX * len(names),
                 grid={"left": 8, "right": 96, "top": 64, "bottom": 12, "containLabel": True},
                 yAxis={"type": "category", "data": names},
                 xAxis={"type": "value", **axis},
                 series=[{"type": "bar", "itemStyle": {"color": PALETTE[0]}, "barCategoryGap": "30%",
                          "label": {"show": True, "position": "right", "color": "#333"},
                          "data": items(shown["household_count"], texts, divisor)}])


def spending_by_year(frame: pd.DataFrame, title: str, language: str) -> Chart:
    """Bars of spending per year (万元) with the spending per household as a line on a second axis; the
    bars keep to the lower part and the line to the upper, so their labels never collide."""
    years = frame.groupby("year", as_index=False)[["household_count", "cost_yuan"]].sum()
    per_household = years["cost_yuan"] / years["household_count"]
    cost_wan = in_wan(years["cost_yuan"])
    cost_axis, per_household_axis = _twin_axes(float(cost_wan.max()) * 1.7, float(per_household.max()) * 1.15)
    return chart(title, legend=True,
                 # Room under the title for the two axes' names (万元 left, 元/户 right).
                 grid={"left": 8, "right": 24, "top": 72, "bottom": 44, "containLabel": True},
                 xAxis={"type": "category", "data": [str(y) for y in years["year"]], "name": t("reno.axis.year"),
                        "nameLocation": "middle", "nameGap": 28},
                 yAxis=[{"type": "value", "name": t("flows.unit.wan_yuan"), **cost_axis},
                        {"type": "value", "name": t("flows.unit.yuan_per_household"), "position": "right",
                         "splitLine": {"show": False}, **per_household_axis}],
                 series=[{"type": "bar", "name": t("reno.series.total_cost"), "itemStyle": {"color": PALETTE[0]},
                          "barMaxWidth": 120, "label": {"show": True, "position": "top", "color": "#555"},
                          "data": items(cost_wan, [formatting.format_yuan(v, language) for v in years["cost_yuan"]])},
                         {"type": "line", "name": t("reno.series.cost_per_household"), "yAxisIndex": 1,
                          "symbol": "diamond", "symbolSize": 10, "itemStyle": {"color": PALETTE[3]},
                          "lineStyle": {"color": PALETTE[3]},
                          "label": {"show": True, "position": "top", "color": PALETTE[3]},
                          "data": items(per_household.round(0),
                                        [formatting.format_yuan(v, language) for v in per_household])}])


MAX_AXIS_STEPS = 7  # the spending chart's axes have at most this many round steps, the same on both


def _twin_axes(left: float, right: float) -> tuple[dict, dict]:
    """Two value axes from 0 reaching at least left and right in the same number of round steps, so the
    right axis's ticks sit on the left axis's grid lines."""
    if not left > 0 or not right > 0:
        return {"min": 0}, {"min": 0}
    left_step = round_step(left, MAX_AXIS_STEPS)
    steps = math.ceil(left / left_step - 1e-9)
    right_step = round_step(right, steps)
    return ({"min": 0, "max": number(left_step * steps), "interval": number(left_step)},
            {"min": 0, "max": number(right_step * steps), "interval": number(right_step)})


def township_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """Households and spending per township; where fewer than the threshold households were renovated
    the count reads '<5' and the spending is left blank, since it would be a household's own cost."""
    shown = frame.copy()
    small = shown["household_count"] < threshold()
    shown["cost_per_household_yuan"] = shown["cost_yuan"] / shown["household_count"]
    shown["cost_yuan"] = shown["cost_yuan"].astype(float).where(~small)
    shown["cost_per_household_yuan"] = shown["cost_per_household_yuan"].round(0).where(~small)
    shown = labelled(shown, {"county_code": "county"}, language)
    return table(shown, {"county_code": "flows.col.county", "township_name_zh": "flows.col.township",
                         "household_count": "flows.col.households", "cost_yuan": "flows.col.cost_wan",
                         "cost_per_household_yuan": "flows.col.cost_per_household_yuan"},
                 money=("cost_yuan",), suppressed=("household_count",))


def code_table(frame: pd.DataFrame, kind: str, code_column: str, language: str) -> pd.DataFrame:
    """Households (and spending, where present) per category or aim, names instead of codes."""
    headers = {code_column: f"flows.col.{kind}", "household_count": "flows.col.households"}
    money: tuple[str, ...] = ()
    if "cost_yuan" in frame:
        headers["cost_yuan"] = "flows.col.cost_wan"
        money = ("cost_yuan",)
    return table(labelled(frame, {code_column: kind}, language), headers, money=money)


def year_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """Households and spending per year and county."""
    shown = labelled(frame, {"county_code": "county"}, language)
    return table(shown, {"year": "flows.col.year", "county_code": "flows.col.county", "household_count": "flows.col.households",
                         "cost_yuan": "flows.col.cost_wan"}, money=("cost_yuan",))
