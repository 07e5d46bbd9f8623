"""Downloads, suppression and filters shared by the pages."""
import io

import openpyxl
import pandas as pd

from dashboard.downloads import file_name, neutralise_formulas, to_csv_bytes, to_xlsx_bytes
from dashboard.privacy import suppress_small_counts

SOURCE = "来源：惠市民政案〔2024〕23号 · 数据截至：2024-04-30"


def test_formula_cells_are_neutralised():
    frame = pd.DataFrame({"name": ["=1+1", "+cmd", "-2", "@SUM(A1)", "正常"], "n": [1, 2, 3, 4, 5]})
    safe = neutralise_formulas(frame)
    assert safe["name"].tolist() == ["'=1+1", "'+cmd", "'-2", "'@SUM(A1)", "正常"]
    assert safe["n"].tolist() == [1, 2, 3, 4, 5]


def test_csv_has_bom_table_and_source_line():
    data = to_csv_bytes(pd.DataFrame({"县区": ["惠城区"], "人数": [12]}), SOURCE).decode("utf-8")
    assert data.startswith("\ufeff县区,人数") and data.rstrip().endswith(SOURCE)


def test_xlsx_holds_table_and_source_line():
    frame = pd.DataFrame({"县区": ["惠城区", "=HYPERLINK(\"x\")"], "人数": [12, 3]})
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame, SOURCE))).active
    assert [c.value for c in sheet[1]] == ["县区", "人数"]
    assert sheet["A3"].value == "'=HYPERLINK(\"x\")" and sheet["A3"].data_type == "s"
    assert sheet["A5"].value == SOURCE


def test_a_download_records_the_export_when_its_file_is_made(scratch_db):
    """The file maker a download button calls on a click: it returns the file and records who exported
    which file, in the database it was given (it runs outside the page's script and session)."""
    import sqlalchemy as sa

    from dashboard import db, schema
    from dashboard.downloads import audited
    make = audited(lambda: b"file", "coverage_gaps_2024-04.csv", "planner", scratch_db)
    engine = db.get_engine(scratch_db)
    exports = sa.select(schema.import_audit.c.actor, schema.import_audit.c.file_name).where(
        schema.import_audit.c.action == "export")
    with engine.connect() as conn:
        assert conn.execute(exports).all() == []  # nothing until the click
    assert make() == b"file"
    with engine.connect() as conn:
        assert conn.execute(exports).all() == [("planner", "coverage_gaps_2024-04.csv")]


def test_file_names_say_what_and_when_and_are_safe():
    assert file_name("coverage_by_township", "2024-04-30T10:00", "xlsx") == "coverage_by_township_2024-04-30.xlsx"
    assert file_name("../../etc/passwd", "2024-04-30", "csv") == "etc_passwd_2024-04-30.csv"


def test_small_counts_are_suppressed_but_zero_and_large_are_not():
    frame = pd.DataFrame({"township": ["a", "b", "c", "d"], "children": [0, 1, 4, 5]})
    shown = suppress_small_counts(frame, ["children"])
    assert shown["children"].tolist() == [0, "<5", "<5", 5]
    assert frame["children"].tolist() == [0, 1, 4, 5]  # the input is untouched


def test_a_sparkline_is_a_small_line_with_its_values_in_words():
    import base64
    from dashboard.components import sparkline

    def picture(values, label):
        tag = sparkline(values, label)
        return tag, base64.b64decode(tag.split("base64,")[1].split('"')[0]).decode()
    tag, svg = picture([1, 3, 2], "走势：<3期>")
    points = svg.split('points="')[1].split('"')[0].split()
    assert points == ["0.00,27.00", "50.00,3.00", "100.00,15.00"]  # lowest at the bottom, highest at the top
    assert 'alt="走势：&lt;3期&gt;"' in tag and 'title="走势：&lt;3期&gt;"' in tag
    assert picture([5, 5], "flat")[1].count(",27.00") == 2  # no change: a flat line, no division by zero


def test_metric_cards_escape_every_text_and_show_the_change_by_its_direction():
    from dashboard.metric_cards import MetricCard, direction, render
    from tests.metric_support import _Cards
    hostile = "<img src=x onerror=alert(1)>"
    page = render([MetricCard(hostile, "1,098", help=hostile, delta="较上季度 −7,157", direction="down",
                              note=hostile, badge=f"✓ 已达标 · {hostile}", badge_colour="green"),
                   MetricCard("村（社区）社工点", "362", delta="较上年 +12", direction=direction(12)),
                   MetricCard("持平", "5", delta="较上年 ±0", direction=direction(0))], border=True)
    assert "<img" not in page and page.count("&lt;img src=x onerror=alert(1)&gt;") == 6
    parser = _Cards()
    parser.feed(page)
    first, second, third = parser.cards
    assert (first.label, first.value, first.help) == (hostile, "1,098", hostile)
    assert (first.delta, first.direction) == ("↓ 较上季度 −7,157", "down")
    assert first.badge == f"✓ 已达标 · {hostile}" and first.notes == [hostile]
    assert (second.delta, second.direction) == ("↑ 较上年 +12", "up")
    assert (third.delta, third.direction) == ("较上年 ±0", "off")
    assert "--hz-columns: 3" in page and page.count("hz-metric hz-border") == 3
    assert direction(None) is None and direction(float("nan")) is None and direction(-3) == "down"


def test_a_long_value_is_drawn_smaller_so_it_stays_on_one_line():
    from dashboard.metric_cards import MetricCard, render
    smaller = {value: 'class="hz-metric-value hz-long"' in render([MetricCard("x", value)])
               for value in ["¥12.86 million", "¥3.47 billion", "¥250 million", "1,286.3万元", "2,439"]}
    assert smaller == {"¥12.86 million": True, "¥3.47 billion": True, "¥250 million": False,
                       "1,286.3万元": False, "2,439": False}
    # The figures side by side keep one size: a long value makes its whole line of cards smaller, and
    # only its line.
    grid = render([MetricCard("a", "2,439"), MetricCard("b", "¥12.86 million"), MetricCard("c", "73"),
                   MetricCard("d", "4"), MetricCard("e", "5")], columns=3)
    assert grid.count("hz-metric-value hz-long") == 3 and grid.count('class="hz-metric-value"') == 2
    assert grid.index('class="hz-metric-value"') > grid.index(">73<")


def test_a_short_list_of_choices_is_a_row_of_buttons_and_a_long_one_a_drop_down():
    """filters.one_of: up to BUTTON_ROW_MAX choices as pills (every choice in sight, one click), more as
    a select box; either way the chosen value comes back, the given one at first."""
    from streamlit.testing.v1 import AppTest

    def script():
        import streamlit as st

        from dashboard import filters
        short = [str(n) for n in range(filters.BUTTON_ROW_MAX)]
        long = [str(n) for n in range(filters.BUTTON_ROW_MAX + 1)]
        st.session_state["got"] = (filters.one_of("short", short, "3", "short", container=st),
                                   filters.one_of("long", long, "4", "long", container=st))

    at = AppTest.from_function(script).run()
    assert not at.exception
    assert at.session_state["got"] == ("3", "4")
    assert at.button_group(key="short").value == "3" and len(at.selectbox) == 1
    assert at.selectbox(key="long").value == "4"
    at.button_group(key="short").set_value("5").run()
    at.selectbox(key="long").set_value("8").run()
    assert at.session_state["got"] == ("5", "8")
