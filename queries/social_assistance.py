"""Questions about social assistance and dynamic monitoring: the monitored low-income population, the
risk warnings raised by comparing eight departments' data, and the needs submitted by scanning a code.

Months are 'YYYY-MM' strings; a period is [start_month, end_month] inclusive. "All" counties is None.
"""
from __future__ import annotations

import pandas as pd

from queries._run import run

FIRST_MONTH, LAST_MONTH = "0000-01", "9999-12"


def _rows_of(columns: str, summary: str, detail: str, alias: str = "w") -> str:
    """A FROM item (named `alias`) of these columns: the summary over all counties when no county is chosen, else the
    chosen county's detail rows (through their county index). Only one branch returns rows; PostgreSQL
    skips the other without reading it."""
    return f"""(
  SELECT {columns} FROM {summary}
  WHERE CAST(:county_code AS VARCHAR(6)) IS NULL
  UNION ALL
  SELECT {columns} FROM {detail}
  WHERE county_code = :county_code
) {alias}"""


_BY_OUTCOME = _rows_of("month, outcome, days_to_handle, warning_count", "warnings_department_monthly",
                       "risk_warnings_monthly")
_BY_DEPARTMENT = _rows_of("month, source_department, outcome, days_to_handle, warning_count",
                          "warnings_department_monthly", "risk_warnings_monthly")
_BY_TYPE = _rows_of("month, warning_type, outcome, days_to_handle, warning_count", "warnings_type_monthly",
                    "risk_warnings_monthly")


SOCIAL_ASSISTANCE_MONTHS_SQL = """
SELECT MIN(month) AS first_month, MAX(month) AS last_month
FROM (
  SELECT month FROM monitored_population_monthly
  UNION ALL SELECT month FROM risk_warnings_monthly
  UNION ALL SELECT month FROM assistance_requests_monthly
) m
"""


def social_assistance_months() -> pd.DataFrame:
    """One row: the first and last month with data in any of the three datasets.
    Columns: first_month, last_month ('YYYY-MM'; None when empty)."""
    return run(SOCIAL_ASSISTANCE_MONTHS_SQL)


MONITORED_BY_MONTH_SQL = """
SELECT p.month, p.category_code, SUM(p.person_count) AS person_count
FROM monitored_county_monthly p
WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR p.county_code = :county_code)
  AND p.month BETWEEN :start_month AND :end_month
GROUP BY p.month, p.category_code
ORDER BY p.month, p.category_code
"""


def monitored_by_month_and_category(county_code: str | None = None, start_month: str = FIRST_MONTH,
                                    end_month: str = LAST_MONTH) -> pd.DataFrame:
    """People under dynamic monitoring at each month's end, per category.
    Columns: month ('YYYY-MM'), category_code, person_count (people)."""
    return run(MONITORED_BY_MONTH_SQL, county_code=county_code, start_month=start_month, end_month=end_month)


MONITORED_LATEST_SQL = """
SELECT p.month, SUM(p.person_count) AS person_count
FROM monitored_county_monthly p
WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR p.county_code = :county_code)
  AND p.month = (SELECT MAX(q.month) FROM monitored_county_monthly q WHERE q.month <= :as_of_month)
GROUP BY p.month
"""


def monitored_population_at(as_of_month: str = LAST_MONTH, county_code: str | None = None) -> pd.DataFrame:
    """The monitored population in the latest month with data on or before a month (a stock, not a sum
    over months). Columns: month ('YYYY-MM'), person_count (people); no row when there is no data."""
    return run(MONITORED_LATEST_SQL, as_of_month=as_of_month, county_code=county_code)


WARNING_SUMMARY_SQL = """
SELECT
  COALESCE(SUM(w.warning_count), 0) AS warning_count,
  COALESCE(SUM(CASE WHEN w.outcome <> 'open' THEN w.warning_count ELSE 0 END), 0) AS closed_count,
  COALESCE(SUM(CASE WHEN w.outcome <> 'open' AND w.days_to_handle <= :limit_days
                    THEN w.warning_count ELSE 0 END), 0) AS handled_within_limit_count,
  COALESCE(SUM(CASE WHEN w.outcome = 'brought_in' THEN w.warning_count ELSE 0 END), 0) AS brought_in_count,
  COALESCE(SUM(CASE WHEN w.outcome = 'open' THEN w.warning_count ELSE 0 END), 0) AS open_count,
  COALESCE(SUM(CASE WHEN w.outcome = 'open' AND w.days_to_handle > :limit_days
                    THEN w.warning_count ELSE 0 END), 0) AS open_overdue_count
FROM """ + _BY_OUTCOME + """
WHERE w.month BETWEEN :start_month AND :end_month
"""


def warning_summary(county_code: str | None = None, start_month: str = FIRST_MONTH,
                    end_month: str = LAST_MONTH, limit_days: int = 15) -> pd.DataFrame:
    """One row of totals for warnings raised in the period. Columns: warning_count, closed_count,
    handled_within_limit_count (closed within limit_days), brought_in_count, open_count,
    open_overdue_count (still open after more than limit_days); all counts of warnings."""
    return run(WARNING_SUMMARY_SQL, county_code=county_code, start_month=start_month, end_month=end_month,
               limit_days=limit_days)


# The same measures of warnings, grouped by one dimension or another.
_WARNING_MEASURES = """
  SUM(w.warning_count) AS warning_count,
  SUM(CASE WHEN w.outcome = 'brought_in' THEN w.warning_count ELSE 0 END) AS brought_in_count,
  SUM(CASE WHEN w.outcome = 'not_eligible' THEN w.warning_count ELSE 0 END) AS not_eligible_count,
  SUM(CASE WHEN w.outcome = 'open' THEN w.warning_count ELSE 0 END) AS open_count,
  SUM(CASE WHEN w.outcome <> 'open' AND w.days_to_handle <= :limit_days
           THEN w.warning_count ELSE 0 END) AS handled_within_limit_count,
  100.0 * SUM(CASE WHEN w.outcome <> 'open' AND w.days_to_handle <= :limit_days
                   THEN w.warning_count ELSE 0 END) / NULLIF(SUM(w.warning_count), 0) AS handled_within_limit_pct
FROM {rows}
WHERE w.month BETWEEN :start_month AND :end_month
"""

_DEPARTMENT_MEASURES = _WARNING_MEASURES.format(rows=_BY_DEPARTMENT)
_TYPE_MEASURES = _WARNING_MEASURES.format(rows=_BY_TYPE)

WARNINGS_BY_DEPARTMENT_SQL = """
SELECT w.source_department AS source_department,""" + _DEPARTMENT_MEASURES + """GROUP BY w.source_department
ORDER BY warning_count DESC, w.source_department
"""

WARNINGS_BY_TYPE_SQL = """
SELECT w.warning_type AS warning_type,""" + _TYPE_MEASURES + """GROUP BY w.warning_type
ORDER BY warning_count DESC, w.warning_type
"""


def warnings_by_department(county_code: str | None = None, start_month: str = FIRST_MONTH,
                           end_month: str = LAST_MONTH, limit_days: int = 15) -> pd.DataFrame:
    """Warnings per source department, most first. Columns: source_department, warning_count,
    brought_in_count, not_eligible_count, open_count, handled_within_limit_count (counts of warnings),
    handled_within_limit_pct (% of the department's warnings closed within limit_days)."""
    return run(WARNINGS_BY_DEPARTMENT_SQL, county_code=county_code, start_month=start_month,
               end_month=end_month, limit_days=limit_days)


def warnings_by_type(county_code: str | None = None, start_month: str = FIRST_MONTH,
                     end_month: str = LAST_MONTH, limit_days: int = 15) -> pd.DataFrame:
    """Warnings per warning type, most first. Columns: warning_type and the counts and
    handled_within_limit_pct of warnings_by_department."""
    return run(WARNINGS_BY_TYPE_SQL, county_code=county_code, start_month=start_month, end_month=end_month,
               limit_days=limit_days)


HANDLING_DAYS_SQL = """
SELECT w.days_to_handle, SUM(w.warning_count) AS warning_count
FROM """ + _BY_OUTCOME + """
WHERE w.month BETWEEN :start_month AND :end_month AND w.outcome <> 'open'
GROUP BY w.days_to_handle
ORDER BY w.days_to_handle
"""


def warning_handling_days(county_code: str | None = None, start_month: str = FIRST_MONTH,
                          end_month: str = LAST_MONTH) -> pd.DataFrame:
    """How long closed warnings took. Columns: days_to_handle (days), warning_count (warnings)."""
    return run(HANDLING_DAYS_SQL, county_code=county_code, start_month=start_month, end_month=end_month)


OPEN_BACKLOG_SQL = """
SELECT t.county_code, w.township_code, t.name_zh AS township_name_zh,
  w.open_count, w.open_overdue_count, w.longest_open_days
FROM (
  SELECT township_code, SUM(warning_count) AS open_count,
    SUM(CASE WHEN days_to_handle > :limit_days THEN warning_count ELSE 0 END) AS open_overdue_count,
    MAX(days_to_handle) AS longest_open_days
  FROM risk_warnings_monthly
  WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR county_code = :county_code)
    AND month BETWEEN :start_month AND :end_month AND outcome = 'open'
  GROUP BY township_code
) w
JOIN townships t ON t.township_code = w.township_code
ORDER BY w.open_overdue_count DESC, w.open_count DESC, w.township_code
"""
# Grouped by township alone and named afterwards: grouping on the names too made PostgreSQL sort the
# open rows by text (170 ms at province scale, against 66 ms).


def open_backlog_by_township(county_code: str | None = None, start_month: str = FIRST_MONTH,
                             end_month: str = LAST_MONTH, limit_days: int = 15) -> pd.DataFrame:
    """Townships with warnings still open, longest-overdue first. Columns: county_code, township_code,
    township_name_zh, open_count, open_overdue_count (open for more than limit_days; warnings),
    longest_open_days (days)."""
    return run(OPEN_BACKLOG_SQL, county_code=county_code, start_month=start_month, end_month=end_month,
               limit_days=limit_days)


WARNINGS_PER_1000_SQL = """
SELECT t.county_code, t.township_code, t.name_zh AS township_name_zh,
  COALESCE(w.warning_count, 0) AS warning_count,
  p.person_count AS monitored_count,
  1000.0 * COALESCE(w.warning_count, 0) / p.person_count AS warnings_per_1000_monitored
FROM townships t
JOIN (
  SELECT m.township_code, SUM(m.person_count) AS person_count
  FROM monitored_population_monthly m
  WHERE m.month = (SELECT MAX(q.month) FROM monitored_population_monthly q
                   WHERE q.month BETWEEN :start_month AND :end_month)
  GROUP BY m.township_code
) p ON p.township_code = t.township_code
LEFT JOIN (
  SELECT w.township_code, SUM(w.warning_count) AS warning_count
  FROM warnings_township_monthly w
  WHERE w.month BETWEEN :start_month AND :end_month
  GROUP BY w.township_code
) w ON w.township_code = t.township_code
WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR t.county_code = :county_code)
  AND p.person_count > 0
ORDER BY t.county_code, t.township_code
"""


def warnings_per_1000_monitored_by_township(county_code: str | None = None, start_month: str = FIRST_MONTH,
                                            end_month: str = LAST_MONTH) -> pd.DataFrame:
    """For the coverage map: warnings raised in the period per 1,000 people monitored at the period's last
    month with data, by township. Columns: county_code, township_code, township_name_zh, warning_count
    (warnings), monitored_count (people), warnings_per_1000_monitored (warnings per 1,000 people)."""
    return run(WARNINGS_PER_1000_SQL, county_code=county_code, start_month=start_month, end_month=end_month)


# Departments one at a time through the (source_department, month) index, instead of reading every
# warning row to count a handful of distinct values.
DEPARTMENT_COUNT_SQL = """
WITH RECURSIVE department(code) AS (
  SELECT MIN(w.source_department) FROM risk_warnings_monthly w WHERE w.month <= :as_of_month
  UNION ALL
  SELECT (SELECT MIN(w.source_department) FROM risk_warnings_monthly w
          WHERE w.source_department > d.code AND w.month <= :as_of_month)
  FROM department d
  WHERE d.code IS NOT NULL
)
SELECT COUNT(code) AS department_count FROM department
"""


def data_sharing_department_count(as_of_month: str = LAST_MONTH) -> pd.DataFrame:
    """One row: the source departments whose data raised warnings up to a month. Columns: department_count."""
    return run(DEPARTMENT_COUNT_SQL, as_of_month=as_of_month)


REQUEST_TOTALS_SQL = """
SELECT
  COALESCE(SUM(r.request_count), 0) AS request_count,
  COALESCE(SUM(CASE WHEN r.outcome <> 'open' THEN r.request_count ELSE 0 END), 0) AS handled_count,
  COALESCE(SUM(CASE WHEN r.outcome <> 'open' AND r.days_to_handle <= :limit_days
                    THEN r.request_count ELSE 0 END), 0) AS handled_within_limit_count,
  COALESCE(SUM(CASE WHEN r.outcome = 'open' THEN r.request_count ELSE 0 END), 0) AS open_count
FROM assistance_requests_monthly r
WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR r.county_code = :county_code)
  AND r.month BETWEEN :start_month AND :end_month
"""


def request_totals(county_code: str | None = None, start_month: str = FIRST_MONTH,
                   end_month: str = LAST_MONTH, limit_days: int = 15) -> pd.DataFrame:
    """One row of totals for requests submitted in the period. Columns: request_count, handled_count
    (any outcome but open), handled_within_limit_count, open_count; all counts of requests."""
    return run(REQUEST_TOTALS_SQL, county_code=county_code, start_month=start_month, end_month=end_month,
               limit_days=limit_days)


REQUESTS_BY_NEED_SQL = """
SELECT r.need_code, r.outcome, SUM(r.request_count) AS request_count
FROM """ + _rows_of("month, need_code, outcome, request_count", "requests_need_monthly",
                    "assistance_requests_monthly", alias="r") + """
WHERE r.month BETWEEN :start_month AND :end_month
GROUP BY r.need_code, r.outcome
ORDER BY r.need_code, r.outcome
"""


def requests_by_need_and_outcome(county_code: str | None = None, start_month: str = FIRST_MONTH,
                                 end_month: str = LAST_MONTH) -> pd.DataFrame:
    """Requests per type of need and outcome. Columns: need_code, outcome, request_count (requests)."""
    return run(REQUESTS_BY_NEED_SQL, county_code=county_code, start_month=start_month, end_month=end_month)
