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
