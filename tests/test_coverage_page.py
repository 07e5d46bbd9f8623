"""The station coverage page through AppTest, and the map's HTML: offline, escaped, drillable by URL."""
import json

import pytest
import sqlalchemy as sa

from dashboard.writing import finish_write
from dashboard import db, migrate, schema
from dashboard.demo import load_demo
from tests.conftest import add_test_users
from tests import metric_support
from tests.table_support import tables

XSS = "<img src=x onerror=alert(1)>"


def open_coverage(at_params: dict | None = None, language: str = "zh"):
    from tests.app_support import signed_in_app
    at = signed_in_app("planner", language)
    for key, value in (at_params or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/coverage.py").run()
    return at


def map_args(at) -> dict:
    component = at.get("component_instance")[0]
    return json.loads(component.proto.json_args)


@pytest.fixture
def db_with_hostile_names(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'xss.sqlite3'}"
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    load_demo(engine)
    add_test_users(engine)  # the page signs in, and every rerun re-reads the account
    with engine.begin() as conn:
        conn.execute(sa.update(schema.stations).where(schema.stations.c.station_type == "station")
                     .values(name_zh=XSS))
        conn.execute(sa.update(schema.villages).values(name_zh=XSS))
        finish_write(conn)  # the write path: summaries, then the data version
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def test_coverage_page_shows_the_map_figures_and_tables(demo_db):
    at = open_coverage()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "站点覆盖"
    labels = metric_support.values(at)
    assert labels["站点数（站/点）"] == "75 / 362"
    args = map_args(at)
    assert all(link.startswith("/app/static/leaflet/") for link in args["js_links"] + args["css_links"])
    assert "http://" not in args["script"] and "https://" not in args["script"]
    assert list(tables(at)) == ["全市各类困难群体覆盖情况"] and "section" not in at.query_params  # the first table
    assert any("示意" in m.value for m in at.markdown)


def test_each_coverage_table_opens_by_its_section_and_stays_in_the_url(demo_db):
    expected_columns = {"groups": "覆盖率", "by_county": "县（区）", "by_township": "乡镇（街道）",
                        "gaps": "村（社区）", "sites": "村（社区）"}
    for section, column in expected_columns.items():
        at = open_coverage({"section": section})
        assert not at.exception, [e.value for e in at.exception]
        shown = tables(at)
        assert len(shown) == 1 and len(at.get("download_button")) == 2
        table = next(iter(shown.values()))
        assert any(column in name for name in table.columns), (section, table.columns)
        assert at.query_params.get("section", "groups") == section


def test_coverage_page_opens_the_county_township_and_distance_in_the_url(demo_db):
    at = open_coverage({"county": "441324", "distance": "10", "layers": "counties,villages",
                        "township": "441324100"})
    assert not at.exception, [e.value for e in at.exception]
    assert any("龙门县" in h.value and "10公里" in h.value for h in at.subheader)
    # A short list is a row of buttons, a county's townships a drop-down (filters.one_of).
    assert at.button_group(key="filter_county").value == "441324"
    assert at.button_group(key="filter_distance").value == "10"
    assert at.selectbox(key="filter_township").value == "441324100"
    assert set(at.button_group(key="filter_layers").value) == {"counties", "villages"}


def test_the_township_choice_appears_once_a_county_is_chosen(demo_db):
    """The whole city has no township to choose, so its view shows no township filter, and a township
    left in the address without a county is dropped from it."""
    at = open_coverage({"township": "441324100"})
    assert not at.exception, [e.value for e in at.exception]
    assert "filter_township" not in [w.key for w in [*at.selectbox, *at.button_group]]
    assert "township" not in at.query_params
    at.button_group(key="filter_county").set_value("441324").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="filter_township").value == "all"


def test_coverage_page_in_english(demo_db):
    at = open_coverage(language="en")
    assert not at.exception
    assert at.title[0].value == "Station coverage"


def test_a_hostile_station_name_is_shown_as_text(db_with_hostile_names):
    at = open_coverage()
    assert not at.exception
    script = map_args(at)["script"]
    assert "<img" not in script and "onerror=alert" in script  # present, but only escaped


def test_a_hostile_village_name_in_the_gap_list_is_shown_as_text(db_with_hostile_names):
    at = open_coverage({"section": "gaps"})
    assert not at.exception
    body = next(e.proto.body for e in at.get("html") if "data-table" in e.proto.body)
    assert "<img" not in body and "&lt;img src=x onerror=alert(1)&gt;" in body
    assert XSS in next(iter(tables(at).values())).iloc[:, 3].tolist()  # read back as the text it is


def test_coverage_page_on_an_empty_database_explains_instead_of_failing(empty_db):
    at = open_coverage()
    assert not at.exception
    assert any("暂无数据" in info.value for info in at.info)


def test_the_map_can_shade_townships_by_warnings_per_1000_monitored(demo_db):
    at = open_coverage({"measure": "warnings_per_1000_monitored"})
    assert not at.exception, [e.value for e in at.exception]
    legend = " ".join(m.value for m in at.markdown)
    assert "每千名监测对象风险预警数" in legend


def layer_named(name: str, script: str) -> bool:
    """Whether the map's layer control lists a layer whose name starts with `name`."""
    return json.dumps(name)[:-1] in script or name in script


def test_the_whole_city_marks_the_villages_not_covered_and_a_county_marks_every_village(demo_db):
    at = open_coverage()
    assert not at.exception, [e.value for e in at.exception]
    script = map_args(at)["script"]
    assert layer_named("村（社区）：未覆盖", script) and not layer_named("村（社区）：已覆盖", script)
    assert "全市视图不逐个标出（见乡镇着色），进入县（区）后标出" in " ".join(m.value for m in at.markdown)
    at = open_coverage({"county": "441323"})  # 惠东县, which has villages of both kinds
    script = map_args(at)["script"]
    assert layer_named("村（社区）：未覆盖", script) and layer_named("村（社区）：已覆盖", script)
    assert "全市视图不逐个标出" not in " ".join(m.value for m in at.markdown)


def test_a_view_of_more_villages_than_can_be_read_dot_by_dot_shades_townships_instead(demo_db, monkeypatch):
    import streamlit as st
    from dashboard import coverage_map
    st.cache_data.clear()  # maps drawn by earlier tests under the usual limit
    monkeypatch.setattr(coverage_map, "MAX_POINTS_DRAWN", 1000)  # the demo: 1,364 villages, 362 points
    try:
        at = open_coverage()
        assert not at.exception, [e.value for e in at.exception]
        script = map_args(at)["script"]
        assert layer_named("村（社区）：已覆盖", script) is False and layer_named("乡镇（街道）社工站", script)
        legend = " ".join(m.value for m in at.markdown)
        assert "超过1000个，地图上不逐个标出" in legend
        at = open_coverage({"county": "441322"})  # one county: few enough to draw
        assert layer_named("村（社区）：已覆盖", map_args(at)["script"])
        assert "不逐个标出" not in " ".join(m.value for m in at.markdown)
    finally:
        st.cache_data.clear()


def test_the_station_and_point_counts_are_written_as_officials_write_counts():
    """Province scale has thousands of each: 1,600 / 18,400, not 1600 / 18400."""
    from types import SimpleNamespace

    import pandas as pd

    from dashboard.coverage_map import point_counts
    points = pd.DataFrame({"station_type": ["station"] * 1600 + ["point"] * 18400})
    assert point_counts(SimpleNamespace(points=points), "zh") == "1,600 / 18,400"
    assert point_counts(SimpleNamespace(points=points.head(437)), "en") == "437 / 0"


def test_the_legend_writes_the_shading_classes_in_the_measures_unit():
    """Breaks as the values are written (85.1%, 12.5 人次/千人), not as bare floats (85.06)."""
    from types import SimpleNamespace

    import pandas as pd

    from dashboard.coverage_map import legend_markdown
    townships = pd.DataFrame({"covered_population_pct": [80.0, 85.06, 90.0, 97.21, 100.0],
                              "home_visits_per_1000": [10.0, 12.46, 15.0, 18.0, 25.0]})
    view = SimpleNamespace(by_township=townships, areas=pd.DataFrame(), villages=pd.DataFrame(),
                           points=pd.DataFrame({"station_type": ["station"]}), level="county")
    shading = [line for line in legend_markdown(view, "covered_population_pct", "zh").splitlines()
               if "乡镇着色" in line][0]
    assert "%" in shading and "85.06" not in shading
    english = legend_markdown(view, "home_visits_per_1000", "en")
    assert "per 1,000" in english.split("classes")[1]
    chinese = legend_markdown(view, "home_visits_per_1000", "zh")
    assert chinese.count("人次/千人") == 1  # the unit once, after the last break
