"""Charts and tables of home visits (入户探访), cases (个案), people served, workload and the quarterly
full-coverage duty."""
from __future__ import annotations

import pandas as pd

from dashboard import codes, formatting
from dashboard.charts import HATCH, PALETTE, Chart, chart, count_axis, items, number, tip
from dashboard.charts.display import labelled, table
from dashboard.i18n import t

MEASURES = ["home_visit_count", "case_count", "people_served_count"]
FULL_QUARTER_MONTHS = 3
BOX_STATS = ["lower_fence", "q1", "median", "q3", "upper_fence"]  # an ECharts box's five values, in order


def measure_unit(measure: str) -> str:
    """The unit of a measure: 人次 for visits and people served, 例 for cases."""
    return t("flows.unit.cases") if measure == "case_count" else t("unit.person_times")


def by_month(frame: pd.DataFrame, measure: str, title: str, language: str) -> Chart:
    """A line of a measure per month."""
    values = frame[measure]
    divisor, axis = count_axis(values, language)
    return chart(title, measure_unit(measure), tooltip="item",
                 xAxis={"type": "category", "data": [str(m) for m in frame["month"]],
                        "name": t("visits.axis.month"), "nameLocation": "middle", "nameGap": 30},
                 yAxis={"type": "value", **axis},
                 series=[{"type": "line", "name": t(f"visits.measure.{measure}"), "symbolSize": 6,
                          "lineStyle": {"color": PALETTE[0]}, "itemStyle": {"color": PALETTE[0]},
                          "data": items(values, [formatting.format_count(v, language) for v in values], divisor)}])


def _quarter_labels(frame: pd.DataFrame) -> tuple[list[str], list[bool]]:
    """Quarter labels, a quarter with fewer than three months of data named with its months."""
    partial = (frame["month_count"] < FULL_QUARTER_MONTHS).tolist()
    labels = [f"{q}{t('visits.partial_quarter', months=m) if p else ''}"
              for q, m, p in zip(frame["quarter"], frame["month_count"], partial)]
    return labels, partial


def by_quarter(frame: pd.DataFrame, measure: str, title: str, language: str) -> Chart:
    """Bars of a measure per quarter; a quarter with fewer than three months of data is hatched and
    labelled with its months, so it is not read as a fall."""
    labels, partial = _quarter_labels(frame)
    divisor, axis = count_axis(frame[measure], language)
    data = items(frame[measure], [formatting.format_count(v, language) for v in frame[measure]], divisor)
    for item, part in zip(data, partial):
        if part:
            item["itemStyle"] = HATCH
    return chart(title, measure_unit(measure),
                 xAxis={"type": "category", "data": labels, "name": t("visits.axis.quarter"),
                        "nameLocation": "middle", "nameGap": 30},
                 yAxis={"type": "value", **axis},
                 series=[{"type": "bar", "name": t(f"visits.measure.{measure}"), "itemStyle": {"color": PALETTE[0]},
                          "label": {"show": True, "position": "top"}, "data": data}])


def by_code(frame: pd.DataFrame, code_column: str, kind: str, measure: str, title: str,
            language: str) -> Chart:
    """Horizontal bars of a measure per group or county, names on the axis, the largest on top."""
    shown = frame.sort_values(measure)  # a category y-axis runs bottom-up: the largest ends on top
    names = [codes.label(kind, c, language) for c in shown[code_column]]
    divisor, axis = count_axis(shown[measure], language)
    return chart(title, height=90 + 38 * len(names), grid={"left": 8, "right": 64, "top": 44, "bottom": 36,
                                                           "containLabel": True},
                 xAxis={"type": "value", "name": measure_unit(measure), "nameLocation": "middle", "nameGap": 26,
                        **axis},
                 yAxis={"type": "category", "data": names},
                 series=[{"type": "bar", "name": t(f"visits.measure.{measure}"), "itemStyle": {"color": PALETTE[0]},
                          "label": {"show": True, "position": "right"},
                          "data": items(shown[measure], [formatting.format_count(v, language)
                                                         for v in shown[measure]], divisor)}])


def workload_by_quarter(frame: pd.DataFrame, title: str) -> Chart:
    """A box per quarter of the stations' visits per social worker (quartiles and 1.5×IQR whiskers, as
    computed by the query), with the lowest and highest station marked where they lie beyond a whisker."""
    labels, _ = _quarter_labels(frame)
    stat = lambda name: [number(round(v, 1)) for v in frame[f"{name}_visits_per_worker"]]  # noqa: E731
    boxes = [list(row) for row in zip(*(stat(name) for name in BOX_STATS))]
    series = [{"type": "boxplot", "name": t("visits.series.station"), "data": boxes,
               "dimensions": [t(f"visits.box.{name}") for name in BOX_STATS],
               "itemStyle": {"color": "rgba(0,0,0,0)", "borderColor": PALETTE[0]}}]
    for extreme, fence, beyond, key in (("min", "lower_fence", lambda v, f: v < f, "visits.series.lowest_station"),
                                        ("max", "upper_fence", lambda v, f: v > f, "visits.series.highest_station")):
        points = [[label, value] for label, value, limit in zip(labels, stat(extreme), stat(fence))
                  if value is not None and limit is not None and beyond(value, limit)]
        series.append({"type": "scatter", "name": t(key), "data": points, "symbolSize": 7,
                       "itemStyle": {"color": PALETTE[0]}, "tooltip": {"formatter": f"{{b}}：{t(key)} {{@[1]}}"}})
    return chart(title, t("flows.unit.visits_per_worker"),
                 xAxis={"type": "category", "data": labels, "name": t("visits.axis.quarter"),
                        "nameLocation": "middle", "nameGap": 30},
                 yAxis={"type": "value", "scale": True}, series=series)


def coverage_heatmap(frame: pd.DataFrame, title: str, language: str) -> Chart:
    """Groups × quarters: the share of registered recipients visited, the value written in each cell
    (so colour is never the only carrier)."""
    grid = frame.pivot(index="group_code", columns="quarter", values="coverage_pct")
    order = [c for c in codes.codes("group") if c in grid.index]
    grid = grid.loc[order]
    quarters = [str(q) for q in grid.columns]
    names = [codes.label("group", c, language) for c in grid.index]
    low = max(0, float(frame["coverage_pct"].min()) - 1)
    # White text on the darker half of the scale, dark text on the lighter half.
    dark = low + (100 - low) * 0.55
    cells = [{"value": [column, row, number(round(value, 1))],
              "label": {"formatter": formatting.format_pct(value), "color": "#fff" if value >= dark else "#222"},
              "tooltip": {"formatter": tip(f"{names[row]} · {quarters[column]}：{formatting.format_pct(value)}")}}
             for row, values in enumerate(grid.to_numpy()) for column, value in enumerate(values)
             if not pd.isna(value)]
    return chart(title, "%", height=130 + 34 * len(order),
                 grid={"left": 8, "right": 24, "top": 64, "bottom": 64, "containLabel": True},
                 xAxis={"type": "category", "data": quarters, "name": t("visits.axis.quarter"),
                        "nameLocation": "middle", "nameGap": 30, "splitArea": {"show": True}},
                 yAxis={"type": "category", "data": names, "inverse": True, "splitArea": {"show": True}},
                 visualMap={"min": round(low, 1), "max": 100, "calculable": False, "orient": "horizontal",
                            "left": "center", "bottom": 0, "itemHeight": 160, "text": ["100%", f"{low:.0f}%"],
                            "inRange": {"color": ["#f7fbff", "#6baed6", "#08306b"]}},
                 series=[{"type": "heatmap", "data": cells, "label": {"show": True, "fontSize": 11}}])


def coverage_by_county(frame: pd.DataFrame, title: str, language: str) -> Chart:
    """A line per county of the share visited each quarter, with the 100% duty as a dashed line."""
    quarters = sorted({str(q) for q in frame["quarter"]})
    symbols = ["circle", "rect", "diamond", "triangle", "pin"]
    series = []
    for index, county in enumerate(codes.codes("county")):
        part = frame[frame["county_code"] == county]
        if part.empty:
            continue
        by_quarter = dict(zip(part["quarter"].astype(str), part["coverage_pct"]))
        series.append({"type": "line", "name": codes.label("county", county, language),
                       "symbol": symbols[index % len(symbols)], "symbolSize": 8,
                       "itemStyle": {"color": PALETTE[index % len(PALETTE)]},
                       "data": [number(None if by_quarter.get(q) is None else round(by_quarter[q], 1))
                                for q in quarters]})
    if series:
        series[0]["markLine"] = {"symbol": "none", "silent": True, "data": [{"yAxis": 100}],
                                 "lineStyle": {"type": "dashed", "color": "#555"},
                                 "label": {"formatter": t("visits.duty_line"), "position": "insideStartTop"}}
    return chart(title, "%", legend=True,
                 tooltip="axis", xAxis={"type": "category", "data": quarters, "name": t("visits.axis.quarter"),
                                        "nameLocation": "middle", "nameGap": 30},
                 yAxis={"type": "value", "scale": True, "max": 100},
                 series=series)


def group_care(quarters: pd.DataFrame, coverage: pd.DataFrame, group_code: str, title: str,
               language: str) -> Chart:
    """Visits to one group per quarter (bars) and the share of its registered recipients visited
    (line on a second axis, values written on the points); coverage holds every group's rows."""
    bars = by_quarter(quarters, "home_visit_count", title, language)
    option = bars.option
    coverage = coverage[coverage["group_code"] == group_code].dropna(subset=["coverage_pct"])
    if not coverage.empty:
        share = dict(zip(coverage["quarter"].astype(str), coverage["coverage_pct"]))
        values = [share.get(str(q)) for q in quarters["quarter"]]
        option["series"].append({
            "type": "line", "name": t("visits.series.coverage"), "yAxisIndex": 1, "symbol": "diamond",
            "symbolSize": 9, "itemStyle": {"color": PALETTE[3]}, "label": {"show": True, "position": "top"},
            "data": items([None if v is None else round(v, 1) for v in values],
                          [formatting.format_pct(v) for v in values])})
        # Bars in the lower half, the share near the top: their labels stay apart.
        divisor, _ = count_axis(quarters["home_visit_count"], language)
        option["yAxis"] = [{**option["yAxis"], "max": float(quarters["home_visit_count"].max()) / divisor * 1.9},
                           {"type": "value", "name": "%", "min": 40, "max": 108, "interval": 10,
                            "splitLine": {"show": False}, "axisLabel": {"showMaxLabel": False}}]
    option["legend"] = {"bottom": 0, "left": 0}
    option["grid"] = {**option["grid"], "bottom": 44}
    return Chart(option, bars.height)


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
