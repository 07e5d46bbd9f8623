"""Folium builders for the coverage map, served with no internet: Leaflet from the app's static/ folder,
no tile layer unless an intranet tile URL is configured, only GeoJSON vector layers (no icon fonts).

Every text placed in a tooltip is HTML-escaped here, because Leaflet tooltips are HTML.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass

import folium
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.townships import simplified_geojson

LEAFLET_URL = "/app/static/leaflet/"
LEAFLET_JS = [("leaflet", LEAFLET_URL + "leaflet.js")]
LEAFLET_CSS = [("leaflet_css", LEAFLET_URL + "leaflet.css")]

# Geometry detail per drill level: (simplify tolerance in degrees, decimals kept). 0.002° is ~200 m,
# below a pixel at the whole-city zoom; 4 decimals is ~10 m.
DETAIL = {"city": (0.002, 4), "county": (0.001, 4), "township": (0.0003, 5)}
POINT_DECIMALS = 5

COVERED_COLOUR = "#2e7d32"
UNCOVERED_COLOUR = "#c62828"
STATION_COLOUR = "#1a237e"
POINT_COLOUR = "#0277bd"
BENCHMARK_COLOUR = "#f9a825"
SITE_COLOUR = "#6a1b9a"
# Sequential scale (light to dark) for the township choropleth; the class is also shown in words.
CHOROPLETH_COLOURS = ["#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"]


@dataclass(frozen=True)
class LayerNames:
    """Layer titles in the user's language (shown in the layer control)."""
    counties: str
    townships: str
    villages: str
    stations: str
    points: str
    sites: str


def offline_map(bounds: list[list[float]], tile_url: str = "", tile_attribution: str = "") -> folium.Map:
    """An empty map fitted to bounds ([[south, west], [north, east]]), loading Leaflet locally."""
    fmap = folium.Map(tiles=None, control_scale=True, zoom_snap=0.25, prefer_canvas=False)
    fmap.default_js = LEAFLET_JS
    fmap.default_css = LEAFLET_CSS
    if tile_url:
        folium.TileLayer(tiles=tile_url, attr=tile_attribution or tile_url, name="tiles", overlay=False,
                         control=False).add_to(fmap)
    fmap.fit_bounds(bounds)
    return fmap


def text(value) -> str:
    """A value as HTML-escaped text for a tooltip."""
    return html.escape("" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value))


def tooltip_html(lines: list[tuple[str, object]]) -> str:
    """Label-value lines, every part escaped, joined with line breaks."""
    return "<br>".join(f"{text(label)}：{text(value)}" if label else f"<b>{text(value)}</b>"
                       for label, value in lines)


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def area_features(shapes: dict[str, BaseGeometry], properties: dict[str, dict], level: str) -> list[dict]:
    """Polygon features simplified for the drill level; properties[code] holds each one's properties
    (a 'style' dict and a 'tip' HTML string among them)."""
    tolerance, decimals = DETAIL[level]
    return [{"type": "Feature", "properties": properties[code],
             "geometry": simplified_geojson(shape, tolerance, decimals)}
            for code, shape in shapes.items() if code in properties and not shape.is_empty]


def point_features(frame: pd.DataFrame, style_of, tip_of, keep: tuple[str, ...] = ()) -> list[dict]:
    """Point features from rows with lon/lat; style_of(row) and tip_of(row) give style and tooltip."""
    features = []
    for row in frame.itertuples(index=False):
        properties = {"style": style_of(row), "tip": tip_of(row), **{k: getattr(row, k) for k in keep}}
        features.append({"type": "Feature", "properties": properties, "geometry": {
            "type": "Point", "coordinates": [round(float(row.lon), POINT_DECIMALS),
                                            round(float(row.lat), POINT_DECIMALS)]}})
    return features


def add_layer(fmap: folium.Map, features: list[dict], name: str, points: bool = False,
              show: bool = True) -> None:
    """A GeoJSON layer whose features carry their own style and tooltip, in the layer control."""
    if not features:
        return
    marker = folium.CircleMarker(radius=4) if points else None
    folium.GeoJson(_collection(features), name=name, show=show, marker=marker,
                   tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=False),
                   highlight_function=None).add_to(fmap)


def add_layer_control(fmap: folium.Map) -> None:
    """The layer switcher (plain Leaflet, no extra assets)."""
    folium.LayerControl(collapsed=False).add_to(fmap)


def bounds_of(geometries: list[BaseGeometry], margin_deg: float = 0.01) -> list[list[float]]:
    """[[south, west], [north, east]] around the geometries."""
    west, south, east, north = shapely.union_all(geometries).bounds
    return [[south - margin_deg, west - margin_deg], [north + margin_deg, east + margin_deg]]


def map_html_size(fmap: folium.Map) -> int:
    """Bytes of the map's standalone HTML (what the browser receives for it)."""
    return len(fmap.get_root().render().encode("utf-8"))


def class_of(value: float, breaks: list[float]) -> int | None:
    """The choropleth class (0..len(breaks)) of a value, or None when missing."""
    if value is None or pd.isna(value):
        return None
    return sum(value > b for b in breaks)


def quantile_breaks(values: pd.Series, classes: int = len(CHOROPLETH_COLOURS)) -> list[float]:
    """Upper bounds of the lower classes, from the values' quantiles (distinct, ascending)."""
    clean = values.dropna()
    if clean.empty:
        return []
    cuts = clean.quantile([i / classes for i in range(1, classes)]).tolist()
    return sorted(set(round(c, 2) for c in cuts))


def dumps(features: list[dict]) -> str:
    """Compact JSON of features (for size checks)."""
    return json.dumps(_collection(features), ensure_ascii=False, separators=(",", ":"))
