"""总览: the headline metric of each area, with target, change, trend, as-of date and source."""
import streamlit as st

from dashboard import components, kpis
from dashboard.i18n import current_language, join, t
from dashboard.routing import ensure_routed

ensure_routed()
components.page_header("overview.title", "overview.intro")
language = current_language()

for area in kpis.AREAS:
    cards = kpis.area_kpis(area, language)
    st.subheader(t(f"area.{area}"))
    if not cards:
        st.info(t("empty.no_data"))
        continue
    components.kpi_cards(cards)
    definitions = join((t(f"metric.{card.metric_key}.definition") for card in cards[:2]), clauses=True)
    components.source_line(kpis.area_source(area), max(card.as_of for card in cards), definitions)
