"""站点覆盖: where the stations and points are, whom they reach within a distance, and where the gaps are."""
import streamlit as st

from dashboard import components, coverage_map, filters, formatting, html_table, metric_cards
from dashboard.charts.display import numbers_as_text
from dashboard.downloads import download_buttons
from dashboard.i18n import current_language, t
from dashboard.metric_cards import MetricCard
from dashboard.routing import ensure_routed

ensure_routed()
components.page_header("coverage.title", "coverage.intro")
language = current_language()

county = filters.county_filter()
township = None
if county:  # the whole city has no township to choose: the choice appears with a county
    township_names = coverage_map.township_options(county)
    township = filters.choice_filter(
        "township", [filters.ALL, *township_names], filters.ALL, t("coverage.filter.township"),
        lambda c: t("coverage.filter.all_townships") if c == filters.ALL else township_names[c])
    township = None if township == filters.ALL else township
else:
    filters.set_url_value("township", None)
distances = [f"{d:g}" for d in coverage_map.DISTANCE_CHOICES_KM]
distance_km = float(filters.choice_filter("distance", distances, f"{coverage_map.default_distance_km():g}",
                                          t("coverage.filter.distance")))
layers = filters.multi_choice_filter("layers", list(coverage_map.LAYERS), list(coverage_map.DEFAULT_LAYERS),
                                     t("coverage.filter.layers"), lambda k: t(f"coverage.layer.{k}"))
measure = filters.choice_filter("measure", list(coverage_map.MEASURES), coverage_map.MEASURES[0],
                                t("coverage.filter.measure"), lambda k: t(f"coverage.measure.{k}.short"))

view = coverage_map.analyse(distance_km, county, township)
if view.villages.empty:
    st.info(t("empty.no_data"))
    st.stop()

scope = coverage_map.scope_label(view, language)
as_of = coverage_map.as_of(view)
source = coverage_map.source_text(language)
definition = t("coverage.definition", km=distance_km)
summary = view.summary.iloc[0]

metric_cards.draw([
    MetricCard(t("coverage.kpi.covered_villages"),
               formatting.format_value(summary.covered_village_count, "count", language),
               note=t("coverage.kpi.of", total=formatting.format_value(summary.village_count, "count", language))),
    MetricCard(t("coverage.kpi.covered_population"),
               formatting.format_value(summary.covered_population_pct, "pct", language)),
    MetricCard(t("coverage.kpi.uncovered_population"),
               formatting.format_value(summary.uncovered_population_count, "count", language)),
    MetricCard(t("coverage.kpi.points"), coverage_map.point_counts(view, language))])

st.subheader(t("coverage.map.title", scope=scope, km=distance_km))
st.caption(t("coverage.map.hint"))
if county and st.button(t("coverage.map.back")):
    coverage_map.open_area(None)
map_column, legend_column = st.columns([3, 1])
with map_column:
    clicked = coverage_map.show_map(view, layers, measure, language)
    coverage_map.follow_click(clicked, county)
with legend_column:
    st.markdown(coverage_map.legend_markdown(view, measure, language))
components.source_line(source, as_of, definition)

# Each section's table and the name its downloads carry.
tables = {"groups": (coverage_map.group_table, "coverage_by_group"),
          "by_county": (coverage_map.county_table, "coverage_by_county"),
          "by_township": (coverage_map.township_table, "coverage_by_township"),
          "gaps": (coverage_map.gap_table, "coverage_gaps"),
          "sites": (coverage_map.sites_table, "next_sites")}
section = filters.section_filter(list(tables), "coverage.tab")
heading = t(f"coverage.section.{section}", scope=scope)
st.subheader(heading)
make_table, subject = tables[section]
table = make_table(view, language)
if table.empty:
    st.info(t("coverage.no_gaps", km=distance_km))
    st.stop()
html_table.draw(numbers_as_text(table), heading)
line_definition = t("coverage.sites.definition", km=distance_km) if section == "sites" else definition
components.source_line(source, as_of, line_definition)
download_buttons(table, subject, as_of, t("source.line", source=source, as_of=as_of, definition=line_definition),
                 subject)
