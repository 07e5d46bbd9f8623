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
