"""The renovation, visit and charity pages in headless Chromium: charts drawn, no exception, the
filters kept in the URL, nothing requested from another host; screenshots saved for review."""
import os
from pathlib import Path

import pytest

from tests.browser_support import (chromium_page, exceptions_on, foreign_requests, require_chromium,
                                   running_app, save_whole_page, sign_in, wait_until_drawn)
from tests.conftest import TEST_PASSWORD, TEST_USERS

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/dashboard-screenshots"))
CHART = '[data-testid="stEChartsChart"] svg text'  # an ECharts chart's SVG, once drawn
PAGES = {"elderly-care": "适老化改造户数", "home-visits": "入户探访", "charity-flows": "慈善资金流向"}


@pytest.fixture(scope="module")
def app_url(demo_database_url):
    require_chromium()
    if not demo_database_url.startswith("sqlite"):
        pytest.skip("the browser runs once, on the embedded database")
    with running_app(demo_database_url) as base:
        yield base


@pytest.mark.parametrize("url_path", list(PAGES))
def test_flow_page_draws_its_charts_offline(app_url, url_path):
    with chromium_page() as page:
        sign_in(page, app_url, TEST_USERS["planner"], TEST_PASSWORD, f"{url_path}?county=441302&from=2021&to=2023")
        wait_until_drawn(page, CHART)
        page.wait_for_timeout(1500)
        save_whole_page(page, SCREENSHOTS / f"{url_path}.png")
        text = page.inner_text("body")
        assert exceptions_on(page) == []
        assert PAGES[url_path] in text and "惠城区 · 2021—2023年" in text
        assert "county=441302" in page.url and "from=2021" in page.url
        assert foreign_requests(page.requested_urls) == []
