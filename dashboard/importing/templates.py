"""The import contract: for each dataset, its columns (Chinese and English headers, type, whether
required), its natural key and the tables it writes. Templates for download are built from it."""
from __future__ import annotations

import io
from dataclasses import dataclass, field

import pandas as pd

# Column kinds; reading.py turns text into each kind and validation.py checks the result.
TEXT, INT, MONEY, FLOAT, DATE, MONTH, YEAR, BOOL = "text", "int", "money", "float", "date", "month", "year", "bool"
QUARTER = "quarter"
COUNTY, TOWNSHIP, VILLAGE, STATION = "county", "township", "village", "station"  # places and stations
CODE = "code"  # one of a code list of dashboard.codes (code_kind names it)


@dataclass(frozen=True)
class Column:
    name: str  # English header and the key of the column in code
    zh: str  # Chinese header
    kind: str
    required: bool = True
    code_kind: str | None = None  # for CODE columns: a kind of dashboard.codes.ALL, or a local list
    example: object = ""


@dataclass(frozen=True)
class Template:
    dataset: str  # the name in the `datasets` table
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # natural key, in template column names
    tables: tuple[str, ...]  # the tables this dataset fills, parents first
    notes: dict = field(default_factory=dict)

    def column(self, name: str) -> Column:
        """A column by its English name."""
        return next(c for c in self.columns if c.name == name)


TEMPLATES: dict[str, Template] = {t.dataset: t for t in [
    Template("stations", (
        Column("station_code", "站点编码", TEXT, example="HZ-S001"),
        Column("name", "站点名称", TEXT, example="小金口街道社工站"),
        Column("type", "站点类型", CODE, code_kind="station_type", example="社工站"),
        Column("district", "县区", COUNTY, example="惠城区"),
        Column("township", "镇街", TOWNSHIP, example="小金口街道"),
        Column("village", "村居", VILLAGE, required=False, example=""),
        Column("longitude", "经度", FLOAT, example=114.4),
        Column("latitude", "纬度", FLOAT, example=23.15),
        Column("crs", "坐标系", CODE, required=False, code_kind="crs", example="WGS84"),
        Column("social_workers", "社工人数", INT, example=6),
        Column("benchmark", "标杆站", BOOL, example="否"),
        Column("hotline", "服务热线", INT, example=1),
        Column("opened_on", "建成日期", DATE, required=False, example="2021-06-30"),
    ), key=("station_code",), tables=("stations", "village_assignments")),
    Template("visits", (
        Column("month", "统计月份", MONTH, example="2024-05"),
        Column("station_code", "站点编码", STATION, example="HZ-S001"),
        Column("group", "服务对象类别", CODE, code_kind="group", example="特殊困难老年人"),
        Column("home_visits", "探访人次", INT, example=120),
        Column("cases", "个案数", INT, example=3),
        Column("people_served", "服务人次", INT, example=150),
    ), key=("month", "station_code", "group"), tables=("visits_monthly",)),
    # The quarterly register of service recipients (服务对象台账) per station and group: how many are
    # registered and how many of them were visited in the quarter (the full-coverage duty).
    Template("service_recipients", (
        Column("quarter", "统计季度", QUARTER, example="2024-Q2"),
        Column("station_code", "站点编码", STATION, example="HZ-S001"),
        Column("group", "服务对象类别", CODE, code_kind="group", example="特殊困难老年人"),
        Column("registered", "登记服务对象数", INT, example=40),
        Column("visited", "本季度已探访数", INT, example=38),
    ), key=("quarter", "station_code", "group"), tables=("service_recipients_quarterly",)),
    Template("special_education", (
        Column("school_year", "学年", YEAR, example="2023"),
        Column("district", "县区", COUNTY, example="惠城区"),
        Column("stage", "学段", CODE, code_kind="stage", example="义务教育"),
        Column("eligible", "适龄残疾儿童数", INT, required=False, example=820),
        Column("special_school", "特殊学校就读", INT, example=300),
        Column("regular_class", "随班就读", INT, example=420),
        Column("home_delivery", "送教上门", INT, example=80),
    ), key=("school_year", "district", "stage"), tables=("special_education_enrolment",)),
    Template("special_education_resources", (
        Column("school_year", "学年", YEAR, example="2023"),
        Column("district", "县区", COUNTY, example="惠城区"),
        Column("resource_centres", "资源中心数", INT, example=1),
        Column("resource_classrooms", "资源教室数", INT, example=25),
    ), key=("school_year", "district"), tables=("special_education_resources",)),
    Template("renovations", (
        Column("household_ref", "户编号", TEXT, example="HC-2024-0001"),
        Column("district", "县区", COUNTY, example="惠城区"),
        Column("township", "镇街", TOWNSHIP, required=False, example="小金口街道"),
        Column("category", "对象类别", CODE, code_kind="renovation_category", example="分散供养特困人员"),
        Column("items", "改造内容", TEXT, example="室内行走便利；如厕洗澡安全"),
        Column("completed_on", "完成日期", DATE, example="2024-05-13"),
        Column("cost_yuan", "投入金额（元）", MONEY, example=3500),
    ), key=("household_ref",), tables=("renovations", "renovation_items")),
    Template("charity_flows", (
        Column("date", "日期", DATE, example="2024-05-13"),
        Column("direction", "类型", CODE, code_kind="direction", example="募集"),
        Column("source", "资金来源", CODE, required=False, code_kind="charity_source", example="企业捐赠"),
        Column("organisation", "慈善组织", TEXT, example="惠州市慈善总会"),
        Column("programme", "项目", CODE, code_kind="programme", example="大病救助"),
        Column("district", "县区", COUNTY, required=False, example="惠城区"),
        Column("amount_yuan", "金额（元）", MONEY, example=50000),
    ),
        # No reference column in the bureau's ledger: a row is the amount of one kind of flow on one day
        # (date, direction, source, organisation, programme, district); two gifts alike on the same day
        # are one row with their sum. See loading.CHARITY_KEY_NOTE.
        key=("date", "direction", "source", "organisation", "programme", "district"),
        tables=("charity_organisations", "charity_flows")),
    # The register of community funds (社区基金): one row per fund, what it has raised so far and its
    # micro-projects; a later file updates a fund by its code.
    Template("community_funds", (
        Column("fund_code", "基金编码", TEXT, example="HZ-F001"),
        Column("name", "基金名称", TEXT, example="小金口街道社区慈善基金"),
        Column("district", "县区", COUNTY, example="惠城区"),
        Column("township", "镇街", TOWNSHIP, required=False, example="小金口街道"),
        Column("established_on", "成立日期", DATE, required=False, example="2022-03-01"),
        Column("raised_yuan", "累计募集金额（元）", MONEY, example=320000),
        Column("micro_projects", "微项目数", INT, example=12),
    ), key=("fund_code",), tables=("community_funds",)),
    # Social assistance (exported from the monitoring and assistance systems): counts only, no person.
    Template("monitored_population", (
        Column("month", "统计月份", MONTH, example="2024-05"),
        Column("district", "县区", COUNTY, example="惠城区"),
        Column("township", "镇街", TOWNSHIP, example="小金口街道"),
        Column("category", "监测对象类别", CODE, code_kind="monitored_category", example="低保对象"),
        Column("persons", "监测人数", INT, example=420),
    ), key=("month", "township", "category"), tables=("monitored_population_monthly",)),
    Template("risk_warnings", (
        Column("month", "预警月份", MONTH, example="2024-05"),
        Column("district", "县区", COUNTY, example="惠城区"),
        Column("township", "镇街", TOWNSHIP, example="小金口街道"),
        Column("department", "数据来源部门", CODE, code_kind="department", example="医保"),
        Column("warning_type", "预警类型", CODE, code_kind="warning_type", example="大额医疗支出"),
        Column("outcome", "处置结果", CODE, code_kind="warning_outcome", example="纳入保障"),
        Column("days_to_handle", "处置天数", INT, example=9),
        Column("warnings", "预警条数", INT, example=3),
    ), key=("month", "township", "department", "warning_type", "outcome", "days_to_handle"),
        tables=("risk_warnings_monthly",)),
    Template("assistance_requests", (
        Column("month", "提交月份", MONTH, example="2024-05"),
        Column("district", "县区", COUNTY, example="惠城区"),
        Column("township", "镇街", TOWNSHIP, example="小金口街道"),
        Column("need", "需求类型", CODE, code_kind="request_need", example="医疗救助"),
        Column("outcome", "办理结果", CODE, code_kind="request_outcome", example="已救助帮扶"),
        Column("days_to_handle", "办理天数", INT, example=6),
        Column("requests", "需求件数", INT, example=2),
    ), key=("month", "township", "need", "outcome", "days_to_handle"), tables=("assistance_requests_monthly",)),
]}

# Small code lists that are not dimensions of the dashboard (value -> code).
LOCAL_CODES = {
    "crs": {"WGS84": "WGS84", "CGCS2000": "WGS84", "GCJ02": "GCJ02", "GCJ-02": "GCJ02", "BD09": "BD09",
            "BD-09": "BD09"},
    "direction": {"募集": "raised", "拨付": "disbursed", "raised": "raised", "disbursed": "disbursed"},
}

DATASETS = list(TEMPLATES)
# The township boundaries (GeoJSON / zipped Shapefile) are imported too, by their own importer
# (dashboard/boundary_import.py): no template, no dry run.
BOUNDARIES = "boundaries"


def template_frame(dataset: str, language: str = "zh") -> pd.DataFrame:
    """The template as a one-row frame: headers in a language and the example row."""
    template = TEMPLATES[dataset]
    headers = [c.zh if language == "zh" else c.name for c in template.columns]
    return pd.DataFrame([[c.example for c in template.columns]], columns=headers)


def template_xlsx(dataset: str) -> bytes:
    """The template as an XLSX workbook (Chinese headers, one example row)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        template_frame(dataset).to_excel(writer, index=False, sheet_name=dataset[:31])
    return buffer.getvalue()


def template_csv(dataset: str) -> bytes:
    """The template as CSV in UTF-8 with BOM, which Excel opens with the Chinese intact."""
    return ("\ufeff" + template_frame(dataset).to_csv(index=False)).encode("utf-8")
