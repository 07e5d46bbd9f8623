"""Queries of the renovation, visit and charity pages on SQLite and PostgreSQL: columns, parts that add
up to their whole, filters, and the charity balance (opening + raised - disbursed = closing)."""
from datetime import date

import pandas as pd
import pytest

from dashboard import charity_flows, db
from queries import charity, registers, renovations, visits
from queries._run import fetch

A_COUNTY = "441302"


def published(figure_key: str) -> float:
    figures = registers.published_figures()
    return figures.set_index("figure_key").loc[figure_key, "value"]


def test_renovation_parts_add_up_to_the_total(demo_db):
    total = renovations.renovation_totals().iloc[0]
    assert list(renovations.renovation_totals().columns) == [
        "household_count", "cost_yuan", "cost_per_household_yuan", "township_count"]
    assert total["household_count"] == published("renovated_household_count")
    by_year = renovations.renovations_by_county_year()
    assert list(by_year.columns) == ["year", "county_code", "household_count", "cost_yuan"]
    townships = renovations.renovations_by_township()
    assert list(townships.columns) == ["county_code", "township_code", "township_name_zh", "household_count",
                                       "cost_yuan"]
    categories = renovations.renovations_by_category()
    assert list(categories.columns) == ["category_code", "household_count", "cost_yuan"]
    for part in (by_year, townships, categories):
        assert part["household_count"].sum() == total["household_count"]
        assert part["cost_yuan"].sum() == total["cost_yuan"]
    assert total["cost_per_household_yuan"] == pytest.approx(total["cost_yuan"] / total["household_count"])
    assert len(townships) == total["township_count"]


def test_a_household_counts_once_under_each_of_its_aims(demo_db):
    aims = renovations.renovations_by_aim()
    total = renovations.renovation_totals().iloc[0]["household_count"]
    assert list(aims.columns) == ["aim_code", "household_count"]
    assert (aims["household_count"] <= total).all()
    assert aims["household_count"].sum() > total  # several aims per household


def test_renovation_filters_keep_their_county_and_years(demo_db):
    one = dict(county_code=A_COUNTY, start_date=date(2022, 1, 1), end_date=date(2023, 12, 31))
    frame = renovations.renovations_by_county_year(**one)
    assert set(frame["county_code"]) == {A_COUNTY} and set(frame["year"]) == {"2022", "2023"}
    assert renovations.renovation_totals(**one).iloc[0]["household_count"] == frame["household_count"].sum()
    assert renovations.renovation_years().iloc[0].tolist() == ["2020", "2024"]


def test_visit_breakdowns_add_up_to_the_totals(demo_db):
    totals = visits.visit_totals().iloc[0]
    for frame in (visits.visits_by_month(), visits.visits_by_group(), visits.visits_by_county(),
                  visits.visits_by_quarter(), visits.station_workload()):
        for column in ("home_visit_count", "case_count", "people_served_count"):
            assert frame[column].sum() == totals[column], column
    assert len(visits.visits_by_group()) == 11


def test_station_workload_counts_the_workers_of_its_points(demo_db):
    workload = visits.station_workload()
    assert list(workload.columns) == [
        "station_code", "station_name_zh", "county_code", "township_code", "social_worker_count",
        "quarter_count", "home_visit_count", "case_count", "people_served_count", "visits_per_worker_per_quarter"]
    assert len(workload) == published("township_station_count")
    assert workload["social_worker_count"].sum() == published("social_worker_count")
    expected = workload["home_visit_count"] / (workload["social_worker_count"] * workload["quarter_count"])
    assert workload["visits_per_worker_per_quarter"].tolist() == pytest.approx(expected.tolist())


def test_station_workload_counts_each_quarter_with_data_once(demo_db):
    """February to July touches three quarters, two of them in part; the sums stay whole numbers."""
    workload = visits.station_workload(start_month="2023-02", end_month="2023-07")
    assert set(workload["quarter_count"]) == {3}
    months = visits.visits_by_month(start_month="2023-02", end_month="2023-07")
    assert workload["home_visit_count"].sum() == months["home_visit_count"].sum()
    for column in ("quarter_count", "home_visit_count", "case_count", "people_served_count"):
        assert workload[column].dtype.kind == "i", column


def test_workload_by_quarter_marks_part_quarters(demo_db):
    frame = visits.workload_by_quarter(start_month="2024-01", end_month="2024-12")
    assert list(frame.columns) == ["quarter", "month_count", "station_count", *(
        f"{stat}_visits_per_worker" for stat in ("min", "q1", "median", "q3", "max", "lower_fence",
                                                 "upper_fence"))]
    assert frame.set_index("quarter")["month_count"].to_dict() == {"2024-Q1": 3, "2024-Q2": 1}  # data end in April


def _plotly_quantile(values, fraction):
    """plotly's box quantile (quartilemethod 'linear'): position n*p - 0.5 in the sorted values."""
    position = fraction * len(values) - 0.5
    if position <= 0 or position >= len(values) - 1:
        return values[0] if position <= 0 else values[-1]
    low = int(position)
    return values[low] + (position - low) * (values[low + 1] - values[low])


def test_workload_boxes_are_the_ones_plotly_draws_from_the_stations(demo_db):
    workload = visits.station_workload(county_code=A_COUNTY, start_month="2023-04", end_month="2023-06")
    box = visits.workload_by_quarter(county_code=A_COUNTY, start_month="2023-04", end_month="2023-06").iloc[0]
    values = sorted(workload["home_visit_count"] / workload["social_worker_count"])  # one quarter
    q1, q3 = _plotly_quantile(values, 0.25), _plotly_quantile(values, 0.75)
    inside = [v for v in values if q1 - 1.5 * (q3 - q1) <= v <= q3 + 1.5 * (q3 - q1)]
    assert box["station_count"] == len(values) == 21
    assert [box[f"{stat}_visits_per_worker"] for stat in ("min", "q1", "median", "q3", "max", "lower_fence",
                                                          "upper_fence")] == pytest.approx(
        [values[0], q1, _plotly_quantile(values, 0.5), q3, values[-1], min(inside), max(inside)])


def test_quarterly_coverage_and_the_stations_short_of_it(demo_db):
    groups = visits.coverage_by_group(start_year="2023", end_year="2023")
    counties = visits.coverage_by_county(start_year="2023", end_year="2023")
    assert list(groups.columns) == ["quarter", "group_code", "registered_count", "visited_count", "coverage_pct"]
    assert set(groups["quarter"]) == {"2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"}
    assert groups["registered_count"].sum() == counties["registered_count"].sum()
    assert (groups["visited_count"] <= groups["registered_count"]).all()
    short = visits.stations_short_of_full_coverage(start_year="2023", end_year="2023")
    assert list(short.columns) == ["quarter", "station_code", "station_name_zh", "county_code",
                                   "groups_short_count", "registered_count", "visited_count", "coverage_pct"]
    assert (short["visited_count"] < short["registered_count"]).all() and (short["groups_short_count"] >= 1).all()
    assert not short.empty


def test_charity_balance_carries_forward_year_to_year(demo_db):
    frame = charity.balance_by_year()
    assert list(frame.columns) == ["year", "opening_balance_yuan", "raised_yuan", "disbursed_yuan",
                                   "closing_balance_yuan"]
    assert (frame["opening_balance_yuan"] + frame["raised_yuan"] - frame["disbursed_yuan"]
            == frame["closing_balance_yuan"]).all()
    assert frame["closing_balance_yuan"].iloc[:-1].tolist() == frame["opening_balance_yuan"].iloc[1:].tolist()
    organisations = charity.organisation_balances(end_date=date(2018, 12, 31))
    assert frame["opening_balance_yuan"].iloc[0] == organisations["opening_balance_yuan"].sum()
    last = frame.set_index("year").loc["2023"]
    assert (last["raised_yuan"], last["disbursed_yuan"]) == (published("charity_raised_yuan"),
                                                              published("charity_disbursed_yuan"))
    assert (frame["closing_balance_yuan"] >= 0).all()


def test_a_period_starts_from_the_balance_its_first_year_brought_forward(demo_db):
    whole = charity.balance_by_year().set_index("year")
    later = charity.balance_by_year(start_year="2022", end_year="2023").set_index("year")
    assert later.index.tolist() == ["2022", "2023"]
    assert later.loc["2022"].tolist() == whole.loc["2022"].tolist()


def test_counties_and_city_level_organisations_make_up_the_city(demo_db):
    whole = charity.balance_by_year().set_index("year")
    parts = sum(charity.balance_by_year(c).set_index("year") for c in
                ["441302", "441303", "441322", "441323", "441324"])
    city = charity.organisation_balances()
    city_level = city[city["county_code"].isna()]
    assert (whole["raised_yuan"] - parts["raised_yuan"]).sum() == city_level["raised_yuan"].sum()


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2022, 2023])
def test_no_organisation_ends_a_year_below_zero(demo_db, year):
    balances = charity.organisation_balances(start_date=date(year, 1, 1), end_date=date(year, 12, 31))
    assert len(balances) == published("charity_organisation_count")
    assert (balances["closing_balance_yuan"] >= 0).all()
    assert (balances["opening_balance_yuan"] + balances["raised_yuan"] - balances["disbursed_yuan"]
            == balances["closing_balance_yuan"]).all()


@pytest.mark.parametrize("county_code, start, end, destination", [
    (None, date(2019, 1, 1), date(2023, 12, 31), "county"),
    (None, date(2023, 1, 1), date(2023, 12, 31), "group"),
    (A_COUNTY, date(2021, 1, 1), date(2022, 12, 31), "county"),
])
def test_every_sankey_node_passes_on_or_carries_forward_what_enters_it(demo_db, county_code, start, end,
                                                                       destination):
    scope = dict(county_code=county_code, start_date=start, end_date=end)
    balances = charity.organisation_balances(**scope)
    links = charity_flows.sankey_links(balances, charity.raised_by_source(**scope),
                                       charity.disbursed_by_programme(**scope),
                                       charity.disbursed_by_destination(destination, **scope))
    nodes = charity_flows.node_imbalances(links)
    assert set(nodes["kind"]) == {"organisation", "programme"}
    assert (nodes["imbalance_yuan"] == 0).all(), nodes[nodes["imbalance_yuan"] != 0]
    assert (links["amount_yuan"] > 0).all()
    # the money leaving the left column equals what reaches the right: destinations and carried forward
    left = links[links["source_kind"].isin(["source", "balance"])]["amount_yuan"].sum()
    right = links[links["target_kind"].isin(["destination", "balance"])]["amount_yuan"].sum()
    assert left == right == balances[["opening_balance_yuan", "raised_yuan"]].sum().sum()


def test_community_funds_by_county_add_up(demo_db):
    by_county = charity.community_funds_by_county()
    assert list(by_county.columns) == ["county_code", "fund_count", "raised_yuan", "micro_project_count"]
    assert by_county[["fund_count", "raised_yuan", "micro_project_count"]].sum().tolist() == [
        published("community_fund_count"), published("community_fund_raised_yuan"), published("micro_project_count")]
    funds = charity.community_funds(A_COUNTY)
    assert list(funds.columns) == ["fund_code", "fund_name_zh", "county_code", "township_name_zh",
                                   "established_on", "raised_yuan", "micro_project_count"]
    assert len(funds) == by_county.set_index("county_code").loc[A_COUNTY, "fund_count"]


def test_flow_queries_on_an_empty_database_give_empty_frames(empty_db):
    assert renovations.renovation_totals().iloc[0]["household_count"] == 0
    assert renovations.renovation_years().iloc[0].isna().all()
    assert visits.station_workload().empty and visits.coverage_by_group().empty
    assert charity.balance_by_year().empty and charity.charity_years().iloc[0].isna().all()


def test_workload_boxes_from_the_quarterly_summary_equal_those_from_the_months(demo_db):
    engine = db.get_engine()
    for county in (None, A_COUNTY):
        quarterly = fetch(engine, visits.WORKLOAD_BY_QUARTER_SQL,
                          dict(county_code=county, start_quarter="2022-Q1", end_quarter="2023-Q4"))
        monthly = fetch(engine, visits.WORKLOAD_BY_QUARTER_FROM_MONTHS_SQL,
                        dict(county_code=county, start_month="2022-01", end_month="2023-12"))
        assert len(quarterly) == 8
        pd.testing.assert_frame_equal(quarterly, monthly, check_dtype=False)


def test_station_workload_from_the_quarterly_summary_equals_that_from_the_months(demo_db):
    """Whole quarters are read from workload_station_quarterly; the same stations, sums, quarters with
    data and workloads as from the monthly rows, for the city and a county, from the first quarter
    (2021-Q4) on and over a range inside the data."""
    engine = db.get_engine()
    for county in (None, A_COUNTY):
        for start, end in (("2021-10", "2024-06"), ("2022-04", "2023-09")):
            quarterly = fetch(engine, visits.STATION_WORKLOAD_BY_QUARTER_SQL,
                              dict(county_code=county, start_quarter=visits._quarter_of(start),
                                   end_quarter=visits._quarter_of(end)))
            monthly = fetch(engine, visits.STATION_WORKLOAD_SQL,
                            dict(county_code=county, start_month=start, end_month=end))
            assert len(quarterly) > 0 and quarterly["home_visit_count"].sum() > 0
            pd.testing.assert_frame_equal(quarterly, monthly, check_dtype=False)
    # Through the named query: a whole-quarter range gives the summary's frame, and its integer columns.
    workload = visits.station_workload(start_month="2022-04", end_month="2023-09")
    assert set(workload["quarter_count"]) == {6}
    for column in ("social_worker_count", "quarter_count", "home_visit_count", "case_count", "people_served_count"):
        assert workload[column].dtype.kind == "i", column
