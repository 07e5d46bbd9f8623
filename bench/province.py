"""Province-scale benchmark data: the same schema as the app, at the size of Guangdong (21 cities).

About 1,600 township units, 26,000 villages, 20,000 stations and points, 13.2 million monthly visit rows
(20,000 stations x 11 groups x 60 months), 2 million charity transactions and 200,000 renovations, plus
the smaller tables, generated deterministically with numpy and loaded with COPY on PostgreSQL (and
executemany on SQLite). Every figure is invented and every dataset is marked demo; the seven Huizhou
counties keep their real codes so the app's county labels still work, the other 115 are synthetic.

The database is built once and reused: `ensure(url)` checks a marker row and only builds when it is
missing or from another generator version.

    .venv/bin/python -m bench.province [URL] [--rebuild]   # default postgresql+psycopg://postgres@127.0.0.1:5432/dashboard_province
"""
from __future__ import annotations

import datetime as dt
import io
import os
import sys
import time

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from dashboard import codes, db, migrate, schema
from dashboard.demo import DEMO_DATASETS
from dashboard.registers import seed_published_figures
from dashboard.writing import finish_write, mark_dataset

GENERATOR_VERSION = "province-1"
MARKER_TABLE = "bench_province_build"  # outside the app's schema: only this generator reads it
SEED = 20240612
SERVER = os.environ.get("BENCH_SERVER_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
DEFAULT_URL = make_url(SERVER).set(database="dashboard_province").render_as_string(hide_password=False)

CITIES, COUNTIES = 21, 122
TOWNSHIPS, VILLAGES, STATIONS = 1_600, 26_000, 20_000
MONTHS = [f"{2019 + m // 12}-{m % 12 + 1:02d}" for m in range(60)]
CHARITY_FLOWS, ORGANISATIONS, RENOVATIONS = 2_000_000, 2_000, 200_000
COMMUNITY_FUNDS = 3_000
HUIZHOU = [c.code for c in codes.COUNTIES]


def _county_codes() -> list[str]:
    """Huizhou's real codes, then synthetic county codes spread over the other 20 cities."""
    others = [f"44{city:02d}{county:02d}" for city in range(1, CITIES + 1) if city != 13
              for county in range(2, 12)]
    return HUIZHOU + others[:COUNTIES - len(HUIZHOU)]


def _spread(total: int, parts: int) -> np.ndarray:
    """How many of `total` items each of `parts` owners holds (as even as possible)."""
    base = np.full(parts, total // parts)
    base[: total % parts] += 1
    return base


def places(rng: np.random.Generator) -> dict[str, pd.DataFrame]:
    county_codes = _county_codes()
    names = {c.code: (c.zh, c.en) for c in codes.COUNTIES}
    counties = pd.DataFrame({
        "county_code": county_codes,
        "name_zh": [names.get(c, (f"示例县区{c}",))[0] for c in county_codes],
        "name_en": [names.get(c, ("", f"Demo county {c}"))[1] for c in county_codes],
        "sort_order": range(len(county_codes))})
    per_county = _spread(TOWNSHIPS, COUNTIES)
    township_county = np.repeat(county_codes, per_county)
    township_codes = [f"{c}{i + 101:03d}" for c, n in zip(county_codes, per_county) for i in range(n)]
    townships = pd.DataFrame({
        "township_code": township_codes, "county_code": township_county,
        "name_zh": [f"示例镇街{code}" for code in township_codes],
        "kind": np.where(rng.random(TOWNSHIPS) < 0.3, "street", "town"),
        "seat_lon": rng.uniform(110.0, 117.0, TOWNSHIPS).round(5),
        "seat_lat": rng.uniform(21.0, 25.0, TOWNSHIPS).round(5),
        "population_count": rng.integers(20_000, 120_000, TOWNSHIPS)})
    per_township = _spread(VILLAGES, TOWNSHIPS)
    village_township = np.repeat(township_codes, per_township)
    village_codes = [f"{t}{i + 1:03d}" for t, n in zip(township_codes, per_township) for i in range(n)]
    seat = townships.set_index("township_code")
    villages = pd.DataFrame({
        "village_code": village_codes, "township_code": village_township,
        "name_zh": [f"示例村居{code}" for code in village_codes],
        "kind": np.where(rng.random(VILLAGES) < 0.25, "community", "village"),
        "lon": (seat.loc[village_township, "seat_lon"].to_numpy() + rng.normal(0, 0.05, VILLAGES)).round(5),
        "lat": (seat.loc[village_township, "seat_lat"].to_numpy() + rng.normal(0, 0.05, VILLAGES)).round(5),
        "population_count": rng.integers(500, 8_000, VILLAGES)})
    groups = codes.codes("group")
    village_groups = pd.DataFrame({
        "village_code": np.repeat(village_codes, len(groups)),
        "group_code": np.tile(groups, VILLAGES),
        "person_count": rng.integers(0, 60, VILLAGES * len(groups))})
    return {"counties": counties, "townships": townships, "villages": villages,
            "village_group_population": village_groups}


def stations(rng: np.random.Generator, place: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    townships, villages = place["townships"], place["villages"]
    town_codes = [f"S{t}" for t in townships["township_code"]]
    station_rows = pd.DataFrame({
        "station_code": town_codes, "name_zh": [f"{n}社工站" for n in townships["name_zh"]],
        "station_type": "station", "county_code": townships["county_code"].to_numpy(),
        "township_code": townships["township_code"].to_numpy(), "village_code": None,
        "parent_station_code": None, "lon": townships["seat_lon"].to_numpy(),
        "lat": townships["seat_lat"].to_numpy()})
    points_needed = STATIONS - len(town_codes)
    chosen = villages.iloc[np.sort(rng.choice(len(villages), points_needed, replace=False))]
    county_of = townships.set_index("township_code")["county_code"]
    point_rows = pd.DataFrame({
        "station_code": [f"P{v}" for v in chosen["village_code"]],
        "name_zh": [f"{n}社工点" for n in chosen["name_zh"]], "station_type": "point",
        "county_code": county_of.loc[chosen["township_code"]].to_numpy(),
        "township_code": chosen["township_code"].to_numpy(), "village_code": chosen["village_code"].to_numpy(),
        "parent_station_code": [f"S{t}" for t in chosen["township_code"]],
        "lon": chosen["lon"].to_numpy(), "lat": chosen["lat"].to_numpy()})
    all_stations = pd.concat([station_rows, point_rows], ignore_index=True)
    n = len(all_stations)
    all_stations["social_worker_count"] = rng.integers(1, 6, n)
    all_stations["is_benchmark"] = rng.random(n) < 0.05
    all_stations["hotline_count"] = rng.integers(0, 3, n)
    all_stations["opened_on"] = pd.to_datetime("2021-01-01") + pd.to_timedelta(rng.integers(0, 900, n), "D")
    all_stations["opened_on"] = all_stations["opened_on"].dt.date
    point_of_village = dict(zip(point_rows["village_code"], point_rows["station_code"]))
    assignments = pd.DataFrame({
        "village_code": villages["village_code"],
        "station_code": [point_of_village.get(v, f"S{t}")
                         for v, t in zip(villages["village_code"], villages["township_code"])]})
    return {"stations": all_stations, "village_assignments": assignments}


def visit_chunks(rng: np.random.Generator, station_codes: list[str]):
    """visits_monthly one month at a time (220,000 rows each)."""
    groups = [codes.GROUP_NUMBERS[code] for code in codes.codes("group")]
    codes_col = np.repeat(np.asarray(station_codes, dtype=object), len(groups))
    groups_col = np.tile(np.asarray(groups, dtype=np.int16), len(station_codes))
    n = len(codes_col)
    for month in MONTHS:
        visits = rng.poisson(6, n)
        cases = rng.binomial(1, 0.02, n)
        served = visits + rng.poisson(2, n)
        yield pd.DataFrame({
            "month": month, "station_code": codes_col, "group_number": groups_col,
            "home_visit_count": visits, "case_count": cases, "people_served_count": served,
            "six_society_visit_count": visits // 2, "six_society_case_count": cases,
            "six_society_people_served_count": served // 2})


def linked_charity(rng: np.random.Generator, station_codes: list[str]) -> pd.DataFrame:
    n = len(station_codes) * len(MONTHS)
    return pd.DataFrame({"month": np.repeat(MONTHS, len(station_codes)),
                         "station_code": np.tile(station_codes, len(MONTHS)),
                         "linked_charity_yuan": rng.integers(0, 2_000, n).astype(float)})


def service_recipients(rng: np.random.Generator, town_station_codes: list[str]) -> pd.DataFrame:
    quarters = sorted({f"{m[:4]}-Q{(int(m[5:]) + 2) // 3}" for m in MONTHS})
    groups = codes.codes("group")
    index = pd.MultiIndex.from_product([quarters, town_station_codes, groups],
                                       names=["quarter", "station_code", "group_code"])
    frame = index.to_frame(index=False)
    registered = rng.integers(0, 80, len(frame))
    frame["registered_count"] = registered
    frame["visited_count"] = np.minimum(registered, registered - rng.binomial(2, 0.05, len(frame)))
    frame["visited_count"] = frame["visited_count"].clip(lower=0)
    return frame


def special_education(rng: np.random.Generator, county_codes: list[str]) -> dict[str, pd.DataFrame]:
    stages = codes.codes("stage")
    index = pd.MultiIndex.from_product([range(2019, 2024), county_codes, stages],
                                       names=["school_year", "county_code", "stage"])
    enrolment = index.to_frame(index=False)
    n = len(enrolment)
    enrolment["special_school_count"] = rng.integers(20, 200, n)
    enrolment["regular_class_count"] = rng.integers(50, 400, n)
    enrolment["home_delivery_count"] = rng.integers(5, 60, n)
    enrolment["eligible_count"] = (enrolment[["special_school_count", "regular_class_count",
                                              "home_delivery_count"]].sum(axis=1)
                                   + rng.integers(0, 20, n))
    resources = pd.MultiIndex.from_product([range(2019, 2024), county_codes],
                                           names=["school_year", "county_code"]).to_frame(index=False)
    resources["resource_centre_count"] = rng.integers(1, 3, len(resources))
    resources["resource_classroom_count"] = rng.integers(5, 60, len(resources))
    return {"special_education_enrolment": enrolment, "special_education_resources": resources}


def renovations(rng: np.random.Generator, townships: pd.DataFrame) -> dict[str, pd.DataFrame]:
    chosen = townships.iloc[rng.integers(0, len(townships), RENOVATIONS)]
    refs = [f"R{i:07d}" for i in range(RENOVATIONS)]
    households = pd.DataFrame({
        "household_ref": refs, "county_code": chosen["county_code"].to_numpy(),
        "township_code": chosen["township_code"].to_numpy(),
        "category": rng.choice(codes.codes("renovation_category"), RENOVATIONS),
        "completed_on": (pd.to_datetime("2019-01-01")
                         + pd.to_timedelta(rng.integers(0, 1826, RENOVATIONS), "D")).date,
        "cost_yuan": rng.integers(2_000, 12_000, RENOVATIONS).astype(float)})
    aims = np.asarray(codes.codes("aim"))
    take = rng.random((RENOVATIONS, len(aims))) < 0.35
    take[np.arange(RENOVATIONS), rng.integers(0, len(aims), RENOVATIONS)] = True
    rows, cols = np.nonzero(take)
    items = pd.DataFrame({"household_ref": np.asarray(refs)[rows], "aim_code": aims[cols]})
    return {"renovations": households, "renovation_items": items}


def charity(rng: np.random.Generator, county_codes: list[str]) -> dict[str, pd.DataFrame]:
    organisation_codes = [f"C{i:05d}" for i in range(ORGANISATIONS)]
    organisations = pd.DataFrame({
        "organisation_code": organisation_codes,
        "name_zh": [f"示例慈善组织{i:05d}" for i in range(ORGANISATIONS)],
        "county_code": rng.choice(county_codes, ORGANISATIONS),
        "registered_on": (pd.to_datetime("2010-01-01")
                          + pd.to_timedelta(rng.integers(0, 3000, ORGANISATIONS), "D")).date,
        "opening_balance_yuan": rng.integers(100_000, 5_000_000, ORGANISATIONS).astype(float),
        "opening_balance_on": dt.date(2019, 1, 1)})
    raised = rng.random(CHARITY_FLOWS) < 0.55
    owner = rng.integers(0, ORGANISATIONS, CHARITY_FLOWS)
    flows = pd.DataFrame({
        "flow_id": np.arange(1, CHARITY_FLOWS + 1),
        "flow_date": (pd.to_datetime("2019-01-01")
                      + pd.to_timedelta(rng.integers(0, 1826, CHARITY_FLOWS), "D")).date,
        "direction": np.where(raised, "raised", "disbursed"),
        "source_type": np.where(raised, rng.choice(codes.codes("charity_source"), CHARITY_FLOWS), None),
        "organisation_code": np.asarray(organisation_codes)[owner],
        "programme_code": rng.choice(codes.codes("programme"), CHARITY_FLOWS),
        "county_code": organisations["county_code"].to_numpy()[owner],
        "beneficiary_group": np.where(raised, None,
                                      rng.choice(codes.codes("group"), CHARITY_FLOWS)),
        "amount_yuan": np.where(raised, rng.integers(100, 50_000, CHARITY_FLOWS),
                                rng.integers(100, 40_000, CHARITY_FLOWS)).astype(float)})
    return {"charity_organisations": organisations, "charity_flows": flows}


def community_funds(rng: np.random.Generator, townships: pd.DataFrame) -> pd.DataFrame:
    chosen = townships.iloc[rng.integers(0, len(townships), COMMUNITY_FUNDS)]
    return pd.DataFrame({
        "fund_code": [f"F{i:05d}" for i in range(COMMUNITY_FUNDS)],
        "name_zh": [f"示例社区基金{i:05d}" for i in range(COMMUNITY_FUNDS)],
        "county_code": chosen["county_code"].to_numpy(), "township_code": chosen["township_code"].to_numpy(),
        "established_on": (pd.to_datetime("2019-01-01")
                           + pd.to_timedelta(rng.integers(0, 1826, COMMUNITY_FUNDS), "D")).date,
        "raised_yuan": rng.integers(10_000, 500_000, COMMUNITY_FUNDS).astype(float),
        "micro_project_count": rng.integers(0, 30, COMMUNITY_FUNDS)})


def social_assistance(rng: np.random.Generator, townships: pd.DataFrame) -> dict[str, pd.DataFrame]:
    categories = codes.codes("monitored_category")
    index = pd.MultiIndex.from_product([MONTHS, townships["township_code"], categories],
                                       names=["month", "township_code", "category_code"])
    monitored = index.to_frame(index=False)
    county_of = townships.set_index("township_code")["county_code"]
    monitored["county_code"] = county_of.loc[monitored["township_code"]].to_numpy()
    monitored["person_count"] = rng.integers(0, 400, len(monitored))
    n = 500_000
    town = townships.iloc[rng.integers(0, len(townships), n)]
    warnings = pd.DataFrame({
        "month": rng.choice(MONTHS, n), "township_code": town["township_code"].to_numpy(),
        "source_department": rng.choice(codes.codes("department"), n),
        "warning_type": rng.choice(codes.codes("warning_type"), n),
        "outcome": rng.choice(codes.codes("warning_outcome"), n, p=[0.45, 0.45, 0.10]),
        "days_to_handle": rng.integers(0, 40, n), "county_code": town["county_code"].to_numpy(),
        "warning_count": rng.integers(1, 6, n)})
    warnings = warnings.drop_duplicates(["month", "township_code", "source_department", "warning_type",
                                         "outcome", "days_to_handle"])
    town = townships.iloc[rng.integers(0, len(townships), n)]
    requests = pd.DataFrame({
        "month": rng.choice(MONTHS, n), "township_code": town["township_code"].to_numpy(),
        "need_code": rng.choice(codes.codes("request_need"), n),
        "outcome": rng.choice(codes.codes("request_outcome"), n, p=[0.5, 0.2, 0.2, 0.1]),
        "days_to_handle": rng.integers(0, 40, n), "county_code": town["county_code"].to_numpy(),
        "request_count": rng.integers(1, 6, n)})
    request_key = [c.name for c in schema.assistance_requests_monthly.primary_key.columns]
    requests = requests.drop_duplicates(request_key)
    return {"monitored_population_monthly": monitored, "risk_warnings_monthly": warnings,
            "assistance_requests_monthly": requests}


# ---- writing --------------------------------------------------------------------------------------

def write(conn: sa.Connection, table_name: str, frame: pd.DataFrame) -> int:
    """Append a frame to a table: COPY on PostgreSQL, executemany on SQLite."""
    table = schema.metadata.tables[table_name]
    columns = [c.name for c in table.columns if c.name in frame.columns]
    frame = frame[columns]
    if conn.dialect.name == "postgresql":
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, header=False, na_rep="\\N")
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {table_name} ({', '.join(columns)}) FROM STDIN "
                         "WITH (FORMAT csv, NULL '\\N')") as copy:
            copy.write(buffer.getvalue())
    else:
        subset = frame.astype(object).where(frame.notna(), None)
        placeholders = ", ".join("?" for _ in columns)
        conn.connection.driver_connection.executemany(
            f"INSERT INTO {table_name} ({', '.join(columns)}) VALUES ({placeholders})",
            subset.itertuples(index=False, name=None))
    return len(frame)


def _is_built(engine: sa.Engine) -> bool:
    """Whether the generator of this version finished filling the database (its marker table says so)."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table(MARKER_TABLE):
            return False
        return conn.execute(sa.text(f"SELECT generator_version FROM {MARKER_TABLE}")).scalar() == GENERATOR_VERSION


def _recreate(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        admin = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{parsed.database}"')
        admin.dispose()
    elif parsed.database and os.path.exists(parsed.database):
        os.remove(parsed.database)


def build(url: str, log=print) -> dict[str, int]:
    """(Re)create the database at `url` and fill it; returns rows per table."""
    started = time.perf_counter()
    db.get_engine(url).dispose()
    _recreate(url)
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    rng = np.random.default_rng(SEED)
    counts: dict[str, int] = {}

    def put(conn, name, frame):
        counts[name] = counts.get(name, 0) + write(conn, name, frame)

    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        place = places(rng)
        for name, frame in place.items():
            put(conn, name, frame)
        network = stations(rng, place)
        for name, frame in network.items():
            put(conn, name, frame)
        station_codes = network["stations"]["station_code"].tolist()
        town_codes = network["stations"].query("station_type == 'station'")["station_code"].tolist()
        for index, chunk in enumerate(visit_chunks(rng, station_codes)):
            put(conn, "visits_monthly", chunk)
            if index % 12 == 11:
                log(f"  visits_monthly {counts['visits_monthly']:,} rows, {time.perf_counter() - started:.0f} s")
        put(conn, "station_resources_monthly", linked_charity(rng, station_codes))
        put(conn, "service_recipients_quarterly", service_recipients(rng, town_codes))
        for group in (special_education(rng, place["counties"]["county_code"].tolist()),
                      renovations(rng, place["townships"]),
                      charity(rng, place["counties"]["county_code"].tolist()),
                      {"community_funds": community_funds(rng, place["townships"])},
                      social_assistance(rng, place["townships"])):
            for name, frame in group.items():
                put(conn, name, frame)
        log(f"  tables written, {time.perf_counter() - started:.0f} s")
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('charity_flows', 'flow_id'), "
                                 f"{CHARITY_FLOWS})")
        for dataset, names in DATASETS.items():
            mark_dataset(conn, dataset, is_demo=True, row_count=sum(counts.get(n, 0) for n in names))
        seed_published_figures(conn)
        finish_write(conn)
    log(f"  summaries refreshed, {time.perf_counter() - started:.0f} s")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE" if conn.dialect.name == "sqlite" else "VACUUM ANALYZE")
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE TABLE {MARKER_TABLE} (generator_version VARCHAR(20), built_at VARCHAR(30))")
        conn.execute(sa.text(f"INSERT INTO {MARKER_TABLE} VALUES (:version, :at)"),
                     {"version": GENERATOR_VERSION, "at": dt.datetime.now().isoformat(timespec="seconds")})
    log(f"  analysed, {time.perf_counter() - started:.0f} s in all")
    return counts


# The demo's datasets (all but the schematic boundaries, which the province has none of).
DATASETS = {name: tables for name, tables in DEMO_DATASETS.items() if name != "boundaries"}


def ensure(url: str = DEFAULT_URL, log=print) -> str:
    """The URL of a built province database, building it only when missing or outdated."""
    engine = db.get_engine(url) if _database_exists(url) else None
    if engine is not None and _is_built(engine):
        log(f"province database reused: {make_url(url).render_as_string()}")
        _bring_up_to_date(engine, log)
        return url
    log(f"building the province database at {make_url(url).render_as_string()} (once; reused afterwards)")
    counts = build(url, log)
    log("  " + ", ".join(f"{name} {count:,}" for name, count in counts.items()))
    return url


def _bring_up_to_date(engine: sa.Engine, log) -> None:
    """Apply new migrations to a reused database (migrate.upgrade fills any summary table they add or
    make anew), and analyse the tables it filled."""
    filled = migrate.upgrade(engine)
    if filled:
        log(f"  summaries filled: {', '.join(sorted(filled))}")
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")


def _database_exists(url: str) -> bool:
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return bool(parsed.database) and os.path.exists(parsed.database)
    admin = sa.create_engine(parsed.set(database="postgres"))
    try:
        with admin.connect() as conn:
            return conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                {"name": parsed.database}).first() is not None
    finally:
        admin.dispose()


if __name__ == "__main__":
    given = [a for a in sys.argv[1:] if not a.startswith("--")]
    target = given[0] if given else DEFAULT_URL
    if "--rebuild" in sys.argv:
        build(target)
    else:
        ensure(target)
