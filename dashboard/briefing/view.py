"""How a slide looks in the browser: the same content as the exported deck."""
from __future__ import annotations

import html

import streamlit as st

from dashboard import charts, formatting
from dashboard.briefing.model import ChartSpec, Slide
from dashboard.charts import PALETTE, Chart
from dashboard.i18n import join, t

PRESENTATION_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stHeader"] {display: none;}
.briefing-title {font-size: 2.6rem; font-weight: 700; line-height: 1.3;}
.briefing-point {font-size: 1.6rem;}
</style>"""
DARK_CSS = """<style>
.stApp {background: #0b1a2b; color: #f2f4f7;}
[data-testid="stMain"] p, [data-testid="stMain"] span, [data-testid="stMain"] div {color: #f2f4f7;}
[data-testid="stMain"] [data-testid="stBaseButton-secondary"] {background: #1c2f45; border-color: #4a5f78;}
[data-testid="stMain"] [data-testid="stAlertContainer"] {background: #3b3420;}
[data-testid="stSidebar"] {background: #10233a; border-right: 1px solid #2b3d52;}
[data-testid="stSidebar"] p, [data-testid="stSidebar"] span, [data-testid="stSidebar"] strong,
[data-testid="stSidebar"] a, [data-testid="stSidebar"] nav,
[data-testid="stSidebar"] .hz-user-who {color: #f2f4f7 !important;}
[data-testid="stSidebar"] a[hreflang] {color: #8cc4ff !important;}
[data-testid="stSidebarNavLink"]:hover, [data-testid="stSidebarNavLink"][aria-current="page"] {background: #1c2f45;}
[data-testid="stSidebar"] .hz-sign-out {background: #1c2f45; border-color: #4a5f78;}
[data-testid="stSidebar"] hr {border-color: #2b3d52;}
</style>"""


# The dark look of presentation mode ("深色大屏"): the page's own background, light text, faint grid lines.
DARK_BACKGROUND, DARK_TEXT, DARK_MUTED, DARK_GRID = "#0b1a2b", "#f2f4f7", "#b8c2cf", "#2b3d52"
TARGET_COLOUR = "#D55E00"
HEIGHT = 450
ROTATE_LABELS_FROM = 7  # categories: more than this and their labels are written slanted
THIN_SLICE = 0.06  # a pie slice under this share has its label outside (ECharts hides one that does not fit)
LABEL_WIDTH = 64  # px: a category label longer than this wraps


def figure_for(spec: ChartSpec, dark: bool = False) -> Chart:
    """The slide's chart as an ECharts chart (the exported deck draws the same spec natively)."""
    names = list(spec.series)
    if spec.kind == "pie":
        name, values = next(iter(spec.series.items()))
        values = [charts.number(v) for v in values]
        total = sum(v for v in values if v)
        series = [{"type": "pie", "name": name, "radius": "62%", "center": ["50%", "45%"],
                   "label": {"position": "inside", "textBorderWidth": 0},
                   "data": [_slice(str(c), v, total, spec.unit, PALETTE[i % len(PALETTE)], dark)
                            for i, (c, v) in enumerate(zip(spec.categories, values))]}]
        figure = charts.chart("", height=HEIGHT, legend=True, series=series)
        figure.option["legend"]["type"] = "plain"  # every name, on as many lines as it takes
    else:
        series = []
        for index, (name, values) in enumerate(spec.series.items()):
            colour = PALETTE[index % len(PALETTE)]
            one = {"type": spec.kind, "name": name, "data": [charts.number(v) for v in values],
                   "itemStyle": {"color": colour}}
            if spec.kind == "line":
                one.update(symbol="circle", symbolSize=7, lineStyle={"color": colour, "width": 2})
            series.append(one)
        if spec.target is not None:
            series[0]["markLine"] = {
                "symbol": "none", "silent": True, "data": [{"yAxis": spec.target}],
                "label": {"formatter": t("target.label", target=f"{spec.target:g}{spec.unit}"),
                          "position": "insideEndTop", "color": DARK_TEXT if dark else "#555"},
                "lineStyle": {"type": "dashed", "color": TARGET_COLOUR, "width": 2}}
        slanted = len(spec.categories) > ROTATE_LABELS_FROM
        figure = charts.chart(
            "", spec.unit, height=HEIGHT, legend=len(names) > 1, tooltip="axis",
            xAxis={"type": "category", "data": [str(c) for c in spec.categories],
                   # every label; long ones (Huicheng District) wrapped onto two lines, many slanted
                   "axisLabel": {"interval": 0, "rotate": 30} if slanted else
                   {"interval": 0, "width": LABEL_WIDTH, "overflow": "break"}},
            # A line shows the change, from a little under its lowest point; bars start at zero.
            yAxis={"type": "value", "scale": spec.kind == "line"},
            series=series)
        figure.option["tooltip"].update(valueFormatter="localized",
                                        axisPointer={"type": "shadow" if spec.kind == "bar" else "line"})
    return _darken(figure) if dark else figure


def _slice(name: str, value, total: float, unit: str, colour: str, dark: bool) -> dict:
    """A pie slice labelled with its share (three significant figures: 27.5%, 4.27%), inside in dark or
    light text as its colour needs, or beside it when it is too thin to hold it; its tooltip adds the
    value, thousands separated, with the unit."""
    share = f"{100 * value / total:.3g}%" if value and total else ""
    text = "—" if value is None else f"{value:,}{unit}"
    if value and total and value / total < THIN_SLICE:
        label = {"formatter": share, "position": "outside", "color": DARK_TEXT if dark else "#333"}
    else:
        label = {"formatter": share, "color": "#222" if _light(colour) else "#fff"}
    return {"name": name, "value": value, "label": label, "tooltip": {"formatter": f"{{b}}：{text}（{share}）"}}


def _light(colour: str) -> bool:
    """Whether a #rrggbb colour is light enough to need dark text on it."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue > 150


def _darken(figure: Chart) -> Chart:
    """The chart on the dark page: its background, light text and axes, faint grid lines."""
    option = figure.option
    option["backgroundColor"] = DARK_BACKGROUND
    option["textStyle"] = {**option["textStyle"], "color": DARK_TEXT}
    for heading in option["title"]:
        heading["textStyle"] = {**heading.get("textStyle", {}), "color": DARK_TEXT}
        heading["subtextStyle"] = {**heading.get("subtextStyle", {}), "color": DARK_MUTED}
    if "legend" in option:
        option["legend"]["textStyle"] = {"color": DARK_TEXT}
        option["legend"]["pageTextStyle"] = {"color": DARK_TEXT}
    for axis in ("xAxis", "yAxis"):
        if axis in option:
            # Streamlit's theme rings axis labels with the (light) page colour: ring them with the dark one.
            option[axis]["axisLabel"] = {**option[axis].get("axisLabel", {}), "color": DARK_MUTED,
                                         "textBorderColor": DARK_BACKGROUND}
            option[axis]["axisLine"] = {"lineStyle": {"color": DARK_MUTED}}
            option[axis]["splitLine"] = {"lineStyle": {"color": DARK_GRID}}
    return figure


def render(slide: Slide, large: bool = False, dark: bool = False) -> None:
    """One slide: message, headline points, chart or map, notes, and its source line."""
    if large:
        st.markdown(f'<div class="briefing-title">{html.escape(slide.title)}</div>', unsafe_allow_html=True)
    else:
        st.subheader(slide.title)
    left, right = st.columns([1, 2.4]) if slide.points else (None, st.container())
    if left is not None:
        for point in slide.points:
            left.markdown(f'<div class="briefing-point">{html.escape(point)}</div>' if large else f"- {point}",
                          unsafe_allow_html=large)
    with right:
        if slide.chart:
            charts.draw(figure_for(slide.chart, dark), key=f"chart_{slide.key}")
        elif slide.image_png:
            st.image(slide.image_png)
    for note in slide.notes:
        st.warning(note)
    footer = t("briefing.footer", source=slide.source or "—", as_of=slide.as_of or "—")
    st.caption(formatting.markdown_literal(footer + (" · " + t("demo.tag") if slide.is_demo else "")))


def export_panel(slides: list[Slide], language: str) -> None:
    """Warn about consistency notes, then offer the PowerPoint and (with LibreOffice) the PDF."""
    import datetime as dt

    from dashboard import audit, session
    from dashboard.briefing import pdf_export, service
    from dashboard.briefing.model import snapshot_id
    from dashboard.downloads import file_name
    noted = [s for s in slides if s.notes]
    if noted:
        st.warning(t("briefing.warn_before_export") + " " + join((s.title for s in noted), clauses=True))
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

