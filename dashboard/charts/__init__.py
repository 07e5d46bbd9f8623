"""Chart builders (Plotly): one module per area; this module holds the shared look."""
from __future__ import annotations

import plotly.graph_objects as go

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
