"""Open pages in Streamlit's AppTest as a signed-in user of a role."""
from __future__ import annotations

import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

import streamlit_app
from dashboard.session import SESSION_KEY

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")
PAGE_PATHS = [entry[2] for entry in streamlit_app.PAGES]


def signed_in_app(role: str = "admin", language: str = "zh") -> AppTest:
    """An AppTest whose session already belongs to a user of the role (as the sign-in form leaves it)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = language
    at.session_state[SESSION_KEY] = {"username": f"test_{role}", "display_name": f"test_{role}",
                                     "role": role, "last_seen": time.time()}
    return at


def open_page(url_path: str, role: str = "admin", language: str = "zh") -> AppTest:
    """Run the app as a user of the role and switch to the page at url_path."""
    at = signed_in_app(role, language).run()
    if url_path != PAGE_PATHS[0]:
        at.switch_page(next(entry[0] for entry in streamlit_app.PAGES if entry[2] == url_path)).run()
    return at


def chart_options(at: AppTest) -> list[dict]:
    """The ECharts options of the charts an AppTest run drew, in page order (plain JSON)."""
    import json
    return [json.loads(element.proto.spec) for element in at.get("echarts_chart")]


def chart_titles(at: AppTest) -> list[str]:
    """The titles of the ECharts charts an AppTest run drew, in page order."""
    return [option["title"][0]["text"] for option in chart_options(at)]
