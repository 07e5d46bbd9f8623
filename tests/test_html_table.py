"""Small tables drawn as one HTML element (dashboard/html_table.py)."""
from html.parser import HTMLParser

import pandas as pd

from dashboard.html_table import render
from tests.table_support import tables


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.cells: list[tuple[str, str, str]] = []  # (tag, class, text)
        self.open: list | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("th", "td"):
            self.open = [tag, dict(attrs).get("class") or "", ""]

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self.open:
            self.cells.append(tuple(self.open))
            self.open = None

    def handle_data(self, data):
        if self.open:
            self.open[2] += data


def cells(body: str) -> _Cells:
    parser = _Cells()
    parser.feed(body)
    return parser


def test_every_header_and_cell_is_text_however_hostile():
    hostile = '<img src=x onerror=alert(1)>'
    frame = pd.DataFrame({hostile: [hostile, "&amp;"], "姓名": ["</td></tr></table><script>", None]})
    parsed = cells(render(frame, hostile))
    assert "img" not in parsed.tags and "script" not in parsed.tags
    assert [text for _, _, text in parsed.cells] == [hostile, "姓名", hostile, "</td></tr></table><script>",
                                                     "&amp;", ""]


def test_numbers_are_right_aligned_and_text_is_not():
    frame = pd.DataFrame({"目标值": ["1,200", "97.5%", ""], "单位": ["人", "%", "个"], "n": [3, 4.5, None],
                          "人数": ["<5", "1,234", "12"], "县区": ["Huicheng District", "惠城区", "Boluo County"],
                          "来源": ["惠市民政案〔2024〕23号：全市共建成镇街社工站75个", "", ""]})
    classes = {text: css for tag, css, text in cells(render(frame, "register")).cells if tag == "th"}
    # Numbers (a suppressed "<5" among them) right; short texts on one line; a long quote wraps.
    assert classes == {"目标值": "hz-number", "单位": "hz-short", "n": "hz-number", "人数": "hz-number",
                       "县区": "hz-short", "来源": ""}


def test_an_empty_register_still_shows_its_columns():
    parsed = cells(render(pd.DataFrame(columns=["用户名", "角色"]), "账户"))
    assert [(tag, text) for tag, _, text in parsed.cells] == [("th", "用户名"), ("th", "角色")]


def test_a_long_list_is_drawn_up_to_its_limit_with_a_line_saying_so():
    from streamlit.testing.v1 import AppTest

    def page():
        import pandas as pd
        from dashboard import html_table
        html_table.draw(pd.DataFrame({"村": [f"村{i}" for i in range(1234)]}), "缺口", max_rows=500)
        html_table.draw(pd.DataFrame({"村": ["甲", "乙"]}), "短表", max_rows=2)

    at = AppTest.from_function(page).run()
    assert not at.exception
    shown = tables(at)
    assert len(shown["缺口"]) == 500 and shown["缺口"].iloc[-1, 0] == "村499"
    assert len(shown["短表"]) == 2
    assert [c.value for c in at.caption] == ["表中列出前 500 行，共 1,234 行；下载可得全部。"]
