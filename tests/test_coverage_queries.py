"""The coverage map's queries on the demo database (SQLite and PostgreSQL): exact columns, known totals."""
from dashboard import codes, db
from queries import coverage as q
from queries._run import fetch


def test_points_are_the_75_stations_and_362_points_with_18_benchmarks(demo_db):
    points = q.coverage_points()
    assert list(points.columns) == ["station_code", "name_zh", "station_type", "county_code", "township_code",
                                    "lon", "lat", "social_worker_count", "is_benchmark", "township_name_zh"]
    assert points["station_type"].value_counts().to_dict() == {"point": 362, "station": 75}
    assert int(points["is_benchmark"].sum()) == 18 and int(points["social_worker_count"].sum()) == 1098


def test_villages_come_with_their_serving_point(demo_db):
    villages = q.coverage_villages()
    assert list(villages.columns) == ["village_code", "name_zh", "township_code", "county_code",
                                      "township_name_zh", "lon", "lat", "population_count", "serving_station_code"]
    assert len(villages) == 1364 and villages["serving_station_code"].notna().all()


def test_demo_township_areas_are_schematic_and_filtered_by_county(demo_db):
    areas = q.township_areas()
    assert list(areas.columns) == ["township_code", "county_code", "name_zh", "geojson", "is_schematic"]
    assert len(areas) == 84 and areas["is_schematic"].all()
    assert set(q.township_areas("441324")["county_code"]) == {"441324"}


def test_township_measures_are_ratios_to_residents(demo_db):
    latest = q.latest_visit_month()
    measures = q.township_measures("0000-01", latest)
    assert list(measures.columns) == ["township_code", "county_code", "name_zh", "resident_count",
                                      "social_worker_count", "home_visit_count", "home_visits_per_1000",
                                      "social_workers_per_10000"]
    assert int(measures["social_worker_count"].sum()) == 1098
    assert int(measures["home_visit_count"].sum()) == 668_000
    row = measures[measures["resident_count"] > 0].iloc[0]
    assert abs(row.social_workers_per_10000 - 10000 * row.social_worker_count / row.resident_count) < 1e-9


def test_village_groups_are_one_row_per_village_with_a_column_per_group(demo_db):
    wide = q.village_group_population()
    assert list(wide.columns) == ["village_code", *(f"{code}_count" for code in codes.codes("group"))]
    assert wide["village_code"].is_unique and len(wide) == 1364
    long = fetch(db.get_engine(), "SELECT group_code, SUM(person_count) AS person_count "
                                  "FROM village_group_population GROUP BY group_code", {})
    assert {f"{g}_count": int(n) for g, n in zip(long["group_code"], long["person_count"])} == \
        {column: int(wide[column].sum()) for column in wide.columns[1:]}
