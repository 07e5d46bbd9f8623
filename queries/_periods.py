"""Which summary can answer a date range: the pages ask for whole calendar years, and the yearly
summary tables (dashboard/summaries.py) answer those exactly; any other range reads the detail rows."""
from __future__ import annotations

from datetime import date


def whole_years(start_date: date, end_date: date) -> tuple[str, str] | None:
    """('YYYY', 'YYYY') when the range runs from a 1 January to a 31 December (the open-ended bounds
    1900-01-01 and 9999-12-31 included); None otherwise."""
    if (start_date.month, start_date.day) == (1, 1) and (end_date.month, end_date.day) == (12, 31):
        return f"{start_date.year:04d}", f"{end_date.year:04d}"
    return None


def run_for_dates(run, detail_sql: str, yearly_sql: str, start_date: date, end_date: date, **params):
    """Run the yearly-summary SQL (with :start_year and :end_year) when the range is whole years, the
    detail SQL (with :start_date and :end_date) otherwise. `run` is the calling module's runner."""
    years = whole_years(start_date, end_date)
    if years:
        return run(yearly_sql, start_year=years[0], end_year=years[1], **params)
    return run(detail_sql, start_date=start_date, end_date=end_date, **params)
