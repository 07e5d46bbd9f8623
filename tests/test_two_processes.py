"""Two app processes on one PostgreSQL database: a file imported through one is seen by the other on its
next rerun (caches are keyed on the data version stored in the database, not on anything in a process)."""
import re

import pytest

from dashboard import db, migrate
from dashboard.demo import load_demo
from tests import import_corpus as corpus
from tests.browser_support import chromium_page, require_chromium, running_app, sign_in, wait_until_drawn
from tests.conftest import TEST_PASSWORD, TEST_USERS, _fresh_database, add_test_users

pytestmark = pytest.mark.browser

STATION_CARD = "乡镇（街道）社工站"


def station_card_value(page) -> str:
    """The value shown on the overview's township-station card."""
    return page.locator(f'[data-metric-label="{STATION_CARD}"]').first.get_attribute("data-metric-value")


def test_an_import_through_one_process_shows_in_the_other_on_its_next_rerun(tmp_path_factory, tmp_path):
    require_chromium()
    url, drop = _fresh_database("postgresql", tmp_path_factory)
    try:
        engine = db.get_engine(url)
        migrate.upgrade(engine)
        load_demo(engine)
        add_test_users(engine)
        stations_file = tmp_path / "stations.csv"
        stations_file.write_bytes(corpus.csv_bytes(corpus.frame("stations")))
        with running_app(url) as first, running_app(url) as second, chromium_page(1440, 2400) as leader:
            officer = leader.context.browser.new_page(viewport={"width": 1440, "height": 2400}, locale="zh-CN")
            # The leader reads the overview on the second process (its caches now hold the demo figures).
            sign_in(leader, second, TEST_USERS["leader"], TEST_PASSWORD, "city-overview")
            wait_until_drawn(leader)
            assert station_card_value(leader) == "75"
            # The data officer imports a stations file through the first process.
            sign_in(officer, first, TEST_USERS["data_officer"], TEST_PASSWORD, "data-management")
            wait_until_drawn(officer, '[data-testid="stFileUploader"]')
            officer.locator('input[type="file"]').set_input_files(str(stations_file))
            officer.wait_for_selector("text=预览", timeout=30000)
            wait_until_drawn(officer, '[data-testid="stFileUploader"]')
            officer.locator('button:has-text("导入")').last.click(timeout=30000)
            officer.wait_for_selector("text=导入成功", timeout=60000)
            # The leader's next rerun on the second process shows the imported figures.
            leader.locator("h1").first.click()
            leader.keyboard.press("r")
            leader.wait_for_function(
                "(label) => [...document.querySelectorAll('[data-metric-label]')].some(card =>"
                " card.dataset.metricLabel === label && card.querySelector('.hz-metric-value')"
                ".innerText.trim() === '1')", arg=STATION_CARD, timeout=60000)
            assert station_card_value(leader) == "1"
            assert re.search(r"示例数据|demo", leader.inner_text("body"), re.IGNORECASE)
    finally:
        drop()
