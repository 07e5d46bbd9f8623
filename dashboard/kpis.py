"""The overview's headline cards: each metric's value, target, change, trend, as-of date and source."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard import formatting, provenance
from dashboard.caching import on_data_version
from dashboard.i18n import current_language, join, t
from queries import charity, registers, renovations, special_education, stations, visits

# A rate within this many percentage points below its target counts as "near" (amber).
NEAR_TARGET_MARGIN_PCT_POINTS = 2.0
AREAS = ["stations", "special_education", "visits", "renovations", "charity"]


@dataclass
class Kpi:
    metric_key: str
    value: float | None
    unit: str
    as_of: str
    period: str = ""
    delta: str | None = None
    target: tuple[str, str] | None = None  # (target, deadline) as displayed
    status: str | None = None  # met | near | below
    trend: list[float] = field(default_factory=list)
    # Which way the change went ("up", "down", "off" for none): st.metric reads the direction off the
    # delta text's first character, and ours starts with words (较上季度 −7,157), so it would show
    # every change, falls included, as a rise.
    direction: str | None = None


def status_against(value: float | None, target: float) -> str | None:
    """met when the value reaches the target, near within the margin, else below."""
    if value is None:
        return None
    if value >= target:
        return "met"
    return "near" if target - value <= NEAR_TARGET_MARGIN_PCT_POINTS else "below"


def _target(metric_key: str, value: float | None, language: str) -> tuple[str | None, str | None]:
    frame = registers.targets(metric_key)
    city = frame[frame["county_code"].isna()]
    if city.empty:
        return None, None
    row = city.iloc[0]
    unit = "pct" if row.unit == "%" else "count"
    text = t("target.label", language, target=formatting.format_value(row.target_value, unit, language))
    deadline = t("target.deadline", language, deadline=row.deadline[:4])
    return (text, deadline), status_against(value, row.target_value)


def direction_of(change: float) -> str:
    """The arrow of a change: up, down, or off when nothing changed."""
    return "up" if change > 0 else "down" if change < 0 else "off"


def _delta(now: float, before: float, unit: str, key: str, language: str, **values) -> str:
    change = now - before
    text = formatting.format_value(abs(change), unit, language)
    if unit == "pct":
        text = formatting.format_pct(abs(change)).replace("%", " pp" if language == "en" else "个百分点")
    return t(key, language, delta=formatting.format_signed(text, change), **values)


def register_as_of(dataset: str, figure_key: str) -> str:
    """The as-of date of a register (a dataset of current state): the day the bureau's file was
    loaded; while it is demo data, the date of the published figure its totals equal."""
    loaded = registers.datasets().set_index("dataset_name")
    if dataset in loaded.index and not loaded.at[dataset, "is_demo"]:
        return loaded.at[dataset, "loaded_at"]
    published = registers.published_figures(dataset).set_index("figure_key")["as_of"]
    return str(published[figure_key])[:10] if figure_key in published.index else date.today().isoformat()


def station_kpis(language: str) -> list[Kpi]:
    """Stations, points, social workers and township coverage, as of the register's date."""
    totals = stations.station_totals().iloc[0]
    coverage = stations.township_station_coverage()["coverage_pct"].iloc[0]
    target, status = _target("township_station_coverage_pct", coverage, language)
    as_of = register_as_of("stations", "township_station_count")
    return [
        Kpi("township_station_count", totals.township_station_count, "count", as_of),
        Kpi("village_point_count", totals.village_point_count, "count", as_of),
        Kpi("social_worker_count", totals.social_worker_count, "count", as_of),
        Kpi("township_station_coverage_pct", coverage, "pct", as_of, target=target, status=status),
    ]


def special_education_kpis(language: str) -> list[Kpi]:
    """Compulsory and preschool enrolment rates against their targets, and compulsory enrolment."""
    result = []
    for stage, key in (("compulsory", "compulsory_enrolment_rate_pct"),
                       ("preschool", "preschool_enrolment_rate_pct")):
        years = special_education.enrolment_by_year(stage)
        if years.empty:
            continue
        latest, previous = years.iloc[-1], years.iloc[-2] if len(years) > 1 else None
        target, status = _target(key, latest.enrolment_rate_pct, language)
        delta = None if previous is None else _delta(latest.enrolment_rate_pct, previous.enrolment_rate_pct,
                                                     "pct", "delta.vs_previous_school_year", language)
        result.append(Kpi(key, latest.enrolment_rate_pct, "pct", _school_year_end(latest.school_year),
                          t("period.school_year", language, year=int(latest.school_year)), delta, target,
                          status, years["enrolment_rate_pct"].tolist(),
                          None if previous is None else direction_of(latest.enrolment_rate_pct
                                                                     - previous.enrolment_rate_pct)))
        if stage == "compulsory":
            delta = None if previous is None else _delta(latest.enrolled_count, previous.enrolled_count,
                                                         "count", "delta.vs_previous_school_year", language)
            result.append(Kpi("compulsory_enrolled_count", latest.enrolled_count, "count",
                              _school_year_end(latest.school_year),
                              t("period.school_year", language, year=int(latest.school_year)), delta,
                              trend=years["enrolled_count"].tolist(),
                              direction=None if previous is None else direction_of(latest.enrolled_count
                                                                                   - previous.enrolled_count)))
    return result


def visit_kpis(language: str) -> list[Kpi]:
    """Home visits, cases and people served since the programme began, with the quarterly trend."""
    quarters = visits.visits_by_quarter()
    if quarters.empty:
        return []
    months = visits.visit_months()
    first, last = months["first_month"].iloc[0], months["last_month"].iloc[0]
    totals = visits.visit_totals(first, last).iloc[0]
    full = quarters[quarters["month_count"] == 3]
    period = t("period.since_launch", language, start=first, end=last)
    result = []
    for key, unit in (("home_visit_count", "person_times"), ("case_count", "count"),
                      ("people_served_count", "person_times")):
        delta = direction = None
        if len(full) > 1:
            delta = _delta(full[key].iloc[-1], full[key].iloc[-2], unit, "delta.quarter_on_quarter", language,
                           quarter=formatting.format_quarter(full["quarter"].iloc[-1], language),
                           previous=formatting.format_quarter(full["quarter"].iloc[-2], language))
            direction = direction_of(full[key].iloc[-1] - full[key].iloc[-2])
        result.append(Kpi(key, totals[key], unit, _month_end(last), period, delta,
                          trend=full[key].tolist(), direction=direction))
    return result


def renovation_kpis(language: str) -> list[Kpi]:
    """Households renovated since 2020, with the households added in the latest year."""
    years = renovations.renovations_by_year()
    if years.empty:
        return []
    latest = years.iloc[-1]
    delta = t("delta.this_year", language, year=latest.year,
              delta=formatting.format_signed(formatting.format_count(latest.household_count, language),
                                             latest.household_count))
    return [Kpi("renovated_household_count", years["household_count"].sum(), "count",
                renovations.last_completion()["last_completed_on"].iloc[0], delta=delta,
                trend=years["household_count"].cumsum().tolist(), direction=direction_of(latest.household_count))]


def charity_kpis(language: str) -> list[Kpi]:
    """Money raised and disbursed in the latest full year, against the year before."""
    years = charity.charity_by_year()
    if years.empty:
        return []
    latest = years.iloc[-1]
    result = []
    for key, column in (("charity_raised_yuan", "raised_yuan"), ("charity_disbursed_yuan", "disbursed_yuan")):
        delta = direction = None
        if len(years) > 1:
            delta = _delta(latest[column], years[column].iloc[-2], "yuan", "delta.vs_previous_year", language)
            direction = direction_of(latest[column] - years[column].iloc[-2])
        result.append(Kpi(key, latest[column], "yuan", f"{latest.year}-12-31",
                          t("period.year", language, year=latest.year), delta, trend=years[column].tolist(),
                          direction=direction))
    return result


@on_data_version
def area_kpis(area: str, language: str) -> list[Kpi]:
    """The headline cards of one area, computed once per data version and language (about a quarter
    of the overview's script time was spent recomputing them from the cached queries on every run)."""
    builders = {"stations": station_kpis, "special_education": special_education_kpis,
                "visits": visit_kpis, "renovations": renovation_kpis, "charity": charity_kpis}
    return builders[area](language)


def area_source(area: str, language: str | None = None) -> str:
    """Where the figures of an area (or of a part of one: provenance.PARTS) come from (language: the
    session's by default): the documents of its published figures while its data is demo, the files its
    data was loaded from once it is not (dashboard/provenance.py)."""
    return _area_source(area, language or current_language())


@on_data_version
def _area_source(area: str, language: str) -> str:
    published_area, datasets = provenance.part(area)
    figures = registers.published_figures(published_area)
    documents = join(dict.fromkeys(figures["source_document"]), language, clauses=True) if not figures.empty else ""
    return provenance.source_text(datasets, documents, language)


def _school_year_end(school_year: int) -> str:
    return f"{int(school_year) + 1}-08-31"


def _month_end(month: str) -> str:
    return (pd.Period(month, freq="M").end_time.date()).isoformat()

