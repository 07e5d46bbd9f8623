"""Summary tables: GROUP BYs of the large tables, rebuilt by the write path in the write's transaction.

The pages' queries read these (a few thousand rows per city, some tens of thousands per province)
instead of the detail tables (millions of rows at province scale). Each summary names the tables it is
computed from; a write rebuilds the summaries of the tables it changed, so a summary always equals its
definition when the transaction commits. The SQL is portable (SQLite and PostgreSQL) and is the
definition. The visit summaries also have an in-memory form (dashboard/visit_summaries.py), used when the
writer holds every visit row of the months it rebuilds (a bulk import into an empty table): a GROUP BY
over a million rows it has just written costs seconds, the same sums over its own frame milliseconds.
tests/test_summaries.py compares both with the SQL.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from dashboard import bulk, codes, schema
from dashboard.bulk import is_empty
from dashboard.visit_summaries import (visits_county_rows, visits_station_rows, visits_township_rows,
                                       visits_with_stations, workload_rows)


@dataclass(frozen=True)
class Summary:
    table: str
    sources: frozenset[str]
    select_sql: str  # its columns in the order of the table's columns; {where} marks where a filter goes
    month_of_source: str | None = None  # e.g. "v.month": the summary can be rebuilt month by month
    month_sources: frozenset[str] = frozenset()  # the sources keyed by that month
    # Its in-memory form, from a frame of every row its month-keyed source holds in the months rebuilt
    # (in all months for a summary not kept by month): prepare(conn) reads what else it needs from the
    # database and returns a function that joins it to those rows (shared by the summaries with the same
    # prepare); from_rows(joined) gives its rows.
    prepare: Callable[[sa.Connection], Callable[[pd.DataFrame], object]] | None = None
    from_rows: Callable[[object], pd.DataFrame] | None = None
    # The columns of the index its readers scan, when they read many of its rows through it: the rows are
    # written in that order, so such a scan reads the table's pages one after another rather than a page
    # per row (a summary rebuilt whole is rewritten in order each time).
    stored_order: tuple[str, ...] = ()

    def rebuild(self, conn: sa.Connection, months: list[str] | None = None,
                computed: pd.DataFrame | None = None) -> None:
        """Recompute the summary, or only its rows of the given months (all of it when it is not kept
        by month). `computed`: its rows for those months when they were computed in memory."""
        table = schema.metadata.tables[self.table]
        columns = ", ".join(c.name for c in table.columns)
        if months is not None and self.month_of_source is None:
            months, computed = None, None  # rows of some months cannot give the whole summary
        chosen = sa.bindparam("months", expanding=True)
        if months is None:
            conn.execute(sa.text(f"DELETE FROM {self.table}"))
        else:
            conn.execute(sa.text(f"DELETE FROM {self.table} WHERE month IN :months").bindparams(chosen),
                         {"months": months})
        if computed is not None:
            bulk.insert(conn, table, self._in_stored_order(computed))
        elif months is None:
            conn.execute(sa.text(f"INSERT INTO {self.table} ({columns}) {self.select_sql.format(where='')}"
                                 f"{self._order_by(table)}"))
        else:
            select = self.select_sql.format(where=f"WHERE {self.month_of_source} IN :months")
            conn.execute(sa.text(f"INSERT INTO {self.table} ({columns}) {select}{self._order_by(table)}")
                         .bindparams(chosen), {"months": months})

    def _in_stored_order(self, rows: pd.DataFrame) -> pd.DataFrame:
        """Rows computed in memory, sorted as the database sorts the index (codes and quarters as text)."""
        if not self.stored_order or rows.empty:
            return rows
        return rows.sort_values(list(self.stored_order), key=_as_sorted_by_database, kind="stable",
                                na_position="last")

    def _order_by(self, table: sa.Table) -> str:
        """ORDER BY the stored order, by the positions of its columns in the SELECT (which lists the
        table's columns in order; its expressions have no names to sort by)."""
        if not self.stored_order:
            return ""
        names = [column.name for column in table.columns]
        return "\nORDER BY " + ", ".join(str(names.index(column) + 1) for column in self.stored_order)


def _as_sorted_by_database(column: pd.Series) -> pd.Series:
    """A column as its index orders it: categories by their text (code-point order, as the C and
    C.UTF-8 collations and SQLite order text), not in the order the categories were made."""
    return column.astype("str") if isinstance(column.dtype, pd.CategoricalDtype) else column


QUARTER_OF_MONTH = ("SUBSTR(v.month, 1, 4) || '-Q' || "
                    "CAST((CAST(SUBSTR(v.month, 6, 2) AS INTEGER) + 2) / 3 AS VARCHAR(1))")
YEAR_OF = "SUBSTR(CAST({column} AS VARCHAR(10)), 1, 4)"
_FLOW_YEAR = YEAR_OF.format(column="f.flow_date")
_RENOVATION_YEAR = YEAR_OF.format(column="r.completed_on")

# One SUM per group, in the order of the table's columns (the codes are ours, not user input).
_GROUP_SUMS = ",\n  ".join(f"SUM(CASE WHEN g.group_code = '{code}' THEN g.person_count ELSE 0 END)"
                           for code in codes.codes("group"))

SUMMARIES = [
    Summary("visits_county_monthly", frozenset({"visits_monthly", "stations"}), f"""
SELECT v.month, {QUARTER_OF_MONTH}, s.county_code, p.group_code,
  SUM(v.home_visit_count), SUM(v.case_count), SUM(v.people_served_count),
  SUM(v.six_society_visit_count), SUM(v.six_society_case_count), SUM(v.six_society_people_served_count)
FROM visits_monthly v
JOIN stations s ON s.station_code = v.station_code
JOIN population_groups p ON p.group_number = v.group_number
{{where}}
GROUP BY v.month, s.county_code, p.group_code""", "v.month", frozenset({"visits_monthly"}),
            visits_with_stations, visits_county_rows),
    Summary("visits_station_monthly", frozenset({"visits_monthly", "stations"}), f"""
SELECT v.month, {QUARTER_OF_MONTH}, COALESCE(s.parent_station_code, s.station_code), MIN(s.county_code),
  SUM(v.home_visit_count), SUM(v.case_count), SUM(v.people_served_count)
FROM visits_monthly v
JOIN stations s ON s.station_code = v.station_code
{{where}}
GROUP BY v.month, COALESCE(s.parent_station_code, s.station_code)""", "v.month", frozenset({"visits_monthly"}),
            visits_with_stations, visits_station_rows),
    # Read from visits_station_monthly, which comes before it in this list and so is rebuilt first;
    # kept by quarter, so rebuilt whole when visits change (and not at all when no visit row changed).
    Summary("workload_station_quarterly", frozenset({"visits_monthly", "stations"}), """
SELECT v.quarter, v.station_code, MIN(v.county_code), COUNT(*), SUM(v.home_visit_count),
  MAX(w.social_worker_count),
  CASE WHEN MAX(w.social_worker_count) > 0
    THEN CAST(SUM(v.home_visit_count) AS FLOAT) / MAX(w.social_worker_count) END,
  SUM(v.case_count), SUM(v.people_served_count)
FROM visits_station_monthly v
JOIN (
  SELECT COALESCE(p.parent_station_code, p.station_code) AS station_code,
    SUM(p.social_worker_count) AS social_worker_count
  FROM stations p
  GROUP BY COALESCE(p.parent_station_code, p.station_code)
) w ON w.station_code = v.station_code
GROUP BY v.quarter, v.station_code""", month_sources=frozenset({"visits_monthly"}),
            prepare=visits_with_stations, from_rows=workload_rows, stored_order=("quarter", "visits_per_worker")),
    Summary("visits_township_monthly", frozenset({"visits_monthly", "stations"}), """
SELECT v.month, s.township_code, SUM(v.home_visit_count)
FROM visits_monthly v
JOIN stations s ON s.station_code = v.station_code
{where}
GROUP BY v.month, s.township_code""", "v.month", frozenset({"visits_monthly"}),
            visits_with_stations, visits_township_rows),
    Summary("recipients_county_quarterly", frozenset({"service_recipients_quarterly", "stations"}), """
SELECT q.quarter, s.county_code, q.group_code, SUM(q.registered_count), SUM(q.visited_count)
FROM service_recipients_quarterly q
JOIN stations s ON s.station_code = q.station_code
GROUP BY q.quarter, s.county_code, q.group_code"""),
    Summary("recipients_station_quarterly", frozenset({"service_recipients_quarterly", "stations"}), """
SELECT q.quarter, q.station_code, MIN(s.county_code),
  SUM(CASE WHEN q.visited_count < q.registered_count THEN 1 ELSE 0 END),
  SUM(q.registered_count), SUM(q.visited_count)
FROM service_recipients_quarterly q
JOIN stations s ON s.station_code = q.station_code
GROUP BY q.quarter, q.station_code"""),
    Summary("monitored_county_monthly", frozenset({"monitored_population_monthly"}), """
SELECT p.month, p.county_code, p.category_code, SUM(p.person_count)
FROM monitored_population_monthly p
{where}
GROUP BY p.month, p.county_code, p.category_code""", "p.month", frozenset({"monitored_population_monthly"})),
    Summary("warnings_department_monthly", frozenset({"risk_warnings_monthly"}), """
SELECT w.month, w.source_department, w.outcome, w.days_to_handle, SUM(w.warning_count)
FROM risk_warnings_monthly w
{where}
GROUP BY w.month, w.source_department, w.outcome, w.days_to_handle""", "w.month",
            frozenset({"risk_warnings_monthly"})),
    Summary("warnings_type_monthly", frozenset({"risk_warnings_monthly"}), """
SELECT w.month, w.warning_type, w.outcome, w.days_to_handle, SUM(w.warning_count)
FROM risk_warnings_monthly w
{where}
GROUP BY w.month, w.warning_type, w.outcome, w.days_to_handle""", "w.month", frozenset({"risk_warnings_monthly"})),
    Summary("warnings_township_monthly", frozenset({"risk_warnings_monthly"}), """
SELECT w.month, w.township_code, SUM(w.warning_count)
FROM risk_warnings_monthly w
{where}
GROUP BY w.month, w.township_code""", "w.month", frozenset({"risk_warnings_monthly"})),
    Summary("requests_need_monthly", frozenset({"assistance_requests_monthly"}), """
SELECT r.month, r.need_code, r.outcome, SUM(r.request_count)
FROM assistance_requests_monthly r
{where}
GROUP BY r.month, r.need_code, r.outcome""", "r.month", frozenset({"assistance_requests_monthly"})),
    Summary("resources_county_monthly", frozenset({"station_resources_monthly", "stations"}), """
SELECT r.month, s.county_code, SUM(r.linked_charity_yuan)
FROM station_resources_monthly r
JOIN stations s ON s.station_code = r.station_code
{where}
GROUP BY r.month, s.county_code""", "r.month", frozenset({"station_resources_monthly"})),
    Summary("village_groups_wide", frozenset({"village_group_population"}), f"""
SELECT g.village_code,
  {_GROUP_SUMS}
FROM village_group_population g
GROUP BY g.village_code"""),
    Summary("renovations_yearly", frozenset({"renovations"}), f"""
SELECT {_RENOVATION_YEAR}, r.county_code, r.township_code, r.category, COUNT(*), SUM(r.cost_yuan)
FROM renovations r
GROUP BY {_RENOVATION_YEAR}, r.county_code, r.township_code, r.category"""),
    Summary("renovation_aims_yearly", frozenset({"renovations", "renovation_items"}), f"""
SELECT {_RENOVATION_YEAR}, r.county_code, i.aim_code, COUNT(*)
FROM renovation_items i
JOIN renovations r ON r.household_ref = i.household_ref
GROUP BY {_RENOVATION_YEAR}, r.county_code, i.aim_code"""),
    Summary("charity_org_yearly", frozenset({"charity_flows"}), f"""
SELECT {_FLOW_YEAR}, f.organisation_code, f.direction, SUM(f.amount_yuan)
FROM charity_flows f
GROUP BY {_FLOW_YEAR}, f.organisation_code, f.direction"""),
    Summary("charity_county_yearly", frozenset({"charity_flows"}), f"""
SELECT {_FLOW_YEAR}, f.county_code, f.direction, SUM(f.amount_yuan)
FROM charity_flows f
GROUP BY {_FLOW_YEAR}, f.county_code, f.direction"""),
    Summary("charity_source_yearly", frozenset({"charity_flows"}), f"""
SELECT {_FLOW_YEAR}, f.organisation_code, COALESCE(f.source_type, 'other'), SUM(f.amount_yuan)
FROM charity_flows f
WHERE f.direction = 'raised'
GROUP BY {_FLOW_YEAR}, f.organisation_code, COALESCE(f.source_type, 'other')"""),
    Summary("charity_programme_yearly", frozenset({"charity_flows"}), f"""
SELECT {_FLOW_YEAR}, f.organisation_code, f.programme_code, SUM(f.amount_yuan)
FROM charity_flows f
WHERE f.direction = 'disbursed'
GROUP BY {_FLOW_YEAR}, f.organisation_code, f.programme_code"""),
    Summary("charity_destination_yearly", frozenset({"charity_flows", "charity_organisations"}), f"""
SELECT {_FLOW_YEAR}, o.county_code, f.programme_code, COALESCE(f.county_code, 'other'),
  COALESCE(f.beneficiary_group, 'other'), SUM(f.amount_yuan)
FROM charity_flows f
JOIN charity_organisations o ON o.organisation_code = f.organisation_code
WHERE f.direction = 'disbursed'
GROUP BY {_FLOW_YEAR}, o.county_code, f.programme_code, COALESCE(f.county_code, 'other'),
  COALESCE(f.beneficiary_group, 'other')"""),
]


def _plan(changed_tables: set[str] | None, months: list[str] | None) -> list[tuple[Summary, list[str] | None]]:
    """The summaries a write of `changed_tables` (all when None) in `months` rebuilds, each with the
    months it rebuilds (None: all of it)."""
    plan = []
    for summary in SUMMARIES:
        changed = summary.sources & set(changed_tables) if changed_tables is not None else summary.sources
        if not changed:
            continue
        if months is not None and not months and changed <= summary.month_sources:
            continue  # no row of its sources changed
        by_month = months is not None and summary.month_of_source and changed <= summary.month_sources
        plan.append((summary, sorted(set(months)) if by_month else None))
    return plan


def refresh(conn: sa.Connection, changed_tables: set[str] | None = None, months: list[str] | None = None,
            computed: Mapping[str, pd.DataFrame] | None = None) -> list[str]:
    """Rebuild the summaries computed from any of `changed_tables` (all when None); returns their names.
    `months`: the changed tables changed only in these months ('YYYY-MM'), so a summary kept by month
    whose changed sources are all month-keyed is rebuilt for those months alone (not at all when the
    list is empty). `computed`: summaries' rows already computed by in_memory() for the same tables and
    months, inserted instead of computed again."""
    rebuilt = []
    for summary, chosen in _plan(changed_tables, months):
        summary.rebuild(conn, chosen, (computed or {}).get(summary.table))
        rebuilt.append(summary.table)
    return rebuilt


def in_memory(conn: sa.Connection, changed_tables: set[str] | None, months: list[str] | None,
              rows: Mapping[str, pd.DataFrame]) -> Callable[[], dict[str, pd.DataFrame]]:
    """For a write that holds every row a changed month-keyed table now has in `months` (in all months
    when None; e.g. a bulk load into an empty table): a function computing the rows of the summaries
    refresh() would rebuild that have an in-memory form, from those rows instead of reading them back.
    What else they need is read now, so the function does not use the connection and may run while it
    is busy; pass its result to refresh() with the same tables and months."""
    chosen = []
    for summary, rebuilt_months in _plan(changed_tables, months):
        source = next(iter(summary.month_sources), None)
        if summary.from_rows is not None and len(summary.month_sources) == 1 and source in rows \
                and (rebuilt_months is not None or months is None):  # some months cannot give all of it
            chosen.append((summary, source))
    joins = {summary.prepare: summary.prepare(conn) for summary, _ in chosen}

    def compute() -> dict[str, pd.DataFrame]:
        joined = {}
        for summary, source in chosen:
            if (summary.prepare, source) not in joined:
                joined[summary.prepare, source] = joins[summary.prepare](rows[source])
        return {summary.table: summary.from_rows(joined[summary.prepare, source]) for summary, source in chosen}
    return compute


def fill_missing(conn: sa.Connection) -> list[str]:
    """Build each summary that is empty while a table it is computed from holds rows (a summary new to
    this database, e.g. just created by a migration); returns their names."""
    filled = []
    for summary in SUMMARIES:
        if is_empty(conn, summary.table) and not all(is_empty(conn, t) for t in summary.sources):
            summary.rebuild(conn)
            filled.append(summary.table)
    return filled
