"""Metric labels and definitions (口径): metric.<key>.label / metric.<key>.definition."""


def _metric(key: str, label: tuple[str, str], definition: tuple[str, str]) -> dict:
    return {f"metric.{key}.label": label, f"metric.{key}.definition": definition}


ENTRIES = {
    **_metric("township_station_count", ("乡镇（街道）社工站", "Township social-work stations"),
              ("已建成并开放的乡镇（街道）社会工作服务站数", "Township-level stations open on the date")),
    **_metric("village_point_count", ("村（社区）社工点", "Village social-work points"),
              ("已建成的村（社区）社会工作服务点数", "Village-level points open on the date")),
    **_metric("social_worker_count", ("在职“双百”社工", "Social workers in post"),
              ("站点登记的在职社工人数", "Social workers registered at stations and points")),
    **_metric("benchmark_station_count", ("省市级标杆社工站", "Benchmark stations"),
              ("认定为省市级标杆的社工站数", "Stations recognised as provincial or city benchmarks")),
    **_metric("township_station_coverage_pct", ("乡镇（街道）社工站覆盖率", "Township station coverage"),
              ("建有社工站的镇、街道、民族乡 ÷ 镇、街道、民族乡总数（不含林场、园区、保护区）",
               "Towns, streets and ethnic townships with a station ÷ all of them (forest farms, parks "
               "and reserves excluded)")),
    **_metric("home_visit_count", ("累计入户探访", "Home visits"),
              ("社工站入户探访11类人群的人次，按月汇总", "Home visits to the 11 groups, summed by month")),
    **_metric("case_count", ("个案服务", "Cases"), ("开展个案服务的例数", "Casework cases opened")),
    **_metric("people_served_count", ("服务群众", "People served"),
              ("各类服务覆盖的人次", "People served, counted per service")),
    **_metric("compulsory_enrolment_rate_pct", ("义务教育阶段残疾儿童入学率", "Compulsory enrolment rate"),
              ("义务教育阶段在校残疾儿童少年（特校＋随班就读＋送教上门）÷ 适龄残疾儿童少年数",
               "Disabled children enrolled at compulsory stage (special schools + regular classes + "
               "home delivery) ÷ disabled children of compulsory-school age")),
    **_metric("preschool_enrolment_rate_pct", ("持证残疾幼儿学前三年入园率", "Preschool enrolment rate"),
              ("在园持证残疾幼儿 ÷ 学前三年适龄持证残疾幼儿数",
               "Certified disabled children in preschool ÷ those of preschool age")),
    **_metric("compulsory_enrolled_count", ("义务教育阶段特教学生", "Compulsory-stage students"),
              ("特殊学校就读＋随班就读＋送教上门", "Special schools + regular classes + home delivery")),
    **_metric("renovated_household_count", ("适老化改造户数", "Homes renovated"),
              ("2020年起完成家庭适老化改造的特殊困难老年人家庭户数",
               "Households of elderly people in special difficulty renovated since 2020")),
    **_metric("charity_raised_yuan", ("募集慈善资金", "Charity raised"),
              ("慈善组织当年募集资金（按到账日期）", "Money raised by charity organisations in the year")),
    **_metric("charity_disbursed_yuan", ("拨付慈善资金", "Charity disbursed"),
              ("慈善组织当年拨付资金（含以前年度结转）",
               "Money disbursed in the year, including balances carried forward")),
}
