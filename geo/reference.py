"""Loaders for the committed reference geography of Huizhou in geo/data/."""

import copy
import json
from functools import lru_cache
from pathlib import Path

import pandas as pd
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

DATA_DIR = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def _read_csv(file_name: str) -> pd.DataFrame:
    """Read a data CSV with every column as text, so codes keep their digits."""
    return pd.read_csv(DATA_DIR / file_name, dtype=str, keep_default_na=False, encoding="utf-8")


@lru_cache(maxsize=None)
def _read_json(file_name: str) -> dict:
    """Read a data GeoJSON file."""
    return json.loads((DATA_DIR / file_name).read_text(encoding="utf-8"))


def load_townships() -> pd.DataFrame:
    """Return the 84 township-level units: township_code, county_code, name, kind."""
    return _read_csv("townships.csv").copy()


def load_villages() -> pd.DataFrame:
    """Return the 1,364 village-level units: village_code, township_code, name, kind."""
    return _read_csv("villages.csv").copy()


def load_counties_geojson() -> dict:
    """Return the five counties as a WGS-84 GeoJSON FeatureCollection keyed by properties.county_code."""
    return copy.deepcopy(_read_json("counties.geojson"))


def load_city_geojson() -> dict:
    """Return Huizhou's outline as a WGS-84 GeoJSON FeatureCollection of one feature."""
    return copy.deepcopy(_read_json("city.geojson"))


@lru_cache(maxsize=None)
def _county_shapes() -> tuple:
    """Return (county_code, shapely geometry) pairs for the five counties."""
    features = _read_json("counties.geojson")["features"]
    return tuple((feature["properties"]["county_code"], shape(feature["geometry"])) for feature in features)


def county_shapes() -> dict[str, BaseGeometry]:
    """Return county_code -> WGS-84 shapely geometry, for point-in-polygon lookups."""
    return dict(_county_shapes())
