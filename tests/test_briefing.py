"""The NPC briefing: slides built from the data, an editable deck, notes where figures disagree."""
import datetime as dt
import io
import shutil

import pandas as pd
import pytest
from pptx import Presentation

from dashboard.writing import finish_write
from dashboard import cli
from dashboard.briefing import consistency, pdf_export
from dashboard.briefing.catalogue import CATALOGUE, build_slides
from dashboard.briefing.model import snapshot_id
from dashboard.briefing.pptx_export import write_deck
from tests.app_support import chart_options, open_page

MADE_AT = dt.datetime(2024, 6, 20, 9, 30)
NATIVE = ["stations", "compulsory_target", "visits", "charity", "charity_flow"]


@pytest.fixture
def deck(demo_db):
    slides = build_slides(NATIVE, "zh")
    return slides, Presentation(io.BytesIO(write_deck(slides, "zh", MADE_AT)))


def texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def chart_of(slide):
    return next(shape.chart for shape in slide.shapes if shape.has_chart)


def test_the_deck_has_the_chosen_slides_and_a_snapshot_slide(deck):
    slides, presentation = deck
    assert len(presentation.slides) == len(NATIVE) + 1
    assert presentation.slide_width * 9 == presentation.slide_height * 16
    assert snapshot_id(slides) in texts(presentation.slides[-1])
    assert "2024-06-20 09:30" in texts(presentation.slides[-1])


def test_charts_are_native_and_hold_the_data(deck):
    _, presentation = deck
    stations = chart_of(presentation.slides[0])
    assert [s.name for s in stations.plots[0].series] == ["社工站", "社工点"]
    assert sum(stations.plots[0].series[0].values) == 75 and sum(stations.plots[0].series[1].values) == 362
    assert list(stations.plots[0].categories) == ["惠城区", "惠阳区", "博罗县", "惠东县", "龙门县"]
    compulsory = chart_of(presentation.slides[1])
    target = [s for plot in compulsory.plots for s in plot.series if s.name.startswith("目标")]
    assert target and set(target[0].values) == {97.0}
    charity = chart_of(presentation.slides[3])
    series = {s.name: list(s.values) for s in charity.plots[0].series}
    assert series["募集"][-1] == 2.5 and series["拨付"][-1] == 3.47
    pie = chart_of(presentation.slides[4])
    assert pie.chart_type is not None and len(list(pie.plots[0].categories)) >= 5


def test_titles_state_the_message(deck):
    _, presentation = deck
    assert "义务教育阶段残疾儿童入学率97.4%，达到97%目标" in texts(presentation.slides[1])
    assert "2023年募集慈善资金2.5亿元、拨付3.47亿元" in texts(presentation.slides[3])


def test_every_slide_has_a_footer_with_source_as_of_and_demo_tag(deck):
    _, presentation = deck
    for slide in list(presentation.slides)[:-1]:
        footer = texts(slide)
        assert "来源：惠市民政案〔2024〕23号" in footer and "数据截至：" in footer and "示例数据" in footer


def test_demo_station_slide_is_dated_as_the_published_figures(deck):
    # Demo station totals are the letter's figures as of the end of 2023, not the day the demo was built.
    _, presentation = deck
    assert "数据截至：2023-12-31" in texts(presentation.slides[0])


def test_chinese_text_carries_an_east_asian_font(deck):
    _, presentation = deck
    xml = presentation.slides[0].shapes[0]._element.xml
    assert 'ea typeface="Noto Sans CJK SC"' in xml


def test_the_charity_slide_explains_disbursing_more_than_was_raised(deck):
    _, presentation = deck
    assert "由上年结转余额（1.75亿元）支付" in texts(presentation.slides[3])


def test_same_data_and_choices_give_the_same_slides(demo_db):
    first, second = build_slides(list(CATALOGUE), "zh"), build_slides(list(CATALOGUE), "zh")
    assert [s.content() for s in first] == [s.content() for s in second]
    assert snapshot_id(first) == snapshot_id(second)
    assert snapshot_id(first) != snapshot_id(first[:-1])


def test_unknown_slides_are_refused(demo_db):
    with pytest.raises(ValueError):
        build_slides(["stations", "nonsense"], "zh")


def test_slides_without_data_are_left_out(empty_db):
    assert build_slides(["visits", "charity", "renovations"], "zh") == []


def test_notes_for_figures_that_look_wrong_together():
    years = pd.DataFrame({"year": ["2022", "2023"], "raised_yuan": [100.0, 50.0], "disbursed_yuan": [90.0, 80.0]})
    assert "由上年结转余额" in consistency.charity_balance_notes(years, 25, "zh")[0]
    assert "请核实数据" in consistency.charity_balance_notes(years, 0, "zh")[0]
    assert consistency.charity_balance_notes(years.iloc[:1], 0, "zh") == []
    assert "超过100%" in consistency.rate_notes(pd.Series([99.0, 101.2]), pd.Series(["甲", "乙"]), "zh")[0]
    assert len(consistency.rate_notes(pd.Series([99.0, 101.2]), pd.Series(["甲", "乙"]), "zh")) == 1
    assert consistency.sum_notes(3010, 3013, "在校人数", "zh") and not consistency.sum_notes(3013, 3013, "x", "zh")


def test_cli_writes_the_deck_and_refuses_unknown_slides(demo_db, tmp_path, capsys):
    out = tmp_path / "briefing.pptx"
    assert cli.main(["briefing", "--out", str(out), "--slides", "stations,charity"]) == 0
    assert len(Presentation(str(out)).slides) == 3
    assert cli.main(["briefing", "--out", str(out), "--slides", "stations,bogus"]) == 2


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
                    reason="LibreOffice (libreoffice-impress) and poppler-utils are not installed")
def test_the_pdf_has_one_page_per_slide(demo_db, tmp_path):
    import subprocess
    slides = build_slides(["stations", "charity"], "zh")
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(pdf_export.to_pdf(write_deck(slides, "zh", MADE_AT)))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           3" in info


def test_the_slide_chooser_opens_on_request_and_its_choice_orders_the_outline(demo_db):
    at = open_page("npc-briefing", role="leader")
    at.session_state["briefing_choose"] = True  # as a click on the expander does
    at.run()
    assert not at.exception and at.multiselect[0].value == list(CATALOGUE)
    at.multiselect[0].set_value(["charity", "stations"]).run()
    assert not at.exception and at.query_params["slides"] == "charity,stations"
    assert len(at.radio[0].options) == len(build_slides(["charity", "stations"], "zh"))


def test_the_briefing_page_previews_the_chosen_slides(demo_db):
    at = open_page("npc-briefing", role="leader")
    assert not at.exception
    outline = at.radio[0].options
    assert len(outline) == len(CATALOGUE) and any("达到97%目标" in title for title in outline)
    assert not at.multiselect  # the chooser opens on request
    # The first slide is previewed; choosing another in the outline previews it and keeps it in the URL.
    assert [s.value for s in at.subheader] == [outline[0].split(". ", 1)[1]]
    chosen = next(i for i, title in enumerate(outline) if "达到97%目标" in title)
    at.radio[0].set_value(chosen).run()
    assert not at.exception and any("达到97%目标" in s.value for s in at.subheader)
    assert at.query_params["slide"] == str(chosen) and len(chart_options(at)) == 1
    target = chart_options(at)[0]["series"][0]["markLine"]
    assert target["data"] == [{"yAxis": 97.0}] and target["label"]["formatter"] == "目标 97%"


def test_the_preview_chart_carries_the_spec_in_a_light_or_dark_look():
    from dashboard.briefing.model import ChartSpec
    from dashboard.briefing.view import DARK_BACKGROUND, DARK_TEXT, figure_for
    bars = ChartSpec("bar", ["2022", "2023"], {"募集": [2.4, 2.5], "拨付": [2.15, 3.47]}, "亿元")
    option = figure_for(bars).option
    assert option["xAxis"]["data"] == ["2022", "2023"] and option["title"][0]["subtext"] == "单位：亿元"
    assert [(s["type"], s["name"], s["data"]) for s in option["series"]] == \
        [("bar", "募集", [2.4, 2.5]), ("bar", "拨付", [2.15, 3.47])]
    assert "legend" in option and "markLine" not in option["series"][0] and "backgroundColor" not in option
    dark = figure_for(bars, dark=True).option
    assert dark["backgroundColor"] == DARK_BACKGROUND and dark["legend"]["textStyle"]["color"] == DARK_TEXT
    line = figure_for(ChartSpec("line", ["2024-Q1"], {"入户探访": [63000]}, "人次")).option
    assert line["series"][0]["type"] == "line" and "legend" not in line  # one series: no legend
    pie = figure_for(ChartSpec("pie", ["大病救助", "乡村振兴"], {"拨付": [9500, 500]}, "万元")).option
    slices = pie["series"][0]["data"]
    assert [(s["name"], s["value"]) for s in slices] == [("大病救助", 9500), ("乡村振兴", 500)]
    assert "9,500万元" in slices[0]["tooltip"]["formatter"] and "xAxis" not in pie


def test_presentation_mode_shows_one_slide_and_moves_on(demo_db):
    from tests.app_support import signed_in_app
    at = signed_in_app("leader")
    at.query_params["present"] = "1"
    at.query_params["slides"] = "stations,visits"
    at.run()
    at.switch_page("pages/briefing.py").run()
    assert not at.exception
    body = " ".join(m.value for m in at.markdown)
    assert "社工站75个" in body and "入户探访" not in body
    next(b for b in at.button if b.label == "下一页").click().run()
    body = " ".join(m.value for m in at.markdown)
    assert "入户探访66.8万人次" in body
    next(b for b in at.button if b.label == "退出演示").click().run()
    assert "present" not in at.query_params and any(b.label == "演示模式" for b in at.button)


def test_the_briefing_follows_the_data_after_a_change(scratch_db):
    import sqlalchemy as sa

    from dashboard import db
    from dashboard.briefing import service
    from dashboard.schema import stations
    before = service.slides(("stations",), "zh")[0].title
    with db.get_engine().begin() as conn:
        first_point = sa.select(sa.func.min(stations.c.station_code)).where(
            stations.c.station_type == "point").scalar_subquery()
        conn.execute(sa.update(stations).where(stations.c.station_code == first_point)
                     .values(station_type="station"))
        finish_write(conn)  # the write path: summaries, then the data version
    after = service.slides(("stations",), "zh")[0].title
    assert "社工站75个" in before and "社工站76个、村（社区）社工点361个" in after
