"""Questions about aging-friendly home renovations (适老化改造) of elderly people in special difficulty."""
from __future__ import annotations

from datetime import date

import pandas as pd

from queries._run import FAR_FUTURE, run

FAR_PAST = date(1900, 1, 1)

RENOVATIONS_BY_YEAR_SQL = """
SELECT SUBSTR(CAST(r.completed_on AS VARCHAR(10)), 1, 4) AS year,
  COUNT(*) AS household_count,
  SUM(r.cost_yuan) AS cost_yuan
FROM renovations r
WHERE r.completed_on BETWEEN :start_date AND :end_date
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR r.county_code = :county_code)
GROUP BY 1
ORDER BY 1
"""


def renovations_by_year(county_code: str | None = None, start_date: date = FAR_PAST,
                        end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Households renovated per calendar year of completion. Columns: year ('YYYY'), household_count,
    cost_yuan."""
    return run(RENOVATIONS_BY_YEAR_SQL, county_code=county_code, start_date=start_date, end_date=end_date)


LAST_COMPLETION_SQL = """
SELECT MAX(completed_on) AS last_completed_on
FROM renovations
"""


def last_completion() -> pd.DataFrame:
    """One row: the latest completion date on record. Columns: last_completed_on (ISO date or None)."""
    return run(LAST_COMPLETION_SQL)


_RENOVATION_FILTER = """
  r.completed_on BETWEEN :start_date AND :end_date
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR r.county_code = :county_code)
"""

RENOVATIONS_BY_COUNTY_YEAR_SQL = """
SELECT SUBSTR(CAST(r.completed_on AS VARCHAR(10)), 1, 4) AS year, r.county_code,
  COUNT(*) AS household_count,
  SUM(r.cost_yuan) AS cost_yuan
FROM renovations r
WHERE""" + _RENOVATION_FILTER + """
GROUP BY 1, 2
ORDER BY 1, 2
"""


def renovations_by_county_year(county_code: str | None = None, start_date: date = FAR_PAST,
                               end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Households renovated per year of completion and county. Columns: year ('YYYY'), county_code,
    household_count, cost_yuan."""
    return run(RENOVATIONS_BY_COUNTY_YEAR_SQL, county_code=county_code, start_date=start_date,
               end_date=end_date)


RENOVATIONS_BY_TOWNSHIP_SQL = """
SELECT r.county_code, r.township_code, t.name_zh AS township_name_zh,
  COUNT(*) AS household_count,
  SUM(r.cost_yuan) AS cost_yuan
FROM renovations r
LEFT JOIN townships t ON t.township_code = r.township_code
WHERE""" + _RENOVATION_FILTER + """
GROUP BY r.county_code, r.township_code, t.name_zh
ORDER BY r.county_code, COUNT(*) DESC, r.township_code
"""


def renovations_by_township(county_code: str | None = None, start_date: date = FAR_PAST,
                            end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Households renovated per township (most first within each county). Columns: county_code,
    township_code, township_name_zh, household_count, cost_yuan."""
    return run(RENOVATIONS_BY_TOWNSHIP_SQL, county_code=county_code, start_date=start_date,
               end_date=end_date)


RENOVATIONS_BY_CATEGORY_SQL = """
SELECT r.category AS category_code,
  COUNT(*) AS household_count,
  SUM(r.cost_yuan) AS cost_yuan
FROM renovations r
WHERE""" + _RENOVATION_FILTER + """
GROUP BY r.category
ORDER BY COUNT(*) DESC, r.category
"""


def renovations_by_category(county_code: str | None = None, start_date: date = FAR_PAST,
                            end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Households renovated per category of elderly person. Columns: category_code, household_count,
    cost_yuan."""
    return run(RENOVATIONS_BY_CATEGORY_SQL, county_code=county_code, start_date=start_date,
               end_date=end_date)


RENOVATIONS_BY_AIM_SQL = """
SELECT i.aim_code,
  COUNT(DISTINCT i.household_ref) AS household_count
FROM renovation_items i
JOIN renovations r ON r.household_ref = i.household_ref
WHERE""" + _RENOVATION_FILTER + """
GROUP BY i.aim_code
ORDER BY i.aim_code
"""


def renovations_by_aim(county_code: str | None = None, start_date: date = FAR_PAST,
                       end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Households whose renovation met each of the six aims (a household can count under several).
    Columns: aim_code, household_count."""
    return run(RENOVATIONS_BY_AIM_SQL, county_code=county_code, start_date=start_date, end_date=end_date)


RENOVATION_TOTALS_SQL = """
SELECT COUNT(*) AS household_count,
  COALESCE(SUM(r.cost_yuan), 0) AS cost_yuan,
  AVG(r.cost_yuan) AS cost_per_household_yuan,
  COUNT(DISTINCT r.township_code) AS township_count
FROM renovations r
WHERE""" + _RENOVATION_FILTER


def renovation_totals(county_code: str | None = None, start_date: date = FAR_PAST,
                      end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """One row: households renovated, total spending, spending per household (None when there are
    none) and townships reached. Columns: household_count, cost_yuan, cost_per_household_yuan,
    township_count."""
    return run(RENOVATION_TOTALS_SQL, county_code=county_code, start_date=start_date, end_date=end_date)


RENOVATION_YEARS_SQL = """
SELECT MIN(SUBSTR(CAST(completed_on AS VARCHAR(10)), 1, 4)) AS first_year,
  MAX(SUBSTR(CAST(completed_on AS VARCHAR(10)), 1, 4)) AS last_year
FROM renovations
"""


def renovation_years() -> pd.DataFrame:
    """One row: the first and last year with a completion. Columns: first_year, last_year ('YYYY' or
    None when there is none)."""
    return run(RENOVATION_YEARS_SQL)
