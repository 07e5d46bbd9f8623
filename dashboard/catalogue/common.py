"""Strings shared by every page."""
ENTRIES = {
    "app.title": ("惠州民政数据驾驶舱", "Huizhou Civil Affairs Dashboard"),
    "app.language": ("语言 / Language", "语言 / Language"),
    "nav.section.dashboards": ("数据看板", "Dashboards"),
    "nav.overview": ("总览", "Overview"),
    "demo.banner": ("示例数据：以下页面的明细数据为程序生成的示例，仅总量与惠州市民政局公开数据一致，"
                    "不代表真实分布。仍为示例的数据集：{datasets}",
                    "Demo data: the detail shown is generated; only the totals equal the bureau's "
                    "published figures, and the distribution is not real. Datasets still demo: {datasets}"),
    "demo.tag": ("示例数据", "Demo data"),
    "source.line": ("来源：{source} · 数据截至：{as_of} · 口径：{definition}",
                    "Source: {source} · Data as of: {as_of} · Definition: {definition}"),
    # A dataset loaded by a data officer, in a source line (dashboard/provenance.py).
    "origin.file": ("{dataset}：{file}（{date} 导入）", "{dataset}: {file} (imported {date})"),
    "origin.files": ("{dataset}：{file} 等 {count} 个文件（最近一次 {date} 导入）",
                     "{dataset}: {file} and {more} earlier file(s) (the latest, imported {date})"),
    "origin.loaded": ("{dataset}：{date} 载入", "{dataset}: loaded {date}"),
    "target.label": ("目标 {target}", "Target {target}"),
    "target.deadline": ("目标期限：{deadline}年底", "Target date: end {deadline}"),
    "status.met": ("✓ 已达标", "✓ Met"),
    "status.near": ("△ 接近目标", "△ Near target"),
    "status.below": ("✗ 未达标", "✗ Below target"),
    "empty.no_data": ("暂无数据。请由数据专员导入，或运行 python -m dashboard init-db --demo 载入示例数据。",
                      "No data yet. A data officer can import it, or run "
                      "python -m dashboard init-db --demo to load the demo."),
    "error.database": ("无法读取数据库，请稍后重试或联系管理员。",
                       "The database could not be read. Try again later or contact the administrator."),
    "unit.person_times": ("人次", "visits"),
    "dataset.places": ("区划与人口", "Places and population"),
    "dataset.stations": ("社工站点", "Stations"),
    "dataset.visits": ("入户探访", "Home visits"),
    "dataset.service_recipients": ("服务对象台账", "Service recipients"),
    "dataset.special_education": ("特殊教育在校生", "Special-education enrolment"),
    "dataset.special_education_resources": ("特教资源", "Special-education resources"),
    "dataset.renovations": ("适老化改造", "Renovations"),
    "dataset.charity_flows": ("慈善资金", "Charity flows"),
    "dataset.community_funds": ("社区基金", "Community funds"),
    # While demo, the areas are schematic: the map and its legend say so (coverage.layer.townships_schematic).
    "dataset.boundaries": ("乡镇（街道）边界", "Township boundaries"),
}
ENTRIES.update({
    "filter.county": ("县（区）", "County"),
    "filter.whole_city": ("全市", "Whole city"),
    "filter.section": ("页面内容", "Section of the page"),
    "download.csv": ("下载 CSV", "Download CSV"),
    "download.xlsx": ("下载 Excel", "Download Excel"),
    "table.first_rows": ("表中列出前 {shown} 行，共 {total} 行；下载可得全部。",
                         "The first {shown} of {total} rows are listed; the download holds them all."),
})
ENTRIES.update({"chart.unit": ("单位：{unit}", "Unit: {unit}")})
