"""入户探访与个案服务: visits, cases and people served by month, quarter, group, county and station;
workload per social worker; the quarterly full-coverage duty and the stations that fell short."""
import streamlit as st

from dashboard import blocks, components, filters
from dashboard.charts import visits as charts
from dashboard.i18n import current_language, t
from dashboard.routing import ensure_routed
from queries import visits

ensure_routed()
components.page_header("visits.title", "visits.intro")
language = current_language()

county = filters.county_filter()
months = visits.visit_months().iloc[0]
span = blocks.years(*(None if m is None else str(m)[:4] for m in months[["first_month", "last_month"]]))
if span is None:
    blocks.no_data()
    st.stop()
period = filters.period_filter(*span)
scope = dict(county_code=county, start_month=period.start_month, end_month=period.end_month)
as_of = blocks.as_of(period, blocks.month_end(months["last_month"]))
monthly = visits.visits_by_month(**scope)
if monthly.empty:
    blocks.no_data()
    st.stop()

section = filters.section_filter(["time", "who_where", "workload", "coverage"], "visits.section")
if section in ("time", "who_where"):
    measure = filters.one_of(t("visits.measure"), charts.MEASURES, charts.MEASURES[0], "visits_measure",
                             lambda m: t(f"visits.measure.{m}"), st)
    name = t(f"visits.measure.{measure}")
    definition = f"visits.def.{measure}"

if section == "time":
    blocks.chart(charts.by_month(monthly, measure,
                                 blocks.title("visits.chart.by_month", county, period, measure=name), language),
                 "visits", as_of, definition)
    blocks.chart(charts.by_quarter(visits.visits_by_quarter(**scope), measure,
                                   blocks.title("visits.chart.by_quarter", county, period, measure=name), language),
                 "visits", as_of, definition)

elif section == "who_where":
    left, right = st.columns(2)
    groups = visits.visits_by_group(**scope)
    with left:
        blocks.chart(charts.by_code(groups, "group_code", "group", measure,
                                    blocks.title("visits.chart.by_group", county, period, measure=name), language),
                     "visits", as_of, definition)
    with right:
        blocks.chart(charts.by_code(visits.visits_by_county(**scope), "county_code", "county", measure,
                                    blocks.title("visits.chart.by_county", county, period, measure=name), language),
                     "visits", as_of, definition)
    blocks.table(charts.group_table(groups, language), "visits_by_group", "visits", as_of, "visits.def.group",
                 "visits_group")

elif section == "workload":
    blocks.chart(charts.workload_by_quarter(visits.workload_by_quarter(**scope),
                                            blocks.title("visits.chart.workload", county, period)),
                 "visits", as_of, "visits.def.workload")
    blocks.table(charts.station_table(visits.station_workload(**scope), language), "visits_by_station", "visits",
                 as_of, "visits.def.station", "visits_station", height=420)

else:
    years = dict(county_code=county, start_year=str(period.start_year), end_year=str(period.end_year))
    coverage = visits.coverage_by_group(**years)
    if coverage.empty:
        blocks.no_data()
        st.stop()
    # The register is counted by quarter, and may end before or after the visits: its own last quarter.
    as_of = blocks.as_of(period, blocks.quarter_end(coverage["quarter"].max()))
    blocks.chart(charts.coverage_heatmap(coverage, blocks.title("visits.chart.coverage_group", county, period),
                                         language), "visit_coverage", as_of, "visits.def.coverage")
    blocks.chart(charts.coverage_by_county(visits.coverage_by_county(**years),
                                           blocks.title("visits.chart.coverage_county", county, period), language),
                 "visit_coverage", as_of, "visits.def.coverage")
    blocks.table(charts.coverage_table(coverage, language), "coverage_by_group", "visit_coverage", as_of,
                 "visits.def.coverage", "visits_coverage")
    short = visits.stations_short_of_full_coverage(**years)
    st.markdown(t("visits.short_heading", count=len(short)))
    blocks.table(charts.shortfall_table(short, language), "stations_short_of_full_coverage", "visit_coverage", as_of,
                 "visits.def.shortfall", "visits_short", height=420)
