"""Time the queries behind the renovation, visit and charity pages, uncached, on the configured
database (DATABASE_URL): the median of a few runs each, and the rows each returns.

    .venv/bin/python bench/flow_queries.py
"""
from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard import db  # noqa: E402
from queries import charity, renovations, visits  # noqa: E402
from queries._run import FAR_FUTURE, fetch  # noqa: E402

RUNS = 5
PERIOD = dict(start_date=date(2019, 1, 1), end_date=FAR_FUTURE)
MONTHS = dict(start_month="0000-01", end_month="9999-12")
YEARS = dict(start_year="0000", end_year="9999")
CASES = [
    ("renovations_by_county_year", renovations.RENOVATIONS_BY_COUNTY_YEAR_SQL, dict(county_code=None, **PERIOD)),
    ("renovations_by_township", renovations.RENOVATIONS_BY_TOWNSHIP_SQL, dict(county_code=None, **PERIOD)),
    ("renovations_by_aim", renovations.RENOVATIONS_BY_AIM_SQL, dict(county_code=None, **PERIOD)),
    ("visits_by_month", visits.VISITS_BY_MONTH_SQL, dict(county_code=None, **MONTHS)),
    ("station_workload", visits.STATION_WORKLOAD_SQL, dict(county_code=None, **MONTHS)),
    ("workload_by_quarter", visits.WORKLOAD_BY_QUARTER_SQL, dict(county_code=None, **MONTHS)),
    ("coverage_by_group", visits.COVERAGE_BY_GROUP_SQL, dict(county_code=None, **YEARS)),
    ("stations_short_of_full_coverage", visits.STATIONS_SHORT_SQL, dict(county_code=None, **YEARS)),
    ("balance_by_year", charity.BALANCE_BY_YEAR_SQL, dict(county_code=None, **YEARS)),
    ("organisation_balances", charity.ORGANISATION_BALANCES_SQL, dict(county_code=None, **PERIOD)),
    ("raised_by_source", charity.RAISED_BY_SOURCE_SQL, dict(county_code=None, **PERIOD)),
    ("disbursed_by_destination", charity.DISBURSED_BY_DESTINATION_SQL,
     dict(destination="county", county_code=None, **PERIOD)),
]


def main() -> None:
    engine = db.get_engine(db.database_url())
    print(f"database: {engine.url.get_backend_name()}, {RUNS} runs each, median")
    print(f"{'query':34} {'ms':>8} {'rows':>6}")
    for name, sql, params in CASES:
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            rows = len(fetch(engine, sql, params))
            times.append((time.perf_counter() - started) * 1000)
        print(f"{name:34} {statistics.median(times):8.1f} {rows:6d}")


if __name__ == "__main__":
    main()
