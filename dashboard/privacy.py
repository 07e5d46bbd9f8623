"""Small-count suppression: no count of people small enough to recognise someone is shown below
county level. One mechanism for pages, tables, downloads and exports."""
from __future__ import annotations

import pandas as pd

from dashboard import settings

SUPPRESSED = "<5"


def threshold() -> int:
    """Counts below this are suppressed (setting SUPPRESSION_THRESHOLD)."""
    return settings.get_int("SUPPRESSION_THRESHOLD")


def suppress_small_counts(frame: pd.DataFrame, count_columns: list[str]) -> pd.DataFrame:
    """A copy for display where each count of people in 1..threshold-1 reads '<N' (zero stays 0)."""
    limit = threshold()
    label = f"<{limit}"
    shown = frame.copy()
    for column in count_columns:
        values = shown[column]
        small = values.notna() & (values > 0) & (values < limit)
        shown[column] = values.astype(object).where(~small, label)
    return shown
