"""Demo stations and points, placed in the real townships and villages; totals equal the letter's."""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from dashboard.demo.allocation import allocate, allocate_with_minimum
from dashboard.demo.places import Places
from queries.stations import SERVED_TOWNSHIP_KINDS

TOWNSHIP_STATIONS = 75
VILLAGE_POINTS = 362
SOCIAL_WORKERS = 1098
BENCHMARK_STATIONS = 18
HOTLINES = 1320
MIN_STATION_WORKERS = 5


@dataclass
class StationNetwork:
    stations: pd.DataFrame
    village_assignments: pd.DataFrame


def generate_stations(places: Places, rng: random.Random) -> StationNetwork:
    """The 75 township stations, 362 village points and which point serves each village."""
    townships = places.townships
    villages = places.villages
    village_count = villages.groupby("township_code").size()
    served = townships[townships["kind"].isin(SERVED_TOWNSHIP_KINDS)]
    # Stations beyond one per town or street go to the other units (parks, zones) with most villages.
    others = townships[~townships["kind"].isin(SERVED_TOWNSHIP_KINDS)].assign(
        village_count=lambda t: t["township_code"].map(village_count).fillna(0))
    extra = others.sort_values(["village_count", "township_code"], ascending=[False, True])
    station_townships = pd.concat([served, extra.head(TOWNSHIP_STATIONS - len(served))])

    station_rows = [_station_row(t, rng) for t in station_townships.itertuples()]
    stations = pd.DataFrame(station_rows)
    station_of_township = dict(zip(stations["township_code"], stations["station_code"]))

    with_villages = [code for code in station_townships["township_code"] if village_count.get(code, 0)]
    # Weighting by villages beyond the first keeps every township's points within its village count.
    points_per_township = allocate_with_minimum(
        VILLAGE_POINTS, [village_count[code] - 1 for code in with_villages], 1)
    point_rows = []
    for township_code, point_count in zip(with_villages, points_per_township):
        candidates = villages[villages["township_code"] == township_code]
        for village in _spread_out(candidates, point_count, rng):
            point_rows.append(_point_row(village, station_of_township[township_code], rng))
    points = pd.DataFrame(point_rows)
    assignments = _assign_villages(villages, points)

    stations = pd.concat([stations, points], ignore_index=True)
    stations["county_code"] = stations["township_code"].map(
        townships.set_index("township_code")["county_code"])
    _add_workers_and_hotlines(stations, assignments, townships, rng)
    return StationNetwork(stations, assignments)


def _station_row(township, rng: random.Random) -> dict:
    return {"station_code": f"S{township.township_code}", "name_zh": f"{township.name_zh}社工站",
            "station_type": "station", "township_code": township.township_code, "village_code": None,
            "parent_station_code": None,
            "lon": round(township.seat_lon + rng.uniform(-0.002, 0.002), 6),
            "lat": round(township.seat_lat + rng.uniform(-0.002, 0.002), 6),
            "opened_on": date(2021, 3, 1) + timedelta(days=rng.randrange(300))}


def _point_row(village, parent_code: str, rng: random.Random) -> dict:
    short_name = village.name_zh.replace("村民委员会", "村").replace("村委会", "村") \
        .replace("社区居民委员会", "社区").replace("社区居委会", "社区").replace("居委会", "")
    return {"station_code": f"P{village.village_code}", "name_zh": f"{short_name}社工点",
            "station_type": "point", "township_code": village.township_code,
            "village_code": village.village_code, "parent_station_code": parent_code,
            "lon": village.lon, "lat": village.lat,
            "opened_on": date(2021, 6, 1) + timedelta(days=rng.randrange(850))}


def _spread_out(candidates: pd.DataFrame, count: int, rng: random.Random) -> list:
    """Pick villages far from each other (farthest-point sampling from a random start)."""
    rows = list(candidates.itertuples())
    chosen = [rows.pop(rng.randrange(len(rows)))]
    while len(chosen) < count and rows:
        farthest = max(range(len(rows)), key=lambda i: min(_km(rows[i], c) for c in chosen))
        chosen.append(rows.pop(farthest))
    return chosen


def _assign_villages(villages: pd.DataFrame, points: pd.DataFrame) -> pd.DataFrame:
    """Each village is served by the nearest point of its township, else of its county."""
    by_township = {code: list(group.itertuples()) for code, group in points.groupby("township_code")}
    township_county = {t: t[:6] for t in villages["township_code"]}
    rows = []
    for village in villages.itertuples():
        pool = by_township.get(village.township_code) or [
            p for p in points.itertuples() if township_county[p.township_code] == village.township_code[:6]]
        nearest = min(pool, key=lambda p: _km(village, p))
        rows.append({"village_code": village.village_code, "station_code": nearest.station_code})
    return pd.DataFrame(rows)


def _add_workers_and_hotlines(stations, assignments, townships, rng: random.Random) -> None:
    is_station = stations["station_type"] == "station"
    station_share = SOCIAL_WORKERS - int((~is_station).sum())
    population = stations["township_code"].map(townships.set_index("township_code")["population_count"])
    station_weights = [p * rng.uniform(0.7, 1.3) + 1 for p in population[is_station]]
    workers = pd.Series(1, index=stations.index)
    workers[is_station] = allocate_with_minimum(station_share, station_weights, MIN_STATION_WORKERS)
    stations["social_worker_count"] = workers.astype(int)

    score = {i: workers[i] * rng.random() for i in stations.index[is_station]}
    benchmarks = sorted(score, key=score.get, reverse=True)[:BENCHMARK_STATIONS]
    stations["is_benchmark"] = stations.index.isin(benchmarks)

    served = assignments.groupby("station_code").size()
    hotline_weights = [1.0 + served.get(code, 0) for code in stations["station_code"]]
    stations["hotline_count"] = allocate_with_minimum(HOTLINES, hotline_weights, 1)


def _km(a, b) -> float:
    """Equirectangular distance in km; accurate to well under 1% across a county."""
    mean_lat = math.radians((a.lat + b.lat) / 2)
    return 111.32 * math.hypot((a.lon - b.lon) * math.cos(mean_lat), a.lat - b.lat)
