"""Tests for geo.coordinates: conversions between WGS-84, GCJ-02 and BD-09."""

import math

import pytest

from geo.coordinates import bd09_to_wgs84, gcj02_to_wgs84, to_wgs84, wgs84_to_bd09, wgs84_to_gcj02

EARTH_RADIUS_M = 6_371_000

# WGS-84 lon/lat across China, Huizhou first.
POINTS = [
    (114.4168, 23.1115),  # Huizhou city centre
    (114.0500, 23.2700),  # Luofu Shan, Boluo
    (115.4000, 22.6000),  # Huidong coast
    (116.4040, 39.9150),  # Beijing
    (87.6168, 43.8256),  # Urumqi
    (126.5350, 45.8038),  # Harbin
    (109.5120, 18.2520),  # Sanya
]

# Published by the coordtransform package (npm coordtransform 2.1.2, README.md "result"
# block, github.com/wandergis/coordtransform): wgs84togcj02(116.404, 39.915) and
# gcj02tobd09(116.404, 39.915).
KNOWN_WGS84 = (116.404, 39.915)
KNOWN_GCJ02 = (116.41024449916938, 39.91640428150164)
KNOWN_GCJ02_INPUT = (116.404, 39.915)
KNOWN_BD09_OF_GCJ02_INPUT = (116.41036949371029, 39.92133699351021)


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the haversine distance in metres between two lon/lat points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


@pytest.mark.parametrize("point", POINTS)
def test_gcj02_round_trip_within_one_metre(point):
    assert distance_m(gcj02_to_wgs84(*wgs84_to_gcj02(*point)), point) < 1


@pytest.mark.parametrize("point", POINTS)
def test_bd09_round_trip_within_one_metre(point):
    assert distance_m(bd09_to_wgs84(*wgs84_to_bd09(*point)), point) < 1


@pytest.mark.parametrize("point", POINTS)
def test_offsets_are_a_few_hundred_metres(point):
    assert 50 < distance_m(wgs84_to_gcj02(*point), point) < 1500
    assert 200 < distance_m(wgs84_to_bd09(*point), point) < 2500


def test_known_wgs84_to_gcj02_pair():
    assert distance_m(wgs84_to_gcj02(*KNOWN_WGS84), KNOWN_GCJ02) < 1


def test_known_gcj02_to_wgs84_pair():
    assert distance_m(gcj02_to_wgs84(*KNOWN_GCJ02), KNOWN_WGS84) < 1


def test_known_bd09_pair_matches_its_gcj02_point():
    expected = gcj02_to_wgs84(*KNOWN_GCJ02_INPUT)
    assert distance_m(bd09_to_wgs84(*KNOWN_BD09_OF_GCJ02_INPUT), expected) < 1
    assert distance_m(wgs84_to_bd09(*expected), KNOWN_BD09_OF_GCJ02_INPUT) < 1


def test_huizhou_gcj02_offset_direction():
    lon, lat = gcj02_to_wgs84(114.4168, 23.1115)
    assert -0.007 < lon - 114.4168 < -0.003
    assert 0.001 < lat - 23.1115 < 0.004


@pytest.mark.parametrize("crs", ["GCJ02", "gcj02", "GCJ-02", "gcj-02", " Gcj_02 "])
def test_to_wgs84_gcj02_aliases(crs):
    assert to_wgs84(*KNOWN_GCJ02, crs) == gcj02_to_wgs84(*KNOWN_GCJ02)


@pytest.mark.parametrize("crs", ["BD09", "bd09", "BD-09", "bd-09"])
def test_to_wgs84_bd09_aliases(crs):
    assert to_wgs84(114.42, 23.11, crs) == bd09_to_wgs84(114.42, 23.11)


@pytest.mark.parametrize("crs", ["WGS84", "wgs-84", "WGS-84", "CGCS2000", "EPSG:4490", "epsg:4326"])
def test_to_wgs84_wgs84_aliases_are_identity(crs):
    assert to_wgs84(114.42, 23.11, crs) == (114.42, 23.11)


@pytest.mark.parametrize("crs", ["EPSG:3857", "UTM50N", "GCJ", "", "BD-09MC", None])
def test_to_wgs84_rejects_unknown_crs(crs):
    with pytest.raises(ValueError):
        to_wgs84(114.42, 23.11, crs)
