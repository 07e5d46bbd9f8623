"""Reconcile the database against every figure the bureau has published.

A figure with a metric is recomputed from the data and must agree with the published value. A figure
without one (metric_key NULL) is a fact the product only registers — it holds no dataset the figure
could be recomputed from — and gets the status "registered (no dataset)": listed, never counted as
matching, and never failing. Reading the register's own value back would be circular, so we don't.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pandas as pd

from dashboard import metrics
from queries import registers

COLUMNS = ["figure_key", "published_value", "relation", "computed_value", "status"]
MATCH, MISMATCH, NOT_COMPUTED, REGISTERED = "match", "mismatch", "not computed", "registered (no dataset)"
# Statuses that let the reconcile pass: agreement, or a figure there is no dataset to recompute it from.
PASSING = (MATCH, REGISTERED)


def reconcile() -> pd.DataFrame:
    """Each published figure beside the value the product computes. Columns: figure_key,
    published_value, relation, computed_value, status ('match' | 'mismatch' | 'not computed' |
    'registered (no dataset)')."""
    rows = []
    for figure in registers.published_figures().itertuples():
        computed = None
        has_metric = isinstance(figure.metric_key, str) and bool(figure.metric_key)
        if has_metric:
            period = metrics.Period(figure.period_start, figure.period_end, date.fromisoformat(figure.as_of))
            computed = metrics.compute(figure.metric_key, period)
        rows.append({"figure_key": figure.figure_key, "published_value": figure.value,
                     "relation": figure.relation, "computed_value": computed,
                     "status": REGISTERED if not has_metric
                     else status(figure.value, figure.relation, computed)})
    return pd.DataFrame(rows, columns=COLUMNS)


def status(published: float, relation: str, computed: float | None) -> str:
    """Whether a computed value agrees with a published one, at the precision it was published.

    '=': equal once rounded to the published decimals; '>=' (以上, 余, 多): at least the published value;
    '≈' (约): within half a unit of the published value's last significant digit (约11.97万 stored as
    119,700 means 119,650 to 119,750)."""
    if computed is None:
        return NOT_COMPUTED
    if relation == ">=":
        return MATCH if computed >= published else MISMATCH
    if relation == "≈":
        return MATCH if abs(computed - published) <= approximate_tolerance(published) else MISMATCH
    return MATCH if round(computed, _decimals(published)) == published else MISMATCH


def approximate_tolerance(published: float) -> float:
    """Half a unit of the last significant digit: 119700 -> 50, 11.97 -> 0.005, 120000 -> 5000."""
    exponent = Decimal(repr(float(published))).normalize().as_tuple().exponent
    return 0.5 * 10.0 ** exponent


def _decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])
