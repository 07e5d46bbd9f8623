"""Charts and tables of home visits (入户探访), cases (个案), people served, workload and the quarterly
full-coverage duty."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import codes, formatting
from dashboard.charts import PALETTE, cached_figure, style
from dashboard.charts.display import labelled, plain_numbers, table
from dashboard.i18n import t

MEASURES = ["home_visit_count", "case_count", "people_served_count"]
FULL_QUARTER_MONTHS = 3


def measure_unit(measure: str) -> str:
    """The unit of a measure: 人次 for visits and people served, 例 for cases."""
    return t("flows.unit.cases") if measure == "case_count" else t("unit.person_times")


@cached_figure
def by_month(frame: pd.DataFrame, measure: str, title: str, language: str) -> go.Figure:
    """A line of a measure per month."""
    figure = go.Figure(go.Scatter(
        x=frame["month"], y=frame[measure], mode="lines+markers", line={"color": PALETTE[0]},
        name=t(f"visits.measure.{measure}"),
        customdata=[formatting.format_count(v, language) for v in frame[measure]],
        hovertemplate="%{x}: %{customdata}<extra></extra>"))
    figure.update_xaxes(type="category", title_text=t("visits.axis.month"))
    return plain_numbers(style(figure, title, measure_unit(measure)))


@cached_figure
def by_quarter(frame: pd.DataFrame, measure: str, title: str, language: str) -> go.Figure:
    """Bars of a measure per quarter; a quarter with fewer than three months of data is hatched and
    labelled with its months, so it is not read as a fall."""
    partial = frame["month_count"] < FULL_QUARTER_MONTHS
    labels = [f"{q}{t('visits.partial_quarter', months=m) if p else ''}"
              for q, m, p in zip(frame["quarter"], frame["month_count"], partial)]
    figure = go.Figure(go.Bar(
        x=labels, y=frame[measure], marker_color=PALETTE[0],
        marker_pattern_shape=["/" if p else "" for p in partial],
        text=[formatting.format_count(v, language) for v in frame[measure]], textposition="outside",
        hovertemplate="%{x}: %{text}<extra></extra>"))
    figure.update_xaxes(type="category", title_text=t("visits.axis.quarter"))
    return plain_numbers(style(figure, title, measure_unit(measure)))


@cached_figure
def by_code(frame: pd.DataFrame, code_column: str, kind: str, measure: str, title: str,
            language: str) -> go.Figure:
    """Horizontal bars of a measure per group or county, names on the axis."""
    shown = frame.sort_values(measure)
    names = [codes.label(kind, c, language) for c in shown[code_column]]
    figure = go.Figure(go.Bar(
        x=shown[measure], y=names, orientation="h", marker_color=PALETTE[0],
        text=[formatting.format_count(v, language) for v in shown[measure]], textposition="auto",
        hovertemplate="%{y}: %{text}<extra></extra>"))
    figure.update_layout(height=80 + 38 * len(names))
    figure.update_xaxes(title_text=measure_unit(measure))
    return plain_numbers(style(figure, title))


@cached_figure
def workload_by_quarter(frame: pd.DataFrame, title: str) -> go.Figure:
    """A box per quarter of the stations' visits per social worker (quartiles and 1.5×IQR whiskers, as
    computed by the query), with the lowest and highest station marked where they lie beyond a whisker."""
    partial = frame["month_count"] < FULL_QUARTER_MONTHS
    labels = [f"{q}{t('visits.partial_quarter', months=m) if p else ''}"
              for q, m, p in zip(frame["quarter"], frame["month_count"], partial)]
    stat = lambda name: frame[f"{name}_visits_per_worker"].round(1)  # noqa: E731
    figure = go.Figure(go.Box(x=labels, q1=stat("q1"), median=stat("median"), q3=stat("q3"),
                              lowerfence=stat("lower_fence"), upperfence=stat("upper_fence"),
                              line={"color": PALETTE[0]}, fillcolor="rgba(0,0,0,0)",
                              name=t("visits.series.station")))
    for extreme, beyond, key in (("min", frame["min_visits_per_worker"] < frame["lower_fence_visits_per_worker"],
                                  "visits.series.lowest_station"),
                                 ("max", frame["max_visits_per_worker"] > frame["upper_fence_visits_per_worker"],
                                  "visits.series.highest_station")):
        figure.add_scatter(x=[label for label, b in zip(labels, beyond) if b], y=stat(extreme)[beyond],
                           mode="markers", marker={"size": 6, "color": PALETTE[0]}, name=t(key),
                           hovertemplate=f"{t(key)}: %{{y}}<extra></extra>")
    figure.update_xaxes(type="category", title_text=t("visits.axis.quarter"))
    figure.update_layout(showlegend=False)
    return plain_numbers(style(figure, title, t("flows.unit.visits_per_worker")))


@cached_figure
def coverage_heatmap(frame: pd.DataFrame, title: str, language: str) -> go.Figure:
    """Groups × quarters: the share of registered recipients visited, the value written in each cell
    (so colour is never the only carrier)."""
    grid = frame.pivot(index="group_code", columns="quarter", values="coverage_pct")
    order = [c for c in codes.codes("group") if c in grid.index]
    grid = grid.loc[order]
    text = [[formatting.format_pct(v) for v in row] for row in grid.to_numpy()]
    figure = go.Figure(go.Heatmap(
        z=grid.to_numpy(), x=list(grid.columns), y=[codes.label("group", c, language) for c in grid.index],
        text=text, texttemplate="%{text}", colorscale="Blues", zmin=max(0, float(frame["coverage_pct"].min()) - 1),
        zmax=100, colorbar={"title": "%"}, hovertemplate="%{y} · %{x}: %{text}<extra></extra>"))
    figure.update_layout(height=120 + 34 * len(order))
    figure.update_xaxes(type="category", title_text=t("visits.axis.quarter"))
    figure.update_yaxes(autorange="reversed")
    return plain_numbers(style(figure, title))


@cached_figure
def coverage_by_county(frame: pd.DataFrame, title: str, language: str) -> go.Figure:
    """A line per county of the share visited each quarter, with the 100% duty as a dashed line."""
    figure = go.Figure()
    symbols = ["circle", "square", "diamond", "triangle-up", "x"]
    for index, county in enumerate(codes.codes("county")):
        part = frame[frame["county_code"] == county]
        if part.empty:
            continue
        figure.add_scatter(x=part["quarter"], y=part["coverage_pct"].round(1), mode="lines+markers",
                           name=codes.label("county", county, language),
                           marker={"symbol": symbols[index % len(symbols)], "size": 8},
                           line={"color": PALETTE[index % len(PALETTE)]})
    figure.add_hline(y=100, line_dash="dash", line_color="#555",
                     annotation_text=t("visits.duty_line"), annotation_position="top left")
    figure.update_xaxes(type="category", title_text=t("visits.axis.quarter"))
    return plain_numbers(style(figure, title, "%"))


def station_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """Per station: visits, cases, people served (each '<5' where small: counts at station level),
    social workers and visits per worker per quarter."""
    shown = labelled(frame, {"county_code": "county"}, language)
    return table(shown, {"county_code": "flows.col.county", "station_name_zh": "flows.col.station",
                         "social_worker_count": "flows.col.social_workers", "home_visit_count": "flows.col.visits",
                         "case_count": "flows.col.cases", "people_served_count": "flows.col.people_served",
                         "visits_per_worker_per_quarter": "flows.col.visits_per_worker_per_quarter"},
                 suppressed=("home_visit_count", "case_count", "people_served_count"),
                 ratio=("visits_per_worker_per_quarter",))


def shortfall_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """Station-quarters short of full coverage, registered and visited counts '<5' where small."""
    shown = frame.assign(not_visited_count=frame["registered_count"] - frame["visited_count"])
    shown = labelled(shown, {"county_code": "county"}, language)
    return table(shown, {"quarter": "flows.col.quarter", "county_code": "flows.col.county", "station_name_zh": "flows.col.station",
                         "registered_count": "flows.col.registered", "visited_count": "flows.col.visited",
                         "not_visited_count": "flows.col.not_visited", "coverage_pct": "flows.col.coverage_pct",
                         "groups_short_count": "flows.col.groups_short"},
                 suppressed=("registered_count", "visited_count", "not_visited_count"), pct=("coverage_pct",))


def group_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """Visits, cases and people served per group (city or county level: no suppression needed)."""
    return table(labelled(frame, {"group_code": "group"}, language),
                 {"group_code": "flows.col.group", "home_visit_count": "flows.col.visits", "case_count": "flows.col.cases",
                  "people_served_count": "flows.col.people_served"})


def coverage_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """Registered, visited and the share visited per quarter and group (city or county level)."""
    return table(labelled(frame, {"group_code": "group"}, language),
                 {"quarter": "flows.col.quarter", "group_code": "flows.col.group", "registered_count": "flows.col.registered",
                  "visited_count": "flows.col.visited", "coverage_pct": "flows.col.coverage_pct"}, pct=("coverage_pct",))


@cached_figure
def group_care(quarters: pd.DataFrame, coverage: pd.DataFrame, group_code: str, title: str,
               language: str) -> go.Figure:
    """Visits to one group per quarter (bars) and the share of its registered recipients visited
    (line on a second axis, values written on the points); coverage holds every group's rows."""
    figure = by_quarter(quarters, "home_visit_count", title, language)
    coverage = coverage[coverage["group_code"] == group_code].dropna(subset=["coverage_pct"])
    if not coverage.empty:
        labels = {q: x for q, x in zip(quarters["quarter"], figure.data[0].x)}
        shown = coverage[coverage["quarter"].isin(labels)]
        figure.add_scatter(x=[labels[q] for q in shown["quarter"]], y=shown["coverage_pct"].round(1),
                           yaxis="y2", mode="lines+markers+text", name=t("visits.series.coverage"),
                           text=[formatting.format_pct(v) for v in shown["coverage_pct"]],
                           textposition="top center", marker={"symbol": "diamond", "size": 9},
                           line={"color": PALETTE[3]})
        # Bars in the lower half, the share near the top: their labels stay apart.
        figure.update_layout(
            yaxis={"range": [0, float(quarters["home_visit_count"].max()) * 1.9]},
            yaxis2={"overlaying": "y", "side": "right", "title": "%", "range": [40, 108], "tickvals": [40, 50, 60, 70, 80, 90, 100],
                    "tickformat": ".0f", "showgrid": False})
    figure.data[0].name = t("visits.measure.home_visit_count")
    figure.update_layout(showlegend=True)
    return figure
