"""Code lists of the dimensions, in the bureau's words (from 惠市民政案〔2024〕23号) with English names.

The database stores the codes; the UI shows the label in the user's language.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    zh: str
    en: str

    def label(self, language: str) -> str:
        """The name in a language ('zh' or 'en')."""
        return self.zh if language == "zh" else self.en


COUNTIES = [
    Code("441302", "惠城区", "Huicheng District"),
    Code("441303", "惠阳区", "Huiyang District"),
    Code("441322", "博罗县", "Boluo County"),
    Code("441323", "惠东县", "Huidong County"),
    Code("441324", "龙门县", "Longmen County"),
]

# The 11 groups visited every quarter by the "double hundred" social workers (letter, part 2 (1)).
POPULATION_GROUPS = [
    Code("subsistence_allowance", "低保对象", "Subsistence-allowance recipients"),
    Code("extreme_poverty", "特困人员", "People in extreme poverty"),
    Code("marginal_allowance", "低保边缘家庭", "Families on the edge of the allowance"),
    Code("expenditure_hardship", "支出型困难家庭", "Families in expenditure hardship"),
    Code("disabled", "残疾人", "People with disabilities"),
    Code("vagrant", "流浪乞讨人员", "Vagrants and beggars"),
    Code("left_behind_children", "农村留守儿童", "Left-behind rural children"),
    Code("children_in_difficulty", "困境儿童", "Children in difficulty"),
    Code("single_mothers", "单身特困母亲", "Single mothers in extreme difficulty"),
    Code("left_behind_women", "农村留守妇女", "Left-behind rural women"),
    Code("elderly_in_difficulty", "特殊困难老年人", "Elderly people in special difficulty"),
]
# Each group's number, by which the visit rows store it (table population_groups, migration 0011): one
# small integer instead of a code of up to 22 characters in each of a province's 13 million visit rows
# and in their primary key. Numbers are never reused or renumbered; a new group takes the next one.
GROUP_NUMBERS = {group.code: number for number, group in enumerate(POPULATION_GROUPS, start=1)}

# The six aims of aging-friendly home renovation (letter, part 2 (3)).
RENOVATION_AIMS = [
    Code("walking", "室内行走便利", "Safe walking indoors"),
    Code("bathing", "如厕洗澡安全", "Safe toileting and bathing"),
    Code("kitchen", "厨房操作方便", "Easy kitchen use"),
    Code("environment", "居家环境改善", "Better home environment"),
    Code("smart_monitoring", "智能安全监护", "Smart safety monitoring"),
    Code("assistive_devices", "辅助器具适配", "Assistive devices fitted"),
]

RENOVATION_CATEGORIES = [
    Code("dispersed_extreme_poverty", "分散供养特困人员", "Extreme poverty, supported at home"),
    Code("subsistence_allowance", "城乡低保对象", "Urban and rural subsistence allowance"),
    Code("family_planning_special", "计划生育特殊家庭", "Family-planning special families"),
]

SPECIAL_EDUCATION_STAGES = [
    Code("compulsory", "义务教育", "Compulsory education"),
    Code("preschool", "学前教育", "Preschool"),
    Code("senior_high", "高中阶段", "Senior high"),
]

PLACEMENTS = [
    Code("special_school", "特殊学校就读", "Special schools"),
    Code("regular_class", "普通学校随班就读", "Regular classes"),
    Code("home_delivery", "送教上门", "Home delivery"),
]

CHARITY_SOURCE_TYPES = [
    Code("enterprise", "企业捐赠", "Enterprises"),
    Code("individual", "个人捐赠", "Individuals"),
    Code("community_fund", "社区基金", "Community funds"),
    Code("government", "政府资助", "Government"),
    Code("other", "其他", "Other"),
]

CHARITY_PROGRAMMES = [
    Code("serious_illness", "大病救助", "Serious-illness relief"),
    Code("eyesight_for_enlistment", "热血铸军魂·爱眼助从戎", "Eyesight for enlistment"),
    Code("home_renovation", "居家改造", "Home renovation"),
    Code("child_welfare", "儿童福利", "Child welfare"),
    Code("happy_home", "幸福家园村社互助", "Happy Home mutual aid"),
    Code("rural_revitalisation", "乡村振兴", "Rural revitalisation"),
    Code("emergency_relief", "急难救助", "Emergency relief"),
]

STATION_TYPES = [
    Code("station", "社工站", "Township station"),
    Code("point", "社工点", "Village point"),
]

# Categories of the low-income population under the province's dynamic monitoring (letter, part 2 (1)):
# the letter names the first four and ends "等"; the fifth is the usual further category (demo label).
MONITORED_CATEGORIES = [
    Code("subsistence_allowance", "低保对象", "Subsistence-allowance recipients"),
    Code("extreme_poverty", "特困人员", "People in extreme poverty"),
    Code("children_in_difficulty", "困境儿童", "Children in difficulty"),
    Code("marginal_allowance", "低保边缘人口", "People on the edge of the allowance"),
    Code("expenditure_hardship", "支出型困难人口", "People in expenditure hardship"),
]

# The eight departments whose data are compared through the city's 一网共享 platform. The letter names
# 公安、卫健、医保 and says eight; the other five are plausible demo labels until the bureau confirms them.
SOURCE_DEPARTMENTS = [
    Code("public_security", "公安", "Public security"),
    Code("health", "卫健", "Health"),
    Code("medical_insurance", "医保", "Medical insurance"),
    Code("human_resources", "人社", "Human resources and social security"),
    Code("housing", "住建", "Housing"),
    Code("market_regulation", "市场监管", "Market regulation"),
    Code("disabled_federation", "残联", "Disabled persons' federation"),
    Code("education", "教育", "Education"),
]
NAMED_IN_LETTER_DEPARTMENTS = ("public_security", "health", "medical_insurance")

WARNING_TYPES = [
    Code("household_change", "家庭成员变动", "Change in household members"),
    Code("high_medical_expense", "大额医疗支出", "High medical expenses"),
    Code("serious_illness", "重病住院", "Serious illness"),
    Code("unemployment", "失业断保", "Job or insurance loss"),
    Code("new_disability", "新增残疾", "New disability"),
    Code("asset_change", "资产收入变化", "Change in assets or income"),
    Code("school_dropout", "辍学失学", "Dropped out of school"),
]

# What became of a risk warning after the township or village checked it.
WARNING_OUTCOMES = [
    Code("brought_in", "纳入保障", "Brought into assistance"),
    Code("not_eligible", "不符合条件", "Not eligible"),
    Code("open", "处置中", "Still open"),
]

# Needs submitted by scanning the code of the city's social-assistance service system.
REQUEST_NEEDS = [
    Code("basic_living", "基本生活", "Basic living"),
    Code("medical", "医疗救助", "Medical assistance"),
    Code("education", "教育救助", "Education assistance"),
    Code("housing", "住房救助", "Housing assistance"),
    Code("employment", "就业帮扶", "Employment help"),
    Code("temporary", "临时救助", "Temporary assistance"),
    Code("care", "照料服务", "Care services"),
    Code("psychological", "心理疏导", "Counselling"),
]

REQUEST_OUTCOMES = [
    Code("assisted", "已救助帮扶", "Assisted"),
    Code("referred", "转介服务", "Referred"),
    Code("not_eligible", "不符合条件", "Not eligible"),
    Code("open", "办理中", "Still open"),
]

# The outcome code that means "not handled yet", in both the warning and the request lists.
OPEN_OUTCOME = "open"

ALL = {
    "county": COUNTIES, "group": POPULATION_GROUPS, "aim": RENOVATION_AIMS,
    "renovation_category": RENOVATION_CATEGORIES, "stage": SPECIAL_EDUCATION_STAGES,
    "placement": PLACEMENTS, "charity_source": CHARITY_SOURCE_TYPES, "programme": CHARITY_PROGRAMMES,
    "station_type": STATION_TYPES, "monitored_category": MONITORED_CATEGORIES,
    "department": SOURCE_DEPARTMENTS, "warning_type": WARNING_TYPES, "warning_outcome": WARNING_OUTCOMES,
    "request_need": REQUEST_NEEDS, "request_outcome": REQUEST_OUTCOMES,
}


def label(kind: str, code: str | None, language: str) -> str:
    """The name of a code of a kind in a language; the code itself when unknown."""
    for item in ALL[kind]:
        if item.code == code:
            return item.label(language)
    return "" if code is None else str(code)


def codes(kind: str) -> list[str]:
    """All codes of a kind, in display order."""
    return [item.code for item in ALL[kind]]
