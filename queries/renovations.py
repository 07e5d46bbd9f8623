"""Questions about aging-friendly home renovations (适老化改造) of elderly people in special difficulty."""
from __future__ import annotations

from datetime import date

import pandas as pd

from queries._periods import run_for_dates
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

RENOVATIONS_BY_YEAR_BY_YEARS_SQL = """
SELECT y.year, SUM(y.household_count) AS household_count, SUM(y.cost_yuan) AS cost_yuan
FROM renovations_yearly y
WHERE y.year BETWEEN :start_year AND :end_year
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR y.county_code = :county_code)
GROUP BY y.year
ORDER BY y.year
"""


def renovations_by_year(county_code: str | None = None, start_date: date = FAR_PAST,
                        end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Households renovated per calendar year of completion. Columns: year ('YYYY'), household_count,
    cost_yuan."""
    return run_for_dates(run, RENOVATIONS_BY_YEAR_SQL, RENOVATIONS_BY_YEAR_BY_YEARS_SQL,
                         start_date, end_date, county_code=county_code)


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

RENOVATIONS_BY_COUNTY_YEAR_BY_YEARS_SQL = """
SELECT y.year, y.county_code, SUM(y.household_count) AS household_count, SUM(y.cost_yuan) AS cost_yuan
FROM renovations_yearly y
WHERE y.year BETWEEN :start_year AND :end_year
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR y.county_code = :county_code)
GROUP BY y.year, y.county_code
ORDER BY y.year, y.county_code
"""


def renovations_by_county_year(county_code: str | None = None, start_date: date = FAR_PAST,
                               end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Households renovated per year of completion and county. Columns: year ('YYYY'), county_code,
    household_count, cost_yuan."""
    return run_for_dates(run, RENOVATIONS_BY_COUNTY_YEAR_SQL, RENOVATIONS_BY_COUNTY_YEAR_BY_YEARS_SQL,
                         start_date, end_date, county_code=county_code)


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

RENOVATIONS_BY_TOWNSHIP_BY_YEARS_SQL = """
SELECT y.county_code, y.township_code, t.name_zh AS township_name_zh,
  SUM(y.household_count) AS household_count, SUM(y.cost_yuan) AS cost_yuan
FROM renovations_yearly y
LEFT JOIN townships t ON t.township_code = y.township_code
WHERE y.year BETWEEN :start_year AND :end_year
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR y.county_code = :county_code)
GROUP BY y.county_code, y.township_code, t.name_zh
ORDER BY y.county_code, SUM(y.household_count) DESC, y.township_code
"""


def renovations_by_township(county_code: str | None = None, start_date: date = FAR_PAST,
                            end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Households renovated per township (most first within each county). Columns: county_code,
    township_code, township_name_zh, household_count, cost_yuan."""
    return run_for_dates(run, RENOVATIONS_BY_TOWNSHIP_SQL, RENOVATIONS_BY_TOWNSHIP_BY_YEARS_SQL,
                         start_date, end_date, county_code=county_code)


RENOVATIONS_BY_CATEGORY_SQL = """
SELECT r.category AS category_code,
  COUNT(*) AS household_count,
  SUM(r.cost_yuan) AS cost_yuan
FROM renovations r
WHERE""" + _RENOVATION_FILTER + """
GROUP BY r.category
ORDER BY COUNT(*) DESC, r.category
"""

RENOVATIONS_BY_CATEGORY_BY_YEARS_SQL = """
SELECT y.category AS category_code, SUM(y.household_count) AS household_count, SUM(y.cost_yuan) AS cost_yuan
FROM renovations_yearly y
WHERE y.year BETWEEN :start_year AND :end_year
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR y.county_code = :county_code)
GROUP BY y.category
ORDER BY SUM(y.household_count) DESC, y.category
"""


def renovations_by_category(county_code: str | None = None, start_date: date = FAR_PAST,
                            end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Households renovated per category of elderly person. Columns: category_code, household_count,
    cost_yuan."""
    return run_for_dates(run, RENOVATIONS_BY_CATEGORY_SQL, RENOVATIONS_BY_CATEGORY_BY_YEARS_SQL,
                         start_date, end_date, county_code=county_code)


RENOVATIONS_BY_AIM_SQL = """
SELECT i.aim_code,
  COUNT(DISTINCT i.household_ref) AS household_count
FROM renovation_items i
JOIN renovations r ON r.household_ref = i.household_ref
WHERE""" + _RENOVATION_FILTER + """
GROUP BY i.aim_code
ORDER BY i.aim_code
"""

RENOVATIONS_BY_AIM_BY_YEARS_SQL = """
SELECT y.aim_code, SUM(y.household_count) AS household_count
FROM renovation_aims_yearly y
WHERE y.year BETWEEN :start_year AND :end_year
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR y.county_code = :county_code)
GROUP BY y.aim_code
ORDER BY y.aim_code
"""


def renovations_by_aim(county_code: str | None = None, start_date: date = FAR_PAST,
                       end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Households whose renovation met each of the six aims (a household can count under several).
    Columns: aim_code, household_count."""
    return run_for_dates(run, RENOVATIONS_BY_AIM_SQL, RENOVATIONS_BY_AIM_BY_YEARS_SQL,
                         start_date, end_date, county_code=county_code)


RENOVATION_TOTALS_SQL = """
SELECT COUNT(*) AS household_count,
  COALESCE(SUM(r.cost_yuan), 0) AS cost_yuan,
  AVG(r.cost_yuan) AS cost_per_household_yuan,
  COUNT(DISTINCT r.township_code) AS township_count
FROM renovations r
WHERE""" + _RENOVATION_FILTER


RENOVATION_TOTALS_BY_YEARS_SQL = """
SELECT COALESCE(SUM(y.household_count), 0) AS household_count,
  COALESCE(SUM(y.cost_yuan), 0) AS cost_yuan,
  CASE WHEN SUM(y.household_count) > 0
    THEN CAST(SUM(y.cost_yuan) AS FLOAT) / SUM(y.household_count) END AS cost_per_household_yuan,
  COUNT(DISTINCT y.township_code) AS township_count
FROM renovations_yearly y
WHERE y.year BETWEEN :start_year AND :end_year
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR y.county_code = :county_code)
"""


def renovation_totals(county_code: str | None = None, start_date: date = FAR_PAST,
                      end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """One row: households renovated, total spending, spending per household (None when there are
    none) and townships reached. Columns: household_count, cost_yuan, cost_per_household_yuan,
    township_count."""
    return run_for_dates(run, RENOVATION_TOTALS_SQL, RENOVATION_TOTALS_BY_YEARS_SQL,
                         start_date, end_date, county_code=county_code)


RENOVATION_YEARS_SQL = """
SELECT MIN(year) AS first_year, MAX(year) AS last_year
FROM renovations_yearly
"""


def renovation_years() -> pd.DataFrame:
    """One row: the first and last year with a completion. Columns: first_year, last_year ('YYYY' or
    None when there is none)."""
    return run(RENOVATION_YEARS_SQL)
