"""Coverage analysis of the station network: pure functions on DataFrames, no database, no Streamlit.

Distances are great-circle (haversine) distances on a sphere of the WGS-84 mean radius, in km; within
Huizhou (about 23°N, at most ~150 km across) they differ from geodesic distances on the ellipsoid by
well under 0.5 %.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import shapely


EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius of the WGS-84 ellipsoid

# Inputs (columns the functions read):
#   villages: village_code, lon, lat, population_count, serving_station_code (None when unassigned)
#   points:   station_code, lon, lat  (township stations and village points alike)
#   groups:   village_code, then one column of people per group, named `<group_code>_count`


def haversine_km(lon1, lat1, lon2, lat2) -> np.ndarray:
    """Great-circle distance in km between points (arrays broadcast)."""
    lon1, lat1, lon2, lat2 = (np.radians(np.asarray(v, dtype="float64")) for v in (lon1, lat1, lon2, lat2))
    a = (np.sin((lat2 - lat1) / 2) ** 2
         + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def _distance_matrix(from_lon, from_lat, to_lon, to_lat) -> np.ndarray:
    return haversine_km(np.asarray(from_lon)[:, None], np.asarray(from_lat)[:, None],
                        np.asarray(to_lon)[None, :], np.asarray(to_lat)[None, :])


KM_PER_DEGREE = 2 * np.pi * EARTH_RADIUS_KM / 360
NEIGHBOURS_SOUGHT = 12  # the first search radius holds about this many points where they are spread evenly
BRUTE_FORCE_CHUNK = 512  # rows of the distance matrix computed at once for the rest


def _degrees_for(km: float, *latitudes) -> float:
    """A radius in degrees (lon/lat taken as a plane) that holds every point within `km` great-circle
    distance: a degree of longitude is shortest at the latitude furthest from the equator."""
    widest = max(float(np.nanmax(np.abs(np.asarray(lat, dtype="float64")))) for lat in latitudes)
    return km / (KM_PER_DEGREE * np.cos(np.radians(min(widest + 0.5, 89.0)))) * 1.01


def _pairs_within_degrees(from_lon, from_lat, to_lon, to_lat, degrees: float) -> tuple[np.ndarray, np.ndarray]:
    """(from index, to index) of every pair no further apart than `degrees` in the lon/lat plane."""
    tree = shapely.STRtree(shapely.points(np.asarray(to_lon, dtype="float64"), np.asarray(to_lat, dtype="float64")))
    found = tree.query(shapely.points(np.asarray(from_lon, dtype="float64"), np.asarray(from_lat, dtype="float64")),
                       predicate="dwithin", distance=degrees)
    return found[0], found[1]


def pairs_within_km(from_lon, from_lat, to_lon, to_lat, km: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(from index, to index, km) of every pair within `km` of each other, found through a spatial index
    (memory grows with the pairs, not with from x to)."""
    i, j = _pairs_within_degrees(from_lon, from_lat, to_lon, to_lat, _degrees_for(km, from_lat, to_lat))
    km_apart = haversine_km(np.asarray(from_lon)[i], np.asarray(from_lat)[i], np.asarray(to_lon)[j],
                            np.asarray(to_lat)[j])
    keep = km_apart <= km
    return i[keep], j[keep], km_apart[keep]


def nearest(from_lon, from_lat, to_lon, to_lat) -> tuple[np.ndarray, np.ndarray]:
    """For each `from` point, the index of the nearest `to` point (the lowest index among equals) and
    its distance in km. Candidates come from a spatial index within a radius that doubles for the points
    still unresolved; a candidate is kept only when nothing outside the radius could be nearer, and the
    few points left after four rounds are compared with every point."""
    from_lon, from_lat, to_lon, to_lat = (np.asarray(v, dtype="float64") for v in (from_lon, from_lat, to_lon, to_lat))
    n = len(from_lon)
    best_index, best_km = np.full(n, -1), np.full(n, np.inf)
    area = max((np.ptp(to_lon) + 0.01) * (np.ptp(to_lat) + 0.01), 1e-4)
    degrees = float(np.clip(np.sqrt(NEIGHBOURS_SOUGHT * area / (np.pi * len(to_lon))), 0.01, 1.0))
    km_per_degree_at_least = 1.0 / _degrees_for(1.0, from_lat, to_lat)
    rest = np.arange(n)
    for _ in range(4):
        if not len(rest):
            break
        found_i, j = _pairs_within_degrees(from_lon[rest], from_lat[rest], to_lon, to_lat, degrees)
        i = rest[found_i]
        km_apart = haversine_km(from_lon[i], from_lat[i], to_lon[j], to_lat[j])
        order = np.lexsort((j, km_apart, i))
        first = order[np.r_[True, i[order][1:] != i[order][:-1]]] if len(order) else order
        # Anything outside the radius is further than degrees x (the fewest km per degree).
        proven = first[km_apart[first] <= degrees * km_per_degree_at_least]
        best_index[i[proven]], best_km[i[proven]] = j[proven], km_apart[proven]
        rest = rest[best_index[rest] < 0]
        degrees *= 2
    for start in range(0, len(rest), BRUTE_FORCE_CHUNK):
        rows = rest[start:start + BRUTE_FORCE_CHUNK]
        matrix = _distance_matrix(from_lon[rows], from_lat[rows], to_lon, to_lat)
        best_index[rows] = matrix.argmin(axis=1)
        best_km[rows] = matrix[np.arange(len(rows)), best_index[rows]]
    return best_index, best_km


def village_distances(villages: pd.DataFrame, points: pd.DataFrame) -> pd.DataFrame:
    """Each village with its serving point, its nearest point and the distance to each.

    Returns the villages' columns plus serving_distance_km (NaN when unassigned or the serving point
    is unknown), nearest_station_code and nearest_distance_km (NaN when there are no points)."""
    result = villages.copy().reset_index(drop=True)
    result["serving_distance_km"] = np.nan
    result["nearest_station_code"] = None
    result["nearest_distance_km"] = np.nan
    if result.empty or points.empty:
        return result
    index, km = nearest(result["lon"], result["lat"], points["lon"], points["lat"])
    codes = points["station_code"].to_numpy()
    result["nearest_station_code"] = codes[index]
    result["nearest_distance_km"] = km
    column_of = {code: i for i, code in enumerate(codes)}
    serving = result["serving_station_code"].map(column_of)
    known = serving.notna().to_numpy()
    columns = serving[known].astype(int).to_numpy()
    result.loc[known, "serving_distance_km"] = haversine_km(
        result.loc[known, "lon"], result.loc[known, "lat"], points["lon"].to_numpy()[columns],
        points["lat"].to_numpy()[columns])
    return result


def mark_covered(distances: pd.DataFrame, distance_km: float) -> pd.DataFrame:
    """Add is_covered: the village's serving point lies within distance_km (unassigned: not covered)."""
    result = distances.copy()
    result["is_covered"] = result["serving_distance_km"].le(distance_km).fillna(False).astype(bool)
    return result


def coverage_summary(covered: pd.DataFrame, by: list[str] | None = None) -> pd.DataFrame:
    """Villages and people covered, per group of `by` columns (or one row for all).

    Columns: the `by` columns, village_count, covered_village_count, population_count,
    covered_population_count, uncovered_population_count, covered_population_pct (0-100, NaN when
    nobody lives there)."""
    frame = covered.assign(
        covered_village=covered["is_covered"].astype(int),
        population=covered["population_count"].fillna(0),
        covered_population=covered["population_count"].fillna(0).where(covered["is_covered"], 0))
    aggregations = {"village_count": ("village_code", "count"),
                    "covered_village_count": ("covered_village", "sum"),
                    "population_count": ("population", "sum"),
                    "covered_population_count": ("covered_population", "sum")}
    if by:
        summary = frame.groupby(by, sort=True).agg(**aggregations).reset_index()
    else:
        summary = pd.DataFrame([{name: getattr(frame[column], how)() for name, (column, how)
                                 in aggregations.items()}])
    for column in ("covered_village_count", "population_count", "covered_population_count"):
        summary[column] = summary[column].astype("int64")
    summary["uncovered_population_count"] = summary["population_count"] - summary["covered_population_count"]
    whole = summary["population_count"].where(summary["population_count"] > 0)
    summary["covered_population_pct"] = (100.0 * summary["covered_population_count"] / whole).astype("float64")
    return summary


GROUP_COLUMN_SUFFIX = "_count"


def _group_columns(groups: pd.DataFrame) -> list[str]:
    return [c for c in groups.columns if c != "village_code" and c.endswith(GROUP_COLUMN_SUFFIX)]


def coverage_by_group(covered: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """People of each group living in covered villages (groups in code order). Columns: group_code,
    person_count, covered_person_count, uncovered_person_count, covered_person_pct (0-100)."""
    columns = ["group_code", "person_count", "covered_person_count", "uncovered_person_count",
               "covered_person_pct"]
    joined = groups.merge(covered[["village_code", "is_covered"]], on="village_code", how="inner")
    if joined.empty:
        return pd.DataFrame(columns=columns)
    people = joined[_group_columns(groups)]
    result = pd.DataFrame({
        "group_code": [c.removesuffix(GROUP_COLUMN_SUFFIX) for c in people.columns],
        "person_count": people.sum().to_numpy(dtype="int64"),
        "covered_person_count": people[joined["is_covered"].to_numpy(dtype=bool)].sum().to_numpy(dtype="int64")})
    result["uncovered_person_count"] = result["person_count"] - result["covered_person_count"]
    whole = result["person_count"].where(result["person_count"] > 0)
    result["covered_person_pct"] = (100.0 * result["covered_person_count"] / whole).astype("float64")
    return result[columns]


def gap_list(covered: pd.DataFrame, groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """Villages not covered, most people first (then farthest first). Columns: rank, the villages'
    columns, vulnerable_person_count (people of the 11 groups; 0 without group data)."""
    gaps = covered[~covered["is_covered"]].copy()
    vulnerable = (groups.set_index("village_code")[_group_columns(groups)].sum(axis=1)
                  if groups is not None and not groups.empty else pd.Series(dtype="int64"))
    gaps["vulnerable_person_count"] = gaps["village_code"].map(vulnerable).fillna(0).astype("int64")
    gaps = gaps.sort_values(["population_count", "serving_distance_km", "village_code"],
                            ascending=[False, False, True], na_position="first").reset_index(drop=True)
    gaps.insert(0, "rank", np.arange(1, len(gaps) + 1))
    return gaps


def next_sites(covered: pd.DataFrame, distance_km: float, k: int) -> pd.DataFrame:
    """Greedy maximal coverage: up to k villages where a new point would cover the most people not yet
    covered (within distance_km), each chosen after the previous ones are counted as covered.

    Columns: rank, village_code (the site) and the site village's other columns, gain_population_count
    (people newly covered by this site), gain_village_count, cumulative_covered_population_count.
    Stops early when no site adds anybody."""
    columns = ["rank", *covered.columns, "gain_population_count", "gain_village_count",
               "cumulative_covered_population_count"]
    uncovered = ~covered["is_covered"].to_numpy()
    if k <= 0 or not uncovered.any():
        return pd.DataFrame(columns=columns)
    population = covered["population_count"].fillna(0).to_numpy(dtype="int64")
    # Which villages a point at each village would reach, as pairs (site, village): sparse, not n x n.
    site, village, _ = pairs_within_km(covered["lon"], covered["lat"], covered["lon"], covered["lat"],
                                       distance_km)
    n = len(covered)
    total = int(population[~uncovered].sum())
    rows = []
    for rank in range(1, k + 1):
        gains = np.bincount(site, weights=(population * uncovered)[village], minlength=n).astype("int64")
        # Ties go to the site that reaches more villages, then to the lowest code (deterministic).
        village_gains = np.bincount(site, weights=uncovered[village], minlength=n).astype("int64")
        order = np.lexsort((covered["village_code"].to_numpy(), -village_gains, -gains))
        best = order[0]
        if gains[best] <= 0:
            break
        newly = np.zeros(n, dtype=bool)
        newly[village[site == best]] = True
        newly &= uncovered
        total += int(gains[best])
        rows.append({"rank": rank, **covered.iloc[best].to_dict(), "gain_population_count": int(gains[best]),
                     "gain_village_count": int(newly.sum()), "cumulative_covered_population_count": total})
        uncovered = uncovered & ~newly
    return pd.DataFrame(rows, columns=columns)
