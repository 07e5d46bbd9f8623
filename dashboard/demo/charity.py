"""Demo charity organisations, money raised and disbursed (2019-2023), and community funds.

2023 totals equal the letter's (raised 250M yuan, disbursed 347M yuan, 78 organisations, 54 community
funds raising 18.17M yuan with 651 micro-projects). Disbursing more than was raised in 2023 is paid
from balances carried forward from earlier years, which the data holds.
"""
from __future__ import annotations

import random
from datetime import date

import pandas as pd

from dashboard import codes
from dashboard.demo.allocation import allocate
from dashboard.demo.places import Places

ORGANISATIONS = 78
OPENING_BALANCE_YUAN = 60_000_000  # held by the organisations on 1 January 2019
RAISED_BY_YEAR = {2019: 180_000_000, 2020: 260_000_000, 2021: 230_000_000, 2022: 240_000_000,
                  2023: 250_000_000}
DISBURSED_BY_YEAR = {2019: 150_000_000, 2020: 230_000_000, 2021: 200_000_000, 2022: 215_000_000,
                     2023: 347_000_000}
SOURCE_WEIGHT = {"enterprise": 0.46, "individual": 0.24, "community_fund": 0.05, "government": 0.17,
                 "other": 0.08}
PROGRAMME_WEIGHT = {"serious_illness": 0.26, "eyesight_for_enlistment": 0.04, "home_renovation": 0.12,
                    "child_welfare": 0.18, "happy_home": 0.08, "rural_revitalisation": 0.22,
                    "emergency_relief": 0.10}
PROGRAMME_GROUPS = {
    "serious_illness": ["subsistence_allowance", "marginal_allowance", "expenditure_hardship"],
    "eyesight_for_enlistment": ["other"], "home_renovation": ["elderly_in_difficulty"],
    "child_welfare": ["children_in_difficulty", "left_behind_children"],
    "happy_home": ["elderly_in_difficulty", "left_behind_women"],
    "rural_revitalisation": ["subsistence_allowance", "other"],
    "emergency_relief": ["extreme_poverty", "vagrant", "expenditure_hardship"],
}
# Spread of each organisation's share of a year's disbursements around its share of the money held.
DISBURSED_SHARE_JITTER = (0.95, 1.05)
COMMUNITY_FUNDS, COMMUNITY_FUND_RAISED_YUAN, MICRO_PROJECTS = 54, 18_170_000, 651


def generate_organisations(rng: random.Random) -> pd.DataFrame:
    """The 78 organisations (demo names), where registered, and their opening balances."""
    counties = codes.codes("county")
    county_of = [None] * 6 + [counties[i % len(counties)] for i in range(ORGANISATIONS - 6)]
    sizes = [rng.lognormvariate(0, 1.0) * (4 if c is None else 1) for c in county_of]
    balances = allocate(OPENING_BALANCE_YUAN, sizes)
    rows = []
    for index, (county, size, balance) in enumerate(zip(county_of, sizes, balances), start=1):
        place = "惠州市" if county is None else codes.label("county", county, "zh")
        rows.append({"organisation_code": f"DEMO-C{index:03d}", "name_zh": f"{place}示例慈善组织{index:02d}",
                     "county_code": county, "size": size,
                     "registered_on": date(2012 + rng.randrange(11), 1 + rng.randrange(12), 1),
                     "opening_balance_yuan": balance, "opening_balance_on": date(2019, 1, 1)})
    return pd.DataFrame(rows)


def generate_flows(organisations: pd.DataFrame, rng: random.Random) -> pd.DataFrame:
    """Monthly money raised (by source) and disbursed (by programme, county and group).

    Each year's disbursements are shared among the organisations in proportion to what each holds
    (balance carried forward plus that year's receipts), so no organisation ends a year below zero.
    """
    balance = dict(zip(organisations["organisation_code"], organisations["opening_balance_yuan"]))
    rows = []
    for year in RAISED_BY_YEAR:
        raised = _year_flows(organisations, year, "raised", RAISED_BY_YEAR[year], rng)
        for row in raised:
            balance[row["organisation_code"]] += row["amount_yuan"]
        shares = allocate(DISBURSED_BY_YEAR[year], [balance[o] * rng.uniform(*DISBURSED_SHARE_JITTER)
                                                    for o in organisations["organisation_code"]])
        disbursed = []
        for org, share in zip(organisations.itertuples(), shares):
            disbursed += _year_flows(organisations[organisations["organisation_code"] == org.organisation_code],
                                     year, "disbursed", share, rng) if share else []
            balance[org.organisation_code] -= share
        if min(balance.values()) < 0:
            raise ValueError(f"an organisation's balance fell below zero in {year}")
        rows += raised + disbursed
    return pd.DataFrame(rows)


def _year_flows(organisations, year: int, direction: str, total: int, rng: random.Random) -> list[dict]:
    cells = []
    for org in organisations.itertuples():
        for month in range(1, 13):
            kinds = SOURCE_WEIGHT if direction == "raised" else PROGRAMME_WEIGHT
            for kind in rng.sample(list(kinds), 2):
                cells.append((org, month, kind, org.size * kinds[kind] * rng.uniform(0.3, 1.7)))
    amounts = allocate(total, [c[3] for c in cells])
    counties = codes.codes("county")
    rows = []
    for (org, month, kind, _), amount in zip(cells, amounts):
        county = org.county_code if isinstance(org.county_code, str) else rng.choice(counties)
        row = {"flow_date": date(year, month, 1 + rng.randrange(28)), "direction": direction,
               "organisation_code": org.organisation_code, "county_code": county, "amount_yuan": amount}
        if direction == "raised":
            row.update(source_type=kind, programme_code=rng.choices(
                list(PROGRAMME_WEIGHT), list(PROGRAMME_WEIGHT.values()))[0], beneficiary_group=None)
        else:
            row.update(source_type=None, programme_code=kind,
                       beneficiary_group=rng.choice(PROGRAMME_GROUPS[kind]))
        rows.append(row)
    return rows


def generate_community_funds(places: Places, rng: random.Random) -> pd.DataFrame:
    """The 54 community funds (demo names) in townships, with what they raised and their projects."""
    townships = places.townships[places.townships["kind"].isin(["town", "street"])]
    chosen = townships.sample(n=COMMUNITY_FUNDS, random_state=rng.randrange(2**31)).sort_values(
        "township_code")
    weights = [rng.lognormvariate(0, 0.6) for _ in range(COMMUNITY_FUNDS)]
    raised = allocate(COMMUNITY_FUND_RAISED_YUAN, weights)
    projects = allocate(MICRO_PROJECTS, weights)
    return pd.DataFrame([{
        "fund_code": f"DEMO-F{index:02d}", "name_zh": f"{t.name_zh}示例社区基金",
        "county_code": t.county_code, "township_code": t.township_code,
        "established_on": date(2021 + rng.randrange(3), 1 + rng.randrange(12), 1),
        "raised_yuan": amount, "micro_project_count": project_count}
        for index, (t, amount, project_count) in enumerate(zip(chosen.itertuples(), raised, projects), 1)])
