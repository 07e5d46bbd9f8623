"""`make bench`: every benchmark in one table, ending `budgets met: N of M`; exit status 1 if any is missed.

What runs (figures, never timed assertions in tests):
- queries: p50 and p95 of every named query in `queries/`, uncached, on SQLite and PostgreSQL, at demo
  scale (the bureau's city) and at province scale (bench/province.py: 13.2 million visit rows and the
  rest); budget: p95 <= 150 ms on PostgreSQL at province scale;
- the coverage map's HTML payload at each drill level; budget: <= 1.5 MB;
- pages: the median time until each page, opened by its address, is fully drawn in headless Chromium
  beside a blank Streamlit page opened the same way in the same run; budgets: 1.5x the blank page at
  demo scale (SQLite), 3x at province scale (PostgreSQL); at demo scale also the time from a click in
  the sidebar (reported, no budget; see bench/pages.py); the app server's memory with 1 and with 20
  sessions open; budget: <= 600 MB;
- the import of 1,000,000 visit rows against a plain COPY of the same rows; budget: 3x.

The province databases are built once (several minutes) and reused by later runs. Environment:
BENCH_SERVER_URL (PostgreSQL server, default the local one), BENCH_SKIP (comma-separated parts to skip:
queries, sqlite-province, map, pages, province-pages, import), for a quicker partial run.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bench import map_payload, province, queries
from bench.results import Row, print_table
from dashboard import db, migrate
from dashboard.demo import load_demo

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
QUERY_BUDGET_MS = 150.0
DEMO_PAGE_RATIO, PROVINCE_PAGE_RATIO = 1.5, 3.0


def log(message) -> None:
    print(message, file=sys.stderr, flush=True)


def demo_database(url: str) -> str:
    """A fresh database at `url` holding the demo."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        admin = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{parsed.database}"')
        admin.dispose()
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    load_demo(engine)
    return url


def main() -> int:
    started = time.perf_counter()
    skip = set(filter(None, os.environ.get("BENCH_SKIP", "").split(",")))
    DATA.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    log("preparing databases: demo on SQLite and PostgreSQL, province on PostgreSQL (and SQLite)")
    demo_sqlite = demo_database(f"sqlite:///{workdir / 'demo.sqlite3'}")
    demo_pg = demo_database(make_url(province.SERVER).set(database="dashboard_bench_demo")
                            .render_as_string(hide_password=False))
    province_pg = province.ensure(province.DEFAULT_URL, log)
    province_sqlite = None
    if "sqlite-province" not in skip:
        province_sqlite = province.ensure(f"sqlite:///{DATA / 'province.sqlite3'}", log)
    os.environ["DATABASE_URL"] = demo_sqlite

    rows: list[Row] = []
    if "queries" not in skip:
        for url, section, runs, budget in [
                (demo_sqlite, "queries · demo · SQLite", 10, None),
                (demo_pg, "queries · demo · PostgreSQL", 10, None),
                (province_sqlite, "queries · province · SQLite", 5, None),
                (province_pg, "queries · province · PostgreSQL", 20, QUERY_BUDGET_MS)]:
            if url:
                log(f"{section} ({time.perf_counter() - started:.0f} s)")
                rows += queries.measure(url, section, runs=runs, budget_ms=budget)
    if "map" not in skip:
        log(f"map payload ({time.perf_counter() - started:.0f} s)")
        rows += map_payload.measure()
    if "pages" not in skip:
        from bench import pages
        log(f"pages · demo ({time.perf_counter() - started:.0f} s)")
        rows += pages.measure(demo_sqlite, "demo", DEMO_PAGE_RATIO)
        if "province-pages" not in skip:
            log(f"pages · province ({time.perf_counter() - started:.0f} s)")
            rows += pages.measure(province_pg, "province", PROVINCE_PAGE_RATIO, memory=False, clicks=False,
                                  references=False)
    if "import" not in skip:
        from bench import import_visits
        log(f"import ({time.perf_counter() - started:.0f} s)")
        rows += import_visits.measure()

    met, total = print_table(rows)
    print(f"\nbench ran in {(time.perf_counter() - started) / 60:.1f} min"
          + (f" (skipped: {', '.join(sorted(skip))})" if skip else ""))
    print(f"budgets met: {met} of {total}")
    return 0 if met == total else 1


if __name__ == "__main__":
    sys.exit(main())
