"""The special-education page's figures: each enrolment rate against its registered target with a
projection and status, per county and for the city; the placement mix; senior-high students; resources.

Reads through `queries/` and the target register; the assessment itself (`assess`) is a pure function.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard import formatting, projection, provenance, sources
from dashboard.caching import on_data_version
from dashboard.charts import Chart
from dashboard.charts import special_education as target_charts
from dashboard.i18n import current_language, join, t
from queries import registers
from queries import special_education as q

MISSING = "—"  # shown where a figure cannot be worked out, as formatting does
CITY_CODE = "441300"  # 惠州市: the city's own row among the counties
TARGET_METRICS = {"compulsory": "compulsory_enrolment_rate_pct", "preschool": "preschool_enrolment_rate_pct"}
PLACEMENT_COLUMNS = ["special_school_count", "regular_class_count", "home_delivery_count"]
BOARD_COLUMNS = ["area_code", "area_name", "school_year", "eligible_count", "enrolled_count",
                 "enrolment_rate_pct", "target_pct", "slope_pct_points_per_year", "target_school_year",
                 "projected_pct", "status", "children_to_enrol_count"]

# What a reader needs first (where, status, how far) before the working (counts, trend, years).
BOARD_TABLE_ORDER = ["area_name", "status", "enrolment_rate_pct", "target_pct", "projected_pct",
                     "children_to_enrol_count", "eligible_count", "enrolled_count", "slope_pct_points_per_year",
                     "school_year", "target_school_year"]


@dataclass(frozen=True)
class TargetInfo:
    target_key: str
    value: float
    unit: str
    deadline: str  # ISO date
    deadline_school_year: int
    source_document: str
    baseline_year: int | None
    baseline_value: float | None


def school_years() -> list[int]:
    """The school years with enrolment data, oldest first."""
    return [int(y) for y in q.enrolment_school_years()["school_year"]]


def school_year_as_of(school_year: int) -> str:
    """The date a school year's figures stand at: the end of that school year (31 August)."""
    return f"{int(school_year) + 1}-08-31"


@on_data_version
def targets_for(stage: str) -> dict[str | None, TargetInfo]:
    """The registered targets of a stage's rate by county code (None: the city's, which applies to
    every county without its own); cached until the data changes (a page asks for them several times)."""
    frame = registers.targets(TARGET_METRICS[stage])
    result = {}
    for row in frame.itertuples():
        deadline = str(row.deadline)[:10]
        result[None if pd.isna(row.county_code) else row.county_code] = TargetInfo(
            row.target_key, float(row.target_value), row.unit, deadline,
            projection.deadline_school_year(date.fromisoformat(deadline)), row.source_document,
            None if pd.isna(row.baseline_year) else int(row.baseline_year),
            None if pd.isna(row.baseline_value) else float(row.baseline_value))
    return result


def assess(series: pd.DataFrame, targets: dict[str | None, TargetInfo], school_year: int) -> pd.DataFrame:
    """Each area's rate in a school year against its target, with the projected rate at the deadline's
    school year, the status and the children still to enrol. `series` has one row per area and year:
    area_code, area_name, school_year, eligible_count, enrolled_count, enrolment_rate_pct. Areas keep
    their order; those without a target or without data in the year are left out."""
    rows = []
    for code, area in series.groupby("area_code", sort=False):
        target = targets.get(code) or targets.get(None)
        now = area[area["school_year"] == school_year]
        if target is None or now.empty:
            continue
        current = now.iloc[0]
        p = projection.project(area["school_year"].tolist(), area["enrolment_rate_pct"].tolist(),
                               target.deadline_school_year, as_of_year=school_year)
        rows.append({
            "area_code": code, "area_name": current["area_name"], "school_year": school_year,
            "eligible_count": current["eligible_count"], "enrolled_count": current["enrolled_count"],
            "enrolment_rate_pct": current["enrolment_rate_pct"], "target_pct": target.value,
            "slope_pct_points_per_year": p.slope_per_year, "target_school_year": p.target_year,
            "projected_pct": p.projected_value, "status": projection.status(p, target.value),
            "children_to_enrol_count": projection.children_to_enrol(
                target.value, current["eligible_count"], current["enrolled_count"]),
        })
    return pd.DataFrame(rows, columns=BOARD_COLUMNS)


def rate_series(stage: str, county_code: str | None, language: str) -> pd.DataFrame:
    """The city's series followed by each county's (or the chosen county's), in the shape assess takes."""
    city = q.enrolment_by_year(stage).assign(area_code=CITY_CODE, area_name=t("filter.whole_city", language))
    counties = q.enrolment_by_county(stage, county_code).rename(columns={"county_code": "area_code"})
    counties["area_name"] = counties["county_name_en" if language == "en" else "county_name_zh"]
    columns = ["area_code", "area_name", "school_year", "eligible_count", "enrolled_count", "enrolment_rate_pct"]
    return pd.concat([city[columns], counties[columns]], ignore_index=True)


@on_data_version
def target_board(stage: str, school_year: int, county_code: str | None, language: str) -> pd.DataFrame:
    """assess() on the registered targets for the city and every county (or the chosen one); cached
    until the data changes (at province scale, 122 projections took some 150 ms of every run)."""
    return assess(rate_series(stage, county_code, language), targets_for(stage), school_year)


@dataclass(frozen=True)
class TargetSection:
    """What the targets section shows for one stage's rate: the chart, the table under it, the source
    of the target, and the children still to enrol in words."""
    chart: Chart
    left_out: int  # areas the chart leaves out (the table has them all)
    table: pd.DataFrame
    target_source: str
    gap: str


@on_data_version
def target_section(stage: str, school_year: int, county_code: str | None, scope: str,
                   language: str) -> TargetSection | None:
    """The targets section of a stage's rate (None when no area has data and a target): built once per
    data version, school year, county and language (a run of the page built two of them in some 150 ms
    of its 190 ms of script on a 2-core machine, py-spy). `scope` names the chosen area."""
    board = target_board(stage, school_year, county_code, language)
    if board.empty:
        return None
    shown, left_out = board_for_chart(board)
    label = t(f"sped.rate.{stage}.label", language)
    title = t("sped.title.rate", language, label=label, year=school_year, scope=scope)
    return TargetSection(target_charts.rate_against_target(shown, title, language), left_out,
                         board_table(board, language), target_source(stage),
                         gap_caption(board, school_year, county_code and scope, language))


# A target chart draws at most this many areas (the city and the counties furthest from the target):
# at province scale a row per county is 122 rows, too long to read and slow to draw; the table under
# the chart keeps every area.
CHART_MAX_AREAS = 20


def board_for_chart(board: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The rows a target chart draws, in the board's order, and how many areas it leaves out: every
    row when they fit, else the city's and the counties with the most children still to enrol (then the
    lowest rates)."""
    if len(board) <= CHART_MAX_AREAS:
        return board, 0
    is_city = board["area_code"] == CITY_CODE
    counties = board[~is_city].sort_values(["children_to_enrol_count", "enrolment_rate_pct"],
                                           ascending=[False, True], na_position="last", kind="stable")
    keep = board.index[is_city].union(counties.index[:CHART_MAX_AREAS - int(is_city.sum())])
    shown = board[board.index.isin(keep)]
    return shown, len(board) - len(shown)


def city_gap(board: pd.DataFrame) -> int | str:
    """Children still to enrol for the city as a whole to reach the target ('—' when unknown)."""
    city = board[board["area_code"] == CITY_CODE]["children_to_enrol_count"].dropna()
    return "—" if city.empty else int(city.iloc[0])


def deadline_school_year() -> int | None:
    """The school year the compulsory-rate target's deadline falls in (the targets share it)."""
    target = targets_for("compulsory").get(None)
    return None if target is None else target.deadline_school_year


def gap_caption(board: pd.DataFrame, school_year: int, county_name: str | None, language: str) -> str:
    """The children still to enrol, in words: the city's gap and the counties' (or the chosen one's)."""
    values = dict(year=school_year, city=city_gap(board), counties=county_gap_total(board))
    if county_name is None:
        return t("sped.gap", language, **values)
    return t("sped.gap_county", language, county=county_name, **values)


def county_gap_total(board: pd.DataFrame) -> int:
    """Children still to enrol for every county to reach the target (the city row left out)."""
    counties = board[board["area_code"] != CITY_CODE]["children_to_enrol_count"].dropna()
    return int(counties.sum())


def with_changes(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Add <column>_change and <column>_change_pct against the previous row (the previous school year)."""
    result = frame.copy()
    for column in columns:
        previous = result[column].shift(1)
        result[f"{column}_change"] = result[column] - previous
        result[f"{column}_change_pct"] = 100.0 * (result[column] - previous) / previous.where(previous != 0)
    return result


def placement_mix(county_code: str | None) -> pd.DataFrame:
    """Compulsory-stage students per school year by placement, with the change on the previous year.
    Columns: school_year, special_school_count, regular_class_count, home_delivery_count, enrolled_count,
    and for each of those <column>_change (persons) and <column>_change_pct."""
    frame = q.enrolment_by_year("compulsory", county_code)
    columns = PLACEMENT_COLUMNS + ["enrolled_count"]
    return with_changes(frame[["school_year"] + columns], columns)


def senior_high(county_code: str | None) -> pd.DataFrame:
    """Senior-high-stage special-education students per school year. Columns: school_year,
    special_school_count, regular_class_count, enrolled_count, enrolled_count_change, _change_pct."""
    frame = q.enrolment_by_year("senior_high", county_code)
    return with_changes(frame[["school_year", "special_school_count", "regular_class_count", "enrolled_count"]],
                        ["enrolled_count"])


def resources(county_code: str | None) -> pd.DataFrame:
    """Resource centres and classrooms per school year with the change on the previous year."""
    columns = ["resource_centre_count", "resource_classroom_count"]
    return with_changes(q.resources_by_year(county_code), columns)


def row_of(frame: pd.DataFrame, school_year: int) -> pd.Series | None:
    """The row of one school year, or None."""
    rows = frame[frame["school_year"] == school_year]
    return None if rows.empty else rows.iloc[0]


def source_of(document_number: str) -> str:
    """A source document by number, with its date when the register knows it."""
    document = sources.DOCUMENTS.get(document_number)
    return f"{document_number}（{document.published_on.isoformat()}）" if document else document_number


def data_source(section: str) -> str:
    """Where the figures of a section of the page come from (the resources section: the resources
    dataset; the others: enrolment): the documents they were published in (with their dates) while the
    data is demo, the files it was loaded from once it is not."""
    figures = registers.published_figures("special_education")
    documents = join((source_of(d) for d in dict.fromkeys(figures["source_document"])), clauses=True)
    dataset = "special_education_resources" if section == "resources" else "special_education"
    return provenance.source_text((dataset,), documents, current_language())


def target_source(stage: str) -> str:
    """The document the stage's city target comes from, with its date."""
    target = targets_for(stage).get(None)
    return source_of(target.source_document) if target else ""


def register_source() -> tuple[str, str]:
    """The documents the targets come from, and the date of the latest of them."""
    documents = {target.source_document for stage in TARGET_METRICS for target in targets_for(stage).values()}
    known = [sources.DOCUMENTS[d].published_on.isoformat() for d in documents if d in sources.DOCUMENTS]
    return join((source_of(d) for d in sorted(documents)), clauses=True), max(known, default="")


def earliest_rate(stage: str) -> tuple[int, float] | None:
    """The city's rate in the earliest school year the data holds (a data baseline, not the plan's)."""
    frame = q.enrolment_by_year(stage).dropna(subset=["enrolment_rate_pct"])
    return None if frame.empty else (int(frame["school_year"].iloc[0]), float(frame["enrolment_rate_pct"].iloc[0]))


def _headers(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    return frame.rename(columns={c: t(f"sped.col.{c}", language) for c in frame.columns})


def board_table(board: pd.DataFrame, language: str) -> pd.DataFrame:
    """The assessment as a table to read and download: headers and status in words, rates to 0.1."""
    shown = board.drop(columns=["area_code"]).copy()
    for column in ("enrolment_rate_pct", "projected_pct"):
        shown[column] = shown[column].astype("float64").round(1)
    shown["slope_pct_points_per_year"] = shown["slope_pct_points_per_year"].astype("float64").round(2)
    shown["status"] = [t(f"projection.status.{s}", language) for s in shown["status"]]
    shown["children_to_enrol_count"] = shown["children_to_enrol_count"].astype("Int64")
    for column in ("projected_pct", "slope_pct_points_per_year", "children_to_enrol_count"):
        if shown[column].isna().any():  # no projection (too few years) or eligible unknown
            shown[column] = shown[column].astype(object).where(shown[column].notna(), MISSING)
    return _headers(shown[BOARD_TABLE_ORDER], language)


def trend_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """A per-year frame (with changes) as a table: percentages to 0.01, counts as whole numbers."""
    shown = frame.copy()
    for column in shown.columns:
        if column.endswith("_pct"):
            shown[column] = shown[column].astype("float64").round(2)
        elif column != "school_year":
            shown[column] = shown[column].astype("Int64")
    return _headers(shown, language)


def register_table(language: str) -> pd.DataFrame:
    """The registered targets of both rates with their baselines; where the plan publishes none, says so
    and gives the earliest rate in the data beside it, labelled as such."""
    rows = []
    for stage in TARGET_METRICS:
        for county_code, target in targets_for(stage).items():
            earliest = earliest_rate(stage)
            rows.append({
                "metric": t(f"sped.rate.{stage}.label", language),
                "scope": t("filter.whole_city", language) if county_code is None else county_code,
                "target_pct": target.value, "deadline": target.deadline,
                "baseline": (t("sped.baseline.unpublished", language) if target.baseline_year is None
                             else f"{target.baseline_year}: {target.baseline_value:g}%"),
                "data_baseline": "" if earliest is None else t(
                    "sped.baseline.from_data", language, year=earliest[0],
                    value=f"{earliest[1]:.1f}"),
                "source_document": source_of(target.source_document),
            })
    return _headers(pd.DataFrame(rows), language)


def change_text(change: float | None, change_pct: float | None, language: str) -> str | None:
    """'+242（+8.73%） 较上学年' for a metric's delta, its sign first so the arrow points the right way;
    None when there is no previous year."""
    if change is None or pd.isna(change):
        return None
    sign = "+" if change > 0 else "-" if change < 0 else "±"
    text = sign + formatting.format_count(abs(change), language)
    if change_pct is not None and not pd.isna(change_pct):
        pct = sign + formatting.format_pct(abs(change_pct), 2)
        text += f" ({pct})" if language == "en" else f"（{pct}）"
    return t("sped.vs_previous_school_year", language, delta=text)
