"""The language switch: links that keep the page's query parameters (dashboard/language_switch.py)."""
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

from dashboard import codes
from dashboard.language_switch import links_html
from tests.app_support import open_page


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, list[tuple[str, str]]] = {}  # language -> the link's query parameters
        self.current: list[str] = []  # languages shown as the current one (not linked)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and "data-language" in attributes:
            assert attributes["target"] == "_self"  # the same tab, not a new one
            self.links[attributes["data-language"]] = parse_qsl(urlsplit(attributes["href"]).query)
        elif tag == "strong" and attributes.get("aria-current") == "true":
            self.current.append(attributes["lang"])


def parse(body: str) -> _Links:
    parser = _Links()
    parser.feed(body)
    return parser


def switch_of(at) -> _Links:
    bodies = [element.proto.body for element in at.sidebar.get("html") if "hz-language" in element.proto.body]
    assert len(bodies) == 1
    return parse(bodies[0])


def test_each_link_keeps_the_query_parameters_and_sets_the_language():
    params = [("county", "441302"), ("layers", "a"), ("layers", "b"), ("lang", "zh")]
    links = parse(links_html("语言 / Language", params, "zh"))
    assert links.current == ["zh"] and list(links.links) == ["en"]
    assert links.links["en"] == [("county", "441302"), ("layers", "a"), ("layers", "b"), ("lang", "en")]
    links = parse(links_html("语言 / Language", [("lang", "en")], "en"))
    assert links.current == ["en"] and links.links["zh"] == [("lang", "zh")]


def test_the_switch_escapes_what_it_is_given():
    hostile = '"><img src=x onerror=alert(1)>'
    body = links_html(hostile, [("county", hostile)], "zh")
    assert "<img" not in body
    assert parse(body).links["en"][0] == ("county", hostile)  # still the same value once decoded


def test_the_links_carry_what_the_page_wrote_to_the_address_in_the_same_run(demo_db):
    at = open_page("charity-flows")
    assert ("county", codes.codes("county")[1]) not in switch_of(at).links["en"]
    at.button_group(key="filter_county").set_value(codes.codes("county")[1]).run()
    assert at.query_params["county"] == codes.codes("county")[1]
    links = switch_of(at).links["en"]
    assert ("county", codes.codes("county")[1]) in links and links[-1] == ("lang", "en")


def test_the_sign_in_form_has_the_switch_too(demo_db):
    from streamlit.testing.v1 import AppTest
    from tests.app_support import APP
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert switch_of(at).current == ["en"] and "zh" in switch_of(at).links
