"""One row of the `make bench` table, and how the table is printed.

Every benchmark module exposes `measure(...) -> list[Row]`. A row carries its figure, the figure it is
compared with (if any), its budget in words and whether the budget is met (None: no budget, shown for
information only)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    section: str          # e.g. "pages (demo, SQLite)", "queries (province, PostgreSQL)"
    name: str             # e.g. "city-overview", "visits_by_month"
    figure: str           # the measurement as printed, e.g. "1.23 s", "p50 4.1 ms / p95 6.0 ms"
    detail: str = ""      # e.g. "blank 0.80 s, ratio 1.54"
    budget: str = ""      # e.g. "<= 1.5x blank"
    met: bool | None = None


def print_table(rows: list[Row]) -> tuple[int, int]:
    """Print the rows grouped by section; returns (budgets met, budgets in all)."""
    section = None
    width = max((len(r.name) for r in rows), default=10)
    for row in rows:
        if row.section != section:
            section = row.section
            print(f"\n## {section}")
        mark = {True: "met", False: "MISSED", None: ""}[row.met]
        print(f"  {row.name:<{width}}  {row.figure:>24}  {row.detail:<40}  {row.budget:<22} {mark}".rstrip())
    judged = [r for r in rows if r.met is not None]
    return sum(1 for r in judged if r.met), len(judged)
