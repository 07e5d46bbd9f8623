"""Where every figure comes from: source documents, the bureau's published figures, and the targets.

These are the seed of the `published_figures` and `targets` tables; once loaded, the database is the
register the product reads and reconciles against.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class SourceDocument:
    document_number: str
    title_zh: str
    title_en: str
    producer_zh: str
    published_on: date
    note_zh: str = ""


LETTER = SourceDocument(
    "惠市民政案〔2024〕23号",
    "对惠州市十三届人大四次会议代表建议第20240234号的答复",
    "Reply to proposal No. 20240234 of the 4th session of the 13th Huizhou People's Congress",
    "惠州市民政局", date(2024, 6, 12),
)
SPECIAL_EDUCATION_PLAN = SourceDocument(
    "惠州市“十四五”特殊教育发展提升行动计划",
    "惠州市“十四五”特殊教育发展提升行动计划",
    "Huizhou 14th Five-Year action plan for special education",
    "惠州市人民政府", date(2023, 3, 23),
    "目标值经 惠市民政案〔2024〕23号 转引",
)
CENSUS_2020 = SourceDocument(
    "惠州市第七次全国人口普查公报",
    "惠州市第七次全国人口普查公报",
    "Huizhou bulletin of the seventh national population census",
    "惠州市统计局", date(2021, 5, 31),
)
DOCUMENTS = {d.document_number: d for d in (LETTER, SPECIAL_EDUCATION_PLAN, CENSUS_2020)}

# Huizhou's resident population at the 2020 census; the demo spreads it over villages.
CENSUS_2020_POPULATION = 6_042_852


@dataclass(frozen=True)
class PublishedFigure:
    figure_key: str
    area: str
    metric_key: str | None
    value: float
    unit: str
    as_of: date
    source_quote: str
    relation: str = "="
    period_start: str | None = None
    period_end: str | None = None
    source_document: str = LETTER.document_number


_END_2023 = date(2023, 12, 31)
_END_APRIL_2024 = date(2024, 4, 30)
_LETTER_DATE = date(2024, 6, 12)
_VISITS = dict(period_start="2021-10", period_end="2024-04", as_of=_END_APRIL_2024)
_YEAR_2023 = dict(period_start="2023-01-01", period_end="2023-12-31", as_of=_END_2023)


def _f(key, area, value, unit, quote, metric_key=None, **kw) -> PublishedFigure:
    kw.setdefault("as_of", _END_2023)
    return PublishedFigure(key, area, metric_key or key, value, unit, source_quote=quote, **kw)


def _registered(key, value, unit, quote, **kw) -> PublishedFigure:
    """A figure the product holds no dataset for: kept and shown as a registered fact, not recomputed."""
    kw.setdefault("as_of", _LETTER_DATE)
    return PublishedFigure(key, "other", None, value, unit, source_quote=quote, **kw)


_SINCE_2022 = dict(period_start="2022-01-01", period_end="2024-06-12")
_JIANGBEI = dict(period_start="2023-04-01", period_end="2024-06-12")  # the station opened in April 2023


PUBLISHED_FIGURES = [
    # 社工站点覆盖
    _f("township_station_count", "stations", 75, "个", "全市共建成乡镇（街道）社工站75个"),
    _f("village_point_count", "stations", 362, "个", "村（社区）社工点362个"),
    _f("station_and_point_count", "stations", 437, "个", "依托437个“双百”社工站点开展“社工＋志愿者”联动服务"),
    _f("social_worker_count", "stations", 1098, "人", "现有在职“双百”社工1098人"),
    _f("benchmark_station_count", "stations", 18, "个", "打造18个省市级标杆社工站"),
    _f("hotline_count", "stations", 1320, "条", "开通1320条“双百”服务热线"),
    _f("township_station_coverage_pct", "stations", 100, "%", "实现社会工作服务站（点）100%覆盖"),
    _f("village_assignment_coverage_pct", "stations", 100, "%", "实现社会工作服务站（点）100%覆盖"),
    # 入户探访与个案服务
    _f("home_visit_count", "visits", 668_000, "人次",
       "2021年10月至2024年4月，乡镇（街道）社工站累计入户探访11类人群66.8万人次", **_VISITS),
    _f("case_count", "visits", 2295, "例", "个案服务2295例", **_VISITS),
    _f("people_served_count", "visits", 2_269_000, "人次", "服务群众226.9万人次", **_VISITS),
    _f("linked_charity_yuan", "visits", 6_529_000, "元", "链接社会慈善资源652.9万元", **_VISITS),
    _f("six_society_visit_count", "visits", 287_000, "人次", "入户探访困难群众28.7万人次", **_VISITS),
    _f("six_society_case_count", "visits", 1547, "个", "个案服务1547个", **_VISITS),
    _f("six_society_people_served_count", "visits", 1_817_000, "人次", "服务181.7万人次", **_VISITS),
    # 特殊教育
    _f("compulsory_enrolled_count", "special_education", 3013, "名",
       "全市义务教育阶段特殊教育儿童少年3013名", as_of=_END_APRIL_2024),
    _f("compulsory_special_school_count", "special_education", 1201, "名", "在特殊学校就读1201名",
       as_of=_END_APRIL_2024),
    _f("compulsory_regular_class_count", "special_education", 1326, "名", "在普通学校随班就读1326名",
       as_of=_END_APRIL_2024),
    _f("compulsory_home_delivery_count", "special_education", 486, "名", "送教上门的486名",
       as_of=_END_APRIL_2024),
    _f("compulsory_enrolled_increase_count", "special_education", 242, "人", "比上一学年增加242人",
       as_of=_END_APRIL_2024),
    _f("compulsory_enrolled_growth_pct", "special_education", 8.73, "%", "增长8.73%", as_of=_END_APRIL_2024),
    _f("compulsory_enrolment_rate_pct", "special_education", 97, "%",
       "全市残疾儿童少年义务教育入学率达到了97%以上", relation=">=", as_of=_END_APRIL_2024),
    _f("resource_centre_count", "special_education", 83, "个", "我市已建有乡镇特殊资源中心83个",
       as_of=_END_APRIL_2024),
    _f("resource_classroom_count", "special_education", 90, "间", "全市特殊教育资源教室数达到90间",
       as_of=_END_APRIL_2024),
    _f("resource_classroom_increase_count", "special_education", 11, "间", "比上一年增加11间",
       as_of=_END_APRIL_2024),
    _f("resource_classroom_growth_pct", "special_education", 13.9, "%", "数量增长13.9%", as_of=_END_APRIL_2024),
    # 适老化改造
    _f("renovated_household_count", "renovations", 2439, "户",
       "截至目前，我市已为2439户特殊困难老年人提供家庭适老化改造",
       period_start="2020-01-01", period_end="2024-06-12", as_of=_LETTER_DATE),
    # 慈善资金
    _f("charity_organisation_count", "charity", 78, "家", "截止2023年底，全市慈善组织78家"),
    _f("charity_raised_yuan", "charity", 250_000_000, "元", "募集慈善资金2.5亿元", **_YEAR_2023),
    _f("charity_disbursed_yuan", "charity", 347_000_000, "元", "拨付慈善资金3.47亿元", **_YEAR_2023),
    _f("community_fund_count", "charity", 54, "个", "发展社区基金54个"),
    _f("community_fund_raised_yuan", "charity", 18_170_000, "元", "筹集慈善资金1817万元"),
    _f("micro_project_count", "charity", 651, "件", "办理惠民微实事651件"),
    # 社会救助与动态监测: recomputed from the monitoring and request datasets
    _f("monitored_population_count", "social_assistance", 119_700, "人",
       "将低保对象、特困人员、困境儿童、低保边缘人口等易致贫返贫人口约11.97万纳入动态监测范围",
       relation="≈", as_of=_LETTER_DATE),
    _f("assistance_requests_handled_count", "social_assistance", 600, "宗",
       "群众可通过扫码提交救助需求，收集处置困难群众需求600余宗", relation=">=", as_of=_LETTER_DATE),
    _f("data_sharing_department_count", "social_assistance", 8, "个",
       "通过市“一网共享”平台与公安、卫健、医保等8个职能部门定期进行数据比对", as_of=_LETTER_DATE),
    # The letter's other figures: registered facts (no dataset behind them in the product)
    _registered("fault_tolerance_situation_count", 14, "种",
                "明确14种容错免责情形和5种不予容错免责情形", as_of=date(2022, 9, 30)),
    _registered("fault_tolerance_exclusion_count", 5, "种",
                "明确14种容错免责情形和5种不予容错免责情形", as_of=date(2022, 9, 30)),
    _registered("civil_affairs_complex_count", 16, "个", "建成16个民政服务综合体"),
    _registered("jiangbei_activity_count", 11, "场", "驿站成立以来，共开展各类主题活动11场", **_JIANGBEI),
    _registered("jiangbei_phone_contact_count", 442, "人次", "电访442人次", **_JIANGBEI),
    _registered("jiangbei_file_count", 263, "人", "建档263人", **_JIANGBEI),
    _registered("jiangbei_home_visit_count", 471, "人次", "入户探访471人次", **_JIANGBEI),
    _registered("jiangbei_case_count", 61, "个", "挖掘个案61个", **_JIANGBEI),
    _registered("jiangbei_session_count", 206, "节次", "共跟进206节次", **_JIANGBEI),
    _registered("minor_protection_centre_count", 7, "个",
                "全市设立7个未成年人救助保护中心（妇女儿童庇护中心）"),
    _registered("children_helped_count", 315, "人次", "2022年以来，累计救助困境、留守儿童315人次",
                **_SINCE_2022),
    _registered("domestic_violence_victim_count", 12, "人次", "其中，受家暴儿童和妇女12人次", **_SINCE_2022),
    _registered("study_base_charity_yuan", 2_000_000, "元", "投入慈善资金200多万元，打造困境儿童研学基地",
                relation=">="),
    _registered("study_trip_batch_count", 4, "批次", "已组织4批次115名困境、农村留守儿童参加研学活动"),
    _registered("study_trip_children_count", 115, "名", "已组织4批次115名困境、农村留守儿童参加研学活动"),
    _registered("study_trip_planned_children_count", 2000, "名",
                "从2023年8月起，分批次组织全市2000名困境儿童和农村留守儿童到市未成年救助保护中心开展研学活动",
                period_start="2023-08-01"),
    _registered("child_welfare_enterprise_donation_yuan", 3_000_000, "元",
                "发动爱心企业筹集善款300多万元，加强儿童福利机构软硬件建设", relation=">="),
    _registered("community_social_organisation_count", 7220, "个", "2021年以来，共培育社区社会组织7220个",
                period_start="2021-01-01", period_end="2024-06-12"),
    _registered("hub_social_organisation_count", 99, "个", "其中，枢纽型社区社会组织99个",
                period_start="2021-01-01", period_end="2024-06-12"),
    _registered("township_federation_count", 71, "个",
                "实现71个乡镇（街道）社区社会组织联合会和社会工作与志愿服务协会两个全覆盖"),
    _registered("housekeeping_training_institution_count", 35, "家",
                "截止4月底，我市可开展家政服务培训的培训机构共35家", as_of=_END_APRIL_2024),
    _registered("trained_person_times_2023", 11_492, "人次", "2023年培训11492人次", **_YEAR_2023),
    _registered("rural_revitalisation_organisation_count", 91, "家",
                "2022年以来，动员91家社会组织参与全市乡村振兴和东西部协作", **_SINCE_2022),
    _registered("rural_revitalisation_investment_yuan", 110_000_000, "元", "投入资金超过1.1亿元",
                relation=">=", **_SINCE_2022),
    _registered("epidemic_organisation_count", 525, "家", "发动全市525家社会组织5.6万人次参与疫情防控工作"),
    _registered("epidemic_volunteer_person_times", 56_000, "人次",
                "发动全市525家社会组织5.6万人次参与疫情防控工作"),
    _registered("epidemic_donation_yuan", 10_000_000, "元", "捐赠物资1000多万元", relation=">="),
    _registered("jobs_offered_count", 20_878, "个", "提供就业岗位20878个"),
    _registered("migrant_children_public_school_pct", 85, "%",
                "确保符合条件的进城务工人员随迁子女85%以上在公办义务教育学校就读", relation=">="),
    _registered("special_school_subsidy_min_yuan", 400, "元/月",
                "市、县（区）财政给予入读特殊学校的残疾儿童每月400-600元补助"),
    _registered("special_school_subsidy_max_yuan", 600, "元/月",
                "市、县（区）财政给予入读特殊学校的残疾儿童每月400-600元补助"),
    _registered("visited_group_count", 11, "类", "乡镇（街道）社工站累计入户探访11类人群66.8万人次",
                **_VISITS),
    _registered("livelihood_project_count", 10, "项", "市委市政府把对低保、特困群众的生活保障和救助纳入十大民生工程"),
    _registered("visiting_care_department_count", 9, "个",
                "2023年11月27日，市民政局、市委政法委等9部门联合转发《广东省开展特殊困难老年人探访关爱服务实施方案》",
                as_of=date(2023, 11, 27)),
    _registered("next_step_task_count", 8, "项", "我市接下来将推进八项工作"),
    _registered("people_congress_livelihood_item_count", 10, "件", "办好2024年市人大票决十件民生实事涉民政事项"),
    _registered("charity_supermarket_per_county_count", 1, "家",
                "实现每个县（区）农村地区至少建成1家慈善超市示范点", relation=">="),
    _registered("township_platform_planned_count", 1, "个", "打造1-2个镇街综合服务平台、儿童友好社区示范点",
                relation=">="),
]


@dataclass(frozen=True)
class Target:
    target_key: str
    metric_key: str
    target_value: float
    unit: str
    deadline: date
    source_document: str
    note: str
    county_code: str | None = None
    baseline_year: int | None = None
    baseline_value: float | None = None


_END_OF_PLAN = date(2025, 12, 31)  # the end of the 14th Five-Year Plan period

DEFAULT_TARGETS = [
    Target("compulsory_enrolment_rate_2025", "compulsory_enrolment_rate_pct", 97, "%", _END_OF_PLAN,
           SPECIAL_EDUCATION_PLAN.document_number, "残疾儿童少年义务教育入学率达到97%"),
    Target("preschool_enrolment_rate_2025", "preschool_enrolment_rate_pct", 90, "%", _END_OF_PLAN,
           SPECIAL_EDUCATION_PLAN.document_number, "持证残疾幼儿学前三年入园率达到90%"),
    Target("township_station_coverage_2023", "township_station_coverage_pct", 100, "%", _END_2023,
           LETTER.document_number, "乡镇（街道）社工站100%覆盖"),
    Target("benchmark_station_count_plan", "benchmark_station_count", 18, "个", _END_OF_PLAN,
           LETTER.document_number, "培育18个标杆社工站"),
]
