"""Social assistance and dynamic monitoring: measures on hand-made data, queries on a constructed
database with known answers (SQLite and PostgreSQL), the demo's published totals, and the page."""
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from dashboard.writing import finish_write
from dashboard import db, migrate, registers
from dashboard import social_assistance as sa_measures
from dashboard.schema import assistance_requests_monthly, monitored_population_monthly, risk_warnings_monthly
from queries import social_assistance as q
from tests.app_support import chart_options, chart_titles
from tests.conftest import BACKENDS, _fresh_database
from tests import metric_support

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")
# Two real townships in different counties (National Bureau of Statistics codes).
TOWN_A, COUNTY_A = "441302001", "441302"
TOWN_B, COUNTY_B = "441324100", "441324"


# ---- pure measures ------------------------------------------------------------------------------
def test_share_pct_is_none_without_a_denominator():
    assert sa_measures.share_pct(3, 12) == 25.0
    assert sa_measures.share_pct(0, 0) is None
    assert sa_measures.share_pct(1, None) is None


def test_weighted_median_days_takes_the_lower_middle_of_the_distribution():
    # days 2,2,2,5,9,9 -> sorted middle positions 3 and 4 -> lower middle = 2
    frame = pd.DataFrame({"days_to_handle": [9, 2, 5], "warning_count": [2, 3, 1]})
    assert sa_measures.weighted_median_days(frame) == 2.0
    # days 1, 4, 4, 4, 20 -> middle = 4
    frame = pd.DataFrame({"days_to_handle": [1, 4, 20, 30], "warning_count": [1, 3, 1, 0]})
    assert sa_measures.weighted_median_days(frame) == 4.0
    assert sa_measures.weighted_median_days(frame.assign(warning_count=0)) is None


def test_month_range_of_year_is_clipped_to_the_data():
    assert sa_measures.month_range_of_year("2023", "2023-03", "2024-05") == ("2023-03", "2023-12")
    assert sa_measures.month_range_of_year("2024", "2023-03", "2024-05") == ("2024-01", "2024-05")
    assert sa_measures.month_range_of_year(None, "2023-03", "2024-05") == ("2023-03", "2024-05")
    assert sa_measures.years_between("2023-03", "2024-05") == ["2023", "2024"]
    assert sa_measures.years_between(None, None) == []


def test_backlog_table_suppresses_small_counts_and_names_columns():
    frame = pd.DataFrame({"county_code": ["441302"], "township_code": [TOWN_A], "township_name_zh": ["某街道"],
                          "open_count": [7], "open_overdue_count": [3], "longest_open_days": [40]})
    shown = sa_measures.backlog_table(frame, "zh")
    assert shown.iloc[0].tolist() == ["惠城区", TOWN_A, "某街道", "7", "<5", 40]
    assert list(shown.columns)[0] == "县（区）"


def test_figure_cards_say_at_least_and_about_in_both_languages():
    figures = pd.DataFrame([
        {"figure_key": "epidemic_donation_yuan", "value": 10_000_000.0, "relation": ">=", "unit": "元",
         "as_of": "2024-06-12", "period_start": None, "period_end": None, "source_document": "D",
         "source_quote": "捐赠物资1000多万元"},
        {"figure_key": "children_helped_count", "value": 315.0, "relation": "=", "unit": "人次",
         "as_of": "2024-06-12", "period_start": "2022-01-01", "period_end": "2024-06-12",
         "source_document": "D", "source_quote": "q"},
    ])
    zh = sa_measures.figure_cards(figures, "zh")
    # in the letter's order: the children helped come before the epidemic donations
    assert [c.value_text for c in zh] == ["315人次", "1000万元以上"]
    assert zh[0].period == "2022-01 至 2024-06" and zh[1].period == ""
    en = sa_measures.figure_cards(figures, "en")
    assert [c.value_text for c in en] == ["315 person-times", "at least ¥10 million"]


# ---- queries on a constructed database ---------------------------------------------------------
def _warning(month, town, county, department, kind, outcome, days, count):
    return dict(month=month, township_code=town, county_code=county, source_department=department,
                warning_type=kind, outcome=outcome, days_to_handle=days, warning_count=count)


@pytest.fixture(scope="module", params=BACKENDS)
def constructed_url(request, tmp_path_factory):
    """Two townships with hand-made counts whose answers are worked out in the tests."""
    url, drop = _fresh_database(request.param, tmp_path_factory)
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        registers.seed_places(conn)
        conn.execute(sa.insert(monitored_population_monthly), [
            dict(month="2024-01", township_code=TOWN_A, county_code=COUNTY_A, category_code="extreme_poverty",
                 person_count=1000),
            dict(month="2024-02", township_code=TOWN_A, county_code=COUNTY_A, category_code="extreme_poverty",
                 person_count=1500),
            dict(month="2024-02", township_code=TOWN_A, county_code=COUNTY_A,
                 category_code="subsistence_allowance", person_count=500),
            dict(month="2024-02", township_code=TOWN_B, county_code=COUNTY_B, category_code="extreme_poverty",
                 person_count=400),
        ])
        conn.execute(sa.insert(risk_warnings_monthly), [
            _warning("2024-01", TOWN_A, COUNTY_A, "health", "serious_illness", "brought_in", 10, 3),
            _warning("2024-01", TOWN_A, COUNTY_A, "health", "serious_illness", "not_eligible", 20, 2),
            _warning("2024-02", TOWN_A, COUNTY_A, "public_security", "household_change", "open", 30, 1),
            _warning("2024-02", TOWN_A, COUNTY_A, "public_security", "household_change", "open", 5, 4),
            _warning("2024-02", TOWN_B, COUNTY_B, "health", "serious_illness", "brought_in", 15, 2),
        ])
        conn.execute(sa.insert(assistance_requests_monthly), [
            dict(month="2024-01", township_code=TOWN_A, county_code=COUNTY_A, need_code="medical",
                 outcome="assisted", days_to_handle=3, request_count=5),
            dict(month="2024-02", township_code=TOWN_B, county_code=COUNTY_B, need_code="medical",
                 outcome="assisted", days_to_handle=16, request_count=1),
            dict(month="2024-02", township_code=TOWN_B, county_code=COUNTY_B, need_code="housing",
                 outcome="open", days_to_handle=9, request_count=2),
        ])
        finish_write(conn)  # the write path: summaries, then the data version
    yield url
    drop()


@pytest.fixture
def constructed_db(constructed_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", constructed_url)
    return constructed_url


def test_share_handled_within_the_limit_is_exact_for_any_limit(constructed_db):
    # 12 warnings; closed: 3 in 10 days, 2 in 20, 2 in 15; open: 1 for 30 days, 4 for 5 days.
    frame = q.warning_summary(limit_days=15)
    assert list(frame.columns) == ["warning_count", "closed_count", "handled_within_limit_count",
                                   "brought_in_count", "open_count", "open_overdue_count"]
    assert frame.iloc[0].tolist() == [12, 7, 5, 5, 5, 1]
    assert q.warning_summary(limit_days=9).iloc[0]["handled_within_limit_count"] == 0
    assert q.warning_summary(limit_days=20).iloc[0]["handled_within_limit_count"] == 7


def test_warning_filters_by_county_and_period(constructed_db):
    assert q.warning_summary(county_code=COUNTY_B).iloc[0]["warning_count"] == 2
    assert q.warning_summary(start_month="2024-02", end_month="2024-02").iloc[0]["warning_count"] == 7
    assert q.warning_summary(county_code="441323").iloc[0].tolist() == [0, 0, 0, 0, 0, 0]


def test_warnings_by_department_with_share_in_time(constructed_db):
    frame = q.warnings_by_department(limit_days=15)
    assert list(frame.columns) == ["source_department", "warning_count", "brought_in_count", "not_eligible_count",
                                   "open_count", "handled_within_limit_count", "handled_within_limit_pct"]
    health = frame.set_index("source_department").loc["health"]
    assert health[["warning_count", "brought_in_count", "not_eligible_count", "open_count",
                   "handled_within_limit_count"]].tolist() == [7, 5, 2, 0, 5]
    assert health["handled_within_limit_pct"] == pytest.approx(100 * 5 / 7)
    assert frame["source_department"].tolist() == ["health", "public_security"]  # most warnings first
    assert q.warnings_by_type()["warning_type"].tolist() == ["serious_illness", "household_change"]


@pytest.mark.parametrize("query, key", [
    (q.warning_summary, []), (q.warnings_by_department, ["source_department"]),
    (q.warnings_by_type, ["warning_type"]), (q.warning_handling_days, ["days_to_handle"]),
    (q.requests_by_need_and_outcome, ["need_code", "outcome"])])
def test_the_areas_figures_from_the_summaries_are_the_sum_of_its_counties(constructed_db, query, key):
    # All counties are read from the summaries over all counties, one county from the detail rows.
    area = query()
    counties = pd.concat([query(county_code=COUNTY_A), query(county_code=COUNTY_B)])
    counted = [c for c in area.columns if c.endswith("_count") and c not in key]
    assert area[counted].to_numpy().sum() > 0
    summed = counties.groupby(key)[counted].sum() if key else counties[counted].sum().to_frame().T
    expected = summed.reset_index(drop=not key).sort_values(key or counted).reset_index(drop=True)
    got = area[key + counted].sort_values(key or counted).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected[key + counted], check_dtype=False)


def test_handling_days_distribution_of_closed_warnings(constructed_db):
    frame = q.warning_handling_days()
    assert frame.values.tolist() == [[10, 3], [15, 2], [20, 2]]
    assert sa_measures.weighted_median_days(frame) == 15.0


def test_open_backlog_by_township(constructed_db):
    frame = q.open_backlog_by_township(limit_days=15)
    assert list(frame.columns) == ["county_code", "township_code", "township_name_zh", "open_count",
                                   "open_overdue_count", "longest_open_days"]
    assert frame[["township_code", "open_count", "open_overdue_count", "longest_open_days"]].values.tolist() == \
        [[TOWN_A, 5, 1, 30]]


def test_warnings_per_1000_monitored_uses_the_periods_last_month(constructed_db):
    frame = q.warnings_per_1000_monitored_by_township()
    assert list(frame.columns) == ["county_code", "township_code", "township_name_zh", "warning_count",
                                   "monitored_count", "warnings_per_1000_monitored"]
    rows = frame.set_index("township_code")
    # town A: 10 warnings over Jan-Feb, 2,000 monitored in February -> 5 per 1,000
    assert rows.loc[TOWN_A, ["warning_count", "monitored_count"]].tolist() == [10, 2000]
    assert rows.loc[TOWN_A, "warnings_per_1000_monitored"] == pytest.approx(5.0)
    assert rows.loc[TOWN_B, "warnings_per_1000_monitored"] == pytest.approx(5.0)  # 2 per 400
    january = q.warnings_per_1000_monitored_by_township(end_month="2024-01").set_index("township_code")
    assert january.index.tolist() == [TOWN_A]
    assert january.loc[TOWN_A, "warnings_per_1000_monitored"] == pytest.approx(5.0)  # 5 per 1,000
    assert q.warnings_per_1000_monitored_by_township(county_code=COUNTY_B)["township_code"].tolist() == [TOWN_B]


def test_monitored_population_is_a_stock_at_the_latest_month(constructed_db):
    assert q.monitored_population_at("2024-02").values.tolist() == [["2024-02", 2400]]
    assert q.monitored_population_at("2024-06").values.tolist() == [["2024-02", 2400]]
    assert q.monitored_population_at("2024-01", COUNTY_A).values.tolist() == [["2024-01", 1000]]
    assert q.monitored_population_at("2023-12").empty
    frame = q.monitored_by_month_and_category(county_code=COUNTY_A)
    assert frame.values.tolist() == [["2024-01", "extreme_poverty", 1000], ["2024-02", "extreme_poverty", 1500],
                                     ["2024-02", "subsistence_allowance", 500]]


def test_request_totals_and_breakdown(constructed_db):
    frame = q.request_totals(limit_days=15)
    assert list(frame.columns) == ["request_count", "handled_count", "handled_within_limit_count", "open_count"]
    assert frame.iloc[0].tolist() == [8, 6, 5, 2]
    assert q.requests_by_need_and_outcome(county_code=COUNTY_B).values.tolist() == \
        [["housing", "open", 2], ["medical", "assisted", 1]]
    assert q.data_sharing_department_count().iloc[0, 0] == 2
    assert q.social_assistance_months().values.tolist() == [["2024-01", "2024-02"]]


# ---- the demo dataset --------------------------------------------------------------------------
def test_demo_latest_month_equals_the_published_monitored_population(demo_db):
    assert q.monitored_population_at().values.tolist() == [["2024-05", 119_700]]
    totals = q.request_totals().iloc[0]
    assert totals["handled_count"] >= 600 and totals["open_count"] > 0
    assert q.data_sharing_department_count().iloc[0, 0] == 8


def test_demo_warnings_per_1000_covers_every_monitored_township(demo_db):
    frame = q.warnings_per_1000_monitored_by_township()
    assert len(frame) > 70 and (frame["warnings_per_1000_monitored"] >= 0).all()


# ---- the page ----------------------------------------------------------------------------------
def _open(language="zh", **params):
    from tests.app_support import signed_in_app
    at = signed_in_app("planner", language)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/social_assistance.py").run()
    return at


SECTIONS = ["monitored", "warnings", "requests", "other"]


def test_page_shows_the_published_figures_and_other_cards(demo_db):
    opened = {section: _open(section=section) for section in SECTIONS}
    for at in opened.values():
        assert not at.exception, [e.value for e in at.exception]
    values = {label: value for at in opened.values() for label, value in metric_support.values(at).items()}
    assert values["纳入动态监测人口"] == "11.97万"
    assert values["扫码需求已办结"] == "612"
    assert values["未成年人救助保护中心"] == "7个" and values["2023年培训"] == "11,492人次"
    assert values["社会组织乡村振兴投入资金"] == "1.1亿元以上"
    assert {section: len(chart_options(at)) for section, at in opened.items()} == \
        {"monitored": 1, "warnings": 2, "requests": 1, "other": 0}
    assert any("惠市民政案〔2024〕23号" in note for card in metric_support.cards(opened["other"]) for note in card.notes)


def test_page_opens_on_its_first_section_and_runs_only_that_one(demo_db):
    at = _open()
    assert not at.exception
    labels = set(metric_support.values(at))
    assert "纳入动态监测人口" in labels and "扫码需求已办结" not in labels and "未成年人救助保护中心" not in labels
    assert "section" not in at.query_params  # the first section is the default and not written
    at = _open(section="no-such-section")
    assert not at.exception and "纳入动态监测人口" in metric_support.values(at)


def test_page_backlog_shows_small_counts_as_suppressed(demo_db):
    at = _open(county="441324", section="warnings")
    table = at.dataframe[0].value
    counts = table["未办结预警（条）"].tolist() + table["其中超期（条）"].tolist()
    assert all(value == "<5" or value == "0" or int(value) >= 5 for value in counts)
    assert "<5" in counts
    assert set(table["县（区）"]) == {"龙门县"}


def test_page_keeps_county_and_period_in_the_url(demo_db):
    at = _open(county="441302", period="2023", section="warnings")
    assert not at.exception
    assert at.query_params["county"] == "441302" and at.query_params["period"] == "2023"
    assert at.query_params["section"] == "warnings"
    titles = chart_titles(at)
    assert titles and all(title.startswith("惠城区") and "2023-01 至 2023-12" in title for title in titles)


def test_page_warning_charts_stack_each_outcome_with_the_open_part_hatched(demo_db):
    options = chart_options(_open(section="warnings"))
    assert len(options) == 2
    for option in options:
        assert option["title"][0]["subtext"] == "单位：条"
        rows, series = option["yAxis"]["data"], option["series"]
        assert [s["name"] for s in series] == ["纳入保障", "不符合条件", "处置中"]
        assert {s["stack"] for s in series} == {"outcome"} and all(len(s["data"]) == len(rows) for s in series)
        assert "decal" in series[-1]["itemStyle"] and not any("decal" in s["itemStyle"] for s in series[:-1])
        totals = [sum(s["data"][i] for s in series) for i in range(len(rows))]
        assert totals == sorted(totals)  # a category axis is drawn bottom-up: the most warnings on top


def test_outcome_bars_grow_with_their_rows_and_requests_come_largest_first():
    from dashboard.charts import social_assistance as charts
    frame = pd.DataFrame({"need_code": ["medical", "medical", "basic_living", "education"],
                          "outcome": ["assisted", "open", "assisted", "referred"],
                          "request_count": [5, 2, 9, 1]})
    chart = charts.requests_by_need(frame, "zh", "标题", "宗")
    assert chart.height == charts.BASE_HEIGHT + 3 * charts.ROW_HEIGHT
    assert chart.option["yAxis"]["data"] == ["教育救助", "医疗救助", "基本生活"]
    assert {s["name"]: s["data"] for s in chart.option["series"]} == \
        {"已救助帮扶": [0, 5, 9], "转介服务": [1, 0, 0], "办理中": [0, 2, 0]}


def test_monitored_chart_stacks_categories_with_the_legend_read_like_the_stack():
    from dashboard.charts import social_assistance as charts
    frame = pd.DataFrame({"month": ["2024-01", "2024-01", "2024-02", "2024-02"],
                          "category_code": ["subsistence_allowance", "extreme_poverty"] * 2,
                          "person_count": [100, 20, 110, 21]})
    option = charts.monitored_composition(frame, "zh", "标题", "人数（人）").option
    assert option["xAxis"]["data"] == ["2024-01", "2024-02"]
    assert [(s["name"], s["stack"], s["data"]) for s in option["series"]] == \
        [("低保对象", "people", [100, 110]), ("特困人员", "people", [20, 21])]
    assert option["legend"]["data"] == ["特困人员", "低保对象"]
    assert "axisLabel" not in option["yAxis"] and option["tooltip"]["valueFormatter"] == "localized"


def test_monitored_chart_writes_a_stack_of_10_wan_or_more_in_wan():
    """Once the stack reaches 10万 the axis reads 4万, 8万, 12万 (as the card above it writes 11.97万) and
    the tooltip 7.00万; in English the axis is in thousands; the stack, not one layer, decides."""
    from dashboard.charts import social_assistance as charts
    frame = pd.DataFrame({"month": ["2024-01", "2024-01"], "category_code": ["subsistence_allowance", "extreme_poverty"],
                          "person_count": [70000, 49700]})
    option = charts.monitored_composition(frame, "zh", "标题", "人数（人）").option
    assert option["yAxis"]["axisLabel"]["formatter"] == "{value}万"
    assert [s["data"] for s in option["series"]] == [[7.0], [4.97]]
    assert option["tooltip"]["valueFormatter"] == "%.2f万"
    english = charts.monitored_composition(frame, "en", "Title", "people").option
    assert english["yAxis"]["axisLabel"]["formatter"] == "{value}k"
    assert [s["data"] for s in english["series"]] == [[70.0], [49.7]]
    assert english["tooltip"]["valueFormatter"] == "%.1fk"


def test_page_in_english(demo_db):
    at = _open("en")
    assert not at.exception
    assert at.title[0].value == "Social assistance and dynamic monitoring"
    assert metric_support.values(at)["People under monitoring"] == "119,700"


def test_page_on_an_empty_database_still_shows_the_registered_figures(empty_db):
    at = _open()
    assert not at.exception
    assert any("暂无数据" in info.value for info in at.info)
    at = _open(section="other")
    assert not at.exception
    assert "未成年人救助保护中心" in metric_support.values(at)


# ---- in the browser ----------------------------------------------------------------------------
@pytest.mark.browser
def test_page_draws_offline_in_chromium_with_filters_from_the_url(demo_database_url):
    from tests.browser_support import (chromium_page, exceptions_on, foreign_requests, require_chromium,
                                       running_app, sign_in, wait_until_drawn)
    from tests.conftest import TEST_PASSWORD, TEST_USERS
    require_chromium()
    if not demo_database_url.startswith("sqlite"):
        pytest.skip("the browser runs once, on the embedded database")
    with running_app(demo_database_url) as base, chromium_page(height=3000) as page:
        sign_in(page, base, TEST_USERS["leader"], TEST_PASSWORD, "social-assistance?county=441324&period=2024&section=warnings")
        wait_until_drawn(page, '[data-testid="stEChartsChart"] svg', 90000)
        assert len(page.query_selector_all('[data-testid="stEChartsChart"] svg')) == 2
        text = page.inner_text("body")
        assert exceptions_on(page) == []
        for expected in ("社会救助与动态监测", "龙门县", "2024-01 至 2024-05", "<5", "其他指标", "惠市民政案〔2024〕23号"):
            assert expected in text, expected
        assert "Page not found" not in text
        assert foreign_requests(page.requested_urls) == []
