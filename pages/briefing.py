"""人大汇报: choose slides, preview or present them, and export an editable PowerPoint or a PDF."""
import streamlit as st

from dashboard import components, filters, session
from dashboard.briefing import service
from dashboard.briefing.catalogue import CATALOGUE
from dashboard.briefing.view import DARK_CSS, PRESENTATION_CSS, export_panel, render
from dashboard.i18n import current_language, t
from dashboard.routing import ensure_routed

ensure_routed()
language = current_language()
chosen = filters.list_filter("slides", list(CATALOGUE), default=list(CATALOGUE))
presenting = st.query_params.get("present") == "1"

if not presenting:
    components.page_header("briefing.title", "briefing.intro")
    # The outline below lists the chosen slides; choosing and ordering them opens on request (the URL
    # keeps the choice while it is closed).
    with components.lazy_expander(t("briefing.choose_heading"), "briefing_choose") as shown:
        if shown:
            chosen = st.multiselect(t("briefing.choose"), list(CATALOGUE), default=chosen,
                                    format_func=lambda key: t(f"slide.{key}"))
            filters.set_url_value("slides", ",".join(chosen) or None)

slides = service.slides(tuple(chosen), language)
if not slides:
    st.info(t("briefing.none_chosen"))
    st.stop()

dark = st.toggle(t("briefing.dark"), value=st.query_params.get("theme") == "dark")
filters.set_url_value("theme", "dark" if dark else None)
if dark:
    st.markdown(DARK_CSS, unsafe_allow_html=True)

index = int(filters.url_value("slide", [str(i) for i in range(len(slides))], "0"))
if presenting:
    st.markdown(PRESENTATION_CSS, unsafe_allow_html=True)
    render(slides[index], large=True, dark=dark)
    back, position, forward, leave = st.columns([1, 2, 1, 1])
    if back.button(t("briefing.previous"), shortcut="ArrowLeft", disabled=index == 0):
        filters.set_url_value("slide", str(index - 1))
        st.rerun()
    position.caption(t("briefing.position", index=index + 1, count=len(slides)))
    if forward.button(t("briefing.next"), shortcut="ArrowRight", disabled=index == len(slides) - 1):
        filters.set_url_value("slide", str(index + 1))
        st.rerun()
    if leave.button(t("briefing.leave"), type="tertiary"):
        filters.set_url_value("present", None)
        st.rerun()
    st.stop()

if st.button(t("briefing.present"), type="primary"):
    filters.set_url_value("present", "1")
    filters.set_url_value("slide", "0")
    st.rerun()

export_panel(slides, language)
# The deck's storyline as a list of its titles (each states its message), and the chosen slide beside
# it, as in a presentation program's normal view; ?slide= keeps the choice, as in presentation mode.
outline, preview = st.columns([1, 2.2])
index = outline.radio(t("briefing.outline"), range(len(slides)), index=index, key=f"briefing_slide_{len(slides)}",
                      format_func=lambda i: f"{i + 1}. {slides[i].title}")
filters.set_url_value("slide", str(index) if index else None)
with preview, st.container(border=True):
    render(slides[index], dark=dark)
