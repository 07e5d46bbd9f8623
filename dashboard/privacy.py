"""Small-count suppression: no count of people small enough to recognise someone is shown below
county level, nor can one be worked out by subtraction from a total. One mechanism for pages, tables,
downloads and exports."""
from __future__ import annotations

import numpy as np
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
    # The search runs on arrays (positions), which is what keeps a table of some hundred rows cheap.
    numbers = values.apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    hidden = mask.to_numpy(dtype=bool).copy()
    labels = [[str((row, column)) for column in count_columns] for row in frame.index] if len(frame) else []
    if group_columns:
        # Groups numbered in the order groupby iterates them; rows with a missing key belong to none.
        numbered = frame.groupby(group_columns).ngroup().fillna(-1).to_numpy(dtype=int)
        groups = [np.flatnonzero(numbered == number) for number in range(numbered.max(initial=-1) + 1)]
    else:
        groups = [np.arange(len(frame))]
    every_column = np.arange(len(count_columns))
    changed = True
    while changed:
        changed = False
        for column in every_column:
            for rows in groups:
                changed |= _hide_complement(hidden, numbers, labels, rows, np.array([column]))
        if across_columns:
            for row in range(len(frame)):
                changed |= _hide_complement(hidden, numbers, labels, np.array([row]), every_column)
    return pd.DataFrame(hidden, index=mask.index, columns=mask.columns)


def _hide_complement(hidden: np.ndarray, numbers: np.ndarray, labels: list[list[str]], rows: np.ndarray,
                     columns: np.ndarray) -> bool:
    cells = np.ix_(rows, columns)
    if hidden[cells].sum() != 1:
        return False
    candidates = ~hidden[cells] & ~np.isnan(numbers[cells])
    if not candidates.any():
        return False
    # The smallest visible cell; among equal values, the first by the text of its (row, column) label.
    block = np.where(candidates, numbers[cells], np.inf)
    tied = np.argwhere(candidates & (block == block.min()))
    row, column = min(((rows[r], columns[c]) for r, c in tied), key=lambda cell: labels[cell[0]][cell[1]])
    hidden[row, column] = True
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
