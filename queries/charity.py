"""Questions about charity organisations, the money they raise and disburse, and community funds."""
from __future__ import annotations

from datetime import date

import pandas as pd

from queries._run import FAR_FUTURE, run

CHARITY_BY_YEAR_SQL = """
SELECT SUBSTR(CAST(f.flow_date AS VARCHAR(10)), 1, 4) AS year,
  COALESCE(SUM(CASE WHEN f.direction = 'raised' THEN f.amount_yuan END), 0) AS raised_yuan,
  COALESCE(SUM(CASE WHEN f.direction = 'disbursed' THEN f.amount_yuan END), 0) AS disbursed_yuan
FROM charity_flows f
WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR f.county_code = :county_code)
GROUP BY 1
ORDER BY 1
"""


def charity_by_year(county_code: str | None = None) -> pd.DataFrame:
    """Money raised and disbursed per calendar year. Columns: year ('YYYY'), raised_yuan, disbursed_yuan.
    A county filter keeps flows recorded against that county."""
    return run(CHARITY_BY_YEAR_SQL, county_code=county_code)


CHARITY_TOTALS_SQL = """
SELECT
  COALESCE(SUM(CASE WHEN f.direction = 'raised' THEN f.amount_yuan END), 0) AS raised_yuan,
  COALESCE(SUM(CASE WHEN f.direction = 'disbursed' THEN f.amount_yuan END), 0) AS disbursed_yuan
FROM charity_flows f
WHERE f.flow_date BETWEEN :start_date AND :end_date
"""


def charity_totals(start_date: date, end_date: date) -> pd.DataFrame:
    """One row: money raised and disbursed between two dates (inclusive). Columns: raised_yuan,
    disbursed_yuan."""
    return run(CHARITY_TOTALS_SQL, start_date=start_date, end_date=end_date)


ORGANISATION_COUNT_SQL = """
SELECT COUNT(*) AS organisation_count
FROM charity_organisations
WHERE registered_on IS NULL OR registered_on <= :as_of
"""


def charity_organisation_count(as_of: date = FAR_FUTURE) -> pd.DataFrame:
    """One row: charity organisations registered by a date. Columns: organisation_count."""
    return run(ORGANISATION_COUNT_SQL, as_of=as_of)


COMMUNITY_FUND_TOTALS_SQL = """
SELECT COUNT(*) AS fund_count,
  COALESCE(SUM(raised_yuan), 0) AS raised_yuan,
  COALESCE(SUM(micro_project_count), 0) AS micro_project_count
FROM community_funds
WHERE established_on IS NULL OR established_on <= :as_of
"""


def community_fund_totals(as_of: date = FAR_FUTURE) -> pd.DataFrame:
    """One row: community funds set up by a date, what they raised and their micro-projects (惠民微实事).
    Columns: fund_count, raised_yuan, micro_project_count."""
    return run(COMMUNITY_FUND_TOTALS_SQL, as_of=as_of)


OPENING_BALANCE_SQL = """
SELECT COALESCE(SUM(opening_balance_yuan), 0) AS opening_balance_yuan,
  MIN(opening_balance_on) AS opening_balance_on
FROM charity_organisations
"""


def opening_balance() -> pd.DataFrame:
    """One row: what the organisations held when the flow records begin. Columns: opening_balance_yuan,
    opening_balance_on (ISO date)."""
    return run(OPENING_BALANCE_SQL)


DISBURSED_BY_PROGRAMME_SQL = """
SELECT f.programme_code, SUM(f.amount_yuan) AS disbursed_yuan
FROM charity_flows f
WHERE f.direction = 'disbursed' AND f.flow_date BETWEEN :start_date AND :end_date
GROUP BY f.programme_code
ORDER BY disbursed_yuan DESC
"""


def disbursed_by_programme(start_date: date, end_date: date) -> pd.DataFrame:
    """Money disbursed per programme between two dates. Columns: programme_code, disbursed_yuan."""
    return run(DISBURSED_BY_PROGRAMME_SQL, start_date=start_date, end_date=end_date)
