"""Charts and tables of aging-friendly home renovations (适老化改造)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import codes, formatting
from dashboard.charts import PALETTE, cached_figure, style
from dashboard.charts.display import in_wan, labelled, plain_numbers, table
from dashboard.i18n import t
from dashboard.privacy import threshold


@cached_figure
def households_by_year(frame: pd.DataFrame, title: str, language: str) -> go.Figure:
    """Stacked bars: households renovated per year, one colour per county (names in the legend)."""
    figure = go.Figure()
    for index, county in enumerate(codes.codes("county")):
        part = frame[frame["county_code"] == county]
        if part.empty:
            continue
        figure.add_bar(x=part["year"], y=part["household_count"], name=codes.label("county", county, language),
                       marker_color=PALETTE[index % len(PALETTE)],
                       customdata=[formatting.format_yuan(v, language) for v in part["cost_yuan"]],
                       hovertemplate="%{x}: %{y} " + t("flows.unit.households") + " · %{customdata}<extra>%{fullData.name}</extra>")
    figure.update_layout(barmode="stack")
    figure.update_xaxes(type="category", title_text=t("reno.axis.year"))
    return plain_numbers(style(figure, title, t("flows.unit.households")))


@cached_figure
def households_by_code(frame: pd.DataFrame, kind: str, title: str, language: str,
                       total_households: int | None = None) -> go.Figure:
    """Horizontal bars of households per category or aim, names on the axis, count and share as text."""
    shown = frame.sort_values("household_count")
    names = [codes.label(kind, c, language) for c in shown[f"{'aim' if kind == 'aim' else 'category'}_code"]]
    base = total_households or shown["household_count"].sum()
    text = [f"{formatting.format_count(v, language)}（{formatting.format_pct(100 * v / base)}）" if base else ""
            for v in shown["household_count"]]
    figure = go.Figure(go.Bar(x=shown["household_count"], y=names, orientation="h", text=text,
                              textposition="auto", marker_color=PALETTE[0],
                              hovertemplate="%{y}: %{x}<extra></extra>"))
    figure.update_layout(height=80 + 45 * len(names))
    figure.update_xaxes(title_text=t("flows.unit.households"))
    return plain_numbers(style(figure, title))


@cached_figure
def spending_by_year(frame: pd.DataFrame, title: str, language: str) -> go.Figure:
    """Bars of spending per year (万元) with the spending per household as a line on a second axis."""
    years = frame.groupby("year", as_index=False)[["household_count", "cost_yuan"]].sum()
    per_household = years["cost_yuan"] / years["household_count"]
    figure = go.Figure()
    figure.add_bar(x=years["year"], y=in_wan(years["cost_yuan"]), name=t("reno.series.total_cost"),
                   marker_color=PALETTE[0],
                   text=[formatting.format_yuan(v, language) for v in years["cost_yuan"]], textposition="outside")
    figure.add_scatter(x=years["year"], y=per_household.round(0), name=t("reno.series.cost_per_household"),
                       yaxis="y2", mode="lines+markers+text", marker={"symbol": "diamond", "size": 9},
                       line={"color": PALETTE[3]}, textposition="top center",
                       text=[formatting.format_yuan(v, language) for v in per_household])
    figure.update_xaxes(type="category", title_text=t("reno.axis.year"))
    style(figure, title)
    # Bars in the lower part and the per-household line above them, so their labels never collide.
    figure.update_layout(
        yaxis={"title": t("flows.unit.wan_yuan"), "range": [0, float(in_wan(years["cost_yuan"]).max()) * 1.7],
               "tickformat": ","},
        yaxis2={"overlaying": "y", "side": "right", "title": t("flows.unit.yuan_per_household"),
                "range": [0, float(per_household.max()) * 1.15], "showgrid": False, "tickformat": ",.0f"})
    return figure


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
