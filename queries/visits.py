"""Questions about home visits (入户探访), cases (个案) and people served by the social workers."""
from __future__ import annotations

import pandas as pd

from queries._run import run, sort_codes

FIRST_MONTH, LAST_MONTH = "0000-01", "9999-12"

VISIT_TOTALS_SQL = """
SELECT
  COALESCE(SUM(v.home_visit_count), 0) AS home_visit_count,
  COALESCE(SUM(v.case_count), 0) AS case_count,
  COALESCE(SUM(v.people_served_count), 0) AS people_served_count,
  COALESCE(SUM(v.six_society_visit_count), 0) AS six_society_visit_count,
  COALESCE(SUM(v.six_society_case_count), 0) AS six_society_case_count,
  COALESCE(SUM(v.six_society_people_served_count), 0) AS six_society_people_served_count
FROM visits_county_monthly v
WHERE v.month BETWEEN :start_month AND :end_month
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR v.county_code = :county_code)
"""


def visit_totals(start_month: str = FIRST_MONTH, end_month: str = LAST_MONTH,
                 county_code: str | None = None) -> pd.DataFrame:
    """One row of totals over months 'YYYY-MM' (inclusive). Columns: home_visit_count, case_count,
    people_served_count, six_society_visit_count, six_society_case_count, six_society_people_served_count."""
    return run(VISIT_TOTALS_SQL, start_month=start_month, end_month=end_month, county_code=county_code)


LINKED_CHARITY_SQL = """
SELECT COALESCE(SUM(r.linked_charity_yuan), 0) AS linked_charity_yuan
FROM resources_county_monthly r
WHERE r.month BETWEEN :start_month AND :end_month
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR r.county_code = :county_code)
"""


def linked_charity_total(start_month: str = FIRST_MONTH, end_month: str = LAST_MONTH,
                         county_code: str | None = None) -> pd.DataFrame:
    """One row: charity resources linked by stations over months. Columns: linked_charity_yuan."""
    return run(LINKED_CHARITY_SQL, start_month=start_month, end_month=end_month, county_code=county_code)


VISITS_BY_QUARTER_SQL = """
SELECT v.quarter,
  COUNT(DISTINCT v.month) AS month_count,
  SUM(v.home_visit_count) AS home_visit_count,
  SUM(v.case_count) AS case_count,
  SUM(v.people_served_count) AS people_served_count
FROM visits_county_monthly v
WHERE v.month BETWEEN :start_month AND :end_month
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR v.county_code = :county_code)
  AND (CAST(:group_code AS VARCHAR(30)) IS NULL OR v.group_code = :group_code)
GROUP BY v.quarter
ORDER BY v.quarter
"""


def visits_by_quarter(county_code: str | None = None, start_month: str = FIRST_MONTH,
                      end_month: str = LAST_MONTH, group_code: str | None = None) -> pd.DataFrame:
    """Totals per calendar quarter, of all groups or one. Columns: quarter ('YYYY-Qn'), month_count
    (months with data), home_visit_count, case_count, people_served_count."""
    return run(VISITS_BY_QUARTER_SQL, county_code=county_code, start_month=start_month,
               end_month=end_month, group_code=group_code)


VISIT_MONTHS_SQL = """
SELECT MIN(month) AS first_month, MAX(month) AS last_month
FROM visits_monthly
"""


def visit_months() -> pd.DataFrame:
    """One row: the first and last month with visit data. Columns: first_month, last_month ('YYYY-MM')."""
    return run(VISIT_MONTHS_SQL)


# The visit queries read summaries (dashboard/summaries.py) that carry each row's county.
_VISIT_FILTER = """
WHERE v.month BETWEEN :start_month AND :end_month
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR v.county_code = :county_code)
"""
_VISIT_SUMS = """
  SUM(v.home_visit_count) AS home_visit_count,
  SUM(v.case_count) AS case_count,
  SUM(v.people_served_count) AS people_served_count"""
VISITS_BY_MONTH_SQL = """
SELECT v.month,""" + _VISIT_SUMS + """,
  SUM(v.six_society_visit_count) AS six_society_visit_count
FROM visits_county_monthly v""" + _VISIT_FILTER + """
GROUP BY v.month
ORDER BY v.month
"""


def visits_by_month(county_code: str | None = None, start_month: str = FIRST_MONTH,
                    end_month: str = LAST_MONTH) -> pd.DataFrame:
    """Totals per month. Columns: month ('YYYY-MM'), home_visit_count, case_count, people_served_count
    (person-times), six_society_visit_count (the part under the six-society model)."""
    return run(VISITS_BY_MONTH_SQL, county_code=county_code, start_month=start_month, end_month=end_month)


VISITS_BY_GROUP_SQL = """
SELECT v.group_code,""" + _VISIT_SUMS + """
FROM visits_county_monthly v""" + _VISIT_FILTER + """
GROUP BY v.group_code
ORDER BY SUM(v.home_visit_count) DESC, v.group_code
"""


def visits_by_group(county_code: str | None = None, start_month: str = FIRST_MONTH,
                    end_month: str = LAST_MONTH) -> pd.DataFrame:
    """Totals per group of the 11 (most visited first). Columns: group_code, home_visit_count,
    case_count, people_served_count."""
    return run(VISITS_BY_GROUP_SQL, county_code=county_code, start_month=start_month, end_month=end_month)


VISITS_BY_COUNTY_SQL = """
SELECT v.county_code,""" + _VISIT_SUMS + """
FROM visits_county_monthly v""" + _VISIT_FILTER + """
GROUP BY v.county_code
ORDER BY v.county_code
"""


def visits_by_county(county_code: str | None = None, start_month: str = FIRST_MONTH,
                     end_month: str = LAST_MONTH) -> pd.DataFrame:
    """Totals per county. Columns: county_code, home_visit_count, case_count, people_served_count."""
    return run(VISITS_BY_COUNTY_SQL, county_code=county_code, start_month=start_month, end_month=end_month)


def _quarter_of(month: str) -> str:
    return f"{month[:4]}-Q{(int(month[5:7]) + 2) // 3}"


def _whole_quarters(start_month: str, end_month: str) -> bool:
    """Whether a range of months starts a quarter and ends one (every range the period filter offers)."""
    return start_month[5:7] in ("01", "04", "07", "10") and end_month[5:7] in ("03", "06", "09", "12")


# A township station's social workers include those posted at its village points.
_STATION_WORKERS = """
  SELECT COALESCE(p.parent_station_code, p.station_code) AS station_code,
    SUM(p.social_worker_count) AS social_worker_count
  FROM stations p
  GROUP BY COALESCE(p.parent_station_code, p.station_code)
"""

# The station table's rows, from per_station(station_code, home_visit_count, case_count, people_served_count,
# quarter_count, social_worker_count).
_STATION_WORKLOAD_ROWS = """
SELECT s.station_code, s.name_zh AS station_name_zh, s.county_code, s.township_code,
  ps.social_worker_count, ps.quarter_count, ps.home_visit_count, ps.case_count, ps.people_served_count,
  CASE WHEN ps.social_worker_count > 0 AND ps.quarter_count > 0
    THEN CAST(ps.home_visit_count AS FLOAT) / (ps.social_worker_count * ps.quarter_count) END
    AS visits_per_worker_per_quarter
FROM per_station ps
JOIN stations s ON s.station_code = ps.station_code
ORDER BY s.county_code, s.station_code
"""

# The quarters with data are counted by grouping twice, not by COUNT(DISTINCT): PostgreSQL computes a
# DISTINCT aggregate by sorting its input, here 96,000 station-months at province scale under a text
# collation (with work_mem's default, on disk), about 0.1 s of a 0.17 s query; two hash aggregates do not
# sort. (PostgreSQL sums a sum of integers as numeric: the casts keep the columns integers.)
STATION_WORKLOAD_SQL = """
WITH workers AS (""" + _STATION_WORKERS + """),
per_quarter AS (
  SELECT v.station_code, v.quarter,""" + _VISIT_SUMS + """
  FROM visits_station_monthly v""" + _VISIT_FILTER + """
  GROUP BY v.station_code, v.quarter
),
per_station AS (
  SELECT q.station_code, CAST(SUM(q.home_visit_count) AS BIGINT) AS home_visit_count,
    CAST(SUM(q.case_count) AS BIGINT) AS case_count,
    CAST(SUM(q.people_served_count) AS BIGINT) AS people_served_count, COUNT(*) AS quarter_count,
    MAX(w.social_worker_count) AS social_worker_count
  FROM per_quarter q
  JOIN workers w ON w.station_code = q.station_code
  GROUP BY q.station_code
)""" + _STATION_WORKLOAD_ROWS


# Whole quarters (all the period filter offers) from the quarterly summary, which holds the same sums
# and the station's workers (rebuilt when the stations change): at province scale 32,000 rows where
# the monthly summary has 96,000.
STATION_WORKLOAD_BY_QUARTER_SQL = """
WITH per_station AS (
  SELECT q.station_code, CAST(SUM(q.home_visit_count) AS BIGINT) AS home_visit_count,
    CAST(SUM(q.case_count) AS BIGINT) AS case_count,
    CAST(SUM(q.people_served_count) AS BIGINT) AS people_served_count, COUNT(*) AS quarter_count,
    MAX(q.social_worker_count) AS social_worker_count
  FROM workload_station_quarterly q
  WHERE q.quarter BETWEEN :start_quarter AND :end_quarter
    AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR q.county_code = :county_code)
  GROUP BY q.station_code
)""" + _STATION_WORKLOAD_ROWS


def station_workload(county_code: str | None = None, start_month: str = FIRST_MONTH,
                     end_month: str = LAST_MONTH) -> pd.DataFrame:
    """Per township station: visits, cases and people served, its social workers (its own and its
    points'), the quarters with data and visits per worker per quarter (average over those quarters;
    a part quarter counts as one). Columns: station_code, station_name_zh, county_code, township_code,
    social_worker_count, quarter_count, home_visit_count, case_count, people_served_count,
    visits_per_worker_per_quarter."""
    if _whole_quarters(start_month, end_month):
        return run(STATION_WORKLOAD_BY_QUARTER_SQL, county_code=county_code,
                   start_quarter=_quarter_of(start_month), end_quarter=_quarter_of(end_month))
    return run(STATION_WORKLOAD_SQL, county_code=county_code, start_month=start_month, end_month=end_month)


def _quartile(fourths: int) -> str:
    """The quantile fourths/4 of visits_per_worker in a quarter, interpolated as plotly's box plot does
    (quartilemethod 'linear': position n*p - 0.5 among the sorted values, counted from 0): with p = k/4
    the position is (k*n - 2)/4, an integer part and a remainder in fourths, so both databases compute it
    in integers. One station: its own value (the remainder is then negative or beyond the last value)."""
    position = f"({fourths} * k.station_count - 2)"
    low = f"MAX(CASE WHEN k.position = {position} / 4 THEN k.visits_per_worker END)"
    high = f"MAX(CASE WHEN k.position = {position} / 4 + 1 THEN k.visits_per_worker END)"
    return (f"{low} + CAST(MAX({position} % 4) AS FLOAT) / 4 * (COALESCE({high}, {low}) - {low})")


# The boxes, from per_station(quarter, month_count, visits_per_worker) of the stations with workers.
_WORKLOAD_BOXES = """
ranked AS (
  SELECT ps.quarter, ps.month_count, ps.visits_per_worker,
    ROW_NUMBER() OVER (PARTITION BY ps.quarter ORDER BY ps.visits_per_worker) - 1 AS position,
    COUNT(*) OVER (PARTITION BY ps.quarter) AS station_count
  FROM per_station ps
  WHERE ps.visits_per_worker IS NOT NULL
),
boxes AS (
  SELECT k.quarter, MAX(k.station_count) AS station_count,
    MIN(k.visits_per_worker) AS min_visits_per_worker,
    """ + _quartile(1) + """ AS q1_visits_per_worker,
    """ + _quartile(2) + """ AS median_visits_per_worker,
    """ + _quartile(3) + """ AS q3_visits_per_worker,
    MAX(k.visits_per_worker) AS max_visits_per_worker
  FROM ranked k
  WHERE k.position IN (0, k.station_count - 1)  -- only the values the quantiles read
    OR k.position - (k.station_count - 2) / 4 IN (0, 1)
    OR k.position - (2 * k.station_count - 2) / 4 IN (0, 1)
    OR k.position - (3 * k.station_count - 2) / 4 IN (0, 1)
  GROUP BY k.quarter
)
SELECT b.quarter, MAX(k.month_count) AS month_count, b.station_count, b.min_visits_per_worker, b.q1_visits_per_worker,
  b.median_visits_per_worker, b.q3_visits_per_worker, b.max_visits_per_worker,
  MIN(CASE WHEN k.visits_per_worker >= b.q1_visits_per_worker
                 - 1.5 * (b.q3_visits_per_worker - b.q1_visits_per_worker)
      THEN k.visits_per_worker END) AS lower_fence_visits_per_worker,
  MAX(CASE WHEN k.visits_per_worker <= b.q3_visits_per_worker
                 + 1.5 * (b.q3_visits_per_worker - b.q1_visits_per_worker)
      THEN k.visits_per_worker END) AS upper_fence_visits_per_worker
FROM boxes b
JOIN ranked k ON k.quarter = b.quarter
GROUP BY b.quarter, b.station_count, b.min_visits_per_worker, b.q1_visits_per_worker,
  b.median_visits_per_worker, b.q3_visits_per_worker, b.max_visits_per_worker
ORDER BY b.quarter
"""

# Whole quarters (all the period filter offers) from the quarterly summary, read in index order.
WORKLOAD_BY_QUARTER_SQL = """
WITH per_station AS (
  SELECT q.quarter, q.month_count, q.visits_per_worker
  FROM workload_station_quarterly q
  WHERE q.quarter BETWEEN :start_quarter AND :end_quarter
    AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR q.county_code = :county_code)
),""" + _WORKLOAD_BOXES

# Any other range of months from the monthly rows.
WORKLOAD_BY_QUARTER_FROM_MONTHS_SQL = """
WITH workers AS (""" + _STATION_WORKERS + """),
per_station AS (
  SELECT v.quarter, COUNT(*) AS month_count,
    CASE WHEN MAX(w.social_worker_count) > 0
      THEN CAST(SUM(v.home_visit_count) AS FLOAT) / MAX(w.social_worker_count) END AS visits_per_worker
  FROM visits_station_monthly v
  JOIN workers w ON w.station_code = v.station_code""" + _VISIT_FILTER + """
  GROUP BY v.quarter, v.station_code
),""" + _WORKLOAD_BOXES




def workload_by_quarter(county_code: str | None = None, start_month: str = FIRST_MONTH,
                        end_month: str = LAST_MONTH) -> pd.DataFrame:
    """Per quarter, the box of the township stations' visits per social worker (visits in the quarter ÷
    the station's workers, its points' included; stations without workers left out), with the
    quartiles and whiskers plotly's box plot draws from the stations' values. Columns: quarter
    ('YYYY-Qn'), month_count (the most months with data any station has: 3 for a full quarter),
    station_count, min_visits_per_worker, q1_visits_per_worker, median_visits_per_worker,
    q3_visits_per_worker, max_visits_per_worker, lower_fence_visits_per_worker
    and upper_fence_visits_per_worker (the whiskers: the lowest and highest station within 1.5 times the
    interquartile range of the box; stations beyond them are outliers)."""
    if _whole_quarters(start_month, end_month):
        frame = run(WORKLOAD_BY_QUARTER_SQL, county_code=county_code, start_quarter=_quarter_of(start_month),
                    end_quarter=_quarter_of(end_month))
    else:
        frame = run(WORKLOAD_BY_QUARTER_FROM_MONTHS_SQL, county_code=county_code, start_month=start_month,
                    end_month=end_month)
    # Whiskers never inside the box (plotly's rule; it matters only for a box of one or two stations).
    frame["lower_fence_visits_per_worker"] = frame[["lower_fence_visits_per_worker",
                                                    "q1_visits_per_worker"]].min(axis=1)
    frame["upper_fence_visits_per_worker"] = frame[["upper_fence_visits_per_worker",
                                                    "q3_visits_per_worker"]].max(axis=1)
    return frame


# Quarters 'YYYY-Qn' compared as text: the bounds keep the column bare, so its index and statistics serve.
_COVERAGE_FILTER = """
WHERE q.quarter BETWEEN :start_quarter AND :end_quarter
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR q.county_code = :county_code)
"""
_COVERAGE_SUMS = """
  SUM(q.registered_count) AS registered_count,
  SUM(q.visited_count) AS visited_count,
  CASE WHEN SUM(q.registered_count) > 0
    THEN 100.0 * SUM(q.visited_count) / SUM(q.registered_count) END AS coverage_pct"""

def _quarters(start_year: str, end_year: str) -> dict[str, str]:
    return {"start_quarter": f"{start_year}-Q1", "end_quarter": f"{end_year}-Q4"}


COVERAGE_BY_GROUP_SQL = """
SELECT q.quarter, q.group_code,""" + _COVERAGE_SUMS + """
FROM recipients_county_quarterly q""" + _COVERAGE_FILTER + """
GROUP BY q.quarter, q.group_code
ORDER BY q.quarter, q.group_code
"""


def coverage_by_group(county_code: str | None = None, start_year: str = "0000",
                      end_year: str = "9999") -> pd.DataFrame:
    """The quarterly full-coverage duty: registered service recipients and how many were visited, per
    quarter and group. Columns: quarter ('YYYY-Qn'), group_code, registered_count, visited_count,
    coverage_pct (None when none registered)."""
    return run(COVERAGE_BY_GROUP_SQL, county_code=county_code, **_quarters(start_year, end_year))


COVERAGE_BY_COUNTY_SQL = """
SELECT q.quarter, q.county_code,""" + _COVERAGE_SUMS + """
FROM recipients_county_quarterly q""" + _COVERAGE_FILTER + """
GROUP BY q.quarter, q.county_code
ORDER BY q.quarter, q.county_code
"""


def coverage_by_county(county_code: str | None = None, start_year: str = "0000",
                       end_year: str = "9999") -> pd.DataFrame:
    """Registered recipients visited per quarter and county. Columns: quarter, county_code,
    registered_count, visited_count, coverage_pct."""
    return run(COVERAGE_BY_COUNTY_SQL, county_code=county_code, **_quarters(start_year, end_year))


STATIONS_SHORT_SQL = """
SELECT q.quarter, q.station_code, s.name_zh AS station_name_zh, q.county_code, q.groups_short_count,
  q.registered_count, q.visited_count, 100 * CAST(q.visited_count AS FLOAT) / q.registered_count AS coverage_pct
FROM recipients_station_quarterly q
JOIN stations s ON s.station_code = q.station_code""" + _COVERAGE_FILTER + """
  AND q.visited_count < q.registered_count
"""


def stations_short_of_full_coverage(county_code: str | None = None, start_year: str = "0000",
                                    end_year: str = "9999") -> pd.DataFrame:
    """Station-quarters in which fewer registered recipients were visited than registered (latest
    quarter first, lowest coverage first). Columns: quarter, station_code, station_name_zh,
    county_code, groups_short_count (groups not fully visited), registered_count, visited_count,
    coverage_pct."""
    frame = run(STATIONS_SHORT_SQL, county_code=county_code, **_quarters(start_year, end_year))
    return sort_codes(frame, ["quarter", "coverage_pct", "station_code"], [False, True, True])
