"""Start the app: `python -m dashboard serve [streamlit options]`.

Streamlit starts in its legacy pages/ mode whenever a pages/ folder sits beside the entry point, and
leaves it only once st.navigation has run in the process: until then a deep link is resolved against
the files in pages/ (running a page without the router, or showing "page not found"). The router is
the only way in here, so the launcher turns that mode off before the server starts, exactly as
st.navigation would, then runs `streamlit run streamlit_app.py`.
"""
from __future__ import annotations

import sys

from dashboard.settings import PROJECT_ROOT


def main(options: list[str]) -> int:
    """Run the Streamlit server on the router with the given command-line options."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli as streamlit_cli

    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(PROJECT_ROOT / "streamlit_app.py"), *options]
    return streamlit_cli.main()
