"""Conversions between WGS-84, GCJ-02 (Amap, Tencent) and BD-09 (Baidu) lon/lat."""

import prcoords

# Every function applies the transforms everywhere (no "inside China" test), so
# that each inverse is exact for any input, not only for points inside China.
_CHECK_CHINA = False

_WGS84_ALIASES = frozenset({"WGS84", "CGCS2000", "EPSG:4326", "EPSG:4490"})


def gcj02_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """Convert a GCJ-02 point to WGS-84 with an iterative, sub-metre inverse."""
    wgs = prcoords.gcj_wgs_bored(prcoords.Coords(lat, lon), _CHECK_CHINA)
    return wgs.lon, wgs.lat


def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    """Convert a WGS-84 point to GCJ-02."""
    gcj = prcoords.wgs_gcj(prcoords.Coords(lat, lon), _CHECK_CHINA)
    return gcj.lon, gcj.lat


def bd09_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """Convert a BD-09 point to WGS-84 with an iterative, sub-metre inverse."""
    wgs = prcoords.bd_wgs_bored(prcoords.Coords(lat, lon), _CHECK_CHINA)
    return wgs.lon, wgs.lat


def wgs84_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    """Convert a WGS-84 point to BD-09."""
    bd = prcoords.wgs_bd(prcoords.Coords(lat, lon), _CHECK_CHINA)
    return bd.lon, bd.lat


def normalize_crs(crs: str) -> str:
    """Return "WGS84", "GCJ02" or "BD09" for a CRS name, or raise ValueError."""
    key = str(crs).strip().upper().replace("-", "").replace("_", "")
    if key in _WGS84_ALIASES:
        return "WGS84"
    if key in {"GCJ02", "BD09"}:
        return key
    raise ValueError(f"unknown coordinate system {crs!r}; expected WGS84, GCJ02 or BD09")


def to_wgs84(lon: float, lat: float, crs: str) -> tuple[float, float]:
    """Convert a point given in crs ("WGS84", "GCJ02" or "BD09") to WGS-84."""
    system = normalize_crs(crs)
    if system == "GCJ02":
        return gcj02_to_wgs84(lon, lat)
    if system == "BD09":
        return bd09_to_wgs84(lon, lat)
    return float(lon), float(lat)
