"""社会救助与动态监测: monitored population, risk warnings and their handling, needs submitted by code,
and the letter's other figures as registered cards."""
import streamlit as st

from dashboard import components, filters, formatting, metric_cards, provenance, settings
from dashboard import social_assistance as sa
from dashboard.charts import draw
from dashboard.charts.display import number_columns
from dashboard.charts import social_assistance as charts
from dashboard.downloads import download_buttons
from dashboard.i18n import current_language, t
from dashboard.metric_cards import MetricCard
from dashboard.routing import ensure_routed
from dashboard.sources import LETTER
from queries import registers
from queries import social_assistance as q

ensure_routed()
components.page_header("sa.title", "sa.intro")
language = current_language()
limit = settings.get_int("HANDLING_TIME_LIMIT_DAYS")
span = q.social_assistance_months().iloc[0]
county = filters.county_filter()
year = filters.year_filter(sa.years_between(span.first_month, span.last_month))
labels = {"scope": filters.scope_label(county)}


def source(key: str, dataset: str, as_of: str, definition: str) -> str:
    origin = provenance.source_text((dataset,), LETTER.document_number, language)
    line = t("source.line", source=t(key, document=origin), as_of=as_of, definition=definition)
    st.caption(formatting.markdown_literal(line))
    return line


section = filters.section_filter(["monitored", "warnings", "requests", "other"], "sa.section")
if section != "other" and not span.first_month:
    st.info(t("empty.no_data"))
elif section != "other":
    start, end = sa.month_range_of_year(year, span.first_month, span.last_month)
    labels["period"] = t("figure.period", start=start, end=end)
    as_of, scope = sa.month_end(end), dict(county_code=county, start_month=start, end_month=end)

    if section == "monitored":
        latest = q.monitored_population_at(end, county)
        monitored = q.monitored_by_month_and_category(**scope)
        if latest.empty:
            st.info(t("empty.no_data"))
        else:
            metric_cards.draw([MetricCard(
                t("metric.monitored_population_count.label"),
                formatting.format_count(latest["person_count"].iloc[0], language, wan_decimals=2),
                help=t("metric.monitored_population_count.definition"),
                note=t("sa.kpi.month", month=latest["month"].iloc[0]))], columns=4)
            draw(charts.monitored_composition(monitored, language, t("sa.chart.monitored", **labels),
                                              t("sa.unit.people")))
            line = source("sa.source.monitoring", "monitored_population", as_of, t("sa.definition.monitored"))
            download_buttons(sa.labelled(monitored, {"category_code": "monitored_category"}, language),
                             "monitored_population_by_month", as_of, line, "monitored")

    elif section == "warnings":
        summary = q.warning_summary(**scope, limit_days=limit).iloc[0]
        median = sa.weighted_median_days(q.warning_handling_days(**scope))
        metric_cards.draw([
            MetricCard(t("metric.warning_count.label"), formatting.format_count(summary.warning_count, language)),
            MetricCard(t("metric.handled_within_limit_pct.label"),
                       formatting.format_pct(sa.share_pct(summary.handled_within_limit_count, summary.warning_count)),
                       help=t("sa.definition.warnings", days=limit), note=t("sa.kpi.limit", days=limit)),
            MetricCard(t("metric.median_handling_days.label"),
                       "—" if median is None else t("sa.kpi.days", days=formatting.format_count(median, language))),
            MetricCard(t("metric.open_warning_count.label"), formatting.format_count(summary.open_count, language),
                       note=t("sa.kpi.overdue", count=formatting.format_count(summary.open_overdue_count, language)))])
        by_department = q.warnings_by_department(**scope, limit_days=limit)
        by_type = q.warnings_by_type(**scope, limit_days=limit)
        outcomes = {"brought_in": "brought_in_count", "not_eligible": "not_eligible_count", "open": "open_count"}
        for frame, column, kind, title, subject in (
                (by_department, "source_department", "department", "sa.chart.by_department", "warnings_by_department"),
                (by_type, "warning_type", "warning_type", "sa.chart.by_type", "warnings_by_type")):
            draw(charts.stacked_by_outcome(frame, column, kind, outcomes, "warning_outcome", language,
                                           t(title, **labels), t("sa.unit.warnings")))
            if kind == "department":
                st.caption(t("sa.departments.note"))
            line = source("sa.source.monitoring", "risk_warnings", as_of, t("sa.definition.warnings", days=limit))
            download_buttons(sa.labelled(frame, {column: kind}, language), subject, as_of, line, subject)
        st.subheader(t("sa.table.backlog", **labels))
        backlog = sa.backlog_table(q.open_backlog_by_township(**scope, limit_days=limit), language)
        if backlog.empty:
            st.info(t("sa.backlog.empty"))
        else:
            st.dataframe(backlog, hide_index=True, column_config=number_columns(backlog))
            line = source("sa.source.monitoring", "risk_warnings", as_of, t("sa.definition.backlog", days=limit))
            download_buttons(backlog, "open_warnings_by_township", as_of, line, "backlog")

    elif section == "requests":
        requests = q.request_totals(**scope, limit_days=limit).iloc[0]
        metric_cards.draw([
            MetricCard(t("metric.request_count.label"), formatting.format_count(requests.request_count, language),
                       note=t("sa.kpi.open_requests", count=formatting.format_count(requests.open_count, language))),
            MetricCard(t("metric.assistance_requests_handled_count.label"),
                       formatting.format_count(requests.handled_count, language)),
            MetricCard(t("sa.kpi.requests_in_time"),
                       formatting.format_pct(sa.share_pct(requests.handled_within_limit_count, requests.request_count)),
                       note=t("sa.kpi.limit", days=limit))])
        by_need = q.requests_by_need_and_outcome(**scope)
        if not by_need.empty:
            draw(charts.requests_by_need(by_need, language, t("sa.chart.requests", **labels),
                                         t("sa.unit.requests")))
        line = source("sa.source.requests", "assistance_requests", as_of, t("sa.definition.requests"))
        download_buttons(sa.labelled(by_need, {"need_code": "request_need", "outcome": "request_outcome"}, language),
                         "requests_by_need_and_outcome", as_of, line, "requests")
else:
    st.caption(t("sa.other.intro"))
    figures = registers.published_figures("other")
    cards = sa.figure_cards(figures, language)
    metric_cards.draw([components.registered_figure_card(t(f"figure.{card.figure_key}"), card.value_text, card.quote,
                                                         card.period, card.source_document, card.as_of)
                       for card in cards], border=True, columns=3)
    if not figures.empty:
        download_buttons(figures, "other_published_figures", LETTER.published_on, LETTER.document_number, "figures")
