"""Questions about social-work stations (社工站), village points (社工点) and their coverage."""
from __future__ import annotations

from datetime import date

import pandas as pd

from queries._run import FAR_FUTURE, run, sort_codes

# Township-level units that are administrative towns, streets or ethnic townships; forest farms,
# parks and reserves are not expected to host a station.
SERVED_TOWNSHIP_KINDS = ("town", "street", "ethnic_township")

STATION_TOTALS_SQL = """
SELECT
  COALESCE(SUM(CASE WHEN station_type = 'station' THEN 1 ELSE 0 END), 0) AS township_station_count,
  COALESCE(SUM(CASE WHEN station_type = 'point' THEN 1 ELSE 0 END), 0) AS village_point_count,
  COUNT(*) AS station_and_point_count,
  COALESCE(SUM(social_worker_count), 0) AS social_worker_count,
  COALESCE(SUM(CASE WHEN is_benchmark THEN 1 ELSE 0 END), 0) AS benchmark_station_count,
  COALESCE(SUM(hotline_count), 0) AS hotline_count
FROM stations
WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR county_code = :county_code)
  AND (opened_on IS NULL OR opened_on <= :as_of)
"""


def station_totals(county_code: str | None = None, as_of: date = FAR_FUTURE) -> pd.DataFrame:
    """One row of station counts open on a date. Columns: township_station_count,
    village_point_count, station_and_point_count, social_worker_count, benchmark_station_count,
    hotline_count."""
    return run(STATION_TOTALS_SQL, county_code=county_code, as_of=as_of)


TOWNSHIP_COVERAGE_SQL = """
SELECT
  COUNT(*) AS township_count,
  COALESCE(SUM(CASE WHEN EXISTS (
      SELECT 1 FROM stations s
      WHERE s.township_code = t.township_code AND s.station_type = 'station'
        AND (s.opened_on IS NULL OR s.opened_on <= :as_of)
  ) THEN 1 ELSE 0 END), 0) AS covered_township_count
FROM townships t
WHERE t.kind IN ('town', 'street', 'ethnic_township')
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR t.county_code = :county_code)
"""


def township_station_coverage(county_code: str | None = None, as_of: date = FAR_FUTURE) -> pd.DataFrame:
    """Towns, streets and ethnic townships with a township station. Columns: township_count,
    covered_township_count, coverage_pct (0-100; NaN when there are no townships)."""
    frame = run(TOWNSHIP_COVERAGE_SQL, county_code=county_code, as_of=as_of)
    return _with_pct(frame, "covered_township_count", "township_count", "coverage_pct")


VILLAGE_ASSIGNMENT_SQL = """
SELECT
  COUNT(*) AS village_count,
  COALESCE(SUM(CASE WHEN a.station_code IS NOT NULL THEN 1 ELSE 0 END), 0) AS assigned_village_count
FROM villages v
JOIN townships t ON t.township_code = v.township_code
LEFT JOIN village_assignments a ON a.village_code = v.village_code
WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR t.county_code = :county_code)
"""


def village_assignment_coverage(county_code: str | None = None) -> pd.DataFrame:
    """Villages and communities assigned to a serving point. Columns: village_count,
    assigned_village_count, assigned_pct (0-100)."""
    frame = run(VILLAGE_ASSIGNMENT_SQL, county_code=county_code)
    return _with_pct(frame, "assigned_village_count", "village_count", "assigned_pct")


def _with_pct(frame: pd.DataFrame, part: str, whole: str, name: str) -> pd.DataFrame:
    frame[name] = (100.0 * frame[part] / frame[whole].where(frame[whole] > 0)).astype("float64")
    return frame


STATIONS_BY_COUNTY_SQL = """
SELECT c.county_code, c.name_zh AS county_name_zh, c.name_en AS county_name_en,
  COALESCE(SUM(CASE WHEN s.station_type = 'station' THEN 1 ELSE 0 END), 0) AS township_station_count,
  COALESCE(SUM(CASE WHEN s.station_type = 'point' THEN 1 ELSE 0 END), 0) AS village_point_count,
  COALESCE(SUM(s.social_worker_count), 0) AS social_worker_count
FROM counties c
LEFT JOIN stations s ON s.county_code = c.county_code
GROUP BY c.county_code, c.name_zh, c.name_en, c.sort_order
ORDER BY c.sort_order
"""


def stations_by_county() -> pd.DataFrame:
    """Stations, points and social workers per county. Columns: county_code, county_name_zh,
    county_name_en, township_station_count, village_point_count, social_worker_count."""
    return run(STATIONS_BY_COUNTY_SQL)


STATION_LOCATIONS_SQL = """
SELECT station_code, name_zh, station_type, county_code, lon, lat, social_worker_count, is_benchmark
FROM stations
WHERE (CAST(:station_type AS VARCHAR(10)) IS NULL OR station_type = :station_type)
"""


def station_locations(station_type: str | None = None) -> pd.DataFrame:
    """Where each station or point is (WGS-84). Columns: station_code, name_zh, station_type, county_code,
    lon, lat, social_worker_count, is_benchmark (bool)."""
    frame = sort_codes(run(STATION_LOCATIONS_SQL, station_type=station_type), ["station_code"])
    frame["is_benchmark"] = frame["is_benchmark"].astype(bool)
    return frame
