"""Metric definitions: each headline number, its unit, and how it is computed from the database.

Labels and definitions are in the translation catalogue under `metric.<key>`; sources and targets are
in the registers. Pages and the reconcile command both compute through these functions.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from queries import charity, renovations, social_assistance, special_education, stations, visits
from queries._run import FAR_FUTURE


@dataclass(frozen=True)
class Period:
    """The window a figure covers: months 'YYYY-MM' or ISO dates, and the date it stands at."""
    start: str | None = None
    end: str | None = None
    as_of: date = FAR_FUTURE


@dataclass(frozen=True)
class Metric:
    key: str
    area: str
    unit: str  # count | person_times | pct | yuan
    compute: Callable[[Period], float]


def school_year_of(day: date) -> int:
    """The school year a date falls in, named by its first calendar year (starts 1 September)."""
    return day.year if day.month >= 9 else day.year - 1


def _station_total(column: str):
    return lambda p: stations.station_totals(as_of=p.as_of)[column].iloc[0]


def _visit_total(column: str):
    return lambda p: visits.visit_totals(p.start, p.end)[column].iloc[0]


def _enrolment(stage: str, column: str, years_back: int = 0):
    def compute(p: Period) -> float:
        frame = special_education.enrolment_by_year(stage).set_index("school_year")
        return frame.loc[school_year_of(p.as_of) - years_back, column]
    return compute


def _change(current, previous, as_pct: bool):
    def compute(p: Period) -> float:
        now, before = current(p), previous(p)
        return 100.0 * (now - before) / before if as_pct else now - before
    return compute


def _resources(column: str, years_back: int = 0):
    def compute(p: Period) -> float:
        frame = special_education.resources_by_year().set_index("school_year")
        return frame.loc[school_year_of(p.as_of) - years_back, column]
    return compute


def _month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _dates(p: Period) -> tuple[date, date]:
    return date.fromisoformat(p.start), date.fromisoformat(p.end)


_ENROLLED = _enrolment("compulsory", "enrolled_count")
_ENROLLED_BEFORE = _enrolment("compulsory", "enrolled_count", 1)
_CLASSROOMS = _resources("resource_classroom_count")
_CLASSROOMS_BEFORE = _resources("resource_classroom_count", 1)

METRICS = {m.key: m for m in [
    Metric("township_station_count", "stations", "count", _station_total("township_station_count")),
    Metric("village_point_count", "stations", "count", _station_total("village_point_count")),
    Metric("station_and_point_count", "stations", "count", _station_total("station_and_point_count")),
    Metric("social_worker_count", "stations", "count", _station_total("social_worker_count")),
    Metric("benchmark_station_count", "stations", "count", _station_total("benchmark_station_count")),
    Metric("hotline_count", "stations", "count", _station_total("hotline_count")),
    Metric("township_station_coverage_pct", "stations", "pct",
           lambda p: stations.township_station_coverage(as_of=p.as_of)["coverage_pct"].iloc[0]),
    Metric("village_assignment_coverage_pct", "stations", "pct",
           lambda p: stations.village_assignment_coverage()["assigned_pct"].iloc[0]),
    Metric("home_visit_count", "visits", "person_times", _visit_total("home_visit_count")),
    Metric("case_count", "visits", "count", _visit_total("case_count")),
    Metric("people_served_count", "visits", "person_times", _visit_total("people_served_count")),
    Metric("six_society_visit_count", "visits", "person_times", _visit_total("six_society_visit_count")),
    Metric("six_society_case_count", "visits", "count", _visit_total("six_society_case_count")),
    Metric("six_society_people_served_count", "visits", "person_times",
           _visit_total("six_society_people_served_count")),
    Metric("linked_charity_yuan", "visits", "yuan",
           lambda p: visits.linked_charity_total(p.start, p.end)["linked_charity_yuan"].iloc[0]),
    Metric("compulsory_enrolled_count", "special_education", "count", _ENROLLED),
    Metric("compulsory_special_school_count", "special_education", "count",
           _enrolment("compulsory", "special_school_count")),
    Metric("compulsory_regular_class_count", "special_education", "count",
           _enrolment("compulsory", "regular_class_count")),
    Metric("compulsory_home_delivery_count", "special_education", "count",
           _enrolment("compulsory", "home_delivery_count")),
    Metric("compulsory_enrolled_increase_count", "special_education", "count",
           _change(_ENROLLED, _ENROLLED_BEFORE, as_pct=False)),
    Metric("compulsory_enrolled_growth_pct", "special_education", "pct",
           _change(_ENROLLED, _ENROLLED_BEFORE, as_pct=True)),
    Metric("compulsory_enrolment_rate_pct", "special_education", "pct",
           _enrolment("compulsory", "enrolment_rate_pct")),
    Metric("preschool_enrolment_rate_pct", "special_education", "pct",
           _enrolment("preschool", "enrolment_rate_pct")),
    Metric("resource_centre_count", "special_education", "count", _resources("resource_centre_count")),
    Metric("resource_classroom_count", "special_education", "count", _CLASSROOMS),
    Metric("resource_classroom_increase_count", "special_education", "count",
           _change(_CLASSROOMS, _CLASSROOMS_BEFORE, as_pct=False)),
    Metric("resource_classroom_growth_pct", "special_education", "pct",
           _change(_CLASSROOMS, _CLASSROOMS_BEFORE, as_pct=True)),
    Metric("renovated_household_count", "renovations", "count",
           lambda p: renovations.renovations_by_year(None, *_dates(p))["household_count"].sum()),
    Metric("charity_organisation_count", "charity", "count",
           lambda p: charity.charity_organisation_count(p.as_of)["organisation_count"].iloc[0]),
    Metric("charity_raised_yuan", "charity", "yuan",
           lambda p: charity.charity_totals(*_dates(p))["raised_yuan"].iloc[0]),
    Metric("charity_disbursed_yuan", "charity", "yuan",
           lambda p: charity.charity_totals(*_dates(p))["disbursed_yuan"].iloc[0]),
    Metric("community_fund_count", "charity", "count",
           lambda p: charity.community_fund_totals(p.as_of)["fund_count"].iloc[0]),
    Metric("community_fund_raised_yuan", "charity", "yuan",
           lambda p: charity.community_fund_totals(p.as_of)["raised_yuan"].iloc[0]),
    Metric("micro_project_count", "charity", "count",
           lambda p: charity.community_fund_totals(p.as_of)["micro_project_count"].iloc[0]),
    Metric("monitored_population_count", "social_assistance", "count",
           lambda p: social_assistance.monitored_population_at(_month_of(p.as_of))["person_count"].iloc[0]),
    Metric("assistance_requests_handled_count", "social_assistance", "count",
           lambda p: social_assistance.request_totals(end_month=_month_of(p.as_of))["handled_count"].iloc[0]),
    Metric("data_sharing_department_count", "social_assistance", "count",
           lambda p: social_assistance.data_sharing_department_count(_month_of(p.as_of))[
               "department_count"].iloc[0]),
]}


def compute(metric_key: str, period: Period) -> float | None:
    """A metric's value over a period; None when the data does not hold it."""
    try:
        value = METRICS[metric_key].compute(period)
    except (KeyError, IndexError):
        return None
    return None if value is None or value != value else float(value)
