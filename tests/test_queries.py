"""Every query on SQLite and PostgreSQL: exact columns, and values the demo dataset fixes."""
from datetime import date

import pytest

from queries import charity, places, registers, renovations, special_education, stations, visits


def test_counties_in_order(demo_db):
    frame = places.counties()
    assert list(frame.columns) == ["county_code", "name_zh", "name_en"]
    assert frame["county_code"].tolist() == ["441302", "441303", "441322", "441323", "441324"]


def test_townships_filtered_by_county(demo_db):
    frame = places.townships("441324")
    assert list(frame.columns) == ["township_code", "county_code", "name_zh", "kind", "population_count"]
    assert (frame["county_code"] == "441324").all() and len(frame) > 0
    assert len(places.townships()) == 84


def test_station_totals(demo_db):
    frame = stations.station_totals()
    assert list(frame.columns) == ["township_station_count", "village_point_count", "station_and_point_count",
                                   "social_worker_count", "benchmark_station_count", "hotline_count"]
    assert frame.iloc[0].tolist() == [75, 362, 437, 1098, 18, 1320]


def test_station_totals_before_the_programme_are_zero(demo_db):
    assert stations.station_totals(as_of=date(2020, 12, 31)).iloc[0].sum() == 0


def test_station_totals_of_one_county_are_part_of_the_city(demo_db):
    by_county = stations.stations_by_county()
    assert list(by_county.columns) == ["county_code", "county_name_zh", "county_name_en",
                                       "township_station_count", "village_point_count", "social_worker_count"]
    assert by_county["township_station_count"].sum() == 75
    one = stations.station_totals("441302").iloc[0]
    assert one.township_station_count == by_county.set_index("county_code").loc["441302",
                                                                                 "township_station_count"]


def test_township_coverage(demo_db):
    frame = stations.township_station_coverage()
    assert list(frame.columns) == ["township_count", "covered_township_count", "coverage_pct"]
    assert frame.iloc[0].tolist() == [71, 71, 100.0]


def test_village_assignment_coverage(demo_db):
    frame = stations.village_assignment_coverage("441323")
    assert list(frame.columns) == ["village_count", "assigned_village_count", "assigned_pct"]
    assert frame["assigned_pct"].iloc[0] == 100.0


def test_visit_totals_over_the_published_period(demo_db):
    frame = visits.visit_totals("2021-10", "2024-04")
    assert frame.iloc[0].tolist() == [668_000, 2295, 2_269_000, 287_000, 1547, 1_817_000]
    assert visits.visit_totals("2030-01", "2030-12").iloc[0].sum() == 0


def test_visits_by_quarter_add_up(demo_db):
    frame = visits.visits_by_quarter()
    assert list(frame.columns) == ["quarter", "month_count", "home_visit_count", "case_count",
                                   "people_served_count"]
    assert frame["quarter"].iloc[0] == "2021-Q4" and frame["quarter"].iloc[-1] == "2024-Q2"
    assert frame["month_count"].iloc[-1] == 1
    assert frame["home_visit_count"].sum() == 668_000


def test_visit_months_and_linked_charity(demo_db):
    assert visits.visit_months().iloc[0].tolist() == ["2021-10", "2024-04"]
    assert visits.linked_charity_total()["linked_charity_yuan"].iloc[0] == 6_529_000


def test_enrolment_by_year(demo_db):
    frame = special_education.enrolment_by_year("compulsory")
    assert list(frame.columns) == ["school_year", "eligible_count", "special_school_count",
                                   "regular_class_count", "home_delivery_count", "enrolled_count",
                                   "enrolment_rate_pct"]
    latest = frame.set_index("school_year").loc[2023]
    assert latest[["special_school_count", "regular_class_count", "home_delivery_count",
                   "enrolled_count"]].tolist() == [1201, 1326, 486, 3013]
    assert latest["enrolment_rate_pct"] >= 97


def test_senior_high_rate_is_unknown_without_eligible_counts(demo_db):
    frame = special_education.enrolment_by_year("senior_high")
    assert frame["enrolment_rate_pct"].isna().all() and (frame["enrolled_count"] > 0).all()


def test_resources_by_year(demo_db):
    frame = special_education.resources_by_year()
    assert list(frame.columns) == ["school_year", "resource_centre_count", "resource_classroom_count"]
    assert frame.set_index("school_year").loc[2023].tolist() == [83, 90]


def test_renovations_by_year(demo_db):
    frame = renovations.renovations_by_year()
    assert list(frame.columns) == ["year", "household_count", "cost_yuan"]
    assert frame["household_count"].sum() == 2439 and frame["year"].iloc[0] == "2020"
    one_year = renovations.renovations_by_year(start_date=date(2023, 1, 1), end_date=date(2023, 12, 31))
    assert one_year["year"].tolist() == ["2023"]
    assert renovations.last_completion()["last_completed_on"].iloc[0] <= "2024-06-12"


def test_charity_by_year_and_totals(demo_db):
    frame = charity.charity_by_year()
    assert list(frame.columns) == ["year", "raised_yuan", "disbursed_yuan"]
    assert frame.set_index("year").loc["2023"].tolist() == [250_000_000, 347_000_000]
    totals = charity.charity_totals(date(2023, 1, 1), date(2023, 12, 31))
    assert totals.iloc[0].tolist() == [250_000_000, 347_000_000]


def test_charity_organisations_and_community_funds(demo_db):
    assert charity.charity_organisation_count(date(2023, 12, 31))["organisation_count"].iloc[0] == 78
    funds = charity.community_fund_totals(date(2023, 12, 31))
    assert list(funds.columns) == ["fund_count", "raised_yuan", "micro_project_count"]
    assert funds.iloc[0].tolist() == [54, 18_170_000, 651]


def test_registers(demo_db):
    datasets = registers.datasets()
    assert list(datasets.columns) == ["dataset_name", "is_demo", "row_count", "loaded_at"]
    assert datasets["is_demo"].all()
    figures = registers.published_figures("special_education")
    assert "compulsory_enrolled_count" in set(figures["figure_key"])
    assert set(figures["source_document"]) == {"惠市民政案〔2024〕23号"}
    targets = registers.targets("compulsory_enrolment_rate_pct")
    assert targets[["target_value", "deadline"]].iloc[0].tolist() == [97.0, "2025-12-31"]


@pytest.mark.parametrize("hostile", ["441302' OR '1'='1", "'; DROP TABLE stations; --"])
def test_filters_are_bound_not_spliced(demo_db, hostile):
    assert stations.station_totals(hostile).iloc[0].sum() == 0
    assert stations.station_totals().iloc[0]["township_station_count"] == 75


def test_empty_database_gives_empty_frames_not_errors(empty_db):
    assert stations.station_totals().iloc[0].sum() == 0
    assert special_education.enrolment_by_year("compulsory").empty
    assert visits.visits_by_quarter().empty
    assert charity.charity_by_year().empty
    assert len(places.counties()) == 5
