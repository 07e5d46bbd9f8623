"""慈善资金流向: where charity money came from, who held it, what it paid for and where it went; the
balance carried from year to year; community funds and their micro-projects."""
import streamlit as st

from dashboard import blocks, charity_flows, components, filters
from dashboard.charts import charity as charts
from dashboard.i18n import current_language, t
from dashboard.routing import ensure_routed
from queries import charity

ensure_routed()
components.page_header("charity.title", "charity.intro")
language = current_language()

county = filters.county_filter()
years = charity.charity_years().iloc[0]
span = blocks.years(years["first_year"], years["last_year"])
if span is None:
    blocks.no_data()
    st.stop()
period = filters.period_filter(*span)
dates = dict(county_code=county, start_date=period.start_date, end_date=period.end_date)
as_of = blocks.as_of(period, years["last_flow_date"])
if county:
    st.caption(t("charity.county_scope"))

section = filters.section_filter(["balance", "flows", "community_funds"], "charity.section")
if section == "balance":
    balance = charity.balance_by_year(county, str(period.start_year), str(period.end_year))
    if balance.empty:
        blocks.no_data()
        st.stop()
    blocks.chart(charts.balance_waterfall(balance, blocks.title("charity.chart.balance", county, period), language),
                 "charity_flows", as_of, "charity.def.balance")
    with components.lazy_expander(t("table.data"), "charity_balance_table") as shown:
        if shown:
            blocks.table(charts.balance_table(balance), "charity_balance_by_year", "charity_flows", as_of,
                         "charity.def.balance", "charity_balance")

elif section == "flows":
    destination = filters.one_of(t("charity.destination"), ["county", "group"], "county", "charity_destination",
                                 lambda d: t(f"charity.destination.{d}"), st)
    balances = charity.organisation_balances(**dates)
    links = charity_flows.sankey_links(balances, charity.raised_by_source(**dates),
                                       charity.disbursed_by_programme(**dates),
                                       charity.disbursed_by_destination(destination, **dates))
    names = dict(zip(balances["organisation_code"], balances["organisation_name_zh"]))
    blocks.chart(charts.sankey(links, names, destination, blocks.title("charity.chart.sankey", county, period),
                               language), "charity_flows", as_of, "charity.def.sankey")
    with components.lazy_expander(t("charity.links_table"), "charity_links_table") as shown:
        if shown:
            blocks.table(charts.links_table(links, names, destination, language), "charity_flow_links",
                         "charity_flows", as_of, "charity.def.sankey", "charity_links")
    with components.lazy_expander(t("charity.organisation_table"), "charity_organisations_table") as shown:
        if shown:
            blocks.table(charts.organisation_table(balances, language), "charity_organisation_balances",
                         "charity_flows", as_of, "charity.def.balance", "charity_organisations")

elif section == "community_funds":
    funds_as_of = period.end_date
    by_county = charity.community_funds_by_county(county, funds_as_of)
    if by_county.empty:
        blocks.no_data()
    else:
        blocks.chart(charts.community_funds_by_county(by_county, blocks.title("charity.chart.funds", county), language),
                     "community_funds", funds_as_of.isoformat(), "charity.def.funds")
        blocks.table(charts.funds_table(charity.community_funds(county, funds_as_of), language), "community_funds",
                     "community_funds", funds_as_of.isoformat(), "charity.def.funds", "charity_funds", height=360)
