"""The demo dataset: deterministic, and its totals equal the bureau's published figures."""
import pandas as pd
import pytest

from dashboard.demo import DEMO_DATASETS, build_demo
from dashboard.sources import CENSUS_2020_POPULATION


@pytest.fixture(scope="module")
def demo():
    return build_demo()


def test_same_seed_gives_identical_data(demo):
    again = build_demo()
    for name, frame in demo.items():
        pd.testing.assert_frame_equal(frame, again[name], obj=name)


def test_another_seed_changes_the_detail_but_not_the_totals(demo):
    other = build_demo(seed=7)
    assert not other["visits_monthly"]["home_visit_count"].equals(demo["visits_monthly"]["home_visit_count"])
    assert other["visits_monthly"]["home_visit_count"].sum() == 668_000
    assert len(other["stations"]) == 437


def test_every_demo_table_is_generated(demo):
    assert {t for tables in DEMO_DATASETS.values() for t in tables} == set(demo)


def test_station_network_matches_the_letter(demo):
    stations = demo["stations"]
    assert (stations["station_type"] == "station").sum() == 75
    assert (stations["station_type"] == "point").sum() == 362
    assert stations["social_worker_count"].sum() == 1098
    assert stations["is_benchmark"].sum() == 18
    assert stations["hotline_count"].sum() == 1320


def test_every_town_street_and_ethnic_township_has_a_station(demo):
    townships = demo["townships"]
    served = townships[townships["kind"] != "other"]["township_code"]
    with_station = set(demo["stations"].query("station_type == 'station'")["township_code"])
    assert set(served) <= with_station


def test_every_village_is_assigned_to_a_point(demo):
    assignments = demo["village_assignments"]
    assert set(assignments["village_code"]) == set(demo["villages"]["village_code"])
    points = set(demo["stations"].query("station_type == 'point'")["station_code"])
    assert set(assignments["station_code"]) <= points


def test_visit_totals_and_six_society_parts(demo):
    visits = demo["visits_monthly"]
    assert visits[["home_visit_count", "case_count", "people_served_count"]].sum().tolist() == \
        [668_000, 2295, 2_269_000]
    assert visits[["six_society_visit_count", "six_society_case_count",
                   "six_society_people_served_count"]].sum().tolist() == [287_000, 1547, 1_817_000]
    assert (visits["six_society_visit_count"] <= visits["home_visit_count"]).all()
    assert (visits["six_society_case_count"] <= visits["case_count"]).all()
    assert visits["month"].min() == "2021-10" and visits["month"].max() == "2024-04"
    assert demo["station_resources_monthly"]["linked_charity_yuan"].sum() == 6_529_000


def test_special_education_matches_the_letter(demo):
    enrolment = demo["special_education_enrolment"].query("stage == 'compulsory'")
    by_year = enrolment.groupby("school_year")[
        ["special_school_count", "regular_class_count", "home_delivery_count"]].sum()
    assert by_year.loc[2023].tolist() == [1201, 1326, 486]
    assert by_year.loc[2023].sum() - by_year.loc[2022].sum() == 242
    latest = enrolment[enrolment["school_year"] == 2023]
    enrolled = latest[["special_school_count", "regular_class_count", "home_delivery_count"]].sum().sum()
    assert enrolled / latest["eligible_count"].sum() >= 0.97
    resources = demo["special_education_resources"].groupby("school_year").sum(numeric_only=True)
    assert resources.loc[2023, "resource_centre_count"] == 83
    assert resources.loc[2023, "resource_classroom_count"] == 90
    assert resources.loc[2022, "resource_classroom_count"] == 79


def test_renovations_and_charity_match_the_letter(demo):
    assert len(demo["renovations"]) == 2439
    assert demo["renovations"]["completed_on"].max().isoformat() <= "2024-06-12"
    flows = demo["charity_flows"]
    in_2023 = flows[flows["flow_date"].map(lambda d: d.year) == 2023]
    assert in_2023.groupby("direction")["amount_yuan"].sum().to_dict() == \
        {"disbursed": 347_000_000, "raised": 250_000_000}
    assert len(demo["charity_organisations"]) == 78
    funds = demo["community_funds"]
    assert (len(funds), funds["raised_yuan"].sum(), funds["micro_project_count"].sum()) == (54, 18_170_000, 651)


def test_charity_balance_never_goes_negative_citywide(demo):
    flows = demo["charity_flows"].assign(year=lambda f: f["flow_date"].map(lambda d: d.year))
    net = flows.pivot_table(index="year", columns="direction", values="amount_yuan", aggfunc="sum")
    balance = demo["charity_organisations"]["opening_balance_yuan"].sum() + \
        (net["raised"] - net["disbursed"]).cumsum()
    assert (balance >= 0).all()


def test_population_is_the_2020_census_total(demo):
    assert demo["villages"]["population_count"].sum() == CENSUS_2020_POPULATION


def test_demo_rows_hold_no_personal_identifiers(demo):
    assert demo["renovations"]["household_ref"].str.match(r"^DEMO-R\d{5}$").all()
    assert demo["charity_organisations"]["name_zh"].str.contains("示例").all()


def test_no_charity_organisation_ends_a_year_below_zero(demo):
    flows = demo["charity_flows"].assign(year=lambda f: f["flow_date"].map(lambda d: d.year),
                                         net=lambda f: f["amount_yuan"].where(f["direction"] == "raised",
                                                                              -f["amount_yuan"]))
    by_year = flows.pivot_table(index="organisation_code", columns="year", values="net", aggfunc="sum",
                                fill_value=0)
    opening = demo["charity_organisations"].set_index("organisation_code")["opening_balance_yuan"]
    running = by_year.cumsum(axis=1).add(opening, axis=0)
    assert (running >= 0).all().all(), running.min()


def test_every_charity_flow_names_a_county(demo):
    assert demo["charity_flows"]["county_code"].notna().all()
