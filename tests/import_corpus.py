"""Files for the import tests, built in code: valid files of every dataset in every encoding and
format, and a corpus of bad files, each with the message it must be rejected with."""
from __future__ import annotations

import io
from dataclasses import dataclass, field

import pandas as pd

from dashboard.importing.templates import TEMPLATES

# Places and stations present in every test database (the reference geography and the demo stations).
STATION = "S441302001"  # 桥东街道社工站 (demo)

VALID_ROWS = {
    "stations": [
        {"站点编码": "HZ-T001", "站点名称": "桥东街道社工站", "站点类型": "社工站", "县区": "惠城区", "镇街": "桥东街道",
         "村居": "", "经度": "114.42", "纬度": "23.11", "坐标系": "", "社工人数": "6", "标杆站": "是",
         "服务热线": "1", "建成日期": "2021-06-30"},
        {"站点编码": "HZ-T002", "站点名称": "东湖社区社工点", "站点类型": "社工点", "县区": "441302", "镇街": "441302001",
         "村居": "东湖社区居委会", "经度": "114.4262", "纬度": "23.1125", "坐标系": "GCJ02", "社工人数": "2",
         "标杆站": "N", "服务热线": "1", "建成日期": "2022年3月1日"},
    ],
    "visits": [
        {"统计月份": "2024-05", "站点编码": STATION, "服务对象类别": "特殊困难老年人", "探访人次": "120", "个案数": "3",
         "服务人次": "150"},
        {"统计月份": "2024/6", "站点编码": STATION, "服务对象类别": "低保对象", "探访人次": "80", "个案数": "1",
         "服务人次": "95"},
    ],
    "service_recipients": [
        {"统计季度": "2024-Q2", "站点编码": STATION, "服务对象类别": "特殊困难老年人", "登记服务对象数": "40",
         "本季度已探访数": "38"},
        {"统计季度": "2024年第三季度", "站点编码": STATION, "服务对象类别": "低保对象", "登记服务对象数": "12",
         "本季度已探访数": "12"},
    ],
    "special_education": [
        {"学年": "2023", "县区": "惠城区", "学段": "义务教育", "适龄残疾儿童数": "820", "特殊学校就读": "300",
         "随班就读": "420", "送教上门": "80"},
        {"学年": "2023-2024", "县区": "惠阳区", "学段": "学前教育", "适龄残疾儿童数": "", "特殊学校就读": "10",
         "随班就读": "20", "送教上门": "0"},
    ],
    "special_education_resources": [
        {"学年": "2023", "县区": "惠城区", "资源中心数": "1", "资源教室数": "25"},
        {"学年": "2023", "县区": "龙门县", "资源中心数": "1", "资源教室数": "9"},
    ],
    "renovations": [
        {"户编号": "HC-2024-0001", "县区": "惠城区", "镇街": "桥东街道", "对象类别": "分散供养特困人员",
         "改造内容": "室内行走便利；如厕洗澡安全", "完成日期": "2024-05-13", "投入金额（元）": "3500"},
        {"户编号": "HC-2024-0002", "县区": "博罗县", "镇街": "", "对象类别": "城乡低保对象",
         "改造内容": "辅助器具适配", "完成日期": "2024/5/20", "投入金额（元）": "2800.50"},
    ],
    "charity_flows": [
        {"日期": "2024-05-13", "类型": "募集", "资金来源": "企业捐赠", "慈善组织": "惠州市慈善总会", "项目": "大病救助",
         "县区": "", "金额（元）": "50000"},
        {"日期": "2024年5月20日", "类型": "拨付", "资金来源": "", "慈善组织": "惠州市慈善总会", "项目": "大病救助",
         "县区": "惠城区", "金额（元）": "12000"},
    ],
    "community_funds": [
        {"基金编码": "HZ-F001", "基金名称": "桥东街道社区慈善基金", "县区": "惠城区", "镇街": "桥东街道",
         "成立日期": "2022-03-01", "累计募集金额（元）": "320000", "微项目数": "12"},
        {"基金编码": "HZ-F002", "基金名称": "龙门县社区基金", "县区": "441324", "镇街": "",
         "成立日期": "", "累计募集金额（元）": "85000.50", "微项目数": "0"},
    ],
    "monitored_population": [
        {"统计月份": "2024-05", "县区": "惠城区", "镇街": "桥东街道", "监测对象类别": "低保对象", "监测人数": "420"},
        {"统计月份": "2024-05", "县区": "441324", "镇街": "龙城街道", "监测对象类别": "困境儿童", "监测人数": "3"},
    ],
    "risk_warnings": [
        {"预警月份": "2024-05", "县区": "惠城区", "镇街": "桥东街道", "数据来源部门": "医保", "预警类型": "大额医疗支出",
         "处置结果": "纳入保障", "处置天数": "9", "预警条数": "3"},
        {"预警月份": "2024-05", "县区": "惠城区", "镇街": "桥东街道", "数据来源部门": "公安", "预警类型": "家庭成员变动",
         "处置结果": "处置中", "处置天数": "20", "预警条数": "1"},
    ],
    "assistance_requests": [
        {"提交月份": "2024-05", "县区": "惠阳区", "镇街": "淡水街道", "需求类型": "医疗救助", "办理结果": "已救助帮扶",
         "办理天数": "6", "需求件数": "2"},
        {"提交月份": "2024-04", "县区": "441303", "镇街": "441303001", "需求类型": "基本生活", "办理结果": "转介服务",
         "办理天数": "12", "需求件数": "1"},
    ],
}


def frame(dataset: str, rows: list[dict] | None = None) -> pd.DataFrame:
    """A dataset's valid rows (or the given ones) as a frame with the Chinese headers."""
    return pd.DataFrame(rows if rows is not None else VALID_ROWS[dataset])


def csv_bytes(table: pd.DataFrame, encoding: str = "utf-8", title: str | None = None) -> bytes:
    """A CSV file in an encoding, optionally with a title row above the header."""
    text = table.to_csv(index=False)
    if title:
        text = title + "\n" + text
    return text.encode(encoding)


def xlsx_bytes(table: pd.DataFrame, sheet: str = "Sheet1", title: str | None = None,
               other_sheet_first: bool = False) -> bytes:
    """An XLSX workbook holding the table (numbers as numbers where they parse)."""
    typed = table.copy()
    for column in typed.columns:
        numeric = pd.to_numeric(typed[column], errors="coerce")
        if numeric.notna().all() and not column.endswith("编码") and column not in ("县区", "镇街", "村居"):
            typed[column] = numeric
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        if other_sheet_first:
            pd.DataFrame({"说明": ["填表说明"]}).to_excel(writer, index=False, sheet_name="说明")
        typed.to_excel(writer, index=False, sheet_name=sheet, startrow=1 if title else 0)
        if title:
            writer.sheets[sheet].cell(row=1, column=1, value=title)
    return buffer.getvalue()


@dataclass
class BadFile:
    name: str
    dataset: str
    content: bytes
    expected: str  # catalogue key of the message the report must hold
    sheet: str | None = None
    settings: dict = field(default_factory=dict)


def _with(dataset: str, index: int = 0, **changes) -> pd.DataFrame:
    rows = [dict(r) for r in VALID_ROWS[dataset]]
    rows[index].update(changes)
    return frame(dataset, rows)


def _set(dataset: str, column: str, value: str, index: int = 0) -> bytes:
    rows = [dict(r) for r in VALID_ROWS[dataset]]
    rows[index][column] = value
    return csv_bytes(frame(dataset, rows))


def bad_files() -> list[BadFile]:
    """The corpus: at least one bad file for every rule, across the datasets."""
    visits = frame("visits")
    corpus = [
        BadFile("unknown_station", "visits", _set("visits", "站点编码", "S999"), "value.unknown_station"),
        BadFile("negative_count", "visits", _set("visits", "探访人次", "-3"), "value.negative"),
        BadFile("fractional_count", "visits", _set("visits", "个案数", "2.5"), "value.int"),
        BadFile("text_count", "visits", _set("visits", "服务人次", "很多"), "value.int"),
        BadFile("month_13", "visits", _set("visits", "统计月份", "2024-13"), "value.month"),
        BadFile("future_month", "visits", _set("visits", "统计月份", "2099-01"), "value.future_month"),
        BadFile("unknown_group", "visits", _set("visits", "服务对象类别", "老人"), "value.unknown_group"),
        BadFile("duplicate_key", "visits", csv_bytes(pd.concat([visits, visits.iloc[[0]]])), "row.duplicate_key"),
        BadFile("missing_column", "visits", csv_bytes(visits.drop(columns=["服务人次"])), "header.missing"),
        BadFile("unknown_column", "visits", csv_bytes(visits.assign(站长姓名="x")), "header.unknown"),
        BadFile("duplicate_column", "visits",
                csv_bytes(visits.assign(extra=visits["探访人次"]).rename(columns={"extra": "home_visits"})),
                "header.duplicate"),
        BadFile("blank_required", "visits", _set("visits", "探访人次", ""), "value.required"),
        BadFile("mobile_number", "visits", _set("visits", "站点编码", "13812345678"), "privacy.mobile"),
        BadFile("id_number", "renovations", _set("renovations", "户编号", "44130219800101123X"),
                "privacy.id_number"),
        BadFile("no_rows", "visits", csv_bytes(visits.iloc[0:0]), "file.no_rows"),
        BadFile("no_header", "visits", "a,b,c\n1,2,3\n".encode(), "read.no_header"),
        BadFile("legacy_xls", "visits", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "read.xls_unsupported"),
        BadFile("damaged_xlsx", "visits", b"PK\x03\x04" + b"not really a workbook" * 10, "read.bad_xlsx"),
        BadFile("missing_sheet", "visits", xlsx_bytes(visits, sheet="五月"), "read.no_sheet", sheet="六月"),
        BadFile("too_large", "visits", csv_bytes(visits), "file.too_large", settings={"IMPORT_MAX_MB": "0.0001"}),
        BadFile("too_many_rows", "visits", csv_bytes(visits), "file.too_many_rows",
                settings={"IMPORT_MAX_ROWS": "1"}),
        BadFile("ragged_csv", "visits", csv_bytes(visits) + b"2024-07,S441302001,x,1,2,3,4,5\n", "read.bad_csv"),
        BadFile("undecodable", "visits", csv_bytes(visits) + b"\xff\xfe\xff\n", "read.encoding"),
        BadFile("outside_huizhou", "stations", _set("stations", "经度", "113.26"), "value.outside_huizhou"),
        BadFile("unknown_crs", "stations", _set("stations", "坐标系", "EPSG:3857"), "value.unknown_crs"),
        BadFile("township_elsewhere", "stations", _set("stations", "镇街", "罗阳街道"), "value.unknown_township"),
        BadFile("unknown_county", "stations", _set("stations", "县区", "惠州新区"), "value.unknown_county"),
        BadFile("benchmark_maybe", "stations", _set("stations", "标杆站", "也许"), "value.bool"),
        BadFile("unknown_village", "stations", _set("stations", "村居", "不存在村", 1), "value.unknown_village"),
        BadFile("bad_station_type", "stations", _set("stations", "站点类型", "服务中心"),
                "value.unknown_station_type"),
        BadFile("enrolled_over_eligible", "special_education", _set("special_education", "适龄残疾儿童数", "100"),
                "value.enrolled_over_eligible"),
        BadFile("unknown_stage", "special_education", _set("special_education", "学段", "大学"),
                "value.unknown_stage"),
        BadFile("bad_school_year", "special_education", _set("special_education", "学年", "二〇二三"), "value.year"),
        BadFile("old_school_year", "special_education", _set("special_education", "学年", "1990"),
                "value.year_range"),
        BadFile("negative_classrooms", "special_education_resources",
                _set("special_education_resources", "资源教室数", "-1"), "value.negative"),
        BadFile("unknown_aim", "renovations", _set("renovations", "改造内容", "室内行走便利；装修客厅"),
                "value.unknown_aim"),
        BadFile("impossible_date", "renovations", _set("renovations", "完成日期", "2024-02-30"), "value.date"),
        BadFile("future_date", "renovations", _set("renovations", "完成日期", "2099-01-01"), "value.future_date"),
        BadFile("cost_in_words", "renovations", _set("renovations", "投入金额（元）", "三千"), "value.number"),
        BadFile("unknown_category", "renovations", _set("renovations", "对象类别", "普通家庭"),
                "value.unknown_renovation_category"),
        BadFile("long_household_ref", "renovations", _set("renovations", "户编号", "H" * 41), "value.too_long"),
        BadFile("raised_without_source", "charity_flows", _set("charity_flows", "资金来源", ""),
                "value.source_for_raised"),
        BadFile("bad_direction", "charity_flows", _set("charity_flows", "类型", "转账"), "value.unknown_direction"),
        BadFile("unknown_programme", "charity_flows", _set("charity_flows", "项目", "助学"), "value.unknown_programme"),
        BadFile("negative_amount", "charity_flows", _set("charity_flows", "金额（元）", "-500"), "value.negative"),
        BadFile("bad_quarter", "service_recipients", _set("service_recipients", "统计季度", "2024年第五季度"),
                "value.quarter"),
        BadFile("future_quarter", "service_recipients", _set("service_recipients", "统计季度", "2099-Q1"),
                "value.future_quarter"),
        BadFile("visited_over_registered", "service_recipients", _set("service_recipients", "本季度已探访数", "41"),
                "value.visited_over_registered"),
        BadFile("negative_visited", "service_recipients", _set("service_recipients", "本季度已探访数", "-1"),
                "value.negative"),
        BadFile("recipients_of_unknown_station", "service_recipients",
                _set("service_recipients", "站点编码", "S999"), "value.unknown_station"),
        BadFile("fund_in_unknown_county", "community_funds", _set("community_funds", "县区", "深圳市"),
                "value.unknown_county"),
        BadFile("negative_fund_amount", "community_funds", _set("community_funds", "累计募集金额（元）", "-100"),
                "value.negative"),
        BadFile("fund_without_code", "community_funds", _set("community_funds", "基金编码", ""), "value.required"),
        BadFile("fund_code_too_long", "community_funds", _set("community_funds", "基金编码", "F" * 31),
                "value.too_long"),
        BadFile("fund_set_up_in_the_future", "community_funds", _set("community_funds", "成立日期", "2099-01-01"),
                "value.future_date"),
        BadFile("unknown_monitored_category", "monitored_population", _set("monitored_population", "监测对象类别", "低收入"),
                "value.unknown_monitored_category"),
        BadFile("unknown_department", "risk_warnings", _set("risk_warnings", "数据来源部门", "气象局"),
                "value.unknown_department"),
        BadFile("negative_warnings", "risk_warnings", _set("risk_warnings", "预警条数", "-3"), "value.negative"),
        BadFile("township_of_another_county", "assistance_requests",
                _set("assistance_requests", "镇街", "桥东街道"), "value.unknown_township"),
        BadFile("unknown_need", "assistance_requests", _set("assistance_requests", "需求类型", "其他需求"),
                "value.unknown_request_need"),
        BadFile("one_bad_row_among_good", "visits",
                csv_bytes(pd.concat([visits] * 50 + [_with("visits", 0, 服务对象类别="外来人员").iloc[[0]]])
                          .assign(统计月份=[f"20{10 + i // 12:02d}-{i % 12 + 1:02d}" for i in range(101)])),
                "value.unknown_group"),
    ]
    assert len({b.name for b in corpus}) == len(corpus)
    return corpus


def valid_variants(dataset: str) -> dict[str, tuple[bytes, str | None]]:
    """The same valid rows in every encoding and format the importer accepts: name -> (content, sheet)."""
    table = frame(dataset)
    english = table.rename(columns={c.zh: c.name for c in TEMPLATES[dataset].columns})
    fullwidth = table.map(lambda v: v.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789-/."})
                          if isinstance(v, str) else v)
    return {
        "utf8": (csv_bytes(table, "utf-8"), None),
        "utf8_bom": (csv_bytes(table, "utf-8-sig"), None),
        "gbk": (csv_bytes(table, "gbk"), None),
        "gb18030": (csv_bytes(table, "gb18030"), None),
        "title_row": (csv_bytes(table, "utf-8-sig", title="惠州市民政局 数据报表（2024年）"), None),
        "english_headers": (csv_bytes(english), None),
        "fullwidth_and_padded": (csv_bytes(fullwidth.map(lambda v: f"  {v} " if isinstance(v, str) and v else v)),
                                 None),
        "xlsx_first_sheet": (xlsx_bytes(table), None),
        "xlsx_named_sheet": (xlsx_bytes(table, sheet="数据", other_sheet_first=True), "数据"),
        "xlsx_title_row": (xlsx_bytes(table, title="惠州市民政局 数据报表"), None),
    }
