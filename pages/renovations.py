"""适老化改造与探访关爱: households renovated by year, place, category and aim; spending; plan progress;
visiting care of elderly people in special difficulty."""
import streamlit as st

from dashboard import blocks, components, filters, formatting, metric_cards
from dashboard.charts import renovations as charts
from dashboard.charts import visits as visit_charts
from dashboard.i18n import current_language, t
from dashboard.metric_cards import MetricCard
from dashboard.routing import ensure_routed
from queries import registers, renovations, visits

ELDERLY = "elderly_in_difficulty"  # the group the visiting-care programme serves

ensure_routed()
components.page_header("reno.title", "reno.intro")
language = current_language()

county = filters.county_filter()
span = blocks.years(*renovations.renovation_years().iloc[0][["first_year", "last_year"]])
if span is None:
    blocks.no_data()
    st.stop()
period = filters.period_filter(*span)
dates = dict(county_code=county, start_date=period.start_date, end_date=period.end_date)
as_of = blocks.as_of(period, renovations.last_completion().iloc[0]["last_completed_on"])
totals = renovations.renovation_totals(**dates).iloc[0]
if totals["household_count"] == 0:
    blocks.no_data()
    st.stop()

metric_cards.draw([
    MetricCard(t("reno.kpi.households"), formatting.format_count(totals["household_count"], language)),
    MetricCard(t("reno.kpi.cost"), formatting.format_yuan(totals["cost_yuan"], language)),
    MetricCard(t("reno.kpi.cost_per_household"), formatting.format_yuan(totals["cost_per_household_yuan"], language)),
    MetricCard(t("reno.kpi.townships"), formatting.format_count(totals["township_count"], language))])
blocks.caption("renovations", as_of, "reno.def.households")

st.subheader(t("reno.section.plan"))
plan = registers.targets("renovated_household_count")
if plan.empty:
    st.info(t("reno.no_target"))
else:
    metric_cards.draw([MetricCard(target.note, formatting.format_count(totals["household_count"], language),
                                  help=t("reno.target_help", target=formatting.format_count(target.target_value,
                                                                                            language),
                                         deadline=target.deadline, source=target.source_document))
                       for target in plan.itertuples()], columns=4)

section = filters.section_filter(["time_place", "township", "who_what", "care"], "reno.section")
if section == "time_place":
    by_year = renovations.renovations_by_county_year(**dates)
    blocks.chart(charts.households_by_year(by_year, blocks.title("reno.chart.by_year", county, period), language),
                 "renovations", as_of, "reno.def.households")
    blocks.chart(charts.spending_by_year(by_year, blocks.title("reno.chart.spending", county, period), language),
                 "renovations", as_of, "reno.def.spending")
    # The table of both charts' figures opens on request, as under the other pages' charts.
    with components.lazy_expander(t("table.data"), "reno_year_table") as shown:
        if shown:
            blocks.table(charts.year_table(by_year, language), "renovations_by_year_county", "renovations",
                         as_of, "reno.def.households", "reno_year")

elif section == "township":
    blocks.table(charts.township_table(renovations.renovations_by_township(**dates), language),
                 "renovations_by_township", "renovations", as_of, "reno.def.township", "reno_township", height=420)

elif section == "who_what":
    left, right = st.columns(2)
    with left:
        categories = renovations.renovations_by_category(**dates)
        blocks.chart(charts.households_by_code(categories, "renovation_category",
                                               blocks.title("reno.chart.by_category", county, period), language),
                     "renovations", as_of, "reno.def.category")
        blocks.table(charts.code_table(categories, "renovation_category", "category_code", language),
                     "renovations_by_category", "renovations", as_of, "reno.def.category", "reno_category")
    with right:
        aims = renovations.renovations_by_aim(**dates)
        blocks.chart(charts.households_by_code(aims, "aim", blocks.title("reno.chart.by_aim", county, period),
                                               language, int(totals["household_count"])),
                     "renovations", as_of, "reno.def.aim")
        blocks.table(charts.code_table(aims, "aim", "aim_code", language), "renovations_by_aim", "renovations",
                     as_of, "reno.def.aim", "reno_aim")

elif section == "care":
    care = dict(county_code=county, start_month=period.start_month, end_month=period.end_month)
    care_quarters = visits.visits_by_quarter(**care, group_code=ELDERLY)
    if care_quarters.empty:
        blocks.no_data()
    else:
        care_as_of = blocks.as_of(period, blocks.month_end(visits.visit_months().iloc[0]["last_month"]))
        coverage = visits.coverage_by_group(county, str(period.start_year), str(period.end_year))
        blocks.chart(visit_charts.group_care(care_quarters, coverage, ELDERLY,
                                             blocks.title("reno.chart.care", county, period), language),
                     "visits", care_as_of, "reno.def.care")
