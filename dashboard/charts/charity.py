"""Charts and tables of charity money: where it came from, who held it, what it paid for, where it
went, and the balance carried from year to year."""
from __future__ import annotations

import pandas as pd

from dashboard import charity_flows, codes, formatting
from dashboard.charts import PALETTE, Chart, chart, items, number, tip
from dashboard.charts.display import code_name, in_yi, labelled, table
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


SANKEY_HEIGHT = 760
WATERFALL_HEIGHT = 600
NOTE_LINE_PX = 20  # one line of the overspend note, which sits between the unit and the plot


def sankey(links: pd.DataFrame, names: dict[str, str], destination: str, title: str, language: str) -> Chart:
    """The four-column Sankey in 亿元, every label written beside its node, each node's and each flow's
    amount in its tooltip as officials write it. Nodes are told apart by kind and code (a source and a
    destination may both be called 其他), so each carries its name as its own label and tooltip text."""
    sources = list(zip(links["source_kind"], links["source_code"]))
    targets = list(zip(links["target_kind"], links["target_code"]))
    nodes = list(dict.fromkeys(sources + targets))
    labels = {node: node_name(*node, names, destination, language) for node in nodes}
    amounts = [float(v) for v in links["amount_yuan"]]
    flowing = {node: max(sum(v for s, v in zip(sources, amounts) if s == node),
                         sum(v for t_, v in zip(targets, amounts) if t_ == node)) for node in nodes}
    data = [{"id": f"{kind}:{code}", "name": labels[(kind, code)], "itemStyle": {"color": NODE_COLOURS[kind]},
             "label": {"formatter": labels[(kind, code)]},
             "tooltip": {"formatter": tip(f"{labels[(kind, code)]}：{formatting.format_yuan(flowing[(kind, code)], language)}")}}
            for kind, code in nodes]
    edges = [{"source": f"{s[0]}:{s[1]}", "target": f"{t_[0]}:{t_[1]}", "value": number(v),
              "tooltip": {"formatter": tip(f"{labels[s]} → {labels[t_]}：{formatting.format_yuan(amount, language)}")}}
             for s, t_, v, amount in zip(sources, targets, in_yi(links["amount_yuan"]), amounts)]
    return chart(title, height=SANKEY_HEIGHT, series=[{
        "type": "sankey", "left": 0, "right": 150, "top": 44, "bottom": 8, "nodeWidth": 16, "nodeGap": 12,
        "nodeAlign": "justify", "layoutIterations": 32, "draggable": False,
        "emphasis": {"focus": "adjacency"},
        # A white halo keeps a label readable where it crosses the flows.
        "label": {"position": "right", "fontSize": 12, "color": "#333", "textBorderColor": "#fff",
                  "textBorderWidth": 2},
        "itemStyle": {"borderColor": "#444", "borderWidth": 0.5},
        "lineStyle": {"color": "rgba(120,120,120,0.25)", "curveness": 0.5, "opacity": 1},
        "data": data, "links": edges}])


def balance_waterfall(frame: pd.DataFrame, title: str, language: str) -> Chart:
    """Year by year: balance brought forward, + raised, − disbursed, = balance carried forward (bars
    floating on an invisible base, dotted connectors at each running balance); a year that disbursed
    more than it raised is explained by a boxed note naming the balance it drew on."""
    steps = []  # (label, kind, signed amount in yuan, text)
    first = frame.iloc[0]
    steps.append((t("charity.step.opening", year=first["year"]), "total", float(first["opening_balance_yuan"]),
                  formatting.format_yuan(first["opening_balance_yuan"], language)))
    for row in frame.itertuples():
        steps.append((t("charity.step.raised", year=row.year), "increase", float(row.raised_yuan),
                      "+" + formatting.format_yuan(row.raised_yuan, language)))
        steps.append((t("charity.step.disbursed", year=row.year), "decrease", -float(row.disbursed_yuan),
                      "−" + formatting.format_yuan(row.disbursed_yuan, language)))
        steps.append((t("charity.step.closing", year=row.year), "total", float(row.closing_balance_yuan),
                      formatting.format_yuan(row.closing_balance_yuan, language)))
    colours = {"increase": PALETTE[2], "decrease": PALETTE[3], "total": PALETTE[0]}
    bases, bars, levels, level = [], [], [], 0.0
    for label, kind, amount, text in steps:
        if kind == "total":
            base, height, level = 0.0, amount, amount
        else:
            base, height, level = min(level, level + amount), abs(amount), level + amount
        bases.append(number(base / formatting.YI))
        levels.append(number(level / formatting.YI))
        # A disbursement's amount under its bar, so it never meets the raised amount beside it.
        bars.append({"value": number(height / formatting.YI), "itemStyle": {"color": colours[kind]},
                     "label": {"formatter": text, "position": "bottom" if kind == "decrease" else "top"},
                     "tooltip": {"formatter": f"{{b}}：{text}"}})
    notes = [t("charity.note.overspend", year=row.year,
               gap=formatting.format_yuan(row.disbursed_yuan - row.raised_yuan, language),
               opening=formatting.format_yuan(row.opening_balance_yuan, language),
               closing=formatting.format_yuan(row.closing_balance_yuan, language))
             for row in frame.itertuples() if row.disbursed_yuan > row.raised_yuan]
    note_lines = sum(note.count("\n") + 1 for note in notes)
    figure = chart(title, t("flows.unit.yi_yuan"), height=WATERFALL_HEIGHT + NOTE_LINE_PX * note_lines,
                   xAxis={"type": "category", "data": [label for label, *_ in steps],
                          "axisLabel": {"rotate": 45, "interval": 0}},
                   yAxis={"type": "value"},
                   # Room on the left for the first step's name, slanted under the axis.
                   grid={"left": 56, "right": 24, "top": 64, "bottom": 12, "containLabel": True},
                   series=[
                       {"type": "line", "step": "end", "data": levels, "symbol": "none", "silent": True, "z": 1,
                        "lineStyle": {"color": "#888", "type": "dotted", "width": 1}, "tooltip": {"show": False}},
                       {"type": "bar", "stack": "waterfall", "data": bases, "silent": True, "z": 2,
                        "itemStyle": {"color": "transparent"}, "tooltip": {"show": False}},
                       {"type": "bar", "stack": "waterfall", "data": bars, "z": 2, "barCategoryGap": "30%",
                        "label": {"show": True, "position": "top", "fontSize": 11, "color": "#555"}}])
    if notes:
        option = figure.option
        option["title"].append({"text": "\n".join(notes), "left": 4, "top": 58,
                                "textStyle": {"fontSize": 12, "fontWeight": "normal", "color": "#444",
                                              "lineHeight": 18},
                                "backgroundColor": "rgba(255,255,255,0.95)", "borderColor": PALETTE[3],
                                "borderWidth": 1, "padding": 6})
        option["grid"] = {**option["grid"], "top": option["grid"]["top"] + 20 + NOTE_LINE_PX * note_lines}
    return figure


def community_funds_by_county(frame: pd.DataFrame, title: str, language: str) -> Chart:
    """Bars of money raised by community funds per county (万元), funds and micro-projects as text."""
    names = [codes.label("county", c, language) for c in frame["county_code"]]
    texts = [t("charity.funds_text", funds=f, projects=p, raised=formatting.format_yuan(r, language))
             for f, p, r in zip(frame["fund_count"], frame["micro_project_count"], frame["raised_yuan"])]
    values = (frame["raised_yuan"] / formatting.WAN).round(1)
    return chart(title, t("flows.unit.wan_yuan"), xAxis={"type": "category", "data": names,
                                                         "axisLabel": {"interval": 0}},
                 yAxis={"type": "value"},
                 series=[{"type": "bar", "itemStyle": {"color": PALETTE[2]}, "barMaxWidth": 120,
                          "label": {"show": True, "position": "top", "fontSize": 11, "color": "#555"},
                          "data": items(values, texts)}])


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
    """The community funds, in 万元; a fund of a whole county (no township) or with no date of setting up
    on record shows a dash there."""
    frame = frame.fillna({"township_name_zh": "—", "established_on": "—"})
    return table(labelled(frame, {"county_code": "county"}, language),
                 {"fund_name_zh": "flows.col.fund", "county_code": "flows.col.county", "township_name_zh": "flows.col.township",
                  "established_on": "flows.col.established_on", "raised_yuan": "flows.col.raised_wan",
                  "micro_project_count": "flows.col.micro_projects"}, money=("raised_yuan",))
