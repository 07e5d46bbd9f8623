"""Questions behind the station coverage map: where the points and villages are, whom each village is
assigned to, the township areas, and township measures (visits and social workers per resident)."""
from __future__ import annotations

import pandas as pd

from dashboard import codes
from queries._run import run, sort_codes

COVERAGE_POINTS_SQL = """
SELECT s.station_code, s.name_zh, s.station_type, s.county_code, s.township_code,
  s.lon, s.lat, s.social_worker_count, s.is_benchmark, t.name_zh AS township_name_zh
FROM stations s
JOIN townships t ON t.township_code = s.township_code
"""


def coverage_points() -> pd.DataFrame:
    """Every township station and village point (WGS-84), with what the map draws and the analysis
    reads. Columns: station_code, name_zh, station_type ('station' | 'point'), county_code, township_code,
    lon, lat (degrees), social_worker_count, is_benchmark, township_name_zh."""
    frame = sort_codes(run(COVERAGE_POINTS_SQL), ["station_code"])
    frame["is_benchmark"] = frame["is_benchmark"].astype(bool)
    return frame


COVERAGE_VILLAGES_SQL = """
SELECT v.village_code, v.name_zh, v.township_code, t.county_code, t.name_zh AS township_name_zh,
  v.lon, v.lat, COALESCE(v.population_count, 0) AS population_count,
  a.station_code AS serving_station_code
FROM villages v
JOIN townships t ON t.township_code = v.township_code
LEFT JOIN village_assignments a ON a.village_code = v.village_code
WHERE v.lon IS NOT NULL AND v.lat IS NOT NULL
"""


def coverage_villages() -> pd.DataFrame:
    """Every located village with its population and the point assigned to serve it. Columns:
    village_code, name_zh, township_code, county_code, township_name_zh, lon, lat (degrees),
    population_count, serving_station_code (None when unassigned)."""
    return sort_codes(run(COVERAGE_VILLAGES_SQL), ["village_code"])


# The 11 groups' columns of the summary village_groups_wide (dashboard/summaries.py), in code order.
GROUP_COLUMNS = [f"{code}_count" for code in codes.codes("group")]

VILLAGE_GROUPS_SQL = """
SELECT w.village_code, """ + ", ".join(f"w.{column}" for column in GROUP_COLUMNS) + """
FROM village_groups_wide w
ORDER BY w.village_code
"""


def village_group_population() -> pd.DataFrame:
    """People of each of the 11 groups per village, one row per village. Columns: village_code, then
    `<group_code>_count` for each group in the order of the code list (people; 0 where none)."""
    return run(VILLAGE_GROUPS_SQL)


TOWNSHIP_AREAS_SQL = """
SELECT b.area_code AS township_code, t.county_code, t.name_zh, b.geojson, b.is_schematic
FROM boundaries b
JOIN townships t ON t.township_code = b.area_code
WHERE b.level = 'township'
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR t.county_code = :county_code)
ORDER BY b.area_code
"""


def township_areas(county_code: str | None = None) -> pd.DataFrame:
    """Township areas (WGS-84 GeoJSON geometry text), schematic or real. Columns: township_code,
    county_code, name_zh, geojson, is_schematic."""
    frame = run(TOWNSHIP_AREAS_SQL, county_code=county_code)
    frame["is_schematic"] = frame["is_schematic"].astype(bool)
    return frame


TOWNSHIPS_SQL = """
SELECT t.township_code, t.county_code, t.name_zh
FROM townships t
WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR t.county_code = :county_code)
ORDER BY t.township_code
"""


def townships(county_code: str | None = None) -> pd.DataFrame:
    """Township-level units, for selectors. Columns: township_code, county_code, name_zh."""
    return run(TOWNSHIPS_SQL, county_code=county_code)


LATEST_VISIT_MONTH_SQL = "SELECT MAX(month) AS latest_month FROM visits_monthly"

TOWNSHIP_MEASURES_SQL = """
SELECT t.township_code, t.county_code, t.name_zh, COALESCE(t.population_count, 0) AS resident_count,
  COALESCE(w.social_worker_count, 0) AS social_worker_count,
  COALESCE(h.home_visit_count, 0) AS home_visit_count,
  1000.0 * COALESCE(h.home_visit_count, 0) / NULLIF(t.population_count, 0) AS home_visits_per_1000,
  10000.0 * COALESCE(w.social_worker_count, 0) / NULLIF(t.population_count, 0) AS social_workers_per_10000
FROM townships t
LEFT JOIN (
  SELECT township_code, SUM(social_worker_count) AS social_worker_count
  FROM stations GROUP BY township_code
) w ON w.township_code = t.township_code
LEFT JOIN (
  SELECT v.township_code, SUM(v.home_visit_count) AS home_visit_count
  FROM visits_township_monthly v
  WHERE v.month >= :from_month AND v.month <= :to_month
  GROUP BY v.township_code
) h ON h.township_code = t.township_code
ORDER BY t.township_code
"""


def latest_visit_month() -> str | None:
    """The last month ('YYYY-MM') with home-visit data, or None."""
    frame = run(LATEST_VISIT_MONTH_SQL)
    value = frame["latest_month"].iloc[0] if not frame.empty else None
    return None if value is None or pd.isna(value) else str(value)


def township_measures(from_month: str, to_month: str) -> pd.DataFrame:
    """Per township: residents, social workers and home visits in the months from_month..to_month
    ('YYYY-MM', inclusive). Columns: township_code, county_code, name_zh, resident_count,
    social_worker_count, home_visit_count, home_visits_per_1000 (visits per 1,000 residents),
    social_workers_per_10000 (per 10,000 residents); ratios NaN without residents."""
    frame = run(TOWNSHIP_MEASURES_SQL, from_month=from_month, to_month=to_month)
    for column in ("home_visits_per_1000", "social_workers_per_10000"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return frame
