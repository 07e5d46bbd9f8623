"""Questions about home visits (入户探访), cases (个案) and people served by the social workers."""
from __future__ import annotations

import pandas as pd

from queries._run import run

FIRST_MONTH, LAST_MONTH = "0000-01", "9999-12"

VISIT_TOTALS_SQL = """
SELECT
  COALESCE(SUM(v.home_visit_count), 0) AS home_visit_count,
  COALESCE(SUM(v.case_count), 0) AS case_count,
  COALESCE(SUM(v.people_served_count), 0) AS people_served_count,
  COALESCE(SUM(v.six_society_visit_count), 0) AS six_society_visit_count,
  COALESCE(SUM(v.six_society_case_count), 0) AS six_society_case_count,
  COALESCE(SUM(v.six_society_people_served_count), 0) AS six_society_people_served_count
FROM visits_monthly v
JOIN stations s ON s.station_code = v.station_code
WHERE v.month BETWEEN :start_month AND :end_month
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR s.county_code = :county_code)
"""


def visit_totals(start_month: str = FIRST_MONTH, end_month: str = LAST_MONTH,
                 county_code: str | None = None) -> pd.DataFrame:
    """One row of totals over months 'YYYY-MM' (inclusive). Columns: home_visit_count, case_count,
    people_served_count, six_society_visit_count, six_society_case_count, six_society_people_served_count."""
    return run(VISIT_TOTALS_SQL, start_month=start_month, end_month=end_month, county_code=county_code)


LINKED_CHARITY_SQL = """
SELECT COALESCE(SUM(r.linked_charity_yuan), 0) AS linked_charity_yuan
FROM station_resources_monthly r
JOIN stations s ON s.station_code = r.station_code
WHERE r.month BETWEEN :start_month AND :end_month
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR s.county_code = :county_code)
"""


def linked_charity_total(start_month: str = FIRST_MONTH, end_month: str = LAST_MONTH,
                         county_code: str | None = None) -> pd.DataFrame:
    """One row: charity resources linked by stations over months. Columns: linked_charity_yuan."""
    return run(LINKED_CHARITY_SQL, start_month=start_month, end_month=end_month, county_code=county_code)


VISITS_BY_QUARTER_SQL = """
SELECT
  SUBSTR(v.month, 1, 4) || '-Q' || CAST((CAST(SUBSTR(v.month, 6, 2) AS INTEGER) + 2) / 3 AS VARCHAR(1))
    AS quarter,
  COUNT(DISTINCT v.month) AS month_count,
  SUM(v.home_visit_count) AS home_visit_count,
  SUM(v.case_count) AS case_count,
  SUM(v.people_served_count) AS people_served_count
FROM visits_monthly v
JOIN stations s ON s.station_code = v.station_code
WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR s.county_code = :county_code)
GROUP BY 1
ORDER BY 1
"""


def visits_by_quarter(county_code: str | None = None) -> pd.DataFrame:
    """Totals per calendar quarter. Columns: quarter ('YYYY-Qn'), month_count (months with data),
    home_visit_count, case_count, people_served_count."""
    return run(VISITS_BY_QUARTER_SQL, county_code=county_code)


VISIT_MONTHS_SQL = """
SELECT MIN(month) AS first_month, MAX(month) AS last_month
FROM visits_monthly
"""


def visit_months() -> pd.DataFrame:
    """One row: the first and last month with visit data. Columns: first_month, last_month ('YYYY-MM')."""
    return run(VISIT_MONTHS_SQL)
