"""Tests for the committed reference geography in geo/data/ and its loaders."""

import pytest
import shapely
from shapely.geometry import Point, shape

from geo.reference import (
    DATA_DIR,
    county_shapes,
    load_city_geojson,
    load_counties_geojson,
    load_townships,
    load_villages,
)

COUNTY_CODES = {"441302", "441303", "441322", "441323", "441324"}
COUNTY_NAMES_EN = {
    "441302": "Huicheng District",
    "441303": "Huiyang District",
    "441322": "Boluo County",
    "441323": "Huidong County",
    "441324": "Longmen County",
}


def test_township_counts_and_kinds():
    townships = load_townships()
    assert len(townships) == 84
    expected = {"town": 48, "street": 22, "other": 13, "ethnic_township": 1}
    assert townships["kind"].value_counts().to_dict() == expected
    assert list(townships.columns) == ["township_code", "county_code", "name", "kind"]


def test_village_counts_and_kinds():
    villages = load_villages()
    assert len(villages) == 1364
    assert villages["kind"].value_counts().to_dict() == {"village": 1043, "community": 290, "other": 31}
    assert list(villages.columns) == ["village_code", "township_code", "name", "kind"]


def test_kinds_agree_with_names():
    townships = load_townships().set_index("name")["kind"]
    assert townships["蓝田瑶族乡"] == "ethnic_township"
    assert townships["湖镇镇"] == "town"
    assert townships["罗浮山管理区"] == "other"
    villages = load_villages()
    village_names = villages.loc[villages["kind"] == "village", "name"]
    assert village_names.str.endswith(("村民委员会", "村委会")).all()


def test_every_village_has_a_township():
    townships = set(load_townships()["township_code"])
    villages = load_villages()
    assert set(villages["township_code"]) == townships
    assert (villages["village_code"].str[:9] == villages["township_code"]).all()


def test_every_township_is_in_one_of_the_five_counties():
    townships = load_townships()
    assert set(townships["county_code"]) == COUNTY_CODES
    assert (townships["township_code"].str[:6] == townships["county_code"]).all()


@pytest.mark.parametrize(
    ("frame", "column", "length"),
    [
        ("townships", "township_code", 9),
        ("townships", "county_code", 6),
        ("villages", "village_code", 12),
        ("villages", "township_code", 9),
    ],
)
def test_codes_are_digit_strings(frame, column, length):
    values = (load_townships() if frame == "townships" else load_villages())[column]
    assert all(isinstance(value, str) for value in values)
    assert values.str.fullmatch(rf"4413\d{{{length - 4}}}").all()


def test_codes_are_unique_and_sorted():
    for frame, column in ((load_townships(), "township_code"), (load_villages(), "village_code")):
        codes = list(frame[column])
        assert codes == sorted(set(codes))


@pytest.mark.parametrize("file_name", ["townships.csv", "villages.csv", "counties.geojson", "city.geojson"])
def test_files_are_utf8_without_bom_with_lf(file_name):
    raw = (DATA_DIR / file_name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    raw.decode("utf-8")


def test_loaders_return_independent_copies():
    townships = load_townships()
    townships.loc[0, "name"] = "changed"
    load_counties_geojson()["features"].clear()
    assert load_townships().loc[0, "name"] != "changed"
    assert len(load_counties_geojson()["features"]) == 5


def test_counties_geojson_properties():
    features = load_counties_geojson()["features"]
    names_en = {feature["properties"]["county_code"]: feature["properties"]["name_en"] for feature in features}
    assert names_en == COUNTY_NAMES_EN
    assert {feature["properties"]["name_zh"] for feature in features} == {"惠城区", "惠阳区", "博罗县", "惠东县", "龙门县"}


def test_county_polygons_are_valid_and_around_huizhou():
    shapes = county_shapes()
    assert set(shapes) == COUNTY_CODES
    for geometry in shapes.values():
        assert geometry.is_valid
        assert geometry.geom_type in {"Polygon", "MultiPolygon"}
        min_lon, min_lat, max_lon, max_lat = geometry.bounds
        assert 113.8 <= min_lon < max_lon <= 115.5
        assert 22.5 - 0.2 <= min_lat < max_lat <= 24.0  # Huiyang's islands reach 22.40


def test_counties_do_not_overlap_and_make_up_the_city():
    shapes = list(county_shapes().values())
    union = shapely.union_all(shapes)
    assert union.area == pytest.approx(sum(geometry.area for geometry in shapes), rel=1e-9)
    city = shape(load_city_geojson()["features"][0]["geometry"])
    assert city.is_valid
    assert shapely.symmetric_difference(city, union).area < 1e-9


def test_city_geojson_properties():
    features = load_city_geojson()["features"]
    assert len(features) == 1
    assert features[0]["properties"]["city_code"] == "441300"
    assert features[0]["properties"]["name_zh"] == "惠州市"


@pytest.mark.parametrize(
    ("lon", "lat", "county_code"),
    [
        (114.40, 23.08, "441302"),  # 惠州西湖, Huicheng
        (114.05, 23.27, "441322"),  # 罗浮山, Boluo
        (114.41, 22.79, "441303"),  # 淡水 town centre, Huiyang
        (114.72, 22.97, "441323"),  # 平山 town centre, Huidong
        (114.25, 23.73, "441324"),  # 龙城 town centre, Longmen
    ],
)
def test_known_point_is_in_the_right_county(lon, lat, county_code):
    containing = [code for code, geometry in county_shapes().items() if geometry.contains(Point(lon, lat))]
    assert containing == [county_code]
