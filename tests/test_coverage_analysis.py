"""Coverage functions on small hand-made geometries whose answers are known."""
import math

import numpy as np

import pandas as pd
import pytest
import shapely

from geo import coverage
from geo.townships import schematic_township_areas

# On the equator one degree of longitude is 2*pi*R/360 km.
KM_PER_DEGREE = 2 * math.pi * coverage.EARTH_RADIUS_KM / 360


def villages(rows):
    return pd.DataFrame(rows, columns=["village_code", "lon", "lat", "population_count", "serving_station_code"])


POINTS = pd.DataFrame({"station_code": ["A", "B"], "lon": [0.0, 1.0], "lat": [0.0, 0.0]})


def test_haversine_gives_a_quarter_meridian_and_a_degree_on_the_equator():
    assert coverage.haversine_km(0, 0, 0, 90) == pytest.approx(math.pi / 2 * coverage.EARTH_RADIUS_KM)
    assert coverage.haversine_km(0, 0, 1, 0) == pytest.approx(KM_PER_DEGREE)


def test_each_village_gets_its_serving_and_its_nearest_point_with_distances():
    frame = villages([("v1", 0.9, 0.0, 100, "A"), ("v2", 0.0, 0.0, 50, "A"), ("v3", 0.5, 0.0, 10, None)])
    result = coverage.village_distances(frame, POINTS).set_index("village_code")
    assert result.loc["v1", "serving_distance_km"] == pytest.approx(0.9 * KM_PER_DEGREE)
    assert result.loc["v1", "nearest_station_code"] == "B"
    assert result.loc["v1", "nearest_distance_km"] == pytest.approx(0.1 * KM_PER_DEGREE)
    assert result.loc["v2", "serving_distance_km"] == pytest.approx(0.0)
    assert math.isnan(result.loc["v3", "serving_distance_km"])


def test_coverage_within_a_distance_weights_villages_by_population():
    frame = villages([("v1", 0.9, 0.0, 100, "A"), ("v2", 0.0, 0.0, 50, "A"), ("v3", 0.5, 0.0, 10, None)])
    covered = coverage.mark_covered(coverage.village_distances(frame, POINTS), distance_km=20)
    assert covered.set_index("village_code")["is_covered"].to_dict() == {"v1": False, "v2": True, "v3": False}
    summary = coverage.coverage_summary(covered).iloc[0]
    assert (summary.village_count, summary.covered_village_count) == (3, 1)
    assert (summary.population_count, summary.covered_population_count, summary.uncovered_population_count) == (
        160, 50, 110)
    assert summary.covered_population_pct == pytest.approx(100 * 50 / 160)
    wider = coverage.coverage_summary(coverage.mark_covered(coverage.village_distances(frame, POINTS), 200))
    assert wider.iloc[0].covered_population_count == 150


def test_coverage_by_group_counts_people_of_each_group_in_covered_villages():
    frame = villages([("v1", 0.9, 0.0, 100, "A"), ("v2", 0.0, 0.0, 50, "A")])
    covered = coverage.mark_covered(coverage.village_distances(frame, POINTS), 20)
    groups = pd.DataFrame({"village_code": ["v1", "v2"], "disabled_count": [7, 3], "vagrant_count": [2, 0]})
    result = coverage.coverage_by_group(covered, groups).set_index("group_code")
    assert result.loc["disabled", ["person_count", "covered_person_count", "uncovered_person_count"]].tolist() == [
        10, 3, 7]
    assert result.loc["disabled", "covered_person_pct"] == pytest.approx(30.0)
    assert result.loc["vagrant", "covered_person_count"] == 0


def test_gap_list_ranks_uncovered_villages_by_population():
    frame = villages([("v1", 0.9, 0.0, 100, "A"), ("v2", 0.0, 0.0, 50, "A"), ("v3", 0.5, 0.0, 300, "A")])
    covered = coverage.mark_covered(coverage.village_distances(frame, POINTS), 20)
    gaps = coverage.gap_list(covered, pd.DataFrame({"village_code": ["v1"], "disabled_count": [3],
                                                    "vagrant_count": [1]}))
    assert gaps["village_code"].tolist() == ["v3", "v1"]
    assert gaps["rank"].tolist() == [1, 2]
    assert gaps.set_index("village_code")["vulnerable_person_count"].to_dict() == {"v3": 0, "v1": 4}


def test_next_sites_picks_greedily_the_village_covering_most_uncovered_people():
    # Three uncovered clusters far from the points: east (two villages, 60+50), north (100), west (30).
    frame = villages([("e1", 5.0, 0.0, 60, "A"), ("e2", 5.05, 0.0, 50, "A"), ("n1", 0.0, 5.0, 100, "A"),
                      ("w1", -5.0, 0.0, 30, "A"), ("c1", 0.0, 0.0, 1000, "A")])
    covered = coverage.mark_covered(coverage.village_distances(frame, POINTS), 10)
    sites = coverage.next_sites(covered, 10, k=5)
    assert sites["village_code"].tolist() == ["e1", "n1", "w1"]  # stops when no site adds anybody
    assert sites["gain_population_count"].tolist() == [110, 100, 30]
    assert sites["gain_village_count"].tolist() == [2, 1, 1]
    assert sites["cumulative_covered_population_count"].tolist() == [1110, 1210, 1240]


def test_next_sites_is_empty_when_everyone_is_covered():
    frame = villages([("c1", 0.0, 0.0, 1000, "A")])
    covered = coverage.mark_covered(coverage.village_distances(frame, POINTS), 10)
    assert coverage.next_sites(covered, 10, k=3).empty


def test_schematic_township_areas_split_each_county_into_one_cell_per_seat():
    county = shapely.box(0, 0, 2, 1)
    seats = pd.DataFrame({"township_code": ["t1", "t2"], "county_code": ["c", "c"],
                          "seat_lon": [0.5, 1.5], "seat_lat": [0.5, 0.5]})
    areas = schematic_township_areas(seats, {"c": county})
    assert areas["t1"].symmetric_difference(shapely.box(0, 0, 1, 1)).area < 1e-12
    assert areas["t2"].symmetric_difference(shapely.box(1, 0, 2, 1)).area < 1e-12


def _brute_force_nearest(from_lon, from_lat, to_lon, to_lat):
    from geo.coverage import _distance_matrix
    matrix = _distance_matrix(from_lon, from_lat, to_lon, to_lat)
    index = matrix.argmin(axis=1)
    return index, matrix[np.arange(len(index)), index]


def test_the_indexed_nearest_point_is_the_brute_force_nearest_point():
    """Clustered and isolated villages alike (some with no point within the first search radius)."""
    from geo.coverage import nearest
    rng = np.random.default_rng(7)
    to_lon = np.r_[rng.uniform(114.0, 114.6, 300), [115.9]]
    to_lat = np.r_[rng.uniform(22.6, 23.4, 300), [24.0]]
    from_lon = np.r_[rng.uniform(113.9, 114.7, 2000), rng.uniform(115.0, 116.0, 50)]
    from_lat = np.r_[rng.uniform(22.5, 23.5, 2000), rng.uniform(23.5, 24.5, 50)]
    index, km = nearest(from_lon, from_lat, to_lon, to_lat)
    expected_index, expected_km = _brute_force_nearest(from_lon, from_lat, to_lon, to_lat)
    np.testing.assert_allclose(km, expected_km)
    assert (index == expected_index).all()


def test_pairs_within_a_distance_are_exactly_those_of_the_full_matrix():
    from geo.coverage import _distance_matrix, pairs_within_km
    rng = np.random.default_rng(11)
    lon, lat = rng.uniform(114.0, 114.8, 700), rng.uniform(22.6, 23.6, 700)
    i, j, km = pairs_within_km(lon, lat, lon, lat, 5.0)
    matrix = _distance_matrix(lon, lat, lon, lat)
    assert set(zip(i.tolist(), j.tolist())) == set(zip(*np.nonzero(matrix <= 5.0)))
    np.testing.assert_allclose(km, matrix[i, j])
