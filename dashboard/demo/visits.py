"""Demo home visits, cases, people served and linked charity, October 2021 to April 2024, whose totals
equal the letter's; and the quarterly register of service recipients behind the full-coverage duty."""
from __future__ import annotations

import random

import pandas as pd

from dashboard import codes
from dashboard.demo.allocation import allocate
from dashboard.demo.places import Places
from dashboard.demo.stations import StationNetwork

FIRST_MONTH, LAST_MONTH = (2021, 10), (2024, 4)
HOME_VISITS, CASES, PEOPLE_SERVED = 668_000, 2295, 2_269_000
SIX_SOCIETY_VISITS, SIX_SOCIETY_CASES, SIX_SOCIETY_PEOPLE_SERVED = 287_000, 1547, 1_817_000
LINKED_CHARITY_YUAN = 6_529_000
# Share of each group's residents on the visiting register, and of station-quarters that fall short.
REGISTRATION_SHARE = 0.35
SHORTFALL_SHARE = 0.12


def months() -> list[str]:
    """The months of the programme's published period, as 'YYYY-MM'."""
    (year, month), result = FIRST_MONTH, []
    while (year, month) <= LAST_MONTH:
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _month_factor(index: int, month: str) -> float:
    ramp = min(1.0, 0.55 + 0.08 * index)  # the programme took about six months to reach full pace
    return ramp * (0.7 if month.endswith("-02") else 1.0)  # Spring Festival


def generate_visits(places: Places, network: StationNetwork, rng: random.Random) -> pd.DataFrame:
    """Visits per station, group (by number) and month; each total equals the published one exactly."""
    area_people = _group_people_by_station(places, network)
    stations = network.stations[network.stations["station_type"] == "station"]
    worker_total = network.stations.groupby(
        network.stations["parent_station_code"].fillna(network.stations["station_code"]))[
        "social_worker_count"].sum()
    cells, weights = [], []
    for index, month in enumerate(months()):
        factor = _month_factor(index, month)
        for station_code in stations["station_code"]:
            workers = worker_total[station_code]
            for group in codes.codes("group"):
                people = area_people.get((station_code, group), 0) + 1
                cells.append((month, station_code, codes.GROUP_NUMBERS[group]))
                weights.append(workers * people ** 0.5 * factor * rng.uniform(0.8, 1.2))
    frame = pd.DataFrame(cells, columns=["month", "station_code", "group_number"])
    frame["home_visit_count"] = allocate(HOME_VISITS, weights)
    frame["case_count"] = allocate(CASES, [w * rng.random() for w in weights])
    frame["people_served_count"] = allocate(PEOPLE_SERVED, [w * rng.uniform(0.5, 1.5) for w in weights])
    # The six-society parts are shares of each cell, so a part never exceeds its whole.
    frame["six_society_visit_count"] = allocate(SIX_SOCIETY_VISITS, frame["home_visit_count"].tolist())
    frame["six_society_case_count"] = allocate(SIX_SOCIETY_CASES, frame["case_count"].tolist())
    frame["six_society_people_served_count"] = allocate(SIX_SOCIETY_PEOPLE_SERVED,
                                                        frame["people_served_count"].tolist())
    return frame


def generate_linked_charity(network: StationNetwork, rng: random.Random) -> pd.DataFrame:
    """Charity resources linked by each township station per month, adding up to the letter's total."""
    stations = network.stations[network.stations["station_type"] == "station"]
    cells = [(m, s, w) for m in months() for s, w in zip(stations["station_code"],
                                                        stations["social_worker_count"])]
    amounts = allocate(LINKED_CHARITY_YUAN, [w * rng.lognormvariate(0, 0.8) for _, _, w in cells])
    return pd.DataFrame({"month": [c[0] for c in cells], "station_code": [c[1] for c in cells],
                         "linked_charity_yuan": amounts})


def generate_service_recipients(places: Places, network: StationNetwork,
                                rng: random.Random) -> pd.DataFrame:
    """Registered recipients per station, group and full quarter, and how many were visited."""
    area_people = _group_people_by_station(places, network)
    quarters = sorted({f"{m[:4]}-Q{(int(m[5:]) + 2) // 3}" for m in months()})[:-1]  # last is partial
    rows = []
    for quarter_index, quarter in enumerate(quarters):
        for (station_code, group), people in sorted(area_people.items()):
            registered = round(people * REGISTRATION_SHARE * (1 + 0.01 * quarter_index))
            visited = registered
            if rng.random() < SHORTFALL_SHARE:
                visited = round(registered * rng.uniform(0.75, 0.98))
            rows.append({"quarter": quarter, "station_code": station_code, "group_code": group,
                         "registered_count": registered, "visited_count": visited})
    return pd.DataFrame(rows)


def _group_people_by_station(places: Places, network: StationNetwork) -> dict[tuple[str, str], int]:
    """People of each group in the villages served by each township station's points."""
    stations = network.stations.set_index("station_code")
    parent = stations["parent_station_code"].fillna(pd.Series(stations.index, index=stations.index))
    served = network.village_assignments.assign(
        township_station=lambda a: a["station_code"].map(parent))
    joined = places.village_group_population.merge(served, on="village_code")
    totals = joined.groupby(["township_station", "group_code"])["person_count"].sum()
    return {key: int(value) for key, value in totals.items()}
