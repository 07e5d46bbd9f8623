"""The app in headless Chromium: sign-in first, figures drawn, Chinese text, no exception, and nothing
requested from any host but this machine."""
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser_support import (METRIC_CARD, chromium_page, exceptions_on, foreign_requests, require_chromium,
                                   running_app, sign_in, wait_until_drawn)
from tests.conftest import TEST_PASSWORD, TEST_USERS

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/dashboard-screenshots"))


@pytest.fixture(scope="module")
def app_url(demo_database_url):
    require_chromium()
    if not demo_database_url.startswith("sqlite"):
        pytest.skip("the browser runs once, on the embedded database")
    with running_app(demo_database_url) as base:
        yield base


def test_an_anonymous_visitor_sees_only_the_sign_in_page(app_url):
    with chromium_page() as page:
        page.goto(f"{app_url}/city-overview")
        page.wait_for_selector('[data-testid="stTextInput"]', timeout=30000)
        page.wait_for_timeout(500)
        text = page.inner_text("body")
        assert "登录" in text and "3,013" not in text and "总览" not in text
        assert page.query_selector(METRIC_CARD) is None
        assert foreign_requests(page.requested_urls) == []


def test_overview_shows_the_headline_figures_offline(app_url):
    with chromium_page() as page:
        sign_in(page, app_url, TEST_USERS["leader"], TEST_PASSWORD, "city-overview")
        wait_until_drawn(page)
        # Each figure within a few seconds, not in one reading of the page: a CI run once read the
        # English overview (the next test) without one of its figures although the script had finished
        # (cause not found; it passed on every run here).
        for figure in ("总览", "75", "362", "1,098", "3,013", "66.8万", "2,439", "2.5亿元", "3.47亿元", "示例数据"):
            expect(page.locator("body")).to_contain_text(figure, timeout=10_000)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "overview.png"), full_page=True)
        assert exceptions_on(page) == []
        # Each card's trend is drawn (an inline picture: the browser drops bare SVG in st.html).
        trends = page.eval_on_selector_all('[data-testid="stMain"] img[alt^="走势"]',
                                           "images => images.map(i => i.complete && i.naturalWidth > 0)")
        assert len(trends) >= 9 and all(trends), trends
        assert page.url.endswith("/city-overview")
        assert foreign_requests(page.requested_urls) == [] and page.dialogs == []


def test_language_toggle_switches_to_english(app_url):
    with chromium_page() as page:
        sign_in(page, app_url, TEST_USERS["planner"], TEST_PASSWORD, "city-overview?lang=en")
        wait_until_drawn(page)
        for figure in ("Overview", "668,000", "¥250 million"):  # waited for, as in the test above
            expect(page.locator("body")).to_contain_text(figure, timeout=10_000)
        assert exceptions_on(page) == []
        assert foreign_requests(page.requested_urls) == []


SWITCH = '[data-testid="stSidebar"] .hz-language'


def test_the_language_links_reopen_the_same_view_in_the_other_language(app_url):
    with chromium_page() as page:
        sign_in(page, app_url, TEST_USERS["planner"], TEST_PASSWORD, "charity-flows?county=441302")
        wait_until_drawn(page, SWITCH)
        page.locator('[data-testid="stSidebar"] a[data-language="en"]').click()
        page.wait_for_url("**/charity-flows?*lang=en*", timeout=30_000)
        wait_until_drawn(page, SWITCH)
        expect(page.locator('[data-testid="stMain"] h1')).to_have_text("Charity money flows", timeout=10_000)
        assert "county=441302" in page.url  # the same view: the county chosen is kept
        assert page.query_selector(".st-key-sign_in_form") is None  # still signed in (the cookie)
        page.locator('[data-testid="stSidebar"] a[data-language="zh"]').click()
        page.wait_for_url("**/charity-flows?*lang=zh*", timeout=30_000)
        wait_until_drawn(page, SWITCH)
        expect(page.locator('[data-testid="stSidebar"] strong[aria-current="true"]')).to_have_text("简体中文")
        assert exceptions_on(page) == [] and foreign_requests(page.requested_urls) == []


def test_a_deep_link_on_a_fresh_server_goes_through_the_router(demo_database_url):
    """Streamlit's legacy pages/ routing must not run a page without the router (sign-in, language,
    role checks), nor leave a 'page not found' dialog."""
    require_chromium()
    if not demo_database_url.startswith("sqlite"):
        pytest.skip("the browser runs once, on the embedded database")
    with running_app(demo_database_url) as base, chromium_page() as page:
        page.goto(f"{base}/overview")  # the page file's own name, not its url path
        page.wait_for_selector('[data-testid="stTextInput"]', timeout=30000)
        page.wait_for_timeout(1000)
        assert page.query_selector(METRIC_CARD) is None  # still asks for sign-in
        sidebar = page.inner_text('[data-testid="stSidebar"]')
        assert "语言 / Language" in sidebar and "streamlit app" not in sidebar


def test_signing_out_returns_to_the_sign_in_form(app_url):
    with chromium_page() as page:
        sign_in(page, app_url, TEST_USERS["planner"], TEST_PASSWORD, "city-overview")
        wait_until_drawn(page)
        page.get_by_role("link", name="退出登录").click()
        wait_until_drawn(page, '[data-testid="stTextInput"] input')
        assert page.query_selector(METRIC_CARD) is None


# An ECharts chart (SVG renderer) is drawn once its SVG holds a path (the first path may be a
# hairline, which Playwright does not count as visible: wait for the SVG, then count).
ECHARTS_DRAWN = '[data-testid="stEChartsChart"] svg'
ECHARTS_COUNT = ("[...document.querySelectorAll('[data-testid=stEChartsChart]')]"
                 ".filter(chart => chart.querySelector('svg path')).length")


def test_special_education_draws_every_chart_offline(app_url):
    with chromium_page(height=6500) as page:
        sign_in(page, app_url, TEST_USERS["leader"], TEST_PASSWORD, "special-education?county=441324")
        # Generous limits: a shared two-core machine under load can take a while to draw five charts.
        wait_until_drawn(page, ECHARTS_DRAWN, timeout_ms=120_000)
        # The page opens on its first section, the two enrolment rates against their targets.
        page.wait_for_function(f"() => {ECHARTS_COUNT} >= 2", timeout=120_000)
        text = page.inner_text("body")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "special_education_longmen.png"), full_page=True)
        assert exceptions_on(page) == []
        for words in ("特殊教育", "龙门县", "目标 97%", "目标 90%", "尚需入学", "目标登记表"):
            assert words in text, words
        # Each other section is a click away, and is drawn in place of the first.
        for label, section, charts in (("义务教育阶段安置方式", "placements", 1), ("高中阶段特教学生", "senior_high", 1),
                                       ("特教资源中心与资源教室", "resources", 1)):
            page.locator("[data-testid=stButtonGroup] button", has_text=label).click()
            page.wait_for_function(f"() => new URL(location.href).searchParams.get('section') === '{section}'"
                                   f" && {ECHARTS_COUNT} === {charts}"
                                   " && !document.querySelector('[data-stale=true]')"
                                   " && document.querySelector('[data-testid=stApp]').dataset.testScriptState"
                                   " === 'notRunning'", timeout=120_000)
        assert "section=resources" in page.url and "county=441324" in page.url
        assert exceptions_on(page) == []
        assert foreign_requests(page.requested_urls) == [] and page.dialogs == []


def session_cookie(page) -> list[dict]:
    return [c for c in page.context.cookies() if c["name"] == "hz_dashboard_session"]


def test_a_reload_or_a_typed_address_keeps_the_sign_in_until_signing_out(app_url):
    with chromium_page() as page:
        sign_in(page, app_url, TEST_USERS["planner"], TEST_PASSWORD, "city-overview")
        wait_until_drawn(page)
        page.wait_for_function("() => document.cookie.includes('hz_dashboard_session=')", timeout=30000)
        [cookie] = session_cookie(page)
        assert cookie["sameSite"] == "Strict" and cookie["path"] == "/"
        page.reload()
        wait_until_drawn(page)
        assert page.query_selector('input[type="password"]') is None and page.url.endswith("/city-overview")
        page.goto(f"{app_url}/home-visits")  # an address typed or bookmarked: a new session too
        wait_until_drawn(page, '[data-testid="stMainBlockContainer"] h1', 60000)
        assert page.query_selector('input[type="password"]') is None
        assert "入户探访" in page.inner_text('[data-testid="stMainBlockContainer"] h1')
        page.get_by_role("link", name="退出登录").click()
        wait_until_drawn(page, '[data-testid="stTextInput"] input')
        page.wait_for_function("() => !document.cookie.includes('hz_dashboard_session=')", timeout=30000)
        page.reload()
        wait_until_drawn(page, '[data-testid="stTextInput"] input')
        assert page.query_selector(METRIC_CARD) is None and session_cookie(page) == []
        assert exceptions_on(page) == [] and foreign_requests(page.requested_urls) == []


def test_an_administrator_reaches_the_administration_page_and_its_tabs(app_url):
    with chromium_page(1440, 3000) as page:
        sign_in(page, app_url, TEST_USERS["admin"], TEST_PASSWORD, "city-overview")
        wait_until_drawn(page)
        page.locator('[data-testid="stSidebarNav"]').get_by_text("系统管理").click()
        page.wait_for_url("**/system-administration", timeout=30000)
        wait_until_drawn(page, 'table[data-table="账户"]', 60000)
        assert "系统管理" in page.inner_text('[data-testid="stMainBlockContainer"] h1')
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for number, tab in enumerate(("账户", "目标值", "已公布数字")):
            page.get_by_role("tab", name=tab).click()
            page.wait_for_timeout(800)
            assert page.get_by_role("tab", name=tab).get_attribute("aria-selected") == "true"
            page.screenshot(path=str(SCREENSHOTS / f"administration_{number}.png"), full_page=True)
        assert "python -m dashboard reconcile" in page.inner_text('[data-testid="stMain"]')
        assert exceptions_on(page) == [] and page.dialogs == []
        assert foreign_requests(page.requested_urls) == []


def test_the_dark_briefing_darkens_the_sidebar_too(app_url):
    """The briefing's dark look (深色大屏) covers the whole window: the sidebar beside a dark preview was
    left light, with dark text; its text, links and current page are now light on dark."""
    def luminance(colour: str) -> float:
        red, green, blue = (float(part) for part in re.findall(r"[\d.]+", colour)[:3])
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    with chromium_page() as page:
        sign_in(page, app_url, TEST_USERS["leader"], TEST_PASSWORD, "npc-briefing?theme=dark")
        page.wait_for_selector('[data-testid="stSidebar"] .hz-user', timeout=60_000)
        page.wait_for_selector('[data-testid="stCheckbox"], [data-testid="stToggle"], label:has-text("深色大屏")',
                               timeout=60_000)
        colours = page.evaluate("""() => {
            const style = selector => getComputedStyle(document.querySelector(selector));
            return {sidebar: style('[data-testid="stSidebar"]').backgroundColor,
                    link: style('[data-testid="stSidebarNavLink"] span').color,
                    user: style('[data-testid="stSidebar"] .hz-user-who').color,
                    language: style('[data-testid="stSidebar"] .hz-language').color};
        }""")
        assert luminance(colours["sidebar"]) < 60, colours
        assert all(luminance(colours[part]) > 180 for part in ("link", "user", "language")), colours
        assert exceptions_on(page) == []
