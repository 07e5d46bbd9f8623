"""The signed-in user's box: every text escaped, the sign-out link in the same tab (dashboard/user_box.py)."""
from html.parser import HTMLParser

from dashboard.user_box import box_html, sign_out_href


class _Parts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.links: list[dict] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.in_style = tag == "style"
        if tag == "a":
            self.links.append(dict(attrs))

    def handle_endtag(self, tag):
        self.in_style = False if tag == "style" else self.in_style

    def handle_data(self, data):
        if not self.in_style and data.strip():
            self.text.append(data)


def test_a_hostile_display_name_shows_as_text():
    hostile = '<img src=x onerror=alert(1)>"&'
    parts = _Parts()
    parts.feed(box_html("惠州民政数据驾驶舱", f"当前用户：{hostile}（规划）", "退出登录", sign_out_href("sign_out", "ab12")))
    assert "img" not in parts.tags
    assert parts.text == ["惠州民政数据驾驶舱", f"当前用户：{hostile}（规划）", "退出登录"]
    [link] = parts.links
    assert link == {"class": "hz-sign-out", "href": "?sign_out=ab12", "target": "_self", "data-sign-out": "true"}


def test_the_link_carries_only_the_sign_out_code():
    assert sign_out_href("sign_out", "0123456789abcdef") == "?sign_out=0123456789abcdef"
    assert sign_out_href("sign_out", "a&b=c") == "?sign_out=a%26b%3Dc"
    assert sign_out_href("sign_out", "0123", "en") == "?lang=en&sign_out=0123"
