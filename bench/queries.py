"""p50 and p95 of every named query in `queries/`, uncached, on one database.

Every public function of every module in `queries/` is called with its default arguments (the whole
area and the whole period, the heaviest case a page asks for), plus the arguments in REQUIRED for those
that have none; the module's cached `run` is swapped for an uncached `fetch` on the given engine, so the
time is the database's and the driver's, as on a cache miss in the app.

    .venv/bin/python -m bench.queries [DATABASE_URL]
"""
from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import statistics
import sys
import time
from contextlib import contextmanager
from datetime import date

import sqlalchemy as sa

import queries
from bench.results import Row, print_table
from dashboard import db
from queries._run import fetch

REQUIRED = {
    "start_date": date(2019, 1, 1), "end_date": date(2023, 12, 31),
    "from_month": "2023-01", "to_month": "2023-12",
    "stage": "compulsory", "school_year": 2023,
}
P95_BUDGET_MS = 150.0


def catalogue() -> list[tuple[str, object]]:
    """(module.function, function) for every named query."""
    found = []
    for info in pkgutil.iter_modules(queries.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"queries.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                found.append((f"{info.name}.{name}", function))
    return sorted(found, key=lambda item: item[0])


def arguments(function) -> dict:
    return {p.name: REQUIRED[p.name] for p in inspect.signature(function).parameters.values()
            if p.default is inspect.Parameter.empty}


@contextmanager
def uncached(engine: sa.Engine):
    """Point every query module's `run` at an uncached fetch on this engine, and DATABASE_URL at it."""
    modules = [importlib.import_module(f"queries.{i.name}") for i in pkgutil.iter_modules(queries.__path__)
               if not i.name.startswith("_")]
    saved = {m: m.run for m in modules if hasattr(m, "run")}
    for module in saved:
        module.run = lambda sql, **params: fetch(engine, sql, params)
    # Queries that are never cached (the administration lists) fetch on the configured database.
    saved_url = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = engine.url.render_as_string(hide_password=False)
    try:
        yield
    finally:
        for module, original in saved.items():
            module.run = original
        if saved_url is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = saved_url


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def measure(database_url: str, section: str, runs: int = 20, budget_ms: float | None = None,
            log=None) -> list[Row]:
    """One row per named query: p50 and p95 of `runs` calls after one warm-up call."""
    engine = db.get_engine(database_url)
    rows = []
    with uncached(engine):
        for name, function in catalogue():
            kwargs = arguments(function)
            function(**kwargs)  # warm-up: plans, connection, the database's own buffers
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                result = function(**kwargs)
                times.append((time.perf_counter() - started) * 1000)
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            size = len(result) if hasattr(result, "__len__") else 1
            rows.append(Row(section, name, f"p50 {p50:7.1f} ms  p95 {p95:7.1f} ms", f"{size:,} rows",
                            f"p95 <= {budget_ms:.0f} ms" if budget_ms else "",
                            None if budget_ms is None else p95 <= budget_ms))
            if log:
                log(rows[-1])
    return rows


def main() -> int:
    url = sys.argv[1] if len(sys.argv) > 1 else db.database_url()
    rows = measure(url, f"queries ({sa.engine.make_url(url).get_backend_name()})", runs=10,
                   budget_ms=P95_BUDGET_MS)
    met, total = print_table(rows)
    print(f"\nbudgets met: {met} of {total}")
    return 0 if met == total else 1


if __name__ == "__main__":
    sys.exit(main())
