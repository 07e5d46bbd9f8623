"""How a slide looks in the browser: the same content as the exported deck."""
from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from dashboard.briefing.model import ChartSpec, Slide
from dashboard.charts import PALETTE, cached_figure, style
from dashboard.i18n import t

PRESENTATION_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stHeader"] {display: none;}
.briefing-title {font-size: 2.6rem; font-weight: 700; line-height: 1.3;}
.briefing-point {font-size: 1.6rem;}
</style>"""
DARK_CSS = """<style>
.stApp {background: #0b1a2b; color: #f2f4f7;}
.stApp p, .stApp span, .stApp div {color: #f2f4f7;}
</style>"""


@cached_figure
def figure_for(spec: ChartSpec, dark: bool = False) -> go.Figure:
    """The slide's chart as a Plotly figure."""
    figure = go.Figure()
    for index, (name, values) in enumerate(spec.series.items()):
        colour = PALETTE[index % len(PALETTE)]
        if spec.kind == "pie":
            figure.add_trace(go.Pie(labels=spec.categories, values=values, name=name, sort=False,
                                    marker={"colors": PALETTE}))
        elif spec.kind == "line":
            figure.add_trace(go.Scatter(x=spec.categories, y=values, name=name, mode="lines+markers",
                                        line={"color": colour}))
        else:
            figure.add_trace(go.Bar(x=spec.categories, y=values, name=name, marker_color=colour))
    if spec.target is not None and spec.kind != "pie":
        figure.add_hline(y=spec.target, line_dash="dash", line_color="#D55E00",
                         annotation_text=t("target.label", target=f"{spec.target:g}{spec.unit}"))
    style(figure, "", spec.unit if spec.kind != "pie" else "")
    if spec.kind == "bar":
        figure.update_yaxes(rangemode="tozero")
    if dark:
        figure.update_layout(template="plotly_dark", paper_bgcolor="#0b1a2b", plot_bgcolor="#0b1a2b")
    return figure


def render(slide: Slide, large: bool = False, dark: bool = False) -> None:
    """One slide: message, headline points, chart or map, notes, and its source line."""
    if large:
        st.markdown(f'<div class="briefing-title">{_escape(slide.title)}</div>', unsafe_allow_html=True)
    else:
        st.subheader(slide.title)
    left, right = st.columns([1, 2.4]) if slide.points else (None, st.container())
    if left is not None:
        for point in slide.points:
            left.markdown(f'<div class="briefing-point">{_escape(point)}</div>' if large else f"- {point}",
                          unsafe_allow_html=large)
    with right:
        if slide.chart:
            st.plotly_chart(figure_for(slide.chart, dark), width="stretch", key=f"chart_{slide.key}")
        elif slide.image_png:
            st.image(slide.image_png)
    for note in slide.notes:
        st.warning(note)
    footer = t("briefing.footer", source=slide.source or "—", as_of=slide.as_of or "—")
    st.caption(footer + (" · " + t("demo.tag") if slide.is_demo else ""))


def export_panel(slides: list[Slide], language: str) -> None:
    """Warn about consistency notes, then offer the PowerPoint and (with LibreOffice) the PDF."""
    import datetime as dt

    from dashboard import audit, session
    from dashboard.briefing import pdf_export, service
    from dashboard.briefing.model import snapshot_id
    from dashboard.downloads import file_name
    noted = [s for s in slides if s.notes]
    if noted:
        st.warning(t("briefing.warn_before_export") + " " + "；".join(s.title for s in noted))
    if not session.may("briefing"):
        return
    user = session.current_user()
    snapshot = snapshot_id(slides)
    stem = f"npc_briefing_{snapshot}"
    left, right = st.columns(2)
    # The deck is written when the button is clicked, not on every rerun of the page.
    left.download_button(t("briefing.export_pptx"), lambda: service.deck(slides, language),
                         file_name(stem, dt.date.today(), "pptx"),
                         "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                         on_click=audit.record, args=("export", user.username, "ok"),
                         kwargs={"file_name": f"{stem}.pptx"})
    if pdf_export.soffice() is None:
        right.caption(t("briefing.pdf_unavailable"))
    elif right.button(t("briefing.export_pdf")):
        try:
            pdf = pdf_export.to_pdf(service.deck(slides, language))
        except pdf_export.PdfUnavailable:
            right.error(t("briefing.pdf_unavailable"))
        else:
            right.download_button(t("briefing.export_pdf"), pdf, file_name(stem, dt.date.today(), "pdf"),
                                  "application/pdf", on_click=audit.record,
                                  args=("export", user.username, "ok"), kwargs={"file_name": f"{stem}.pdf"})


def _escape(text: str) -> str:
    import html
    return html.escape(text)
