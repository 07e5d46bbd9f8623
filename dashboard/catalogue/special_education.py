"""Strings of the special-education page and of the target status (projection.status.*)."""


def _columns(entries: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Table headers for a count column and its change columns."""
    result = {}
    for column, (zh, en) in entries.items():
        result[f"sped.col.{column}"] = (zh, en)
        result[f"sped.col.{column}_change"] = (f"{zh}较上学年增减", f"{en}: change on previous year")
        result[f"sped.col.{column}_change_pct"] = (f"{zh}增长率（%）", f"{en}: growth (%)")
    return result


ENTRIES = {
    "nav.special_education": ("特殊教育", "Special education"),
    "sped.title": ("特殊教育", "Special education"),
    "sped.intro": ("残疾儿童少年义务教育入学率、持证残疾幼儿学前三年入园率与“十四五”目标的对照（分县区、按学年），"
                   "以及安置方式、高中阶段学生和特教资源。本页均为县级及以上汇总数。",
                   "Enrolment rates of disabled children against the 14th Five-Year targets, by county and "
                   "school year; placements, senior-high students and resources. County-level totals only."),
    "filter.school_year": ("学年", "School year"),
    # A school year as the filter's button names it, under the label above.
    "filter.school_year.option": ("{year}学年", "{year}"),
    "filter.invalid_school_year": ("链接中的学年“{value}”无数据，已显示{year}学年。",
                                   "The link's school year “{value}” has no data; showing school year {year}."),
    "projection.status.met": ("✓ 已达标", "✓ Met"),
    "projection.status.on_track": ("▲ 可望达标", "▲ On track"),
    "projection.status.at_risk": ("◆ 有风险", "◆ At risk"),
    "projection.status.off_track": ("✗ 难以达标", "✗ Off track"),
    "projection.status.insufficient_data": ("■ 数据不足", "■ Too little data"),
    "sped.heading.targets": ("目标完成情况", "Against the targets"),
    "sped.heading.placements": ("义务教育阶段安置方式", "Compulsory-stage placements"),
    "sped.heading.senior_high": ("高中阶段特教学生", "Senior-high-stage students"),
    "sped.heading.resources": ("特教资源中心与资源教室", "Resource centres and classrooms"),
    "sped.heading.register": ("目标登记表", "Target register"),
    "sped.rate.compulsory.label": ("残疾儿童少年义务教育入学率", "Compulsory enrolment rate of disabled children"),
    "sped.rate.compulsory.definition": (
        "入学率 = 义务教育阶段在校残疾儿童少年（特殊学校就读＋普通学校随班就读＋送教上门）÷ 适龄残疾儿童少年数 × 100%；"
        "适龄 = 辖区内处于义务教育年龄段（一般为6–15周岁）、经登记的残疾儿童少年",
        "Rate = disabled children enrolled at compulsory stage (special schools + regular classes + home "
        "delivery) ÷ disabled children of compulsory-school age × 100%; eligible = registered disabled "
        "children in the area of compulsory-school age (usually 6–15)"),
    "sped.rate.preschool.label": ("持证残疾幼儿学前三年入园率", "Preschool enrolment rate of certified disabled children"),
    "sped.rate.preschool.definition": (
        "入园率 = 在园（含送教）持证残疾幼儿 ÷ 学前三年适龄持证残疾幼儿数 × 100%；"
        "适龄 = 辖区内处于学前三年年龄段（一般为3–5周岁）、持残疾人证的幼儿",
        "Rate = certified disabled children in preschool (incl. home delivery) ÷ certified disabled "
        "children of the three preschool years' age × 100%; eligible = children in the area holding a "
        "disability certificate, of preschool age (usually 3–5)"),
    "sped.title.rate": ("{label}与目标（{year}学年，{scope}）", "{label} against target (school year {year}, {scope})"),
    "sped.title.placements": ("义务教育阶段特教学生安置方式（{scope}，各学年）",
                              "Compulsory-stage special-education students by placement ({scope}, by school year)"),
    "sped.title.senior_high": ("高中阶段特教学生（{scope}，各学年）",
                               "Senior-high-stage special-education students ({scope}, by school year)"),
    "sped.title.resources": ("乡镇特殊教育资源中心与资源教室（{scope}，各学年）",
                             "Township resource centres and resource classrooms ({scope}, by school year)"),
    "sped.chart.projected": ("{year}学年预测（趋势外推）", "Projected for school year {year} (trend)"),
    "sped.chart.target": ("目标 {target}", "Target {target}"),
    "sped.chart.total": ("合计 {total}", "Total {total}"),
    "sped.unit.rate": ("入学率（%）", "Enrolment rate (%)"),
    "sped.unit.students": ("学生数（名）", "Students"),
    "sped.unit.places": ("数量（个、间）", "Number"),
    "sped.senior_high_enrolled": ("高中阶段特教学生（名）", "Senior-high-stage students"),
    "sped.resource_centre_count": ("乡镇特殊教育资源中心（个）", "Township resource centres"),
    "sped.resource_classroom_count": ("特殊教育资源教室（间）", "Resource classrooms"),
    "sped.vs_previous_school_year": ("{delta} 较上学年", "{delta} vs last year"),
    "sped.chart.left_out": ("图中列出全市及距目标最远的县（区）共{shown}个；其余{count}个县（区）见图下数据表。",
                            "The chart shows the whole area and the counties furthest from the target ({shown} in "
                            "all); the other {count} are in the table under it."),
    "sped.gap": ("尚需入学人数 = ⌈目标 × 适龄人数⌉ − 在校人数（已达标为0）。{year}学年：全市合计达标尚需 {city} 名；"
                 "各县（区）均达标尚需 {counties} 名（县区缺口之和，不低于全市缺口：已超标县区的余量不能抵补其他县区）。",
                 "Children still to enrol = ⌈target × eligible⌉ − enrolled (0 when met). School year {year}: "
                 "{city} for the city as a whole; {counties} for every county to reach it (the sum of county "
                 "gaps; never less, because a county above target cannot make up for another)."),
    "sped.gap_county": ("尚需入学人数 = ⌈目标 × 适龄人数⌉ − 在校人数（已达标为0）。{year}学年：全市合计达标尚需 {city} 名；"
                        "{county}达标尚需 {counties} 名。",
                        "Children still to enrol = ⌈target × eligible⌉ − enrolled (0 when met). School year "
                        "{year}: {city} for the city as a whole; {counties} for {county}."),
    "sped.method.short": ("**状态怎么判定**：按最近 {trend_years} 个学年的最小二乘趋势线外推到{deadline_year}学年，"
                          "与目标比较；预测差距不足 {margin} 个百分点为“有风险”。",
                          "**How status is decided**: the least-squares trend of the last {trend_years} school "
                          "years, extended to school year {deadline_year}, against the target; a projected "
                          "shortfall under {margin} points is “at risk”."),
    "sped.method.heading": ("状态与预测方法", "How status and projection are worked out"),
    "sped.method": (
        "预测：取所选学年及之前最近 {trend_years} 个学年的比率，作最小二乘直线，外推至目标截止日期所在学年"
        "（{deadline_year}学年），结果限定在0–100%之间；少于 {min_points} 个学年不作预测。\n\n"
        "状态：**✓ 已达标** —— 当前值不低于目标，且预测不跌破目标；**▲ 可望达标** —— 当前未达标，但预测达到目标；"
        "**◆ 有风险** —— 预测距目标不足 {margin} 个百分点，或当前已达标但预测将跌破目标；"
        "**✗ 难以达标** —— 预测距目标 {margin} 个百分点及以上；**■ 数据不足** —— 未达标且数据不足以预测。\n\n"
        "直线外推只是“照近年速度继续”的参考，不是预报；颜色之外，状态也以图形（● ▲ ◆ ✗ ■）和文字标示。",
        "Projection: a least-squares line through the rates of the last {trend_years} school years up to "
        "the chosen one, extended to the school year the deadline falls in ({deadline_year}), kept within "
        "0–100%; with fewer than {min_points} school years there is no projection.\n\n"
        "Status: **✓ Met** — at or above target now and not projected to fall below; **▲ On track** — "
        "below now, projected to reach it; **◆ At risk** — projected short by less than {margin} "
        "percentage points, or met now but projected to fall below; **✗ Off track** — projected short by "
        "{margin} points or more; **■ Too little data** — below target, too few years to project.\n\n"
        "A straight line says where recent pace leads, not what will happen; status shows as shape "
        "(● ▲ ◆ ✗ ■) and words as well as colour."),
    "sped.privacy_note": ("本页数字均为县（区）及以上汇总，不涉及个人；小于5的计数隐藏规则只适用于县级以下，故此处照实显示。",
                          "All figures here are county or city totals; the “<5” rule applies below county "
                          "level only, so they are shown as they are."),
    "sped.def.placements": ("义务教育阶段特教学生 = 特殊学校就读＋普通学校随班就读＋送教上门；增减与上一学年比较",
                            "Compulsory-stage students = special schools + regular classes + home delivery; "
                            "change against the previous school year"),
    "sped.def.senior_high": ("高中阶段在校特教学生；规划要求扩大高中阶段特教学位，未设量化目标",
                             "Special-education students at senior-high stage; the plan asks "
                             "for more places but sets no number"),
    "sped.def.resources": ("乡镇（街道）特殊教育资源中心数与中小学特殊教育资源教室数，各学年末存量",
                           "Township special-education resource centres and school resource classrooms, "
                           "as at each school year's end"),
    "sped.def.register": ("目标值、截止日期与来源取自数据库目标登记表；规划未公布基线的，列出数据最早学年的全市值供参考（非官方基线）",
                          "Targets, deadlines and sources from the database's target register; where the plan "
                          "publishes no baseline, the city's rate in the earliest school year of the data is "
                          "given for reference (not an official baseline)"),
    "sped.baseline.unpublished": ("规划未公布", "Not published in the plan"),
    "sped.baseline.from_data": ("{year}学年 {value}%（由数据计算，非官方基线）",
                                "{value}% in school year {year} (from the data; not an official baseline)"),
    "table.data": ("数据表", "Data table"),
    "sped.col.area_name": ("地区", "Area"),
    "sped.col.school_year": ("学年", "School year"),
    "sped.col.eligible_count": ("适龄人数（名）", "Eligible"),
    "sped.col.enrolment_rate_pct": ("入学率（%）", "Enrolment rate (%)"),
    "sped.col.target_pct": ("目标（%）", "Target (%)"),
    "sped.col.slope_pct_points_per_year": ("近年趋势（百分点/学年）", "Recent trend (points a year)"),
    "sped.col.target_school_year": ("目标学年", "Target school year"),
    "sped.col.projected_pct": ("目标学年预测（%）", "Projected in target year (%)"),
    "sped.col.status": ("状态", "Status"),
    "sped.col.children_to_enrol_count": ("尚需入学（名）", "Children still to enrol"),
    "sped.col.metric": ("指标", "Metric"),
    "sped.col.scope": ("范围", "Scope"),
    "sped.col.deadline": ("截止日期", "Deadline"),
    "sped.col.baseline": ("规划基线", "Plan baseline"),
    "sped.col.data_baseline": ("数据首年值（参考）", "Earliest value in the data (reference)"),
    "sped.col.source_document": ("来源文件", "Source document"),
    **_columns({
        "enrolled_count": ("在校人数（名）", "Enrolled"),
        "special_school_count": ("特殊学校就读（名）", "Special schools"),
        "regular_class_count": ("随班就读（名）", "Regular classes"),
        "home_delivery_count": ("送教上门（名）", "Home delivery"),
        "resource_centre_count": ("资源中心（个）", "Resource centres"),
        "resource_classroom_count": ("资源教室（间）", "Resource classrooms"),
    }),
}
