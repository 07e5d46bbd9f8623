"""The renovation, visit and charity pages through AppTest: filters from the URL, titles naming them,
downloads, the no-target notice, bad input and an empty database."""
from streamlit.testing.v1 import AppTest

from tests import app_support
from tests.app_support import chart_titles, signed_in_app
from tests import metric_support

FLOW_PAGES = ["renovations", "visits", "charity"]


def open_page(page: str, language: str = "zh", **params) -> AppTest:
    """A flow page (by its file name) as a planner, who may download, with query parameters set."""
    at = signed_in_app("planner", language)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    return at.switch_page(f"pages/{page}.py").run()


# Each page's sections (?section=), the first shown by default.
SECTIONS = {"renovations": ["time_place", "township", "who_what", "care"],
            "visits": ["time", "who_where", "workload", "coverage"],
            "charity": ["balance", "flows", "community_funds"]}


def test_filters_from_the_url_name_every_chart_and_stay_in_the_url(demo_db):
    charted = dict.fromkeys(FLOW_PAGES, 0)
    for page, section in [(page, section) for page in FLOW_PAGES for section in SECTIONS[page]]:
        at = open_page(page, county="441302", section=section, **{"from": "2021", "to": "2023"})
        assert not at.exception, [e.value for e in at.exception]
        assert len(at.button_group[0].options) == len(SECTIONS[page])
        titles = chart_titles(at)
        charted[page] += len(titles)
        assert all(title.startswith("惠城区") for title in titles), titles
        assert sum("2021—2023年" in title for title in titles) >= len(titles) - 1  # funds are a stock
        assert at.query_params["county"] == "441302" and at.query_params["from"] == "2021"
        assert any(c.value.startswith("来源：") for c in at.caption)
        downloads = [b for b in at.get("download_button")]
        assert len(downloads) >= 2 * len(at.dataframe)
    assert charted == {"renovations": 5, "visits": 7, "charity": 3}


def test_renovation_page_says_no_plan_target_is_published(demo_db):
    at = open_page("renovations")
    assert any("没有适老化改造的年度计划目标" in info.value for info in at.info)
    assert metric_support.values(at)["改造户数"] == "2,439"


def test_charity_page_explains_disbursing_more_than_raised(demo_db):
    at = open_page("charity")
    balance = app_support.chart_options(at)[0]
    notes = [title["text"] for title in balance["title"][1:]]
    assert any("2023年拨付比募集多9700万元" in note and "1.75亿元" in note for note in notes), notes
    at = open_page("charity", section="flows")
    assert any(series["type"] == "sankey" for option in app_support.chart_options(at) for series in option["series"])


def test_visit_station_table_suppresses_small_counts(demo_db):
    at = open_page("visits", county="441302", section="workload", **{"from": "2024", "to": "2024"})
    station_table = next(d.value for d in at.dataframe if "社工站" in d.value.columns and "个案服务（例）" in d.value.columns)
    assert "<5" in set(station_table["个案服务（例）"])


def test_the_coverage_section_is_dated_by_the_registers_last_quarter(demo_db):
    """The register is counted by quarter and ends with 2024-Q1 in the demo, a month before the visits."""
    at = open_page("visits", section="coverage")
    lines = [c.value for c in at.caption if c.value.startswith("来源：")]
    assert lines and all("数据截至：2024-03-31" in line for line in lines), lines
    at = open_page("visits", section="time")
    assert any("数据截至：2024-04-30" in c.value for c in at.caption)


def test_a_bad_period_in_the_url_gets_a_message_and_all_years(demo_db):
    at = open_page("visits", **{"from": "2024", "to": "2021"})
    assert not at.exception
    assert any("时段无效" in w.value for w in at.warning)
    assert any("2021—2024年" in title for title in chart_titles(at))


def test_flow_pages_in_english(demo_db):
    at = open_page("charity", "en")
    assert not at.exception and at.title[0].value == "Charity money flows"
    titles = app_support.chart_titles(at)
    assert titles and all(title.startswith("Whole city") for title in titles)


def test_flow_pages_on_an_empty_database_explain_instead_of_failing(empty_db):
    for page in FLOW_PAGES:
        at = open_page(page)
        assert not at.exception, [e.value for e in at.exception]
        assert any("暂无数据" in info.value for info in at.info)
