"""Special-education charts (ECharts): rates against their target with the projection, placement mix,
senior-high students, resource centres and classrooms. Status reads by marker shape and words as well as
colour."""
from __future__ import annotations

import math

import pandas as pd

from dashboard import charts, codes, formatting, projection
from dashboard.i18n import t

# Okabe–Ito hues (distinct for the common colour-vision deficiencies) plus a distinct marker shape each,
# so status also reads in greyscale print. The cross is a path: ECharts has no built-in one.
CROSS = "path://M0,0L10,10M10,0L0,10"
STATUS_STYLE = {
    projection.MET: ("#009E73", "circle"),
    projection.ON_TRACK: ("#0072B2", "triangle"),
    projection.AT_RISK: ("#E69F00", "diamond"),
    projection.OFF_TRACK: ("#D55E00", CROSS),
    projection.INSUFFICIENT: ("#7F7F7F", "rect"),
}
PROJECTION_COLOUR = "#555555"
TARGET_COLOUR = "#000000"
ROW_HEIGHT_PX = 56
# Above the rows: the title and the target line's label; below: the axis, its name and the legend.
TOP_MARGIN_PX, BOTTOM_MARGIN_PX, LEGEND_PX = 56, 100, 64
RATE_MARKER_PX, PROJECTION_MARKER_PX = 16, 13
# The rate axis starts on a multiple of this, at least 3 points below the lowest value, so its first
# tick is not crowded by the next one.
AXIS_STEP_PCT = 5
# Room above the tallest bar for its total (or value) label.
HEADROOM = 1.12
MAX_INTERVALS = 8  # value-axis gridlines at most


def status_label(status: str, language: str | None = None) -> str:
    """A status as mark and words, e.g. ✓ 已达标."""
    return t(f"projection.status.{status}", language)


def year_label(school_year: int, language: str) -> str:
    """A school year as its axis label, e.g. 2023学年."""
    return t("period.school_year", language, year=int(school_year))


def rate_against_target(board: pd.DataFrame, title: str, language: str) -> charts.Chart:
    """Each area's rate now (marker shaped and coloured by status, its value above) and its projection at
    the deadline's school year (hollow marker), joined by a line, against a dashed target line; rows
    top-down in the board's order, each named with its status in words."""
    rows = list(board.itertuples())
    projected_name = t("sped.chart.projected", language, year=int(board["target_school_year"].iloc[0]))
    target = float(board["target_pct"].iloc[0])
    target_text = t("sped.chart.target", language, target=formatting.format_pct(target))
    projection_series = _projection_series(rows, projected_name, language)
    status_series = [_status_series(status, [(i, row) for i, row in enumerate(rows) if row.status == status],
                                    projected_name, target_text, language)
                     for status in STATUS_STYLE if (board["status"] == status).any()]
    # The target line on a series of its own, so hiding a status in the legend keeps it.
    target_series = {
        "type": "scatter", "name": target_text, "data": [], "silent": True,
        "markLine": {"silent": True, "symbol": "none", "data": [{"xAxis": target, "name": target_text}],
                     # "start" is the top: the rows run top-down.
                     "label": {"formatter": target_text, "position": "start", "fontSize": 12},
                     "lineStyle": {"type": "dashed", "color": TARGET_COLOUR, "width": 1.5}}}

    values = pd.concat([board["enrolment_rate_pct"], board["projected_pct"]]).astype("float64").dropna()
    low = min(float(values.min()), target) - 3
    chart = charts.chart(
        title, height=round(ROW_HEIGHT_PX * (len(rows) + 0.4)) + TOP_MARGIN_PX + BOTTOM_MARGIN_PX, legend=True,
        grid={"left": 8, "right": 32, "top": TOP_MARGIN_PX, "bottom": LEGEND_PX, "containLabel": True},
        xAxis={"type": "value", "min": max(0, math.floor(low / AXIS_STEP_PCT) * AXIS_STEP_PCT),
               "max": projection.RATE_CEILING_PCT, "axisLabel": {"formatter": "{value}%"},
               "name": t("sped.unit.rate", language), "nameLocation": "middle", "nameGap": 28},
        yAxis={"type": "category", "data": [f"{row.area_name}　{status_label(row.status, language)}" for row in rows],
               "inverse": True, "axisTick": {"show": False}, "axisLine": {"show": False},
               "splitLine": {"show": True, "lineStyle": {"color": "#eee"}},
               "axisLabel": {"color": "#333", "interval": 0}},
        series=[projection_series, *status_series, target_series])
    shown = [projected_name] * bool(projection_series["data"]) + [series["name"] for series in status_series]
    return _legend_of(chart, shown, square_icons=True)


def _projection_series(rows: list, projected_name: str, language: str) -> dict:
    """Hollow markers at each area's projected rate, each joined to the rate now by a line."""
    projected = [(index, row) for index, row in enumerate(rows) if _has_projection(row)]
    return {
        "type": "scatter", "name": projected_name, "symbol": "emptyCircle", "symbolSize": PROJECTION_MARKER_PX,
        "itemStyle": {"color": PROJECTION_COLOUR, "borderColor": PROJECTION_COLOUR, "borderWidth": 2, "opacity": 1},
        "z": 6,
        "data": [{"value": [charts.number(row.projected_pct), index], "tooltip": {"formatter": "<br/>".join([
            charts.tip(row.area_name), _said(projected_name, formatting.format_pct(row.projected_pct), language)])}}
            for index, row in projected],
        "markLine": {"silent": True, "symbol": "none", "label": {"show": False},
                     "lineStyle": {"type": "solid", "color": PROJECTION_COLOUR, "width": 1.5},
                     "data": [[{"coord": [charts.number(row.enrolment_rate_pct), index]},
                               {"coord": [charts.number(row.projected_pct), index]}] for index, row in projected]},
    }


def _status_series(status: str, rows: list, projected_name: str, target_text: str, language: str) -> dict:
    """The areas of one status: their rates now, in the status's colour and shape, the value above."""
    colour, symbol = STATUS_STYLE[status]
    label = status_label(status, language)
    return {
        "type": "scatter", "name": label, "symbol": symbol, "symbolSize": RATE_MARKER_PX, "z": 7,
        "itemStyle": {"color": colour, "borderColor": colour, "borderWidth": 2.5, "opacity": 1},
        "label": {"show": True, "position": "top", "fontSize": 12, "color": "#333"},
        "data": [{"value": [charts.number(row.enrolment_rate_pct), index],
                  "label": {"formatter": formatting.format_pct(row.enrolment_rate_pct)},
                  "tooltip": {"formatter": _rate_tooltip(row, label, projected_name, target_text, language)}}
                 for index, row in rows],
    }


def _has_projection(row) -> bool:
    return row.projected_pct is not None and not pd.isna(row.projected_pct)


def _said(name: str, value: str, language: str) -> str:
    """'name：value' (zh) or 'name: value' (en), for tooltips."""
    return f"{name}: {value}" if language == "en" else f"{name}：{value}"


def _rate_tooltip(row, status: str, projected_name: str, target_text: str, language: str) -> str:
    """An area's rate with its status, projection (when there is one) and target, a line each."""
    rate = formatting.format_pct(row.enrolment_rate_pct)
    # Area names come from the data: escaped, as the tooltip is HTML.
    lines = [_said(charts.tip(row.area_name), f"{rate} ({status})" if language == "en" else f"{rate}（{status}）",
                   language)]
    if _has_projection(row):
        lines.append(_said(projected_name, formatting.format_pct(row.projected_pct), language))
    return "<br/>".join(lines + [target_text])


def placement_mix(frame: pd.DataFrame, title: str, language: str) -> charts.Chart:
    """Compulsory-stage students by placement per school year, stacked, with the total above each bar."""
    columns = [(f"{placement}_count", codes.label("placement", placement, language))
               for placement in codes.codes("placement")]
    return _stacked_with_totals(frame, columns, title, language)


def senior_high(frame: pd.DataFrame, title: str, language: str) -> charts.Chart:
    """Senior-high-stage students per school year (special schools and regular classes)."""
    columns = [(f"{placement}_count", codes.label("placement", placement, language))
               for placement in ("special_school", "regular_class")]
    return _stacked_with_totals(frame, columns, title, language)


def resources(frame: pd.DataFrame, title: str, language: str) -> charts.Chart:
    """Township resource centres and resource classrooms per school year, side by side."""
    years = [year_label(y, language) for y in frame["school_year"]]
    columns = ["resource_centre_count", "resource_classroom_count"]
    series = [{"type": "bar", "name": t(f"sped.{column}", language), "barGap": 0,
               "label": {"show": True, "position": "top", "color": "#555"},
               "data": _bar_items(frame[column], language)} for column in columns]
    return charts.chart(title, t("sped.unit.places", language), legend=True,
                        xAxis={"type": "category", "data": years, "axisLabel": {"interval": 0}},
                        yAxis={"type": "value", **_headroom(frame[columns].max().max())},
                        series=series)


def _stacked_with_totals(frame: pd.DataFrame, columns: list[tuple[str, str]], title: str,
                         language: str) -> charts.Chart:
    """Counts per school year stacked bottom-up in the order given, each part's count inside it and the
    total above the bar."""
    years = [year_label(y, language) for y in frame["school_year"]]
    series = [{"type": "bar", "name": name, "stack": "students",
               "label": {"show": True, "position": "inside", "color": "#fff"},
               # Counts that would overlap (parts too thin for them) are left out; the table has them.
               "labelLayout": {"hideOverlap": True},
               "data": _bar_items(frame[column], language)} for column, name in columns]
    totals = frame["enrolled_count"]
    series.append({
        "type": "scatter", "name": t("sped.chart.total", language, total="").strip(), "silent": True,
        "symbolSize": 0, "tooltip": {"show": False},
        "label": {"show": True, "position": "top", "color": "#555", "fontSize": 13},
        "data": [{"value": charts.number(v), "label": {"formatter": t(
            "sped.chart.total", language, total=formatting.format_count(v, language))}} for v in totals]})
    return _legend_of(charts.chart(title, t("sped.unit.students", language), legend=True,
                                   xAxis={"type": "category", "data": years, "axisLabel": {"interval": 0}},
                                   yAxis={"type": "value", **_headroom(totals.max())},
                                   series=series), [name for _, name in columns])


def _legend_of(chart: charts.Chart, names: list[str], square_icons: bool = False) -> charts.Chart:
    """The chart with only these series in its legend (not the totals' labels, nor the target line,
    which is labelled on the plot); square icons keep markers' shapes undistorted."""
    chart.option["legend"] = {**chart.option["legend"], "data": names}
    if square_icons:
        chart.option["legend"].update(itemWidth=14, itemHeight=14)
    return chart


def _bar_items(values: pd.Series, language: str) -> list[dict]:
    """Bar data with each count written as officials write it, on the bar and in its tooltip (which
    names the series: a stack's parts share a school year)."""
    return [{"value": charts.number(v), "label": {"formatter": formatting.format_count(v, language)},
             "tooltip": {"formatter": _said("{b} · {a}", formatting.format_count(v, language), language)}}
            for v in values]


def _headroom(highest: float) -> dict:
    """A value axis of counts ending on a round tick at least HEADROOM above the highest bar, so the
    label above it stays inside the plot."""
    top = max(float(highest), 1.0) * HEADROOM
    # Counts: never a tick between two whole numbers.
    interval = max(1, charts.round_step(top, MAX_INTERVALS))
    return {"max": charts.number(math.ceil(top / interval) * interval), "interval": charts.number(interval)}
