"""Demo monitored population, risk warnings and code-submitted assistance requests, January 2023 to
May 2024. The latest month's monitored population equals the letter's 约11.97万 (as 119,700) and the
handled requests its 600余宗 (612 handled, a few still open); everything finer is generated."""
from __future__ import annotations

import random
from collections import Counter

import pandas as pd

from dashboard import codes
from dashboard.demo.allocation import allocate
from dashboard.demo.places import Places

FIRST_MONTH, LAST_MONTH = (2023, 1), (2024, 5)
MONITORED_LATEST = 119_700
MONITORED_GROWTH_PER_MONTH = 0.004  # the monitored population grew slowly as categories widened
REQUESTS_HANDLED, REQUESTS_OPEN = 612, 9
WARNINGS_PER_1000_MONITORED_PER_MONTH = 3.0
STALLED_WARNING_SHARE = 0.02  # warnings still open long after they were raised: the backlog to chase
# Plausible shares, not published.
CATEGORY_SHARE = {"subsistence_allowance": 0.52, "extreme_poverty": 0.12, "children_in_difficulty": 0.04,
                  "marginal_allowance": 0.22, "expenditure_hardship": 0.10}
DEPARTMENT_TYPES = {
    "public_security": ["household_change", "asset_change"], "health": ["serious_illness"],
    "medical_insurance": ["high_medical_expense"], "human_resources": ["unemployment"],
    "housing": ["asset_change"], "market_regulation": ["asset_change"],
    "disabled_federation": ["new_disability"], "education": ["school_dropout"],
}
DEPARTMENT_WEIGHT = {"public_security": 1.2, "health": 1.0, "medical_insurance": 1.6, "human_resources": 0.9,
                     "housing": 0.4, "market_regulation": 0.5, "disabled_federation": 0.5, "education": 0.3}
BROUGHT_IN_SHARE = {"household_change": 0.25, "high_medical_expense": 0.55, "serious_illness": 0.5,
                    "unemployment": 0.45, "new_disability": 0.6, "asset_change": 0.05, "school_dropout": 0.4}
NEED_WEIGHT = {"basic_living": 3.0, "medical": 2.5, "education": 1.0, "housing": 0.8, "employment": 1.0,
               "temporary": 2.0, "care": 1.2, "psychological": 0.6}
RURAL_FACTOR = {"town": 1.4, "ethnic_township": 1.5, "street": 0.7, "other": 0.3}


def months() -> list[str]:
    """The months of the demo, as 'YYYY-MM'."""
    (year, month), result = FIRST_MONTH, []
    while (year, month) <= LAST_MONTH:
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _township_weights(places: Places, rng: random.Random) -> pd.DataFrame:
    townships = places.townships[places.townships["population_count"] > 0].copy()
    townships["weight"] = [row.population_count * RURAL_FACTOR[row.kind] * rng.lognormvariate(0, 0.3)
                           for row in townships.itertuples()]
    return townships[["township_code", "county_code", "weight"]].reset_index(drop=True)


def generate_monitored(places: Places, rng: random.Random) -> pd.DataFrame:
    """People under monitoring per month, township and category; the latest month totals 119,700."""
    townships = _township_weights(places, rng)
    mix = {(t, c): share * rng.uniform(0.7, 1.3) for t in townships["township_code"]
           for c, share in CATEGORY_SHARE.items()}
    all_months = months()
    frames = []
    for index, month in enumerate(all_months):
        total = round(MONITORED_LATEST * (1 - MONITORED_GROWTH_PER_MONTH) ** (len(all_months) - 1 - index))
        cells = [(t, cty, c, w * mix[(t, c)]) for t, cty, w in townships.itertuples(index=False)
                 for c in CATEGORY_SHARE]
        frames.append(pd.DataFrame({
            "month": month, "township_code": [c[0] for c in cells], "county_code": [c[1] for c in cells],
            "category_code": [c[2] for c in cells], "person_count": allocate(total, [c[3] for c in cells])}))
    return pd.concat(frames, ignore_index=True)


def _days_open(month: str, day: int = 15) -> int:
    """Days from a day of a month to the end of the export (the last demo month)."""
    last = pd.Period(f"{LAST_MONTH[0]}-{LAST_MONTH[1]:02d}", freq="M").end_time
    return int((last - pd.Timestamp(f"{month}-{day:02d}")).days)


def generate_warnings(monitored: pd.DataFrame, rng: random.Random) -> pd.DataFrame:
    """Risk warnings per month, township, department, type, outcome and days to handle."""
    departments = list(DEPARTMENT_WEIGHT)
    counts: Counter = Counter()
    for row in monitored.groupby(["month", "township_code", "county_code"])["person_count"].sum() \
            .reset_index().itertuples(index=False):
        expected = row.person_count * WARNINGS_PER_1000_MONITORED_PER_MONTH / 1000
        for _ in range(_poisson(expected, rng)):
            department = rng.choices(departments, weights=[DEPARTMENT_WEIGHT[d] for d in departments])[0]
            warning_type = rng.choice(DEPARTMENT_TYPES[department])
            days = max(1, round(rng.lognormvariate(2.1, 0.6)))  # median about 8 days
            open_so_far = _days_open(row.month, rng.randint(1, 28))
            if days > open_so_far or rng.random() < STALLED_WARNING_SHARE:
                outcome, days = codes.OPEN_OUTCOME, max(0, open_so_far)
            else:
                outcome = "brought_in" if rng.random() < BROUGHT_IN_SHARE[warning_type] else "not_eligible"
            counts[(row.month, row.township_code, row.county_code, department, warning_type, outcome,
                    days)] += 1
    return _frame(counts, ["month", "township_code", "county_code", "source_department", "warning_type",
                           "outcome", "days_to_handle"], "warning_count")


def generate_requests(monitored: pd.DataFrame, rng: random.Random) -> pd.DataFrame:
    """Requests submitted by code per month, township, need, outcome and days to handle; 612 handled."""
    latest = monitored[monitored["month"] == monitored["month"].max()]
    places = latest.groupby(["township_code", "county_code"])["person_count"].sum().reset_index()
    all_months = months()
    month_weights = [0.5 + index / len(all_months) for index in range(len(all_months))]  # uptake grew
    needs = list(NEED_WEIGHT)
    counts: Counter = Counter()
    for number in range(REQUESTS_HANDLED + REQUESTS_OPEN):
        is_open = number >= REQUESTS_HANDLED
        month = all_months[-1 - rng.randrange(2)] if is_open else rng.choices(all_months, month_weights)[0]
        place = places.iloc[rng.choices(range(len(places)), weights=places["person_count"].tolist())[0]]
        need = rng.choices(needs, weights=[NEED_WEIGHT[n] for n in needs])[0]
        if is_open:
            outcome, days = codes.OPEN_OUTCOME, _days_open(month)
        else:
            outcome = rng.choices(["assisted", "referred", "not_eligible"], weights=[0.62, 0.25, 0.13])[0]
            days = min(max(1, round(rng.lognormvariate(1.8, 0.7))), max(1, _days_open(month)))
        counts[(month, place.township_code, place.county_code, need, outcome, days)] += 1
    return _frame(counts, ["month", "township_code", "county_code", "need_code", "outcome", "days_to_handle"],
                  "request_count")


def _frame(counts: Counter, columns: list[str], count_column: str) -> pd.DataFrame:
    rows = [(*key, value) for key, value in sorted(counts.items())]
    return pd.DataFrame(rows, columns=[*columns, count_column])


def _poisson(mean: float, rng: random.Random) -> int:
    # Knuth's method is enough for the small means here and keeps the demo free of numpy's RNG.
    limit, product, count = pow(2.718281828459045, -mean), rng.random(), 0
    while product > limit:
        product *= rng.random()
        count += 1
    return count
