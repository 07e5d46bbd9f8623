"""Streamlit building blocks shared by the pages: header, demo banner, source line, KPI cards."""
from __future__ import annotations

import base64
import html
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from dashboard import codes, downloads, formatting, metric_cards
from dashboard.charts import draw
from dashboard.charts.display import number_columns
from dashboard.i18n import current_language, join, t
from dashboard.kpis import Kpi
from queries import registers

STATUS_COLOURS = {"met": "green", "near": "orange", "below": "red"}


def page_header(title_key: str, intro_key: str):
    """Every page starts the same way: title, one-line intro, and the demo banner when it applies.
    Returns the banner's place, for a page whose work changes which datasets are demo (an import)."""
    st.title(t(title_key))
    st.caption(t(intro_key))
    return demo_banner()


def demo_banner(place=None):
    """A clear warning naming the datasets that are still demo data, in `place` when given (drawn
    again there, or cleared once none is demo); returns its place."""
    place = st.empty() if place is None else place
    frame = registers.datasets()
    demo = frame[frame["is_demo"]]
    if demo.empty:
        place.empty()
    else:
        names = join(t(f"dataset.{name}") for name in demo["dataset_name"])
        place.warning(t("demo.banner", datasets=names))
    return place


def source_line(source: str, as_of: str, definition: str) -> None:
    """来源 · 数据截至 · 口径, under every chart and number."""
    st.caption(formatting.markdown_literal(t("source.line", source=source, as_of=as_of, definition=definition)))


def kpi_cards(kpis: list[Kpi]) -> None:
    """A row of headline metrics, each with its value, change, trend, target and status (in words as
    well as colour), drawn as one element (dashboard/metric_cards.py says why)."""
    metric_cards.draw([kpi_metric(kpi) for kpi in kpis], border=True)


def kpi_metric(kpi: Kpi) -> metric_cards.MetricCard:
    """One headline metric as a card."""
    language = current_language()
    trend = None
    if len(kpi.trend) > 1:
        first, last = (formatting.format_value(kpi.trend[i], kpi.unit, language) for i in (0, -1))
        trend = sparkline(kpi.trend, t("metric.trend", first=first, last=last, count=len(kpi.trend)))
    badge = deadline = None
    if kpi.target:
        target, deadline = kpi.target
        status = t(f"status.{kpi.status}") if kpi.status else ""
        badge = f"{status} · {target}"
    return metric_cards.MetricCard(
        t(f"metric.{kpi.metric_key}.label"), formatting.format_value(kpi.value, kpi.unit, language),
        help=t(f"metric.{kpi.metric_key}.definition"), delta=kpi.delta,
        # Green for a rise and red for a fall, from the change itself, not from the first character of
        # its text (which starts with words: 较上季度 −7,157).
        direction=kpi.direction, trend_html=trend, note=kpi.period or None, badge=badge,
        badge_colour=STATUS_COLOURS.get(kpi.status, "gray"), deadline=deadline)


SPARKLINE_COLOUR = "#21c354"  # st.metric's own green


def sparkline(values: list[float], label: str) -> str:
    """A card's trend as a small line: an SVG picture inline in an <img> (no chart library: st.metric's
    own sparkline is a Vega-Lite chart, and the overview's dozen of them took some 0.3 s to draw;
    st.html drops bare <svg>, an image it keeps). The label (first and last value, number of points)
    is its alternative text and its hover text."""
    points = [float(v) for v in values]
    low, high = min(points), max(points)
    span = (high - low) or 1.0
    step = 100 / (len(points) - 1)
    coordinates = " ".join(f"{i * step:.2f},{27 - 24 * (v - low) / span:.2f}" for i, v in enumerate(points))
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 30" preserveAspectRatio="none">'
           f'<polyline points="{coordinates}" fill="none" stroke="{SPARKLINE_COLOUR}" stroke-width="2" '
           f'vector-effect="non-scaling-stroke" stroke-linejoin="round"/></svg>')
    text = html.escape(label)
    return (f'<img src="data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}" alt="{text}" '
            f'title="{text}" style="width:100%;height:40px;display:block">')


def county_label(code: str | None) -> str:
    """A county's name in the session's language."""
    return codes.label("county", code, current_language())


def chart_with_table(figure, table, subject: str, as_of: str, source: str, definition: str, key: str,
                     table_open: bool = False, notes: tuple[str, ...] = ()) -> None:
    """A chart, its source line (with any notes on the chart as lines under it, in the same caption),
    and its table (in an expander unless open) with CSV/XLSX downloads."""
    draw(figure, key=f"{key}_chart")
    line = t("source.line", source=source, as_of=as_of, definition=definition)
    st.caption("  \n".join(formatting.markdown_literal(text) for text in [line, *notes]))
    with lazy_expander(t("table.data"), f"{key}_table", expanded=table_open) as shown:
        if shown:
            st.dataframe(table, hide_index=True, width="stretch", column_config=number_columns(table))
            downloads.download_buttons(table, subject, as_of, line, key)


# st.file_uploader writes its button ("Upload") and its limits ("50MB per file • XLSX, CSV") in English
# and has no option for either (streamlit/streamlit#13500): a style rule hides the two texts and writes
# the page's own in their place (the selectors are those of the pinned Streamlit). They are hidden with
# display: none, so screen readers skip them too; so is the file input, which the button and a drop reach
# through script and which screen readers announced as a second button, "file upload".
_UPLOADER_CSS = """<style>
.st-key-{key} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{display: none;}}
.st-key-{key} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after {{content: {button};}}
.st-key-{key} [data-testid="stFileUploaderDropzoneInstructions"] span {{display: none;}}
.st-key-{key} [data-testid="stFileUploaderDropzoneInstructions"] > div::after {{content: {limits};
  font-size: 14px; opacity: 0.7;}}  /* as Streamlit draws the text it replaces */
.st-key-{key} [data-testid="stFileUploaderDropzoneInput"] {{display: none !important;}}
</style>"""


def file_uploader(label: str, types: list[str], key: str, max_upload_mb: int):
    """st.file_uploader with its button and its limits in the user's language (to sight and to screen
    readers); returns the file."""
    def css_string(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"'
    limits = t("data.upload_limits", mb=max_upload_mb, types=join(kind.upper() for kind in types))
    st.html(_UPLOADER_CSS.format(key=key, button=css_string(t("data.upload_button")), limits=css_string(limits)))
    return st.file_uploader(label, type=types, key=key, max_upload_size=max_upload_mb)


@contextmanager
def lazy_expander(label: str, key: str, expanded: bool = False) -> Iterator[bool]:
    """An expander whose content is made only while it is open (opening it reruns the page): yields
    whether it is open, so a closed one costs the page neither its queries nor drawing its table."""
    box = st.expander(label, expanded=expanded, key=key, on_change="rerun")
    with box:
        yield bool(box.open)


def table_with_source(table, subject: str, as_of: str, source: str, definition: str, key: str) -> None:
    """A table, its source line, and CSV/XLSX downloads carrying that line."""
    st.dataframe(table, hide_index=True, width="stretch", column_config=number_columns(table))
    source_line(source, as_of, definition)
    downloads.download_buttons(table, subject, as_of,
                               t("source.line", source=source, as_of=as_of, definition=definition), key)


def registered_figure_card(label: str, value_text: str, quote: str, period: str, source: str,
                           as_of: str) -> metric_cards.MetricCard:
    """A published figure the product only registers: its value as published, the quote on hover, and
    its period, source document and as-of date underneath."""
    return metric_cards.MetricCard(label, value_text, help=t("figure.quote", quote=quote),
                                   note=" · ".join(filter(None, [period, t("figure.source", source=source,
                                                                                as_of=as_of)])))
