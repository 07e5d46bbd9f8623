"""Write slides to an editable 16:9 PowerPoint: native charts that carry their data, a footer with
source and as-of date on every slide, and a closing slide with the data snapshot."""
from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from dashboard.briefing.model import Slide, snapshot_id
from dashboard.i18n import t

CHINESE_FONT = "Noto Sans CJK SC"  # Debian's fonts-noto-cjk; PowerPoint falls back to YaHei where absent
LATIN_FONT = "Arial"
WIDTH, HEIGHT = Emu(12_192_000), Emu(6_858_000)  # PowerPoint's own 16:9 size
MARGIN = Inches(0.6)
CHART_TYPES = {"bar": XL_CHART_TYPE.COLUMN_CLUSTERED, "line": XL_CHART_TYPE.LINE_MARKERS,
               "pie": XL_CHART_TYPE.PIE}
GREY, DARK, RED = RGBColor(0x55, 0x55, 0x55), RGBColor(0x22, 0x22, 0x22), RGBColor(0xC0, 0x39, 0x2B)


def write_deck(slides: list[Slide], language: str, made_at: dt.datetime | None = None) -> bytes:
    """The deck as .pptx bytes."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    for slide in slides:
        _add_slide(deck, slide, language)
    _add_snapshot_slide(deck, slides, language, made_at or dt.datetime.now())
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _add_slide(deck, slide: Slide, language: str) -> None:
    page = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    _text(page, slide.title, MARGIN, Inches(0.35), WIDTH - 2 * MARGIN, Inches(1.0), 28, bold=True)
    top = Inches(1.45)
    if slide.points:
        _text(page, "\n".join(slide.points), MARGIN, top, Inches(3.6), Inches(4.6), 18)
    body_left = MARGIN + (Inches(3.8) if slide.points else 0)
    body_width = WIDTH - MARGIN - body_left
    body_height = Inches(4.9) - (Inches(0.5) if slide.notes else 0)
    if slide.chart:
        _add_chart(page, slide, body_left, top, body_width, body_height)
    elif slide.image_png:
        page.shapes.add_picture(io.BytesIO(slide.image_png), body_left, top, height=body_height)
    if slide.notes:
        note = f"{t('briefing.notes_label', language)}：" + " ".join(slide.notes)
        _text(page, note, MARGIN, Inches(6.25), WIDTH - 2 * MARGIN, Inches(0.5), 13, colour=RED)
        page.notes_slide.notes_text_frame.text = "\n".join(slide.notes)
    _footer(page, slide, language)


def _add_chart(page, slide: Slide, left, top, width, height) -> None:
    spec = slide.chart
    data = CategoryChartData()
    data.categories = spec.categories
    for name, values in spec.series.items():
        data.add_series(name, values)
    if spec.target is not None and spec.kind != "pie":
        data.add_series(t("target.label", None, target=f"{spec.target:g}{spec.unit}"),
                        [spec.target] * len(spec.categories))
    frame = page.shapes.add_chart(CHART_TYPES[spec.kind], left, top, width, height, data)
    chart = frame.chart
    chart.has_legend = len(spec.series) > 1 or spec.kind == "pie" or spec.target is not None
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    chart.font.size = Pt(14)
    chart.font.name = LATIN_FONT
    _east_asian_font(chart.font._rPr if hasattr(chart.font, "_rPr") else chart.font._element)
    if spec.kind == "pie":
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.show_percentage = True
        plot.data_labels.show_value = False
        return
    chart.value_axis.minimum_scale = 0  # bars from zero: no exaggerated differences
    chart.value_axis.has_title = True
    chart.value_axis.axis_title.text_frame.text = spec.unit
    if spec.target is not None and spec.kind == "bar":
        # The target as a line across the columns: the last series drawn as a line chart on top.
        _target_as_line(chart)


def _target_as_line(chart) -> None:
    from copy import deepcopy
    from lxml import etree
    plot_area = chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    bar_chart = plot_area.find(qn("c:barChart"))
    series = bar_chart.findall(qn("c:ser"))[-1]
    bar_chart.remove(series)
    line_chart = etree.SubElement(plot_area, qn("c:lineChart"))
    plot_area.remove(line_chart)
    bar_chart.addnext(line_chart)
    etree.SubElement(line_chart, qn("c:grouping")).set("val", "standard")
    etree.SubElement(line_chart, qn("c:varyColors")).set("val", "0")
    line_chart.append(series)
    for tag in ("c:invertIfNegative",):
        for element in series.findall(qn(tag)):
            series.remove(element)
    marker = etree.SubElement(series, qn("c:marker"))
    etree.SubElement(marker, qn("c:symbol")).set("val", "none")
    series.remove(marker)
    series.insert(3, marker)
    etree.SubElement(line_chart, qn("c:marker")).set("val", "1")
    for axis_id in bar_chart.findall(qn("c:axId")):
        line_chart.append(deepcopy(axis_id))


def _footer(page, slide: Slide, language: str) -> None:
    text = t("briefing.footer", language, source=slide.source or "—", as_of=slide.as_of or "—")
    if slide.is_demo:
        text += " · " + t("demo.tag", language)
    _text(page, text, MARGIN, Inches(6.85), WIDTH - 2 * MARGIN, Inches(0.4), 11, colour=GREY)


def _add_snapshot_slide(deck, slides: list[Slide], language: str, made_at: dt.datetime) -> None:
    page = deck.slides.add_slide(deck.slide_layouts[6])
    _text(page, t("briefing.snapshot_title", language), MARGIN, Inches(0.35), WIDTH - 2 * MARGIN,
          Inches(1.0), 28, bold=True)
    sources = sorted({s.source for s in slides if s.source})
    lines = [t("briefing.snapshot_body", language), ""] + sources + ["",
             t("briefing.snapshot", language, snapshot=snapshot_id(slides),
               time=made_at.strftime("%Y-%m-%d %H:%M"))]
    if any(s.is_demo for s in slides):
        lines.append(t("demo.tag", language))
    _text(page, "\n".join(lines), MARGIN, Inches(1.6), WIDTH - 2 * MARGIN, Inches(4.5), 18)


def _text(page, text: str, left, top, width, height, size: int, bold: bool = False, colour=DARK) -> None:
    box = page.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size, run.font.bold, run.font.name = Pt(size), bold, LATIN_FONT
        run.font.color.rgb = colour
        _east_asian_font(run._r.get_or_add_rPr())


def _east_asian_font(rpr) -> None:
    """PowerPoint picks Chinese glyphs from the <a:ea> font, which python-pptx does not set."""
    for tag in ("a:ea", "a:cs"):
        element = rpr.find(qn(tag))
        if element is None:
            element = rpr.makeelement(qn(tag), {})
            rpr.append(element)
        element.set("typeface", CHINESE_FONT)
