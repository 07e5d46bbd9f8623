"""Small-count suppression: no count of people small enough to recognise someone is shown below
county level, nor can one be worked out by subtraction from a total. One mechanism for pages, tables,
downloads and exports."""
from __future__ import annotations

import pandas as pd

from dashboard import settings


def threshold() -> int:
    """Counts below this are suppressed (setting SUPPRESSION_THRESHOLD)."""
    return settings.get_int("SUPPRESSION_THRESHOLD")


def suppression_mask(frame: pd.DataFrame, count_columns: list[str], group_columns: list[str] | None = None,
                     across_columns: bool = False) -> pd.DataFrame:
    """Which cells to hide. Primary: counts from 1 to threshold-1. Secondary: wherever exactly one
    hidden cell sits among cells that add up to a total that is shown — each column within each group
    of rows (the whole table when no group is given), and each row across the count columns when
    across_columns — the smallest other cell is hidden too, until no such cell remains."""
    limit = threshold()
    values = frame[count_columns]
    mask = values.notna() & (values > 0) & (values < limit)
    groups = [frame.index] if not group_columns else [g.index for _, g in frame.groupby(group_columns)]
    changed = True
    while changed:
        changed = False
        for column in count_columns:
            for index in groups:
                changed |= _hide_complement(mask, values, list(index), [column])
        if across_columns:
            for row in frame.index:
                changed |= _hide_complement(mask, values, [row], count_columns)
    return mask


def _hide_complement(mask: pd.DataFrame, values: pd.DataFrame, rows: list, columns: list[str]) -> bool:
    cells = [(r, c) for r in rows for c in columns]
    hidden = [cell for cell in cells if mask.at[cell]]
    visible = [cell for cell in cells if not mask.at[cell] and pd.notna(values.at[cell])]
    if len(hidden) != 1 or not visible:
        return False
    smallest = min(visible, key=lambda cell: (values.at[cell], str(cell)))
    mask.at[smallest] = True
    return True


def suppress_small_counts(frame: pd.DataFrame, count_columns: list[str], group_columns: list[str] | None = None,
                          across_columns: bool = False) -> pd.DataFrame:
    """A copy for display (tables, downloads, exports) with hidden cells reading '<5'."""
    mask = suppression_mask(frame, count_columns, group_columns, across_columns)
    shown = frame.copy()
    label = f"<{threshold()}"
    for column in count_columns:
        shown[column] = shown[column].astype(object).where(~mask[column], label)
    return shown
