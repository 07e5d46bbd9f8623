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
from folium import MacroElement
from folium.template import Template
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


class _MapControls(MacroElement):
    """The map's attribution prefix and scale bar. Leaflet 1.9's default prefix is a link to
    leafletjs.com (out of reach on an isolated network) with a national flag drawn beside it; here it
    reads plain "Leaflet", the library's credit. The scale bar shows kilometres only, as the page's
    distances are written (folium's control_scale adds miles beside them)."""
    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.setPrefix("Leaflet");
        L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)


def offline_map(bounds: list[list[float]], tile_url: str = "", tile_attribution: str = "") -> folium.Map:
    """An empty map fitted to bounds ([[south, west], [north, east]]), loading Leaflet locally."""
    fmap = folium.Map(tiles=None, control_scale=False, zoom_snap=0.25, prefer_canvas=False)
    fmap.default_js = LEAFLET_JS
    fmap.default_css = LEAFLET_CSS
    _MapControls().add_to(fmap)
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


def point_features(frame: pd.DataFrame, properties_of) -> list[dict]:
    """Point features from rows with lon/lat; properties_of(row) gives each one's properties (text
    values escaped, an optional 'style' dict for what differs from the layer's marker)."""
    features = []
    for row in frame.itertuples(index=False):
        properties = properties_of(row)
        features.append({"type": "Feature", "properties": properties, "geometry": {
            "type": "Point", "coordinates": [round(float(row.lon), POINT_DECIMALS),
                                            round(float(row.lat), POINT_DECIMALS)]}})
    return features


def add_layer(fmap: folium.Map, features: list[dict], name: str, marker_style: dict | None = None,
              tooltip: dict[str, str] | None = None, show: bool = True) -> None:
    """A GeoJSON layer in the layer control. Points are circle markers drawn with marker_style (a
    feature's own 'style' property overrides it); tooltip maps property -> label (labels escaped here,
    values escaped by the caller), or each feature's 'tip' HTML is shown."""
    if not features:
        return
    marker = folium.CircleMarker(**marker_style) if marker_style is not None else None
    if tooltip:
        hover = folium.GeoJsonTooltip(fields=list(tooltip), aliases=[text(a) for a in tooltip.values()],
                                      labels=True, sticky=False)
    else:
        hover = folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=False)
    folium.GeoJson(_collection(features), name=name, show=show, marker=marker, tooltip=hover).add_to(fmap)


def add_layer_control(fmap: folium.Map) -> None:
    """The layer switcher (plain Leaflet; its icon is served with Leaflet's own images), folded into its
    icon until the pointer rests on it: expanded, its list of layers covered the map's north-east
    corner. The same layers are chosen in the page's sidebar, which the URL keeps."""
    folium.LayerControl(collapsed=True).add_to(fmap)


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


# ---- rendering through streamlit-folium (pinned 0.27.4) ----------------------------------------
# st_folium renders the whole map on every rerun (about a second for the city map); rendering once
# into plain strings lets the caller cache them, and identical strings keep the same component
# instance, so the map keeps its view on reruns that do not change it.

def component_args(fmap: folium.Map) -> dict:
    """The strings streamlit-folium's frontend needs to draw the map (what st_folium computes)."""
    import streamlit_folium as sf
    fmap.get_root().render()
    fmap.render()
    html_text, header = sf._get_html(fmap), sf._get_header(fmap)
    script = sf._get_map_string(fmap)
    return {"script": script, "header": header, "html": html_text, "id": sf.get_full_id(fmap),
            "js_links": [url for _, url in LEAFLET_JS], "css_links": [url for _, url in LEAFLET_CSS]}


def show_map(args: dict, key: str, height: int, returned_objects: list[str]) -> dict | None:
    """Draw rendered map strings in the page with streamlit-folium's component; returns its value."""
    import streamlit_folium as sf
    return sf._component_func(
        **args, key=sf.generate_js_hash(args["script"], key, False), height=height, width=None,
        returned_objects=returned_objects, default={name: None for name in returned_objects}, zoom=None,
        center=None, feature_group=None, return_on_hover=False, layer_control=None, pixelated=False,
        wrap_longitude=False)
