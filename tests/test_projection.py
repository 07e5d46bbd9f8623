"""The on-track projection and status, on made-up series whose answers are known by hand."""
from datetime import date

import pytest

from dashboard.projection import (AT_RISK, INSUFFICIENT, MET, OFF_TRACK, ON_TRACK, children_to_enrol,
                                  deadline_school_year, least_squares_line, project, status)

YEARS = [2019, 2020, 2021, 2022, 2023]


def test_the_deadline_at_the_end_of_2025_falls_in_the_2025_school_year():
    assert deadline_school_year(date(2025, 12, 31)) == 2025
    assert deadline_school_year(date(2025, 8, 31)) == 2024


def test_least_squares_line_through_points_on_a_line_is_that_line():
    assert least_squares_line([1, 2, 3], [3, 5, 7]) == pytest.approx((2.0, 1.0))


def test_least_squares_line_through_scattered_points():
    # (0,0) (1,1) (2,0): mean x 1, mean y 1/3, slope 0
    assert least_squares_line([0, 1, 2], [0, 1, 0]) == pytest.approx((0.0, 1 / 3))


def test_a_line_needs_two_distinct_years():
    with pytest.raises(ValueError):
        least_squares_line([2023, 2023], [90, 91])


def test_a_flat_series_projects_flat_and_is_off_track_when_far_below():
    p = project(YEARS, [80, 80, 80, 80, 80], target_year=2025)
    assert p.slope_per_year == pytest.approx(0) and p.projected_value == pytest.approx(80)
    assert status(p, 90) == OFF_TRACK


def test_a_rising_series_that_will_cross_the_target_is_on_track():
    # last three years 94, 95, 96: +1 a year, 98 in 2025
    p = project(YEARS, [90, 92, 94, 95, 96], target_year=2025)
    assert p.points_used == 3 and p.slope_per_year == pytest.approx(1.0)
    assert p.projected_value == pytest.approx(98.0)
    assert status(p, 97) == ON_TRACK


def test_only_the_last_three_years_set_the_trend():
    # a fall long ago does not matter: the last three years are flat at 95
    p = project(YEARS, [99, 97, 95, 95, 95], target_year=2025)
    assert p.slope_per_year == pytest.approx(0) and p.projected_value == pytest.approx(95)


def test_a_small_projected_shortfall_is_at_risk_and_a_large_one_off_track():
    # 94, 94.5, 95 -> 96 in 2025: 1 point short of 97
    p = project([2021, 2022, 2023], [94, 94.5, 95], target_year=2025)
    assert p.projected_value == pytest.approx(96.0)
    assert status(p, 97) == AT_RISK
    assert status(p, 98) == OFF_TRACK  # exactly 2 points short: the margin is not "less than 2"


def test_a_falling_series_is_off_track():
    p = project(YEARS, [90, 89, 88, 87, 86], target_year=2025)
    assert p.slope_per_year == pytest.approx(-1.0) and p.projected_value == pytest.approx(84.0)
    assert status(p, 90) == OFF_TRACK


def test_already_met_and_holding_is_met():
    p = project(YEARS, [96, 97, 97.5, 98, 98.5], target_year=2025)
    assert status(p, 97) == MET


def test_met_exactly_on_the_target_counts_as_met():
    assert status(project([2022, 2023], [96, 97], target_year=2025), 97) == MET


def test_met_now_but_falling_below_by_the_deadline_is_at_risk():
    # 99, 98, 97 -> slope -1, 95 in 2025
    p = project([2021, 2022, 2023], [99, 98, 97], target_year=2025)
    assert p.projected_value == pytest.approx(95.0)
    assert status(p, 97) == AT_RISK


def test_too_few_points_give_no_projection():
    one = project([2023], [85], target_year=2025)
    assert one.projected_value is None and one.slope_per_year is None and one.points_used == 1
    assert status(one, 90) == INSUFFICIENT
    assert status(one, 80) == MET  # reached is reached, trend or no trend
    none = project([], [], target_year=2025)
    assert none.latest_value is None and status(none, 90) == INSUFFICIENT


def test_missing_values_are_skipped():
    p = project(YEARS, [None, float("nan"), 94, 95, 96], target_year=2025)
    assert p.points_used == 3 and p.projected_value == pytest.approx(98.0)


def test_projection_looks_only_at_years_up_to_the_chosen_one():
    p = project(YEARS, [90, 91, 92, 99, 99], target_year=2025, as_of_year=2021)
    assert p.latest_year == 2021 and p.latest_value == 92
    assert p.slope_per_year == pytest.approx(1.0) and p.projected_value == pytest.approx(96.0)


def test_projection_never_passes_100_percent():
    p = project([2021, 2022, 2023], [90, 95, 100], target_year=2025)
    assert p.projected_value == 100.0


def test_after_the_deadline_the_observed_value_is_the_answer():
    p = project([2024, 2025, 2026], [95, 96, 99], target_year=2025)
    assert p.projected_value == 99 and status(p, 97) == MET


@pytest.mark.parametrize(("target", "eligible", "enrolled", "expected"), [
    (97, 1000, 950, 20),     # 970 needed
    (97, 101, 90, 8),        # 97.97 -> 98 needed
    (97, 100, 97, 0),        # exactly the target
    (90, 50, 49, 0),         # beyond the target: never negative
    (7, 100, 0, 7),          # exact arithmetic: in floats 7 / 100 x 100 is 7.000000000000001 -> 8
    (97, None, 10, None),    # eligible unknown
])
def test_children_still_to_enrol(target, eligible, enrolled, expected):
    assert children_to_enrol(target, eligible, enrolled) == expected
