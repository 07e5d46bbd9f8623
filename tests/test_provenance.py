"""Source lines name where the figures come from: the published documents while a dataset is demo, the
file a data officer loaded (and the day) once it is not; on both databases, and on the page."""
from __future__ import annotations

import datetime as dt

import pytest

from dashboard import db, formatting, kpis, provenance
from dashboard.importing import import_file, report
from queries import registers
from tests import import_corpus as corpus
from tests.app_support import signed_in_app

LETTER = "惠市民政案〔2024〕23号"


def load(engine, dataset: str, file_name: str, rows=None) -> None:
    table = corpus.frame(dataset) if rows is None else corpus.frame(dataset, rows)
    result = import_file(dataset, corpus.csv_bytes(table), file_name, engine=engine, actor="tester")
    assert result.outcome == "loaded", report.to_text(result, "en")


def test_a_loaded_dataset_is_credited_to_its_file_and_a_demo_one_to_the_documents(fresh_db):
    today = dt.date.today().isoformat()
    assert kpis.area_source("special_education", "zh") == LETTER
    assert registers.dataset_files().empty
    load(fresh_db, "special_education_resources", "资源2024.csv")
    files = registers.dataset_files("special_education_resources")
    assert files.to_dict("records") == [{"dataset_name": "special_education_resources", "file_name": "资源2024.csv",
                                        "loaded_on": today}]
    # Enrolment is still demo (credited to the letter); the resources are the file's.
    assert kpis.area_source("special_education", "zh") == f"{LETTER}；特教资源：资源2024.csv（{today} 导入）"
    assert kpis.area_source("special_education", "en") == (
        f"{LETTER}; Special-education resources: 资源2024.csv (imported {today})")
    assert kpis.area_source("visits", "zh") == LETTER  # another area is untouched
    # A dry run and a rejected file are no source; a second loaded file is counted, the latest named.
    rows = corpus.VALID_ROWS["special_education_resources"]
    import_file("special_education_resources", corpus.csv_bytes(corpus.frame("x", rows)), "试运行.csv",
                dry_run=True, engine=fresh_db)
    bad = import_file("special_education_resources", b"\xff\xfe not a table", "坏.csv", engine=fresh_db)
    assert bad.outcome == "rejected"
    load(fresh_db, "special_education_resources", "资源2025.csv", [dict(rows[0], 资源教室数="27"), rows[1]])
    assert provenance.source_text(("special_education_resources",), LETTER, "zh") == (
        f"特教资源：资源2025.csv 等 2 个文件（最近一次 {today} 导入）")
    assert provenance.source_text(("special_education_resources",), LETTER, "en") == (
        f"Special-education resources: 资源2025.csv and 1 earlier file(s) (the latest, imported {today})")


def test_the_page_source_line_names_the_file_once_loaded(fresh_db):
    if fresh_db.dialect.name != "sqlite":
        pytest.skip("the page reads through the same functions on both databases")
    load(fresh_db, "special_education_resources", "资源2024.csv")
    at = signed_in_app("admin", "zh")
    at.query_params["section"] = "resources"
    at.run()
    at.switch_page("pages/special_education.py").run()
    assert not at.exception, [e.value for e in at.exception]
    lines = [c.value for c in at.caption if c.value.startswith("来源：")]
    # The section shows the resources alone: the loaded file is its whole source.
    assert lines and all(line.startswith("来源：特教资源：资源2024.csv（") for line in lines), lines
    at.button_group(key="filter_section").set_value("placements").run()  # enrolment, still demo
    lines = [c.value for c in at.caption if c.value.startswith("来源：")]
    assert lines and all(line.startswith(f"来源：{LETTER}（2024-06-12） ·") for line in lines), lines


def test_a_part_of_a_page_is_credited_to_its_own_dataset(fresh_db):
    """The visits page's coverage section reads the service-recipient register, not the visits, and the
    charity page's funds section the community funds: loading the visits or the charity flows changes
    the other sections' sources and leaves theirs (still demo) alone."""
    today = dt.date.today().isoformat()
    load(fresh_db, "visits", "探访2024Q1.csv")
    load(fresh_db, "charity_flows", "慈善2023.csv")
    assert kpis.area_source("visits", "zh") == f"入户探访：探访2024Q1.csv（{today} 导入）"
    assert kpis.area_source("visit_coverage", "zh") == LETTER
    assert kpis.area_source("charity_flows", "zh") == f"慈善资金：慈善2023.csv（{today} 导入）"
    assert kpis.area_source("community_funds", "zh") == LETTER
    assert kpis.area_source("charity", "zh") == f"慈善资金：慈善2023.csv（{today} 导入）；{LETTER}"
    # Once the register and the funds are loaded too, their sections name their own files.
    load(fresh_db, "service_recipients", "台账2024Q2.csv")
    load(fresh_db, "community_funds", "社区基金.csv")
    assert kpis.area_source("visit_coverage", "zh") == f"服务对象台账：台账2024Q2.csv（{today} 导入）"
    assert kpis.area_source("community_funds", "zh") == f"社区基金：社区基金.csv（{today} 导入）"
    assert kpis.area_source("visits", "zh") == f"入户探访：探访2024Q1.csv（{today} 导入）"


def test_a_file_name_is_shown_as_written_not_read_as_markdown(fresh_db):
    """A file name goes into a caption, which Streamlit reads as markdown: its link, emphasis and math
    are escaped there (shown as written), and the source line downloaded or exported stays plain."""
    if fresh_db.dialect.name != "sqlite":
        pytest.skip("the page reads through the same functions on both databases")
    name = "[点我](x)_v2_$1$ www.a.cn@b.xlsx"
    load(fresh_db, "special_education_resources", name)
    assert name in kpis.area_source("special_education", "zh")  # plain, for downloads and slides
    at = signed_in_app("admin", "zh")
    at.query_params["section"] = "resources"
    at.run()
    at.switch_page("pages/special_education.py").run()
    lines = [c.value for c in at.caption if c.value.startswith("来源：")]
    assert lines and all("\\[点我\\](x)\\_v2\\_\\$1\\$ www\u2060.a.cn\u2060@b.xlsx" in line for line in lines), lines


@pytest.mark.browser
def test_a_file_name_reads_as_written_in_the_browser(scratch_db):
    """What the browser draws of that caption: the name's text, with no link, emphasis or math."""
    from tests.browser_support import chromium_page, require_chromium, running_app, sign_in
    from tests.conftest import TEST_PASSWORD, TEST_USERS
    require_chromium()
    name = "[点我](x)_v2_$1$ www.a.cn@b.xlsx"
    load(db.get_engine(scratch_db), "special_education_resources", name)
    with running_app(scratch_db) as base, chromium_page() as page:
        sign_in(page, base, TEST_USERS["leader"], TEST_PASSWORD, "special-education?section=resources")
        caption = page.locator('[data-testid="stCaptionContainer"]', has_text="来源：").first
        caption.wait_for(timeout=60_000)
        assert name in caption.inner_text().replace("\u2060", "")
        assert caption.locator("a, em, strong, code, del, .katex").count() == 0


def test_markdown_literal_escapes_only_what_markdown_would_read():
    assert formatting.markdown_literal("来源：惠市民政案〔2024〕23号 · 数据截至：2024-04-30 · 口径：<5 不显示") == (
        "来源：惠市民政案〔2024〕23号 · 数据截至：2024-04-30 · 口径：<5 不显示")
    assert formatting.markdown_literal(r"a*b* `c` ~~d~~ e|f \g") == r"a\*b\* \`c\` \~\~d\~\~ e\|f \\g"


def test_the_coverage_map_names_the_station_file_once_loaded(fresh_db):
    """The map's source is the register and the population while demo; loading the stations adds the
    file (the villages' population stays the demo's, so the register's wording stays)."""
    from dashboard import coverage_map
    assert coverage_map.source_text("zh") == "社工站点台账、村（社区）人口（示例数据时为生成数据）"
    table = corpus.frame("stations")
    result = import_file("stations", corpus.csv_bytes(table), "站点台账.xlsx", engine=fresh_db, actor="tester")
    assert result.outcome == "loaded", report.to_text(result, "en")
    assert coverage_map.source_text("zh") == (f"社工站点：站点台账.xlsx（{dt.date.today().isoformat()} 导入）；"
                                              "社工站点台账、村（社区）人口（示例数据时为生成数据）")
