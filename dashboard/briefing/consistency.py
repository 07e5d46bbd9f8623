"""Checks of figures that look wrong together, so a slide carries a note and the page warns first."""
from __future__ import annotations

import pandas as pd


def charity_balance_notes(years: pd.DataFrame, opening_balance_yuan: float, language: str) -> list[str]:
    """Years where more was disbursed than raised: explained by the balance carried forward, or flagged
    when no such balance covers the difference. `years`: year, raised_yuan, disbursed_yuan (in order)."""
    from dashboard.formatting import format_yuan
    from dashboard.i18n import t
    notes, balance = [], opening_balance_yuan
    for row in years.itertuples():
        gap = row.disbursed_yuan - row.raised_yuan
        if gap > 0:
            key = "briefing.note.carried_forward" if balance >= gap else "briefing.note.no_balance"
            notes.append(t(key, language, year=row.year, gap=format_yuan(gap, language),
                           balance=format_yuan(max(balance, 0), language)))
        balance += row.raised_yuan - row.disbursed_yuan
    return notes


def rate_notes(rates: pd.Series, names: pd.Series, language: str) -> list[str]:
    """Rates above 100%, which cannot be right (eligible counts too low or enrolled double-counted)."""
    from dashboard.i18n import t
    return [t("briefing.note.rate_over_100", language, name=name, rate=f"{rate:.1f}%")
            for rate, name in zip(rates, names) if pd.notna(rate) and rate > 100]


def sum_notes(parts_total: float, whole: float, label: str, language: str) -> list[str]:
    """County figures that do not add up to the city's."""
    from dashboard.i18n import t
    if pd.isna(whole) or abs(parts_total - whole) < 0.5:
        return []
    return [t("briefing.note.sum_mismatch", language, label=label, parts=f"{parts_total:,.0f}",
              whole=f"{whole:,.0f}")]
