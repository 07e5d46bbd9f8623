"""The visit summaries in memory: the same sums as their SQL in summaries.py, over a writer's own visit
rows (a bulk import into an empty table holds every row the table has). Rows are grouped by category
codes with numpy (exact integer sums), not by pandas' groupby: a million rows take milliseconds.
tests/test_summaries.py compares the results with the SQL."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
import sqlalchemy as sa

from dashboard import codes, schema

VISIT_COUNTS = ["home_visit_count", "case_count", "people_served_count", "six_society_visit_count",
                "six_society_case_count", "six_society_people_served_count"]


@dataclass
class Coded:
    """A column as codes into its distinct values, sorted in code-point order (the order of
    PostgreSQL's C collations and of SQLite, so the least code is the MIN)."""
    codes: np.ndarray
    values: np.ndarray  # objects

    def categorical(self, codes: np.ndarray) -> pd.Categorical:
        return pd.Categorical.from_codes(codes, categories=pd.Index(self.values, dtype="str"))


@dataclass
class VisitRows:
    """Visit rows beside their stations (a row of an unknown station left out, as the summaries' JOIN
    leaves it out): each station's county, township and township station, and each township station's
    social workers (its own and its points')."""
    month: Coded
    group: Coded
    station: Coded
    county: Coded  # codes by station value
    township: Coded  # codes by station value
    rollup: Coded  # codes by station value
    counts: dict[str, np.ndarray]  # int64, one per VISIT_COUNTS
    workers: np.ndarray  # int64 by rollup value

    def quarters(self) -> Coded:
        """The quarter ('YYYY-Qn', as QUARTER_OF_MONTH gives it) of each month value."""
        quarter = [f"{m[:4]}-Q{(int(m[5:7]) + 2) // 3}" for m in self.month.values]
        codes, values = pd.factorize(np.asarray(quarter, dtype=object), sort=True)
        return Coded(codes, np.asarray(values, dtype=object))

    @cached_property
    def station_months(self) -> tuple[Coded, np.ndarray, dict[str, np.ndarray]]:
        """The rows summed by month and station (the station summaries need no finer rows): each sum's
        month, its station code and its first three counts."""
        (month, station), inverse = _groups([self.month, self.station])
        return (Coded(month, self.month.values), station,
                {name: _sums(inverse, len(month), self.counts[name]) for name in VISIT_COUNTS[:3]})


def _coded(values) -> Coded:
    if isinstance(values.dtype, pd.CategoricalDtype):
        categories = np.asarray(values.cat.categories.astype("str"), dtype=object)
        order = np.argsort(categories, kind="stable")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        codes = values.cat.codes.to_numpy()
        return Coded(np.where(codes < 0, -1, rank[codes]), categories[order])
    codes, uniques = pd.factorize(np.asarray(values, dtype=object), sort=True)
    return Coded(codes.astype(np.int64), np.asarray(uniques, dtype=object))


def _group_codes(numbers: pd.Series) -> Coded:
    """Group numbers as codes into the groups' codes (numbered from 1 in list order; the foreign key to
    population_groups admits no other number, and from_codes would refuse one)."""
    groups = pd.Categorical.from_codes(numbers.to_numpy(dtype=np.int64) - 1, categories=list(codes.GROUP_NUMBERS))
    return _coded(pd.Series(groups))


def visits_with_stations(conn: sa.Connection) -> Callable[[pd.DataFrame], VisitRows]:
    """A function giving visit rows beside their stations (read now, so it does not use the connection)."""
    table = schema.stations
    stations = pd.DataFrame(conn.execute(sa.select(
        table.c.station_code, table.c.county_code, table.c.township_code,
        sa.func.coalesce(table.c.parent_station_code, table.c.station_code), table.c.social_worker_count)).fetchall(),
        columns=["station_code", "county_code", "township_code", "rollup_code", "social_worker_count"])
    return lambda visits: _join_stations(visits, stations)


def _join_stations(visits: pd.DataFrame, stations: pd.DataFrame) -> VisitRows:
    station = _coded(visits["station_code"])
    found = stations.set_index("station_code").reindex(pd.Index(station.values, dtype=object))
    known = station.codes >= 0
    known[known] = found["county_code"].notna().to_numpy()[station.codes[known]]
    keep = None if known.all() else known
    pick = (lambda a: a) if keep is None else (lambda a: a[keep])
    by_station = {}
    for name in ("county_code", "township_code", "rollup_code"):
        value_codes, values = pd.factorize(found[name].to_numpy(dtype=object), sort=True)
        by_station[name] = Coded(value_codes, np.asarray(values, dtype=object))
    month, group = _coded(visits["month"]), _group_codes(visits["group_number"])
    workers = stations.groupby("rollup_code")["social_worker_count"].sum()
    return VisitRows(Coded(pick(month.codes), month.values), Coded(pick(group.codes), group.values),
                     Coded(pick(station.codes), station.values), by_station["county_code"],
                     by_station["township_code"], by_station["rollup_code"],
                     {name: pick(visits[name].to_numpy(dtype="int64")) for name in VISIT_COUNTS},
                     workers.reindex(by_station["rollup_code"].values).to_numpy(dtype="int64"))


def _groups(keys: list[Coded]) -> tuple[list[np.ndarray], np.ndarray]:
    """The groups of rows with the same key codes: each group's key codes (groups in key order) and
    each row's group number."""
    sizes = [len(key.values) for key in keys]
    composite = np.zeros(len(keys[0].codes), dtype=np.int64)
    for key, size in zip(keys, sizes):
        composite = composite * size + key.codes
    if np.prod(sizes, dtype=np.float64) <= max(4 * len(composite), 1 << 20):
        present = np.bincount(composite, minlength=int(np.prod(sizes))) > 0
        ids = np.flatnonzero(present)
        inverse = (np.cumsum(present) - 1)[composite]
    else:
        ids, inverse = np.unique(composite, return_inverse=True)
    codes = []
    for size in reversed(sizes):
        ids, code = np.divmod(ids, size)
        codes.append(code)
    return codes[::-1], inverse


def _sums(inverse: np.ndarray, count: int, values: np.ndarray) -> np.ndarray:
    out = np.zeros(count, dtype=np.int64)
    np.add.at(out, inverse, values)
    return out


def _least(inverse: np.ndarray, count: int, values: np.ndarray) -> np.ndarray:
    out = np.full(count, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(out, inverse, values)
    return out


def _of_station(by_station: Coded, station: np.ndarray) -> Coded:
    return Coded(by_station.codes[station], by_station.values)


def visits_county_rows(rows: VisitRows) -> pd.DataFrame:
    """visits_county_monthly computed from visit rows beside their stations."""
    (month, county, group), inverse = _groups([rows.month, _of_station(rows.county, rows.station.codes), rows.group])
    quarter = rows.quarters()
    return pd.DataFrame({"month": rows.month.categorical(month), "quarter": quarter.categorical(quarter.codes[month]),
                         "county_code": rows.county.categorical(county), "group_code": rows.group.categorical(group),
                         **{name: _sums(inverse, len(month), rows.counts[name]) for name in VISIT_COUNTS}})


def _station_rows(rows: VisitRows) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """visits_station_monthly's month, station and county codes and its sums."""
    months, station, sums = rows.station_months
    (month, rollup), inverse = _groups([months, _of_station(rows.rollup, station)])
    county = _least(inverse, len(month), rows.county.codes[station])
    return month, rollup, county, {name: _sums(inverse, len(month), sums[name]) for name in sums}


def visits_station_rows(rows: VisitRows) -> pd.DataFrame:
    """visits_station_monthly computed from visit rows beside their stations."""
    month, rollup, county, sums = _station_rows(rows)
    quarter = rows.quarters()
    return pd.DataFrame({"month": rows.month.categorical(month), "quarter": quarter.categorical(quarter.codes[month]),
                         "station_code": rows.rollup.categorical(rollup), "county_code": rows.county.categorical(county),
                         **sums})


def visits_township_rows(rows: VisitRows) -> pd.DataFrame:
    """visits_township_monthly computed from visit rows beside their stations."""
    months, station, sums = rows.station_months
    (month, township), inverse = _groups([months, _of_station(rows.township, station)])
    return pd.DataFrame({"month": rows.month.categorical(month), "township_code": rows.township.categorical(township),
                         "home_visit_count": _sums(inverse, len(month), sums["home_visit_count"])})


def workload_rows(rows: VisitRows) -> pd.DataFrame:
    """workload_station_quarterly computed from visit rows beside their stations, when they are every
    visit row there is (it is kept by quarter, over visits_station_monthly)."""
    month, rollup, county, sums = _station_rows(rows)
    quarter = rows.quarters()
    (quarter_codes, station), inverse = _groups([Coded(quarter.codes[month], quarter.values),
                                                 Coded(rollup, rows.rollup.values)])
    count = len(station)
    visits = _sums(inverse, count, sums["home_visit_count"])
    workers = rows.workers[station]
    per_worker = np.full(count, np.nan)
    has_workers = workers > 0
    per_worker[has_workers] = visits[has_workers].astype(np.float64) / workers[has_workers]
    return pd.DataFrame({"quarter": quarter.categorical(quarter_codes), "station_code": rows.rollup.categorical(station),
                         "county_code": rows.county.categorical(_least(inverse, count, county)),
                         "month_count": np.bincount(inverse, minlength=count).astype(np.int64),
                         "home_visit_count": visits, "social_worker_count": workers,
                         "visits_per_worker": per_worker,
                         **{name: _sums(inverse, count, sums[name]) for name in ("case_count", "people_served_count")}})
