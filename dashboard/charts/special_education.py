"""Special-education charts: rates against their target with the projection, placement mix, senior-high
students, resource centres and classrooms. Status reads by marker shape and words as well as colour."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import codes, formatting, projection
from dashboard.charts import PALETTE, cached_figure, style
from dashboard.i18n import t

# Okabe–Ito hues (distinct for the common colour-vision deficiencies) plus a distinct marker shape each,
# so status also reads in greyscale print.
STATUS_STYLE = {
    projection.MET: ("#009E73", "circle"),
    projection.ON_TRACK: ("#0072B2", "triangle-up"),
    projection.AT_RISK: ("#E69F00", "diamond"),
    projection.OFF_TRACK: ("#D55E00", "x-thin-open"),
    projection.INSUFFICIENT: ("#7F7F7F", "square"),
}
PROJECTION_COLOUR = "#555555"
ROW_HEIGHT_PX = 56
TOP_MARGIN_PX, BOTTOM_MARGIN_PX, LEGEND_GAP_PX = 70, 100, 55


def status_label(status: str, language: str | None = None) -> str:
    """A status as mark and words, e.g. ✓ 已达标."""
    return t(f"projection.status.{status}", language)


def year_label(school_year: int, language: str) -> str:
    """A school year as its axis label, e.g. 2023学年."""
    return t("period.school_year", language, year=int(school_year))


@cached_figure
def rate_against_target(board: pd.DataFrame, title: str, language: str) -> go.Figure:
    """Each area's rate now (marker shaped and coloured by status) and its projection at the deadline's
    school year (hollow marker), joined by a line, against a dashed target line."""
    figure = go.Figure()
    names = [f"{row.area_name}　{status_label(row.status, language)}" for row in board.itertuples()]
    segments_x, segments_y = [], []
    for name, row in zip(names, board.itertuples()):
        if row.projected_pct is not None and not pd.isna(row.projected_pct):
            segments_x += [row.enrolment_rate_pct, row.projected_pct, None]
            segments_y += [name, name, None]
    figure.add_trace(go.Scatter(x=segments_x, y=segments_y, mode="lines", showlegend=False, hoverinfo="skip",
                                line={"color": PROJECTION_COLOUR, "width": 1.5}))
    target_year = int(board["target_school_year"].iloc[0])
    projected = board["projected_pct"].astype("float64")
    figure.add_trace(go.Scatter(
        x=projected, y=names, mode="markers", name=t("sped.chart.projected", language, year=target_year),
        marker={"symbol": "circle-open", "size": 13, "color": PROJECTION_COLOUR, "line": {"width": 2}},
        hovertemplate="%{x:.1f}%<extra></extra>"))
    for status, (colour, symbol) in STATUS_STYLE.items():
        rows = board["status"] == status
        if not rows.any():
            continue
        rates = board.loc[rows, "enrolment_rate_pct"]
        figure.add_trace(go.Scatter(
            x=rates, y=[n for n, keep in zip(names, rows) if keep], mode="markers+text",
            name=status_label(status, language), text=[formatting.format_pct(v) for v in rates],
            textposition="top center", textfont={"size": 12},
            marker={"symbol": symbol, "size": 16, "color": colour, "line": {"width": 2.5, "color": colour}},
            hovertemplate="%{x:.1f}%<extra></extra>"))
    target = float(board["target_pct"].iloc[0])
    figure.add_vline(x=target, line={"dash": "dash", "color": "#000000", "width": 1.5},
                     annotation_text=t("sped.chart.target", language, target=formatting.format_pct(target)),
                     annotation_position="top")
    low = min(board["enrolment_rate_pct"].min(), projected.min(skipna=True), target)
    figure.update_xaxes(range=[max(0.0, low - 3), 101], ticksuffix="%", title_text=t("sped.unit.rate", language))
    # Rows top-down with room above the first for its value label; the legend sits a fixed distance
    # below the axis title whatever the number of rows.
    figure.update_yaxes(range=[len(board) - 0.5, -0.9], title_text="")
    plot_height = ROW_HEIGHT_PX * (len(board) + 0.4)
    style(figure, title)
    figure.update_layout(height=plot_height + TOP_MARGIN_PX + BOTTOM_MARGIN_PX,
                         margin={"t": TOP_MARGIN_PX, "b": BOTTOM_MARGIN_PX},
                         legend={"y": -LEGEND_GAP_PX / plot_height, "yanchor": "top"})
    return figure


@cached_figure
def placement_mix(frame: pd.DataFrame, title: str, language: str) -> go.Figure:
    """Compulsory-stage students by placement per school year, stacked, with the total above each bar."""
    years = [year_label(y, language) for y in frame["school_year"]]
    figure = go.Figure()
    for placement, colour in zip(codes.codes("placement"), PALETTE):
        column = f"{placement}_count"
        figure.add_trace(go.Bar(x=years, y=frame[column], name=codes.label("placement", placement, language),
                                marker_color=colour, text=frame[column], textposition="inside",
                                texttemplate="%{text:,}"))
    _totals_above(figure, years, frame["enrolled_count"], language)
    figure.update_layout(barmode="stack")
    return style(figure, title, t("sped.unit.students", language))


@cached_figure
def senior_high(frame: pd.DataFrame, title: str, language: str) -> go.Figure:
    """Senior-high-stage students per school year (special schools and regular classes)."""
    years = [year_label(y, language) for y in frame["school_year"]]
    figure = go.Figure()
    for placement, colour in zip(("special_school", "regular_class"), PALETTE):
        column = f"{placement}_count"
        figure.add_trace(go.Bar(x=years, y=frame[column], name=codes.label("placement", placement, language),
                                marker_color=colour, text=frame[column], textposition="inside"))
    _totals_above(figure, years, frame["enrolled_count"], language)
    figure.update_layout(barmode="stack")
    return style(figure, title, t("sped.unit.students", language))


@cached_figure
def resources(frame: pd.DataFrame, title: str, language: str) -> go.Figure:
    """Township resource centres and resource classrooms per school year, side by side."""
    years = [year_label(y, language) for y in frame["school_year"]]
    figure = go.Figure()
    for column, colour in zip(("resource_centre_count", "resource_classroom_count"), PALETTE):
        figure.add_trace(go.Bar(x=years, y=frame[column], name=t(f"sped.{column}", language),
                                marker_color=colour, text=frame[column], textposition="outside"))
    figure.update_layout(barmode="group")
    figure.update_yaxes(range=[0, frame[["resource_centre_count", "resource_classroom_count"]].max().max() * 1.15])
    return style(figure, title, t("sped.unit.places", language))


def _totals_above(figure: go.Figure, years: list[str], totals: pd.Series, language: str) -> None:
    figure.add_trace(go.Scatter(
        x=years, y=totals, mode="text", text=[t("sped.chart.total", language,
                                                  total=formatting.format_count(v, language)) for v in totals],
        textposition="top center", showlegend=False, hoverinfo="skip"))
    figure.update_yaxes(range=[0, float(totals.max()) * 1.15])
