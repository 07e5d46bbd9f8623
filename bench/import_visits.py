"""Import 1,000,000 visit rows into PostgreSQL through the import path, beside a plain COPY of the same
rows into a bare table (budget: within 3x of it), then the same file again (every row unchanged); three
runs, each in a fresh database, and the median run reported.
measure() returns the figures as rows of the `make bench` table; main() prints them.

Run: .venv/bin/python -m bench.import_visits   (needs PostgreSQL on 127.0.0.1:5432, user postgres,
trust auth; a fresh database is created and dropped). BENCH_SERVER_URL overrides the server.
"""
from __future__ import annotations

import io
import os
import time
import uuid
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bench.results import Row
from dashboard import codes, db, migrate, registers
from dashboard.importing import import_file
from dashboard.importing.report import to_text
from geo.reference import county_shapes, load_townships

ROWS = 1_000_000
STATIONS = 500
SECTION = "import (PostgreSQL)"
BUDGET = 3.0  # times the plain COPY (issue 6, item 8)
RUNS = 3  # the median run is reported
SERVER = os.environ.get("BENCH_SERVER_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def stations_csv() -> bytes:
    """500 stations spread over the real townships, each at a point inside its county."""
    townships = load_townships()
    shapes = county_shapes()
    rows = []
    for index in range(STATIONS):
        township = townships.iloc[index % len(townships)]
        point = shapes[township.county_code].representative_point()
        rows.append({"站点编码": f"B{index:04d}", "站点名称": f"{township['name']}站点{index}",
                     "站点类型": "社工站" if index < len(townships) else "社工点",
                     "县区": township.county_code, "镇街": township.township_code, "经度": round(point.x, 5),
                     "纬度": round(point.y, 5), "社工人数": 3, "标杆站": "否", "服务热线": 1})
    return pd.DataFrame(rows).to_csv(index=False).encode("utf-8-sig")


def visits_csv() -> bytes:
    """1,000,000 rows: stations x 11 groups x months from 2010-01 (Chinese group names, UTF-8 with BOM)."""
    groups = [g.zh for g in codes.POPULATION_GROUPS]
    months_needed = -(-ROWS // (STATIONS * len(groups)))
    months = [f"{2010 + m // 12}-{m % 12 + 1:02d}" for m in range(months_needed)]
    index = pd.MultiIndex.from_product([months, [f"B{i:04d}" for i in range(STATIONS)], groups],
                                       names=["统计月份", "站点编码", "服务对象类别"])
    frame = index.to_frame(index=False).head(ROWS)
    n = len(frame)
    frame["探访人次"] = (pd.RangeIndex(n) * 7919) % 97
    frame["个案数"] = (pd.RangeIndex(n) * 104729) % 5
    frame["服务人次"] = frame["探访人次"] + (pd.RangeIndex(n) % 13)
    return frame.to_csv(index=False).encode("utf-8-sig")


def plain_copy_seconds(engine: sa.Engine, content: bytes) -> float:
    """COPY the same CSV into a bare table (no keys, no checks)."""
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE bare_visits (month TEXT, station_code TEXT, group_name TEXT, "
                             "home_visits INTEGER, cases INTEGER, people_served INTEGER)")
    started = time.perf_counter()
    with engine.begin() as conn:
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy("COPY bare_visits FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
            copy.write(content[3:])  # without the BOM
    return time.perf_counter() - started


def keyed_copy_seconds(engine: sa.Engine) -> float:
    """The part of loading these rows that no importer avoids, for reference: the rows the import
    wrote (as stored, in key order) COPYed into a table shaped like visits_monthly with no keys, then
    its primary key and its foreign keys (to the stations and the groups) built, as the import builds
    them (same memory setting, one transaction). No reading, no validation, no summaries."""
    columns = "month, station_code, group_number, home_visit_count, case_count, people_served_count"
    buffer = io.BytesIO()
    with engine.begin() as conn:
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY (SELECT {columns} FROM visits_monthly ORDER BY month, station_code, group_number) "
                         "TO STDOUT WITH (FORMAT csv)") as copy:
            for block in copy:
                buffer.write(block)
        conn.exec_driver_sql("CREATE TABLE keyed_visits (LIKE visits_monthly INCLUDING DEFAULTS)")
    started = time.perf_counter()
    with engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
        conn.exec_driver_sql("SET LOCAL max_parallel_maintenance_workers = 0")
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY keyed_visits ({columns}) FROM STDIN WITH (FORMAT csv)") as copy:
            copy.write(buffer.getvalue())
        conn.exec_driver_sql("ALTER TABLE keyed_visits ADD PRIMARY KEY (month, station_code, group_number)")
        conn.exec_driver_sql("ALTER TABLE keyed_visits ADD FOREIGN KEY (station_code) REFERENCES stations")
        conn.exec_driver_sql("ALTER TABLE keyed_visits ADD FOREIGN KEY (group_number) REFERENCES population_groups")
    return time.perf_counter() - started


def timed_import(content: bytes, engine: sa.Engine) -> tuple[float, dict, object]:
    stages, started = {}, time.perf_counter()
    result = import_file("visits", content, "bench_visits.csv", engine=engine, actor="bench",
                         progress=lambda fraction, key: stages.setdefault(key, time.perf_counter() - started))
    return time.perf_counter() - started, stages, result


@dataclass
class Figures:
    file_mb: float
    copy_seconds: float  # plain COPY of the file into a bare table
    import_seconds: float  # the import path into the empty visits table
    stages: dict  # progress key -> seconds from the start of the import at which it began
    again_seconds: float  # the same file imported again (every row unchanged)
    again_unchanged: int
    keyed_seconds: float  # the same rows COPYed into a keyless copy of the table, then keyed (reference)

    @property
    def ratio(self) -> float:
        return self.import_seconds / self.copy_seconds


def run() -> Figures:
    """Create a database, load the stations, time a plain COPY and the import (twice), drop it."""
    name = f"bench_import_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    try:
        engine = db.get_engine(url)
        migrate.upgrade(engine)
        with engine.begin() as conn:
            registers.seed_places(conn)
        loaded = import_file("stations", stations_csv(), "bench_stations.csv", engine=engine, actor="bench")
        assert loaded.accepted, to_text(loaded, "en")
        content = visits_csv()
        copy_seconds = plain_copy_seconds(engine, content)
        import_seconds, stages, result = timed_import(content, engine)
        assert result.outcome == "loaded" and result.new == ROWS, to_text(result, "en")
        again_seconds, _, again = timed_import(content, engine)
        assert again.outcome == "loaded" and again.unchanged == ROWS, to_text(again, "en")
        keyed_seconds = keyed_copy_seconds(engine)
        return Figures(len(content) / 1048576, copy_seconds, import_seconds, stages, again_seconds, again.unchanged,
                       keyed_seconds)
    finally:
        db.get_engine(url).dispose()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def median_run(runs: list[Figures]) -> Figures:
    """The run whose ratio is the median (a single run's plain COPY and import each vary by some 10%
    from one run to the next on these machines)."""
    return sorted(runs, key=lambda figures: figures.ratio)[len(runs) // 2]


def rows(runs: list[Figures]) -> list[Row]:
    """The figures as rows of the `make bench` table: the median run, with every run's ratio."""
    figures = median_run(runs)
    ratios = " ".join(f"{f.ratio:.2f}" for f in runs)
    return [
        Row(SECTION, "visits, first import (empty table)", f"{figures.import_seconds:.2f} s",
            f"plain COPY {figures.copy_seconds:.2f} s, ratio {figures.ratio:.2f}x (median of {len(runs)}: {ratios})",
            f"<= {BUDGET:g}x plain COPY", figures.ratio <= BUDGET),
        Row(SECTION, "visits, same file again (all unchanged)", f"{figures.again_seconds:.2f} s",
            f"{figures.again_seconds / figures.copy_seconds:.2f}x plain COPY, {figures.again_unchanged:,} unchanged"),
        Row(SECTION, "keyed COPY of the same rows (reference)", f"{figures.keyed_seconds:.2f} s",
            f"{figures.keyed_seconds / figures.copy_seconds:.2f}x plain COPY: as stored, in key order, "
            "then primary and foreign key built; no reading, validation or summaries"),
    ]


def measure(runs: int = RUNS) -> list[Row]:
    """Import 1,000,000 visit rows into a fresh PostgreSQL database, then the same file again; `runs`
    times, each in its own database."""
    return rows([run() for _ in range(runs)])


def main() -> None:
    runs = [run() for _ in range(RUNS)]
    figures = median_run(runs)
    print(f"runs: {RUNS}; ratios " + " ".join(f"{f.ratio:.2f}x" for f in runs) + "; the median run:")
    print(f"file: {ROWS:,} visit rows, {figures.file_mb:.1f} MB CSV (UTF-8 with BOM)")
    print(f"plain COPY into a bare table:        {figures.copy_seconds:7.2f} s")
    print(f"import path, empty table (COPY):     {figures.import_seconds:7.2f} s  "
          f"= {figures.ratio:.2f}x the plain COPY (budget {BUDGET:g}x)")
    marks = sorted(figures.stages.items(), key=lambda item: item[1]) + [("end", figures.import_seconds)]
    print("  stages (s): " + ", ".join(f"{key.split('.')[-1]} {following - start:.2f}"
                                      for (key, start), (_, following) in zip(marks, marks[1:])))
    print(f"keyed COPY of the same rows (as stored, in key order; then primary and foreign key): "
          f"{figures.keyed_seconds:7.2f} s = {figures.keyed_seconds / figures.copy_seconds:.2f}x")
    print(f"import path, same file again (staging, {figures.again_unchanged:,} unchanged): "
          f"{figures.again_seconds:7.2f} s = {figures.again_seconds / figures.copy_seconds:.2f}x")


if __name__ == "__main__":
    main()
