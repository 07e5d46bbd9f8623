"""Small tables drawn as one HTML element (dashboard/html_table.py)."""
from html.parser import HTMLParser

import pandas as pd

from dashboard.html_table import render


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
