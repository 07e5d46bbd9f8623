"""Questions about places: counties, townships, villages."""
from __future__ import annotations

import pandas as pd

from queries._run import run

COUNTIES_SQL = """
SELECT county_code, name_zh, name_en
FROM counties
ORDER BY sort_order
"""


def counties() -> pd.DataFrame:
    """The counties in display order. Columns: county_code, name_zh, name_en."""
    return run(COUNTIES_SQL)


TOWNSHIPS_SQL = """
SELECT t.township_code, t.county_code, t.name_zh, t.kind, t.population_count
FROM townships t
WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR t.county_code = :county_code)
ORDER BY t.township_code
"""


def townships(county_code: str | None = None) -> pd.DataFrame:
    """Township-level units. Columns: township_code, county_code, name_zh, kind, population_count."""
    return run(TOWNSHIPS_SQL, county_code=county_code)


COUNTY_POPULATION_SQL = """
SELECT c.county_code, COALESCE(SUM(t.population_count), 0) AS population_count
FROM counties c
LEFT JOIN townships t ON t.county_code = c.county_code
GROUP BY c.county_code, c.sort_order
ORDER BY c.sort_order
"""


def county_population() -> pd.DataFrame:
    """Resident population per county (sum of its townships). Columns: county_code, population_count."""
    return run(COUNTY_POPULATION_SQL)
