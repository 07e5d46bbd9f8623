"""The coverage map in headless Chromium: Leaflet draws offline, a county click drills in and updates the
URL, hostile names stay text, and nothing is requested from another host."""
import re

import pytest

from dashboard import codes, schema
from tests.browser_support import (chromium_page, exceptions_on, foreign_requests, require_chromium,
                                   running_app, sign_in, wait_until_drawn)
from tests.conftest import TEST_PASSWORD, TEST_USERS, hostile_database

pytestmark = pytest.mark.browser
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def hostile_app_url(tmp_path_factory, demo_database_url):
    require_chromium()
    if not demo_database_url.startswith("sqlite"):
        pytest.skip("the browser runs once, on the embedded database")
    url = hostile_database(tmp_path_factory, [schema.stations], XSS)
    with running_app(url) as base:
        yield base


def drawn_paths(page) -> int:
    frame = page.frame_locator(MAP_FRAME)
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=30000)
    return frame.locator("path.leaflet-interactive").count()


def covered_village_paths(page) -> int:
    """Circles of covered villages (their outline is the covered colour) in the map."""
    from geo.maps import COVERED_COLOUR
    return map_frame(page).locator(f'path.leaflet-interactive[stroke="{COVERED_COLOUR}"]').count()


def map_frame(page):
    return next(f for f in page.frames if "streamlit_folium" in f.url)


def test_the_map_draws_offline_and_a_county_click_drills_in(hostile_app_url):
    with chromium_page() as page:
        sign_in(page, hostile_app_url, TEST_USERS["planner"], TEST_PASSWORD, "station-coverage")
        wait_until_drawn(page)
        city_paths = drawn_paths(page)
        # Points, stations, townships, counties and the villages not covered; the whole city does not
        # mark the covered villages one by one (a county does, below).
        assert city_paths > 500 and covered_village_paths(page) == 0
        frame = map_frame(page)
        # The layer switcher rests folded into its icon, off the map's features.
        control = frame.locator(".leaflet-control-layers")
        assert control.count() == 1
        assert "leaflet-control-layers-expanded" not in (control.get_attribute("class") or "")
        assert control.bounding_box()["width"] < 60
        # The credit reads plain "Leaflet" (no link out, no flag); the scale bar is in kilometres only.
        attribution = frame.locator(".leaflet-control-attribution")
        assert attribution.inner_text().strip() == "Leaflet"
        assert attribution.locator("a, svg").count() == 0
        scale = frame.locator(".leaflet-control-scale-line")
        assert scale.count() == 1 and scale.inner_text().strip().endswith(("km", "m"))
        # Hovering every feature opens every tooltip: an unescaped name would run its onerror.
        frame.evaluate("""() => document.querySelectorAll('path.leaflet-interactive').forEach(p => {
            p.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
            p.dispatchEvent(new MouseEvent('mouseout', {bubbles: true})); })""")
        page.wait_for_timeout(500)
        assert page.dialogs == []
        # Click a county (the county layer's paths are the ones with this stroke).
        frame.evaluate("""() => {
            const counties = [...document.querySelectorAll('path.leaflet-interactive')]
                .filter(p => p.getAttribute('stroke') === '#37474f');
            const box = el => el.getBBox();
            const topmost = counties.sort((a, b) => box(a).y - box(b).y)[0];
            topmost.dispatchEvent(new MouseEvent('click', {bubbles: true}));
        }""")
        page.wait_for_url(re.compile(r"county=44\d{4}"), timeout=30000)
        county = codes.label("county", re.search(r"county=(44\d{4})", page.url).group(1), "zh")
        page.wait_for_function(f"() => document.body.innerText.includes('{county}站点覆盖地图')", timeout=30000)
        wait_until_drawn(page)
        county_paths = drawn_paths(page)
        assert 0 < county_paths and covered_village_paths(page) > 0
        assert exceptions_on(page) == []
        assert page.dialogs == []
        assert foreign_requests(page.requested_urls) == []


def test_the_gap_list_downloads_as_csv_with_its_source_line(hostile_app_url):
    with chromium_page(height=3000) as page:
        sign_in(page, hostile_app_url, TEST_USERS["planner"], TEST_PASSWORD,
                "station-coverage?county=441323&section=gaps")
        wait_until_drawn(page, '[data-testid="stDownloadButton"]')
        buttons = page.locator('[data-testid="stDownloadButton"] button')
        assert buttons.count() == 2  # the gap list's CSV and XLSX, the one table of this section
        with page.expect_download() as info:
            buttons.nth(0).click()
        text = open(info.value.path(), encoding="utf-8-sig").read()
        assert info.value.suggested_filename.startswith("coverage_gaps_")
        assert text.startswith("序号,县（区）,乡镇（街道）,村（社区）,人口") and "惠东县" in text and "来源" in text
