"""The charity Sankey's links, built from aggregates: sources of funds and the balance brought forward
→ organisations (the largest few, then 其他) → programmes and the balance carried forward → where the
money went. Pure functions, so the balance of every node can be tested on hand-made figures."""
from __future__ import annotations

import pandas as pd

TOP_ORGANISATIONS = 10  # organisations drawn on their own; the rest are merged into one node
OTHER = "other"
BROUGHT_FORWARD, CARRIED_FORWARD = "brought_forward", "carried_forward"
LINK_COLUMNS = ["source_kind", "source_code", "target_kind", "target_code", "amount_yuan"]


def organisation_groups(balances: pd.DataFrame, top_n: int = TOP_ORGANISATIONS) -> dict[str, str]:
    """Each organisation's node: itself for the top_n by money raised plus disbursed, else 'other'."""
    turnover = balances.assign(turnover=balances["raised_yuan"] + balances["disbursed_yuan"])
    ranked = turnover.sort_values(["turnover", "organisation_code"], ascending=[False, True])
    top = set(ranked["organisation_code"].head(top_n))
    return {code: (code if code in top else OTHER) for code in balances["organisation_code"]}


def sankey_links(balances: pd.DataFrame, raised: pd.DataFrame, disbursed: pd.DataFrame,
                 destinations: pd.DataFrame, top_n: int = TOP_ORGANISATIONS) -> pd.DataFrame:
    """The links of the four-column Sankey, summed per pair of nodes, zero links left out.

    balances: organisation_code, opening_balance_yuan, raised_yuan, disbursed_yuan, closing_balance_yuan
    raised: organisation_code, source_type, amount_yuan; disbursed: organisation_code, programme_code,
    amount_yuan; destinations: programme_code, destination_code, amount_yuan.
    Returns LINK_COLUMNS; kinds are source, balance, organisation, programme, destination.
    """
    group = organisation_groups(balances, top_n)
    parts = [
        raised.assign(source_kind="source", source_code=raised["source_type"],
                      target_kind="organisation", target_code=raised["organisation_code"].map(group)),
        balances.assign(source_kind="balance", source_code=BROUGHT_FORWARD, target_kind="organisation",
                        target_code=balances["organisation_code"].map(group),
                        amount_yuan=balances["opening_balance_yuan"]),
        disbursed.assign(source_kind="organisation", source_code=disbursed["organisation_code"].map(group),
                         target_kind="programme", target_code=disbursed["programme_code"]),
        balances.assign(source_kind="organisation", source_code=balances["organisation_code"].map(group),
                        target_kind="balance", target_code=CARRIED_FORWARD,
                        amount_yuan=balances["closing_balance_yuan"]),
        destinations.assign(source_kind="programme", source_code=destinations["programme_code"],
                            target_kind="destination", target_code=destinations["destination_code"]),
    ]
    links = pd.concat([p[LINK_COLUMNS] for p in parts if not p.empty], ignore_index=True) \
        if any(not p.empty for p in parts) else pd.DataFrame(columns=LINK_COLUMNS)
    links = links.groupby(LINK_COLUMNS[:4], as_index=False, sort=False)["amount_yuan"].sum()
    return links[links["amount_yuan"] != 0].reset_index(drop=True)


def node_imbalances(links: pd.DataFrame) -> pd.DataFrame:
    """For every node with links both in and out: what enters minus what leaves (0 when balanced).
    Columns: kind, code, in_yuan, out_yuan, imbalance_yuan."""
    into = links.groupby(["target_kind", "target_code"])["amount_yuan"].sum()
    out = links.groupby(["source_kind", "source_code"])["amount_yuan"].sum()
    into.index.names = out.index.names = ["kind", "code"]
    both = pd.concat([into.rename("in_yuan"), out.rename("out_yuan")], axis=1).dropna().reset_index()
    return both.assign(imbalance_yuan=both["in_yuan"] - both["out_yuan"])
