"""Demo aging-friendly renovations, 2020 to 12 June 2024, adding up to the letter's 2,439 households."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pandas as pd

from dashboard import codes
from dashboard.demo.allocation import allocate
from dashboard.demo.places import Places

HOUSEHOLDS_BY_YEAR = {2020: 310, 2021: 520, 2022: 610, 2023: 680, 2024: 319}  # 2,439 in all
LAST_DAY = date(2024, 6, 12)
CATEGORY_WEIGHT = {"dispersed_extreme_poverty": 0.3, "subsistence_allowance": 0.55,
                   "family_planning_special": 0.15}
AIM_PROBABILITY = {"walking": 0.8, "bathing": 0.85, "kitchen": 0.35, "environment": 0.5,
                   "smart_monitoring": 0.3, "assistive_devices": 0.6}
COST_PER_AIM_YUAN = (900, 2200)


def generate_renovations(places: Places, rng: random.Random) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Renovated households and the aims met in each (a household can have several)."""
    elderly = places.village_group_population[
        places.village_group_population["group_code"] == "elderly_in_difficulty"]
    township_of = places.villages.set_index("village_code")["township_code"]
    per_township = elderly.assign(township_code=elderly["village_code"].map(township_of)) \
        .groupby("township_code")["person_count"].sum()
    townships = list(per_township.index)
    households, items = [], []
    for year, count in HOUSEHOLDS_BY_YEAR.items():
        counts = allocate(count, [per_township[t] * rng.uniform(0.5, 1.5) + 1 for t in townships])
        last = LAST_DAY if year == LAST_DAY.year else date(year, 12, 31)
        for township_code, township_count in zip(townships, counts):
            for _ in range(township_count):
                ref = f"DEMO-R{len(households) + 1:05d}"
                aims = [a for a in codes.codes("aim") if rng.random() < AIM_PROBABILITY[a]] or ["bathing"]
                households.append({
                    "household_ref": ref, "county_code": township_code[:6], "township_code": township_code,
                    "category": rng.choices(list(CATEGORY_WEIGHT), list(CATEGORY_WEIGHT.values()))[0],
                    "completed_on": date(year, 1, 1) + timedelta(days=rng.randrange((last - date(year, 1, 1)).days + 1)),
                    "cost_yuan": sum(rng.randint(*COST_PER_AIM_YUAN) for _ in aims)})
                items.extend({"household_ref": ref, "aim_code": aim} for aim in aims)
    return pd.DataFrame(households), pd.DataFrame(items)
