"""Demo places: township seats and village locations and populations, generated inside the real
county boundaries (the names and codes are the National Bureau of Statistics' own)."""
from __future__ import annotations

import random
from dataclasses import dataclass

import pandas as pd
import shapely

from dashboard import codes
from dashboard.demo.allocation import allocate
from dashboard.sources import CENSUS_2020_POPULATION
from geo import reference

# How far villages spread around their township seat (degrees; about 1.5 km, 5 km and 3.5 km).
VILLAGE_SPREAD_DEG = {"street": 0.015, "town": 0.05, "ethnic_township": 0.05, "other": 0.035}
POPULATION_WEIGHT = {"community": 2.5, "village": 1.0, "other": 0.4}
# People in each vulnerable group per 1,000 residents (plausible, not published).
GROUP_RATE_PER_1000 = {
    "subsistence_allowance": 8.0, "extreme_poverty": 1.5, "marginal_allowance": 3.0,
    "expenditure_hardship": 1.0, "disabled": 9.0, "vagrant": 0.02, "left_behind_children": 2.0,
    "children_in_difficulty": 0.5, "single_mothers": 0.3, "left_behind_women": 1.0,
    "elderly_in_difficulty": 6.0,
}
RURAL_FACTOR = {"village": 1.4, "community": 0.7, "other": 1.0}


@dataclass
class Places:
    counties: pd.DataFrame
    townships: pd.DataFrame
    villages: pd.DataFrame
    village_group_population: pd.DataFrame


def generate_places(rng: random.Random) -> Places:
    """Counties, townships with seats and villages with locations, populations and group counts."""
    counties = pd.DataFrame([{"county_code": c.code, "name_zh": c.zh, "name_en": c.en, "sort_order": i}
                             for i, c in enumerate(codes.COUNTIES)])
    shapes = reference.county_shapes()
    townships = reference.load_townships().rename(columns={"name": "name_zh"})
    seats = [_random_point_in(shapes[row.county_code], rng) for row in townships.itertuples()]
    townships["seat_lon"] = [p[0] for p in seats]
    townships["seat_lat"] = [p[1] for p in seats]

    villages = reference.load_villages().rename(columns={"name": "name_zh"})
    seat_of = townships.set_index("township_code")[["seat_lon", "seat_lat", "kind", "county_code"]]
    locations = []
    for row in villages.itertuples():
        seat = seat_of.loc[row.township_code]
        spread = VILLAGE_SPREAD_DEG[seat.kind]
        locations.append(_random_point_near(shapes[seat.county_code], seat.seat_lon, seat.seat_lat,
                                            spread, rng))
    villages["lon"] = [p[0] for p in locations]
    villages["lat"] = [p[1] for p in locations]
    weights = [POPULATION_WEIGHT[k] * rng.lognormvariate(0, 0.5) for k in villages["kind"]]
    villages["population_count"] = allocate(CENSUS_2020_POPULATION, weights)
    township_population = villages.groupby("township_code")["population_count"].sum()
    townships["population_count"] = (townships["township_code"].map(township_population)
                                     .fillna(0).astype(int))
    return Places(counties, townships, villages, _group_population(villages, rng))


def _group_population(villages: pd.DataFrame, rng: random.Random) -> pd.DataFrame:
    rows = []
    for row in villages.itertuples():
        for group in codes.codes("group"):
            expected = row.population_count * GROUP_RATE_PER_1000[group] / 1000 * RURAL_FACTOR[row.kind]
            rows.append({"village_code": row.village_code, "group_code": group,
                         "person_count": round(expected * rng.lognormvariate(0, 0.3))})
    return pd.DataFrame(rows)


def _random_point_in(area, rng: random.Random) -> tuple[float, float]:
    min_x, min_y, max_x, max_y = area.bounds
    while True:
        x, y = rng.uniform(min_x, max_x), rng.uniform(min_y, max_y)
        if shapely.contains_xy(area, x, y):
            return round(x, 6), round(y, 6)


def _random_point_near(area, lon: float, lat: float, spread: float, rng: random.Random):
    for _ in range(200):
        x, y = rng.gauss(lon, spread), rng.gauss(lat, spread)
        if shapely.contains_xy(area, x, y):
            return round(x, 6), round(y, 6)
    return lon, lat
