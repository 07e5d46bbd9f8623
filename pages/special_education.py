"""特殊教育: enrolment rates against the plan's targets per county with status and projection; the
placement mix, senior-high students and resources; the target register."""
import streamlit as st

from dashboard import codes, components, filters, formatting, metric_cards, projection
from dashboard import special_education as sped
from dashboard.charts import special_education as charts
from dashboard.i18n import current_language, join, t
from dashboard.metric_cards import MetricCard
from dashboard.routing import ensure_routed

ensure_routed()
components.page_header("sped.title", "sped.intro")
language = current_language()
years = sped.school_years()
if not years:
    st.info(t("empty.no_data"))
    st.stop()
county = filters.county_filter()
year = filters.school_year_filter(years)
scope = filters.scope_label(county)
as_of = sped.school_year_as_of(year)


def metric_row(row, columns: list[str], labels: list[str]) -> None:
    """Counts of the chosen year, each with its change on the previous school year."""
    metric_cards.draw([
        MetricCard(label, formatting.format_count(row[column], language),
                   delta=sped.change_text(row[f"{column}_change"], row[f"{column}_change_pct"], language),
                   direction=metric_cards.direction(row[f"{column}_change"]))
        for column, label in zip(columns, labels)])


def trend_section(frame, columns: list[str], labels: list[str], chart, subject: str, key: str) -> None:
    """A count over the school years: the chosen year's figures, then the chart (its table under it)."""
    chosen = sped.row_of(frame, year)
    if chosen is not None:
        metric_row(chosen, columns, labels)
    components.chart_with_table(chart(frame, t(f"sped.title.{key}", scope=scope), language),
                                sped.trend_table(frame, language), subject, as_of, source, t(f"sped.def.{key}"), key)


section = filters.section_filter(["targets", "placements", "senior_high", "resources", "register"], "sped.heading")
source = sped.data_source(section)
if section == "targets":
    for stage in sped.TARGET_METRICS:
        part = sped.target_section(stage, year, county, scope, language)
        if part is None:
            st.info(t("empty.no_data"))
            continue
        left_out = ([t("sped.chart.left_out", shown=len(part.table) - part.left_out, count=part.left_out)]
                    if part.left_out else [])
        components.chart_with_table(part.chart, part.table, f"{stage}_enrolment_rate_by_county", as_of,
                                    join((source, part.target_source), clauses=True),
                                    t(f"sped.rate.{stage}.definition"), stage, notes=(*left_out, part.gap))
    method = dict(trend_years=projection.TREND_YEARS, min_points=projection.MIN_TREND_POINTS,
                  margin=formatting.format_pct(projection.AT_RISK_SHORTFALL_PCT_POINTS).rstrip("%"),
                  deadline_year=sped.deadline_school_year())
    st.markdown(t("sped.method.short", **method))
    with st.expander(t("sped.method.heading")):
        st.markdown(t("sped.method", **method))
        st.caption(t("sped.privacy_note"))

elif section == "placements":
    trend_section(sped.placement_mix(county), ["enrolled_count"] + sped.PLACEMENT_COLUMNS,
                  [t("metric.compulsory_enrolled_count.label")] + [codes.label("placement", c, language)
                                                                    for c in codes.codes("placement")],
                  charts.placement_mix, "compulsory_placements_by_school_year", "placements")

elif section == "senior_high":
    trend_section(sped.senior_high(county), ["enrolled_count"], [t("sped.senior_high_enrolled")],
                  charts.senior_high, "senior_high_students_by_school_year", "senior_high")

elif section == "resources":
    trend_section(sped.resources(county), ["resource_centre_count", "resource_classroom_count"],
                  [t("sped.resource_centre_count"), t("sped.resource_classroom_count")],
                  charts.resources, "special_education_resources_by_school_year", "resources")

elif section == "register":
    register = sped.register_table(language)
    register_source, register_as_of = sped.register_source()
    components.table_with_source(register, "special_education_targets", register_as_of, register_source,
                                 t("sped.def.register"), "register")
