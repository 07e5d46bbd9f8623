"""Chart builders: one module per area; this module holds the shared look.

Charts are Apache ECharts options drawn by Streamlit's own st.echarts_chart (SVG, no animation).
ECharts is the charting library Chinese government dashboards are built on, and it draws far less
than plotly.js: bench/pages.py's reference rows measured a blank page with one plotly chart at 1.68x
the blank page, and with the same bars in ECharts at 1.14x (opened by address, demo run of 2026-11-29).
A builder returns a Chart (the option and its height); `draw` puts it on the page. Numbers on bars and in
tooltips are written as officials write them (formatting.format_count: 12.3万), by giving each data
item its own label text (`items`). The option is plain JSON, so tests read it back from the page."""
from __future__ import annotations

import html
import math
from dataclasses import dataclass, field

import streamlit as st

FONT_FAMILY = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
# Colour-blind-safe palette (Okabe–Ito), in the order series are drawn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
DEFAULT_HEIGHT = 420
# Diagonal hatching (an ECharts decal) for bars that must not be read like the others, e.g. a quarter
# with fewer than three months of data.
HATCH = {"decal": {"symbol": "rect", "dashArrayX": [1, 0], "dashArrayY": [2, 5], "rotation": 0.785,
                   "color": "rgba(255,255,255,0.6)"}}


@dataclass(frozen=True)
class Chart:
    """An ECharts option and the height (px) to draw it at."""
    option: dict = field(default_factory=dict)
    height: int = DEFAULT_HEIGHT

    @property
    def title(self) -> str:
        return self.option["title"][0]["text"]


def chart(title: str, unit: str = "", *, height: int = DEFAULT_HEIGHT, legend: bool = False,
          tooltip: str = "item", **option) -> Chart:
    """A chart in the dashboard's look: the title (naming subject and filters) at the top left, the unit
    under it ("单位：人次", written level: a rotated axis title turns a one-character unit such as 个
    into an arrow-like glyph), the colour-blind-safe palette, the CJK font, no animation, a legend
    under the plot when asked for, and a tooltip ("item": each data item's own text; "axis": every
    series at the hovered category). Everything else (axes, series, ...) comes in `option`, which wins
    over these defaults."""
    from dashboard.i18n import t
    heading = {"text": title, "left": 0, "top": 0, "textStyle": {"fontSize": 15, "fontWeight": "bold"},
               "subtextStyle": {"fontSize": 12, "color": "#666"}}
    if unit:
        heading["subtext"] = t("chart.unit", unit=unit)
    base = {
        "animation": False,
        "color": PALETTE,
        "textStyle": {"fontFamily": FONT_FAMILY},
        "title": [heading],
        # containLabel keeps the tick labels inside; an axis name written under the axis is not, so
        # it gets its own room.
        "grid": {"left": 8, "right": 24, "top": 64 if unit else 44,
                 "bottom": (44 if legend else 12) + (24 if _named_below(option.get("xAxis")) else 0),
                 "containLabel": True},
        "tooltip": {"trigger": tooltip, "confine": True},
    }
    if legend:
        base["legend"] = {"bottom": 0, "left": 0, "type": "scroll"}
    base.update(option)
    return Chart(base, height)


def _named_below(axis) -> bool:
    axes = axis if isinstance(axis, list) else [axis]
    return any(isinstance(a, dict) and a.get("name") and a.get("nameLocation") == "middle" for a in axes)


def number(value) -> float | int | None:
    """A value as plain JSON (numpy numbers are not; NaN becomes a gap)."""
    if value is None:
        return None
    value = float(value)
    if math.isnan(value):
        return None
    return int(value) if value.is_integer() else value


def round_step(value: float, steps: int) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10ⁿ that reaches value in the given number of steps: the interval
    of a value axis ending on a round tick."""
    step = value / steps
    power = 10 ** math.floor(math.log10(step))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= step)


def tip(text: object) -> str:
    """Text for a tooltip formatter. ECharts writes tooltips as HTML and escapes only the values its
    own placeholders ({a}, {b}, {c}) bring in, so any name written into a formatter must be escaped
    here: organisation, station and place names come from imported files."""
    return html.escape(str(text))


def items(values, texts, divisor: float = 1, **extra) -> list[dict]:
    """Series data whose label and item tooltip show each value as written in `texts` (12.3万, 97.4%):
    ECharts would print the raw number. `divisor`: the value axis's (see count_axis). `extra` is merged
    into every item (e.g. itemStyle)."""
    return [{"value": number(v if v is None or divisor == 1 else v / divisor), "label": {"formatter": str(text)},
             "tooltip": {"formatter": f"{{b}}：{tip(text)}"}, **extra} for v, text in zip(values, texts)]


def count_axis(values, language: str) -> tuple[float, dict]:
    """How a value axis of counts is written, as (divisor, axis options): in Chinese an axis that reaches
    10万 is written in 万 (0, 6万, 12万, 18万), as formatting.format_count writes the bars' own labels
    (12.5万), so the plotted values are divided by 10,000 (give the divisor to `items`, whose labels and
    tooltips keep the exact figures); in English an axis that reaches 100,000 is written in thousands,
    in about four steps (0k, 50k, 100k, 150k): written out, its labels (120,000) overlapped where long
    English names left a bar chart narrow, and ECharts dropped some, leaving 0, 20,000, 60,000, 100,000
    under gridlines up to 140,000. Otherwise ECharts writes the numbers (25,000). ECharts takes no
    formatter function here, only a template, hence the division."""
    from dashboard.formatting import WAN
    top = max((abs(float(v)) for v in values if v is not None and not math.isnan(float(v))), default=0.0)
    if language == "zh" and top >= 10 * WAN:
        return WAN, {"axisLabel": {"formatter": "{value}万"}}
    if language == "en" and top >= 100_000:
        return 1000, {"axisLabel": {"formatter": "{value}k"}, "splitNumber": 4}
    return 1, {}


def draw(figure: Chart, key: str | None = None) -> None:
    """Put a chart on the page, across its container (SVG: crisp when projected or printed)."""
    st.echarts_chart(figure.option, height=figure.height, renderer="svg", key=key)
