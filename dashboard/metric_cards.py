"""A row of metric cards drawn as one HTML element.

st.metric draws each number as its own React element (label, value, change, help icon, tooltip), and a
row of them inside st.columns. Measured in headless Chromium against a blank page on 2 cores, a row of
four st.metric added some 45 ms to a page's draw; the same four cards as one st.html, some 10 ms. The
overview alone has thirteen cards, each with its trend, period, target badge and deadline (five or six
elements per card). So every row of figures on a page is one st.html built here: the same parts as
st.metric (label, the help text on hover of its "?", value, change with arrow and colour) and the
overview's extras, in Streamlit's own sizes and colours.

Every text is escaped here; callers pass plain text (the trend picture is the one HTML part, built by
components.sparkline, which escapes its own label). Each card carries its label and value as data
attributes (data-metric-label, data-metric-value) for tests and for anyone reading the page's DOM.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import streamlit as st

# st.metric's and st.badge's colours in the light theme of the pinned Streamlit.
TEXT_COLOURS = {"green": "#158237", "red": "#bd4043", "orange": "#e2660c", "gray": "rgba(49, 51, 63, 0.6)"}
BACKGROUNDS = {"green": "rgba(33, 195, 84, 0.1)", "red": "rgba(255, 43, 43, 0.09)",
               "orange": "rgba(255, 164, 33, 0.1)", "gray": "rgba(151, 166, 195, 0.15)"}
ARROWS = {"up": "↑", "down": "↓"}

STYLE = """<style>
.hz-metrics {display: grid; grid-template-columns: repeat(var(--hz-columns), minmax(0, 1fr)); gap: 1rem;
  align-items: stretch;}
@media (max-width: 640px) {.hz-metrics {grid-template-columns: minmax(0, 1fr);}}
.hz-metric {min-width: 0;}
.hz-metric.hz-border {border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: calc(1rem - 1px);}
.hz-metric-label {font-size: 0.875rem; line-height: 1.6; display: flex; align-items: center; gap: 0.35rem;}
.hz-metric-help {display: inline-flex; width: 0.9rem; height: 0.9rem; border: 1px solid currentColor;
  border-radius: 50%; font-size: 0.65rem; line-height: 1; align-items: center; justify-content: center;
  opacity: 0.6; cursor: help; flex: none;}
.hz-metric-value {font-size: 2.25rem; line-height: 1.4; overflow-wrap: anywhere;}
.hz-metric-value.hz-long {font-size: 1.5rem; line-height: 1.5;}
.hz-pill {display: inline-block; font-size: 0.875rem; line-height: 1.6; padding: 0 0.375rem;
  border-radius: 0.5rem; margin: 0.125rem 0;}
.hz-metric-note {font-size: 0.875rem; line-height: 1.6; color: rgba(49, 51, 63, 0.6); margin-top: 0.5rem;}
.hz-metric-trend {margin-top: 0.75rem;}
</style>"""
# Above this many characters a value is drawn smaller, with the others on its line of cards (st.metric
# lets a long value run out of its card).
# In a row of four cards at 1280 px (a card some 235 px wide) a value of 13 or 14 characters, such as
# an amount in English ("¥12.86 million", "¥3.47 billion"), broke onto a second line.
LONG_VALUE = 12


@dataclass(frozen=True)
class MetricCard:
    """One figure: what st.metric shows, and optionally a trend, a note, a target badge and a deadline."""
    label: str
    value: str
    help: str | None = None
    delta: str | None = None
    direction: str | None = None  # "up" (green), "down" (red), "off" or None (grey, no arrow)
    trend_html: str | None = None  # a picture from components.sparkline
    note: str | None = None  # a line under the value (its period, its share of a whole)
    badge: str | None = None  # e.g. "✓ 已达标 · 目标 100%"
    badge_colour: str = "gray"  # green | orange | red | gray
    deadline: str | None = None


def render(cards: list[MetricCard], border: bool = False, columns: int | None = None) -> str:
    """The HTML of a row of cards (one grid; each card one cell). A long value is drawn smaller, and so
    is every value on its line of the grid, so the figures side by side keep one size."""
    count = columns or max(len(cards), 1)
    long_lines = {index // count for index, card in enumerate(cards) if len(card.value) > LONG_VALUE}
    cells = "".join(_card(card, border, index // count in long_lines) for index, card in enumerate(cards))
    return f'{STYLE}<div class="hz-metrics" style="--hz-columns: {count}">{cells}</div>'


def draw(cards: list[MetricCard], border: bool = False, columns: int | None = None) -> None:
    """Draw a row of cards as one element."""
    if cards:
        st.html(render(cards, border, columns))


def direction(change: float | None) -> str | None:
    """The direction of a change for a card's arrow and colour: up, down, or off (none or no change)."""
    if change is None or change != change:  # None or NaN
        return None
    return "up" if change > 0 else "down" if change < 0 else "off"


def _card(card: MetricCard, border: bool, smaller: bool) -> str:
    label, value = html.escape(card.label), html.escape(card.value)
    parts = [f'<div class="hz-metric-label"><span>{label}</span>{_help(card.help)}</div>',
             f'<div class="hz-metric-value{" hz-long" if smaller else ""}">{value}</div>']
    if card.delta:
        colour = {"up": "green", "down": "red"}.get(card.direction or "", "gray")
        arrow = ARROWS.get(card.direction or "", "")
        parts.append(_pill(f"{arrow} {card.delta}".strip(), colour, f"hz-delta hz-{card.direction or 'off'}"))
    if card.trend_html:
        parts.append(f'<div class="hz-metric-trend">{card.trend_html}</div>')
    if card.note:
        parts.append(f'<div class="hz-metric-note">{html.escape(card.note)}</div>')
    if card.badge:
        parts.append(f"<div>{_pill(card.badge, card.badge_colour)}</div>")
    if card.deadline:
        parts.append(f'<div class="hz-metric-note">{html.escape(card.deadline)}</div>')
    classes = "hz-metric hz-border" if border else "hz-metric"
    return (f'<div class="{classes}" data-metric-label="{label}" data-metric-value="{value}">'
            f'{"".join(parts)}</div>')


def _help(text: str | None) -> str:
    if not text:
        return ""
    escaped = html.escape(text)
    return f'<span class="hz-metric-help" title="{escaped}" aria-label="{escaped}" role="img" tabindex="0">?</span>'


def _pill(text: str, colour: str, classes: str = "") -> str:
    colour = colour if colour in TEXT_COLOURS else "gray"
    names = f"hz-pill {classes}".strip()
    return (f'<span class="{names}" style="color: {TEXT_COLOURS[colour]}; background: {BACKGROUNDS[colour]}">'
            f"{html.escape(text)}</span>")
