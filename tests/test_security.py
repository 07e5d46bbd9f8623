"""Roles enforced by the router, and hostile input: scripts in every imported text field, injection
strings in every URL parameter."""
import pytest
import sqlalchemy as sa

import streamlit_app
from dashboard import db, schema
from tests.app_support import signed_in_app
from tests.browser_support import (chromium_page, exceptions_on, foreign_requests, require_chromium,
                                   running_app, sign_in, wait_until_drawn)
from tests.conftest import TEST_PASSWORD, TEST_USERS, hostile_database

XSS = "<img src=x onerror=alert(1)><script>alert(2)</script>"
INJECTIONS = ["441302' OR '1'='1", "'; DROP TABLE stations; --", "1 OR 1=1", "<script>alert(1)</script>",
              "%27%20OR%201=1", "../../etc/passwd"]
URL_PARAMETERS = ["county", "township", "from", "to", "school_year", "period", "distance", "layers",
                  "measure", "slides", "slide", "present", "theme", "lang"]



@pytest.mark.parametrize("role, allowed, refused", [
    ("leader", ["pages/overview.py", "pages/briefing.py"], ["pages/coverage.py", "pages/data_management.py"]),
    ("planner", ["pages/coverage.py"], ["pages/data_management.py"]),
    ("data_officer", ["pages/data_management.py", "pages/coverage.py"], []),
])
def test_each_role_opens_only_its_pages(demo_db, role, allowed, refused):
    for script in allowed:
        at = signed_in_app(role).run()
        at.switch_page(script).run()
        assert not at.exception and [t.value for t in at.title] != ["无权访问"], (role, script)
    for script in refused:
        # The router registers a refusal at a refused page's address, never its script, so no
        # navigation of this role can run the script (the browser test sees the refusal there).
        at = signed_in_app(role).run()
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(script)


@pytest.mark.parametrize("script", [entry[0] for entry in streamlit_app.PAGES])
def test_injection_strings_in_every_url_parameter_change_nothing(demo_db, script):
    for hostile in INJECTIONS:
        at = signed_in_app("admin")
        for name in URL_PARAMETERS:
            at.query_params[name] = hostile
        at.run()
        at.switch_page(script).run()
        assert not at.exception, (script, hostile, [e.value for e in at.exception])
    with db.get_engine().connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.stations)).scalar() == 437


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory, demo_database_url):
    """The app on a database whose every imported name is a script."""
    require_chromium()
    if not demo_database_url.startswith("sqlite"):
        pytest.skip("the browser runs once, on the embedded database")
    url = hostile_database(tmp_path_factory, [schema.stations, schema.townships, schema.villages,
                                              schema.charity_organisations, schema.community_funds], XSS)
    with running_app(url) as base:
        yield base


@pytest.mark.browser
def test_scripts_in_names_stay_text_on_every_page(hostile_app):
    for _, _, path, _ in streamlit_app.PAGES:
        with chromium_page(1440, 3000) as page:
            sign_in(page, hostile_app, TEST_USERS["admin"], TEST_PASSWORD, path)
            wait_until_drawn(page, '[data-testid="stMainBlockContainer"] h1', 90000)
            page.wait_for_timeout(2500)
            for element in page.query_selector_all(".leaflet-interactive")[:50]:
                element.hover(force=True)
            assert page.dialogs == [], path
            assert exceptions_on(page) == [], path
            assert foreign_requests(page.requested_urls) == [], path


@pytest.mark.browser
def test_the_navigation_follows_the_role(hostile_app):
    expectations = {"leader": (False, False, False), "planner": (True, False, False),
                    "data_officer": (True, True, False), "admin": (True, True, True)}
    for role, (sees_map, sees_import, sees_admin) in expectations.items():
        with chromium_page() as page:
            sign_in(page, hostile_app, TEST_USERS[role], TEST_PASSWORD, "city-overview")
            wait_until_drawn(page)
            sidebar = page.inner_text('[data-testid="stSidebarNav"]')
            assert ("站点覆盖" in sidebar) == sees_map, role
            assert ("数据管理" in sidebar) == sees_import, role
            assert ("系统管理" in sidebar) == sees_admin, role


@pytest.mark.browser
def test_a_leader_opening_the_import_page_by_address_is_refused(hostile_app):
    with chromium_page() as page:
        sign_in(page, hostile_app, TEST_USERS["leader"], TEST_PASSWORD, "data-management")
        wait_until_drawn(page, '[data-testid="stMainBlockContainer"] h1', 60000)
        text = page.inner_text('[data-testid="stMain"]')
        assert "无权访问" in text and "上传" not in text
        assert page.query_selector('input[type="file"]') is None


@pytest.mark.browser
def test_a_data_officer_opening_the_administration_page_by_address_is_refused(hostile_app):
    with chromium_page() as page:
        sign_in(page, hostile_app, TEST_USERS["data_officer"], TEST_PASSWORD, "system-administration")
        wait_until_drawn(page, '[data-testid="stMainBlockContainer"] h1', 60000)
        text = page.inner_text('[data-testid="stMain"]')
        assert "无权访问" in text and "添加账户" not in text and "test_admin" not in text
        assert page.query_selector('[data-testid="stDataFrame"]') is None
