"""Validation of a read file: each cell converted to its type, names and codes resolved against the
registers, then one pandera schema per dataset (counts >= 0, enrolled <= eligible, points inside
Huizhou, dates not in the future, no duplicate keys). Cells that look like personal identifiers reject
the file: the database holds no personal data."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pandera.pandas as pa
import shapely
import sqlalchemy as sa

from dashboard import codes, settings
from dashboard.importing import reading
from dashboard.importing.templates import (BOOL, CODE, COUNTY, DATE, FLOAT, INT, LOCAL_CODES, MONEY, MONTH,
                                           QUARTER, STATION, TEXT, TOWNSHIP, VILLAGE, YEAR, Template)
from dashboard.schema import counties, stations, townships, villages

# 18-character resident ID numbers and 11-digit mainland mobile numbers, anywhere in a cell.
# (RE2-compatible patterns, so Arrow runs them natively over large files.)
ID_NUMBER = r"(?:^|[^0-9A-Za-z])[0-9]{17}[0-9Xx](?:[^0-9A-Za-z]|$)"
MOBILE_NUMBER = r"(?:^|[^0-9])1[3-9][0-9]{9}(?:[^0-9]|$)"
MAX_PROBLEMS = 1000  # the report lists this many; the count says how many more
MAX_TEXT = {"station_code": 20, "name": 120, "household_ref": 40, "organisation": 120, "fund_code": 30}
CONVERTERS = {DATE: reading.to_date, MONTH: reading.to_month, QUARTER: reading.to_quarter, YEAR: reading.to_year,
              BOOL: reading.to_bool}
PARSED_KINDS = {INT: "value.int", MONEY: "value.number", FLOAT: "value.number", DATE: "value.date",
                MONTH: "value.month", QUARTER: "value.quarter", YEAR: "value.year", BOOL: "value.bool"}


@dataclass
class Problem:
    row: int | None  # spreadsheet row number, None for the whole file
    column: str | None  # template column name
    value: str
    key: str  # catalogue key of the message
    params: dict = field(default_factory=dict)


@dataclass
class Places:
    """The registers a file is checked against."""
    county: dict  # name or code -> county_code
    township: dict  # (county_code, name or code) -> township_code
    village: dict  # (township_code, name or code) -> village_code
    stations: set

    @classmethod
    def load(cls, conn: sa.Connection) -> "Places":
        county = {}
        for code, name_zh, name_en in conn.execute(sa.select(counties.c.county_code, counties.c.name_zh,
                                                             counties.c.name_en)):
            county.update({code: code, name_zh: code, name_en.lower(): code})
        township = {}
        for code, county_code, name in conn.execute(sa.select(townships.c.township_code,
                                                              townships.c.county_code, townships.c.name_zh)):
            township[(county_code, code)] = township[(county_code, name)] = code
        village = {}
        for code, township_code, name in conn.execute(sa.select(villages.c.village_code,
                                                                villages.c.township_code, villages.c.name_zh)):
            village[(township_code, code)] = village[(township_code, name)] = code
        return cls(county, township, village, set(conn.execute(sa.select(stations.c.station_code)).scalars()))


def personal_identifiers(raw: reading.RawTable) -> list[Problem]:
    """Every cell holding something shaped like an ID number or a mobile number (masked in the report)."""
    problems = []
    for column in raw.frame.columns:
        series = raw.frame[column]
        for pattern, key in ((ID_NUMBER, "privacy.id_number"), (MOBILE_NUMBER, "privacy.mobile")):
            if isinstance(series.dtype, pd.CategoricalDtype) and not pd.Series(
                    series.cat.categories, dtype="str").str.contains(pattern, regex=True).any():
                continue  # no distinct value matches: no row does
            hits = reading.by_category(series, lambda s: s.str.contains(pattern, regex=True)).astype(bool)
            for index in hits[hits].index[:MAX_PROBLEMS]:
                problems.append(Problem(int(raw.rows[index]), column, mask(series[index]), key))
    return problems


def mask(value: str) -> str:
    """A cell with its digits hidden but the first three and last two characters."""
    return value if len(value) <= 5 else value[:3] + "*" * (len(value) - 5) + value[-2:]


def code_lookup(kind: str) -> dict[str, str]:
    """Accepted spellings of a code list (Chinese name, code, English name; any case) -> code."""
    if kind in LOCAL_CODES:
        return {k.lower(): v for k, v in LOCAL_CODES[kind].items()}
    lookup = {}
    for item in codes.ALL[kind]:
        lookup.update({item.zh.lower(): item.code, item.code.lower(): item.code, item.en.lower(): item.code})
    if kind == "station_type":
        lookup.update({"站": "station", "点": "point"})
    return lookup


def convert(template: Template, raw: reading.RawTable, places: Places) -> tuple[pd.DataFrame, list[Problem]]:
    """Typed values of every cell (NA where blank or invalid) and a problem for each invalid cell."""
    frame, typed, problems = raw.frame, {}, []
    for column in template.columns:
        text = frame[column.name]
        kind = column.kind
        if kind in (INT, MONEY, FLOAT):
            value = reading.by_category(text, reading.to_number).astype("float64")
            if kind == INT:
                value = value.where(value.isna() | (value == value.round()), np.nan)
        elif kind in CONVERTERS:
            value = reading.by_category(text, CONVERTERS[kind])
        elif kind == CODE:
            lookup = code_lookup(column.code_kind)
            value = reading.by_category(text, lambda s: s.str.lower().map(lookup).astype("object"))
        elif kind == COUNTY:
            value = reading.by_category(text, lambda s: s.map(
                lambda v: places.county.get(v) or places.county.get(v.lower())).astype("object"))
        elif kind == TOWNSHIP:
            value = pd.Series([places.township.get((c, v)) for c, v in zip(typed["district"], text)],
                              index=text.index, dtype="object")
        elif kind == VILLAGE:
            value = pd.Series([places.village.get((t, v)) for t, v in zip(typed["township"], text)],
                              index=text.index, dtype="object")
        elif kind == STATION:
            value = reading.by_category(text, lambda s: s.where(s.isin(places.stations)).astype("object"))
        else:
            value = reading.by_category(text, lambda s: s.where(s != "").astype("object"))
        typed[column.name] = value
        blank, missing = (text == "").to_numpy(), value.isna().to_numpy()
        blank, missing = pd.Series(blank, index=text.index), pd.Series(missing, index=text.index)
        if column.required:
            problems += _cell_problems(raw, column.name, blank, "value.required")
        unreadable = missing & ~blank
        if unreadable.any():
            key = PARSED_KINDS.get(kind) or f"value.unknown_{column.code_kind or kind}"
            problems += _cell_problems(raw, column.name, unreadable, key)
        if kind == TEXT and column.name in MAX_TEXT:
            problems += _cell_problems(raw, column.name,
                                       reading.by_category(text, lambda s: s.str.len()) > MAX_TEXT[column.name],
                                       "value.too_long", limit=MAX_TEXT[column.name])
    if template.dataset == "renovations":
        typed["items"], bad = aim_lists(frame["items"].astype("str"))
        problems += _cell_problems(raw, "items", bad & (frame["items"] != ""), "value.unknown_aim")
    return pd.DataFrame(typed, index=frame.index), problems


def aim_lists(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Renovation items: each cell's aims as a sorted tuple of codes (separated by ; or 、), and whether
    any part of the cell is not one of the six aims."""
    lookup = code_lookup("aim")
    parsed, bad = [], []
    for cell in text:
        parts = [p.strip().lower() for p in cell.replace("、", ";").split(";") if p.strip()]
        found = {lookup.get(p) for p in parts}
        bad.append(None in found or not parts)
        parsed.append(None if None in found or not parts else tuple(sorted(found)))
    return pd.Series(parsed, index=text.index, dtype="object"), pd.Series(bad, index=text.index)


def _cell_problems(raw: reading.RawTable, column: str, mask_: pd.Series, key: str, **params) -> list[Problem]:
    index = mask_[mask_].index[:MAX_PROBLEMS]
    return [Problem(int(raw.rows[i]), column, raw.frame.at[i, column], key, params) for i in index]


def _check(name: str, function) -> pa.Check:
    return pa.Check(_per_value(function), name=name, ignore_na=True)


def _per_value(function):
    """A vectorised check that also runs on a categorical column (on its distinct values only, the
    answer spread back to every row: a categorical cannot be compared with < or >) and that passes
    the blanks _blank_for_missing puts in key columns (a missing cell is reported on its own)."""
    def check(series: pd.Series) -> pd.Series:
        if isinstance(series.dtype, pd.CategoricalDtype):
            values = pd.Series(series.cat.categories, dtype=series.cat.categories.dtype)
            answers = np.ones(len(values), dtype=bool)
            given = (values != "").to_numpy()
            answers[given] = np.asarray(function(values[given]), dtype=bool)
            codes = series.cat.codes.to_numpy()
            return pd.Series(np.where(codes < 0, True, answers[codes]), index=series.index)
        if series.dtype == object:
            given = (series != "").to_numpy()
            if not given.all():
                answers = np.ones(len(series), dtype=bool)
                answers[given] = np.asarray(function(series[given].infer_objects()), dtype=bool)
                return pd.Series(answers, index=series.index)
        return function(series)
    return check


NOT_NEGATIVE = _check("value.negative", lambda s: s >= 0)


def schema_for(template: Template, unique: bool = True) -> pa.DataFrameSchema:
    """The pandera schema of a dataset's typed frame (blank and unreadable cells are already reported);
    `unique`: with its check that no two rows share the key."""
    columns = {}
    for column in template.columns:
        checks = []
        if column.kind in (INT, MONEY):
            checks.append(NOT_NEGATIVE)
        if column.kind == DATE:
            checks.append(_check("value.future_date", lambda s: s <= dt.date.today()))
        if column.kind == MONTH:
            checks.append(_check("value.future_month", lambda s: s <= dt.date.today().isoformat()[:7]))
        if column.kind == QUARTER:
            checks.append(_check("value.future_quarter", lambda s: s <= _current_quarter()))
        if column.kind == YEAR:
            checks.append(_check("value.year_range", lambda s: (s >= 2000) & (s <= dt.date.today().year)))
        columns[column.name] = pa.Column(checks=checks, nullable=True, coerce=False)
    if template.dataset == "stations":
        columns["longitude"] = pa.Column(checks=[_check("value.outside_huizhou", lambda s: s)], nullable=True)
        columns["latitude"] = pa.Column(checks=[_check("value.outside_huizhou", lambda s: s)], nullable=True)
    if template.dataset == "special_education":
        columns["eligible"] = pa.Column(checks=[NOT_NEGATIVE, _check("value.enrolled_over_eligible",
                                                                     lambda s: s)], nullable=True)
    if template.dataset == "service_recipients":
        columns["visited"] = pa.Column(checks=[NOT_NEGATIVE, _check("value.visited_over_registered",
                                                                    lambda s: s != OVER_REGISTERED)], nullable=True)
    if template.dataset == "charity_flows":
        columns["source"] = pa.Column(checks=[_check("value.source_for_raised", lambda s: s)], nullable=True)
    return pa.DataFrameSchema(columns, unique=list(template.key) if unique else None, report_duplicates="all")


# Marks a visited count over the registered number in the checked copy (the file's value is reported).
OVER_REGISTERED = np.inf


def _current_quarter() -> str:
    today = dt.date.today()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


def _rule_columns(template: Template, typed: pd.DataFrame) -> pd.DataFrame:
    """Copies of the typed frame where cross-column rules replace the checked columns with booleans."""
    checked = typed.copy(deep=False)  # columns are replaced, never changed in place
    if template.dataset == "stations":
        inside = inside_huizhou(typed["longitude"], typed["latitude"],
                                typed["crs"].astype("object").fillna("WGS84"))
        checked["longitude"] = checked["latitude"] = inside.where(typed["longitude"].notna()
                                                                  & typed["latitude"].notna())
    if template.dataset == "special_education":
        enrolled = typed[["special_school", "regular_class", "home_delivery"]].sum(axis=1, min_count=1)
        ok = (enrolled <= typed["eligible"]) & (typed["eligible"] >= 0)
        checked["eligible"] = ok.where(typed["eligible"].notna())
    if template.dataset == "service_recipients":  # marked apart: a negative count keeps its own message
        over = (typed["visited"] > typed["registered"]).fillna(False)
        checked["visited"] = typed["visited"].mask(over, OVER_REGISTERED)
    if template.dataset == "charity_flows":
        ok = (typed["direction"] != "raised") | typed["source"].notna()
        checked["source"] = ok.where(typed["direction"].notna())
    for name in template.key:  # blanks in an optional key column are a value like any other
        checked[name] = _blank_for_missing(checked[name])
    return checked


def _blank_for_missing(series: pd.Series) -> pd.Series:
    if isinstance(series.dtype, pd.CategoricalDtype):
        if not series.isna().any():
            return series
        if "" not in series.cat.categories:
            series = series.cat.add_categories([""])
        return series.fillna("")
    return series.astype("object").where(series.notna(), "")


def inside_huizhou(lon: pd.Series, lat: pd.Series, crs: pd.Series) -> pd.Series:
    """Whether each point, given in its coordinate system, falls inside Huizhou once in WGS-84."""
    from geo.coordinates import to_wgs84
    from geo.reference import county_shapes
    city = shapely.union_all(list(county_shapes().values()))
    result = pd.Series(False, index=lon.index, dtype="object")
    for index in lon.index:
        if pd.notna(lon[index]) and pd.notna(lat[index]):
            x, y = to_wgs84(float(lon[index]), float(lat[index]), crs[index])
            result[index] = bool(shapely.contains_xy(city, x, y))
    return result


def check_rules(template: Template, raw: reading.RawTable, typed: pd.DataFrame) -> list[Problem]:
    """Run the dataset's pandera schema; each failing cell becomes a problem."""
    checked = _rule_columns(template, typed)
    try:
        schema_for(template, unique=may_repeat_keys(checked, list(template.key))).validate(
            checked, lazy=True, inplace=True)
    except pa.errors.SchemaErrors as errors:
        return _problems_from(errors.failure_cases, template, raw)
    return []


def may_repeat_keys(frame: pd.DataFrame, key: list[str]) -> bool:
    """False when no two rows share the key (the key columns' codes packed in one number are all
    distinct: far cheaper than pandera's check over a million rows); True when some do or when there
    are too many combinations to pack, so that pandera's check finds and reports them."""
    composite, size = np.zeros(len(frame), dtype=np.int64), 1
    for name in key:
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):  # distinct categories are distinct values
            codes, width = column.cat.codes.to_numpy().astype(np.int64), len(column.cat.categories) + 1
        else:  # missing values: -1, all one value as in pandas' duplicated
            codes, uniques = pd.factorize(column)
            width = len(uniques) + 1
        if size > np.iinfo(np.int64).max // width:
            return True
        composite, size = composite * width + (codes + 1), size * width
    if size <= 4 * len(composite) + 1024:
        return bool((np.bincount(composite, minlength=size) > 1).any())
    composite.sort()
    return bool((composite[1:] == composite[:-1]).any())


def _problems_from(cases: pd.DataFrame, template: Template, raw: reading.RawTable) -> list[Problem]:
    problems, seen = [], set()
    for case in cases.itertuples():
        if pd.isna(case.index):
            if str(case.check).startswith("value."):  # one of our checks raised: never let the file pass
                raise RuntimeError(f"check {case.check} on {case.column} failed to run: {case.failure_case}")
            continue
        index = int(case.index)
        if case.check == "multiple_fields_uniqueness":
            key, column = "row.duplicate_key", template.key[0]
            params = {"columns": template.key}
            value = " / ".join(raw.frame.at[index, c] for c in template.key)
        else:
            key, column, params = case.check, case.column, {}
            value = raw.frame.at[index, column]
        if (index, key) in seen:
            continue
        seen.add((index, key))
        problems.append(Problem(int(raw.rows[index]), column, value, key, params))
    return sorted(problems, key=lambda p: (p.row or 0))


def validate(template: Template, raw: reading.RawTable, places: Places) -> tuple[pd.DataFrame, list[Problem]]:
    """The typed frame and every problem of the file (an empty list means it can be loaded)."""
    problems = [Problem(None, None, params.get("header", ""), key, params) for key, params in raw.header_problems]
    if problems:
        return pd.DataFrame(), problems
    limit = settings.get_int("IMPORT_MAX_ROWS")
    if len(raw.frame) > limit:
        return pd.DataFrame(), [Problem(None, None, str(len(raw.frame)), "file.too_many_rows", {"limit": limit})]
    if raw.frame.empty:
        return pd.DataFrame(), [Problem(None, None, "", "file.no_rows")]
    problems = personal_identifiers(raw)
    typed, cell_problems = convert(template, raw, places)
    problems += cell_problems
    problems += check_rules(template, raw, typed)
    personal = {(p.row, p.column) for p in problems if p.key.startswith("privacy.")}
    for problem in problems:  # the report never repeats a personal number in full
        if (problem.row, problem.column) in personal:
            problem.value = mask(problem.value)
    problems.sort(key=lambda p: (p.row is not None, p.row or 0))
    return typed, problems
