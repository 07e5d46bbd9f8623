"""Strings of the overview page."""
ENTRIES = {
    "overview.title": ("总览", "Overview"),
    "overview.intro": ("惠州市民政重点工作的核心指标：每项指标附目标、变化、数据截至日期与来源。",
                       "Headline metrics of Huizhou's civil-affairs work, each with its target, change, "
                       "as-of date and source."),
    "area.stations": ("社工站点覆盖", "Social-work station coverage"),
    "area.special_education": ("特殊教育", "Special education"),
    "area.renovations": ("适老化改造", "Aging-friendly renovation"),
    "area.visits": ("入户探访与个案服务", "Home visits and casework"),
    "area.charity": ("慈善资金", "Charity funds"),
    "delta.vs_previous_year": ("较上年 {delta}", "{delta} on the previous year"),
    "delta.vs_previous_school_year": ("较上学年 {delta}", "{delta} on the previous school year"),
    # Under a running total, the change of the latest full quarter on the one before it, named.
    "delta.quarter_on_quarter": ("{quarter}环比 {delta}", "{quarter}: {delta} on {previous}"),
    "metric.trend": ("走势：共{count}期，由{first}至{last}", "Trend over {count} periods, from {first} to {last}"),
    "delta.this_year": ("{year}年新增 {delta}", "{delta} added in {year}"),
    "period.since_launch": ("{start} 至 {end} 累计", "Total {start} to {end}"),
    "period.school_year": ("{year}学年", "School year {year}"),
    "period.year": ("{year}年", "{year}"),
    "overview.trend": ("趋势", "Trend"),
}
