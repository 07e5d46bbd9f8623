"""Loading a validated file: one transaction per file, upsert by natural key, a dry run that counts
new / changed / unchanged rows, the audit row, the dataset's demo flag cleared and the data version
bumped. On PostgreSQL large files go through COPY.

The one import path: the page (pages/data_management.py) and the CLI (python -m dashboard import) both
call import_file(). A large CSV file bound for an empty table on PostgreSQL is first tried by
streaming.try_load, which loads it while reading it; any problem sends it back here, read whole.

Natural keys: stations station_code; visits (month, station, group); special education (school year,
district, stage); its resources (school year, district); renovations household_ref (items replaced per
household). Charity flows: the bureau's ledger has no reference number, so a row is the amount of one
kind of flow on one day: (date, direction, source, organisation, programme, district). Re-importing a
corrected ledger updates amounts in place instead of doubling them; two identical gifts on the same day
must be summed into one row (the file is rejected with a duplicate-key message otherwise).
Organisations named in a charity file that the register does not know are registered (with a code
derived from the name) rather than rejected: there is no separate organisation template, so rejecting
would make the dataset impossible to load; the dry run lists the names it would add so a typo shows
before anything is written.
"""
from __future__ import annotations

import datetime as dt
import decimal
import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd
import sqlalchemy as sa

from dashboard import bulk, codes, schema, settings, summaries
from dashboard.importing import reading, streaming, validation
from dashboard.importing.actor import current_actor
from dashboard.importing.templates import INT, TEMPLATES, YEAR, Template
from dashboard.importing.validation import Problem
from dashboard.writing import finish_write, insert_frame, mark_dataset

# Template column -> table column, per dataset.
TABLE_COLUMNS = {
    "stations": {"station_code": "station_code", "name": "name_zh", "type": "station_type",
                 "district": "county_code", "township": "township_code", "village": "village_code",
                 "longitude": "lon", "latitude": "lat", "social_workers": "social_worker_count",
                 "benchmark": "is_benchmark", "hotline": "hotline_count", "opened_on": "opened_on"},
    "visits": {"month": "month", "station_code": "station_code", "group": "group_number",
               "home_visits": "home_visit_count", "cases": "case_count", "people_served": "people_served_count"},
    "service_recipients": {"quarter": "quarter", "station_code": "station_code", "group": "group_code",
                           "registered": "registered_count", "visited": "visited_count"},
    "special_education": {"school_year": "school_year", "district": "county_code", "stage": "stage",
                          "eligible": "eligible_count", "special_school": "special_school_count",
                          "regular_class": "regular_class_count", "home_delivery": "home_delivery_count"},
    "special_education_resources": {"school_year": "school_year", "district": "county_code",
                                    "resource_centres": "resource_centre_count",
                                    "resource_classrooms": "resource_classroom_count"},
    "renovations": {"household_ref": "household_ref", "district": "county_code", "township": "township_code",
                    "category": "category", "completed_on": "completed_on", "cost_yuan": "cost_yuan"},
    "charity_flows": {"date": "flow_date", "direction": "direction", "source": "source_type",
                      "organisation": "organisation_code", "programme": "programme_code",
                      "district": "county_code", "amount_yuan": "amount_yuan"},
    "community_funds": {"fund_code": "fund_code", "name": "name_zh", "district": "county_code",
                        "township": "township_code", "established_on": "established_on",
                        "raised_yuan": "raised_yuan", "micro_projects": "micro_project_count"},
    "monitored_population": {"month": "month", "district": "county_code", "township": "township_code",
                             "category": "category_code", "persons": "person_count"},
    "risk_warnings": {"month": "month", "district": "county_code", "township": "township_code",
                      "department": "source_department", "warning_type": "warning_type", "outcome": "outcome",
                      "days_to_handle": "days_to_handle", "warnings": "warning_count"},
    "assistance_requests": {"month": "month", "district": "county_code", "township": "township_code",
                            "need": "need_code", "outcome": "outcome", "days_to_handle": "days_to_handle",
                            "requests": "request_count"},
}
PRIMARY_TABLE = {name: ("charity_flows" if name == "charity_flows" else t.tables[0])
                 for name, t in TEMPLATES.items()}
# Demo rows of other datasets that refer to a dataset's rows, removed with its demo rows.
DEMO_DEPENDANTS = {"stations": {"visits": ["station_resources_monthly", "visits_monthly"],
                                "service_recipients": ["service_recipients_quarterly"]}}

Progress = Callable[[float, str], None]


@dataclass
class ImportResult:
    dataset: str
    file_name: str
    file_sha256: str
    dry_run: bool
    outcome: str = "rejected"  # loaded | dry_run | rejected | failed
    rows_total: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    demo_rows_replaced: int = 0
    problems: list[Problem] = field(default_factory=list)
    notices: list[tuple[str, dict]] = field(default_factory=list)
    file_format: str | None = None
    encoding: str | None = None

    @property
    def accepted(self) -> bool:
        """True when the file passed (loaded, or would load in a dry run)."""
        return self.outcome in ("loaded", "dry_run")


class _Rollback(Exception):
    """Raised inside the transaction of a dry run so nothing it staged is kept."""


def import_file(dataset: str, content: bytes, file_name: str, *, dry_run: bool = False,
                sheet: str | None = None, engine: sa.Engine | None = None, actor: str | None = None,
                progress: Progress | None = None) -> ImportResult:
    """Read, validate and (unless a dry run or rejected) load one file, all or nothing, and audit it.
    The file name is only recorded, never used as a path."""
    from dashboard import db
    engine = engine or db.get_engine()
    step = progress or (lambda fraction, key: None)
    template = TEMPLATES[dataset]
    result = ImportResult(dataset, str(file_name)[:255], hashlib.sha256(content).hexdigest(), dry_run)
    limit_mb = settings.get_float("IMPORT_MAX_MB")
    step(0.05, "progress.reading")
    if len(content) > limit_mb * 1024 * 1024:
        result.problems = [Problem(None, None, f"{len(content) / 1048576:.1f} MB", "file.too_large",
                                   {"limit": f"{limit_mb:g}"})]
    else:
        streamed = streaming.try_load(engine, template, content, result, actor, step)
        if streamed is not None:
            step(1.0, "progress.done")
            return streamed
        try:
            raw = reading.read_table(content, template, sheet)
            result.file_format, result.encoding = raw.file_format, raw.encoding
            result.rows_total = len(raw.frame)
            step(0.25, "progress.validating")
            with engine.connect() as conn:
                places = validation.Places.load(conn)
            typed, result.problems = validation.validate(template, raw, places)
        except reading.ReadError as error:
            result.problems = [Problem(None, None, "", error.message_key, error.params)]
    if result.problems:
        result.outcome = "rejected"
        _audit(engine, result, actor)
        step(1.0, "progress.done")
        return result
    step(0.5, "progress.comparing")
    try:
        with engine.begin() as conn:
            months, computed = _load(conn, template, typed, result, step)
            if dry_run:
                raise _Rollback
            result.outcome = "loaded"
            audit_row(conn, result, actor)
            finish_write(conn, template.tables, months, computed)
    except _Rollback:
        result.outcome = "dry_run"
        _audit(engine, result, actor)
    except sa.exc.DBAPIError as error:  # e.g. demo stations replaced while real visits still name them
        result.outcome = "failed"
        result.problems = [Problem(None, None, "", "file.database_error",
                                   {"detail": str(getattr(error, "orig", error)).splitlines()[0][:200]})]
        _audit(engine, result, actor)
    step(1.0, "progress.done")
    return result


def _months_of(frame: pd.DataFrame) -> list[str] | None:
    """The months of a monthly table's rows (None for a table not keyed by month)."""
    if "month" not in frame.columns:
        return None
    return sorted({str(month) for month in frame["month"].dropna().unique()})


def _load(conn: sa.Connection, template: Template, typed: pd.DataFrame, result: ImportResult,
          step: Progress) -> tuple[list[str] | None, dict[str, pd.DataFrame]]:
    """Write the file's rows. Returns the months whose summaries must be rebuilt: those in which a row
    was new or changed (None: all, when the dataset is not kept by month or demo rows were removed),
    and the summaries' rows when they were computed in memory (see copy_into_empty)."""
    dataset = template.dataset
    is_demo = conn.execute(sa.select(schema.datasets.c.is_demo)
                           .where(schema.datasets.c.dataset_name == dataset)).scalar()
    if is_demo:
        result.demo_rows_replaced = remove_demo(conn, template, result)
    frames = table_frames(conn, template, typed, result)
    primary = PRIMARY_TABLE[dataset]
    key = [TABLE_COLUMNS[dataset][k] for k in template.key]
    step(0.6, "progress.writing")
    if dataset == "charity_flows":
        counts = _upsert_rows(conn, schema.charity_flows, frames["charity_flows"], key, id_column="flow_id")
    elif conn.dialect.name == "postgresql" and len(typed) >= settings.get_int("IMPORT_BULK_ROWS") \
            and dataset not in ("renovations", "stations"):
        table = schema.metadata.tables[primary]
        if summaries.is_empty(conn, table.name):
            frame = frames[primary]

            def write() -> pd.DataFrame:
                bulk.copy_frame(conn, table.name, frame, order=key_order(frame, key))
                return frame
            counts = copy_into_empty(conn, table, template.tables, write)
        else:
            counts = _copy_upsert(conn, table, frames[primary], key)
    else:
        extra = {"_items": frames["_items_key"]} if dataset == "renovations" else None
        counts = _upsert_rows(conn, schema.metadata.tables[primary], frames[primary], key, extra=extra)
    result.new, result.changed, result.unchanged = counts["new"], counts["changed"], counts["unchanged"]
    if dataset == "renovations":
        _replace_items(conn, frames["renovation_items"], counts["written_keys"])
    if dataset == "stations":
        _assign_villages(conn, frames["village_assignments"])
    step(0.9, "progress.writing")
    row_count = counts.get("row_count")
    if row_count is None:
        row_count = conn.execute(sa.select(sa.func.count()).select_from(schema.metadata.tables[primary])).scalar()
    mark_dataset(conn, dataset, is_demo=False, row_count=int(row_count))
    return (None if result.demo_rows_replaced else counts["written_months"]), counts.get("computed", {})


def _as_stored(frame: pd.DataFrame, table: sa.Table) -> pd.DataFrame | None:
    """The frame with the table's columns it lacks, each at the value the table gave it (NULL or a
    constant default); None when a default is not a constant."""
    defaults = {}
    for column in table.columns:
        if column.name not in frame.columns:
            default = column.server_default
            if default is None and column.default is None:
                defaults[column.name] = None
            elif default is not None and isinstance(getattr(default, "arg", None), str):
                defaults[column.name] = column.type.python_type(default.arg)
            else:
                return None
    return frame.assign(**defaults)


def table_frames(conn: sa.Connection, template: Template, typed: pd.DataFrame,
                 result: ImportResult) -> dict[str, pd.DataFrame]:
    """The validated frame as rows of the dataset's tables."""
    dataset = template.dataset
    frame = typed.rename(columns=TABLE_COLUMNS[dataset])[list(TABLE_COLUMNS[dataset].values())]
    for column in template.columns:
        if column.kind in (INT, YEAR):
            target = TABLE_COLUMNS[dataset][column.name]
            frame[target] = frame[target].astype("Int64")
    frames = {PRIMARY_TABLE[dataset]: frame}
    if dataset == "visits":  # stored by number (migration 0011)
        frame["group_number"] = np.asarray(frame["group_number"].map(codes.GROUP_NUMBERS), dtype=np.int16)
    if dataset == "stations":
        from geo.coordinates import to_wgs84
        points = [to_wgs84(float(lon), float(lat), crs if isinstance(crs, str) else "WGS84")
                  for lon, lat, crs in zip(frame["lon"], frame["lat"], typed["crs"])]
        frame["lon"] = [round(p[0], 6) for p in points]
        frame["lat"] = [round(p[1], 6) for p in points]
        frame["is_benchmark"] = frame["is_benchmark"].astype(bool)
        assigned = frame[frame["village_code"].notna()].sort_values(
            "station_type", key=lambda s: s != "point", kind="stable")
        frames["village_assignments"] = assigned.drop_duplicates("village_code")[["village_code", "station_code"]]
    if dataset == "renovations":
        frames["_items_key"] = typed["items"].map(";".join)
        frames["renovation_items"] = pd.DataFrame(
            [{"household_ref": ref, "aim_code": aim} for ref, aims in zip(typed["household_ref"], typed["items"])
             for aim in aims])
    if dataset == "charity_flows":
        frame["organisation_code"] = _organisation_codes(conn, typed["organisation"], result)
        frames["charity_flows"] = frame
    return frames


def _organisation_codes(conn: sa.Connection, names: pd.Series, result: ImportResult) -> pd.Series:
    table = schema.charity_organisations
    known = {}
    for code, name in conn.execute(sa.select(table.c.organisation_code, table.c.name_zh)):
        known[code] = known[name] = code
    unknown = sorted(set(names) - set(known))
    if unknown:
        new = pd.DataFrame({"name_zh": unknown,
                            "organisation_code": ["ORG-" + hashlib.sha256(n.encode()).hexdigest()[:12].upper()
                                                  for n in unknown],
                            "opening_balance_yuan": 0})
        insert_frame(conn, table, new)
        known.update(zip(new["name_zh"], new["organisation_code"]))
        shown = list(unknown[:10]) + (["…"] if len(unknown) > 10 else [])
        result.notices.append(("notice.new_organisations", {"count": len(unknown), "names": shown}))
    return names.map(known)


def remove_demo(conn: sa.Connection, template: Template, result: ImportResult) -> int:
    """Delete a dataset's demo rows (and demo rows of other datasets that refer to them)."""
    removed = 0
    demo_sets = set(conn.execute(sa.select(schema.datasets.c.dataset_name)
                                 .where(schema.datasets.c.is_demo)).scalars())
    for other, tables in DEMO_DEPENDANTS.get(template.dataset, {}).items():
        if other in demo_sets:
            for name in tables:
                conn.execute(sa.delete(schema.metadata.tables[name]))
            mark_dataset(conn, other, is_demo=True, row_count=0)
            result.notices.append(("notice.dependants_removed", {"dataset": other}))
    for name in reversed(template.tables):
        removed += conn.execute(sa.delete(schema.metadata.tables[name])).rowcount or 0
    result.notices.append(("notice.demo_replaced", {"count": removed}))
    return removed


def _canonical(value) -> str:
    """A value as text, the same whichever database or parser produced it (for change detection)."""
    if value is None or (not isinstance(value, (str, tuple)) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float, decimal.Decimal)) or hasattr(value, "dtype"):
        return f"{float(value):.6f}".rstrip("0").rstrip(".")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _canonical_frame(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(object).map(_canonical)


def _upsert_rows(conn: sa.Connection, table: sa.Table, frame: pd.DataFrame, key: list[str],
                 id_column: str | None = None, extra: dict | None = None) -> dict:
    """Insert new rows and update changed ones (matched on the key); returns the counts."""
    columns = list(frame.columns)
    existing = pd.DataFrame(conn.execute(sa.select(*[table.c[c] for c in columns + ([id_column] if id_column
                                                                                      else [])])).fetchall(),
                            columns=columns + ([id_column] if id_column else []))
    incoming = _canonical_frame(frame)
    current = _canonical_frame(existing[columns]) if len(existing) else pd.DataFrame(columns=columns)
    if extra:
        for name, values in extra.items():
            incoming[name] = values.values
            current[name] = _existing_extra(conn, name, existing)
    values = [c for c in incoming.columns if c not in key]
    current["_position"] = range(len(current))
    merged = incoming.reset_index(drop=True).merge(current, on=key, how="left", suffixes=("", "_old"),
                                                   indicator=True)
    is_new = (merged["_merge"] == "left_only").to_numpy()
    differs = pd.Series(False, index=merged.index)
    for column in values:
        differs |= merged[column] != merged[column + "_old"]
    is_changed = ~is_new & differs.to_numpy()
    new_rows, changed_rows = frame[is_new], frame[is_changed]
    insert_frame(conn, table, new_rows)
    if len(changed_rows):
        if id_column:
            ids = existing[id_column].to_numpy()[merged.loc[is_changed, "_position"].astype(int).to_numpy()]
            where = [table.c[id_column] == sa.bindparam("k_" + id_column)]
            params = [{"k_" + id_column: int(i), **{"v_" + c: r[c] for c in columns if c not in key}}
                      for i, r in zip(ids, _plain(changed_rows))]
        else:
            where = [table.c[k] == sa.bindparam("k_" + k) for k in key]
            params = [{**{"k_" + k: r[k] for k in key}, **{"v_" + c: r[c] for c in columns if c not in key}}
                      for r in _plain(changed_rows)]
        statement = sa.update(table).where(*where).values({c: sa.bindparam("v_" + c)
                                                           for c in columns if c not in key})
        conn.execute(statement, params)
    written = pd.concat([new_rows, changed_rows])
    return {"new": int(is_new.sum()), "changed": int(is_changed.sum()),
            "unchanged": int(len(frame) - is_new.sum() - is_changed.sum()), "written_keys": written[key[0]].tolist(),
            "written_months": _months_of(written)}


def _plain(frame: pd.DataFrame) -> list[dict]:
    subset = frame.astype(object)
    return subset.where(subset.notna(), None).to_dict("records")


def _existing_extra(conn: sa.Connection, name: str, existing: pd.DataFrame) -> list[str]:
    # Renovations: each household's current items, in the same form as the file's.
    items = conn.execute(sa.select(schema.renovation_items.c.household_ref, schema.renovation_items.c.aim_code)
                         .order_by(schema.renovation_items.c.household_ref, schema.renovation_items.c.aim_code))
    joined: dict[str, list[str]] = {}
    for ref, aim in items:
        joined.setdefault(ref, []).append(aim)
    return [";".join(joined.get(ref, [])) for ref in existing["household_ref"]]


def _replace_items(conn: sa.Connection, items: pd.DataFrame, households: list[str]) -> None:
    table = schema.renovation_items
    for start in range(0, len(households), 500):
        conn.execute(sa.delete(table).where(table.c.household_ref.in_(households[start:start + 500])))
    insert_frame(conn, table, items[items["household_ref"].isin(households)])


def _assign_villages(conn: sa.Connection, assignments: pd.DataFrame) -> None:
    table = schema.village_assignments
    villages = assignments["village_code"].tolist()
    for start in range(0, len(villages), 500):
        conn.execute(sa.delete(table).where(table.c.village_code.in_(villages[start:start + 500])))
    insert_frame(conn, table, assignments)


def _copy_upsert(conn: sa.Connection, table: sa.Table, frame: pd.DataFrame, key: list[str]) -> dict:
    """PostgreSQL bulk path into a table that holds rows: COPY into a staging table, then write only the
    rows that are new or differ (INSERT ... ON CONFLICT DO UPDATE); unchanged rows are neither rewritten
    nor locked."""
    columns = list(frame.columns)
    column_list = ", ".join(columns)
    conn.exec_driver_sql("SET LOCAL work_mem = '256MB'")  # one in-memory hash join of file and table
    conn.exec_driver_sql(f"CREATE TEMP TABLE import_stage ON COMMIT DROP AS "
                         f"SELECT {column_list} FROM {table.name} WITH NO DATA")
    bulk.copy_frame(conn, "import_stage", frame)
    join = " AND ".join(f"t.{k} = s.{k}" for k in key)
    values = [c for c in columns if c not in key]
    target_row = ", ".join(f"t.{c}" for c in values)
    stage_row = ", ".join(f"s.{c}" for c in values)
    stage_columns = ", ".join(f"s.{c}" for c in columns)
    conn.exec_driver_sql(
        f"CREATE TEMP TABLE import_diff ON COMMIT DROP AS "
        f"SELECT {stage_columns}, t.{key[0]} IS NULL AS is_new FROM import_stage s LEFT JOIN {table.name} t "
        f"ON {join} WHERE t.{key[0]} IS NULL OR ({target_row}) IS DISTINCT FROM ({stage_row})")
    new, changed = conn.exec_driver_sql("SELECT COUNT(*) FILTER (WHERE is_new), COUNT(*) FILTER (WHERE NOT is_new) "
                                        "FROM import_diff").one()
    months = None
    if "month" in columns:
        months = sorted(conn.exec_driver_sql("SELECT DISTINCT month FROM import_diff").scalars())
    if new or changed:
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in values)
        conn.exec_driver_sql(
            f"INSERT INTO {table.name} ({column_list}) SELECT {column_list} FROM import_diff "
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}")
    return {"new": int(new), "changed": int(changed), "unchanged": len(frame) - int(new) - int(changed),
            "written_keys": [], "written_months": months}


def in_key_order(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """The rows sorted by the natural key, in code-point order (see key_order)."""
    order = key_order(frame, key)
    return frame if order is None else frame.take(order)


def key_order(frame: pd.DataFrame, key: list[str]) -> np.ndarray | None:
    """The positions of the rows sorted by the natural key, in code-point order (the order of
    PostgreSQL's C and C.UTF-8 collations), so that building the primary key after a COPY finds them
    already sorted; None when they are in that order already (or have too many distinct keys to pack
    in one number, when the order is left to PostgreSQL)."""
    composite = np.zeros(len(frame), dtype=np.int64)
    for name in key:
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            categories = column.cat.categories
            rank = np.empty(len(categories), dtype=np.int64)
            rank[np.argsort(np.asarray(categories.astype("str"), dtype=object), kind="stable")] = \
                np.arange(len(categories))
            codes = column.cat.codes.to_numpy()
            codes, width = np.where(codes < 0, -1, rank[codes]), len(categories)
        else:
            codes, uniques = pd.factorize(column, sort=True)
            width = len(uniques)
        if width and composite.max(initial=0) > np.iinfo(np.int64).max // (width + 1):
            return None
        composite = composite * (width + 1) + codes + 1
    if len(composite) < 2 or (composite[1:] >= composite[:-1]).all():
        return None
    return np.argsort(composite, kind="stable")


def copy_into_empty(conn: sa.Connection, table: sa.Table, changed_tables: tuple[str, ...],
                     write: Callable[[], pd.DataFrame]) -> dict:
    """PostgreSQL bulk path into an empty table, as PostgreSQL's manual advises for bulk loading: drop
    its keys and indexes, COPY the rows in key order (`write` COPYs them and returns them), then rebuild
    them (a sort per index and one join per foreign key instead of a million single-row updates). All
    inside the file's transaction: a failure restores them, and readers wait on the table's lock for the
    few seconds it takes rather than see it half-loaded. The rows are then all the table holds, so the
    summaries computed from it are computed from them in memory (not read back), while PostgreSQL
    builds the keys; they are returned for finish_write."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        with bulk.indexes_built_after(conn, table, lambda: frame):  # the rows, once written
            frame = write()
            # What the summaries need besides the rows (the stations) is read under the table's lock: a
            # writer of stations that commits later rebuilds them after this file's rows are in.
            stored = _as_stored(frame, table)
            # The rows are every row the table will hold: all its summaries (by month or not) come from them.
            compute = summaries.in_memory(conn, set(changed_tables), None, {table.name: stored}) \
                if stored is not None else dict
            computing = pool.submit(compute)  # on the other core, while PostgreSQL sorts and joins
        computed = computing.result()
    return {"new": len(frame), "changed": 0, "unchanged": 0, "written_keys": [], "row_count": len(frame),
            "written_months": _months_of(frame), "computed": computed}


def audit_row(conn: sa.Connection, result: ImportResult, actor: str | None) -> None:
    detail = "; ".join([f"{len(result.problems)} problems"] if result.problems else [])
    if result.problems:
        detail += ": " + ", ".join(sorted({p.key for p in result.problems}))[:900]
    if result.demo_rows_replaced:
        detail = (detail + "; " if detail else "") + f"{result.demo_rows_replaced} demo rows replaced"
    conn.execute(sa.insert(schema.import_audit).values(
        occurred_at=dt.datetime.now(), actor=actor or current_actor(),
        action="dry_run" if result.dry_run else "import", dataset_name=result.dataset,
        file_name=result.file_name, file_sha256=result.file_sha256,
        rows_new=result.new, rows_changed=result.changed, rows_unchanged=result.unchanged,
        outcome=result.outcome, detail=detail or None))


def _audit(engine: sa.Engine, result: ImportResult, actor: str | None) -> None:
    with engine.begin() as conn:
        audit_row(conn, result, actor)
