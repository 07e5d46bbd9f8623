"""Special education: per-county queries (SQLite and PostgreSQL), the assessment against targets on
made-up series, the figures the page shows, and the page itself."""
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from dashboard.writing import finish_write
from dashboard import db
from dashboard import special_education as sped
from dashboard.projection import AT_RISK, MET, OFF_TRACK, ON_TRACK
from dashboard.schema import targets
from queries import special_education as q
from tests.app_support import PAGE_PATHS, chart_options, chart_titles, open_page
from tests import metric_support

COUNTIES = ["441302", "441303", "441322", "441323", "441324"]


# ---- queries -------------------------------------------------------------------------------------
def test_enrolment_by_county_adds_up_to_the_city(demo_db):
    frame = q.enrolment_by_county("compulsory")
    assert list(frame.columns) == ["school_year", "county_code", "county_name_zh", "county_name_en",
                                   "eligible_count", "special_school_count", "regular_class_count",
                                   "home_delivery_count", "enrolled_count", "enrolment_rate_pct"]
    latest = frame[frame["school_year"] == 2023]
    assert latest["county_code"].tolist() == COUNTIES
    assert latest[["special_school_count", "regular_class_count", "home_delivery_count",
                   "enrolled_count"]].sum().tolist() == [1201, 1326, 486, 3013]
    city = q.enrolment_by_year("compulsory").set_index("school_year")
    assert frame.groupby("school_year")["eligible_count"].sum().tolist() == city["eligible_count"].tolist()


def test_enrolment_by_county_filters_one_county(demo_db):
    frame = q.enrolment_by_county("preschool", "441324")
    assert set(frame["county_code"]) == {"441324"} and frame["school_year"].tolist() == [2019, 2020, 2021,
                                                                                         2022, 2023]
    assert frame["county_name_zh"].iloc[0] == "龙门县"
    assert frame["enrolment_rate_pct"].between(0, 100).all()


def test_school_years_and_resources_by_county(demo_db):
    assert q.enrolment_school_years()["school_year"].tolist() == [2019, 2020, 2021, 2022, 2023]
    frame = q.resources_by_county(2023)
    assert list(frame.columns) == ["county_code", "county_name_zh", "county_name_en", "resource_centre_count",
                                   "resource_classroom_count"]
    assert frame[["resource_centre_count", "resource_classroom_count"]].sum().tolist() == [83, 90]
    assert q.resources_by_county(2023, "441302")["county_code"].tolist() == ["441302"]


@pytest.mark.parametrize("hostile", ["441302' OR '1'='1", "'; DROP TABLE counties; --"])
def test_county_filters_are_bound_not_spliced(demo_db, hostile):
    assert q.enrolment_by_county("compulsory", hostile).empty
    assert q.resources_by_county(2023, hostile).empty
    assert len(q.enrolment_by_county("compulsory")) == 25


def test_empty_database_gives_empty_frames(empty_db):
    assert q.enrolment_school_years().empty and q.enrolment_by_county("compulsory").empty
    assert sped.school_years() == []


# ---- the assessment, on made-up series -------------------------------------------------------------
TARGET_97 = sped.TargetInfo("t", 97.0, "%", "2025-12-31", 2025, "plan", None, None)


def _series(rates: dict[str, list[float]], eligible: int = 100) -> pd.DataFrame:
    rows = []
    for code, values in rates.items():
        for year, rate in zip(range(2021, 2021 + len(values)), values):
            rows.append({"area_code": code, "area_name": f"area {code}", "school_year": year,
                         "eligible_count": eligible, "enrolled_count": round(rate * eligible / 100),
                         "enrolment_rate_pct": rate})
    return pd.DataFrame(rows)


def test_assess_gives_each_area_its_status_projection_and_gap():
    series = _series({"met": [97, 98, 99], "rising": [93, 94, 95], "close": [94, 94.5, 95],
                      "flat": [90, 90, 90]})
    board = sped.assess(series, {None: TARGET_97}, 2023).set_index("area_code")
    assert board["status"].to_dict() == {"met": MET, "rising": ON_TRACK, "close": AT_RISK, "flat": OFF_TRACK}
    assert board.loc["rising", "projected_pct"] == pytest.approx(97.0)
    assert board.loc["close", "projected_pct"] == pytest.approx(96.0)
    # ceil(97% x 100) - enrolled
    assert board["children_to_enrol_count"].to_dict() == {"met": 0, "rising": 2, "close": 2, "flat": 7}
    assert (board["target_school_year"] == 2025).all() and (board["school_year"] == 2023).all()


def test_assess_uses_a_county_target_where_the_register_has_one():
    series = _series({"441302": [90, 90, 90], "441303": [90, 90, 90]})
    own = sped.TargetInfo("t2", 89.0, "%", "2025-12-31", 2025, "plan", None, None)
    board = sped.assess(series, {None: TARGET_97, "441302": own}, 2023).set_index("area_code")
    assert board.loc["441302", "status"] == MET and board.loc["441303", "status"] == OFF_TRACK


def test_assess_leaves_out_areas_without_data_in_the_year():
    series = _series({"a": [95, 96, 97], "b": [95]})
    assert sped.assess(series, {None: TARGET_97}, 2023)["area_code"].tolist() == ["a"]
    assert sped.assess(series, {}, 2023).empty


def test_county_level_gaps_below_five_are_shown_not_suppressed():
    """The "<5" rule covers counts below county level; this page shows county and city totals only, so
    a county needing 3 more children shows 3."""
    board = sped.assess(_series({"441324": [94, 94, 94]}), {None: TARGET_97}, 2023)
    table = sped.board_table(board, "zh")
    assert table["尚需入学（名）"].tolist() == [3]
    assert set(board["area_code"]) <= {sped.CITY_CODE, *COUNTIES}


def test_changes_on_the_previous_year():
    frame = pd.DataFrame({"school_year": [2022, 2023], "n": [2771, 3013]})
    changed = sped.with_changes(frame, ["n"])
    assert changed["n_change"].iloc[1] == 242 and round(changed["n_change_pct"].iloc[1], 2) == 8.73
    assert pd.isna(changed["n_change"].iloc[0])


def test_change_text_puts_the_sign_first_so_decreases_point_down():
    assert sped.change_text(242, 8.7333, "zh") == "+242（+8.73%） 较上学年"
    assert sped.change_text(-3, -1.5, "en") == "-3 (-1.5%) vs last year"
    assert sped.change_text(float("nan"), None, "zh") is None


# ---- on the demo data -------------------------------------------------------------------------------
def test_board_shows_the_city_and_every_county_against_the_registered_target(demo_db):
    board = sped.target_board("compulsory", 2023, None, "zh")
    assert board["area_code"].tolist() == [sped.CITY_CODE] + COUNTIES
    assert board["area_name"].iloc[0] == "全市" and (board["target_pct"] == 97).all()
    assert board.loc[0, "enrolled_count"] == 3013
    preschool = sped.target_board("preschool", 2023, None, "zh")
    assert (preschool["target_pct"] == 90).all()
    statuses = set(board["status"]) | set(preschool["status"])
    assert len(statuses) >= 3  # the demo is built so counties differ


def test_board_for_one_county_keeps_the_city_for_comparison(demo_db):
    board = sped.target_board("preschool", 2021, "441323", "en")
    assert board["area_code"].tolist() == [sped.CITY_CODE, "441323"]
    assert board["area_name"].tolist() == ["Whole city", "Huidong County"]
    assert (board["school_year"] == 2021).all()


def test_target_section_is_the_board_drawn_for_one_county(demo_db):
    section = sped.target_section("preschool", 2021, "441323", "Huidong County", "en")
    assert section.left_out == 0
    assert section.table.iloc[:, 0].tolist() == ["Whole city", "Huidong County"]  # the table of that board
    assert "Huidong County" in section.chart.title and "2021" in section.chart.title
    assert "Huidong County" in section.gap and section.gap != sped.gap_caption(
        sped.target_board("preschool", 2021, None, "en"), 2021, None, "en")
    assert section.target_source == sped.target_source("preschool") != ""
    assert sped.target_section("preschool", 1990, None, "Whole city", "en") is None  # no data that year


def test_published_placement_and_resource_figures(demo_db):
    placements = sped.row_of(sped.placement_mix(None), 2023)
    assert placements[["special_school_count", "regular_class_count", "home_delivery_count",
                       "enrolled_count", "enrolled_count_change"]].tolist() == [1201, 1326, 486, 3013, 242]
    assert round(placements["enrolled_count_change_pct"], 2) == 8.73
    resources = sped.row_of(sped.resources(None), 2023)
    assert resources[["resource_centre_count", "resource_classroom_count",
                      "resource_classroom_count_change"]].tolist() == [83, 90, 11]
    assert round(resources["resource_classroom_count_change_pct"], 1) == 13.9
    assert sped.row_of(sped.senior_high(None), 2023)["enrolled_count"] > 0


def test_register_says_the_baseline_is_not_published(demo_db):
    table = sped.register_table("zh")
    assert table["规划基线"].tolist() == ["规划未公布", "规划未公布"]
    assert table["数据首年值（参考）"].str.contains("非官方基线").all()
    assert table["来源文件"].str.contains("十四五").all()


def test_targets_come_from_the_register_not_the_code(scratch_db):
    engine = db.get_engine(scratch_db)
    with engine.begin() as conn:
        conn.execute(sa.update(targets).where(targets.c.target_key == "compulsory_enrolment_rate_2025")
                     .values(target_value=99.0, deadline=date(2026, 12, 31)))
        finish_write(conn)  # the write path: summaries, then the data version
    board = sped.target_board("compulsory", 2023, None, "zh")
    assert (board["target_pct"] == 99).all() and (board["target_school_year"] == 2026).all()


# ---- the page ------------------------------------------------------------------------------------
def _page(language="zh", **params):
    at = open_page(PAGE_PATHS[0], language=language)
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page("pages/special_education.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


SECTIONS = ["targets", "placements", "senior_high", "resources", "register"]


def test_page_shows_the_published_figures_status_and_sources(demo_db):
    opened = [_page(section=section) for section in SECTIONS]
    values = {card.label: (card.value, card.delta) for at in opened for card in metric_support.cards(at)}
    assert values["义务教育阶段特教学生"] == ("3,013", "↑ +242（+8.73%） 较上学年")
    assert values["特殊学校就读"][0] == "1,201" and values["送教上门"][0] == "486"
    assert values["乡镇特殊教育资源中心（个）"][0] == "83"
    assert values["特殊教育资源教室（间）"] == ("90", "↑ +11（+13.92%） 较上学年")
    titles = [title for at in opened for title in chart_titles(at)]
    assert len(titles) == 5 and all("全市" in title for title in titles)
    assert "2023学年" in titles[0]
    captions = " ".join(c.value for at in opened for c in at.caption)
    assert "惠州市“十四五”特殊教育发展提升行动计划" in captions and "数据截至" in captions
    # Every chart's table is made only when its expander is opened; the register is a table.
    assert "尚需入学" in captions and [len(at.dataframe) for at in opened] == [0, 0, 0, 0, 1]
    statuses = " ".join(str(v) for frame in _open_target_tables(opened[0]).dataframe
                        for v in frame.value.get("状态", []))
    assert "✓ 已达标" in statuses and "✗ 难以达标" in statuses


def _open_target_tables(at):
    """The targets section with both stages' tables opened, as a click on their expanders does."""
    for stage in ("compulsory", "preschool"):
        at.session_state[f"{stage}_table"] = True
    at.run()
    assert not at.exception and len(at.dataframe) == 2
    return at


def test_a_closed_table_is_made_when_its_expander_is_opened(demo_db):
    at = _page(section="placements")
    assert len(at.dataframe) == 0
    at.session_state["placements_table"] = True
    at.run()
    assert not at.exception and len(at.dataframe) == 1 and "2023" in " ".join(map(str, at.dataframe[0].value.iloc[:, 0]))


def test_page_filters_by_county_and_school_year_from_the_url(demo_db):
    at = _page(county="441324", school_year="2021")
    titles = chart_titles(at)
    assert all("龙门县" in title for title in titles) and "2021学年" in titles[0]
    assert at.query_params["school_year"] == "2021" and at.query_params["county"] == "441324"


def test_a_school_year_without_data_gets_a_message_and_the_latest_year(demo_db):
    at = _page(school_year="1999<script>")
    assert any("1999" in info.value and "2023" in info.value for info in at.info)
    assert "2023学年" in chart_titles(at)[0]


def test_page_in_english(demo_db):
    at = _page("en")
    assert at.title[0].value == "Special education"
    assert any("Whole city" in title for title in chart_titles(at))
    import json
    specs = " ".join(json.dumps(option, ensure_ascii=False) for option in chart_options(at))
    assert "✓ Met" in specs  # each county's status, in words, beside its dot
    sources = [c.value for c in at.caption if c.value.startswith("Source:")]
    assert sources and not any("；" in line for line in sources)  # documents listed as English lists them


def test_page_on_an_empty_database_explains(empty_db):
    at = _page()
    assert any("暂无数据" in info.value for info in at.info)


def test_a_year_too_early_for_a_trend_says_so_instead_of_projecting():
    board = sped.assess(_series({"441302": [95]}), {None: TARGET_97}, 2021)
    assert board["status"].tolist() == ["insufficient_data"]
    table = sped.board_table(board, "zh")
    assert table["目标学年预测（%）"].tolist() == ["—"] and table["状态"].tolist() == ["■ 数据不足"]
    assert table["尚需入学（名）"].tolist() == [2]


def test_a_target_chart_of_many_areas_keeps_the_city_and_the_counties_furthest_from_the_target():
    import pandas as pd
    rows = [{"area_code": sped.CITY_CODE, "children_to_enrol_count": 900, "enrolment_rate_pct": 95.0}]
    rows += [{"area_code": f"44{i:04d}", "children_to_enrol_count": None if i % 10 == 0 else i % 7,
              "enrolment_rate_pct": 90.0 + (i % 9) * 0.5} for i in range(1, 41)]
    board = pd.DataFrame(rows)
    assert sped.board_for_chart(board.head(sped.CHART_MAX_AREAS))[1] == 0  # fits: drawn whole
    shown, left_out = sped.board_for_chart(board)
    assert len(shown) == sped.CHART_MAX_AREAS and left_out == len(board) - sped.CHART_MAX_AREAS
    assert shown["area_code"].iloc[0] == sped.CITY_CODE
    assert list(shown.index) == sorted(shown.index)  # in the board's own order
    counties = board.iloc[1:]
    expected = counties.sort_values(["children_to_enrol_count", "enrolment_rate_pct"], ascending=[False, True],
                                    na_position="last", kind="stable").head(sped.CHART_MAX_AREAS - 1)
    assert set(shown["area_code"].iloc[1:]) == set(expected["area_code"])
    left = counties[~counties["area_code"].isin(shown["area_code"])]
    assert left["children_to_enrol_count"].fillna(-1).max() <= shown["children_to_enrol_count"].iloc[1:].min()


# ---- the charts (ECharts options, as the page sends them) ------------------------------------------
def _series_named(option: dict, name: str) -> dict:
    return next(series for series in option["series"] if series["name"] == name)


def test_a_target_chart_carries_the_target_deadline_status_projection_and_rates(demo_db):
    board = sped.target_board("compulsory", 2023, None, "zh")
    option = chart_options(_page(section="targets"))[0]
    rows = option["yAxis"]["data"]
    assert option["yAxis"]["inverse"] and [row.split("　")[0] for row in rows] == board["area_name"].tolist()
    assert all(any(mark in row for mark in "✓▲◆✗■") for row in rows)  # status in words beside each area
    target_line = _series_named(option, "目标 97%")["markLine"]
    assert target_line["data"][0]["xAxis"] == 97 and target_line["label"]["formatter"] == "目标 97%"
    assert target_line["lineStyle"]["type"] == "dashed"
    projected = _series_named(option, "2025学年预测（趋势外推）")  # the deadline's school year
    assert projected["symbol"] == "emptyCircle" and len(projected["data"]) == len(board)
    assert len(projected["markLine"]["data"]) == len(board)  # each rate joined to its projection
    city = _series_named(option, "✓ 已达标")["data"][0]
    assert city["value"][1] == 0 and city["label"]["formatter"] == f"{board['enrolment_rate_pct'].iloc[0]:.1f}%"
    assert option["xAxis"]["name"] == "入学率（%）" and option["xAxis"]["axisLabel"]["formatter"] == "{value}%"
    assert option["legend"]["data"][0] == "2025学年预测（趋势外推）" and "目标 97%" not in option["legend"]["data"]


def test_a_target_chart_grows_with_its_rows():
    from dashboard.charts import special_education as charts
    board = sped.assess(_series({code: [93, 94, 95] for code in COUNTIES}), {None: TARGET_97}, 2023)
    small, large = (charts.rate_against_target(rows, "t", "zh") for rows in (board.head(2), board))
    assert large.height - small.height == 3 * charts.ROW_HEIGHT_PX


def test_trend_charts_write_each_part_the_total_and_the_unit(demo_db):
    placements = chart_options(_page(section="placements"))[0]
    assert placements["title"][0]["subtext"] == "单位：学生数（名）"
    assert [s["name"] for s in placements["series"][:3]] == ["特殊学校就读", "普通学校随班就读", "送教上门"]
    assert all(s["stack"] == "students" for s in placements["series"][:3])
    assert placements["series"][0]["data"][-1]["label"]["formatter"] == "1,201"
    assert placements["series"][-1]["data"][-1]["label"]["formatter"] == "合计 3,013"
    assert placements["yAxis"]["max"] >= 3013 * 1.1 and placements["xAxis"]["data"][-1] == "2023学年"
    resources = chart_options(_page(section="resources"))[0]
    assert [s["data"][-1]["label"]["formatter"] for s in resources["series"]] == ["83", "90"]
    assert resources["title"][0]["subtext"] == "单位：数量（个、间）"


def test_a_target_chart_without_a_trend_shows_no_projection():
    from dashboard.charts import special_education as charts
    board = sped.assess(_series({"441302": [95]}), {None: TARGET_97}, 2021)
    option = charts.rate_against_target(board, "t", "zh").option
    assert option["legend"]["data"] == ["■ 数据不足"]
    assert option["series"][0]["data"] == [] and option["series"][0]["markLine"]["data"] == []
    assert option["yAxis"]["data"] == ["area 441302　■ 数据不足"] and option["xAxis"]["min"] == 90
