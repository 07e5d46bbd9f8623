"""Charts and tables of charity money: where it came from, who held it, what it paid for, where it
went, and the balance carried from year to year."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import charity_flows, codes, formatting
from dashboard.charts import PALETTE, cached_figure, style
from dashboard.charts.display import code_name, in_yi, labelled, plain_numbers, table
from dashboard.i18n import t

NODE_COLOURS = {"source": PALETTE[1], "balance": "#999999", "organisation": PALETTE[0],
                "programme": PALETTE[2], "destination": PALETTE[4]}


def node_name(kind: str, code: str, names: dict[str, str], destination: str, language: str) -> str:
    """A node's label: the source, organisation, programme, county or group by name."""
    if kind == "source":
        return code_name("charity_source", code, language)
    if kind == "balance":
        return t(f"charity.node.{code}")
    if kind == "organisation":
        return t("flows.other_organisations") if code == charity_flows.OTHER else names.get(code, code)
    if kind == "programme":
        return code_name("programme", code, language)
    return code_name("group" if destination == "group" else "county", code, language)


@cached_figure
def sankey(links: pd.DataFrame, names: dict[str, str], destination: str, title: str,
           language: str) -> go.Figure:
    """The four-column Sankey; amounts in 亿元 in the hover, every label written on its node."""
    nodes = list(dict.fromkeys(
        list(zip(links["source_kind"], links["source_code"])) + list(zip(links["target_kind"], links["target_code"]))))
    index = {node: i for i, node in enumerate(nodes)}
    labels = [node_name(k, c, names, destination, language) for k, c in nodes]
    figure = go.Figure(go.Sankey(
        arrangement="snap", valueformat=".2f", valuesuffix=t("flows.unit.yi_yuan"),
        node={"label": labels, "pad": 12, "thickness": 16, "line": {"color": "#444", "width": 0.5},
              "color": [NODE_COLOURS[k] for k, _ in nodes]},
        link={"source": [index[(k, c)] for k, c in zip(links["source_kind"], links["source_code"])],
              "target": [index[(k, c)] for k, c in zip(links["target_kind"], links["target_code"])],
              "value": in_yi(links["amount_yuan"]).tolist(), "color": "rgba(120,120,120,0.25)"}))
    figure.update_layout(height=760)
    return plain_numbers(style(figure, title))


@cached_figure
def balance_waterfall(frame: pd.DataFrame, title: str, language: str) -> go.Figure:
    """Year by year: balance brought forward, + raised, − disbursed, = balance carried forward; a year
    that disbursed more than it raised is explained by a note naming the balance it drew on."""
    x, y, measure, text = [], [], [], []
    first = frame.iloc[0]
    x.append(t("charity.step.opening", year=first["year"]))
    y.append(float(first["opening_balance_yuan"]))
    measure.append("absolute")
    text.append(formatting.format_yuan(first["opening_balance_yuan"], language))
    for row in frame.itertuples():
        for label, value, kind in ((t("charity.step.raised", year=row.year), row.raised_yuan, "relative"),
                                   (t("charity.step.disbursed", year=row.year), -row.disbursed_yuan, "relative"),
                                   (t("charity.step.closing", year=row.year), row.closing_balance_yuan, "total")):
            x.append(label)
            y.append(float(value) if kind == "relative" else 0.0)
            measure.append(kind)
            sign = "" if kind == "total" else "+" if value > 0 else "−"
            text.append(sign + formatting.format_yuan(abs(value), language))
    figure = go.Figure(go.Waterfall(
        x=x, y=[v / formatting.YI for v in y], measure=measure, text=text, textposition="outside",
        increasing={"marker": {"color": PALETTE[2]}}, decreasing={"marker": {"color": PALETTE[3]}},
        totals={"marker": {"color": PALETTE[0]}}, connector={"line": {"color": "#888", "dash": "dot"}},
        hovertemplate="%{x}: %{text}<extra></extra>"))
    notes = [t("charity.note.overspend", year=row.year,
               gap=formatting.format_yuan(row.disbursed_yuan - row.raised_yuan, language),
               opening=formatting.format_yuan(row.opening_balance_yuan, language),
               closing=formatting.format_yuan(row.closing_balance_yuan, language))
             for row in frame.itertuples() if row.disbursed_yuan > row.raised_yuan]
    if notes:
        figure.add_annotation(xref="paper", yref="paper", x=0, y=1.02, xanchor="left", yanchor="bottom",
                              text="<br>".join(notes), showarrow=False, align="left",
                              bgcolor="rgba(255,255,255,0.95)", bordercolor=PALETTE[3], borderpad=6)
    figure.update_xaxes(type="category", tickangle=-45)
    figure.update_layout(height=600, showlegend=False)
    style(figure, title, t("flows.unit.yi_yuan"))
    figure.update_layout(margin={"t": 100 + 44 * len(notes)})
    return figure


@cached_figure
def community_funds_by_county(frame: pd.DataFrame, title: str, language: str) -> go.Figure:
    """Bars of money raised by community funds per county (万元), funds and micro-projects as text."""
    names = [codes.label("county", c, language) for c in frame["county_code"]]
    text = [t("charity.funds_text", funds=f, projects=p, raised=formatting.format_yuan(r, language))
            for f, p, r in zip(frame["fund_count"], frame["micro_project_count"], frame["raised_yuan"])]
    figure = go.Figure(go.Bar(x=names, y=(frame["raised_yuan"] / formatting.WAN).round(1), text=text,
                              textposition="outside", marker_color=PALETTE[2],
                              hovertemplate="%{x}: %{text}<extra></extra>"))
    figure.update_layout(height=420)
    return plain_numbers(style(figure, title, t("flows.unit.wan_yuan")))


def balance_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The year-by-year balance in 万元."""
    return table(frame, {"year": "flows.col.year", "opening_balance_yuan": "flows.col.opening_wan",
                         "raised_yuan": "flows.col.raised_wan", "disbursed_yuan": "flows.col.disbursed_wan",
                         "closing_balance_yuan": "flows.col.closing_wan"},
                 money=("opening_balance_yuan", "raised_yuan", "disbursed_yuan", "closing_balance_yuan"))


def links_table(links: pd.DataFrame, names: dict[str, str], destination: str, language: str) -> pd.DataFrame:
    """The Sankey's links as rows: from, to, amount in 万元."""
    shown = links.assign(
        source=[node_name(k, c, names, destination, language) for k, c in zip(links["source_kind"], links["source_code"])],
        target=[node_name(k, c, names, destination, language) for k, c in zip(links["target_kind"], links["target_code"])])
    return table(shown, {"source": "flows.col.flow_from", "target": "flows.col.flow_to", "amount_yuan": "flows.col.amount_wan"},
                 money=("amount_yuan",))


def organisation_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """Each organisation's balance over the period, in 万元."""
    shown = labelled(frame, {"county_code": "county"}, language)
    shown["county_code"] = [n if c is not None else t("flows.city_level")
                            for n, c in zip(shown["county_code"], frame["county_code"])]
    return table(shown, {"organisation_name_zh": "flows.col.organisation", "county_code": "flows.col.registered_in",
                         "opening_balance_yuan": "flows.col.opening_wan", "raised_yuan": "flows.col.raised_wan",
                         "disbursed_yuan": "flows.col.disbursed_wan", "closing_balance_yuan": "flows.col.closing_wan"},
                 money=("opening_balance_yuan", "raised_yuan", "disbursed_yuan", "closing_balance_yuan"))


def funds_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """The community funds, in 万元."""
    return table(labelled(frame, {"county_code": "county"}, language),
                 {"fund_name_zh": "flows.col.fund", "county_code": "flows.col.county", "township_name_zh": "flows.col.township",
                  "established_on": "flows.col.established_on", "raised_yuan": "flows.col.raised_wan",
                  "micro_project_count": "flows.col.micro_projects"}, money=("raised_yuan",))
