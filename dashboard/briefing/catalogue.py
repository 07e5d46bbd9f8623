"""The slides a presenter can choose, each built from the database through the pages' queries."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from dashboard import codes, formatting, kpis, provenance
from dashboard.briefing import consistency
from dashboard.briefing.model import ChartSpec, Slide
from dashboard.i18n import t
from queries import charity, places, registers, renovations, special_education, stations, visits


def _provenance(area: str, language: str) -> tuple[str, bool, str]:
    """Source documents, whether any of the area's data is demo, and the as-of date of the station
    register (the day it was loaded; while demo, the date of the published figures it equals)."""
    frame = registers.datasets().set_index("dataset_name")
    names = [n for n in provenance.AREA_DATASETS[area] if n in frame.index]
    is_demo = bool(frame.loc[names, "is_demo"].any()) if names else False
    as_of = kpis.register_as_of("stations", "township_station_count") if area == "stations" else ""
    return kpis.area_source(area, language), is_demo, as_of


def _county_names(codes_list, language: str) -> list[str]:
    return [codes.label("county", c, language) for c in codes_list]


def stations_slide(language: str) -> Slide | None:
    totals = stations.station_totals().iloc[0]
    if not totals.township_station_count:
        return None
    coverage = stations.township_station_coverage()["coverage_pct"].iloc[0]
    by_county = stations.stations_by_county()
    source, is_demo, loaded = _provenance("stations", language)
    return Slide(
        "stations", t("briefing.title.stations", language, stations=int(totals.township_station_count),
                      points=int(totals.village_point_count), coverage=formatting.format_pct(coverage)),
        points=[t("briefing.point.workers", language, n=formatting.format_count(totals.social_worker_count, language)),
                t("briefing.point.benchmarks", language, n=int(totals.benchmark_station_count)),
                t("briefing.point.hotlines", language, n=formatting.format_count(totals.hotline_count, language))],
        chart=ChartSpec("bar", _county_names(by_county["county_code"], language),
                        {t("briefing.series.stations", language): by_county["township_station_count"].tolist(),
                         t("briefing.series.points", language): by_county["village_point_count"].tolist()},
                        t("briefing.unit.places", language)),
        source=source, as_of=loaded, is_demo=is_demo)


def _enrolment_slide(stage: str, metric_key: str, key: str, language: str) -> Slide | None:
    years = special_education.enrolment_by_year(stage)
    if years.empty:
        return None
    latest = years.iloc[-1]
    by_county = special_education.enrolment_by_county(stage)
    by_county = by_county[by_county["school_year"] == latest.school_year].reset_index(drop=True)
    target_rows = registers.targets(metric_key)
    target = target_rows[target_rows["county_code"].isna()]["target_value"].iloc[0] if not target_rows.empty else None
    rate = latest.enrolment_rate_pct
    label = t(f"metric.{metric_key}.label", language)
    if target is None:
        title = t("briefing.title.rate", language, label=label, rate=formatting.format_pct(rate))
    elif rate >= target:
        title = t("briefing.title.rate_met", language, label=label, rate=formatting.format_pct(rate),
                  target=formatting.format_pct(target))
    else:
        title = t("briefing.title.rate_short", language, label=label, rate=formatting.format_pct(rate),
                  target=formatting.format_pct(target), gap=f"{target - rate:.1f}")
    names = _county_names(by_county["county_code"], language)
    source, is_demo, _ = _provenance("special_education", language)
    notes = consistency.rate_notes(by_county["enrolment_rate_pct"], names, language)
    notes += consistency.sum_notes(by_county["enrolled_count"].sum(), latest.enrolled_count,
                                   t("briefing.label.enrolled", language), language)
    below = [n for n, r in zip(names, by_county["enrolment_rate_pct"]) if target is not None and r < target]
    points = [t("briefing.point.school_year", language, year=int(latest.school_year)),
              t("briefing.point.enrolled", language, n=formatting.format_count(latest.enrolled_count, language))]
    if below:
        points.append(t("briefing.point.below_target", language, names="、".join(below)))
    return Slide(key, title, points=points,
                 chart=ChartSpec("bar", names, {label: [round(v, 1) for v in by_county["enrolment_rate_pct"]]},
                                 "%", target=target),
                 source=source, as_of=f"{int(latest.school_year) + 1}-08-31", is_demo=is_demo, notes=notes)


def compulsory_slide(language: str) -> Slide | None:
    return _enrolment_slide("compulsory", "compulsory_enrolment_rate_pct", "compulsory_target", language)


def preschool_slide(language: str) -> Slide | None:
    return _enrolment_slide("preschool", "preschool_enrolment_rate_pct", "preschool_target", language)


def visits_slide(language: str) -> Slide | None:
    quarters = visits.visits_by_quarter()
    if quarters.empty:
        return None
    months = visits.visit_months().iloc[0]
    totals = visits.visit_totals(months.first_month, months.last_month).iloc[0]
    full = quarters[quarters["month_count"] == 3]  # a part-quarter would look like a fall
    source, is_demo, _ = _provenance("visits", language)
    return Slide(
        "visits", t("briefing.title.visits", language, start=formatting.format_month(months.first_month, language),
                    visits=formatting.format_count(totals.home_visit_count, language),
                    cases=formatting.format_count(totals.case_count, language)),
        points=[t("briefing.point.served", language, n=formatting.format_count(totals.people_served_count, language)),
                t("briefing.point.six_society", language,
                  n=formatting.format_count(totals.six_society_visit_count, language))],
        chart=ChartSpec("line", full["quarter"].tolist(),
                        {t("metric.home_visit_count.label", language): full["home_visit_count"].tolist()},
                        t("unit.person_times", language)),
        source=source, as_of=months.last_month, is_demo=is_demo,
        notes=[t("briefing.note.partial_quarter", language, quarter=q)
               for q in quarters[quarters["month_count"] < 3]["quarter"]])


def renovations_slide(language: str) -> Slide | None:
    years = renovations.renovations_by_year()
    if years.empty:
        return None
    source, is_demo, _ = _provenance("renovations", language)
    total = int(years["household_count"].sum())
    last_day = renovations.last_completion()["last_completed_on"].iloc[0]
    notes = [] if last_day.endswith("-12-31") else [
        t("briefing.note.partial_year", language, year=last_day[:4], day=last_day)]
    return Slide(
        "renovations", t("briefing.title.renovations", language, start=years["year"].iloc[0], n=f"{total:,}"),
        points=[t("briefing.point.cost", language, amount=formatting.format_yuan(years["cost_yuan"].sum(), language))],
        chart=ChartSpec("bar", years["year"].tolist(),
                        {t("metric.renovated_household_count.label", language): years["household_count"].tolist()},
                        t("briefing.unit.households", language)),
        source=source, as_of=last_day, is_demo=is_demo, notes=notes)


def charity_slide(language: str) -> Slide | None:
    years = charity.balance_by_year()
    if years.empty:
        return None
    opening = years["opening_balance_yuan"].iloc[0]
    balances = years["closing_balance_yuan"]
    latest = years.iloc[-1]
    source, is_demo, _ = _provenance("charity", language)
    in_yi = lambda values: [round(v / 1e8, 2) for v in values]  # noqa: E731
    return Slide(
        "charity", t("briefing.title.charity", language, year=latest.year,
                     raised=formatting.format_yuan(latest.raised_yuan, language),
                     disbursed=formatting.format_yuan(latest.disbursed_yuan, language)),
        points=[t("briefing.point.balance", language, year=latest.year,
                  amount=formatting.format_yuan(balances.iloc[-1], language))],
        chart=ChartSpec("bar", years["year"].tolist(),
                        {t("briefing.series.raised", language): in_yi(years["raised_yuan"]),
                         t("briefing.series.disbursed", language): in_yi(years["disbursed_yuan"]),
                         t("briefing.series.balance", language): in_yi(balances)},
                        t("briefing.unit.yi_yuan", language)),
        source=source, as_of=f"{latest.year}-12-31", is_demo=is_demo,
        notes=consistency.charity_balance_notes(years, opening, language))


def charity_flow_slide(language: str) -> Slide | None:
    years = charity.charity_by_year()
    if years.empty:
        return None
    year = int(years["year"].iloc[-1])
    flows = (charity.disbursed_by_programme(start_date=date(year, 1, 1), end_date=date(year, 12, 31))
             .groupby("programme_code", as_index=False)["amount_yuan"].sum()
             .rename(columns={"amount_yuan": "disbursed_yuan"})
             .sort_values(["disbursed_yuan", "programme_code"], ascending=[False, True]))
    names = [codes.label("programme", c, language) for c in flows["programme_code"]]
    source, is_demo, _ = _provenance("charity", language)
    share = 100 * flows["disbursed_yuan"].iloc[0] / flows["disbursed_yuan"].sum()
    return Slide(
        "charity_flow", t("briefing.title.charity_flow", language, year=year, programme=names[0],
                          share=formatting.format_pct(share)),
        chart=ChartSpec("pie", names, {t("briefing.series.disbursed", language):
                                       [round(v / 1e4) for v in flows["disbursed_yuan"]]},
                        t("briefing.unit.wan_yuan", language)),
        source=source, as_of=f"{year}-12-31", is_demo=is_demo)


def county_comparison_slide(language: str) -> Slide | None:
    by_county = stations.stations_by_county().merge(places.county_population(), on="county_code")
    if not by_county["social_worker_count"].sum():
        return None
    per_10k = (10_000 * by_county["social_worker_count"] / by_county["population_count"]).round(2)
    names = _county_names(by_county["county_code"], language)
    top, bottom = per_10k.idxmax(), per_10k.idxmin()
    source, is_demo, loaded = _provenance("stations", language)
    return Slide(
        "county_comparison", t("briefing.title.county_comparison", language, top=names[top],
                               top_value=per_10k[top], bottom=names[bottom], bottom_value=per_10k[bottom]),
        chart=ChartSpec("bar", names, {t("briefing.series.workers_per_10k", language): per_10k.tolist()},
                        t("briefing.unit.per_10k", language)),
        source=source, as_of=loaded, is_demo=is_demo)


def coverage_map_slide(language: str) -> Slide | None:
    from dashboard.briefing import map_image
    by_county = stations.stations_by_county()
    if not by_county["township_station_count"].sum():
        return None
    source, is_demo, loaded = _provenance("stations", language)
    slide = Slide("coverage_map", t("briefing.title.coverage_map", language,
                                    n=int(by_county["township_station_count"].sum())),
                  source=source, as_of=loaded, is_demo=is_demo)
    try:
        slide.image_png = map_image.station_map_png(language)
    except Exception as error:  # no Chromium for the image: the deck still builds, and says so
        slide.notes.append(t("briefing.note.map_failed", language, error=type(error).__name__))
    return slide


CATALOGUE: dict[str, Callable[[str], Slide | None]] = {
    "stations": stations_slide,
    "coverage_map": coverage_map_slide,
    "compulsory_target": compulsory_slide,
    "preschool_target": preschool_slide,
    "visits": visits_slide,
    "renovations": renovations_slide,
    "charity": charity_slide,
    "charity_flow": charity_flow_slide,
    "county_comparison": county_comparison_slide,
}


def build_slides(keys: list[str], language: str) -> list[Slide]:
    """The chosen slides in the chosen order; slides whose data is missing are left out."""
    unknown = [k for k in keys if k not in CATALOGUE]
    if unknown:
        raise ValueError(f"unknown slides: {', '.join(unknown)}")
    return [slide for slide in (CATALOGUE[k](language) for k in keys) if slide is not None]
