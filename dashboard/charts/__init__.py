"""Chart builders (Plotly): one module per area; this module holds the shared look, and the cache
every builder goes through."""
from __future__ import annotations

import functools

import plotly.graph_objects as go
import streamlit as st

from dashboard import settings

FONT_FAMILY = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
# Colour-blind-safe palette (Okabe–Ito), in the order series are drawn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]


def style(figure: go.Figure, title: str, unit: str = "") -> go.Figure:
    """Apply the dashboard's look: title naming the subject and filter, and the unit written level
    above the plot (a rotated axis title turns a one-character unit such as 个 into an arrow-like
    glyph, and vertical Chinese is hard to read)."""
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        font={"family": FONT_FAMILY, "size": 14},
        colorway=PALETTE, template="plotly_white",
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": -0.25, "x": 0},
    )
    if unit:
        from dashboard.i18n import t
        # Top right: charts put their notes at the top left.
        figure.add_annotation(text=t("chart.unit", unit=unit), xref="paper", yref="paper", x=1.0, y=1.0,
                              xanchor="right", yanchor="bottom", showarrow=False, font={"size": 12, "color": "#666"})
    return figure


# ---- building each chart once ------------------------------------------------------------------
# Plotly validates every property it is given, and the template alone costs some 25 ms a chart, so a
# page of seven charts spent a quarter of a second of server time building the same figures on every
# rerun. A builder decorated with @cached_figure builds its figure once for its arguments (the
# queried frames included, so new data builds anew) and the session's language; a hit rebuilds the
# already-validated figure from its dict without validating again (about 3 ms).
_BUILDERS: dict[str, object] = {}


def cached_figure(builder):
    """Memoise a figure builder on its arguments and the language (see above)."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    _BUILDERS[name] = builder

    @functools.wraps(builder)
    def wrapper(*args, **kwargs) -> go.Figure:
        from dashboard.i18n import current_language
        return go.Figure(_figure_dict(name, current_language(), args, kwargs), _validate=False)
    return wrapper


@st.cache_data(ttl=settings.get_int("CACHE_TTL_SECONDS"), max_entries=1000, show_spinner=False)
def _figure_dict(name: str, language: str, args: tuple, kwargs: dict) -> dict:
    # language is part of the key because builders read catalogue texts in the session's language.
    return _BUILDERS[name](*args, **kwargs).to_dict()
