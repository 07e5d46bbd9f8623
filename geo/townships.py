"""Schematic township areas (示意): no public township polygons exist, so the demo draws Voronoi cells
around the township seats, each county's cells clipped to that county. They are a sketch, never a
boundary, and are labelled 示意 wherever they are shown."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPoint, mapping, shape
from shapely.geometry.base import BaseGeometry

STORE_DECIMALS = 5
STORE_TOLERANCE_DEG = 0.0005  # about 50 m: detail kept in the boundaries table


def schematic_township_areas(seats: pd.DataFrame, counties: dict[str, BaseGeometry]) -> dict[str, BaseGeometry]:
    """township_code -> area: per county, the Voronoi cell of each seat clipped to the county.

    seats: township_code, county_code, seat_lon, seat_lat (rows without a seat are left out). The
    cells of one county cover it exactly and do not overlap."""
    areas: dict[str, BaseGeometry] = {}
    located = seats.dropna(subset=["seat_lon", "seat_lat"])
    for county_code, members in located.groupby("county_code", sort=True):
        county = counties.get(county_code)
        if county is None:
            continue
        codes = members["township_code"].tolist()
        points = shapely.points(members["seat_lon"].to_numpy(), members["seat_lat"].to_numpy())
        if len(codes) == 1:
            areas[codes[0]] = county
            continue
        cells = shapely.voronoi_polygons(MultiPoint(list(points)), extend_to=county.envelope.buffer(0.5))
        for cell in cells.geoms:
            # Each cell holds exactly one seat; find whose.
            owner = int(np.flatnonzero(shapely.contains(cell, points) | shapely.touches(cell, points))[0])
            clipped = shapely.make_valid(cell.intersection(county))
            areas[codes[owner]] = _polygonal(clipped)
    return areas


def _polygonal(geometry: BaseGeometry) -> BaseGeometry:
    """Drop stray points or lines an intersection may leave."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [g for g in getattr(geometry, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def simplified_geojson(geometry: BaseGeometry, tolerance_deg: float, decimals: int) -> dict:
    """A GeoJSON geometry simplified to tolerance_deg with coordinates rounded to decimals places."""
    simple = geometry.simplify(tolerance_deg, preserve_topology=True) if tolerance_deg > 0 else geometry
    simple = shapely.set_precision(simple, 10 ** -decimals)
    return json.loads(json.dumps(mapping(simple)), parse_float=lambda text: round(float(text), decimals))


def boundary_rows(areas: dict[str, BaseGeometry], is_schematic: bool) -> pd.DataFrame:
    """Rows for the boundaries table (area_code, level, geojson, is_schematic) at storage detail."""
    rows = [{"area_code": code, "level": "township", "is_schematic": is_schematic,
             "geojson": json.dumps(simplified_geojson(area, STORE_TOLERANCE_DEG, STORE_DECIMALS),
                                   separators=(",", ":"))}
            for code, area in sorted(areas.items()) if not area.is_empty]
    return pd.DataFrame(rows, columns=["area_code", "level", "geojson", "is_schematic"])


def read_geometry(geojson: str) -> BaseGeometry:
    """A stored GeoJSON geometry as a shapely geometry."""
    return shape(json.loads(geojson))
