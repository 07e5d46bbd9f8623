"""Questions about charity organisations, the money they raise and disburse, and community funds."""
from __future__ import annotations

from datetime import date

import pandas as pd

from queries._periods import run_for_dates
from queries._run import FAR_FUTURE, run, sort_codes

CHARITY_BY_YEAR_SQL = """
SELECT y.year,
  COALESCE(SUM(CASE WHEN y.direction = 'raised' THEN y.amount_yuan END), 0) AS raised_yuan,
  COALESCE(SUM(CASE WHEN y.direction = 'disbursed' THEN y.amount_yuan END), 0) AS disbursed_yuan
FROM charity_county_yearly y
WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR y.county_code = :county_code)
GROUP BY y.year
ORDER BY y.year
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

CHARITY_TOTALS_BY_YEARS_SQL = """
SELECT
  COALESCE(SUM(CASE WHEN y.direction = 'raised' THEN y.amount_yuan END), 0) AS raised_yuan,
  COALESCE(SUM(CASE WHEN y.direction = 'disbursed' THEN y.amount_yuan END), 0) AS disbursed_yuan
FROM charity_county_yearly y
WHERE y.year BETWEEN :start_year AND :end_year
"""


def charity_totals(start_date: date, end_date: date) -> pd.DataFrame:
    """One row: money raised and disbursed between two dates (inclusive). Columns: raised_yuan,
    disbursed_yuan."""
    return run_for_dates(run, CHARITY_TOTALS_SQL, CHARITY_TOTALS_BY_YEARS_SQL, start_date, end_date)


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


FAR_PAST = date(1900, 1, 1)

# The county filter of the flow pages keeps organisations registered in that county, so that each
# organisation's balance (opening balance + raised - disbursed) stays whole.
_ORGANISATION_FILTER = "(CAST(:county_code AS VARCHAR(6)) IS NULL OR o.county_code = :county_code)"
# The same filter without a join: with no county the condition folds away and nothing is joined.
_FLOW_ORGANISATION_FILTER = """(CAST(:county_code AS VARCHAR(6)) IS NULL OR {alias}.organisation_code IN (
    SELECT o.organisation_code FROM charity_organisations o WHERE o.county_code = :county_code))"""

BALANCE_BY_YEAR_SQL = """
WITH yearly AS (
  SELECT f.year,
    SUM(CASE WHEN f.direction = 'raised' THEN f.amount_yuan ELSE 0 END) AS raised_yuan,
    SUM(CASE WHEN f.direction = 'disbursed' THEN f.amount_yuan ELSE 0 END) AS disbursed_yuan
  FROM charity_org_yearly f
  JOIN charity_organisations o ON o.organisation_code = f.organisation_code
  WHERE """ + _ORGANISATION_FILTER + """
  GROUP BY f.year
),
opening AS (
  SELECT COALESCE(SUM(o.opening_balance_yuan), 0) AS opening_yuan
  FROM charity_organisations o
  WHERE """ + _ORGANISATION_FILTER + """
)
SELECT y.year,
  op.opening_yuan + COALESCE((SELECT SUM(p.raised_yuan - p.disbursed_yuan) FROM yearly p
                             WHERE p.year < y.year), 0) AS opening_balance_yuan,
  y.raised_yuan, y.disbursed_yuan,
  op.opening_yuan + (SELECT SUM(p.raised_yuan - p.disbursed_yuan) FROM yearly p
                     WHERE p.year <= y.year) AS closing_balance_yuan
FROM yearly y CROSS JOIN opening op
WHERE y.year BETWEEN :start_year AND :end_year
ORDER BY y.year
"""


def balance_by_year(county_code: str | None = None, start_year: str = "0000",
                    end_year: str = "9999") -> pd.DataFrame:
    """Per year, the organisations' balance brought forward, money raised and disbursed, and the
    balance carried forward (opening + raised - disbursed = closing; the first opening is the
    organisations' opening balances). A county keeps organisations registered there. Columns: year
    ('YYYY'), opening_balance_yuan, raised_yuan, disbursed_yuan, closing_balance_yuan."""
    return run(BALANCE_BY_YEAR_SQL, county_code=county_code, start_year=start_year, end_year=end_year)


ORGANISATION_BALANCES_SQL = """
WITH flows AS (
  SELECT f.organisation_code,
    SUM(CASE WHEN f.flow_date < :start_date
      THEN (CASE WHEN f.direction = 'raised' THEN f.amount_yuan ELSE -f.amount_yuan END) ELSE 0 END)
      AS before_yuan,
    SUM(CASE WHEN f.flow_date BETWEEN :start_date AND :end_date AND f.direction = 'raised'
      THEN f.amount_yuan ELSE 0 END) AS raised_yuan,
    SUM(CASE WHEN f.flow_date BETWEEN :start_date AND :end_date AND f.direction = 'disbursed'
      THEN f.amount_yuan ELSE 0 END) AS disbursed_yuan
  FROM charity_flows f
  WHERE f.flow_date <= :end_date
  GROUP BY f.organisation_code
)
SELECT o.organisation_code, o.name_zh AS organisation_name_zh, o.county_code,
  o.opening_balance_yuan + COALESCE(fl.before_yuan, 0) AS opening_balance_yuan,
  COALESCE(fl.raised_yuan, 0) AS raised_yuan,
  COALESCE(fl.disbursed_yuan, 0) AS disbursed_yuan,
  o.opening_balance_yuan + COALESCE(fl.before_yuan, 0) + COALESCE(fl.raised_yuan, 0)
    - COALESCE(fl.disbursed_yuan, 0) AS closing_balance_yuan
FROM charity_organisations o
LEFT JOIN flows fl ON fl.organisation_code = o.organisation_code
WHERE """ + _ORGANISATION_FILTER + """
ORDER BY COALESCE(fl.raised_yuan, 0) + COALESCE(fl.disbursed_yuan, 0) DESC, o.organisation_code
"""

ORGANISATION_BALANCES_BY_YEARS_SQL = ORGANISATION_BALANCES_SQL.replace("""
  SELECT f.organisation_code,
    SUM(CASE WHEN f.flow_date < :start_date""", """
  SELECT f.organisation_code,
    SUM(CASE WHEN f.year < :start_year""").replace(
    "f.flow_date BETWEEN :start_date AND :end_date", "f.year BETWEEN :start_year AND :end_year").replace(
    """  FROM charity_flows f
  WHERE f.flow_date <= :end_date""", """  FROM charity_org_yearly f
  WHERE f.year <= :end_year""")


def organisation_balances(county_code: str | None = None, start_date: date = FAR_PAST,
                          end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Per organisation over a period: balance at its start, raised, disbursed, balance at its end
    (largest turnover first). Columns: organisation_code, organisation_name_zh, county_code,
    opening_balance_yuan, raised_yuan, disbursed_yuan, closing_balance_yuan."""
    return run_for_dates(run, ORGANISATION_BALANCES_SQL, ORGANISATION_BALANCES_BY_YEARS_SQL,
                         start_date, end_date, county_code=county_code)


RAISED_BY_SOURCE_SQL = """
SELECT f.organisation_code, COALESCE(f.source_type, 'other') AS source_type,
  CAST(SUM(f.amount_yuan) AS FLOAT) AS amount_yuan
FROM charity_flows f
WHERE f.direction = 'raised' AND f.flow_date BETWEEN :start_date AND :end_date
  AND """ + _FLOW_ORGANISATION_FILTER.format(alias="f") + """
GROUP BY f.organisation_code, COALESCE(f.source_type, 'other')
"""

RAISED_BY_SOURCE_BY_YEARS_SQL = """
SELECT y.organisation_code, y.source_type, CAST(SUM(y.amount_yuan) AS FLOAT) AS amount_yuan
FROM charity_source_yearly y
WHERE y.year BETWEEN :start_year AND :end_year
  AND """ + _FLOW_ORGANISATION_FILTER.format(alias="y") + """
GROUP BY y.organisation_code, y.source_type
"""


def raised_by_source(county_code: str | None = None, start_date: date = FAR_PAST,
                     end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Money raised per organisation and source of funds. Columns: organisation_code, source_type,
    amount_yuan (float: the exact sum, converted once in the database rather than per value here)."""
    # Ordered here rather than by ORDER BY (sort_codes: PostgreSQL's text sort cost 25 ms at province scale).
    return sort_codes(run_for_dates(run, RAISED_BY_SOURCE_SQL, RAISED_BY_SOURCE_BY_YEARS_SQL,
                                    start_date, end_date, county_code=county_code),
                      ["organisation_code", "source_type"])


DISBURSED_BY_PROGRAMME_SQL = """
SELECT f.organisation_code, f.programme_code, CAST(SUM(f.amount_yuan) AS FLOAT) AS amount_yuan
FROM charity_flows f
WHERE f.direction = 'disbursed' AND f.flow_date BETWEEN :start_date AND :end_date
  AND """ + _FLOW_ORGANISATION_FILTER.format(alias="f") + """
GROUP BY f.organisation_code, f.programme_code
"""

DISBURSED_BY_PROGRAMME_BY_YEARS_SQL = """
SELECT y.organisation_code, y.programme_code, CAST(SUM(y.amount_yuan) AS FLOAT) AS amount_yuan
FROM charity_programme_yearly y
WHERE y.year BETWEEN :start_year AND :end_year
  AND """ + _FLOW_ORGANISATION_FILTER.format(alias="y") + """
GROUP BY y.organisation_code, y.programme_code
"""


def disbursed_by_programme(county_code: str | None = None, start_date: date = FAR_PAST,
                           end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Money disbursed per organisation and programme. Columns: organisation_code, programme_code,
    amount_yuan (float, as in raised_by_source)."""
    return sort_codes(run_for_dates(run, DISBURSED_BY_PROGRAMME_SQL, DISBURSED_BY_PROGRAMME_BY_YEARS_SQL,
                                    start_date, end_date, county_code=county_code),
                      ["organisation_code", "programme_code"])


DISBURSED_BY_DESTINATION_SQL = """
SELECT f.programme_code,
  CASE WHEN :destination = 'group' THEN COALESCE(f.beneficiary_group, 'other')
       ELSE COALESCE(f.county_code, 'other') END AS destination_code,
  SUM(f.amount_yuan) AS amount_yuan
FROM charity_flows f
JOIN charity_organisations o ON o.organisation_code = f.organisation_code
WHERE f.direction = 'disbursed' AND f.flow_date BETWEEN :start_date AND :end_date
  AND """ + _ORGANISATION_FILTER + """
GROUP BY 1, 2
ORDER BY 1, 2
"""

DISBURSED_BY_DESTINATION_BY_YEARS_SQL = """
SELECT y.programme_code,
  CASE WHEN :destination = 'group' THEN y.beneficiary_group ELSE y.county_code END AS destination_code,
  SUM(y.amount_yuan) AS amount_yuan
FROM charity_destination_yearly y
WHERE y.year BETWEEN :start_year AND :end_year
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR y.organisation_county_code = :county_code)
GROUP BY 1, 2
ORDER BY 1, 2
"""


def disbursed_by_destination(destination: str = "county", county_code: str | None = None,
                             start_date: date = FAR_PAST, end_date: date = FAR_FUTURE) -> pd.DataFrame:
    """Money disbursed per programme and where it went: the county ('county') or the group of
    beneficiaries ('group'). Columns: programme_code, destination_code, amount_yuan."""
    return run_for_dates(run, DISBURSED_BY_DESTINATION_SQL, DISBURSED_BY_DESTINATION_BY_YEARS_SQL,
                         start_date, end_date, destination=destination, county_code=county_code)


CHARITY_YEARS_SQL = """
SELECT (SELECT MIN(year) FROM charity_county_yearly) AS first_year,
  (SELECT MAX(year) FROM charity_county_yearly) AS last_year,
  (SELECT MAX(flow_date) FROM charity_flows) AS last_flow_date
"""


def charity_years() -> pd.DataFrame:
    """One row: the first and last year with a flow, and the last flow date. Columns: first_year,
    last_year ('YYYY' or None), last_flow_date (ISO date or None)."""
    return run(CHARITY_YEARS_SQL)


COMMUNITY_FUNDS_BY_COUNTY_SQL = """
SELECT c.county_code, COUNT(*) AS fund_count,
  SUM(c.raised_yuan) AS raised_yuan,
  SUM(c.micro_project_count) AS micro_project_count
FROM community_funds c
WHERE (c.established_on IS NULL OR c.established_on <= :as_of)
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR c.county_code = :county_code)
GROUP BY c.county_code
ORDER BY c.county_code
"""


def community_funds_by_county(county_code: str | None = None, as_of: date = FAR_FUTURE) -> pd.DataFrame:
    """Community funds set up by a date per county, what they raised and their micro-projects.
    Columns: county_code, fund_count, raised_yuan, micro_project_count."""
    return run(COMMUNITY_FUNDS_BY_COUNTY_SQL, county_code=county_code, as_of=as_of)


COMMUNITY_FUNDS_SQL = """
SELECT c.fund_code, c.name_zh AS fund_name_zh, c.county_code, t.name_zh AS township_name_zh,
  c.established_on, c.raised_yuan, c.micro_project_count
FROM community_funds c
LEFT JOIN townships t ON t.township_code = c.township_code
WHERE (c.established_on IS NULL OR c.established_on <= :as_of)
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR c.county_code = :county_code)
ORDER BY c.raised_yuan DESC, c.fund_code
"""


def community_funds(county_code: str | None = None, as_of: date = FAR_FUTURE) -> pd.DataFrame:
    """The community funds (largest first). Columns: fund_code, fund_name_zh, county_code,
    township_name_zh, established_on (ISO date), raised_yuan, micro_project_count."""
    return run(COMMUNITY_FUNDS_SQL, county_code=county_code, as_of=as_of)
