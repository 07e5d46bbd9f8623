"""Reconcile the database against every figure the bureau has published."""
from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard import metrics
from queries import registers

COLUMNS = ["figure_key", "published_value", "relation", "computed_value", "status"]


def reconcile() -> pd.DataFrame:
    """Each published figure beside the value the product computes. Columns: figure_key,
    published_value, relation, computed_value, status ('match' | 'mismatch' | 'not computed')."""
    rows = []
    for figure in registers.published_figures().itertuples():
        computed = None
        if figure.metric_key:
            period = metrics.Period(figure.period_start, figure.period_end, date.fromisoformat(figure.as_of))
            computed = metrics.compute(figure.metric_key, period)
        rows.append({"figure_key": figure.figure_key, "published_value": figure.value,
                     "relation": figure.relation, "computed_value": computed,
                     "status": status(figure.value, figure.relation, computed)})
    return pd.DataFrame(rows, columns=COLUMNS)


def status(published: float, relation: str, computed: float | None) -> str:
    """Whether a computed value agrees with a published one, at the precision it was published."""
    if computed is None:
        return "not computed"
    if relation == ">=":
        return "match" if computed >= published else "mismatch"
    return "match" if round(computed, _decimals(published)) == published else "mismatch"


def _decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])
