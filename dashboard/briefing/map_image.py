"""The station map as a picture for a slide, drawn offline: county outlines and stations as plain
Plotly traces (no map tiles, no geo base layer fetched from the internet), rendered by Kaleido."""
from __future__ import annotations

import math

import plotly.graph_objects as go
from shapely.geometry import shape

from dashboard import codes
from dashboard.charts import FONT_FAMILY, PALETTE
from dashboard.i18n import t
from geo import reference
from queries import stations

IMAGE_SIZE = (1200, 1000)  # about Huizhou's own shape, so the map fills its frame
HUIZHOU_MEAN_LATITUDE = 23.2


def station_map_figure(language: str) -> go.Figure:
    """County outlines, township stations (benchmarks marked) and village points."""
    figure = go.Figure()
    for feature in reference.load_counties_geojson()["features"]:
        geometry = shape(feature["geometry"])
        polygons = getattr(geometry, "geoms", [geometry])
        name = codes.label("county", feature["properties"]["county_code"], language)
        for index, polygon in enumerate(polygons):
            x, y = polygon.exterior.xy
            figure.add_trace(go.Scatter(x=list(x), y=list(y), fill="toself", mode="lines", hoverinfo="skip",
                                        line={"color": "#888", "width": 1}, fillcolor="rgba(0,114,178,0.06)",
                                        showlegend=False, name=name))
        centre = geometry.representative_point()
        figure.add_annotation(x=centre.x, y=centre.y, text=name, showarrow=False,
                              font={"size": 18, "color": "#555"})
    points = stations.station_locations()
    layers = [("point", False, t("briefing.series.points", language), PALETTE[2], 6, "circle"),
              ("station", False, t("briefing.series.stations", language), PALETTE[0], 11, "circle"),
              ("station", True, t("briefing.series.benchmarks", language), PALETTE[3], 15, "star")]
    for station_type, benchmark, label, colour, size, symbol in layers:
        chosen = points[(points["station_type"] == station_type) & (points["is_benchmark"] == benchmark)]
        figure.add_trace(go.Scatter(x=chosen["lon"], y=chosen["lat"], mode="markers", name=label,
                                    marker={"color": colour, "size": size, "symbol": symbol,
                                            "line": {"color": "white", "width": 1}}))
    figure.update_xaxes(visible=False)
    # Equal distances in both directions at Huizhou's latitude.
    figure.update_yaxes(visible=False, scaleanchor="x", scaleratio=1 / math.cos(math.radians(HUIZHOU_MEAN_LATITUDE)))
    figure.update_layout(font={"family": FONT_FAMILY}, plot_bgcolor="white", paper_bgcolor="white",
                         margin={"l": 10, "r": 10, "t": 10, "b": 10},
                         legend={"orientation": "h", "y": 0.02, "x": 0.02, "font": {"size": 16}})
    return figure


def station_map_png(language: str) -> bytes:
    """The station map as PNG bytes (Kaleido drives the system Chromium; nothing from the internet)."""
    width, height = IMAGE_SIZE
    return station_map_figure(language).to_image(format="png", width=width, height=height)
